"""What a contact types while scoring: a score, a command word, a criterion code, an explanation.

At the score step a typed number is always a score, never a menu number (Zalo and the text sandbox
number their menus, and even on Telegram a typed "3" would otherwise press the third button). The other
actions of that step are buttons where the channel has them, and words everywhere: «tối đa», «bỏ qua»,
«quay lại», «tổng quan», «tạm dừng» (with or without accents, or in English). Jumping to a criterion
is `/di 2.1` (or the "Chuyển tiêu chí" choice, which asks for the code): "2.1" alone is a score.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from handlers.core.validation import clean_text
from storage.models import Criterion

EXPLANATION_MAX = 500
MAX, ZERO, SKIP, BACK, JUMP, OVERVIEW, PAUSE = "max", "zero", "skip", "back", "jump", "overview", "pause"
JUMP_COMMANDS = ("/di", "/goto")

_WORDS: dict[str, str] = {
    "toi da": MAX, "diem toi da": MAX, "max": MAX, "maximum": MAX,
    "bo qua": SKIP, "skip": SKIP,
    "quay lai": BACK, "lui": BACK, "tro lai": BACK, "back": BACK,
    "tong quan": OVERVIEW, "overview": OVERVIEW,
    "tam dung": PAUSE, "pause": PAUSE,
    "chuyen tieu chi": JUMP, "chuyen": JUMP, "jump": JUMP,
}


@lru_cache(maxsize=4096)  # every answer folds each criterion code of the sheet (see `find`)
def fold(text: str) -> str:
    """Lower case, no accents, single spaces: «Tối  đa» → "toi da"."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


def word(text: str | None) -> str | None:
    """The action a typed word names at the score step, or None."""
    return _WORDS.get(fold(text or "").strip(" .!"))


def jump_target(text: str | None) -> str | None:
    """`/di 2.1` → "2.1"; `/di` alone → "" (then the code is asked); anything else → None."""
    head, _, rest = (text or "").strip().partition(" ")
    if head.split("@")[0].casefold() not in JUMP_COMMANDS:
        return None
    return rest.strip()


def find(criteria: list[Criterion], text: str | None) -> Criterion | None:
    """The criterion a typed code names: "2.1", " t1 ", "2,1" (a comma typed for the dot)."""
    wanted = fold(text or "").replace(" ", "")
    for candidate in (wanted, wanted.replace(",", ".")):
        found = next((c for c in criteria if fold(c.code).replace(" ", "") == candidate), None)
        if found is not None:
            return found
    return None


def explanation(text: str | None) -> str | None:
    """A short explanation (minh chứng): 1 to 500 characters, tidied, never a command."""
    value = clean_text(" ".join((text or "").split()))
    if not 1 <= len(value) <= EXPLANATION_MAX or value.startswith("/"):
        return None
    return value


def shorten(text: str, limit: int = 30) -> str:
    """What the user typed, quoted back in an error without flooding the chat."""
    value = clean_text(text)
    return value if len(value) <= limit else value[: limit - 1] + "…"
