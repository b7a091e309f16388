"""The outbox: every message the bot sends, written in the transaction that decides it.

Replies are written leased to the worker handling the update, which sends them at once after COMMIT;
notices, reminders and results wait for the delivery loop. Whatever a worker leased and did not send
(it stopped, or died) is handed back: at shutdown by `release`, after a crash by `reclaim`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, insert, or_, text, update
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.orm import aliased
from sqlmodel import col, delete, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.locks import LIVE_WORKERS
from storage.models import OutboxMessage

_UNSENT = (col(OutboxMessage.sent_at).is_(None), col(OutboxMessage.failed_at).is_(None))
_TABLE = OutboxMessage.__table__  # type: ignore[attr-defined]
_REPLIES = insert(_TABLE)
_REPLY_DEFAULTS: dict[str, Any] = {
    "choices": [], "version": 0, "attempts": 0, "sent_at": None, "failed_at": None, "last_error": None,
    "document_file_id": None, "document_name": None, "document_content": None, "document_mime": None,
    "ask_contact": False, "number_input": False, "deadline_id": None, "unit_id": None}
_SENT = (update(_TABLE).where(_TABLE.c.id.in_(bindparam("ids", expanding=True)), _TABLE.c.sent_at.is_(None))
         .values(sent_at=bindparam("now"), attempts=_TABLE.c.attempts + 1, lease_owner=None, document_content=None))


async def record_sent(engine: AsyncEngine, ids: Sequence[int], now: datetime) -> None:
    """Record sends the platforms accepted, in a transaction of their own: one statement for all the sends
    of concurrent chats (a group commit), on a bare connection (no session is worth making for it)."""
    async with engine.connect() as conn:
        # One statement is its own transaction: autocommit saves the BEGIN and COMMIT round trips, which
        # otherwise tripled what a lone send's record costs when answers come one at a time.
        conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(_SENT, {"ids": list(ids), "now": now})


class Outbox:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(
        self, channel: str, chat_id: str, text: str, now: datetime,
        choices: list[list[str]] | None = None, version: int = 0,
        document_file_id: str | None = None, document_name: str | None = None,
        *, document_content: bytes | None = None, document_mime: str | None = None, ask_contact: bool = False,
        leased_by: int | None = None, lease: timedelta | None = None,
    ) -> OutboxMessage:
        """A message to send; `leased_by` a worker that sends it itself at once (a reply)."""
        row = OutboxMessage(
            channel=channel, chat_id=chat_id, text=text, choices=choices or [], version=version,
            created_at=now, not_before=now + lease if lease else now,
            document_file_id=document_file_id, document_name=document_name,
            document_content=document_content, document_mime=document_mime, ask_contact=ask_contact,
            lease_owner=leased_by,
        )
        self.session.add(row)
        return row

    async def claim_due(self, now: datetime, limit: int, channels: list[str]) -> list[OutboxMessage]:
        """Due rows, oldest first; on PostgreSQL rows another worker holds are skipped.

        A row waits while an earlier row of its chat is pending and not yet due (retrying or leased),
        so a chat's later messages never overtake an earlier one that failed.
        """
        earlier = aliased(OutboxMessage)
        waiting = (
            select(col(earlier.id))
            .where(
                col(earlier.channel) == col(OutboxMessage.channel),
                col(earlier.chat_id) == col(OutboxMessage.chat_id),
                col(earlier.id) < col(OutboxMessage.id),
                col(earlier.sent_at).is_(None),
                col(earlier.failed_at).is_(None),
                col(earlier.not_before) > now,
            )
            .exists()
        )
        stmt = (
            select(OutboxMessage)
            .where(
                col(OutboxMessage.sent_at).is_(None),
                col(OutboxMessage.failed_at).is_(None),
                OutboxMessage.not_before <= now,
                col(OutboxMessage.channel).in_(channels),
                ~waiting,
            )
            .order_by(col(OutboxMessage.id))
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return list((await self.session.exec(stmt)).all())

    def mark_sent(self, row: OutboxMessage, now: datetime) -> None:
        row.sent_at = now
        row.attempts += 1
        row.lease_owner = None
        row.document_content = None
        self.session.add(row)

    async def add_replies(self, rows: Sequence[dict[str, Any]]) -> list[int]:
        """Write an update's replies (each a dict of `OutboxMessage` columns) in one statement; their ids, in
        order. A Core statement: the ORM's unit of work cost more than the insert on every update."""
        result = await (await self.session.connection()).execute(
            _REPLIES.returning(_TABLE.c.id, sort_by_parameter_order=True), [{**_REPLY_DEFAULTS, **row} for row in rows])
        return [int(row_id) for row_id in result.scalars()]

    def mark_retry(self, row: OutboxMessage, now: datetime, delay: timedelta, error: str, give_up: bool) -> None:
        row.attempts += 1
        row.last_error = error[:300]
        row.not_before = now + delay
        row.lease_owner = None
        if give_up:
            row.failed_at = now
            row.document_content = None
        self.session.add(row)

    async def reschedule(self, ids: Sequence[int], not_before: datetime) -> None:
        """Hand leased rows back untried, due at `not_before`; their attempts stay as they were."""
        stmt = (update(OutboxMessage).where(col(OutboxMessage.id).in_(ids), col(OutboxMessage.sent_at).is_(None))
                .values(not_before=not_before, lease_owner=None))
        await (await self.session.connection()).execute(stmt)

    async def retry_later(self, ids: Sequence[int], now: datetime, delay: timedelta, error: str,
                          give_up: bool) -> None:
        """A reply whose send failed: its attempt counts (`ids[0]`); the replies after it, untried, wait
        behind it in the delivery loop."""
        first, rest = ids[0], list(ids[1:])
        owned = (col(OutboxMessage.sent_at).is_(None),)
        await (await self.session.connection()).execute(
            update(OutboxMessage).where(col(OutboxMessage.id) == first, *owned).values(
                attempts=OutboxMessage.attempts + 1, last_error=error[:300], not_before=now + delay,
                lease_owner=None, failed_at=now if give_up else None))
        if rest:
            await (await self.session.connection()).execute(
                update(OutboxMessage).where(col(OutboxMessage.id).in_(rest), *owned).values(
                    not_before=now + delay, lease_owner=None))

    async def release(self, worker: int, now: datetime) -> int:
        """Hand back, due at once, what this worker leased and did not send (it is stopping)."""
        stmt = (update(OutboxMessage).where(col(OutboxMessage.lease_owner) == worker, *_UNSENT)
                .values(lease_owner=None, not_before=now))
        return int((await (await self.session.connection()).execute(stmt)).rowcount or 0)

    async def reclaim(self, worker: int, namespace: int | None, now: datetime) -> int:
        """Hand back what workers that no longer live had leased: on PostgreSQL those whose presence lock
        is gone (`namespace`), on SQLite (one process) every worker's but this one's."""
        owned = col(OutboxMessage.lease_owner)
        dead = owned != worker
        if namespace is not None:
            dead = owned.not_in(text(f"({LIVE_WORKERS.format(ns=int(namespace))})"))
        stmt = (update(OutboxMessage).where(owned.is_not(None), dead, *_UNSENT)
                .values(lease_owner=None, not_before=now))
        return int((await (await self.session.connection()).execute(stmt)).rowcount or 0)

    async def backlog(self) -> tuple[int, datetime | None]:
        """Unsent rows (not given up) and when the oldest of them was written."""
        stmt = select(func.count(), func.min(OutboxMessage.created_at)).where(*_UNSENT)
        count, oldest = (await self.session.exec(stmt)).one()
        return int(count), oldest

    async def prune(self, before: datetime) -> int:
        """Forget rows sent or given up before `before`."""
        stmt = delete(OutboxMessage).where(
            or_(col(OutboxMessage.sent_at) < before, col(OutboxMessage.failed_at) < before))
        return int((await (await self.session.connection()).execute(stmt)).rowcount or 0)

    async def pending(self, chat_id: str | None = None) -> list[OutboxMessage]:
        stmt = select(OutboxMessage).where(
            col(OutboxMessage.sent_at).is_(None), col(OutboxMessage.failed_at).is_(None)
        )
        if chat_id is not None:
            stmt = stmt.where(OutboxMessage.chat_id == chat_id)
        return list((await self.session.exec(stmt.order_by(col(OutboxMessage.id)))).all())

    async def sent_or_failed_before(self, before: datetime) -> list[OutboxMessage]:
        stmt = select(OutboxMessage).where(
            or_(col(OutboxMessage.sent_at) < before, col(OutboxMessage.failed_at) < before)
        )
        return list((await self.session.exec(stmt)).all())
