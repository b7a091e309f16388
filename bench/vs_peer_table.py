"""The Markdown table of bench/vs_peer.py, ready for the README."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.vs_peer import Stack

MODES = ("burst", "one by one")


def table(args: argparse.Namespace, stacks: Sequence[Stack], started: datetime, load: float) -> str:
    command = " ".join(["python", "-m", "bench.vs_peer", *sys.argv[1:]])
    fair = next((s for s in stacks if s.key == "peer"), None)
    lines = [f"Run on {started:%d/%m/%Y %H:%M}, {os.cpu_count()} cores, load average {load:.1f} at the start: "
             f"`.venv/bin/{command}`.",
             f"Burst: {args.chats} chats at once; one by one: {args.sequential} chats in turn; medians of "
             f"{args.rounds} rounds. CPU per answer: the bot's own process, and apart the server processes "
             "working for it (PostgreSQL backends; redis-server for the Redis peer).",
             "",
             "| mode | stack | database | answers/s | ÷ fair peer | CPU ms per answer, bot process | "
             "CPU ms per answer, database (+ Redis) server | statements per answer (BEGIN, COMMIT included) |",
             "|---|---|---|---:|---:|---:|---:|---:|"]
    for mode in MODES:
        peer_rate = statistics.median(r.rate for r in fair.runs[mode]) if fair and fair.runs[mode] else None
        for stack in stacks:
            runs = stack.runs[mode]
            if not runs:
                continue
            rate = statistics.median(r.rate for r in runs)
            ratio = "—" if peer_rate is None else f"{rate / peer_rate:.2f}×"
            if stack.key.startswith("thidua") and peer_rate is not None:
                ratio = f"**{ratio}**"
            lines.append(f"| {mode} | {stack.label} | {stack.database} | {rate:,.0f} | {ratio} | "
                         f"{statistics.median(r.bot_ms for r in runs):.1f} | "
                         f"{statistics.median(r.server_ms for r in runs):.1f} | "
                         f"{statistics.median(r.statements for r in runs):.1f} |")
    return "\n".join(lines)
