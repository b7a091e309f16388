"""thidua's scoring answer against the fair peer, the bot a team would otherwise write (issue 14):
`.venv/bin/python -m bench.vs_peer [--chats 200] [--rounds 5] [--sequential 100] [--database both]
[--only thidua,peer,peer-memory,echo,floor] [--profile DIR]`.

Every bot runs in a process of its own (bench/stack_process.py) and long-polls its own fake Bot API
(tests/fakes/telegram_api.py, real HTTP) served by this process, which plays the users:

- thidua, as `thidua run` serves Telegram (bench/thidua_stack.py), on PostgreSQL and on SQLite;
- the fair peer (bench/peer.py): aiogram Router + FSM in RedisStorage + SQLAlchemy ORM on PostgreSQL;
- the same peer with aiogram's MemoryStorage;
- a bare aiogram echo (`message.answer(message.text)`);
- the floor (bench/floor.py): the statements thidua sent for a burst of the same answers, replayed
  straight through asyncpg or sqlite3.

Each chat is its own unit's contact, standing at the score step of criterion 1.1 with its draft begun by
a first, unmeasured answer; each measured answer («24,5» and the like) changes a line and gets one reply
(the same text and two inline buttons on both sides), after which «Quay lại» brings it back, unmeasured.
Burst: every chat at once, answers/s from the first push to the last reply. One by one: the first
`--sequential` chats, each pushed when the previous reply is in. The order of the stacks rotates from
round to round; the table gives medians over rounds. CPU is per answer: the bot's process (all its
threads) from /proc, and apart from it the server processes working for it (its PostgreSQL backends, found
by application_name; redis-server for the Redis peer, which also counts any other client of that server).
Statements are those the driver sent (bench/sql_log.py), BEGIN and COMMIT included. `--profile DIR`
writes each bot's cProfile stats (CPU time, measured batches only) to DIR/<stack>.prof; its figures are
then the profiler's, not the bot's.

PostgreSQL: THIDUA_BENCH_POSTGRES_URL (default postgresql+asyncpg://postgres@127.0.0.1:5432/test), a fresh
schema per bot, dropped afterwards; the peers need it. Redis: THIDUA_BENCH_REDIS_URL (default
redis://127.0.0.1:6379/0); without it the Redis peer is skipped. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
import tempfile
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import asyncpg  # type: ignore[import-untyped]

from bench.cpu import is_local
from bench.drive import Chats, Child, Run, Servers
from bench.vs_peer_table import table
from tests.fakes.telegram_api import FakeTelegramAPI

PG_URL = os.environ.get("THIDUA_BENCH_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("THIDUA_BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
FIRST_USER = 500_000
SCORES = ["24,5", "23", "22,5", "25", "21"]  # criterion 1.1: at most 25, in steps of 0,5
SCORED = "✅ Đã lưu 1.1: "
MODES = ("burst", "one by one")


@dataclass
class Stack:
    key: str  # as --only names it
    label: str
    database: str
    child: Child
    chats: Chats | None = None  # None for a floor, which needs no chat
    answers: int = 0  # a floor's answers per replay
    runs: dict[str, list[Run]] = field(default_factory=lambda: {mode: [] for mode in MODES})

    async def measure(self, servers: Servers, users: list[int], mode: str, score: str) -> None:
        one_by_one = mode == "one by one"
        if self.chats is None:
            replay = {"do": "replay", "one_by_one": one_by_one}
            self.runs[mode].append(await self.child.measure(servers, self.answers, lambda: self.child.ask(replay)))
            return
        chats, texts = self.chats, [(user, score) for user in users]
        echo = self.key == "echo"
        run = await self.child.measure(servers, len(texts), lambda: chats.send(texts, one_by_one,
                                                                               score if echo else SCORED))
        self.runs[mode].append(run)
        if not echo:
            await chats.send([(user, "Quay lại") for user in users], False)  # the score step again


class Bench:
    def __init__(self, args: argparse.Namespace, folder: Path, schemas: list[str]) -> None:
        self.args, self.folder = args, folder
        self.users = list(range(FIRST_USER, FIRST_USER + args.chats))
        self.admin: asyncpg.Connection | None = None
        self.redis_pid: int | None = None
        self.redis_ok = False
        self.schemas = schemas  # made and not yet dropped: main() drops them even after a hard stop
        self.apis: list[FakeTelegramAPI] = []
        self.children: list[Child] = []

    def wanted(self, key: str) -> bool:
        only = self.args.only
        return only is None or any(key == name or (name in ("thidua", "floor") and key.startswith(f"{name}-"))
                                   for name in only.split(","))

    def databases(self) -> list[str]:
        choice = self.args.database
        found = [d for d in ("postgres", "sqlite") if choice in (d, "both")]
        return [d for d in found if d == "sqlite" or self.admin is not None]

    async def connect(self) -> None:
        try:
            self.admin = await asyncpg.connect(PG_URL.replace("+asyncpg", ""), timeout=5)
        except (OSError, asyncpg.PostgresError) as error:
            print(f"PostgreSQL at {PG_URL} unreachable ({type(error).__name__}): the peers and thidua on "
                  "PostgreSQL are skipped")
        try:
            from redis.asyncio import Redis

            redis = Redis.from_url(REDIS_URL, socket_connect_timeout=2)
            pid = int((await redis.info("server"))["process_id"])
            await redis.aclose()
            self.redis_pid = pid if is_local(pid) else None
            self.redis_ok = True
        except Exception as error:  # missing package or server: either way, no Redis peer
            print(f"Redis at {REDIS_URL} unavailable ({type(error).__name__}): the fair peer on RedisStorage is "
                  "skipped, so no ratio can be given")

    async def database(self, database: str, name: str) -> dict[str, Any]:
        """Where one bot keeps its data: a fresh PostgreSQL schema, or a fresh SQLite file."""
        if database == "sqlite":
            path = self.folder / f"{name}.db"
            return {"database_url": f"sqlite+aiosqlite:///{path}"}
        assert self.admin is not None
        schema = f"bench_{uuid.uuid4().hex[:12]}"
        await self.admin.execute(f'CREATE SCHEMA "{schema}"')
        self.schemas.append(schema)
        return {"database_url": PG_URL, "schema": schema, "app_name": f"bench-{name}-{schema[-12:]}"}

    async def bot(self, key: str, kind: str, database: str, **extra: Any) -> tuple[Child, Chats, dict[str, Any]]:
        """A bot in its own process polling a fake Bot API of its own; also where its data is."""
        api = FakeTelegramAPI()
        await api.start()
        self.apis.append(api)
        where = await self.database(database, key) if database else {}
        config = {"kind": kind, "token": api.token, "api_url": api.base_url, "users": self.users,
                  "data_dir": str(self.folder / key), **where, **extra}
        child = await Child.start("bench.stack_process", config)
        self.children.append(child)
        await api.wait_for(lambda: any(method == "getUpdates" for method, _ in api.calls), timeout=60)
        return child, Chats(api), where

    async def scoring_bot(self, key: str, kind: str, database: str, **extra: Any
                          ) -> tuple[Child, Chats, dict[str, Any]]:
        """A bot whose chats stand at the score step, each unit's draft begun (the first answer, unmeasured)."""
        child, chats, where = await self.bot(key, kind, database, **extra)
        for text, expect in (("/chamdiem 1.1", None), (SCORES[-1], SCORED), ("Quay lại", None),
                             (SCORES[0], SCORED), ("Quay lại", None)):  # the second answer: a warm-up
            await chats.send([(user, text) for user in self.users], False, expect)
        return child, chats, where

    async def floor(self, database: str) -> Stack:
        """A thidua of its own answers one burst with every statement recorded, then is stopped; the floor
        replays those statements on its database."""
        child, chats, where = await self.scoring_bot(f"recorder-{database}", "thidua", database)
        recording = self.folder / f"recording-{database}.pickle"
        await child.ask({"do": "record"})
        ids = await chats.send([(user, SCORES[1]) for user in self.users], False, SCORED)
        await asyncio.sleep(0.3)  # anything the answers set going after their replies
        await child.ask({"do": "save", "path": str(recording)})
        await child.close()
        self.children.remove(child)
        if "app_name" in where:
            where["app_name"] = where["app_name"].replace("recorder", "floor")
        config = {"kind": "floor", "recording": str(recording), "update_ids": ids, "first_id": 1_500_000_000,
                  **where}
        floor = await Child.start("bench.floor", config)
        self.children.append(floor)
        driver = "asyncpg" if database == "postgres" else "sqlite3"
        return Stack(f"floor-{database}", f"floor: thidua's statements straight through {driver}", LABEL[database],
                     floor, answers=len(ids))

    async def stacks(self) -> list[Stack]:
        made: list[Stack] = []
        made += await self.bots()
        for database in self.databases():
            if self.wanted(f"floor-{database}"):
                made.append(await self.floor(database))
        return made

    async def bots(self) -> list[Stack]:
        made: list[Stack] = []
        for database in self.databases():
            if self.wanted(f"thidua-{database}"):
                child, chats, _ = await self.scoring_bot(f"thidua-{database}", "thidua", database)
                made.append(Stack(f"thidua-{database}", "thidua", LABEL[database], child, chats))
        if self.admin is not None:
            if self.redis_ok and self.wanted("peer"):
                child, chats, _ = await self.scoring_bot("peer", "peer", "postgres", storage="redis",
                                                      redis_url=REDIS_URL, redis_prefix=f"bench-{uuid.uuid4().hex}")
                made.append(Stack("peer", "fair peer: aiogram FSM in Redis + SQLAlchemy ORM", "PostgreSQL", child,
                                  chats))
            if self.wanted("peer-memory"):
                child, chats, _ = await self.scoring_bot("peer-memory", "peer", "postgres", storage="memory")
                made.append(Stack("peer-memory", "the same peer, FSM in MemoryStorage", "PostgreSQL", child, chats))
        if self.wanted("echo"):
            child, chats, _ = await self.bot("echo", "echo", "")
            await chats.send([(user, "warm up") for user in self.users], False)
            made.append(Stack("echo", "bare aiogram echo", "—", child, chats))
        for stack in made:
            stack.child.profile = self.args.profile is not None
        return made

    async def run(self) -> list[Stack]:
        await self.connect()
        stacks = await self.stacks()
        servers = Servers(self.admin, self.redis_pid)
        for n in range(self.args.rounds):
            order = stacks[n % len(stacks):] + stacks[:n % len(stacks)]  # who goes first rotates
            for mode in MODES:
                users = self.users if mode == "burst" else self.users[: self.args.sequential]
                for stack in order:
                    await stack.measure(servers, users, mode, SCORES[n % len(SCORES)])
            print(f"round {n + 1} of {self.args.rounds} done", file=sys.stderr)
        for stack in stacks:
            if stack.child.profile:
                await stack.child.ask({"do": "dump", "path": str(Path(self.args.profile, f"{stack.key}.prof"))})
        return stacks

    async def close(self) -> None:
        for child in self.children:
            await child.close()
        for api in self.apis:
            await api.stop()
        if self.admin is not None:
            await drop_schemas(self.schemas, self.admin)
            await self.admin.close()


async def drop_schemas(schemas: list[str], admin: asyncpg.Connection | None = None) -> None:
    connection = admin or await asyncpg.connect(PG_URL.replace("+asyncpg", ""), timeout=5)
    while schemas:
        await connection.execute(f'DROP SCHEMA IF EXISTS "{schemas[-1]}" CASCADE')
        schemas.pop()
    if admin is None:
        await connection.close()


LABEL = {"postgres": "PostgreSQL", "sqlite": "SQLite"}


@contextlib.asynccontextmanager
async def bench(args: argparse.Namespace, schemas: list[str]) -> AsyncIterator[Bench]:
    with tempfile.TemporaryDirectory() as folder:
        made = Bench(args, Path(folder), schemas)
        try:
            yield made
        finally:
            await made.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--chats", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sequential", type=int, default=100, help="chats answering one by one")
    parser.add_argument("--database", choices=("sqlite", "postgres", "both"), default="both",
                        help="thidua's and the floor's database (the peers are on PostgreSQL)")
    parser.add_argument("--only", help="comma-separated: thidua, thidua-postgres, thidua-sqlite, peer, "
                                       "peer-memory, echo, floor, floor-postgres, floor-sqlite")
    parser.add_argument("--profile", metavar="DIR", help="cProfile each bot's measured batches into DIR")
    args = parser.parse_args()
    args.sequential = min(args.sequential, args.chats)
    if args.profile:
        Path(args.profile).mkdir(parents=True, exist_ok=True)
    started, load = datetime.now(), os.getloadavg()[0]
    schemas: list[str] = []
    try:
        stacks = asyncio.run(measure(args, schemas))
    finally:
        if schemas:  # a second Ctrl-C ends the event loop before its own clean-up
            asyncio.run(drop_schemas(schemas))
    print(table(args, stacks, started, load))


async def measure(args: argparse.Namespace, schemas: list[str]) -> list[Stack]:
    async with bench(args, schemas) as run:
        return await run.run()


if __name__ == "__main__":
    main()
