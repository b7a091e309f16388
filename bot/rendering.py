"""Turning a `Reply` into what a channel can show: numbered menus, split texts, callback data."""

from __future__ import annotations

from collections.abc import Callable

from handlers.core.messages import Choice, Reply

CALLBACK_LIMIT = 64  # bytes, Telegram's limit on callback_data


class CallbackTooLong(ValueError):
    pass


def encode_callback(version: int, option_id: str) -> str:
    """`v<version>:<option id>`; refuses anything over Telegram's 64 bytes."""
    data = f"v{version}:{option_id}"
    if len(data.encode()) > CALLBACK_LIMIT:
        raise CallbackTooLong(option_id)
    return data


def decode_callback(data: str) -> tuple[int | None, str]:
    """Inverse of `encode_callback`; unknown shapes come back as an option with no version."""
    if data.startswith("v") and ":" in data:
        head, _, option = data.partition(":")
        if head[1:].isdigit():
            return int(head[1:]), option
    return None, data


def numbered_menu(choices: tuple[Choice, ...]) -> str:
    return "\n".join(f"{i}. {c.label}" for i, c in enumerate(choices, start=1))


def as_plain_text(reply: Reply) -> str:
    """The whole reply as one text message, menu numbered below the text."""
    if not reply.choices:
        return reply.text
    return f"{reply.text}\n\n{numbered_menu(reply.choices)}"


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units: an emoji outside the BMP (📝, 🗳) counts twice, as in JavaScript."""
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int, measure: Callable[[str], int] = len) -> list[str]:
    """Split at line boundaries (then at spaces) so that no part exceeds `limit` as `measure` counts.

    A word longer than the limit is the only thing ever cut (between code points, never inside an
    emoji's surrogate pair), since it cannot be sent otherwise.
    """
    if limit <= 0:
        raise ValueError("limit must be positive")
    if measure(text) <= limit:
        return [text]
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        for piece in _fit_line(line, limit, measure):
            candidate = piece if not current else f"{current}\n{piece}"
            if measure(candidate) <= limit:
                current = candidate
            else:
                if current:
                    parts.append(current)
                current = piece
    if current or not parts:
        parts.append(current)
    return parts


def _fit_line(line: str, limit: int, measure: Callable[[str], int]) -> list[str]:
    if measure(line) <= limit:
        return [line]
    pieces: list[str] = []
    current = ""
    for word in line.split(" "):
        while measure(word) > limit:  # a single overlong word: the only forced cut
            if current:
                pieces.append(current)
                current = ""
            cut = _longest_prefix(word, limit, measure)
            pieces.append(word[:cut])
            word = word[cut:]
        candidate = word if not current else f"{current} {word}"
        if measure(candidate) <= limit:
            current = candidate
        else:
            pieces.append(current)
            current = word
    if current:
        pieces.append(current)
    return pieces


def _longest_prefix(word: str, limit: int, measure: Callable[[str], int]) -> int:
    """How many code points of `word` fit in `limit` (at least one, so a cut always moves on)."""
    cut = min(len(word), limit)
    while cut > 1 and measure(word[:cut]) > limit:
        cut -= 1
    return cut
