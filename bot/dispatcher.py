"""One update is one transaction: store it in the inbox, load the chat's state, run the handler, write the
new state and every outgoing message (replies included) to the outbox, commit; then send the replies.

- An update is acknowledged to its platform only after `handle` (or `accept`) returned: they raise
  `NotStored` when the database cannot be reached, and the platform delivers the update again.
- Replies go out at once from this process, leased to it in the outbox: each send is recorded as soon as
  the platform accepts it; a reply whose send fails, or that a crash left unsent, is delivered by the
  outbox loop. Secret replies (a ballot's receipt) are never stored: sent once or dropped.
- Updates of one chat run one after another (an asyncio lock per chat, taken before the first await,
  so arrival order is kept); on PostgreSQL the chat's state row is also locked, so workers agree.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from datetime import datetime
from functools import partial
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.channels.base import Channel, NotStored
from bot.reply_sender import Outgoing, ReplySender, reply_row
from handlers.core.catalog import Catalog
from handlers.core.clock import Clock
from handlers.core.context import Context, HandlerConfig
from handlers.core.messages import Incoming, Reply, incoming_from_json, incoming_to_json
from handlers.core.router import route
from scheduler import metrics
from scheduler.delivery_records import SentRecorder
from scheduler.pacing import Pacers
from storage.db import LostConnection, Writers, is_lost_connection
from storage.dialogs import ChatState
from storage.locks import new_worker_number
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)
T = TypeVar("T")
Outcome = tuple[Outgoing, int]  # and the dialog version their choices belong to


class CommitUnknown(LostConnection):
    """The connection broke during COMMIT: the update may be stored or not; `outcome` is what it answered."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__("connection lost during COMMIT")
        self.outcome = outcome


class Dispatcher:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        clock: Clock,
        config: HandlerConfig,
        channels: Mapping[str, Channel] | None = None,
        *,
        worker: int | None = None,
        writers: Writers | None = None,
        recorder: SentRecorder | None = None,
        pacers: Pacers | None = None,
    ) -> None:
        self.sessions = sessions
        self.clock = clock
        self.config = config
        self.channels: dict[str, Channel] = dict(channels or {})
        self.worker = worker or new_worker_number()
        self.writers = writers or Writers(sessions.kw["bind"])
        self.recorder = recorder or SentRecorder(sessions, clock, self.writers)
        self.pacers = pacers  # one pacer per channel, shared with the outbox's delivery (App.delivery)
        self.sender = ReplySender(sessions, clock, self.channels, self.writers, self.recorder, pacers)
        self.accepting = True  # False once the worker stops: webhooks answer 503 from then on
        self._locks: dict[tuple[str, str], asyncio.Lock] = {}
        self._holders: dict[tuple[str, str], int] = {}
        self._active = 0
        self._idle = asyncio.Event()
        self._idle.set()
        self._background: set[asyncio.Task[None]] = set()

    def add_channel(self, channel: Channel) -> None:
        self.channels[channel.name] = channel

    # -- taking updates ------------------------------------------------------------------------

    async def handle(self, incoming: Incoming) -> list[Reply]:
        """Store and handle one update, then send its replies; returns them (empty for a redelivery).

        Raises `NotStored` when the update could not be stored: the caller must not acknowledge it.
        """
        if not self.accepting:
            raise NotStored("stopping")
        started = time.monotonic()
        async with self._chat(incoming.channel, incoming.chat_id):
            outcome = await self._attempt(incoming.channel, partial(self._process, incoming))
            if outcome is None:
                metrics.UPDATES.labels(incoming.channel, "duplicate").inc()
                return []
            await self.sender.send(incoming.channel, incoming.chat_id, *outcome)
        metrics.UPDATE_SECONDS.labels(incoming.channel).observe(time.monotonic() - started)
        return [reply for reply, _row in outcome[0]]

    async def accept(self, incomings: list[Incoming]) -> None:
        """Store updates to handle right after (the caller acknowledges them once this returns)."""
        if not incomings:
            return
        if not self.accepting:
            raise NotStored("stopping")
        rows = [(i.channel, i.update_id, i.chat_id, incoming_to_json(i)) for i in incomings]

        async def store() -> None:
            async with UnitOfWork(self.sessions) as uow:
                await uow.inbox.accept(rows, self.clock.now())
                await uow.commit()

        try:
            await self.writers.run(store)
        except Exception as error:
            for incoming in incomings:
                metrics.UPDATES.labels(incoming.channel, "refused").inc()
            log.warning("could not store %d updates (%s): not acknowledged", len(incomings), type(error).__name__)
            raise NotStored(type(error).__name__) from error
        for chat in dict.fromkeys((i.channel, i.chat_id) for i in incomings):
            self.spawn(self.run_stored(*chat))

    async def accept_one(self, incoming: Incoming) -> None:
        await self.accept([incoming])

    async def run_stored(self, channel: str, chat_id: str) -> int:
        """Handle the chat's stored updates, oldest first; returns how many. A database error leaves the
        rest stored for `recover` to try again."""
        done = 0
        async with self._chat(channel, chat_id):
            while True:
                started = time.monotonic()
                try:
                    outcome = await self._attempt(channel, partial(self._process_stored, channel, chat_id))
                except NotStored:
                    return done
                if outcome is None:
                    return done
                await self.sender.send(channel, chat_id, *outcome)
                metrics.UPDATE_SECONDS.labels(channel).observe(time.monotonic() - started)
                done += 1

    async def recover(self) -> int:
        """Handle every update stored and not handled yet (after a crash, or a database outage)."""
        try:
            async with UnitOfWork(self.sessions) as uow:
                chats = await uow.inbox.waiting_chats()
        except Exception as error:
            log.warning("could not look for stored updates: %s", type(error).__name__)
            return 0
        counts = await asyncio.gather(*(self.run_stored(channel, chat) for channel, chat in chats))
        return sum(counts)

    # -- stopping ------------------------------------------------------------------------------

    def spawn(self, work: Awaitable[Any]) -> None:
        task = asyncio.ensure_future(work)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def drain(self, timeout: float) -> bool:  # noqa: ASYNC109
        """Wait until no update is being handled or sent; False when `timeout` ran out first."""
        self.accepting = False
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
        except TimeoutError:
            return False
        if self._background:
            await asyncio.wait(self._background, timeout=max(0.0, timeout))
        await self.sender.recorded()
        return True

    @contextlib.asynccontextmanager
    async def _chat(self, channel: str, chat_id: str) -> AsyncIterator[None]:
        key = (channel, chat_id)
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._holders[key] = self._holders.get(key, 0) + 1
        self._active += 1
        self._idle.clear()
        try:
            async with lock:
                yield
        finally:
            self._active -= 1
            if not self._active:
                self._idle.set()
            self._holders[key] -= 1
            if not self._holders[key]:
                del self._holders[key]
                del self._locks[key]

    # -- the transaction -----------------------------------------------------------------------

    async def _attempt(self, channel: str, work: Callable[[], Awaitable[Outcome | None]]) -> Outcome | None:
        """The transaction; once more on a fresh connection when the first one broke under it."""
        try:
            try:
                return await self.writers.run(work)
            except Exception as error:
                if not is_lost_connection(error):
                    raise
                log.warning("database connection lost on a %s update; trying again", channel)
                again = await self.writers.run(work)
                # Lost during COMMIT: found as handled now means the commit went through, and its replies
                # (a ballot's receipt, say) are the answer; otherwise nothing was stored.
                if isinstance(error, CommitUnknown) and again is None:
                    return error.outcome
                return again
        except Exception as error:
            metrics.UPDATES.labels(channel, "refused").inc()
            log.warning("a %s update could not be stored (%s): not acknowledged", channel, type(error).__name__)
            raise NotStored(type(error).__name__) from error

    async def _process(self, incoming: Incoming) -> Outcome | None:
        async with UnitOfWork(self.sessions) as uow:
            now = self.clock.now()
            if not await uow.inbox.begin(incoming.channel, incoming.update_id, incoming.chat_id, now):
                log.info("duplicate update %s/%s skipped", incoming.channel, incoming.update_id)
                return None
            state = await uow.dialogs.load_for_update(incoming.channel, incoming.chat_id, now)
            return await self._run(uow, incoming, state, now)

    async def _process_stored(self, channel: str, chat_id: str) -> Outcome | None:
        async with UnitOfWork(self.sessions) as uow:
            now = self.clock.now()
            state = await uow.dialogs.load_for_update(channel, chat_id, now)  # first: in order across workers
            stored = await uow.inbox.next_waiting(channel, chat_id)
            if stored is None or not await uow.inbox.mark_handled(stored.id, now):
                return None
            return await self._run(uow, incoming_from_json(stored.payload), state, now)

    async def _run(self, uow: UnitOfWork, incoming: Incoming, state: ChatState, now: datetime) -> Outcome:
        ctx = Context(incoming=incoming, state=state, uow=uow, clock=self.clock, config=self.config)
        outcome_label = "handled"
        try:
            replies = await route(ctx)
            await self._record(uow, ctx, replies, now)
            await uow.flush()  # the handler's writes, the new state and the notices in one go
            rows = await self._replies(uow, incoming, replies, state.version, now)
        except Exception as error:
            if is_lost_connection(error):
                raise
            log.exception("handler failed on update %s/%s (step %s/%s)", incoming.channel,
                          incoming.update_id, state.flow, state.step)
            replies, rows = await self._failed(uow, incoming, state, now)
            outcome_label = "failed"
        outcome = (list(zip(replies, rows, strict=True)), state.version)
        try:
            await uow.commit()
        except Exception as error:
            if is_lost_connection(error):
                raise CommitUnknown(outcome) from error
            raise
        metrics.UPDATES.labels(incoming.channel, outcome_label).inc()
        return outcome

    async def _failed(self, uow: UnitOfWork, incoming: Incoming, state: ChatState,
                      now: datetime) -> tuple[list[Reply], list[int | None]]:
        """The handler broke: nothing of it is kept, but the update is stored, answered with an apology."""
        await uow.rollback()
        await uow.inbox.begin(incoming.channel, incoming.update_id, incoming.chat_id, now)
        apology = Reply(Catalog(state.lang)("internal_error"))
        return [apology], await self._replies(uow, incoming, [apology], state.version, now)

    @staticmethod
    async def _record(uow: UnitOfWork, ctx: Context, replies: list[Reply], now: datetime) -> None:
        """The chat's new state (the pending choices, the next version) and the notices to others."""
        state = ctx.state
        if ctx.incoming.unsupported or ctx.incoming.blocked is not None:
            return  # the dialog stays as it was: its pending choices and version still answer
        pending = next((r.choices for r in reversed(replies) if r.choices), ())
        state.choices = [[c.id, c.label] for c in pending]
        state.version += 1
        state.updated_at = now
        await uow.dialogs.save(state)
        for notice in ctx.notices:
            doc = notice.document
            uow.outbox.add(notice.channel, notice.chat_id, notice.text, now,
                           [[c.id, c.label] for c in notice.choices],
                           document_file_id=doc.file_id if doc else None,
                           document_name=doc.filename if doc else None)

    async def _replies(self, uow: UnitOfWork, incoming: Incoming, replies: list[Reply], version: int,
                       now: datetime) -> list[int | None]:
        """The replies in the outbox, leased to this worker (it sends them after COMMIT); secret ones not."""
        kept = [r for r in replies if not r.secret]
        if not kept:
            return [None] * len(replies)
        ids = iter(await uow.outbox.add_replies([reply_row(incoming, r, version, now, self.worker) for r in kept]))
        return [None if r.secret else next(ids) for r in replies]

