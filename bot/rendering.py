"""Turning a `Reply` into what a channel can show: numbered menus, split texts, callback data."""

from __future__ import annotations

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


def split_text(text: str, limit: int) -> list[str]:
    """Split at line boundaries (then at spaces) so that no part exceeds `limit` characters.

    A word longer than the limit is the only thing ever cut, since it cannot be sent otherwise.
    """
    if limit <= 0:
        raise ValueError("limit must be positive")
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        for piece in _fit_line(line, limit):
            candidate = piece if not current else f"{current}\n{piece}"
            if len(candidate) <= limit:
                current = candidate
            else:
                if current:
                    parts.append(current)
                current = piece
    if current or not parts:
        parts.append(current)
    return parts


def _fit_line(line: str, limit: int) -> list[str]:
    if len(line) <= limit:
        return [line]
    pieces: list[str] = []
    current = ""
    for word in line.split(" "):
        while len(word) > limit:  # a single overlong word: the only forced cut
            if current:
                pieces.append(current)
                current = ""
            pieces.append(word[:limit])
            word = word[limit:]
        candidate = word if not current else f"{current} {word}"
        if len(candidate) <= limit:
            current = candidate
        else:
            pieces.append(current)
            current = word
    if current:
        pieces.append(current)
    return pieces
