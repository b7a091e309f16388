"""Reading the YAML form of a criteria file (samples/criteria-2026.yaml).

As for block files, scalars stay text (YAML 1.1 would read a code `1.10` as the number 1.1 and `NO` as
false) and only `null` keeps its meaning; nodes are converted once each, to a bounded depth.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import yaml

from handlers.block_file_model import Cell, Problem, ProblemsFound, Row
from handlers.block_file_rules import show
from handlers.criteria_file_model import CRITERION_FIELDS, HEAD_FIELDS, SECTION_FIELDS, RawSection, RawSheet

_NULL: Final = "tag:yaml.org,2002:null"
_MAX_DEPTH: Final = 5  # file → sections → section → criteria → criterion → field value
PARTS: Final = ("sheet", "sections", "bonus", "deductions")


class _Loader(yaml.SafeLoader):
    pass


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag == _NULL]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _Plain:
    """Nodes to plain values (dict, list, str, None), noting duplicate keys on the way."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self._done: dict[int, object] = {}

    def value(self, node: yaml.Node, where: str, depth: int = 0) -> object:
        if isinstance(node, yaml.ScalarNode):
            return None if node.tag == _NULL else str(node.value)
        if id(node) in self._done:
            return self._done[id(node)]
        result: dict[object, object] | list[object]
        if isinstance(node, yaml.SequenceNode):
            result = []
            self._done[id(node)] = result
            if depth < _MAX_DEPTH:
                result.extend(self.value(item, f"{where}[{i}]", depth + 1) for i, item in enumerate(node.value))
            return result
        result = {}
        self._done[id(node)] = result
        if depth < _MAX_DEPTH and isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                line = key_node.start_mark.line + 1
                if not isinstance(key_node, yaml.ScalarNode):
                    self.problems.append(Problem(where, "yaml_bad_key", {"line": line}))
                    continue
                key = str(key_node.value).strip()
                if key in result:
                    self.problems.append(Problem(where, "yaml_duplicate_key", {"name": show(key), "line": line}))
                    continue
                result[key] = self.value(value_node, f"{where}.{key}" if where else key, depth + 1)
        return result


def read_yaml(text: str) -> RawSheet:
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else ("?", "?")
        detail = error.problem or error.context or ""
        raise ProblemsFound([Problem("", "yaml_syntax", {"line": line, "column": column, "detail": detail})]) from None
    except yaml.YAMLError as error:
        raise ProblemsFound([Problem("", "yaml_syntax", {"line": "?", "column": "?", "detail": str(error)})]) from None
    except RecursionError:
        raise ProblemsFound([Problem("", "yaml_too_deep")]) from None
    if node is None:
        raise ProblemsFound([Problem("", "file_empty")])
    plain = _Plain()
    raw = raw_from_data(plain.value(node, ""))
    raw.problems[:0] = plain.problems
    return raw


def raw_from_data(data: object) -> RawSheet:
    """Plain data shaped like the YAML file (from YAML, JSON or a test) in the rules' form."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        return RawSheet(None, None, problems=[Problem("", "not_criteria_file")])
    parts = _known_keys(data, "", PARTS, problems)
    head = _row("sheet", parts.get("sheet"), HEAD_FIELDS, problems)
    sections = _sections(parts.get("sections"), problems)
    bonus = _rows("bonus", parts.get("bonus"), CRITERION_FIELDS, problems) or []
    deductions = _rows("deductions", parts.get("deductions"), CRITERION_FIELDS, problems) or []
    return RawSheet(head, sections, bonus, deductions, problems=problems)


def _known_keys(
    data: dict[object, object], where: str, allowed: Iterable[str], problems: list[Problem]
) -> dict[str, object]:
    allowed = tuple(allowed)
    known: dict[str, object] = {}
    for key, value in data.items():
        name = key.strip().casefold() if isinstance(key, str) else None
        if name not in allowed:
            path = f"{where}.{key}" if where else str(key)
            problems.append(Problem(path, "unknown_key", {"name": show(key), "allowed": ", ".join(allowed)}))
        elif name in known:
            problems.append(Problem(where, "yaml_duplicate_key", {"name": name, "line": "?"}))
        else:
            known[name] = value
    return known


def _mapping(where: str, value: object, fields: tuple[str, ...], problems: list[Problem]) -> dict[str, object] | None:
    if value is None:
        problems.append(Problem(where, "part_missing"))
        return None
    if not isinstance(value, dict):
        problems.append(Problem(where, "not_mapping", {"fields": ", ".join(fields)}))
        return None
    return _known_keys(value, where, fields, problems)


def _row(where: str, value: object, fields: tuple[str, ...], problems: list[Problem]) -> Row | None:
    known = _mapping(where, value, fields, problems)
    if known is None:
        return None
    return Row(where, {field: Cell(known.get(field), f"{where}.{field}") for field in fields})


def _items(where: str, value: object, problems: list[Problem]) -> list[object] | None:
    if not isinstance(value, list):
        problems.append(Problem(where, "not_list"))
        return None
    return value


def _rows(where: str, value: object, fields: tuple[str, ...], problems: list[Problem]) -> list[Row] | None:
    if value is None:
        return []
    items = _items(where, value, problems)
    rows = (_row(f"{where}[{i}]", item, fields, problems) for i, item in enumerate(items or ()))
    return None if items is None else [row for row in rows if row is not None]


def _sections(value: object, problems: list[Problem]) -> list[RawSection] | None:
    if value is None:
        problems.append(Problem("sections", "part_missing"))
        return None
    items = _items("sections", value, problems)
    if items is None:
        return None
    sections: list[RawSection] = []
    for i, item in enumerate(items):
        where = f"sections[{i}]"
        known = _mapping(where, item, SECTION_FIELDS, problems)
        if known is None:
            continue
        criteria = known.get("criteria")
        rows = _rows(f"{where}.criteria", criteria, CRITERION_FIELDS, problems)
        # an empty list, or none at all, is the rules' business; a malformed one was reported here
        said = rows is None or (isinstance(criteria, list) and len(rows) < len(criteria))
        code, title = Cell(known.get("code"), f"{where}.code"), Cell(known.get("title"), f"{where}.title")
        sections.append(RawSection(where, code, title, rows or [], None if said else f"{where}.criteria"))
    return sections
