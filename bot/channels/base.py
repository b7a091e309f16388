"""What every channel offers the runtime: a name, a text limit, and a way to send a reply."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from handlers.core.messages import DeliveryError, Incoming, Reply

__all__ = ["Channel", "DeliveryError", "IncomingHandler", "NotStored"]

IncomingHandler = Callable[[Incoming], Awaitable[object]]


class NotStored(Exception):
    """The update could not be stored (the database is unreachable): a channel must not acknowledge it,
    so the platform delivers it again (webhook: 503; polling: the offset stays before it)."""


class Channel(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def text_limit(self) -> int: ...

    async def send(self, chat_id: str, reply: Reply, version: int) -> None:
        """Deliver one reply; `version` is the dialog version its choices belong to."""
        ...
