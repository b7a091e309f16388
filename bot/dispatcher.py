"""One update = one transaction: de-duplicate, load the chat's state, run the handler, save, commit, send.

Updates of one chat run one after another (an asyncio lock per chat, taken before the first await,
so arrival order is kept); on PostgreSQL the dialog row is also locked, so several workers agree.

On SQLite every transaction is a writer (BEGIN IMMEDIATE), so only one runs at a time anyway; the
transactions of this process queue on an asyncio lock instead of in SQLite's busy handler, which
polls with sleeps of up to 100 ms and so leaves the database idle between two updates of a burst.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta
from functools import partial
from typing import TypeVar

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.channels.base import Channel
from handlers.core.catalog import Catalog
from handlers.core.clock import Clock
from handlers.core.context import Context, HandlerConfig
from handlers.core.messages import DeliveryError, Incoming, Reply
from handlers.core.router import route
from storage.db import LostConnection, is_lost_connection
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)
T = TypeVar("T")


class CommitUnknown(LostConnection):
    """The connection broke during COMMIT: the update may be stored or not; `outcome` is what it answered."""

    def __init__(self, outcome: tuple[list[Reply], int]) -> None:
        super().__init__("connection lost during COMMIT")
        self.outcome = outcome


class Dispatcher:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        clock: Clock,
        config: HandlerConfig,
        channels: Mapping[str, Channel] | None = None,
    ) -> None:
        self.sessions = sessions
        self.clock = clock
        self.config = config
        self.channels: dict[str, Channel] = dict(channels or {})
        self._locks: dict[tuple[str, str], asyncio.Lock] = {}
        self._holders: dict[tuple[str, str], int] = {}
        bind = sessions.kw.get("bind")
        self._writer: asyncio.Lock | None = (
            asyncio.Lock() if bind is not None and bind.dialect.name == "sqlite" else None)

    def add_channel(self, channel: Channel) -> None:
        self.channels[channel.name] = channel

    async def handle(self, incoming: Incoming) -> list[Reply]:
        """Process one update and send its replies; returns them (empty for a redelivered update)."""
        key = (incoming.channel, incoming.chat_id)
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._holders[key] = self._holders.get(key, 0) + 1
        try:
            async with lock:
                try:
                    outcome = await self._serialised(partial(self._process, incoming))
                except Exception as error:
                    if not is_lost_connection(error):
                        raise
                    log.warning("database connection lost on update %s/%s; trying again", incoming.channel,
                                incoming.update_id)
                    again = await self._serialised(partial(self._process, incoming))
                    # Lost during COMMIT: found as processed now means the commit went through, and its
                    # replies (a ballot's receipt, say) are the answer; otherwise nothing was stored.
                    stored = again is None and isinstance(error, CommitUnknown)
                    outcome = error.outcome if isinstance(error, CommitUnknown) and stored else again
                if outcome is None:
                    return []
                replies, version = outcome
                await self._send(incoming.channel, incoming.chat_id, replies, version)
                return replies
        finally:
            self._holders[key] -= 1
            if not self._holders[key]:
                del self._holders[key]
                del self._locks[key]

    async def _serialised(self, work: Callable[[], Awaitable[T]]) -> T:
        """One transaction, after this process's other transactions on SQLite (see the module doc)."""
        if self._writer is None:
            return await work()
        async with self._writer:
            return await work()

    async def _process(self, incoming: Incoming) -> tuple[list[Reply], int] | None:
        async with UnitOfWork(self.sessions) as uow:
            now = self.clock.now()
            if not await uow.dialogs.first_time(incoming.channel, incoming.update_id, now):
                log.info("duplicate update %s/%s skipped", incoming.channel, incoming.update_id)
                return None
            state = await uow.dialogs.load_for_update(incoming.channel, incoming.chat_id, now)
            ctx = Context(incoming=incoming, state=state, uow=uow, clock=self.clock, config=self.config)
            version = state.version
            try:
                replies = await route(ctx)
                await self._record(uow, ctx, replies, now)
                await uow.flush()  # the handler's writes and the new state in one go, errors answered politely
            except Exception as error:
                if is_lost_connection(error):
                    raise
                log.exception("handler failed on update %s/%s (step %s/%s)", incoming.channel,
                              incoming.update_id, state.flow, state.step)
                return [Reply(Catalog(state.lang)("internal_error"))], version
            try:
                await uow.commit()
            except Exception as error:
                if is_lost_connection(error):
                    raise CommitUnknown((replies, state.version)) from error
                raise
            return replies, state.version

    @staticmethod
    async def _record(uow: UnitOfWork, ctx: Context, replies: list[Reply], now: datetime) -> None:
        """The chat's new state (the pending choices, the next version) and the notices to others."""
        state = ctx.state
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

    async def _send(self, channel_name: str, chat_id: str, replies: list[Reply], version: int) -> None:
        channel = self.channels.get(channel_name)
        for index, reply in enumerate(replies):
            try:
                if channel is None:
                    raise DeliveryError(f"no channel {channel_name}")
                await channel.send(chat_id, reply, version)
            except Exception as error:  # whatever went wrong, the committed reply must not be lost
                failure = error if isinstance(error, DeliveryError) else DeliveryError(type(error).__name__)
                unsent = replies[index:]
                for _secret in (r for r in unsent if r.secret):  # never stored next to a chat id, never logged
                    log.warning("secret reply to %s not sent", channel_name)
                kept = [r for r in unsent if not r.secret]
                if kept:
                    log.warning("reply to %s/%s not sent (%s); kept in the outbox", channel_name, chat_id, failure)
                    await self._serialised(partial(self._keep, channel_name, chat_id, kept, version, failure))
                return

    async def _keep(self, channel: str, chat_id: str, replies: list[Reply], version: int,
                    error: DeliveryError) -> None:
        """Replies the platform refused go to the outbox, so the delivery loop retries them."""
        async with UnitOfWork(self.sessions) as uow:
            now = self.clock.now()
            for reply in replies:
                row = uow.outbox.add(channel, chat_id, reply.text, now,
                                     [[c.id, c.label] for c in reply.choices], version)
                row.not_before = now + timedelta(seconds=error.retry_after or 1)
            await uow.commit()
