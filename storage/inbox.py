"""The inbox: every update acknowledged to a platform, de-duplicated by (channel, update id).

Two ways in. Most updates are stored by the transaction that handles them (`begin`): the platform is
answered after COMMIT, so an update is never acknowledged unless it is stored, and never handled twice.
An update that must be acknowledged before it is handled (the Zalo webhook answers at once) is stored
ahead (`accept`) with its `Incoming` as payload; a worker then handles a chat's stored updates oldest
first (`next_waiting` under the chat's lock), also after a crash, on start.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import InboxUpdate

_TABLE: Table = InboxUpdate.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Stored:
    """An update stored ahead of handling."""

    id: int
    channel: str
    chat_id: str
    update_id: str
    payload: dict[str, Any]


def _insert(dialect: str) -> Any:
    return postgresql.insert if dialect == "postgresql" else sqlite.insert


@cache
def _begin_statement(dialect: str) -> Insert:
    """Insert as handled; or take over a row stored ahead and not handled yet; or nothing (a redelivery)."""
    stmt = _insert(dialect)(_TABLE)
    upsert: Insert = stmt.on_conflict_do_update(
        index_elements=[_TABLE.c.channel, _TABLE.c.update_id],
        set_={"processed_at": stmt.excluded.processed_at, "payload": None},
        where=_TABLE.c.processed_at.is_(None),
    )
    return upsert


@cache
def _accept_statement(dialect: str) -> Insert:
    stmt: Insert = _insert(dialect)(_TABLE).on_conflict_do_nothing(
        index_elements=[_TABLE.c.channel, _TABLE.c.update_id])
    return stmt


class Inbox:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def _dialect(self) -> str:
        return self.session.bind.dialect.name if self.session.bind is not None else "sqlite"

    async def begin(self, channel: str, update_id: str, chat_id: str, now: datetime) -> bool:
        """Record the update as handled by this transaction; False when it was handled before."""
        connection = await self.session.connection()
        result = await connection.execute(_begin_statement(self._dialect()), {
            "channel": channel, "update_id": update_id, "chat_id": chat_id, "payload": None,
            "received_at": now, "processed_at": now})
        return bool(result.rowcount)

    async def accept(self, rows: Sequence[tuple[str, str, str, dict[str, Any]]], now: datetime) -> None:
        """Store updates ahead of handling: (channel, update id, chat id, payload); redeliveries change nothing."""
        if not rows:
            return
        connection = await self.session.connection()
        await connection.execute(_accept_statement(self._dialect()), [
            {"channel": channel, "update_id": update_id, "chat_id": chat_id, "payload": payload,
             "received_at": now, "processed_at": None}
            for channel, update_id, chat_id, payload in rows])

    async def next_waiting(self, channel: str, chat_id: str) -> Stored | None:
        """The chat's oldest update stored ahead and not handled; call it holding the chat's state lock."""
        stmt = (select(_TABLE.c.id, _TABLE.c.update_id, _TABLE.c.payload)
                .where(_TABLE.c.channel == channel, _TABLE.c.chat_id == chat_id, _TABLE.c.processed_at.is_(None))
                .order_by(_TABLE.c.id).limit(1))
        row = (await (await self.session.connection()).execute(stmt)).first()
        if row is None or row.payload is None:
            return None
        return Stored(int(row.id), channel, chat_id, str(row.update_id), dict(row.payload))

    async def mark_handled(self, stored_id: int, now: datetime) -> bool:
        """Take a stored update for this transaction; False when another worker already handled it."""
        stmt = (update(_TABLE).where(_TABLE.c.id == stored_id, _TABLE.c.processed_at.is_(None))
                .values(processed_at=now, payload=None))
        return bool((await (await self.session.connection()).execute(stmt)).rowcount)

    async def waiting_chats(self, limit: int = 1000) -> list[tuple[str, str]]:
        """Chats with updates stored ahead and not handled, oldest first."""
        stmt = (select(_TABLE.c.channel, _TABLE.c.chat_id, func.min(_TABLE.c.id).label("first"))
                .where(_TABLE.c.processed_at.is_(None))
                .group_by(_TABLE.c.channel, _TABLE.c.chat_id).order_by("first").limit(limit))
        return [(str(r.channel), str(r.chat_id)) for r in (await (await self.session.connection()).execute(stmt))]

    async def backlog(self) -> int:
        stmt = select(func.count()).select_from(_TABLE).where(_TABLE.c.processed_at.is_(None))
        return int((await (await self.session.connection()).execute(stmt)).scalar_one())

    async def prune(self, before: datetime) -> int:
        """Forget handled updates older than `before` (platforms redeliver for a day at most)."""
        stmt = delete(_TABLE).where(_TABLE.c.processed_at.is_not(None), _TABLE.c.received_at < before)
        return int((await (await self.session.connection()).execute(stmt)).rowcount or 0)
