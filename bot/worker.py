"""One `thidua run` process, from start to a clean stop.

Every worker serves webhooks and handles the updates stored ahead. One worker leads: it holds the
scheduler's lock (storage/locks.py), runs the scheduler (outbox delivery, reminders, poll timers) and
long-polls the platforms; the others stand by and ask for the lock every few seconds. The leader confirms
its lock on every tick and before every job, on the lock's own connection, and stops leading the moment it
cannot. A worker that wins the lock waits `TAKEOVER_GRACE` before it acts, longer than a leader that lost
the lock takes to notice, so two workers never lead at once.

SIGTERM or SIGINT: stop taking updates (webhooks answer 503, polling stops), finish the updates and sends
in flight and record them, hand back what this worker leased and did not send, release the locks; all
within `THIDUA_SHUTDOWN_SECONDS`, and exit 0.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Awaitable, Callable

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.app import App
from bot.channels.telegram import TelegramChannel
from bot.channels.zalo import ZaloChannel
from scheduler import metrics
from scheduler.delivery import OutboxDelivery
from storage.locks import CONFIRM_TIMEOUT

log = logging.getLogger(__name__)
CONFIRM_SECONDS = 1.0  # how often the leader confirms its lock between jobs
TAKEOVER_GRACE = CONFIRM_SECONDS + CONFIRM_TIMEOUT + 1.0  # a lost leader has noticed by then
STANDBY_SECONDS = 2.0  # how often a standing-by worker asks for the lock
COOL_DOWN = 2 * STANDBY_SECONDS  # a worker that lost the lock lets the others ask first
SWEEP_SECONDS = 5.0  # how often every worker looks for updates stored and not handled


class Worker:
    def __init__(self, app: App, telegram: TelegramChannel | None, zalo: ZaloChannel | None, *,
                 polling: bool) -> None:
        self.app, self.telegram, self.zalo, self.polling = app, telegram, zalo, polling
        self.stopping = asyncio.Event()
        self.scheduler: AsyncIOScheduler | None = None
        self.delivery: OutboxDelivery | None = None
        self.polls: dict[str, asyncio.Task[None]] = {}  # by channel, while this worker leads
        self.grace = TAKEOVER_GRACE if app.presence.postgres else 0.0
        self._lost_at = -COOL_DOWN

    def listen_for_signals(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self.stop)

    def stop(self) -> None:
        if not self.stopping.is_set():
            log.info("stopping: no new updates; finishing what is in flight")
            self.stopping.set()

    async def start(self) -> None:
        """Before taking updates: this worker's presence, what dead workers left, updates stored ahead."""
        await self.app.presence.start()
        await self.app.reclaim()
        handled = await self.app.dispatcher.recover()
        if handled:
            log.info("handled %d updates stored before the restart", handled)

    async def run(self) -> None:
        """Lead or stand by, and sweep the inbox, until `stop()`; then stop cleanly."""
        tasks = [asyncio.create_task(self._lead()), asyncio.create_task(self._sweep())]
        try:
            await self.stopping.wait()
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await self.shutdown()

    # -- leading -------------------------------------------------------------------------------

    @property
    def leading(self) -> bool:
        return self.app.leader

    async def _lead(self) -> None:
        presence = self.app.presence
        while not self.stopping.is_set():
            if not self.leading:
                cooling = self._lost_at + COOL_DOWN - time.monotonic()
                if cooling > 0 and await self._pause(cooling):
                    return
                if await presence.try_lead():
                    if await self._pause(self.grace):
                        return
                    if await presence.confirm_lead():
                        await self._take_over()
                        continue
                if await self._pause(STANDBY_SECONDS):
                    return
                continue
            if not await self.confirm():
                continue
            if await self._pause(CONFIRM_SECONDS):
                return

    async def confirm(self) -> bool:
        """Whether this worker still leads; the moment it does not, it stops leading."""
        if not self.leading:
            return False
        if await self.app.presence.confirm_lead():
            return True
        log.warning("the scheduler's lock is lost: this worker stops leading and stands by")
        self._lost_at = time.monotonic()
        await self._stand_down()
        return False

    async def _take_over(self) -> None:
        log.info("this worker leads: it runs the scheduler%s", " and polls the platforms" if self.polling else "")
        self.app.leader = True
        metrics.LEADER.set(1)
        self.delivery = self.app.delivery()
        self.scheduler = self.app.scheduler(self.delivery, guard=self.confirm)
        self.scheduler.start()
        if self.polling:
            handle = self.app.dispatcher.handle
            for channel in (self.telegram, self.zalo):
                if channel is not None:
                    self.polls[channel.name] = asyncio.create_task(channel.run_polling(handle))
                    self.app.channels_started[channel.name] = True

    async def _stand_down(self) -> None:
        """No new tick starts; the ticks under way finish (a delivery run stops starting sends and records
        those in flight) before the scheduler goes."""
        self.app.leader = False
        metrics.LEADER.set(0)
        await self._stop_polling()
        scheduler, self.scheduler = self.scheduler, None
        if scheduler is not None and scheduler.running:
            scheduler.pause()
        if self.delivery is not None:
            await self.delivery.stop()
            self.delivery = None
        ticks = self.app.jobs_running - {asyncio.current_task()}
        if ticks:
            await asyncio.wait(ticks, timeout=self.app.settings.shutdown_seconds)
        if scheduler is not None and scheduler.running:
            scheduler.shutdown(wait=False)
        await self.app.presence.release_lead()

    async def _stop_polling(self) -> None:
        """The batch being handled finishes; the poll waiting for updates is abandoned (not confirmed)."""
        polls, self.polls = self.polls, {}
        for channel in (self.telegram, self.zalo):
            if channel is not None and channel.name in polls:
                stopped = channel.stop()
                if asyncio.iscoroutine(stopped):
                    await stopped
                self.app.channels_started.pop(channel.name, None)  # a worker standing by polls nothing
        if polls:
            await asyncio.gather(*polls.values(), return_exceptions=True)

    async def _sweep(self) -> None:
        while not await self._pause(SWEEP_SECONDS):
            await self.app.dispatcher.recover()

    async def _pause(self, seconds: float) -> bool:
        """Sleep; True when the worker is stopping."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.stopping.wait(), seconds)
        return self.stopping.is_set()

    # -- stopping ------------------------------------------------------------------------------

    async def shutdown(self) -> None:
        started = time.monotonic()
        limit = self.app.settings.shutdown_seconds

        def left() -> float:
            return max(0.1, limit - (time.monotonic() - started))

        dispatcher = self.app.dispatcher
        dispatcher.accepting = False  # webhooks answer 503 from now on
        steps: list[tuple[str, Callable[[], Awaitable[object]]]] = [
            ("polling", self._stop_polling),
            ("updates in flight", lambda: dispatcher.drain(left())),
            ("the scheduler and its sends", self._stand_down),
        ]
        for what, step in steps:
            try:
                await asyncio.wait_for(step(), left())
            except TimeoutError:
                log.warning("stopping: %s did not finish within %s s", what, limit)
        released = await self._release()
        log.info("stopped in %.1f s; %d messages handed back to the outbox", time.monotonic() - started, released)

    async def _release(self) -> int:
        try:
            return await self.app.release()
        except Exception as error:  # unreachable database: the leases die with this worker's presence lock
            log.warning("could not hand back this worker's messages (%s)", type(error).__name__)
            return 0
