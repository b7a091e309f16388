"""Delivering the outbox: lease due rows, send them within the platforms' limits, record each outcome.

A row is leased (its `not_before` pushed ahead) and committed before sending, so a slow platform
never holds a database write lock, and a crashed worker's lease simply runs out. Each outcome is
committed as soon as the platform answers (see delivery_records).

A run gives each channel a lane. The lane leases rows as fast as the channel's overall limit can take
them and hands each chat's rows to one task, which sends them in order, one at a time, spaced by the
chat's own limits; tasks of different chats run concurrently and queue at the channel's gate
(rate_limits), the same gate and windows the replies sent at once use (scheduler.pacing). The run
stops starting sends when its budget is spent — the scheduler calls it again a moment later — and
hands back what it leased and did not try. A chat that may not send again
before then gets its rows back due at the moment it may.

A 429 pauses the whole channel for `retry_after` (Telegram's flood control counts per bot, not per
chat) and its row is retried after it; other transient errors back off exponentially; permanent ones
give up. A chat's later rows wait behind a failed one, here and in `Outbox.claim_due`.

At most `IN_FLIGHT` sends per channel are between leaving and being recorded at any moment: after a
crash, only those can go out twice. `stop()` (SIGTERM) lets them finish and be recorded, starts no
other, and hands the rest back.
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
from scheduler import metrics
from scheduler.delivery_records import LEASE, MAX_ATTEMPTS, DeliveryRecords, SentRecorder, backoff, retry_delay
from scheduler.pacing import ChannelPacer, Pacers
from scheduler.rate_limits import ChannelLimits, Window, channel_limits
from storage.db import Writers
from storage.locks import new_worker_number
from storage.models import OutboxMessage

__all__ = ["BUDGET", "LEASE", "MAX_ATTEMPTS", "OutboxDelivery", "Send", "backoff"]

log = logging.getLogger(__name__)

Send = Callable[[str, str, Reply, int], Awaitable[None]]
BUDGET = 1.5  # seconds a run keeps starting sends: under the scheduler's 2-second interval
FEED_INTERVAL = 0.02  # how often a lane looks whether its gate could take more rows
IN_FLIGHT = 8  # sends per channel between leaving and being recorded (Telegram answers in ~0.1 s: 80/s)


class OutboxDelivery:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        clock: Clock,
        send: Send,
        rates: Mapping[str, float | ChannelLimits],
        batch: int = 100,
        budget: float = BUDGET,
        *,
        records: DeliveryRecords | None = None,
        in_flight: int = IN_FLIGHT,
        pacers: Pacers | None = None,
    ) -> None:
        """`rates`: messages a second per channel, or its full `ChannelLimits`; `batch`: rows leased at once;
        `records`: the worker's (its number, its send recorder); a stand-alone one otherwise; `pacers`: the
        process's, shared with the replies sent at once (scheduler.pacing); this delivery's own otherwise."""
        self.sessions, self.clock, self.send, self.batch, self.budget = sessions, clock, send, batch, budget
        if records is None:
            writers = Writers(sessions.kw["bind"])
            records = DeliveryRecords(sessions, new_worker_number(), SentRecorder(sessions, clock, writers), writers)
        self.records = records
        limits = {name: channel_limits(name, rate) for name, rate in rates.items()}
        self.pacers = {name: pacers.get(name, lim) if pacers else ChannelPacer(lim) for name, lim in limits.items()}
        self.limits = {name: pacer.limits for name, pacer in self.pacers.items()}
        self.gates = {name: pacer.gate for name, pacer in self.pacers.items()}
        self.senders = {name: asyncio.Semaphore(in_flight) for name in self.limits}
        self.paused_until: dict[str, datetime] = {}
        self.stopping = False
        self._runs: set[asyncio.Task[int]] = set()

    async def run_once(self) -> int:
        """Send what is due, for at most `budget` seconds; returns how many were sent."""
        if self.stopping:
            return 0
        task = asyncio.ensure_future(self._run())
        self._runs.add(task)
        try:
            return await asyncio.shield(task)  # a cancelled scheduler job does not cut a send in half
        finally:
            self._runs.discard(task)

    async def _run(self) -> int:
        deadline = time.monotonic() + self.budget
        self._forget_idle_chats()
        lanes = [_Lane(self, channel, deadline) for channel in self.limits]
        return sum(await asyncio.gather(*(lane.run() for lane in lanes)))

    async def stop(self) -> None:
        """Start no send any more; wait for those in flight to be recorded and the rest handed back."""
        self.stopping = True
        while self._runs:
            await asyncio.gather(*self._runs, return_exceptions=True)

    def pause_end(self, channel: str) -> datetime | None:
        until = self.paused_until.get(channel)
        return until if until is not None and self.clock.now() < until else None

    def pause(self, channel: str, until: datetime) -> None:
        log.warning("%s asked to slow down: no sending until %s", channel, until.isoformat(timespec="seconds"))
        self.paused_until[channel] = max(until, self.paused_until.get(channel, until))

    def chat_windows(self, channel: str, chat_id: str) -> list[Window]:
        return self.pacers[channel].chat_windows(chat_id)

    def _forget_idle_chats(self) -> None:
        for pacer in self.pacers.values():
            pacer.forget_idle()

    async def send_row(self, row: OutboxMessage) -> DeliveryError | None:
        try:
            await self.send(row.channel, row.chat_id, as_reply(row), row.version)
        except DeliveryError as error:
            log.warning("outbox %s to %s failed: %s", row.id, row.channel, error)
            metrics.SENDS.labels(row.channel, send_outcome(error)).inc()
            return error
        except Exception as error:  # a bug in a channel must not stop the loop
            log.exception("outbox %s to %s crashed", row.id, row.channel)
            metrics.SENDS.labels(row.channel, "transient").inc()
            return DeliveryError(type(error).__name__)
        metrics.SENDS.labels(row.channel, "sent").inc()
        return None


def as_reply(row: OutboxMessage) -> Reply:
    """The reply an outbox row holds, as the channel sends it."""
    document = None
    if row.document_file_id or row.document_content is not None:
        document = Document(row.document_name or "file", content=row.document_content or b"",
                            mime=row.document_mime or "application/octet-stream", file_id=row.document_file_id)
    return Reply(row.text, tuple(Choice(id=c[0], label=c[1]) for c in row.choices), document=document,
                 ask_contact=row.ask_contact, number_input=row.number_input)


def send_outcome(error: DeliveryError) -> str:
    """The metrics' word for a failed send."""
    if error.retry_after:
        return "retry_after"
    return "permanent" if error.permanent else "transient"


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
            while self.delivery.pause_end(self.channel) is None and not self.out_of_time and not self.delivery.stopping:
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
        until: datetime | None = None
        try:
            while queue and until is None:
                until = await self._next(queue, chat_id)
        except Exception:  # the rows left keep their lease and come back when it runs out
            log.exception("delivering to a %s chat stopped", self.channel)
        finally:
            rest = list(queue)
            queue.clear()
            self.queued -= len(rest)
            del self.queues[chat_id]
        if rest and until is not None:
            await self.delivery.records.reschedule(rest, until)

    async def _next(self, queue: deque[OutboxMessage], chat_id: str) -> datetime | None:
        """Send the chat's next row if limits allow; None to go on, or when the rows left may go."""
        delivery, row = self.delivery, queue[0]
        pacer = delivery.pacers[self.channel]
        if (paused := delivery.pause_end(self.channel)) is not None:
            return paused
        if delivery.stopping:
            return delivery.clock.now()
        cost = self.limits.cost(row.text, row.document_file_id is not None or row.document_content is not None)
        wait = pacer.chat_wait(chat_id, cost)
        if wait > 0:
            if time.monotonic() + wait >= self.deadline:
                return delivery.clock.now() + timedelta(seconds=wait)
            await asyncio.sleep(wait)
            return None
        async with delivery.senders[self.channel]:  # held until the outcome is recorded
            if not await self.gate.enter(self.deadline, cost):
                self.out_of_time = True
                return delivery.clock.now()
            if (paused := delivery.pause_end(self.channel)) is not None or delivery.stopping:
                self.gate.leave(cost, sent=False)
                return paused or delivery.clock.now()
            if pacer.chat_wait(chat_id, cost) > 0:  # a reply to the chat went first while this row queued
                self.gate.leave(cost, sent=False)
                return None
            windows = pacer.chat_windows(chat_id)
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
