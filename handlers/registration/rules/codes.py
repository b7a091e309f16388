"""Invite codes: derived from the secret key, so only a keyed hash needs storing.

A code is HMAC(secret, block, role, unit, generation) cut to 50 bits and written in Crockford
base32 (no I, L, O, U: nothing to misread when a code is dictated over the phone). Without the
secret, a leaked database reveals no code; with it, `thidua invites` can list the live codes again.
Rotating a code bumps the generation.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from typing import Final

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10  # 50 bits
INVITE_KEYS: Final = {  # how the secretariat's and the observer's codes are named
    "observer": "cli.invite_observer", "secretariat": "cli.invite_secretariat",
}
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})
_SHAPE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z\- ]{8,14}[0-9A-Za-z]$")


def derive_code(secret: bytes, block_id: int, role: str, unit_id: int | None, generation: int) -> str:
    message = f"invite:{block_id}:{role}:{unit_id or 0}:{generation}".encode()
    number = int.from_bytes(hmac.new(secret, message, hashlib.sha256).digest()[:8], "big") >> (64 - 5 * CODE_LENGTH)
    chars = [ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(CODE_LENGTH))]
    return "".join(chars)


def code_hash(secret: bytes, code: str) -> str:
    return hmac.new(secret, f"hash:{code}".encode(), hashlib.sha256).hexdigest()


def normalize_code(text: str) -> str | None:
    """The canonical code typed by a person (spaces, dashes, case and look-alikes forgiven), or None."""
    candidate = text.strip()
    if not _SHAPE.match(candidate):
        return None
    compact = candidate.replace("-", "").replace(" ", "").upper().translate(_CONFUSABLE)
    if len(compact) != CODE_LENGTH or any(c not in ALPHABET for c in compact):
        return None
    return compact


def display_code(code: str) -> str:
    return f"{code[:5]}-{code[5:]}"


def deep_link(bot_username: str, code: str) -> str:
    return f"https://t.me/{bot_username}?start={code}"
