"""CPU time of other processes on this machine, read from /proc (Linux only).

A bot process: utime + stime of /proc/<pid>/stat, which covers all its threads (aiosqlite's too), dead
ones included, in clock ticks (10 ms; a measured round costs hundreds of ms). A PostgreSQL backend or
redis-server: /proc/<pid>/schedstat, the scheduler's own nanoseconds (a backend does a few ms per round).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

TICK = 1 / os.sysconf("SC_CLK_TCK")


def process_seconds(pid: int) -> float:
    """CPU seconds used so far by the process `pid`, all threads."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * TICK


def task_seconds(pid: int) -> float:
    """CPU seconds used so far by the (single-threaded) process `pid`; 0 once it is gone."""
    try:
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return 0.0


class ServerCPU:
    """Snapshot of some server processes' CPU (PostgreSQL backends, redis-server) at one moment."""

    def __init__(self, pids: Iterable[int]) -> None:
        self.seconds = {pid: task_seconds(pid) for pid in pids}

    def used_since(self, before: ServerCPU) -> float:
        """Seconds used between `before` and this snapshot; a process born in between counts from 0."""
        return sum(now - before.seconds.get(pid, 0.0) for pid, now in self.seconds.items())


def is_local(pid: int) -> bool:
    """Whether `pid` is a process of this machine (a server in a container or elsewhere is not)."""
    return Path(f"/proc/{pid}").exists()
