"""The users' side of bench/vs_peer.py: bots in processes of their own, updates pushed to the fake Bot API
each one polls, replies awaited, and what each measured batch cost in time and CPU."""

from __future__ import annotations

import asyncio
import itertools
import json
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import asyncpg  # type: ignore[import-untyped]

from bench.cpu import ServerCPU, process_seconds
from tests.fakes.telegram_api import FakeTelegramAPI

FIRST_UPDATE = 1_000_000_000  # ten digits: the floor finds a recorded update id in a statement by its digits
SETTLE = 0.1  # after the last reply, so that the work that follows a send is counted too


class Chats:
    """Pushes Telegram updates (private chats, text) with update ids of our own choosing."""

    def __init__(self, api: FakeTelegramAPI) -> None:
        self.api = api
        self._updates = itertools.count(FIRST_UPDATE)
        self._messages = itertools.count(1)

    def push(self, user: int, text: str) -> int:
        person = {"id": user, "is_bot": False, "first_name": f"User{user}", "language_code": "vi"}
        message: dict[str, Any] = {"message_id": next(self._messages), "date": int(time.time()), "text": text,
                                   "chat": {"id": user, "type": "private", "first_name": person["first_name"]},
                                   "from": person}
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        return self.api.push_raw({"update_id": next(self._updates), "message": message})

    async def send(self, texts: Sequence[tuple[int, str]], one_by_one: bool, expect: str | None = None) -> list[int]:
        """Push the texts (all at once, or each after the reply to the previous) and wait for one reply each;
        `expect`: how every reply must begin. Returns the update ids."""
        before, ids = len(self.api.sent), []
        if one_by_one:
            for n, (user, text) in enumerate(texts, 1):
                ids.append(self.push(user, text))
                await self.api.wait_sent(before + n, timeout=60)
        else:
            ids = [self.push(user, text) for user, text in texts]
            await self.api.wait_sent(before + len(texts), timeout=600)
        wrong = [r["text"] for r in self.api.sent[before:] if expect is not None and not r["text"].startswith(expect)]
        if wrong or len(self.api.sent) != before + len(texts):
            raise RuntimeError(f"{len(wrong)} unexpected replies, e.g. {wrong[:1]!r}")
        return ids


@dataclass(frozen=True)
class Run:
    rate: float  # answers per second, wall clock
    bot_ms: float  # CPU of the bot's process per answer
    server_ms: float  # CPU of its PostgreSQL backends (and redis-server) per answer
    statements: float  # statements sent to the database per answer, BEGIN and COMMIT included


class Servers:
    """Finds the server processes that work for one bot: its PostgreSQL backends (by application_name)
    and, for a bot on Redis, redis-server (its CPU then includes any other client's work)."""

    def __init__(self, admin: asyncpg.Connection | None, redis_pid: int | None) -> None:
        self.admin, self.redis_pid = admin, redis_pid

    async def snapshot(self, app_name: str | None, redis: bool) -> ServerCPU:
        pids = []
        if self.admin is not None and app_name is not None:
            rows = await self.admin.fetch("SELECT pid FROM pg_stat_activity WHERE application_name = $1", app_name)
            pids = [row["pid"] for row in rows]
        if redis and self.redis_pid is not None:
            pids.append(self.redis_pid)
        return ServerCPU(pids)


class Child:
    """A process of bench/stack_process.py or bench/floor.py, spoken to in JSON lines."""

    def __init__(self, process: asyncio.subprocess.Process, app_name: str | None, redis: bool) -> None:
        self.process, self.app_name, self.redis = process, app_name, redis
        self.profile = False  # cProfile the measured batches (bench/stack_process.py only)

    @classmethod
    async def start(cls, module: str, config: dict[str, Any]) -> Child:
        process = await asyncio.create_subprocess_exec(sys.executable, "-m", module, json.dumps(config),
                                                       stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
        child = cls(process, config.get("app_name"), config.get("storage") == "redis")
        ready = await asyncio.wait_for(child._read(), 600)
        if not ready.get("ready"):
            raise RuntimeError(f"{module} did not start: {ready}")
        return child

    async def _read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = await self.process.stdout.readline()
        if not line:
            raise RuntimeError(f"bench process {self.process.pid} ended (exit {await self.process.wait()})")
        answer: dict[str, Any] = json.loads(line)
        return answer

    async def ask(self, command: dict[str, Any]) -> dict[str, Any]:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(command).encode() + b"\n")
        await self.process.stdin.drain()
        return await asyncio.wait_for(self._read(), 600)

    async def measure(self, servers: Servers, answers: int, load: Callable[[], Awaitable[Any]]) -> Run:
        """Run `load` (which must bring `answers` answers) and what it cost this bot and its servers."""
        statements = (await self.ask({"do": "count"}))["statements"]
        if self.profile:
            await self.ask({"do": "profile", "on": True})
        server, cpu = await servers.snapshot(self.app_name, self.redis), process_seconds(self.process.pid)
        started = time.perf_counter()
        await load()
        seconds = time.perf_counter() - started
        await asyncio.sleep(SETTLE)
        cpu = process_seconds(self.process.pid) - cpu
        if self.profile:
            await self.ask({"do": "profile", "on": False})
        server_used = (await servers.snapshot(self.app_name, self.redis)).used_since(server)
        statements = (await self.ask({"do": "count"}))["statements"] - statements
        return Run(answers / seconds, cpu * 1000 / answers, server_used * 1000 / answers, statements / answers)

    async def close(self) -> None:
        if self.process.stdin is not None and not self.process.stdin.is_closing():
            self.process.stdin.close()
        try:
            await asyncio.wait_for(self.process.wait(), 30)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()
