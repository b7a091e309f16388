"""The sandbox channel as the browser sees it: every message keeps its buttons and its file.

It is the terminal sandbox's channel (same name, same `sb-<user>` chats, the same listeners), so
`thidua run` can show one conversation in the terminal and in the browser at once. Only what the
page displays is kept in memory; everything that matters is in the database as always.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict
from dataclasses import dataclass, field

from bot.channels.sandbox import SandboxChannel
from handlers.core.messages import Choice, Document, Reply

MAX_FILES = 50  # the newest exports stay downloadable


@dataclass(frozen=True)
class WebMessage:
    seq: int
    chat_id: str
    text: str
    choices: tuple[Choice, ...]
    version: int
    document: str | None  # file name
    file_key: str | None  # where to download it, when the bytes came with the reply

    def to_json(self) -> dict[str, object]:
        return {"seq": self.seq, "user": self.chat_id.removeprefix("sb-"), "text": self.text, "version": self.version,
                "choices": [{"id": c.id, "label": c.label} for c in self.choices],
                "document": self.document, "file": f"/files/{self.file_key}" if self.file_key else None}


@dataclass
class WebSandboxChannel(SandboxChannel):
    messages: list[WebMessage] = field(default_factory=list)
    files: OrderedDict[str, Document] = field(default_factory=OrderedDict)

    async def send(self, chat_id: str, reply: Reply, version: int) -> None:
        key = None
        if reply.document is not None and reply.document.content:
            key = secrets.token_urlsafe(12)
            self.files[key] = reply.document
            while len(self.files) > MAX_FILES:
                self.files.popitem(last=False)
        document = reply.document.filename if reply.document else None
        self.messages.append(WebMessage(len(self.messages) + 1, chat_id, reply.text, reply.choices, version,
                                        document, key))
        await super().send(chat_id, reply, version)

    def since(self, seq: int) -> list[WebMessage]:
        return self.messages[max(0, seq):]
