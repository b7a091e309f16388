"""Platform-neutral messages: what a handler receives and what it answers.

Channels translate their own updates into `Incoming` and render `Reply` values; handlers never
see a platform object and never format a menu themselves.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Choice:
    """One option of a menu. `id` is short and stable; `label` is what the user sees."""

    id: str
    label: str


@dataclass(frozen=True, slots=True)
class Document:
    """A file to send: bytes we made (an export), or a file the platform already holds (`file_id`)."""

    filename: str
    content: bytes = b""
    mime: str = "application/octet-stream"
    file_id: str | None = None


@dataclass(frozen=True, slots=True)
class FileRef:
    """A file the user sent, as the channel knows it (never downloaded by the core)."""

    file_id: str
    filename: str | None = None
    mime: str | None = None
    size: int | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    text: str
    choices: tuple[Choice, ...] = ()
    document: Document | None = None
    ask_contact: bool = False  # a channel that can (Telegram) offers a share-phone button
    secret: bool = False  # never stored: a failed send is dropped, not kept in the outbox (a ballot receipt)
    # the step asks for a number (a score): a channel that maps typed numbers to its buttons (the text
    # sandbox in Telegram style) lets a typed number through as text here
    number_input: bool = False


@dataclass(frozen=True, slots=True)
class Incoming:
    channel: str
    chat_id: str
    user_id: str
    update_id: str
    text: str | None = None
    option: str | None = None  # id of a pressed option
    version: int | None = None  # dialog version the pressed option belonged to
    contact_phone: str | None = None
    file: FileRef | None = None
    display_name: str | None = None
    group: bool = False  # said in a group chat: only commands count there, answered with a pointer to the private chat
    migrate_to: str | None = None  # the group's new chat id (a Telegram group upgraded to a supergroup)
    unsupported: bool = False  # a sticker, voice note, … the bot cannot read: one short answer, state kept
    # The person blocked the bot (True) or took it back (False): no text, no answer. Reminders skip a
    # blocked chat until the person writes again.
    blocked: bool | None = None


class DeliveryError(Exception):
    """A send that failed. `retry_after` (seconds) when the platform said so; `permanent` when retrying
    cannot help (blocked bot, chat not found); `unreachable` when the person cannot receive anything from
    the bot any more (they blocked it): their chat is marked so until they write again."""

    def __init__(self, message: str, *, retry_after: float | None = None, permanent: bool = False,
                 unreachable: bool = False) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.permanent = permanent or unreachable
        self.unreachable = unreachable


@dataclass(slots=True)
class Notice:
    """A message to somebody else than the sender, delivered later through the outbox."""

    channel: str
    chat_id: str
    text: str
    choices: tuple[Choice, ...] = field(default_factory=tuple)
    document: Document | None = None  # only platform-held files (file_id): the outbox keeps no bytes


def incoming_to_json(incoming: Incoming) -> dict[str, Any]:
    """An update as the inbox keeps it until it is handled."""
    return asdict(incoming)


def incoming_from_json(data: dict[str, Any]) -> Incoming:
    file = data.get("file")
    return Incoming(**{**data, "file": FileRef(**file) if isinstance(file, dict) else None})
