"""Posting updates to a bot's webhook the way the platforms do, for the fake Bot APIs.

Telegram and Zalo post each update to the webhook URL with the secret header, and post it again later
when the answer is not 2xx or the connection fails; an update is gone from the platform only once the
bot answered 2xx. Updates of one chat go in order, one at a time; up to `connections` chats at once
(Telegram's `max_connections`). After a failure the pusher waits, doubling the wait up to a maximum.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp

Pending = Callable[[], list[tuple[Any, str, dict[str, Any]]]]  # (key, chat, body) still to deliver, in order
Delivered = Callable[[Any], None]


@dataclass
class PushStats:
    posts: int = 0  # requests made
    accepted: int = 0  # answered 2xx
    refused: dict[int, int] = field(default_factory=dict)  # by HTTP status
    errors: int = 0  # connection failures and timeouts


class WebhookPusher:
    def __init__(self, pending: Pending, delivered: Delivered, header: str, *, connections: int = 1,
                 backoff: float = 0.2, max_backoff: float = 2.0) -> None:
        self.pending, self.delivered, self.header = pending, delivered, header
        self.connections, self.backoff, self.max_backoff = connections, backoff, max_backoff
        self.stats = PushStats()
        self.url = ""
        self.secret = ""
        self._task: asyncio.Task[None] | None = None
        self._wake = asyncio.Event()
        self._in_flight: set[str] = set()  # chats with a post under way
        self._keys: set[Any] = set()
        self._wait = 0.0

    def start(self, url: str, secret: str) -> None:
        self.url, self.secret = url, secret
        if self._task is None:
            self._task = asyncio.create_task(self._run())
        self.poke()

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    def poke(self) -> None:
        """Something new to deliver (or the URL changed)."""
        self._wake.set()

    async def _run(self) -> None:
        posts: set[asyncio.Task[None]] = set()
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
            while True:
                self._wake.clear()
                if self._wait:
                    await asyncio.sleep(self._wait)
                for key, chat, body in self.pending():
                    if len(self._in_flight) >= self.connections:
                        break
                    if chat in self._in_flight or key in self._keys:
                        continue
                    self._in_flight.add(chat)
                    self._keys.add(key)
                    task = asyncio.create_task(self._post(session, key, chat, body))
                    posts.add(task)
                    task.add_done_callback(posts.discard)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), 0.5)

    async def _post(self, session: aiohttp.ClientSession, key: Any, chat: str, body: dict[str, Any]) -> None:
        self.stats.posts += 1
        ok = False
        try:
            async with session.post(self.url, json=body, headers={self.header: self.secret}) as response:
                await response.read()
                ok = 200 <= response.status < 300
                if not ok:
                    self.stats.refused[response.status] = self.stats.refused.get(response.status, 0) + 1
        except (aiohttp.ClientError, TimeoutError):
            self.stats.errors += 1
        finally:
            if ok:
                self.stats.accepted += 1
                self.delivered(key)
                self._wait = 0.0
            else:
                self._wait = min(max(self._wait * 2, self.backoff), self.max_backoff)
            self._in_flight.discard(chat)
            self._keys.discard(key)
            self.poke()
