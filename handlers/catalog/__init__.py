"""The message catalog: every user-facing text, Vietnamese first, English second.

Handlers ask for a text by key; a key missing from English falls back to Vietnamese, and a key
missing everywhere is a programming error caught by the catalog's own test.
"""

from __future__ import annotations

from typing import Any

from handlers.catalog.en import EN
from handlers.catalog.vi import VI

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
