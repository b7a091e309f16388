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
    en_meeting,
    en_minutes,
    en_ops,
    en_polls,
    en_reminders,
    en_scoring,
    en_scoring_admin,
    en_sheets,
    en_submissions,
    en_vote,
    vi,
    vi_deadline_admin,
    vi_meeting,
    vi_minutes,
    vi_ops,
    vi_polls,
    vi_reminders,
    vi_scoring,
    vi_scoring_admin,
    vi_sheets,
    vi_submissions,
    vi_vote,
)

VI_PARTS: tuple[dict[str, str], ...] = (vi.VI, vi_reminders.VI, vi_submissions.VI, vi_deadline_admin.VI, vi_sheets.VI,
                                         vi_scoring_admin.VI, vi_scoring.VI, vi_polls.VI, vi_vote.VI, vi_meeting.VI,
                                         vi_minutes.VI, vi_ops.VI)
EN_PARTS: tuple[dict[str, str], ...] = (en.EN, en_reminders.EN, en_submissions.EN, en_deadline_admin.EN, en_sheets.EN,
                                         en_scoring_admin.EN, en_scoring.EN, en_polls.EN, en_vote.EN, en_meeting.EN,
                                         en_minutes.EN, en_ops.EN)
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
