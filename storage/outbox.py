"""The outbox: every message that is not the immediate reply, written in the deciding transaction."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_
from sqlalchemy.orm import aliased
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import OutboxMessage


class Outbox:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(
        self, channel: str, chat_id: str, text: str, now: datetime,
        choices: list[list[str]] | None = None, version: int = 0,
        document_file_id: str | None = None, document_name: str | None = None,
    ) -> OutboxMessage:
        row = OutboxMessage(
            channel=channel, chat_id=chat_id, text=text, choices=choices or [], version=version,
            created_at=now, not_before=now, document_file_id=document_file_id, document_name=document_name,
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
        self.session.add(row)

    def mark_retry(self, row: OutboxMessage, now: datetime, delay: timedelta, error: str, give_up: bool) -> None:
        row.attempts += 1
        row.last_error = error[:300]
        row.not_before = now + delay
        if give_up:
            row.failed_at = now
        self.session.add(row)

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
