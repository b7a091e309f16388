"""The message catalog: every user-facing text, as Project Fluent files per feature and language.

Each feature keeps its texts in `handlers/<feature>/texts/vi.ftl` and `en.ftl` (Vietnamese first, English
second), so an office worker corrects a text in a plain file, and translators get plural and select forms.
In the files a key's dots are written as dashes (Fluent identifiers have no dots): the code's
`t("sub.ask_theme")` is `sub-ask_theme` in the file. A key missing from English falls back to Vietnamese.
`check()` runs at start-up (bot/app.py): every file parses, no key is defined twice, every English key
exists in Vietnamese and takes the same placeholders; tests check that every key the code uses exists.
Bundles are built with `use_isolating=False`: no bidi marks around the placeholders of chat text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from fluent.runtime import FluentBundle
from fluent.runtime.types import fluent_number
from fluent.syntax import FluentParser, ast

DEFAULT_LANG = "vi"
LANGUAGES = ("vi", "en")
TEXTS = Path(__file__).resolve().parents[1]  # handlers/: each feature's texts/ folder lies below


class CatalogError(Exception):
    """The texts are not fit to start with: the message names every problem found."""


@dataclass(frozen=True)
class _Texts:
    bundles: Mapping[str, FluentBundle]
    keys: Mapping[str, frozenset[str]]  # per language, the code's keys (with dots)
    variables: Mapping[tuple[str, str], frozenset[str]]  # (language, key) → its placeholders
    problems: tuple[str, ...]


def files(lang: str) -> list[Path]:
    return sorted(TEXTS.glob(f"*/texts/{lang}.ftl"))


def _variables(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, ast.VariableReference):
        found.add(node.id.name)
    if isinstance(node, ast.BaseNode):
        for value in vars(node).values():
            for item in value if isinstance(value, list) else [value]:
                found |= _variables(item)
    return found


def _line(source: str, entry: ast.BaseNode) -> int:
    span = getattr(entry, "span", None)
    return source.count("\n", 0, span.start) + 1 if isinstance(span, ast.Span) else 0


@cache
def _load() -> _Texts:
    parser = FluentParser(with_spans=True)  # spans give the line of a mistake
    bundles: dict[str, FluentBundle] = {}
    keys: dict[str, frozenset[str]] = {}
    variables: dict[tuple[str, str], frozenset[str]] = {}
    problems: list[str] = []
    for lang in LANGUAGES:
        bundle = FluentBundle([lang], use_isolating=False)
        seen: set[str] = set()
        for path in files(lang):
            source = path.read_text(encoding="utf-8")
            resource = parser.parse(source)  # parsed once: the bundle takes the same tree
            for entry in resource.body:
                where = f"{path}:{_line(source, entry)}"
                if isinstance(entry, ast.Junk):
                    problems.append(f"{where}: cannot read {(entry.content or '').strip()[:60]!r}")
                elif isinstance(entry, ast.Message):
                    key = entry.id.name.replace("-", ".")
                    if key in seen:
                        problems.append(f"{where}: {entry.id.name} defined twice")
                    seen.add(key)
                    variables[(lang, key)] = frozenset(_variables(entry))
            bundle.add_resource(resource)
        bundles[lang], keys[lang] = bundle, frozenset(seen)
    for key in sorted(keys["en"] - keys["vi"]):
        problems.append(f"en.ftl: {key} has no Vietnamese text")
    for key in sorted(keys["en"] & keys["vi"]):
        if variables[("en", key)] != variables[("vi", key)]:
            problems.append(f"{key}: placeholders differ: vi {sorted(variables[('vi', key)])}, "
                            f"en {sorted(variables[('en', key)])}")
    return _Texts(bundles, keys, variables, tuple(problems))


def problems() -> tuple[str, ...]:
    """Each problem found in the files, as `path:line: what` (`thidua doctor` lists them)."""
    return _load().problems


def check() -> None:
    """Load the texts and refuse to start on any problem (called once by the composition root)."""
    if problems():
        raise CatalogError("the texts have problems:\n" + "\n".join(problems()))


def keys(lang: str = DEFAULT_LANG) -> frozenset[str]:
    return _load().keys[lang]


def placeholders(key: str, lang: str = DEFAULT_LANG) -> frozenset[str]:
    return _load().variables[(lang, key)]


def _argument(value: Any) -> Any:
    """Integers as numbers (so a plural form can select on them), written as Python writes them (no
    grouping, whatever the locale); everything else as its text, exactly as str.format wrote it."""
    if isinstance(value, int) and not isinstance(value, bool):
        return fluent_number(value, useGrouping=False)
    return value if isinstance(value, str) else str(value)


class Catalog:
    def __init__(self, lang: str = DEFAULT_LANG) -> None:
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANG

    def __call__(self, key: str, **values: Any) -> str:
        texts = _load()
        lang = self.lang if key in texts.keys[self.lang] else DEFAULT_LANG
        bundle = texts.bundles[lang]
        message = bundle.get_message(key.replace(".", "-"))
        if message.value is None:
            raise KeyError(key)
        text, errors = bundle.format_pattern(message.value, {k: _argument(v) for k, v in values.items()})
        if errors:
            raise KeyError(f"{key}: {errors[0]}")
        return str(text)


def text(key: str, lang: str = DEFAULT_LANG, **values: Any) -> str:
    return Catalog(lang)(key, **values)


def template(key: str, lang: str = DEFAULT_LANG) -> str:
    """The text with each placeholder written `{name}` (tests compare whole messages through it)."""
    return Catalog(lang)(key, **{name: "{" + name + "}" for name in placeholders(key, lang)})


class _Templates(Mapping[str, str]):
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __getitem__(self, key: str) -> str:
        if key not in keys(self.lang):
            raise KeyError(key)
        return template(key, self.lang)

    def __iter__(self) -> Any:
        return iter(sorted(keys(self.lang)))

    def __len__(self) -> int:
        return len(keys(self.lang))


VI: Mapping[str, str] = _Templates("vi")
EN: Mapping[str, str] = _Templates("en")
