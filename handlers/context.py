"""What a handler works with during one update: the message, the chat's state, the transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from handlers.catalog import Catalog
from handlers.chat import Choice, Incoming, Notice, Reply
from handlers.clock import Clock
from storage.dialogs import ChatState
from storage.models import Contact
from storage.uow import UnitOfWork


@dataclass(frozen=True)
class HandlerConfig:
    secret: bytes
    bot_username: str = "thidua_bot"
    max_failed_codes: int = 5
    failed_code_window_minutes: int = 10
    file_channels: frozenset[str] = frozenset({"telegram", "sandbox"})  # channels that receive user files
    max_file_bytes: int = 20 * 1024 * 1024  # what a Telegram bot may download
    public_url: str = "http://127.0.0.1:8080"  # where the web server is reached: the meeting screen's link


@dataclass
class Context:
    incoming: Incoming
    state: ChatState
    uow: UnitOfWork
    clock: Clock
    config: HandlerConfig
    option: str | None = None  # the chosen option id, resolved from a button or a typed number
    text: str | None = None  # free text when no option was chosen
    notices: list[Notice] = field(default_factory=list)
    _people: list[Contact] | None = None

    @property
    def t(self) -> Catalog:
        return Catalog(self.state.lang)

    @property
    def now(self) -> datetime:
        return self.clock.now()

    @property
    def data(self) -> dict[str, Any]:
        return self.state.data

    def begin(self, flow: str, step: str, **data: Any) -> None:
        self.state.flow, self.state.step, self.state.data = flow, step, dict(data)

    def goto(self, step: str, **data: Any) -> None:
        self.state.step = step
        self.state.data = {**self.state.data, **data}  # a new dict, so the JSON column sees the change

    def end(self) -> None:
        self.state.flow, self.state.step, self.state.data = None, None, {}

    async def registrations(self) -> list[Contact]:
        """The sender's active registrations (newest first); read once per update."""
        if self._people is None:
            self._people = await self.uow.directory.contacts_of_user(self.incoming.channel, self.incoming.user_id)
        return self._people

    def forget_registrations(self) -> None:
        self._people = None

    def notify(self, channel: str, chat_id: str, text: str) -> None:
        self.notices.append(Notice(channel=channel, chat_id=chat_id, text=text))

    def choices(self, *pairs: tuple[str, str]) -> tuple[Choice, ...]:
        return tuple(Choice(id=i, label=label) for i, label in pairs)


class Flow(Protocol):
    """A step-by-step conversation. `ask` renders the current step (also after a stale button);
    `answer` handles the user's input at the current step."""

    name: str

    async def ask(self, ctx: Context) -> Reply: ...

    async def answer(self, ctx: Context) -> list[Reply]: ...
