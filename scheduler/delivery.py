"""Delivering the outbox: lease due rows, send them within the platforms' limits, record each outcome.

A row is leased (its `not_before` pushed ahead) and committed before sending, so a slow platform
never holds a database write lock, and a crashed worker's lease simply runs out. Each outcome is
committed as soon as the platform answers (see delivery_records).

A run gives each channel a lane. The lane leases rows as fast as the channel's overall limit can take
them and hands each chat's rows to one task, which sends them in order, one at a time, spaced by the
chat's own limits; tasks of different chats run concurrently and queue at the channel's gate
(rate_limits). The run stops starting sends when its budget is spent — the scheduler calls it again
a moment later — and hands back what it leased and did not try. A chat that may not send again
before then gets its rows back due at the moment it may.

A 429 pauses the whole channel for `retry_after` (Telegram's flood control counts per bot, not per
chat) and its row is retried after it; other transient errors back off exponentially; permanent ones
give up. A chat's later rows wait behind a failed one, here and in `Outbox.claim_due`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from handlers.core.clock import Clock
from handlers.core.messages import Choice, DeliveryError, Document, Reply
from scheduler.delivery_records import LEASE, MAX_ATTEMPTS, DeliveryRecords, backoff, retry_delay
from scheduler.rate_limits import ChannelLimits, Gate, Window, channel_limits
from storage.models import OutboxMessage

__all__ = ["BUDGET", "LEASE", "MAX_ATTEMPTS", "OutboxDelivery", "Send", "backoff"]

log = logging.getLogger(__name__)

Send = Callable[[str, str, Reply, int], Awaitable[None]]
BUDGET = 1.5  # seconds a run keeps starting sends: under the scheduler's 2-second interval
FEED_INTERVAL = 0.02  # how often a lane looks whether its gate could take more rows


class OutboxDelivery:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        clock: Clock,
        send: Send,
        rates: Mapping[str, float | ChannelLimits],
        batch: int = 100,
        budget: float = BUDGET,
    ) -> None:
        """`rates`: messages a second per channel, or its full `ChannelLimits`; `batch`: rows leased at once."""
        self.sessions, self.clock, self.send, self.batch, self.budget = sessions, clock, send, batch, budget
        self.records = DeliveryRecords(sessions)
        self.limits = {name: channel_limits(name, rate) for name, rate in rates.items()}
        self.gates = {name: Gate(limits.overall) for name, limits in self.limits.items()}
        self.paused_until: dict[str, datetime] = {}
        self._chat_windows: dict[tuple[str, str], list[Window]] = {}

    async def run_once(self) -> int:
        """Send what is due, for at most `budget` seconds; returns how many were sent."""
        deadline = time.monotonic() + self.budget
        self._forget_idle_chats()
        lanes = [_Lane(self, channel, deadline) for channel in self.limits]
        return sum(await asyncio.gather(*(lane.run() for lane in lanes)))

    def pause_end(self, channel: str) -> datetime | None:
        until = self.paused_until.get(channel)
        return until if until is not None and self.clock.now() < until else None

    def pause(self, channel: str, until: datetime) -> None:
        log.warning("%s asked to slow down: no sending until %s", channel, until.isoformat(timespec="seconds"))
        self.paused_until[channel] = max(until, self.paused_until.get(channel, until))

    def chat_windows(self, channel: str, chat_id: str) -> list[Window]:
        key = (channel, chat_id)
        if key not in self._chat_windows:
            self._chat_windows[key] = [Window(limit) for limit in self.limits[channel].for_chat(chat_id)]
        return self._chat_windows[key]

    def _forget_idle_chats(self) -> None:
        for key in [key for key, windows in self._chat_windows.items() if all(w.idle() for w in windows)]:
            del self._chat_windows[key]

    async def send_row(self, row: OutboxMessage) -> DeliveryError | None:
        document = (Document(row.document_name or "file", file_id=row.document_file_id)
                    if row.document_file_id else None)
        reply = Reply(row.text, tuple(Choice(id=c[0], label=c[1]) for c in row.choices), document=document)
        try:
            await self.send(row.channel, row.chat_id, reply, row.version)
        except DeliveryError as error:
            log.warning("outbox %s to %s failed: %s", row.id, row.channel, error)
            return error
        except Exception as error:  # a bug in a channel must not stop the loop
            log.exception("outbox %s to %s crashed", row.id, row.channel)
            return DeliveryError(type(error).__name__)
        return None


class _Lane:
    """One channel's part of a run."""

    def __init__(self, delivery: OutboxDelivery, channel: str, deadline: float) -> None:
        self.delivery, self.channel, self.deadline = delivery, channel, deadline
        self.limits = delivery.limits[channel]
        self.gate = delivery.gates[channel]
        self.queues: dict[str, deque[OutboxMessage]] = {}  # by chat; a chat has a queue while its task runs
        self.tasks: set[asyncio.Task[None]] = set()
        self.queued = 0  # rows leased and not yet taken by their chat's task
        self.sent = 0
        self.out_of_time = False
        # leasing a few rows at a time would cost a transaction per message
        self.chunk = max(1, min(delivery.batch, self.limits.overall.count) // 2)

    async def run(self) -> int:
        try:
            while self.delivery.pause_end(self.channel) is None and not self.out_of_time:
                left = self.deadline - time.monotonic()
                if left <= 0:
                    break
                room = self.gate.window.capacity(min(left, 2 * self.limits.overall.period)) - self.queued
                if room >= self.chunk or (room > 0 and self.queued == 0):
                    want = min(self.delivery.batch, room)
                    rows = await self.delivery.records.lease(self.delivery.clock.now(), want, self.channel)
                    for row in rows:
                        self._queue(row)
                    if len(rows) < want:
                        break  # nothing more was due; what comes due meanwhile waits for the next run
                await asyncio.sleep(FEED_INTERVAL)
        finally:
            while self.tasks:
                await asyncio.gather(*self.tasks, return_exceptions=True)
        return self.sent

    def _queue(self, row: OutboxMessage) -> None:
        queue = self.queues.get(row.chat_id)
        if queue is None:
            queue = self.queues[row.chat_id] = deque()
            task = asyncio.create_task(self._chat(row.chat_id, queue))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)
        queue.append(row)
        self.queued += 1

    async def _chat(self, chat_id: str, queue: deque[OutboxMessage]) -> None:
        """Send one chat's rows in order; what is left when it must stop goes back to the outbox."""
        windows = self.delivery.chat_windows(self.channel, chat_id)
        until: datetime | None = None
        try:
            while queue and until is None:
                until = await self._next(queue, windows)
        except Exception:  # the rows left keep their lease and come back when it runs out
            log.exception("delivering to a %s chat stopped", self.channel)
        finally:
            rest = list(queue)
            queue.clear()
            self.queued -= len(rest)
            del self.queues[chat_id]
        if rest and until is not None:
            await self.delivery.records.reschedule(rest, until)

    async def _next(self, queue: deque[OutboxMessage], windows: list[Window]) -> datetime | None:
        """Send the chat's next row if limits allow; None to go on, or when the rows left may go."""
        delivery, row = self.delivery, queue[0]
        if (paused := delivery.pause_end(self.channel)) is not None:
            return paused
        cost = self.limits.cost(row.text, row.document_file_id is not None)
        wait = max((_wait(window, cost) for window in windows), default=0.0)
        if wait > 0:
            if time.monotonic() + wait >= self.deadline:
                return delivery.clock.now() + timedelta(seconds=wait)
            await asyncio.sleep(wait)
            return None
        if not await self.gate.enter(self.deadline, cost):
            self.out_of_time = True
            return delivery.clock.now()
        if (paused := delivery.pause_end(self.channel)) is not None:
            self.gate.leave(cost, sent=False)
            return paused
        queue.popleft()
        self.queued -= 1
        for window in windows:
            window.start(cost)
        try:
            error = await delivery.send_row(row)
        finally:
            self.gate.leave(cost)
            for window in windows:
                window.finish(cost)
        return await self._record(row, error)

    async def _record(self, row: OutboxMessage, error: DeliveryError | None) -> datetime | None:
        now = self.delivery.clock.now()
        if error is None:
            await self.delivery.records.sent(row.id, now)
            self.sent += 1
            return None
        delay = retry_delay(error, row.attempts)
        if error.retry_after:
            self.delivery.pause(self.channel, now + delay)
        if await self.delivery.records.failed(row.id, now, error):
            return None  # given up: nothing to wait for, the chat goes on
        return now + delay


def _wait(window: Window, cost: int) -> float:
    wait = window.wait(cost)
    return window.limit.period if wait is None else wait  # None only if a run overlapped another
