"""thidua as `thidua run` serves Telegram by long polling: the App, its TelegramChannel, the collector tuned.

Everything bench/vs_peer.py knows of thidua's insides is in `setup_thidua` (what the block looks like
before the benchmark's chats begin); the rest is the public runtime. When the application's modules move,
that function is the one to follow them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from bench.sql_log import postgres_connect_args, watch_sqlite
from bot import collector
from bot.app import App
from bot.channels.telegram import TelegramChannel
from bot.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


async def setup_thidua(app: App, users: list[int]) -> None:
    """The sample block and sheet (samples/), and one more unit per chat with the chat's user as its contact
    on Telegram, registered as bench/scoring_vs_echo.py registers them."""
    from handlers.scoring.sheet_file.read import load_criteria_file
    from handlers.scoring.sheet_import import import_sheet
    from handlers.term.block_file.read import load_block_file
    from handlers.term.block_import import import_block
    from storage.models import ChatAccount, Contact, Unit

    now = app.clock.now()
    async with app.uow() as uow:
        block = load_block_file(ROOT / "samples" / "block-vhxh.yaml")
        block_id = (await import_block(uow, block, app.config.secret, now)).block_id
        await import_sheet(uow, block_id, load_criteria_file(ROOT / "samples" / "criteria-2026.yaml"), now)
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


def thidua_engine(config: dict[str, Any]) -> AsyncEngine:
    """thidua's own engine (on SQLite: WAL, BEGIN IMMEDIATE), its statements counted by bench/sql_log.py."""
    from storage import db

    url: str = config["database_url"]
    if url.startswith("sqlite"):
        engine = db.create_engine(url)
        watch_sqlite(engine)
        return engine
    return db.create_engine(url, connect_args=postgres_connect_args(config["schema"], config["app_name"]))


async def start_thidua(config: dict[str, Any]) -> Callable[[], Awaitable[None]]:
    """Build and start the bot; returns what stops it."""
    # the fake Bot API sets no limit, so neither does the bot's pacer: the bench measures the bot's own cost
    settings = Settings(data_dir=Path(config["data_dir"]), secret_key="bench", _env_file=None, telegram_rate=1e6)
    app = await App.create(settings, engine=thidua_engine(config))
    await setup_thidua(app, config["users"])
    channel = TelegramChannel(config["token"], api_url=config["api_url"], contact_button_label="📱",
                              polling_timeout=10)
    app.add_channel(channel)
    collector.tune()  # as `thidua run` does once the channels exist
    task = asyncio.create_task(channel.run_polling(app.dispatcher.handle))

    async def stop() -> None:
        await channel.stop()
        await asyncio.wait_for(task, 15)
        await app.close()

    return stop
