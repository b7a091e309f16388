"""What the registration transcripts share: a reply rendered with its menu the way the sandbox shows it, so a
transcript composes what the bot says from the catalog (a text corrected in a .ftl file breaks no test)."""

from __future__ import annotations


def buttons(reply: str, *labels: str) -> str:
    """A reply in the Telegram-style sandbox: its text, then a `[n] label` line per button."""
    return "\n".join([reply, *(f"[{i}] {label}" for i, label in enumerate(labels, 1))])


def numbered(reply: str, *labels: str) -> str:
    """A reply on Zalo (and the Zalo-style sandbox): its text, a blank line, then the numbered menu."""
    return "\n\n".join([reply, "\n".join(f"{i}. {label}" for i, label in enumerate(labels, 1))])
