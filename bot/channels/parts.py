"""Which parts of a long reply a chat already got, so that a resend starts at the part that failed.

A reply longer than a platform message goes as several sends. When a later one fails, the whole reply
goes back to the outbox; without this, its resend would repeat the parts the person already has. Kept in
memory by the sending process (a resend by another worker or after a restart may still repeat them),
bounded, and keyed by chat and the parts' text, so a reply sent in full is forgotten at once and the
same text sent again later goes out whole.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections import OrderedDict

_MAX = 1024  # partly sent replies remembered at most
PART_GAP = 1.0  # seconds between two parts of one reply: parts to one chat keep 1 message a second


async def between_parts(gap: float, first: bool) -> None:
    """Wait `gap` before every part but the first one this send makes (the pacer spaced that one)."""
    if not first and gap > 0:
        await asyncio.sleep(gap)


class SentParts:
    def __init__(self, size: int = _MAX) -> None:
        self._size = size
        self._done: OrderedDict[tuple[str, str], int] = OrderedDict()

    @staticmethod
    def key(chat_id: str, parts: list[str]) -> tuple[str, str]:
        digest = hashlib.sha256("\x00".join(parts).encode()).hexdigest()
        return chat_id, digest

    def first_unsent(self, key: tuple[str, str]) -> int:
        return self._done.get(key, 0)

    def sent(self, key: tuple[str, str], count: int) -> None:
        """`count` parts of the reply went out (a later one is about to be tried)."""
        self._done[key] = count
        self._done.move_to_end(key)
        while len(self._done) > self._size:
            self._done.popitem(last=False)

    def finished(self, key: tuple[str, str]) -> None:
        self._done.pop(key, None)
