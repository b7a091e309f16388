"""bot/dispatcher.py: one update is one transaction, acted on once, in order, and never lost."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bot.app import App
from bot.channels.sandbox import Sandbox, SandboxChannel
from handlers.core.catalog import VI
from handlers.core.catalog import text as catalog_text
from handlers.core.clock import FrozenClock
from handlers.core.context import Context
from handlers.core.messages import DeliveryError, Reply
from storage import db
from storage.inbox import Inbox
from storage.models import DialogState, OutboxMessage
from storage.uow import UnitOfWork
from tests.conftest import PG_URL, sandbox_for
from tests.helpers import codes, deliver

BLOCK = "Khối thi đua Văn hóa - Xã hội"
CONFIRM_YTE = (catalog_text("reg_confirm_unit", block=BLOCK, unit="Sở Y tế"))
YES, NO = catalog_text("yes"), catalog_text("no")
CONFIRM_YTE_MENU = f"{CONFIRM_YTE}\n[1] {YES}\n[2] {NO}"  # as the sandbox shows it


def zalo_menu(said: str, *keys: str) -> str:
    """A reply as Zalo shows it: the text, a blank line, then the numbered labels."""
    return said + "\n\n" + "\n".join(f"{i}. {catalog_text(key)}" for i, key in enumerate(keys, 1))


async def state_of(app: App, user: str) -> DialogState:
    async with app.uow() as uow:
        state = await uow.dialogs.get("sandbox", Sandbox.chat_of(user))
    assert state is not None
    return state


async def outbox_rows(app: App) -> list[OutboxMessage]:
    """What is still to send, once the replies sent so far are recorded (a reply's record follows its send)."""
    await app.dispatcher.sender.recorded()
    async with app.uow() as uow:
        return await uow.outbox.pending()


@dataclass
class FlakyChannel(SandboxChannel):
    """A sandbox whose next sends fail with the errors queued in `failures` (None = succeed)."""

    failures: list[DeliveryError | None] = field(default_factory=list)
    attempts: int = 0

    async def send(self, chat_id: str, reply: Reply, version: int) -> None:
        self.attempts += 1
        error = self.failures.pop(0) if self.failures else None
        if error is not None:
            raise error
        await super().send(chat_id, reply, version)


async def test_the_same_update_twice_acts_once(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await codes(app, block_id)
    assert await sandbox.say("hoa", f"/start {c['YTE']}", update_id="u-1") == [CONFIRM_YTE_MENU]
    before = await state_of(app, "hoa")

    press = sandbox.incoming("hoa", "1", update_id="u-2")
    assert press.option == "yes"
    first = await app.dispatcher.handle(press)
    second = await app.dispatcher.handle(press)  # Telegram redelivers after a timeout
    assert [r.text for r in first] == [catalog_text("reg_ask_name")]
    assert second == []
    assert sandbox.inbox("hoa") == [catalog_text("reg_ask_name")]

    after = await state_of(app, "hoa")
    assert (after.flow, after.step) == ("register", "name")
    assert after.version == before.version + 1

    # an update id seen before is dropped, whatever it carries
    assert await sandbox.say("hoa", "Nguyễn Thị Hoa", update_id="u-2") == []
    assert (await state_of(app, "hoa")).step == "name"


async def test_updates_of_one_chat_are_handled_in_arrival_order(app: App, block_id: int) -> None:
    c = await codes(app, block_id)
    sb = sandbox_for(app, "zalo")
    hoa = ["/start " + c["YTE"], "1", "Nguyễn Thị Hoa", "Chánh Văn phòng", "0912 345 678", "1"]
    binh = ["/start " + c["GDDT"], "1", "Trần Văn Bình", "Chuyên viên", "0987 654 321", "1"]
    updates = [sb.incoming(user, said) for pair in zip(hoa, binh, strict=True)
               for user, said in zip(("hoa", "binh"), pair, strict=True)]
    await asyncio.gather(*(app.dispatcher.handle(u) for u in updates))

    out = sb.inbox("hoa")
    assert out[0] == zalo_menu(CONFIRM_YTE, "yes", "no")
    assert out[1:4] == [catalog_text("reg_ask_name"),
                        catalog_text("reg_ask_position"),
                        catalog_text("reg_ask_phone")]
    assert out[4] == zalo_menu(catalog_text("reg_summary", where=catalog_text("reg_summary_unit", unit="Sở Y tế"),
                                            name="Nguyễn Thị Hoa", position="Chánh Văn phòng", phone="0912 345 678"),
                               "confirm", "redo", "cancel")
    assert out[5] == (catalog_text("reg_done_unit", block=BLOCK, unit="Sở Y tế"))
    assert len(out) == 6
    assert sb.inbox("binh")[-1] == catalog_text("reg_done_unit", block=BLOCK, unit="Sở Giáo dục và Đào tạo")


async def test_a_handler_error_answers_politely_and_keeps_the_state(
    app: App, block_id: int, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = await codes(app, block_id)
    await sandbox.say("hoa", f"/start {c['YTE']}")
    await sandbox.say("hoa", "1")
    before = await state_of(app, "hoa")
    assert before.step == "name"

    async def broken(ctx: Context) -> list[Reply]:
        ctx.goto("position", name="Nửa chừng")  # changes made before the failure must not be kept
        ctx.notify("sandbox", "sb-other", "không được gửi")
        raise RuntimeError("boom")

    flows = app.config.features.flows
    monkeypatch.setitem(flows, "register", replace(flows["register"], answer=broken))
    assert await sandbox.say("hoa", "Nguyễn Thị Hoa", update_id="u-fail") == [VI["internal_error"]]
    after = await state_of(app, "hoa")
    assert (after.flow, after.step, after.version, after.data) == ("register", "name", before.version, before.data)
    assert await outbox_rows(app) == []  # the notice was never written; the apology was sent and recorded

    monkeypatch.undo()
    # the failed update is stored as answered (it was acknowledged): a redelivery changes nothing, and the
    # person's next message, as the apology asks, goes on from the step kept
    assert await sandbox.say("hoa", "Nguyễn Thị Hoa", update_id="u-fail") == []
    assert await sandbox.say("hoa", "Nguyễn Thị Hoa", update_id="u-again") == [
        catalog_text("reg_ask_position")]


async def test_a_reply_that_cannot_be_sent_waits_in_the_outbox(app: App, block_id: int, clock: FrozenClock) -> None:
    channel = FlakyChannel(failures=[DeliveryError("Bad Gateway")])
    app.add_channel(channel)
    sb = Sandbox(app.dispatcher.handle, channel)
    c = await codes(app, block_id)

    assert await sb.say("hoa", f"/start {c['YTE']}") == []  # the platform refused it
    rows = await outbox_rows(app)
    assert [(r.chat_id, r.text, r.choices) for r in rows] == [
        ("sb-hoa", CONFIRM_YTE, [["yes", YES], ["no", NO]])]
    state = await state_of(app, "hoa")
    assert rows[0].version == state.version and state.step == "confirm"

    assert await deliver(app) == 0  # not before its retry time
    clock.advance(timedelta(seconds=2))
    assert await deliver(app) == 1
    assert sb.inbox("hoa") == [CONFIRM_YTE_MENU]
    assert await deliver(app) == 0  # sent once only
    assert await outbox_rows(app) == []

    # its buttons carry the dialog's version, so pressing one works
    assert await sb.say("hoa", "1") == [catalog_text("reg_ask_name")]


async def test_only_the_replies_not_sent_go_to_the_outbox(app: App, block_id: int, clock: FrozenClock) -> None:
    channel = FlakyChannel()
    app.add_channel(channel)
    sb = Sandbox(app.dispatcher.handle, channel)
    c = await codes(app, block_id)
    await sb.say("hoa", f"/start {c['YTE']}")
    old = channel.delivered[-1].version
    await sb.say("hoa", "1")
    sb.inbox("hoa")

    channel.failures = [None, DeliveryError("Too Many Requests", retry_after=30)]
    assert await sb.press("hoa", "yes", old) == [catalog_text("menu_expired")]
    assert [r.text for r in await outbox_rows(app)] == [catalog_text("reg_ask_name")]

    clock.advance(timedelta(seconds=20))
    assert await deliver(app) == 0  # retry_after is honoured
    clock.advance(timedelta(seconds=11))
    assert await deliver(app) == 1
    assert sb.inbox("hoa") == [catalog_text("reg_ask_name")]


async def unreachable_since(app: App, user: str) -> datetime | None:
    async with app.uow() as uow:
        accounts = await uow.directory.accounts([c.id or 0 for c in await uow.directory.contacts_of_user(
            "sandbox", Sandbox.chat_of(user))])
    return accounts[0].unreachable_since


async def test_a_reply_refused_because_the_person_blocked_the_bot_marks_them_until_they_write(
        app: App, block_id: int, clock: FrozenClock) -> None:
    channel = FlakyChannel()
    app.add_channel(channel)
    sb = Sandbox(app.dispatcher.handle, channel)
    c = await codes(app, block_id)
    for said in (f"/start {c['YTE']}", "1", "Trần Văn Bình", "Chuyên viên", "0987654321", "1"):
        await sb.say("binh", said)
    assert await unreachable_since(app, "binh") is None

    channel.failures = [DeliveryError("Forbidden: bot was blocked by the user", unreachable=True)]
    assert await sb.say("binh", "/menu") == []
    assert await unreachable_since(app, "binh") == clock.now()
    assert await outbox_rows(app) == []  # given up: a blocked chat is not retried

    clock.advance(timedelta(minutes=5))
    menu = catalog_text("menu_unit", unit="Sở Y tế", block=BLOCK)
    assert (await sb.say("binh", "/menu"))[0].startswith(menu)  # writing again clears the mark
    assert await unreachable_since(app, "binh") is None


async def test_a_block_and_an_unblock_are_recorded_without_an_answer(app: App, block_id: int, sandbox: Sandbox,
                                                                     clock: FrozenClock) -> None:
    c = await codes(app, block_id)
    for said in (f"/start {c['YTE']}", "1", "Trần Văn Bình", "Chuyên viên", "0987654321", "1"):
        await sandbox.say("binh", said)
    before = await state_of(app, "binh")
    blocked = replace(sandbox.incoming("binh"), blocked=True)
    assert await app.dispatcher.handle(blocked) == []
    assert await unreachable_since(app, "binh") == clock.now()
    assert await app.dispatcher.handle(blocked) == []  # the same update again: acted on once
    after = await state_of(app, "binh")
    assert (after.version, after.choices) == (before.version, before.choices)  # its menu still answers

    clock.advance(timedelta(hours=1))
    assert await app.dispatcher.handle(replace(blocked, update_id="again", blocked=True)) == []
    assert await unreachable_since(app, "binh") == clock.now() - timedelta(hours=1)  # since the first time
    assert await app.dispatcher.handle(replace(blocked, update_id="back", blocked=False)) == []
    assert await unreachable_since(app, "binh") is None


async def test_a_reply_for_a_channel_not_running_is_kept(app: App, block_id: int, clock: FrozenClock) -> None:
    c = await codes(app, block_id)
    channel = SandboxChannel()
    sb = Sandbox(app.dispatcher.handle, channel)  # the channel is not registered with the app
    await sb.say("hoa", f"/start {c['YTE']}")
    assert [r.text for r in await outbox_rows(app)] == [CONFIRM_YTE]

    app.add_channel(channel)
    clock.advance(timedelta(seconds=2))
    assert await deliver(app) == 1
    assert sb.inbox("hoa") == [CONFIRM_YTE_MENU]


async def test_a_secret_reply_that_cannot_be_sent_is_dropped_never_stored(
    app: App, clock: FrozenClock, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    channel = FlakyChannel(failures=[DeliveryError("Bad Gateway")])
    app.add_channel(channel)
    sb = Sandbox(app.dispatcher.handle, channel)

    async def receipt(ctx: Context, arg: str) -> list[Reply]:  # as the ballot answers (issue 5)
        return [Reply("Mã biên nhận của phiếu: K7Q2-9XW4", secret=True), Reply("Cảm ơn bạn đã bỏ phiếu.")]

    monkeypatch.setitem(app.config.features.commands, "bienlai", receipt)
    with caplog.at_level(logging.DEBUG):
        assert await sb.say("hoa", "/bienlai") == []  # the platform refused the receipt
    assert [(r.chat_id, r.text) for r in await outbox_rows(app)] == [("sb-hoa", "Cảm ơn bạn đã bỏ phiếu.")]
    assert "secret reply to sandbox not sent" in caplog.text
    assert "K7Q2" not in caplog.text

    clock.advance(timedelta(seconds=2))
    assert await deliver(app) == 1
    assert sb.inbox("hoa") == ["Cảm ơn bạn đã bỏ phiếu."]  # the rest arrives; the receipt never does
    assert await deliver(app) == 0

    # a secret reply that goes through is sent like any other
    assert await sb.say("hoa", "/bienlai") == ["Mã biên nhận của phiếu: K7Q2-9XW4", "Cảm ơn bạn đã bỏ phiếu."]
    assert await outbox_rows(app) == []


async def _pooled_backends(app: App) -> list[int]:
    """The server processes behind the connections the app's pool keeps."""
    kept = app.engine.pool.checkedin()  # type: ignore[attr-defined]
    async with contextlib.AsyncExitStack() as stack:
        conns = [await stack.enter_async_context(app.engine.connect()) for _ in range(kept)]
        return [int(await conn.scalar(text("SELECT pg_backend_pid()"))) for conn in conns]


async def test_a_lost_database_connection_costs_no_update(
    app: App, block_id: int, sandbox: Sandbox, db_kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    """No ping before each use: a connection the server dropped fails, and the update runs again."""
    if db_kind != "postgres":
        pytest.skip("a database server that drops connections: PostgreSQL")
    c = await codes(app, block_id)
    assert await sandbox.say("hoa", f"/start {c['YTE']}") == [CONFIRM_YTE_MENU]
    pids = await _pooled_backends(app)
    assert pids
    admin = db.create_engine(PG_URL, pool_size=1, max_overflow=0)
    async with admin.begin() as conn:  # what a server restart does to them
        for pid in pids:
            assert await conn.scalar(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    await admin.dispose()

    with caplog.at_level(logging.WARNING, logger="bot.dispatcher"):
        assert await sandbox.say("hoa", "1") == [catalog_text("reg_ask_name")]
    assert any("database connection lost" in r.getMessage() for r in caplog.records)
    assert (await state_of(app, "hoa")).step == "name"
    position = catalog_text("reg_ask_position")
    assert await sandbox.say("hoa", "Nguyễn Thị Hoa") == [position]


def _losing_commit(monkeypatch: pytest.MonkeyPatch, *, stored: bool) -> None:
    """The first COMMIT meets a broken connection, after reaching the server (`stored`) or before."""
    real = UnitOfWork.commit
    calls = {"n": 0}

    async def commit(self: UnitOfWork) -> None:
        calls["n"] += 1
        if calls["n"] == 1 and not stored:
            raise DBAPIError("COMMIT", None, OSError("connection reset"), connection_invalidated=True)
        await real(self)
        if calls["n"] == 1:
            raise DBAPIError("COMMIT", None, OSError("connection reset"), connection_invalidated=True)

    monkeypatch.setattr(UnitOfWork, "commit", commit)


@pytest.mark.parametrize("stored", [True, False], ids=["commit-went-through", "commit-lost"])
async def test_a_connection_lost_at_commit_answers_once(
    app: App, block_id: int, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, stored: bool
) -> None:
    """Whether or not the COMMIT reached the server, the update is stored once and answered once."""
    c = await codes(app, block_id)
    _losing_commit(monkeypatch, stored=stored)
    assert await sandbox.say("hoa", f"/start {c['YTE']}") == [CONFIRM_YTE_MENU]
    assert sandbox.inbox("hoa") == []  # nothing more: not answered twice
    state = await state_of(app, "hoa")
    assert (state.flow, state.step, state.version) == ("register", "confirm", 1)


async def test_a_connection_lost_under_a_prepared_statement_is_run_again(
    app: App, block_id: int, sandbox: Sandbox, db_kind: str, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The server drops the connection between the update's first statement and the state's (on the driver)."""
    if db_kind != "postgres":
        pytest.skip("a database server that drops connections: PostgreSQL")
    c = await codes(app, block_id)
    real = Inbox.begin
    dropped: list[int] = []

    async def begin_then_drop(self: Inbox, channel: str, update_id: str, chat_id: str, now: datetime) -> bool:
        fresh = await real(self, channel, update_id, chat_id, now)
        if not dropped:
            dropped.append(int((await self.session.exec(text("SELECT pg_backend_pid()"))).scalar_one()))  # type: ignore[call-overload]
            admin = db.create_engine(PG_URL, pool_size=1, max_overflow=0)
            async with admin.begin() as conn:
                await conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": dropped[0]})
            await admin.dispose()
        return fresh

    monkeypatch.setattr(Inbox, "begin", begin_then_drop)
    with caplog.at_level(logging.WARNING):
        assert await sandbox.say("hoa", f"/start {c['YTE']}") == [CONFIRM_YTE_MENU]
    assert any("database connection lost" in r.getMessage() for r in caplog.records)
    assert not any(r.name == "bot.dispatcher" and "handler failed" in r.getMessage() for r in caplog.records)
    assert (await state_of(app, "hoa")).version == 1
