"""The local sandbox: a text channel that doubles as the end-to-end test harness.

Each sandbox user has a private chat. In Telegram style, buttons are shown as `[1] Label` and a
typed number presses the button (option id and dialog version, as Telegram sends them), except at a
step that asks for a number (`Reply.number_input`, a score): there it travels as text, as a number typed
on Telegram does, and `[n]` in brackets still presses button n. In Zalo style, the reply is one text
with a numbered menu and a typed number travels as plain text.
"""

from __future__ import annotations

import itertools
import re
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.rendering import as_plain_text, split_text
from handlers.core.messages import Choice, FileRef, Incoming, Reply

CHANNEL = "sandbox"
_BUTTON = re.compile(r"^\[?(\d{1,2})\]?$")


@dataclass
class Delivered:
    chat_id: str
    text: str
    choices: tuple[Choice, ...] = ()
    version: int = 0
    document: str | None = None
    number_input: bool = False  # the step asks for a number: a typed number is that number, not a button


@dataclass
class SandboxChannel:
    style: str = "telegram"  # or "zalo"
    name: str = CHANNEL
    delivered: list[Delivered] = field(default_factory=list)
    listeners: list[Callable[[Delivered], None]] = field(default_factory=list)

    @property
    def text_limit(self) -> int:
        return 4096 if self.style == "telegram" else 2000

    async def send(self, chat_id: str, reply: Reply, version: int) -> None:
        body = reply.text if self.style == "telegram" else as_plain_text(reply)
        parts = split_text(body, self.text_limit)
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            item = Delivered(chat_id, part, reply.choices if last else (), version,
                             reply.document.filename if reply.document and last else None,
                             reply.number_input and last)
            self.delivered.append(item)
            for listener in self.listeners:
                listener(item)

    def last_with_choices(self, chat_id: str) -> Delivered | None:
        return next((d for d in reversed(self.delivered) if d.chat_id == chat_id and d.choices), None)

    def last_prompt(self, chat_id: str) -> Delivered | None:
        """The chat's last message that asks something: buttons, or a number (a notice in between is skipped)."""
        return next((d for d in reversed(self.delivered)
                     if d.chat_id == chat_id and (d.choices or d.number_input)), None)


def render(item: Delivered, style: str) -> str:
    """What a person sees: Telegram-style buttons as `[n] Label` lines under the text."""
    text = item.text
    if style == "telegram" and item.choices:
        text += "\n" + "\n".join(f"[{i}] {c.label}" for i, c in enumerate(item.choices, 1))
    if item.document:
        text += f"\n📎 {item.document}"
    return text


class Sandbox:
    """Talk to the bot as several people: `await sb.say("hoa", "/start CODE")` → rendered replies."""

    def __init__(self, handle: Callable[[Incoming], Awaitable[object]], channel: SandboxChannel) -> None:
        self.handle = handle
        self.channel = channel
        self._read: dict[str, int] = {}
        self._counter = itertools.count(1)

    @staticmethod
    def chat_of(user: str) -> str:
        return f"sb-{user}"

    def incoming(self, user: str, text: str | None = None, *, update_id: str | None = None,
                 contact_phone: str | None = None) -> Incoming:
        option = version = None
        chat = self.chat_of(user)
        match = _BUTTON.match(text.strip()) if text and self.channel.style == "telegram" else None
        last = self.channel.last_prompt(chat) if match else None
        pressed = match is not None and (not (last and last.number_input) or match.group(0).startswith("["))
        if match and last is not None and pressed and 1 <= int(match.group(1)) <= len(last.choices):
            option, version, text = last.choices[int(match.group(1)) - 1].id, last.version, None
        return Incoming(channel=CHANNEL, chat_id=chat, user_id=chat, text=text, option=option, version=version,
                        update_id=update_id or uuid.uuid4().hex, contact_phone=contact_phone,
                        display_name=user)

    async def say(self, user: str, text: str, *, update_id: str | None = None) -> list[str]:
        await self.handle(self.incoming(user, text, update_id=update_id))
        return self.inbox(user)

    async def send_file(self, user: str, filename: str, mime: str, size: int) -> list[str]:
        """The user uploads a file (only its description travels, as on Telegram)."""
        chat = self.chat_of(user)
        file = FileRef(file_id=f"sandbox-{uuid.uuid4().hex[:12]}", filename=filename, mime=mime, size=size)
        await self.handle(Incoming(channel=CHANNEL, chat_id=chat, user_id=chat, file=file,
                                   update_id=uuid.uuid4().hex, display_name=user))
        return self.inbox(user)

    async def share_phone(self, user: str, phone: str) -> list[str]:
        await self.handle(self.incoming(user, contact_phone=phone))
        return self.inbox(user)

    async def press(self, user: str, option: str, version: int) -> list[str]:
        """Press a button of an older message (stale-button tests)."""
        chat = self.chat_of(user)
        await self.handle(Incoming(channel=CHANNEL, chat_id=chat, user_id=chat, option=option, version=version,
                                   update_id=uuid.uuid4().hex))
        return self.inbox(user)

    def inbox(self, user: str) -> list[str]:
        """Messages delivered to the user's chat since the last look."""
        chat = self.chat_of(user)
        mine = [d for d in self.channel.delivered if d.chat_id == chat]
        start = self._read.get(chat, 0)
        self._read[chat] = len(mine)
        return [render(d, self.channel.style) for d in mine[start:]]
