"""What the delivery writes: the lease before sending, each outcome as soon as the platform answers.

Every write is its own short transaction, so no platform round trip ever holds a database lock, and
an acknowledged message is marked sent before the next one of its chat goes out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel import col
from sqlmodel.ext.asyncio.session import AsyncSession

from handlers.core.messages import DeliveryError
from storage.models import OutboxMessage
from storage.uow import UnitOfWork

LEASE = timedelta(minutes=2)  # far beyond a run's budget plus a request's timeout
MAX_ATTEMPTS = 12


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(600, 2 ** min(attempts, 10)))


def retry_delay(error: DeliveryError, attempts: int) -> timedelta:
    return timedelta(seconds=error.retry_after) if error.retry_after else backoff(attempts)


class DeliveryRecords:
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self.sessions = sessions

    async def lease(self, now: datetime, limit: int, channel: str) -> list[OutboxMessage]:
        """Due rows of one channel, oldest first, pushed `LEASE` ahead so no other run takes them."""
        async with UnitOfWork(self.sessions) as uow:
            rows = await uow.outbox.claim_due(now, limit, [channel])
            for row in rows:
                row.not_before = now + LEASE
                uow.session.add(row)
            await uow.commit()
        return rows

    async def sent(self, row_id: int | None, now: datetime) -> None:
        async with UnitOfWork(self.sessions) as uow:
            row = await uow.session.get(OutboxMessage, row_id)
            if row is not None:
                uow.outbox.mark_sent(row, now)
                await uow.commit()

    async def failed(self, row_id: int | None, now: datetime, error: DeliveryError) -> bool:
        """Record a failed attempt; True when the row is given up.

        A 429 never counts towards giving up: the message is fine, the platform only asked to wait.
        """
        async with UnitOfWork(self.sessions) as uow:
            row = await uow.session.get(OutboxMessage, row_id)
            if row is None:
                return True
            exhausted = not error.retry_after and row.attempts + 1 >= MAX_ATTEMPTS
            give_up = error.permanent or exhausted
            uow.outbox.mark_retry(row, now, retry_delay(error, row.attempts), str(error), give_up)
            await uow.commit()
            return give_up

    async def reschedule(self, rows: Sequence[OutboxMessage], not_before: datetime) -> None:
        """Hand leased rows back untried, due at `not_before`; their attempts stay as they were."""
        ids = [row.id for row in rows if row.id is not None]
        if not ids:
            return
        async with UnitOfWork(self.sessions) as uow:
            stmt = (
                update(OutboxMessage)
                .where(col(OutboxMessage.id).in_(ids), col(OutboxMessage.sent_at).is_(None))
                .values(not_before=not_before)
            )
            await (await uow.session.connection()).execute(stmt)
            await uow.commit()
