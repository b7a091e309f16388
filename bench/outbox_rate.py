"""How fast the outbox reaches Telegram within its flood limits: `.venv/bin/python -m bench.outbox_rate`.

600 outbox rows to 600 different chats go through the real TelegramChannel (aiogram, real HTTP) to
the fake Bot API, which enforces 30 messages in any sliding second overall and 1 a second per chat and
answers 429 beyond them. The delivery is the app's own (`App.delivery()` with the default settings),
run two ways: by APScheduler every `outbox_interval_seconds`, as in production, and back to back.
On SQLite, and on PostgreSQL when THIDUA_BENCH_POSTGRES_URL (default
postgresql+asyncpg://postgres@127.0.0.1:5432/test) is reachable, in a fresh schema dropped afterwards.

The figures are one run's measurements on this machine; nothing here asserts anything.
"""

from __future__ import annotations

import asyncio
import logging
import os
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import App
from bot.channels.telegram import TelegramChannel
from bot.settings import Settings
from storage import db
from tests.fakes.telegram_api import FakeTelegramAPI

MESSAGES = 600
FLOOD_LIMIT = 30
PG_URL = os.environ.get("THIDUA_BENCH_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")


@dataclass
class Result:
    database: str
    mode: str
    delivered: int
    seconds: float
    rejections: int
    duplicates: int
    lost: int

    @property
    def rate(self) -> float:
        """Messages over the seconds plus one: a sender that fills every sliding second scores the limit
        exactly (n messages need at least n/limit − 1 seconds from the first to the last)."""
        return self.delivered / (self.seconds + 1)


async def sqlite_engine(folder: Path) -> tuple[AsyncEngine, str | None]:
    return db.create_engine(f"sqlite+aiosqlite:///{folder / f'{uuid.uuid4().hex}.db'}"), None


async def postgres_engine() -> tuple[AsyncEngine, str | None] | None:
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = db.create_engine(PG_URL, pool_size=1, max_overflow=0)
    try:
        async with admin.begin() as conn:
            await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as error:
        print(f"PostgreSQL at {PG_URL} unreachable ({type(error).__name__}); skipped")
        return None
    finally:
        await admin.dispose()
    return db.create_engine(PG_URL, connect_args={"server_settings": {"search_path": schema}}), schema


async def drop_schema(schema: str | None) -> None:
    if schema is not None:
        admin = db.create_engine(PG_URL, pool_size=1, max_overflow=0)
        async with admin.begin() as conn:
            await conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        await admin.dispose()


async def deliver_all(app: App, api: FakeTelegramAPI, mode: str) -> float:
    """Run the delivery until every message is in; seconds from the first run to the last message."""
    started = time.monotonic()
    if mode == "scheduler":
        scheduler = app.scheduler()
        scheduler.start()  # the first run comes one interval after the start
        started += app.settings.outbox_interval_seconds
        try:
            await api.wait_sent(MESSAGES, timeout=600)
        finally:
            scheduler.pause()  # no new run; the one going ends within its budget
            await asyncio.sleep(app.settings.outbox_interval_seconds)
            scheduler.shutdown(wait=False)
    else:
        delivery = app.delivery()
        while len(api.sent) < MESSAGES:
            await delivery.run_once()
    return float(max(record["at"] for record in api.sent)) - started


async def bench(database: str, mode: str, folder: Path) -> Result | None:
    made = await (sqlite_engine(folder) if database == "SQLite" else postgres_engine())
    if made is None:
        return None
    engine, schema = made
    settings = Settings(data_dir=folder / "data", secret_key="bench", _env_file=None)
    app = await App.create(settings, engine=engine)
    api = FakeTelegramAPI(flood_limit=FLOOD_LIMIT, per_chat_limit=1.0)
    await api.start()
    app.add_channel(TelegramChannel(api.token, api_url=api.base_url, contact_button_label="📱"))
    try:
        async with app.uow() as uow:
            for i in range(MESSAGES):
                uow.outbox.add("telegram", str(100_000 + i), f"Nhắc hạn nộp báo cáo số {i}", app.clock.now())
            await uow.commit()
        seconds = await deliver_all(app, api, mode)
        await asyncio.sleep(0.2)  # a late duplicate would show up here
        counts = Counter((record["chat_id"], record["text"]) for record in api.sent)
        return Result(database, mode, len(counts), seconds, api.flood_rejections,
                      sum(n - 1 for n in counts.values()), MESSAGES - len(counts))
    finally:
        await app.close()
        await api.stop()
        await drop_schema(schema)


def table(results: list[Result]) -> str:
    lines = [
        "| database | delivery | messages | seconds | msg/s | of 30 msg/s | 429 rejections | duplicates | lost |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(f"| {r.database} | {r.mode} | {r.delivered} | {r.seconds:.1f} | {r.rate:.1f} | "
                     f"{r.rate / FLOOD_LIMIT:.2f} | {r.rejections} | {r.duplicates} | {r.lost} |")
    return "\n".join(lines)


async def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    settings = Settings(_env_file=None)
    print(f"{MESSAGES} outbox rows to {MESSAGES} chats, Telegram fake enforcing {FLOOD_LIMIT} msg/s overall "
          f"(sliding second) and 1 msg/s per chat; telegram_rate={settings.telegram_rate:g}, "
          f"outbox_interval_seconds={settings.outbox_interval_seconds:g}")
    print("seconds: from the delivery's first run to the fake's acceptance of the last message; "
          "msg/s: messages / (seconds + 1), so a perfect sender scores exactly 30\n")
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as folder:
        for database in ("SQLite", "PostgreSQL"):
            for mode in ("scheduler", "back to back"):
                result = await bench(database, mode, Path(folder))
                if result is None:
                    break
                results.append(result)
    print(table(results))


if __name__ == "__main__":
    asyncio.run(main())
