"""What a handler works with during one update (the message, the chat's state, the transaction) and the
features it can reach: commands, flows, menu entries and global options, each registered by one feature.

The registry's types live beside `Context` because each names the other: a flow takes a `Context`, and a
`Context` reaches the registry through its `HandlerConfig`. The router, the commands and the catalog
only ever see this registry, never a feature module.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from handlers.core.catalog import Catalog
from handlers.core.clock import Clock
from handlers.core.messages import Choice, Incoming, Notice, Reply
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
    photo_channels: frozenset[str] = frozenset({"zalo"})  # channels whose users can send a photo only, kept as a file
    deep_link_channels: frozenset[str] = frozenset({"telegram"})  # channels with a t.me link to the private chat
    max_file_bytes: int = 20 * 1024 * 1024  # what a Telegram bot may download
    public_url: str = "http://127.0.0.1:8080"  # where the web server is reached: the meeting screen's link
    features: Features = field(default_factory=lambda: Features(()))  # bot/app.py passes handlers.features


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
    def features(self) -> Features:
        return self.config.features

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


Ask = Callable[["Context"], Awaitable[Reply]]
Answer = Callable[["Context"], Awaitable[list[Reply]]]
Command = Callable[["Context", str], Awaitable[list[Reply]]]
MenuAction = Callable[["Context", Contact], Awaitable[list[Reply]]]
Starter = Callable[["Context", Contact], Awaitable[list[Reply]]]


@dataclass(frozen=True)
class Flow:
    """A step-by-step conversation. `ask` renders the current step (also after a stale button);
    `answer` handles the input at the current step. `steps` are every value `ctx.state.step` can take in
    it: docs/flows.md draws exactly these."""

    name: str
    ask: Ask
    answer: Answer
    steps: frozenset[str]


@dataclass(frozen=True)
class MenuEntry:
    """An item of the main menu: shown to `roles`, in `order`; `act` checks the role again when tapped."""

    option: str
    label: str  # catalog key
    roles: frozenset[str]
    order: int
    act: MenuAction


@dataclass(frozen=True)
class GlobalOption:
    """A button valid whatever the chat's dialog version (a reminder's, a ballot notice's): an option id
    that starts with `prefix`."""

    prefix: str
    act: Callable[[Context, str], Awaitable[list[Reply] | None]]  # the id after the prefix; None: not one of ours


@dataclass(frozen=True)
class Feature:
    """What one feature package adds to the conversation. `completes` names the deadline kinds the feature
    completes in its own conversation (the self-assessment by the scored sheet), with how to start it;
    `on_text` answers free text outside any flow (a typed invite code) or returns None."""

    name: str
    commands: Mapping[str, Command] = field(default_factory=dict)
    flows: tuple[Flow, ...] = ()
    menu: tuple[MenuEntry, ...] = ()
    global_options: tuple[GlobalOption, ...] = ()
    group_commands: Mapping[str, Command] = field(default_factory=dict)  # answered in a group chat itself
    completes: Mapping[str, Starter] = field(default_factory=dict)
    on_text: Callable[[Context, str], Awaitable[list[Reply] | None]] | None = None


class Features:
    """The features of the application, merged: each name is registered once, or start-up fails."""

    def __init__(self, features: tuple[Feature, ...]) -> None:
        self.features = features
        self.commands: dict[str, Command] = {}
        self.flows: dict[str, Flow] = {}
        self.options: dict[str, MenuEntry] = {}
        self.global_options: tuple[GlobalOption, ...] = tuple(g for f in features for g in f.global_options)
        self.completes: dict[str, Starter] = {}
        self.group_commands: dict[str, Command] = {}
        for feature in features:
            _merge(self.group_commands, feature.group_commands, "group command")
            _merge(self.commands, feature.commands, "command")
            _merge(self.flows, {flow.name: flow for flow in feature.flows}, "flow")
            _merge(self.options, {entry.option: entry for entry in feature.menu}, "menu option")
            _merge(self.completes, feature.completes, "deadline kind")
        self.menu = tuple(sorted(self.options.values(), key=lambda entry: entry.order))
        self.text_handlers = tuple(f.on_text for f in features if f.on_text is not None)

    def global_option(self, option: str) -> tuple[GlobalOption, str] | None:
        return next(((g, option[len(g.prefix):]) for g in self.global_options if option.startswith(g.prefix)), None)


def _merge(into: dict[str, Any], items: Mapping[str, Any], what: str) -> None:
    twice = sorted(set(into) & set(items))
    if twice:
        raise ValueError(f"{what} registered twice: {twice}")
    into.update(items)
