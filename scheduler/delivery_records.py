"""What a send writes: the lease before it, its outcome as soon as the platform answers.

Every write is its own short transaction, so no platform round trip ever holds a database lock. A send
the platform accepted is recorded before its sender sends anything else (`SentRecorder`): concurrent
senders share one transaction for their records (a group commit), so recording costs one write per
burst rather than one per message, and a crash repeats at most the sends in flight at that instant,
one per concurrent sender.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from handlers.core.clock import Clock
from handlers.core.messages import DeliveryError
from storage.db import Writers
from storage.models import OutboxMessage
from storage.outbox import record_sent
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=2)  # far beyond a run's budget plus a request's timeout; a dead worker's is reclaimed
MAX_ATTEMPTS = 12
RECORD_RETRY_MAX = 5.0  # seconds between tries to record sends while the database is unreachable


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(600, 2 ** min(attempts, 10)))


def retry_delay(error: DeliveryError, attempts: int) -> timedelta:
    return timedelta(seconds=error.retry_after) if error.retry_after else backoff(attempts)


class SentRecorder:
    """Records accepted sends; `sent` returns once the record is committed.

    While a record is being written, the sends accepted meanwhile wait and go together in the next
    transaction. A database that cannot be reached is tried again with backoff: a send the platform took
    is never forgotten while the process lives (forgetting it would send it again).
    """

    def __init__(self, sessions: async_sessionmaker[AsyncSession], clock: Clock, writers: Writers) -> None:
        self.sessions, self.clock, self.writers = sessions, clock, writers
        self._ids: list[int] = []
        self._waiters: list[asyncio.Future[None]] = []
        self._task: asyncio.Task[None] | None = None

    async def sent(self, ids: Sequence[int]) -> None:
        if not ids:
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._ids.extend(ids)
        self._waiters.append(waiter)
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._write_all())
        await asyncio.shield(waiter)  # a cancelled sender does not cancel the others' record

    @property
    def pending(self) -> int:
        return len(self._ids)

    async def _write_all(self) -> None:
        delay = 0.1
        while self._ids:
            ids, waiters = self._ids, self._waiters
            self._ids, self._waiters = [], []
            try:
                await self.writers.run(lambda ids=ids: self._write(ids))  # type: ignore[misc]
            except Exception as error:
                log.warning("could not record %d sends (%s); trying again in %.1f s", len(ids),
                            type(error).__name__, delay)
                self._ids, self._waiters = ids + self._ids, waiters + self._waiters
                await asyncio.sleep(delay)
                delay = min(delay * 2, RECORD_RETRY_MAX)
                continue
            delay = 0.1
            for waiter in waiters:
                if not waiter.done():
                    waiter.set_result(None)

    async def _write(self, ids: list[int]) -> None:
        await record_sent(self.sessions.kw["bind"], ids, self.clock.now())


class DeliveryRecords:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], worker: int, recorder: SentRecorder,
                 writers: Writers) -> None:
        self.sessions, self.worker, self.recorder, self.writers = sessions, worker, recorder, writers

    async def lease(self, now: datetime, limit: int, channel: str) -> list[OutboxMessage]:
        """Due rows of one channel, oldest first, pushed `LEASE` ahead and owned by this worker."""
        async def work() -> list[OutboxMessage]:
            async with UnitOfWork(self.sessions) as uow:
                rows = await uow.outbox.claim_due(now, limit, [channel])
                for row in rows:
                    row.not_before = now + LEASE
                    row.lease_owner = self.worker
                    uow.session.add(row)
                await uow.commit()
            return rows

        return await self.writers.run(work)

    async def sent(self, row_id: int | None, now: datetime) -> None:
        del now  # the recorder stamps the moment the record is written
        if row_id is not None:
            await self.recorder.sent([row_id])

    async def failed(self, row_id: int | None, now: datetime, error: DeliveryError) -> bool:
        """Record a failed attempt; True when the row is given up. A send refused because the person
        blocked the bot marks their chat unreachable in the same transaction.

        A 429 never counts towards giving up: the message is fine, the platform only asked to wait.
        """
        async def work() -> bool:
            async with UnitOfWork(self.sessions) as uow:
                row = await uow.session.get(OutboxMessage, row_id)
                if row is None:
                    return True
                exhausted = not error.retry_after and row.attempts + 1 >= MAX_ATTEMPTS
                give_up = error.permanent or exhausted
                uow.outbox.mark_retry(row, now, retry_delay(error, row.attempts), str(error), give_up)
                if error.unreachable:  # the person blocked the bot: reminders skip them until they write again
                    await uow.directory.set_unreachable(row.channel, row.chat_id, now)
                await uow.commit()
                return give_up

        return await self.writers.run(work)

    async def reschedule(self, rows: Sequence[OutboxMessage], not_before: datetime) -> None:
        """Hand leased rows back untried, due at `not_before`; their attempts stay as they were."""
        ids = [row.id for row in rows if row.id is not None]
        if not ids:
            return

        async def work() -> None:
            async with UnitOfWork(self.sessions) as uow:
                await uow.outbox.reschedule(ids, not_before)
                await uow.commit()

        await self.writers.run(work)
