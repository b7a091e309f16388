"""Delivering the outbox: lease a batch, send within the platforms' limits, record each outcome.

A row is leased (its `not_before` pushed ahead) and committed before sending, so a slow platform
never holds a database write lock, and a crashed worker's lease simply runs out.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import timedelta

from aiolimiter import AsyncLimiter
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from handlers.chat import Choice, DeliveryError, Document, Reply
from handlers.clock import Clock
from storage.models import OutboxMessage
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)

Send = Callable[[str, str, Reply, int], Awaitable[None]]
LEASE = timedelta(minutes=2)
MAX_ATTEMPTS = 12


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(600, 2 ** min(attempts, 10)))


class OutboxDelivery:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        clock: Clock,
        send: Send,
        rates: Mapping[str, float],
        batch: int = 100,
    ) -> None:
        self.sessions, self.clock, self.send, self.batch = sessions, clock, send, batch
        self.limiters = {name: AsyncLimiter(rate, 1) for name, rate in rates.items()}

    async def run_once(self) -> int:
        """Send what is due now; returns how many were sent."""
        async with UnitOfWork(self.sessions) as uow:
            now = self.clock.now()
            rows = await uow.outbox.claim_due(now, self.batch, list(self.limiters))
            for row in rows:
                row.not_before = now + LEASE
                uow.session.add(row)
            await uow.commit()
        sent = 0
        held: dict[str, timedelta] = {}  # a chat that failed waits, and its later messages keep their order
        for row in rows:
            key = f"{row.channel}:{row.chat_id}"
            if key in held:
                await self._record(row.id, None, hold=held[key])
                continue
            error = await self._send_one(row)
            if error is None:
                sent += 1
            else:
                held[key] = self._delay(error, row.attempts)
            await self._record(row.id, error)
        return sent

    @staticmethod
    def _delay(error: DeliveryError, attempts: int) -> timedelta:
        return timedelta(seconds=error.retry_after) if error.retry_after else backoff(attempts)

    async def _send_one(self, row: OutboxMessage) -> DeliveryError | None:
        document = (Document(row.document_name or "file", file_id=row.document_file_id)
                    if row.document_file_id else None)
        reply = Reply(row.text, tuple(Choice(id=c[0], label=c[1]) for c in row.choices), document=document)
        try:
            async with self.limiters[row.channel]:
                await self.send(row.channel, row.chat_id, reply, row.version)
        except DeliveryError as error:
            log.warning("outbox %s to %s failed: %s", row.id, row.channel, error)
            return error
        except Exception as error:  # a bug in a channel must not stop the loop
            log.exception("outbox %s to %s crashed", row.id, row.channel)
            return DeliveryError(type(error).__name__)
        return None

    async def _record(self, row_id: int | None, error: DeliveryError | None,
                      hold: timedelta | None = None) -> None:
        async with UnitOfWork(self.sessions) as uow:
            row = await uow.session.get(OutboxMessage, row_id)
            if row is None:
                return
            now = self.clock.now()
            if hold is not None:
                row.not_before = now + hold
                uow.session.add(row)
            elif error is None:
                uow.outbox.mark_sent(row, now)
            else:
                give_up = error.permanent or row.attempts + 1 >= MAX_ATTEMPTS
                uow.outbox.mark_retry(row, now, self._delay(error, row.attempts), str(error), give_up)
            await uow.commit()
