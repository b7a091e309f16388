"""Conversation bookkeeping: dialog states, processed updates, failed code attempts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, tuple_
from sqlmodel import col, delete, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import DialogState, FailedAttempt, ProcessedUpdate
from storage.upsert import insert_ignore

# Built once: the dispatcher reads the chat's state on every update.
_STATE_FOR_UPDATE = (
    select(DialogState)
    .where(DialogState.channel == bindparam("channel"), DialogState.chat_id == bindparam("chat_id"))
    .with_for_update()
)


class Dialogs:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def first_time(self, channel: str, update_id: str, now: datetime) -> bool:
        """Record an update; False when it was processed before (a redelivery)."""
        return await insert_ignore(
            self.session, ProcessedUpdate, {"channel": channel, "update_id": update_id, "received_at": now}
        )

    async def load_for_update(self, channel: str, chat_id: str, now: datetime) -> DialogState:
        """The chat's state, locked for this transaction (a row lock on PostgreSQL; SQLite's
        BEGIN IMMEDIATE already serialises writers). Created on the chat's first update only, so
        every later update costs one statement here."""
        params = {"channel": channel, "chat_id": chat_id}
        state = (await self.session.exec(_STATE_FOR_UPDATE, params=params)).first()
        if state is not None:
            return state
        await insert_ignore(  # a race with another worker's first update of the chat is harmless
            self.session,
            DialogState,
            {"channel": channel, "chat_id": chat_id, "data": {}, "choices": [], "version": 0,
             "lang": "vi", "updated_at": now},
        )
        return (await self.session.exec(_STATE_FOR_UPDATE, params=params)).one()

    async def get(self, channel: str, chat_id: str) -> DialogState | None:
        return await self.session.get(DialogState, (channel, chat_id))

    async def langs(self, chats: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """The language each of these chats uses (chats never seen are absent)."""
        if not chats:
            return {}
        stmt = select(DialogState.channel, DialogState.chat_id, DialogState.lang).where(
            tuple_(col(DialogState.channel), col(DialogState.chat_id)).in_(chats))
        return {(ch, chat): lang for ch, chat, lang in (await self.session.exec(stmt)).all()}

    async def save(self, state: DialogState) -> None:
        self.session.add(state)

    async def recent_failures(self, channel: str, chat_id: str, since: datetime) -> list[datetime]:
        stmt = (
            select(FailedAttempt.at)
            .where(FailedAttempt.channel == channel, FailedAttempt.chat_id == chat_id, FailedAttempt.at >= since)
            .order_by(col(FailedAttempt.at))
        )
        return list((await self.session.exec(stmt)).all())

    async def add_failure(self, channel: str, chat_id: str, at: datetime) -> None:
        self.session.add(FailedAttempt(channel=channel, chat_id=chat_id, at=at))

    async def prune(self, before: datetime) -> int:
        """Forget processed updates and failures older than `before` (platforms redeliver for a day at most)."""
        n = 0
        pairs = ((ProcessedUpdate, col(ProcessedUpdate.received_at)), (FailedAttempt, col(FailedAttempt.at)))
        for model, column in pairs:
            count = await self.session.exec(select(func.count()).select_from(model).where(column < before))
            n += int(count.one())
            await (await self.session.connection()).execute(delete(model).where(column < before))
        return n
