"""Benchmark: one planner tick for 2,000 blocks × 15 units × 3 contacts (a reminder morning for all).

Run: .venv/bin/python -m bench.plan_tick [--blocks 2000] [--units 15] [--contacts 3]
Prints figures measured in this run on SQLite (a temporary file) and, if reachable, PostgreSQL.
Not a test: nothing is asserted about speed.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, insert, select, text

from handlers.deadlines.rules.workdays import at_local
from scheduler.reminders import plan_tick
from storage import db, migrate
from storage.models import Block, ChatAccount, Contact, Deadline, OutboxMessage, Term, Unit

PG_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
NOW = datetime(2026, 11, 18, 1, 30, tzinfo=UTC)  # Wednesday 08:30 in Hà Nội: 7 working days before 30/11
DUE = at_local(datetime(2026, 11, 30).date(), datetime.min.time().replace(hour=17)).astimezone(UTC)


async def seed(engine: db.AsyncEngine, blocks: int, units: int, contacts: int) -> None:
    async with engine.begin() as conn:
        await conn.execute(insert(Block), [{"id": b, "name": f"Khối {b}", "province": "Bắc Kạn", "created_at": NOW}
                                           for b in range(1, blocks + 1)])
        await conn.execute(insert(Term), [{"id": b, "block_id": b, "year": 2026, "is_current": True}
                                          for b in range(1, blocks + 1)])
        await conn.execute(insert(Deadline), [{"id": b, "term_id": b, "kind": "year_end_report", "revision": 1,
                                               "title": "Báo cáo tổng kết năm 2026", "due_at": DUE}
                                              for b in range(1, blocks + 1)])
        unit_rows = [{"id": (b - 1) * units + u, "block_id": b, "code": f"U{u}", "name": f"Đơn vị {u}",
                      "active": True} for b in range(1, blocks + 1) for u in range(1, units + 1)]
        await conn.execute(insert(Unit), unit_rows)
        contact_rows, account_rows = [], []
        for unit in unit_rows:
            for _ in range(contacts):
                cid = len(contact_rows) + 1
                contact_rows.append({"id": cid, "block_id": unit["block_id"], "unit_id": unit["id"], "role": "unit",
                                     "full_name": "Cán bộ", "position": "Chuyên viên", "phone": "0912345678",
                                     "registered_at": NOW})
                account_rows.append({"contact_id": cid, "channel": "telegram", "user_id": str(cid),
                                     "chat_id": str(cid)})
        for start in range(0, len(contact_rows), 5000):
            await conn.execute(insert(Contact), contact_rows[start:start + 5000])
            await conn.execute(insert(ChatAccount), account_rows[start:start + 5000])


async def run(name: str, url: str, args: argparse.Namespace, schema: str | None = None) -> None:
    options = {"connect_args": {"server_settings": {"search_path": schema}}} if schema else {}
    engine = db.create_engine(url, **options)
    await migrate.upgrade(engine)
    t0 = time.perf_counter()
    await seed(engine, args.blocks, args.units, args.contacts)
    seeded = time.perf_counter() - t0
    sessions = db.session_factory(engine)
    t0 = time.perf_counter()
    result = await plan_tick(sessions, NOW)
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    again = await plan_tick(sessions, NOW)  # idempotent: nothing new
    second = time.perf_counter() - t0
    async with engine.connect() as conn:
        queued = await conn.scalar(select(func.count()).select_from(OutboxMessage))
    await engine.dispose()
    print(f"| {name} | {args.blocks} × {args.units} × {args.contacts} | {result.reminders} | {queued} | "
          f"{first:.2f} s | {result.messages / first:,.0f} msg/s | {second:.2f} s ({again.messages} new) | "
          f"seed {seeded:.1f} s |")


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--blocks", type=int, default=2000)
    parser.add_argument("--units", type=int, default=15)
    parser.add_argument("--contacts", type=int, default=3)
    args = parser.parse_args()
    print("| database | blocks × units × contacts | reminders | outbox rows | first tick | planning rate "
          "| repeated tick | |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        await run("SQLite (WAL)", f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}", args)
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = db.create_engine(PG_URL)
    try:
        async with admin.begin() as conn:
            await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as error:  # no server: say so, measure SQLite only
        print(f"PostgreSQL not reachable ({type(error).__name__}); skipped")
        await admin.dispose()
        return
    try:
        await run("PostgreSQL", PG_URL, args, schema)
    finally:
        async with admin.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        await admin.dispose()


if __name__ == "__main__":
    asyncio.run(main())
