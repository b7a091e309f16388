"""The message catalog: every user-facing text, Vietnamese first, English second.

Each feature keeps its texts in its own pair of modules (vi_*.py, en_*.py); they are merged here.
A key missing from English falls back to Vietnamese; a key missing everywhere is a programming
error caught by the catalog's own test, and so is a key defined twice.
"""

from __future__ import annotations

from typing import Any

from handlers.catalog import (
    en,
    en_deadline_admin,
    en_reminders,
    en_submissions,
    vi,
    vi_deadline_admin,
    vi_reminders,
    vi_submissions,
)

VI_PARTS: tuple[dict[str, str], ...] = (vi.VI, vi_reminders.VI, vi_submissions.VI, vi_deadline_admin.VI)
EN_PARTS: tuple[dict[str, str], ...] = (en.EN, en_reminders.EN, en_submissions.EN, en_deadline_admin.EN)
VI: dict[str, str] = {k: v for part in VI_PARTS for k, v in part.items()}
EN: dict[str, str] = {k: v for part in EN_PARTS for k, v in part.items()}
LANGUAGES: dict[str, dict[str, str]] = {"vi": VI, "en": EN}
DEFAULT_LANG = "vi"


class Catalog:
    def __init__(self, lang: str = DEFAULT_LANG) -> None:
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANG

    def __call__(self, key: str, **values: Any) -> str:
        template = LANGUAGES[self.lang].get(key) or VI[key]
        return template.format(**values) if values else template


def text(key: str, lang: str = DEFAULT_LANG, **values: Any) -> str:
    return Catalog(lang)(key, **values)
