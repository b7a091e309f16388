"""How fast the outbox may send: overall per platform, per chat, per group chat.

A limit reads "at most `count` sends touching any `period`-long span of time", where a send touches
the time from the moment its request leaves until its answer is back. The platform counts a request
at some instant inside that interval, so however the network delays or bunches requests, the platform
never sees more than `count` in any window of `period` — a guarantee a token bucket, which counts only
start times, cannot give against a server that enforces a sliding window exactly. The price is the
round trip: a place is free again `period` after the answer, not after the request.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

Monotonic = Callable[[], float]


@dataclass(frozen=True, slots=True)
class Limit:
    count: int
    period: float  # seconds

    @classmethod
    def per_second(cls, rate: float) -> Limit:
        """`rate` messages a second as a whole count per period: 29.0 → 29 per 1 s, 0.5 → 1 per 2 s."""
        if rate <= 0:
            raise ValueError(f"a rate must be positive, not {rate}")
        count = max(1, math.floor(rate))
        return cls(count, count / rate)


@dataclass(frozen=True, slots=True)
class ChannelLimits:
    overall: Limit
    per_chat: Limit | None = None
    per_group: Limit | None = None  # chats with a negative id: Telegram's groups
    text_limit: int = 4096  # characters a platform message holds; a longer text goes as several

    def for_chat(self, chat_id: str) -> list[Limit]:
        limits = [self.per_chat] if self.per_chat else []
        if self.per_group and chat_id.startswith("-"):
            limits.append(self.per_group)
        return limits

    def cost(self, text: str, with_document: bool) -> int:
        """Platform messages one outbox row becomes (an estimate: the channel splits at line breaks)."""
        parts = math.ceil(len(text) / self.text_limit) if text.strip() else 0
        return max(1, parts + (1 if with_document else 0))


TELEGRAM_PER_CHAT = Limit(1, 1.0)
TELEGRAM_PER_GROUP = Limit(20, 60.0)


def channel_limits(channel: str, rate: float | ChannelLimits) -> ChannelLimits:
    """A bare rate is the overall limit; Telegram adds its per-chat and per-group limits."""
    if isinstance(rate, ChannelLimits):
        return rate
    overall = Limit.per_second(rate)
    if channel == "telegram":
        return ChannelLimits(overall, TELEGRAM_PER_CHAT, TELEGRAM_PER_GROUP, text_limit=4096)
    if channel == "zalo":
        return ChannelLimits(overall, text_limit=2000)
    return ChannelLimits(overall)


class Window:
    """The sends under one limit; `now` is a monotonic clock in seconds."""

    def __init__(self, limit: Limit, now: Monotonic = time.monotonic) -> None:
        self.limit, self.now = limit, now
        self.in_flight = 0
        self._ends: deque[float] = deque()  # answers still inside the period, oldest first

    def wait(self, cost: int = 1) -> float | None:
        """Seconds until `cost` sends may start; None while only a send in flight can make room."""
        now = self.now()
        while self._ends and self._ends[0] <= now - self.limit.period:
            self._ends.popleft()
        excess = self.in_flight + len(self._ends) + min(cost, self.limit.count) - self.limit.count
        if excess <= 0:
            return 0.0
        if excess > len(self._ends):
            return None
        return self._ends[excess - 1] + self.limit.period - now

    def capacity(self, seconds: float) -> int:
        """About how many sends may start within `seconds` from now (a send in flight is taken to
        answer at once); what a lane leases ahead."""
        now, period = self.now(), self.limit.period
        self.wait()  # drops the answers that no longer count
        busy = [end + period for end in self._ends] + [now + period] * self.in_flight
        free = max(0, self.limit.count - len(busy))
        horizon = now + seconds
        return sum(1 + math.floor((horizon - at) / period)
                   for at in [now] * free + busy[: self.limit.count] if at < horizon)

    def start(self, cost: int = 1) -> None:
        self.in_flight += cost

    def finish(self, cost: int = 1) -> None:
        self.in_flight -= cost
        self._ends.extend([self.now()] * cost)

    def cancel(self, cost: int = 1) -> None:
        """Give back places taken by `start` for a send that never left."""
        self.in_flight -= cost

    def idle(self) -> bool:
        return self.in_flight == 0 and self.wait() == 0.0 and not self._ends


class Gate:
    """A window shared by the concurrent senders of one channel, first come first served."""

    def __init__(self, limit: Limit, now: Monotonic = time.monotonic) -> None:
        self.window = Window(limit, now)
        self.waiting = 0  # senders queued for a place
        self._turn = asyncio.Lock()  # FIFO: the oldest waiter gets the next place
        self._finished = asyncio.Event()

    async def enter(self, deadline: float, cost: int = 1) -> bool:
        """Take places for `cost` sends; False when none comes before `deadline` (monotonic seconds)."""
        self.waiting += 1
        try:
            async with self._turn:
                while True:
                    wait = self.window.wait(cost)
                    if wait == 0.0:
                        self.window.start(cost)
                        return True
                    left = deadline - self.window.now()
                    if left <= 0 or (wait is not None and wait > left):
                        return False
                    self._finished.clear()
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._finished.wait(), left if wait is None else wait)
        finally:
            self.waiting -= 1

    def leave(self, cost: int = 1, *, sent: bool = True) -> None:
        if sent:
            self.window.finish(cost)
        else:
            self.window.cancel(cost)
        self._finished.set()
