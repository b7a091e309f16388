"""What every channel offers the runtime: a name, a text limit, and a way to send a reply."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from handlers.chat import Incoming, Reply

IncomingHandler = Callable[[Incoming], Awaitable[None]]


class DeliveryError(Exception):
    """A send that failed. `retry_after` (seconds) when the platform said so; `permanent` when retrying
    cannot help (blocked bot, chat not found)."""

    def __init__(self, message: str, *, retry_after: float | None = None, permanent: bool = False) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.permanent = permanent


class Channel(Protocol):
    name: str
    text_limit: int

    async def send(self, chat_id: str, reply: Reply, version: int) -> None:
        """Deliver one reply; `version` is the dialog version its choices belong to."""
        ...
