"""What every channel offers the runtime: a name, a text limit, and a way to send a reply."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from handlers.core.messages import DeliveryError, Incoming, Reply

__all__ = ["Channel", "DeliveryError", "IncomingHandler"]

IncomingHandler = Callable[[Incoming], Awaitable[object]]


class Channel(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def text_limit(self) -> int: ...

    async def send(self, chat_id: str, reply: Reply, version: int) -> None:
        """Deliver one reply; `version` is the dialog version its choices belong to."""
        ...
