"""1,000 units confirm their ballots within the same second, through the dispatcher, on PostgreSQL:
`.venv/bin/python -m bench.ballots_1000 [--units 1000] [--pool 20 --overflow 0]`.

A fresh schema (THIDUA_BENCH_POSTGRES_URL, default postgresql+asyncpg://postgres@127.0.0.1:5432/test,
dropped afterwards) holds one block of N units, each with one contact registered on the sandbox channel,
and one open poll (three candidates, one seat) made with `uow.polls.create/open`. Every chat is first
brought to its ballot's confirm step by the conversation itself, unmeasured: /bophieu, a candidate, the
review. Then the N confirms are pushed at once (`asyncio.gather` of `app.dispatcher.handle(Incoming(…))`):
each is one transaction (dedupe, the chat's dialog row locked, the role and the poll checked, the unit's
voter row and the secret ballot written, commit) and its reply (the receipt) goes back through the
sandbox channel. The last ballot also closes the poll (every unit has voted) and counts it.

Measured per update: from the call of handle() to its reply reaching the channel. Reported: median,
p90, p99 and max, the wall time from the first launch to the last reply, how far apart the launches
were, and the checks that every ballot was counted exactly once (N voter rows, N ballots with distinct
receipt hashes, turnout N, the count's returned = N). One run's figures on this machine; nothing is
asserted beyond the checks, which exit non-zero when they fail.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import func, select

from bot.app import App
from bot.channels.sandbox import CHANNEL, Delivered, SandboxChannel
from bot.settings import Settings
from handlers.core.catalog import VI
from handlers.core.clock import FrozenClock
from handlers.core.messages import Incoming
from storage import db
from storage.models import Block, ChatAccount, Contact, Term, Unit
from storage.models_vote import CLOSED, Ballot, Poll, PollVoter

PG_URL = os.environ.get("THIDUA_BENCH_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
START = datetime(2026, 12, 15, 2, 0, tzinfo=UTC)  # 09:00 in Hà Nội, the conference
CANDIDATES = 3


async def fresh_schema(pool: int, overflow: int, pool_wait: float) -> tuple[AsyncEngine, str]:
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = db.create_engine(PG_URL, pool_size=1, max_overflow=0)
    try:
        async with admin.begin() as conn:
            await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    finally:
        await admin.dispose()
    engine = db.create_engine(PG_URL, pool_size=pool, max_overflow=overflow, pool_timeout=pool_wait,
                              connect_args={"server_settings": {"search_path": schema}})
    return engine, schema


async def drop_schema(schema: str) -> None:
    admin = db.create_engine(PG_URL, pool_size=1, max_overflow=0)
    async with admin.begin() as conn:
        await conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    await admin.dispose()


def chat(i: int) -> str:
    return f"u{i:05d}"


async def seed(app: App, units: int) -> int:
    """The block, its units and their contacts, and the opened poll; returns the poll's id."""
    now = app.clock.now()
    async with app.uow() as uow:
        s = uow.session
        block = Block(name="Khối thi đua thử tải", province="Bắc Kạn", created_at=now)
        s.add(block)
        await s.flush()
        assert block.id is not None
        rows = [Unit(block_id=block.id, code=f"DV{i:05d}", name=f"Đơn vị {i}") for i in range(units)]
        s.add_all(rows)
        await s.flush()
        term = Term(block_id=block.id, year=2026, head_unit_id=rows[0].id, deputy_unit_id=rows[1].id)
        s.add(term)
        contacts = [Contact(block_id=block.id, unit_id=u.id, role="unit", full_name=f"Cán bộ {i}",
                            position="Chuyên viên", phone="0912345678", registered_at=now) for i, u in enumerate(rows)]
        s.add_all(contacts)
        await s.flush()
        s.add_all([ChatAccount(contact_id=c.id or 0, channel=CHANNEL, user_id=chat(i), chat_id=chat(i))
                   for i, c in enumerate(contacts)])
        assert term.id is not None
        poll = await uow.polls.create(
            Poll(term_id=term.id, kind="flag", question="Suy tôn đơn vị dẫn đầu đề nghị tặng Cờ thi đua năm 2026",
                 seats=1, max_choices=1, place="Hội trường", created_at=now),
            [u.id or 0 for u in rows[:CANDIDATES]])
        assert poll.id is not None and await uow.polls.open(poll.id, now, units)
        await uow.commit()
        return poll.id


async def say_all(app: App, texts: dict[str, str], at_once: int) -> float:
    """One update per chat, `at_once` at a time; the seconds until the last is answered (unmeasured steps)."""
    gate = asyncio.Semaphore(at_once)

    async def say(chat_id: str, body: str) -> None:
        async with gate:
            await app.dispatcher.handle(Incoming(CHANNEL, chat_id, chat_id, uuid.uuid4().hex, text=body))

    started = time.perf_counter()
    await asyncio.gather(*(say(c, body) for c, body in texts.items()))
    return time.perf_counter() - started


class Timer:
    """When each chat's reply reached the channel."""

    def __init__(self, channel: SandboxChannel) -> None:
        self.replied: dict[str, float] = {}
        self.texts: dict[str, str] = {}
        channel.listeners.append(self.on_delivered)

    def on_delivered(self, item: Delivered) -> None:
        if item.chat_id not in self.replied:
            self.replied[item.chat_id] = time.perf_counter()
            self.texts[item.chat_id] = item.text


async def confirm(app: App, chat_id: str, launched: dict[str, float]) -> None:
    launched[chat_id] = time.perf_counter()
    await app.dispatcher.handle(Incoming(CHANNEL, chat_id, chat_id, uuid.uuid4().hex, text="1"))


def prefix(key: str) -> str:
    """A reply's fixed opening, from the catalog (what comes before its first placeholder)."""
    return VI[key].split("{")[0]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


async def checks(app: App, poll_id: int, units: int, timer: Timer, chats: list[str]) -> list[str]:
    async with app.uow() as uow:
        s = uow.session
        voters = (await s.exec(select(func.count()).select_from(PollVoter).where(PollVoter.poll_id == poll_id))).one()
        ballots = (await s.exec(select(func.count()).select_from(Ballot).where(Ballot.poll_id == poll_id))).one()
        hashes = len(set(await uow.polls.receipt_hashes(poll_id)))
        turnout = await uow.polls.turnout(poll_id)
        poll = await uow.polls.get(poll_id)
    assert poll is not None
    returned = (poll.result or {}).get("returned")
    votes = sum(t["votes"] for t in (poll.result or {}).get("tallies", []))
    receipts = sum(1 for c in chats if timer.texts.get(c, "").startswith(prefix("vote.cast")))
    found = [("voter rows (PollVoter)", voters), ("ballots (Ballot)", ballots),
             ("distinct receipt hashes", hashes), ("turnout", turnout), ("count: returned", returned),
             ("count: votes (one choice per ballot)", votes), ("confirm replies with a receipt", receipts)]
    lines = [f"  {name}: {value} {'✓' if value == units else '✗ expected ' + str(units)}" for name, value in found]
    lines.append(f"  poll status: {poll.status} {'✓ (closed by the last ballot)' if poll.status == CLOSED else '✗'}")
    return lines


async def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--pool", type=int, default=20, help="pool_size (the application's default)")
    parser.add_argument("--overflow", type=int, default=0, help="max_overflow (the application's default)")
    parser.add_argument("--pool-timeout", type=float, default=300, help="seconds an update may wait for a connection "
                        "(the application's default)")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    try:
        engine, schema = await fresh_schema(args.pool, args.overflow, args.pool_timeout)
    except Exception as error:
        print(f"PostgreSQL at {PG_URL} unreachable ({type(error).__name__}: {error})", file=sys.stderr)
        return 2
    channel = SandboxChannel(style="telegram")
    with tempfile.TemporaryDirectory() as folder:
        app = await App.create(Settings(data_dir=Path(folder), secret_key="bench", _env_file=None),
                               clock=FrozenClock(START), engine=engine, channels=[channel])
        try:
            return await run(app, channel, args.units, args.pool + args.overflow, args.pool_timeout)
        finally:
            await app.close()
            await drop_schema(schema)


async def run(app: App, channel: SandboxChannel, units: int, connections: int, pool_wait: float) -> int:
    poll_id = await seed(app, units)
    chats = [chat(i) for i in range(units)]
    steps = [await say_all(app, {c: "/bophieu" for c in chats}, connections),
             await say_all(app, {c: str(i % CANDIDATES + 1) for i, c in enumerate(chats)}, connections),
             await say_all(app, {c: str(CANDIDATES + 1) for c in chats}, connections)]  # the review
    last = {d.chat_id: d.text for d in channel.delivered}
    reviews = sum(1 for c in chats if last.get(c, "").startswith(prefix("vote.review")))
    channel.delivered.clear()
    if reviews != units:
        sample = next((last.get(c, "") for c in chats if not last.get(c, "").startswith(prefix("vote.review"))), "")
        print(f"only {reviews}/{units} chats reached the confirm step; one answered: {sample[:200]!r}", file=sys.stderr)
        return 1
    timer = Timer(channel)
    launched: dict[str, float] = {}
    started, cpu = time.perf_counter(), time.process_time()
    outcomes = await asyncio.gather(*(confirm(app, c, launched) for c in chats), return_exceptions=True)
    cpu = time.process_time() - cpu
    failures = Counter(type(o).__name__ for o in outcomes if isinstance(o, BaseException))
    wall = time.perf_counter() - started
    latencies = [(timer.replied[c] - launched[c]) * 1000 for c in chats if c in timer.replied]
    arrival = [(timer.replied[c] - started) * 1000 for c in chats if c in timer.replied]
    spread = (max(launched.values()) - min(launched.values())) * 1000
    print(f"{units} units, one contact each, sandbox channel, PostgreSQL, pool {connections} connections "
          f"(pool timeout {pool_wait:.0f} s)")
    print(f"positioning (unmeasured): /bophieu {steps[0]:.1f} s, choice {steps[1]:.1f} s, review {steps[2]:.1f} s "
          f"({reviews}/{units} chats at the confirm step)")
    print(f"launch spread of the {units} confirms (first to last handle() start): {spread:.0f} ms")
    print(f"handle() start → reply (ms): median {statistics.median(latencies):.0f}, p90 {pct(latencies, 90):.0f}, "
          f"p99 {pct(latencies, 99):.0f}, max {max(latencies):.0f}  ({len(latencies)} replies)")
    print(f"all pushed → reply (ms): median {statistics.median(arrival):.0f}, p90 {pct(arrival, 90):.0f}, "
          f"p99 {pct(arrival, 99):.0f}, max {max(arrival):.0f}")
    print(f"CPU time of this process for the confirms: {cpu:.1f} s ({cpu * 1000 / units:.1f} ms per confirm)")
    print(f"wall time, first launch → last reply: {wall:.2f} s ({units / wall:.0f} confirms/s)")
    if failures:
        print("updates that failed without a reply: " + ", ".join(f"{n} × {name}" for name, n in failures.items()))
    lines = await checks(app, poll_id, units, timer, chats)
    print("exactly once:\n" + "\n".join(lines))
    return 0 if all("✗" not in line for line in lines) else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
