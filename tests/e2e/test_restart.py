"""Nothing that matters lives in memory: a conversation goes on after the bot restarts on the same database."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import App
from bot.channels.sandbox import Sandbox
from bot.settings import Settings
from handlers.core.catalog import text
from handlers.core.clock import FrozenClock
from handlers.term.block_file.read import load_block_file
from handlers.term.block_import import import_block
from storage import db
from tests.conftest import PG_URL, SAMPLE_BLOCK, drop_schema, make_engine, sandbox_for
from tests.helpers import codes, deliver


def with_menu(said: str, *labels: str) -> str:
    """A reply as the sandbox shows it: the text, then its numbered buttons."""
    return "\n".join([said, *(f"[{i}] {label}" for i, label in enumerate(labels, 1))])


BLOCK = "Khối thi đua Văn hóa - Xã hội"
CONFIRM_YTE = with_menu(text("reg_confirm_unit", unit="Sở Y tế", block=BLOCK), text("yes"), text("no"))
ASK_NAME = text("reg_ask_name")
ASK_POSITION = text("reg_ask_position")
ASK_PHONE = text("reg_ask_phone")
BINH_AS_YTE = text("role.unit", unit="Sở Y tế")
SUMMARY = with_menu(text("reg_summary", where=text("reg_summary_unit", unit="Sở Y tế"), name="Trần Văn Bình",
                         position="Chuyên viên", phone="0987 654 321"),
                    text("confirm"), text("redo"), text("cancel"))
DONE = text("reg_done_unit", block=BLOCK, unit="Sở Y tế")
WHOAMI = "\n".join([text("whoami_header"),
                    text("whoami_line", name="Trần Văn Bình", position="Chuyên viên", role_text=BINH_AS_YTE,
                         block=BLOCK, phone="0987 654 321", date="23/11/2026 09:00")])
MENU_YTE = text("menu_unit", unit="Sở Y tế", block=BLOCK)
EXPIRED = text("menu_expired")

EngineFactory = Callable[[], AsyncEngine]


@pytest.fixture
async def same_database(db_kind: str, tmp_path: Path) -> AsyncIterator[EngineFactory]:
    """A new engine on the same database each time it is called: a file for SQLite, a schema for PostgreSQL."""
    if db_kind == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'restart.db'}"
        yield lambda: db.create_engine(url)
        return
    engine, schema = await make_engine("postgres")
    await engine.dispose()
    try:
        yield lambda: db.create_engine(PG_URL, connect_args={"server_settings": {"search_path": schema}})
    finally:
        await drop_schema(schema)


@pytest.fixture
async def first_app(same_database: EngineFactory, settings: Settings, clock: FrozenClock) -> AsyncIterator[App]:
    app = await App.create(settings, clock=clock, engine=same_database())
    try:
        yield app
    finally:
        await app.close()  # closing twice is harmless: the engine's pool is only emptied


@pytest.fixture
async def c(first_app: App) -> dict[str, str]:
    """The sample block's invite codes."""
    async with first_app.uow() as uow:
        result = await import_block(uow, load_block_file(SAMPLE_BLOCK), first_app.config.secret,
                                    first_app.clock.now())
        await uow.commit()
    return await codes(first_app, result.block_id)


@asynccontextmanager
async def restart(old: App, same_database: EngineFactory, settings: Settings, clock: FrozenClock,
                  style: str = "telegram") -> AsyncIterator[tuple[App, Sandbox]]:
    await old.close()
    app = await App.create(settings, clock=clock, engine=same_database())
    try:
        yield app, sandbox_for(app, style)
    finally:
        await app.close()


async def test_a_registration_goes_on_after_a_restart(
    first_app: App, c: dict[str, str], same_database: EngineFactory, settings: Settings, clock: FrozenClock
) -> None:
    sb = sandbox_for(first_app)
    assert await sb.say("binh", f"/start {c['YTE']}") == [CONFIRM_YTE]
    assert await sb.say("binh", "1") == [ASK_NAME]
    assert await sb.say("binh", "Trần Văn Bình") == [ASK_POSITION]

    async with restart(first_app, same_database, settings, clock) as (_, sb2):
        assert await sb2.say("binh", "Chuyên viên") == [ASK_PHONE]  # the same step, with the name kept
        assert await sb2.say("binh", "0987 654 321") == [SUMMARY]
        assert await sb2.say("binh", "1") == [DONE]
        assert await sb2.say("binh", "/toi") == [WHOAMI]


async def test_buttons_sent_before_a_restart_still_work_once(
    first_app: App, c: dict[str, str], same_database: EngineFactory, settings: Settings, clock: FrozenClock
) -> None:
    sb = sandbox_for(first_app)
    for said in (f"/start {c['YTE']}", "1", "Trần Văn Bình", "Chuyên viên"):
        await sb.say("binh", said)
    assert await sb.say("binh", "0987 654 321") == [SUMMARY]
    summary = sb.channel.delivered[-1]

    async with restart(first_app, same_database, settings, clock) as (_, sb2):
        # the new process has never shown this menu; the pending choices come from the database
        assert await sb2.press("binh", "confirm", summary.version) == [DONE]
        out = await sb2.press("binh", "confirm", summary.version)
        assert out[0] == EXPIRED and out[1].startswith(f"{MENU_YTE}\n[1] ")


async def test_typed_numbers_after_a_restart_use_the_stored_menu(
    first_app: App, c: dict[str, str], same_database: EngineFactory, settings: Settings, clock: FrozenClock
) -> None:
    sb = sandbox_for(first_app, "zalo")
    await sb.say("binh", c["YTE"])

    async with restart(first_app, same_database, settings, clock, "zalo") as (_, zalo):
        assert await zalo.say("binh", "1") == [ASK_NAME]  # "1" is the «yes» of the menu sent before


async def test_queued_notices_and_throttling_survive_a_restart(
    first_app: App, c: dict[str, str], same_database: EngineFactory, settings: Settings, clock: FrozenClock
) -> None:
    sb = sandbox_for(first_app)
    for said in (f"/start {c['secretariat']}", "1", "Nguyễn Thị Hoa", "Chánh Văn phòng", "0912 345 678", "1"):
        await sb.say("hoa", said)
    for said in (f"/start {c['YTE']}", "1", "Trần Văn Bình", "Chuyên viên", "0987 654 321", "1"):
        await sb.say("binh", said)
    for _ in range(5):
        await sb.say("an", "/start ZZZZZ-ZZZZZ")

    async with restart(first_app, same_database, settings, clock) as (app, sb2):
        assert await deliver(app) == 1  # decided before the restart, delivered after it
        assert sb2.inbox("hoa") == [text("notice_registered", done=2, name="Trần Văn Bình", phone="0987 654 321",
                                         position="Chuyên viên", role_text=BINH_AS_YTE, total=11)]
        assert await deliver(app) == 0
        assert await sb2.say("an", f"/start {c['KHCN']}") == [
            text("code_throttled", minutes=10)]
