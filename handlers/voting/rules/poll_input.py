"""Reading what the secretariat types while preparing a poll: counts, percentages, fractions, minutes
and lists of units. Pure functions; each returns None for anything it cannot read, never raises.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

MAX_COUNT = 9999
MAX_MINUTES = 24 * 60
NO_LIMIT_WORDS = frozenset({"0", "khong", "không", "ko", "k", "no", "none", "off", "-"})
_NUMBER_WORDS = re.compile(r"^(\d{1,4})\s*([^\W\d_]{1,8}(?: [^\W\d_]{1,8})?)?$")  # "3", "3 ghế", "2 đơn vị"
_PERCENT = re.compile(r"^(\d{1,3})(?:[.,]0+)?\s*%?$")
_FRACTION = re.compile(r"^(\d{1,3})\s*/\s*(\d{1,3})$")
_HOURS = ("h", "giờ", "gio", "tiếng", "tieng", "hour", "hours")
BLANK_VALID_WORDS = frozenset({"valid", "hop le", "hợp lệ", "hople", "hop-le", "hợp-lệ", "yes", "có", "co"})
BLANK_INVALID_WORDS = frozenset({"invalid", "khong hop le", "không hợp lệ", "khonghople", "khong-hop-le",
                                 "không-hợp-lệ", "no", "không", "khong"})
_RANGE = re.compile(r"^(\d{1,4})\s*[-–]\s*(\d{1,4})$")


def _clean(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split()).strip().casefold()


def read_count(text: str | None, low: int = 1, high: int = MAX_COUNT) -> int | None:
    """A whole number in [low, high], possibly followed by a word ("3 ghế", "2 đơn vị")."""
    match = _NUMBER_WORDS.match(_clean(text))
    if match is None or not match.group(1).isascii():
        return None
    value = int(match.group(1))
    return value if low <= value <= high else None


def read_percent(text: str | None, low: int = 0, high: int = 99) -> int | None:
    """A whole percentage: "50", "50%", "50 %", "50,0"."""
    match = _PERCENT.match(_clean(text))
    if match is None or not match.group(1).isascii():
        return None
    value = int(match.group(1))
    return value if low <= value <= high else None


def read_fraction(text: str | None) -> tuple[int, int] | None:
    """A quorum: "2/3", "3/4", "100%" or "67 %", or "0" for none; always num ≤ den and den ≥ 1."""
    cleaned = _clean(text)
    match = _FRACTION.match(cleaned)
    if match is not None and match.group(1).isascii() and match.group(2).isascii():
        num, den = int(match.group(1)), int(match.group(2))
        return (num, den) if 1 <= den and 0 <= num <= den else None
    if cleaned == "0":
        return (0, 1)
    if cleaned.endswith("%"):
        value = read_percent(cleaned, 0, 100)
        return (value, 100) if value is not None else None
    return None


def read_minutes(text: str | None) -> int | None:
    """A time limit in minutes ("15", "15 phút", "1 giờ"), or 0 for none ("không", "0"); None if unreadable."""
    cleaned = _clean(text)
    if cleaned in NO_LIMIT_WORDS:
        return 0
    match = _NUMBER_WORDS.match(cleaned)
    if match is None or not match.group(1).isascii():
        return None
    value = int(match.group(1))
    if (match.group(2) or "").strip() in _HOURS:
        value *= 60
    return value if 1 <= value <= MAX_MINUTES else None


def read_blank_rule(text: str | None) -> bool | None:
    """Whether a blank ballot is valid: True for "valid"/"hợp lệ", False for "invalid"/"không hợp lệ"."""
    cleaned = _clean(text)
    if cleaned in BLANK_VALID_WORDS:
        return True
    if cleaned in BLANK_INVALID_WORDS:
        return False
    return None


def read_units(text: str | None, codes: Sequence[str]) -> tuple[list[int], list[str]]:
    """Positions (0-based, in the order typed, without repeats) of the units named by their number in
    the list shown (1-based), a range "3-5", or their code; and the pieces that named nothing."""
    chosen: list[int] = []
    unknown: list[str] = []
    by_code = {code.casefold(): i for i, code in enumerate(codes)}
    for piece in re.split(r"[,;\s]+", re.sub(r"\s*[-–]\s*", "-", _clean(text))):
        if not piece:
            continue
        found = _positions(piece, by_code, len(codes))
        if found is None:
            unknown.append(piece[:30])
            continue
        chosen += [i for i in found if i not in chosen]
    return chosen, unknown


def _positions(piece: str, by_code: dict[str, int], size: int) -> list[int] | None:
    if piece in by_code:
        return [by_code[piece]]
    if piece.isascii() and piece.isdecimal() and len(piece) <= 4:
        number = int(piece)
        return [number - 1] if 1 <= number <= size else None
    match = _RANGE.match(piece)
    if match is not None and match.group(1).isascii() and match.group(2).isascii():
        first, last = int(match.group(1)), int(match.group(2))
        if 1 <= first <= last <= size:
            return list(range(first - 1, last))
    return None
