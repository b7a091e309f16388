"""One pace per channel per process, shared by the outbox's delivery loop and the replies sent at once.

A chat's replies (bot/reply_sender.py) and its reminders and notices (scheduler/delivery.py) leave the same
process for the same platform, so they queue at the same places: the channel's overall gate and each
chat's windows (1 a second per Telegram chat, 20 a minute per Telegram group; rate_limits says how a
window counts). Two senders sharing nothing would each keep the limit and together break it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from scheduler.rate_limits import ChannelLimits, Gate, Window


class ChannelPacer:
    def __init__(self, limits: ChannelLimits) -> None:
        self.limits = limits
        self.gate = Gate(limits.overall)
        self._chats: dict[str, list[Window]] = {}

    def chat_windows(self, chat_id: str) -> list[Window]:
        if chat_id not in self._chats:
            self._chats[chat_id] = [Window(limit) for limit in self.limits.for_chat(chat_id)]
        return self._chats[chat_id]

    def chat_wait(self, chat_id: str, cost: int) -> float:
        """Seconds until the chat may take `cost` sends (0.0: now)."""
        return max((window_wait(w, cost) for w in self.chat_windows(chat_id)), default=0.0)

    def forget_idle(self) -> None:
        for chat_id in [c for c, windows in self._chats.items() if all(w.idle() for w in windows)]:
            del self._chats[chat_id]

    async def acquire(self, chat_id: str, cost: int, deadline: float) -> list[Window] | None:
        """Wait for the chat's windows and the channel's gate, then take `cost` places in both; the windows
        taken (give them to `release`), or None when that cannot happen before `deadline` (monotonic)."""
        while True:
            wait = self.chat_wait(chat_id, cost)
            if wait > 0:
                if time.monotonic() + wait >= deadline:
                    return None
                await asyncio.sleep(wait)
                continue
            if not await self.gate.enter(deadline, cost):
                return None
            if self.chat_wait(chat_id, cost) > 0:  # another sender took the chat while this one queued
                self.gate.leave(cost, sent=False)
                continue
            windows = self.chat_windows(chat_id)
            for window in windows:
                window.start(cost)
            return windows

    def release(self, windows: list[Window], cost: int, *, sent: bool = True) -> None:
        self.gate.leave(cost, sent=sent)
        for window in windows:
            if sent:
                window.finish(cost)
            else:
                window.cancel(cost)


PLATFORMS = frozenset({"telegram", "zalo"})  # whose limits replies keep too (the local sandbox has none)


class Pacers:
    """The process's pacers, one per channel, made on first use with the channel's limits."""

    def __init__(self, limits: Callable[[str], ChannelLimits], platforms: frozenset[str] = PLATFORMS) -> None:
        self._limits, self.platforms = limits, platforms
        self._pacers: dict[str, ChannelPacer] = {}

    def for_replies(self, channel: str) -> ChannelPacer | None:
        return self.get(channel) if channel in self.platforms else None

    def get(self, channel: str, limits: ChannelLimits | None = None) -> ChannelPacer:
        if channel not in self._pacers:
            self._pacers[channel] = ChannelPacer(limits or self._limits(channel))
        return self._pacers[channel]


def window_wait(window: Window, cost: int) -> float:
    wait = window.wait(cost)
    return window.limit.period if wait is None else wait  # None: only a send in flight can make room
