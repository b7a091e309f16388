"""The inbox (updates stored ahead are handled once, in order per chat, also after a restart) and the outbox's
leases (a reply is recorded once sent; what a dead worker leased is taken back, what a stopping one leased
is handed back), on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlalchemy import event, select

from bot.app import App
from bot.channels.sandbox import Sandbox
from handlers.core.clock import FrozenClock
from handlers.core.messages import incoming_to_json
from scheduler.delivery_records import LEASE
from storage.models import InboxUpdate, OutboxMessage
from tests.helpers import deliver

HELP = "/help"


async def until(condition: object, within: float = 10) -> None:
    for _ in range(int(within / 0.01)):
        if condition():  # type: ignore[operator]
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition not reached in time")


async def outbox(app: App) -> list[OutboxMessage]:
    await app.dispatcher.sender.recorded()  # a reply's record follows its send
    async with app.uow() as uow:
        return list((await uow.session.exec(select(OutboxMessage).order_by(OutboxMessage.id))).scalars())


async def inbox(app: App) -> list[InboxUpdate]:
    async with app.uow() as uow:
        return list((await uow.session.exec(select(InboxUpdate).order_by(InboxUpdate.id))).scalars())


async def test_updates_stored_ahead_are_handled_once_in_order(app: App, sandbox: Sandbox) -> None:
    texts = ["/lang en", "/help", "/lang vi", "/help"]
    await app.dispatcher.accept([sandbox.incoming("hoa", text, update_id=f"z{n}") for n, text in enumerate(texts)])
    await until(lambda: len(sandbox.channel.delivered) == 4)
    out = sandbox.inbox("hoa")
    english, vietnamese = out[1], out[3]
    assert english != vietnamese and "trợ giúp" in vietnamese  # handled in arrival order
    stored = await inbox(app)
    assert [row.update_id for row in stored] == ["z0", "z1", "z2", "z3"]
    assert all(row.processed_at is not None and row.payload is None for row in stored)  # nothing kept of a chat

    await app.dispatcher.accept([sandbox.incoming("hoa", "/help", update_id="z1")])  # the platform sends it again
    await asyncio.sleep(0.2)
    assert sandbox.inbox("hoa") == []


async def test_updates_stored_before_a_crash_are_handled_on_start(app: App, sandbox: Sandbox) -> None:
    incoming = sandbox.incoming("binh", HELP, update_id="before-crash")
    async with app.uow() as uow:  # stored and acknowledged, then the worker died before handling it
        row = ("sandbox", "before-crash", incoming.chat_id, incoming_to_json(incoming))
        await uow.inbox.accept([row], app.clock.now())
        await uow.commit()
    assert await app.dispatcher.recover() == 1
    assert len(sandbox.inbox("binh")) == 1
    assert await app.dispatcher.recover() == 0


async def test_a_reply_is_written_leased_and_recorded_once_sent(app: App, sandbox: Sandbox) -> None:
    assert len(await sandbox.say("hoa", HELP)) == 1
    [row] = await outbox(app)
    assert row.sent_at is not None and row.lease_owner is None and row.attempts == 1
    assert await deliver(app) == 0  # the delivery loop never sends it again


async def test_what_a_dead_worker_leased_is_taken_back_and_sent(app: App, sandbox: Sandbox, clock: FrozenClock) -> None:
    now = clock.now()
    async with app.uow() as uow:  # a reply committed by a worker that died before sending it
        uow.outbox.add("sandbox", "sb-hoa", "trả lời chưa gửi", now, leased_by=123_456, lease=LEASE)
        uow.outbox.add("sandbox", "sb-binh", "của tôi", now, leased_by=app.presence.worker, lease=LEASE)
        await uow.commit()
    assert await deliver(app) == 0  # leased: not due for LEASE
    await app.presence.start()
    assert await app.reclaim() == 1  # the dead worker's only; this worker's own stays with it
    assert await deliver(app) == 1
    assert sandbox.inbox("hoa") == ["trả lời chưa gửi"]
    assert await app.release() == 1  # stopping: what this worker still holds is handed back, due now
    assert await deliver(app) == 1
    assert sandbox.inbox("binh") == ["của tôi"]
    clock.advance(LEASE + timedelta(seconds=1))
    assert await deliver(app) == 0


async def test_sends_of_concurrent_chats_are_recorded_together(app: App, sandbox: Sandbox) -> None:
    commits = []
    event.listen(app.engine.sync_engine, "commit", lambda conn: commits.append(1))
    users = [f"u{n}" for n in range(20)]
    before = len(commits)
    await asyncio.gather(*(sandbox.say(user, HELP) for user in users))
    rows = await outbox(app)
    assert len(rows) == 20 and all(row.sent_at is not None for row in rows)
    assert len(commits) - before < 2 * len(users)  # the records share transactions: fewer than one each
