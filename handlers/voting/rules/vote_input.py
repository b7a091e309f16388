"""What a voter types, read without surprises: a list of ballot numbers, and a receipt code.

Pure functions, so property tests can throw any text at them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storage.votes import RECEIPT_ALPHABET, RECEIPT_LENGTH

MAX_TEXT = 200
_SEPARATOR = re.compile(r"(?:[\s,;.+&/]|\bvà\b|\band\b)+", re.IGNORECASE)
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


@dataclass(frozen=True)
class SelectionProblem:
    """Why a typed selection is refused: "shape" (not a list of numbers), "range" (`number` is not on the
    ballot), "too_many" (more than may be chosen), "forbidden" (`number` may not be chosen, e.g. one's own unit)."""

    reason: str
    number: int | None = None


def parse_selection(text: str | None, count: int, max_choices: int,
                    forbidden: frozenset[int] = frozenset()) -> tuple[int, ...] | SelectionProblem:
    """Ballot positions (1-based, sorted, each once) typed as `1 3`, `1,3`, `1; 3`, `1 và 3`."""
    raw = (text or "").strip()
    if not raw or len(raw) > MAX_TEXT:
        return SelectionProblem("shape")
    parts = [p for p in _SEPARATOR.split(raw) if p]
    if not parts or not all(p.isascii() and p.isdigit() and len(p) <= 4 for p in parts):
        return SelectionProblem("shape")
    numbers = sorted({int(p) for p in parts})
    for number in numbers:
        if not 1 <= number <= count:
            return SelectionProblem("range", number)
    for number in numbers:
        if number in forbidden:
            return SelectionProblem("forbidden", number)
    if len(numbers) > max_choices:
        return SelectionProblem("too_many")
    return tuple(numbers)


def normalize_receipt(text: str | None) -> str | None:
    """The canonical receipt code (spaces, dashes, case and look-alikes forgiven), or None."""
    compact = re.sub(r"[\s\-_.]", "", (text or "")[:40]).upper().translate(_CONFUSABLE)
    if len(compact) != RECEIPT_LENGTH or any(c not in RECEIPT_ALPHABET for c in compact):
        return None
    return compact


def display_receipt(code: str) -> str:
    """ABCD-EFGH-JKMN: easier to copy down by hand."""
    return "-".join(code[i:i + 4] for i in range(0, len(code), 4))
