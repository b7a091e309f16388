"""Checks of what people type: names, positions, Vietnamese phone numbers."""

from __future__ import annotations

import re
import unicodedata

_MOBILE = re.compile(r"^0[35789][0-9]{8}$")
_LANDLINE = re.compile(r"^02[0-9]{9}$")
_SEPARATORS = re.compile(r"[\s.\-()]")
_LINKISH = re.compile(r"(https?://|www\.|^/)", re.IGNORECASE)


def clean_text(text: str) -> str:
    """NFC (phones often send decomposed Vietnamese), collapsed spaces, no control characters."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch == " ")
    return " ".join(text.split())


def person_name(text: str) -> str | None:
    value = clean_text(text)
    if not 2 <= len(value) <= 100 or _LINKISH.search(value) or "@" in value:
        return None
    if not any(ch.isalpha() for ch in value) or any(ch.isdigit() for ch in value):
        return None
    return value


def position(text: str) -> str | None:
    value = clean_text(text)
    if not 2 <= len(value) <= 100 or _LINKISH.search(value):
        return None
    return value if any(ch.isalpha() for ch in value) else None


def vn_phone(text: str) -> str | None:
    """A Vietnamese number in its national form (0…), from `0912 345 678`, `+84 912.345.678`, `84912345678`."""
    compact = _SEPARATORS.sub("", unicodedata.normalize("NFKC", text.strip()))
    if compact.startswith("+84"):
        compact = "0" + compact[3:]
    elif compact.startswith("84") and len(compact) in (11, 12):
        compact = "0" + compact[2:]
    if _MOBILE.match(compact) or _LANDLINE.match(compact):
        return compact
    return None


# Hà Nội (024) and Hồ Chí Minh City (028) have 3-digit area codes and 8-digit numbers; every other
# province has a 4-digit code (0208 Thái Nguyên) and a 7-digit number, read 4 + 3.
_SHORT_AREAS = ("024", "028")


def format_phone(phone: str) -> str:
    """Grouped as Vietnamese write them: «0912 345 678», «0208 3855 111», «024 3825 1234»."""
    if len(phone) == 10:
        return f"{phone[:4]} {phone[4:7]} {phone[7:]}"
    if len(phone) != 11:
        return phone
    if phone.startswith(_SHORT_AREAS):
        return f"{phone[:3]} {phone[3:7]} {phone[7:]}"
    return f"{phone[:4]} {phone[4:8]} {phone[8:]}"
