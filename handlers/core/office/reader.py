"""Reading a file a secretariat typed on an office PC: the block file and the criteria file alike.

Both come as YAML or Excel, typed by hand, and both must name every mistake at once. What they share
lives here: the checks on the file itself (missing, unreadable, too large, empty, Excel 97-2003, not
UTF-8), YAML read with line numbers and every scalar kept as text, and a cell checked as text. The
Excel side is in `handlers.core.office.xlsx`. Problems are `Problem` values; each file words them.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Final, TypeVar

import yaml

from handlers.core.office.problems import REPORTED, Cell, Problem, ProblemsFound, ValueKind, YamlPath

MAX_FILE_BYTES: Final = 5 * 1024 * 1024
_YAML_SUFFIXES: Final = frozenset({".yaml", ".yml"})
_XLSX_SUFFIXES: Final = frozenset({".xlsx", ".xlsm"})
_ZIP: Final = b"PK\x03\x04"
_OLE: Final = b"\xd0\xcf\x11\xe0"  # Excel 97-2003
_NULL: Final = "tag:yaml.org,2002:null"
_INVISIBLE: Final = dict.fromkeys(map(ord, "\u200b\ufeff"))  # pasted from web pages and Word
Raw = TypeVar("Raw")


def clean_text(text: str) -> str:
    """NFC (Windows tools often send decomposed Vietnamese), no invisible marks, single spaces."""
    return " ".join(unicodedata.normalize("NFC", text.translate(_INVISIBLE)).split())


def show(value: object, limit: int = 40) -> str:
    """A value quoted back in a problem, tidied and cut short."""
    text = clean_text(value) if isinstance(value, str) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def read_file(path: Path, from_xlsx: Callable[[bytes], Raw], from_yaml: Callable[[str], Raw]) -> Raw:
    """The file's content handed to the reader of its format; ProblemsFound when the file itself is wrong."""
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as file:
            content = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ProblemsFound([Problem(None, "file_missing")]) from None
    except OSError as error:
        raise ProblemsFound([Problem(None, "file_unreadable", {"reason": error.strerror or error})]) from None
    if len(content) > MAX_FILE_BYTES:
        raise ProblemsFound([Problem(None, "file_too_large", {"limit_mb": MAX_FILE_BYTES // 2**20})])
    if not content.strip():
        raise ProblemsFound([Problem(None, "file_empty")])
    if content.startswith(_OLE) or suffix == ".xls":
        raise ProblemsFound([Problem(None, "file_xls")])
    if content.startswith(_ZIP) or suffix in _XLSX_SUFFIXES:
        return from_xlsx(content)
    if suffix and suffix not in _YAML_SUFFIXES:
        raise ProblemsFound([Problem(None, "file_format")])
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise ProblemsFound([Problem(None, "file_not_utf8", {"line": line})]) from None
    return from_yaml(text)


# -- YAML -------------------------------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """Scalars stay text: YAML 1.1 would turn a code `NO` into a boolean, `012` into an octal number and
    `1.10` into 1.1, so only `null` keeps its meaning and the rules decide what a value is."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag == _NULL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _Plain:
    """Nodes to plain values (dict, list, str, None), each node once and to a bounded depth (so aliases
    cannot blow a small file up), noting duplicate keys with their line on the way."""

    def __init__(self, max_depth: int) -> None:
        self.max_depth = max_depth
        self.problems: list[Problem] = []
        self._done: dict[int, object] = {}

    def value(self, node: yaml.Node, where: YamlPath, depth: int = 0) -> object:
        if isinstance(node, yaml.ScalarNode):
            return None if node.tag == _NULL else str(node.value)
        if id(node) in self._done:
            return self._done[id(node)]
        result: dict[object, object] | list[object]
        if isinstance(node, yaml.SequenceNode):
            result = []
            self._done[id(node)] = result
            if depth < self.max_depth:
                result.extend(self.value(item, where.item(i), depth + 1) for i, item in enumerate(node.value))
            return result
        result = {}
        self._done[id(node)] = result
        if depth < self.max_depth and isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                line = key_node.start_mark.line + 1
                if not isinstance(key_node, yaml.ScalarNode):
                    self.problems.append(Problem(where, "yaml_bad_key", {"line": line}))
                    continue
                key = str(key_node.value).strip()
                if key in result:
                    self.problems.append(Problem(where, "yaml_duplicate_key", {"name": show(key), "line": line}))
                    continue
                result[key] = self.value(value_node, where.key(key), depth + 1)
        return result


def read_yaml(text: str, max_depth: int) -> tuple[object, list[Problem]]:
    """The document as plain data, and the duplicate or malformed keys found on the way; ProblemsFound
    for a syntax error (with its line and column), a document nested too deep, or an empty one."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else ("?", "?")
        values: dict[str, object] = {"line": line, "column": column, "detail": error.problem or error.context or ""}
        raise ProblemsFound([Problem(None, "yaml_syntax", values)]) from None
    except yaml.YAMLError as error:
        values = {"line": "?", "column": "?", "detail": str(error)}
        raise ProblemsFound([Problem(None, "yaml_syntax", values)]) from None
    except RecursionError:
        raise ProblemsFound([Problem(None, "yaml_too_deep")]) from None
    if node is None:
        raise ProblemsFound([Problem(None, "file_empty")])
    plain = _Plain(max_depth)
    data = plain.value(node, YamlPath())
    return data, plain.problems


def known_keys(data: dict[object, object], where: YamlPath, allowed: Iterable[str],
               problems: list[Problem]) -> dict[str, object]:
    """The allowed keys of a mapping (any case, stray spaces forgiven); the others are problems."""
    allowed = tuple(allowed)
    known: dict[str, object] = {}
    for key, value in data.items():
        name = key.strip().casefold() if isinstance(key, str) else None
        if name not in allowed:
            path = where.key(key)
            problems.append(Problem(path, "unknown_key", {"name": show(key), "allowed": ", ".join(allowed)}))
        elif name in known:
            problems.append(Problem(where, "yaml_duplicate_key", {"name": name, "line": "?"}))
        else:
            known[name] = value
    return known


# -- a cell as text ---------------------------------------------------------------------------------------


def is_bad_char(ch: str) -> bool:
    """Control characters and non-characters cannot be stored in an .xlsx file or shown in a chat."""
    point = ord(ch)
    return unicodedata.category(ch) in ("Cc", "Cs") or 0xFDD0 <= point <= 0xFDEF or (point & 0xFFFE) == 0xFFFE


def kind_name(value: object) -> ValueKind:
    """What a value that should have been text is (the reader words it in its language)."""
    kinds: tuple[tuple[type, str], ...] = (
        (bool, "bool"),
        (int, "number"),
        (float, "number"),
        (Decimal, "number"),
        (datetime, "datetime"),
        (date, "date"),
        (time, "time"),
        (list, "list"),
        (dict, "mapping"),
    )
    return ValueKind(next((name for kind, name in kinds if isinstance(value, kind)), type(value).__name__))


def cell_text(cell: Cell, limit: int, problems: list[Problem], *, required: bool = True) -> str | None:
    """A cell as tidy text (a number typed where text belongs is its digits), or None with the problem
    noted: not text, required but empty, a control character, longer than `limit`."""
    value = cell.value
    if value is REPORTED:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float | type(None)):
        problems.append(Problem(cell.where, "not_text", {"got": kind_name(value)}))
        return None
    if isinstance(value, float):
        if not math.isfinite(value):
            problems.append(Problem(cell.where, "not_text", {"got": kind_name(value)}))
            return None
        value = str(int(value)) if value.is_integer() else repr(value)
    text = clean_text(str(value)) if value is not None else ""
    if not text:
        if required:
            problems.append(Problem(cell.where, "required"))
        return None
    if any(is_bad_char(ch) for ch in text):
        problems.append(Problem(cell.where, "bad_char"))
        return None
    if len(text) > limit:
        problems.append(Problem(cell.where, "too_long", {"limit": limit}))
        return None
    return text
