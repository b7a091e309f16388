"""Sending an update's replies at once, after its COMMIT: each accepted send recorded before the chat's next.

The replies were written to the outbox, leased to this worker, in the update's transaction. A reply the
platform refuses goes back to the outbox for the delivery loop, and the replies after it wait behind it,
so a chat's messages keep their order. A secret reply (a ballot's receipt) has no row: sent or dropped.

The record of a send is written right away, but the update does not wait for it: the chat's next send
does (the next reply of the update, or the first of the chat's next update). So a chat never has more than
one send out and unrecorded, and the update's time is not lengthened by the record's round trip.

Each send first takes its places from the channel's pacer (scheduler.pacing), the one the outbox's delivery
loop uses too: a burst of replies and notices keeps the platform's limits together (Telegram: 30 a second,
1 a second per chat, 20 a minute per group). A reply that cannot get a place within `PACE_WAIT` goes back
to the outbox like a failed one.
"""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.channels.base import Channel
from handlers.core.clock import Clock
from handlers.core.messages import DeliveryError, Incoming, Reply
from scheduler import metrics
from scheduler.delivery import send_outcome
from scheduler.delivery_records import LEASE, SentRecorder, retry_delay
from scheduler.pacing import Pacers
from storage.db import Writers
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)
Outgoing = list[tuple[Reply, int | None]]  # each reply with its outbox row (None: a secret reply)
PACE_WAIT = 30.0  # seconds a reply may wait for its places (a Telegram group's 20 a minute is the longest)


class ReplySender:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], clock: Clock, channels: dict[str, Channel],
                 writers: Writers, recorder: SentRecorder, pacers: Pacers | None = None) -> None:
        self.sessions, self.clock, self.channels = sessions, clock, channels  # the dispatcher's, shared
        self.writers, self.recorder, self.pacers = writers, recorder, pacers
        self._recording: dict[tuple[str, str], asyncio.Future[None]] = {}  # a chat's last send, being recorded

    async def recorded(self) -> None:
        """Every send so far recorded (a stop waits for this)."""
        pending = [f for f in self._recording.values() if not f.done()]
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)

    async def send(self, channel_name: str, chat_id: str, outgoing: Outgoing, version: int) -> None:
        """Send in order; each accepted send recorded before the next; on a failure the rest go back to
        the outbox, behind the failed one."""
        channel = self.channels.get(channel_name)
        key = (channel_name, chat_id)
        for index, (reply, row) in enumerate(outgoing):
            earlier = self._recording.get(key)
            if earlier is not None and not earlier.done():
                await asyncio.shield(earlier)
            try:
                if channel is None:
                    raise DeliveryError(f"no channel {channel_name}")
                await self._paced(channel, channel_name, chat_id, reply, version)
            except Exception as error:  # whatever went wrong, the committed reply must not be lost
                failure = error if isinstance(error, DeliveryError) else DeliveryError(type(error).__name__)
                metrics.SENDS.labels(channel_name, send_outcome(failure)).inc()
                if any(r.secret for r, _row in outgoing[index:]):  # never stored next to a chat id, never logged
                    log.warning("secret reply to %s not sent", channel_name)
                rows = [row_id for _r, row_id in outgoing[index:] if row_id is not None]
                if rows:
                    log.warning("reply to %s/%s not sent (%s); left to the outbox", channel_name, chat_id, failure)
                    await self._hand_back(rows, failure, key)
                return
            metrics.SENDS.labels(channel_name, "sent").inc()
            if row is not None:
                self._remember(key, asyncio.ensure_future(self.recorder.sent([row])))

    async def _paced(self, channel: Channel, channel_name: str, chat_id: str, reply: Reply, version: int) -> None:
        pacer = self.pacers.for_replies(channel_name) if self.pacers is not None else None
        if pacer is None:
            await channel.send(chat_id, reply, version)
            return
        cost = pacer.limits.cost(reply.text, reply.document is not None)
        windows = await pacer.acquire(chat_id, cost, time.monotonic() + PACE_WAIT)
        if windows is None:
            raise DeliveryError("no room under the rate limits", retry_after=1.0)
        try:
            await channel.send(chat_id, reply, version)
        finally:  # a failed request may still have reached the platform: it counts
            pacer.release(windows, cost)

    def _remember(self, key: tuple[str, str], record: asyncio.Future[None]) -> None:
        self._recording[key] = record

        def forget(done: asyncio.Future[None]) -> None:
            if self._recording.get(key) is done:
                del self._recording[key]

        record.add_done_callback(forget)

    async def _hand_back(self, rows: list[int], error: DeliveryError, chat: tuple[str, str]) -> None:
        """The first row failed: its attempt counts; the others wait behind it, untried. A chat that blocked
        the bot is marked unreachable."""
        async def work() -> None:
            async with UnitOfWork(self.sessions) as uow:
                now = self.clock.now()
                delay = retry_delay(error, 0) if error.retry_after else timedelta(seconds=1)
                await uow.outbox.retry_later(rows, now, delay, str(error), give_up=error.permanent)
                if error.unreachable:
                    await uow.directory.set_unreachable(*chat, now)
                await uow.commit()

        try:
            await self.writers.run(work)
        except Exception as failure:  # the rows stay leased to this worker: `release` or `reclaim` frees them
            log.warning("could not hand replies back to the outbox (%s)", type(failure).__name__)


def reply_row(incoming: Incoming, reply: Reply, version: int, now: datetime, worker: int) -> dict[str, Any]:
    """A reply's outbox row, leased to `worker` (it sends the reply itself, right after COMMIT)."""
    doc = reply.document
    return {"channel": incoming.channel, "chat_id": incoming.chat_id, "text": reply.text,
            "choices": [[c.id, c.label] for c in reply.choices], "version": version, "created_at": now,
            "not_before": now + LEASE, "lease_owner": worker, "ask_contact": reply.ask_contact,
            "number_input": reply.number_input,
            "document_file_id": doc.file_id if doc else None, "document_name": doc.filename if doc else None,
            "document_content": doc.content if doc and doc.content else None,
            "document_mime": doc.mime if doc else None}
