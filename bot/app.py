"""The composition root: builds engine, dispatcher, outbox delivery and scheduler from settings.

Nothing here runs at import time; tests build an App with a moved clock and fake channels.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.channels.base import Channel
from bot.dispatcher import Dispatcher
from bot.settings import Settings
from handlers.chat import DeliveryError, Reply
from handlers.clock import Clock, SystemClock
from handlers.context import HandlerConfig
from scheduler import metrics, poll_timer
from scheduler.delivery import OutboxDelivery
from scheduler.reminders import PlanResult, plan_tick
from storage import db, migrate
from storage.uow import UnitOfWork
from storage.votes import keep_ballots_out_of_logs

log = logging.getLogger(__name__)
LOCK_KEY = 0x7468_6964_7561  # "thidua"


@dataclass
class App:
    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    clock: Clock
    config: HandlerConfig
    dispatcher: Dispatcher
    channels: dict[str, Channel] = field(default_factory=dict)
    # what /readyz reports: set by the runner as channels start and the scheduler's lock is won or lost
    channels_started: dict[str, bool] = field(default_factory=dict)
    leader: bool = False
    _lock_connection: AsyncConnection | None = None

    @classmethod
    async def create(cls, settings: Settings, clock: Clock | None = None, channels: Iterable[Channel] = (),
                     run_migrations: bool = True, engine: AsyncEngine | None = None) -> App:
        engine = engine or db.create_engine(db.normalize_url(settings.database(), settings.data_dir))
        if run_migrations:
            await migrate.upgrade(engine)
        keep_ballots_out_of_logs(engine)
        sessions = db.session_factory(engine)
        clock = clock or SystemClock()
        config = HandlerConfig(secret=settings.secret_bytes(), bot_username=settings.telegram_bot_username,
                               public_url=settings.public_base())
        app = cls(settings, engine, sessions, clock, config, Dispatcher(sessions, clock, config))
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

    def delivery(self) -> OutboxDelivery:
        rates = {name: self._rate(name) for name in self.channels}
        budget = 0.75 * self.settings.outbox_interval_seconds  # a run ends before the next one is due
        return OutboxDelivery(self.sessions, self.clock, self.send, rates, budget=budget)

    def _rate(self, channel: str) -> float:
        return {"telegram": self.settings.telegram_rate, "zalo": self.settings.zalo_rate}.get(channel, 50.0)

    def scheduler(self) -> AsyncIOScheduler:
        """Periodic jobs with fixed ids; a missed run is harmless because each job is idempotent."""
        scheduler = AsyncIOScheduler(timezone="UTC")
        delivery = self.delivery()
        scheduler.add_job(delivery.run_once, "interval", seconds=self.settings.outbox_interval_seconds,
                          id="deliver_outbox", replace_existing=True, coalesce=True, max_instances=1,
                          misfire_grace_time=300)
        scheduler.add_job(self.plan_reminders, "interval", seconds=self.settings.planner_interval_seconds,
                          id="plan_reminders", replace_existing=True, coalesce=True, max_instances=1,
                          misfire_grace_time=3600, next_run_time=datetime.now(UTC))  # catch up at start
        scheduler.add_job(self.close_polls, "interval", seconds=poll_timer.INTERVAL_SECONDS, id="close_polls",
                          replace_existing=True, coalesce=True, max_instances=1, misfire_grace_time=300)
        scheduler.add_job(self.prune, "interval", hours=1, id="prune", replace_existing=True, coalesce=True,
                          misfire_grace_time=3600)
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
        """Only one worker runs the scheduler: on PostgreSQL, the one holding an advisory lock, kept
        for the life of the process on a connection of its own. SQLite has one process anyway."""
        if not db.is_postgres(self.engine):
            return True
        if self._lock_connection is None:
            self._lock_connection = await self.engine.connect()
        held = await self._lock_connection.scalar(text("select pg_try_advisory_lock(:key)"), {"key": LOCK_KEY})
        return bool(held)

    async def prune(self) -> None:
        async with self.uow() as uow:
            await uow.dialogs.prune(self.clock.now() - timedelta(days=2))
            await uow.commit()

    async def close(self) -> None:
        for channel in self.channels.values():
            closer = getattr(channel, "close", None)
            if closer is not None:
                try:
                    await closer()
                except Exception:  # closing is best effort
                    log.warning("closing channel %s failed", channel.name)
        if self._lock_connection is not None:
            await self._lock_connection.close()
            self._lock_connection = None
        await self.engine.dispose()
