"""One scoring answer through the full stack, against a bare aiogram echo bot fed the same updates:
`.venv/bin/python -m bench.scoring_vs_echo [--chats 200] [--rounds 3] [--sequential 100] [--database both]`.

Scoring: the real TelegramChannel (aiogram, real HTTP) long-polls the fake Bot API of tests/fakes; every
update goes through the dispatcher (de-duplication, the chat's dialog state locked, the role checked, the
score parsed and checked against the criterion, the unit's draft locked and its line written, commit) and
the reply ("✅ Đã lưu 1.1: 24,5 điểm." and the explanation question, one message) goes back over HTTP.
Each chat is the contact of its own unit, standing at the score step of 1.1 (put there beforehand, and
between rounds, by the conversation itself, unmeasured), its unit's draft begun by a first, unmeasured
answer: each measured answer changes a line of a draft, as all but a unit's very first answer do.

Echo: aiogram's own Dispatcher polling a second fake Bot API, with one handler `message.answer(message.text)`.
Both get the same updates (same users, same texts) in the same run, alternately round by round (echo
first in even rounds, scoring first in odd ones):

- burst: every chat sends its answer at once; updates/s from the first push to the last reply;
- one by one: one update at a time, the next pushed when the reply to the previous is in (latency bound).

Beside the wall-clock rates, the process's CPU time per update (both bots and both fake servers run in
this one process, so this is what one update costs, less sensitive to other load on the machine), and a
baseline: the same full stack answering `/lang vi` (no database work beyond the dispatcher's own), which
is the ceiling any conversation step can reach; and the Telegram channel alone, answering each update with
the scoring answer's reply at once (no dispatcher, no database), which is what the stack costs before any
transaction. And how many SQL statements one scoring answer runs
(counted by an engine event; BEGIN and COMMIT aside).

On SQLite (a temporary file) and, when reachable, PostgreSQL (THIDUA_BENCH_POSTGRES_URL, default
postgresql+asyncpg://postgres@127.0.0.1:5432/test, a fresh schema dropped afterwards). One run's figures
on this machine; nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

from aiogram import Bot, Dispatcher, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import collector
from bot.app import App
from bot.channels.telegram import TelegramChannel
from bot.settings import Settings
from handlers.core.messages import Choice, Incoming, Reply
from handlers.scoring.sheet_file.read import load_criteria_file
from handlers.scoring.sheet_import import import_sheet
from handlers.term.block_file.read import load_block_file
from handlers.term.block_import import import_block
from storage import db
from storage.models import ChatAccount, Contact, Unit
from tests.fakes.telegram_api import FakeTelegramAPI

ROOT = Path(__file__).resolve().parent.parent
PG_URL = os.environ.get("THIDUA_BENCH_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
FIRST_USER = 500_000
SCORES = ["24,5", "23", "22,5", "25", "21"]  # criterion 1.1: at most 25, in steps of 0,5


@dataclass(frozen=True)
class Run:
    rate: float  # updates/s, wall clock
    cpu_ms: float  # process CPU time per update


@dataclass
class Figures:
    database: str
    mode: str
    updates: int
    scoring: list[Run]  # one per round
    echo: list[Run]
    baseline: list[Run]  # the full stack answering /lang vi
    channel: list[Run]  # the Telegram channel alone, answering without the dispatcher
    statements: list[float]  # SQL statements per scoring answer, besides BEGIN and COMMIT

    def row(self) -> str:
        def rate(runs: list[Run]) -> float:
            return statistics.median(r.rate for r in runs)

        def cpu(runs: list[Run]) -> float:
            return statistics.median(r.cpu_ms for r in runs)

        s, e, b, c = rate(self.scoring), rate(self.echo), rate(self.baseline), rate(self.channel)
        return (f"| {self.database} | {self.mode} | {self.updates} | {s:,.0f} | {e:,.0f} | **{s / e:.2f}** | "
                f"{b:,.0f} ({b / e:.2f}) | {c:,.0f} ({c / e:.2f}) | "
                f"{cpu(self.scoring):.1f} | {cpu(self.echo):.1f} | {cpu(self.baseline):.1f} | "
                f"{statistics.median(self.statements):.0f} |")


Send = Callable[[FakeTelegramAPI, list[tuple[int, str]]], Awaitable[Run]]


async def burst(api: FakeTelegramAPI, texts: list[tuple[int, str]]) -> Run:
    """Everything pushed at once; updates/s until the last reply is in."""
    before = len(api.sent)
    started, cpu = time.perf_counter(), time.process_time()
    for user, body in texts:
        api.push_text(user, body)
    await api.wait_sent(before + len(texts), timeout=600)
    return Run(len(texts) / (time.perf_counter() - started), (time.process_time() - cpu) * 1000 / len(texts))


async def one_by_one(api: FakeTelegramAPI, texts: list[tuple[int, str]]) -> Run:
    started, cpu = time.perf_counter(), time.process_time()
    for user, body in texts:
        before = len(api.sent)
        api.push_text(user, body)
        await api.wait_sent(before + 1, timeout=60)
    return Run(len(texts) / (time.perf_counter() - started), (time.process_time() - cpu) * 1000 / len(texts))


# -- the scoring side -----------------------------------------------------------------------------------


async def engine_for(database: str, folder: Path) -> tuple[AsyncEngine, str | None] | None:
    if database == "SQLite":
        return db.create_engine(f"sqlite+aiosqlite:///{folder / f'{uuid.uuid4().hex}.db'}"), None
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


async def seed(app: App, chats: int) -> list[int]:
    """The sample block and sheet, and one more unit per chat, each with its contact on Telegram."""
    now = app.clock.now()
    async with app.uow() as uow:
        block_id = (await import_block(uow, load_block_file(ROOT / "samples" / "block-vhxh.yaml"),
                                       app.config.secret, now)).block_id
        await import_sheet(uow, block_id, load_criteria_file(ROOT / "samples" / "criteria-2026.yaml"), now)
        users = list(range(FIRST_USER, FIRST_USER + chats))
        for user in users:
            unit = Unit(block_id=block_id, code=f"B{user}", name=f"Đơn vị {user}")
            uow.session.add(unit)
            await uow.flush()
            contact = Contact(block_id=block_id, unit_id=unit.id, role="unit", full_name="Cán bộ Thi đua",
                              position="Chuyên viên", phone="0912345678", registered_at=now)
            uow.session.add(contact)
            await uow.flush()
            assert contact.id is not None
            uow.session.add(ChatAccount(contact_id=contact.id, channel="telegram", user_id=str(user),
                                        chat_id=str(user)))
        await uow.commit()
    return users


class Scoring:
    def __init__(self, app: App, api: FakeTelegramAPI, users: list[int]) -> None:
        self.app, self.api, self.users = app, api, users
        self.channel = TelegramChannel(api.token, api_url=api.base_url, contact_button_label="📱", polling_timeout=1)
        app.add_channel(self.channel)
        self.task = asyncio.create_task(self.channel.run_polling(app.dispatcher.handle))
        self.statements = 0
        event.listen(app.engine.sync_engine, "before_cursor_execute", self._count)

    def _count(self, _conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if not statement.startswith("BEGIN"):  # SQLite's BEGIN IMMEDIATE; asyncpg begins outside SQL
            self.statements += 1

    async def position(self, users: list[int], body: str) -> None:
        """Unmeasured: the conversation itself puts each chat where the next measured answer is due."""
        await burst(self.api, [(u, body) for u in users])

    async def check(self, users: list[int]) -> None:
        for user in users:
            reply = self.api.sent_to(user)[-1]["text"]
            if not reply.startswith("✅ Đã lưu 1.1: "):
                raise RuntimeError(f"unexpected reply to {user}: {reply[:80]!r}")

    async def close(self) -> None:
        await self.channel.stop()
        await asyncio.wait_for(self.task, 10)


class ChannelAlone:
    """The same Telegram channel answering every update with the scoring answer's reply (text and buttons)
    straight away: no dispatcher, no database. What the stack costs before any transaction."""

    def __init__(self, api: FakeTelegramAPI) -> None:
        self.channel = TelegramChannel(api.token, api_url=api.base_url, contact_button_label="📱", polling_timeout=1)
        reply = Reply("✅ Đã lưu 1.1: 24,5 điểm.\nMời nhập giải trình (minh chứng) ngắn gọn, hoặc bỏ qua.",
                      choices=(Choice("skip", "Bỏ qua"), Choice("back", "Quay lại")))

        async def answer(incoming: Incoming) -> None:
            await self.channel.send(incoming.chat_id, reply, 1)

        self.task = asyncio.create_task(self.channel.run_polling(answer))

    async def close(self) -> None:
        await self.channel.stop()
        await asyncio.wait_for(self.task, 10)


class Echo:
    def __init__(self, api: FakeTelegramAPI) -> None:
        self.api = api
        self.bot = Bot(api.token, session=AiohttpSession(api=TelegramAPIServer.from_base(api.base_url)))
        self.dispatcher = Dispatcher()
        router = Router()

        @router.message()
        async def echo(message: Message) -> None:
            await message.answer(message.text or "")

        self.dispatcher.include_router(router)
        self.task = asyncio.create_task(self.dispatcher.start_polling(self.bot, handle_signals=False,
                                                                      polling_timeout=1))

    async def close(self) -> None:
        await self.dispatcher.stop_polling()
        await asyncio.wait_for(self.task, 10)
        await self.bot.session.close()


async def bench(database: str, folder: Path, chats: int, rounds: int, sequential: int) -> list[Figures] | None:
    made = await engine_for(database, folder)
    if made is None:
        return None
    engine, schema = made
    # the fake Bot API sets no limit, so neither does the bot's pacer: the bench measures the bot's own cost
    settings = Settings(data_dir=folder / "data", secret_key="bench", _env_file=None, telegram_rate=1e6)
    app = await App.create(settings, engine=engine)
    score_api, echo_api, alone_api = FakeTelegramAPI(), FakeTelegramAPI(), FakeTelegramAPI()
    for api in (score_api, echo_api, alone_api):
        await api.start()
    scoring = echo = alone = None
    try:
        users = await seed(app, chats)
        scoring, echo, alone = Scoring(app, score_api, users), Echo(echo_api), ChannelAlone(alone_api)
        collector.tune()  # as `thidua run` does once the bot is built (the echo, in this process, gains too)
        await scoring.position(users, "/chamdiem 1.1")
        await scoring.position(users, SCORES[-1])  # each unit's first answer makes its draft: not measured
        await scoring.position(users, "Quay lại")
        await burst(echo_api, [(u, "warm up") for u in users])
        await burst(alone_api, [(u, "warm up") for u in users])
        figures = [Figures(database, "burst", chats, [], [], [], [], []),
                   Figures(database, "one by one", sequential, [], [], [], [], [])]
        for n in range(rounds):
            for index, (mode, send) in enumerate((("burst", burst), ("one by one", one_by_one))):
                group = users if mode == "burst" else users[:sequential]
                texts = [(u, SCORES[n % len(SCORES)]) for u in group]
                if n % 2 == 0:  # which side goes first alternates, so a change of load hits both alike
                    figures[index].echo.append(await send(echo_api, texts))
                before = scoring.statements
                figures[index].scoring.append(await send(score_api, texts))
                figures[index].statements.append((scoring.statements - before) / len(texts))
                if n % 2 == 1:
                    figures[index].echo.append(await send(echo_api, texts))
                await scoring.check(group)
                await scoring.position(group, "Quay lại")  # the explanation's "back": the score step again
                figures[index].baseline.append(await send(score_api, [(u, "/lang vi") for u in group]))
                figures[index].channel.append(await send(alone_api, texts))
        return figures
    finally:
        for side in (scoring, echo, alone):
            if side is not None:
                await side.close()
        await app.close()
        for api in (score_api, echo_api, alone_api):
            await api.stop()
        await drop_schema(schema)


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--chats", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sequential", type=int, default=100)
    parser.add_argument("--database", choices=("SQLite", "PostgreSQL", "both"), default="both")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    print(f"{args.chats} chats, {args.rounds} rounds; median of the rounds, updates per second "
          "(each update answered by one message)\n")
    rows = ["| database | mode | updates per round | scoring answer /s | aiogram echo /s | ratio (goal ≥ 0.5) | "
            "full stack, /lang vi /s (ratio) | channel alone, no database /s (ratio) | "
            "CPU ms per scoring answer | CPU ms per echo | CPU ms per /lang vi | "
            "SQL statements per scoring answer (+ BEGIN, COMMIT) |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    with tempfile.TemporaryDirectory() as folder:
        for database in ("SQLite", "PostgreSQL") if args.database == "both" else (args.database,):
            figures = await bench(database, Path(folder), args.chats, args.rounds, min(args.sequential, args.chats))
            rows += [f.row() for f in figures or []]
    print("\n".join(rows))


if __name__ == "__main__":
    asyncio.run(main())
