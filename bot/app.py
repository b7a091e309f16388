"""The composition root: builds engine, dispatcher, outbox delivery and scheduler from settings.

Nothing here runs at import time; tests build an App with a moved clock and fake channels.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.channels.base import Channel
from bot.dispatcher import Dispatcher
from bot.settings import Settings
from handlers.core import catalog
from handlers.core.clock import Clock, SystemClock
from handlers.core.context import HandlerConfig
from handlers.core.messages import DeliveryError, Reply
from handlers.features import FEATURES
from scheduler import metrics, poll_timer
from scheduler.delivery import OutboxDelivery
from scheduler.delivery_records import DeliveryRecords, SentRecorder
from scheduler.pacing import Pacers
from scheduler.rate_limits import channel_limits
from scheduler.reminders import PlanResult, plan_tick
from storage import db, migrate
from storage.locks import Presence
from storage.uow import UnitOfWork
from storage.votes import keep_ballots_out_of_logs

log = logging.getLogger(__name__)
Guard = Callable[[], Awaitable[bool]]
RECLAIM_SECONDS = 5  # how soon the leader takes back what a dead worker leased
INBOX_KEPT = timedelta(days=2)  # platforms redeliver an update for a day at most
OUTBOX_KEPT = timedelta(days=30)  # sent messages, for a look back at what went out


@dataclass
class App:
    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    clock: Clock
    config: HandlerConfig
    dispatcher: Dispatcher
    presence: Presence
    channels: dict[str, Channel] = field(default_factory=dict)
    # what /readyz reports: set by the runner as channels start and the scheduler's lock is won or lost
    channels_started: dict[str, bool] = field(default_factory=dict)
    leader: bool = False
    jobs_running: set[asyncio.Task[Any]] = field(default_factory=set)  # scheduler ticks under way

    @classmethod
    async def create(cls, settings: Settings, clock: Clock | None = None, channels: Iterable[Channel] = (),
                     run_migrations: bool = True, engine: AsyncEngine | None = None) -> App:
        catalog.check()  # the texts parse and agree across languages, or nothing starts
        engine = engine or db.create_engine(db.normalize_url(settings.database(), settings.data_dir))
        if run_migrations:
            await migrate.upgrade(engine)
        keep_ballots_out_of_logs(engine)
        sessions = db.session_factory(engine)
        clock = clock or SystemClock()
        config = HandlerConfig(secret=settings.secret_bytes(), bot_username=settings.telegram_bot_username,
                               public_url=settings.public_base(), features=FEATURES)
        presence = Presence(engine)
        pacers = Pacers(lambda name: channel_limits(name, channel_rate(settings, name)))  # one per channel
        dispatcher = Dispatcher(sessions, clock, config, worker=presence.worker, pacers=pacers)
        app = cls(settings, engine, sessions, clock, config, dispatcher, presence)
        for channel in channels:
            app.add_channel(channel)
        return app

    def add_channel(self, channel: Channel) -> None:
        self.channels[channel.name] = channel
        self.dispatcher.add_channel(channel)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.sessions)

    async def send(self, channel: str, chat_id: str, reply: Reply, version: int) -> None:
        target = self.channels.get(channel)
        if target is None:
            raise DeliveryError(f"channel {channel} is not running", retry_after=60)
        await target.send(chat_id, reply, version)

    @property
    def recorder(self) -> SentRecorder:
        return self.dispatcher.recorder

    def delivery(self) -> OutboxDelivery:
        rates = {name: channel_rate(self.settings, name) for name in self.channels}
        budget = 0.75 * self.settings.outbox_interval_seconds  # a run ends before the next one is due
        d = self.dispatcher
        records = DeliveryRecords(self.sessions, d.worker, d.recorder, d.writers)
        return OutboxDelivery(self.sessions, self.clock, self.send, rates, budget=budget, records=records,
                              pacers=d.pacers)  # the replies' pacers: one limiter per channel in the process

    def scheduler(self, delivery: OutboxDelivery | None = None, guard: Guard | None = None) -> AsyncIOScheduler:
        """Periodic jobs with fixed ids; a missed run is harmless because each job is idempotent.

        `guard` runs before every tick and may skip it: the leader confirms its lock there.
        """
        scheduler = AsyncIOScheduler(timezone="UTC")
        delivery = delivery or self.delivery()

        def job(work: Callable[[], Awaitable[object]]) -> Callable[[], Awaitable[None]]:
            async def tick() -> None:
                task = asyncio.current_task()
                if task is not None:
                    self.jobs_running.add(task)
                try:
                    if guard is None or await guard():
                        await work()
                finally:
                    self.jobs_running.discard(task)
            return tick

        every = {"replace_existing": True, "coalesce": True, "max_instances": 1}
        scheduler.add_job(job(delivery.run_once), "interval", seconds=self.settings.outbox_interval_seconds,
                          id="deliver_outbox", misfire_grace_time=300, **every)
        scheduler.add_job(job(self.reclaim), "interval", seconds=RECLAIM_SECONDS, id="reclaim",
                          misfire_grace_time=60, **every)
        scheduler.add_job(job(self.plan_reminders), "interval", seconds=self.settings.planner_interval_seconds,
                          id="plan_reminders", misfire_grace_time=3600, next_run_time=datetime.now(UTC),
                          **every)  # catch up at start
        scheduler.add_job(job(self.close_polls), "interval", seconds=poll_timer.INTERVAL_SECONDS,
                          id="close_polls", misfire_grace_time=300, **every)
        scheduler.add_job(job(self.prune), "interval", hours=1, id="prune", misfire_grace_time=3600, **every)
        return scheduler

    async def plan_reminders(self) -> PlanResult:
        result = await plan_tick(self.sessions, self.clock.now())
        metrics.REMINDERS_PLANNED.inc(result.reminders)
        if result.reminders or result.digests:
            log.info("planned %d reminders (%d messages), %d digests", result.reminders, result.messages,
                     result.digests)
        return result

    async def close_polls(self) -> int:
        """Polls past their time limit (or fully voted) are closed and counted."""
        return await poll_timer.close_due_polls(self.sessions, self.clock, self.config)

    async def hold_scheduler_lock(self) -> bool:
        """Only one worker runs the scheduler: on PostgreSQL, the one holding an advisory lock on its own
        connection (storage/locks.py). SQLite has one process anyway."""
        await self.presence.start()
        self.leader = await self.presence.try_lead()
        metrics.LEADER.set(1 if self.leader else 0)
        return self.leader

    async def reclaim(self) -> int:
        """Hand back, due now, what dead workers had leased (their unsent replies and notices)."""
        await self.presence.ensure()
        namespace = self.presence.namespace if self.presence.postgres else None
        async with self.uow() as uow:
            n = await uow.outbox.reclaim(self.presence.worker, namespace, self.clock.now())
            await uow.commit()
        if n:
            log.info("took back %d messages a stopped worker had not sent", n)
        return n

    async def release(self) -> int:
        """Hand back what this worker leased and did not send (it is stopping)."""
        async with self.uow() as uow:
            n = await uow.outbox.release(self.presence.worker, self.clock.now())
            await uow.commit()
        return n

    async def prune(self) -> None:
        now = self.clock.now()
        async with self.uow() as uow:
            await uow.dialogs.prune(now - INBOX_KEPT)
            await uow.inbox.prune(now - INBOX_KEPT)
            await uow.outbox.prune(now - OUTBOX_KEPT)
            await uow.commit()

    async def close(self) -> None:
        for channel in self.channels.values():
            closer = getattr(channel, "close", None)
            if closer is not None:
                try:
                    await closer()
                except Exception:  # closing is best effort
                    log.warning("closing channel %s failed", channel.name)
        await self.presence.close()
        await self.engine.dispose()


def channel_rate(settings: Settings, channel: str) -> float:
    """A channel's overall rate (messages a second) from the settings."""
    return {"telegram": settings.telegram_rate, "zalo": settings.zalo_rate}.get(channel, 50.0)
