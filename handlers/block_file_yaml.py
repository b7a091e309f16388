"""Reading the YAML form of a block file.

Scalars stay text: YAML 1.1 would turn a unit code `NO` or `ON` into a boolean and `012` into an
octal number, so only `null` keeps its meaning and the rules decide what a value is. Nodes are
converted once each, to a bounded depth, so aliases cannot blow a small file up.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import yaml

from handlers.block_file_model import (
    BLOCK_FIELDS,
    DEADLINE_FIELDS,
    UNIT_FIELDS,
    Cell,
    Problem,
    ProblemsFound,
    RawBlock,
    Row,
)
from handlers.block_file_rules import show

_NULL: Final = "tag:yaml.org,2002:null"
_MAX_DEPTH: Final = 4  # file → section → item → field value
SECTIONS: Final = ("block", "units", "deadlines")


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
                    self.problems.append(Problem(where, "yaml_duplicate_key", {"key": show(key), "line": line}))
                    continue
                result[key] = self.value(value_node, f"{where}.{key}" if where else key, depth + 1)
        return result


def read_yaml(text: str) -> RawBlock:
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
    data = plain.value(node, "")
    raw = raw_from_data(data)
    raw.problems[:0] = plain.problems
    return raw


def raw_from_data(data: object) -> RawBlock:
    """Plain data shaped like the YAML file (from YAML, JSON or a test) in the rules' form."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        return RawBlock(None, None, None, problems=[Problem("", "not_block_file")])
    sections = _known_keys(data, "", SECTIONS, problems)
    block = _row("block", sections.get("block"), BLOCK_FIELDS, problems)
    units = _rows("units", sections.get("units"), UNIT_FIELDS, problems, required=True)
    deadlines = _rows("deadlines", sections.get("deadlines"), DEADLINE_FIELDS, problems, required=False)
    return RawBlock(block, units, deadlines, problems=problems)


def _known_keys(
    data: dict[object, object], where: str, allowed: Iterable[str], problems: list[Problem]
) -> dict[str, object]:
    allowed = tuple(allowed)
    known: dict[str, object] = {}
    for key, value in data.items():
        name = key.strip().casefold() if isinstance(key, str) else None
        if name not in allowed:
            path = f"{where}.{key}" if where else str(key)
            problems.append(Problem(path, "unknown_key", {"key": show(key), "allowed": ", ".join(allowed)}))
        elif name in known:
            problems.append(Problem(where, "yaml_duplicate_key", {"key": name, "line": "?"}))
        else:
            known[name] = value
    return known


def _row(where: str, value: object, fields: tuple[str, ...], problems: list[Problem]) -> Row | None:
    if value is None:
        problems.append(Problem(where, "section_missing"))
        return None
    if not isinstance(value, dict):
        problems.append(Problem(where, "not_mapping", {"fields": ", ".join(fields)}))
        return None
    known = _known_keys(value, where, fields, problems)
    return Row(where, {field: Cell(known.get(field), f"{where}.{field}") for field in fields})


def _rows(
    where: str, value: object, fields: tuple[str, ...], problems: list[Problem], *, required: bool
) -> list[Row] | None:
    if value is None:
        if required:
            problems.append(Problem(where, "section_missing"))
            return None
        return []
    if not isinstance(value, list):
        problems.append(Problem(where, "not_list"))
        return None
    rows: list[Row] = []
    for i, item in enumerate(value):
        if item is None:  # a bare "-" line
            problems.append(Problem(f"{where}[{i}]", "not_mapping", {"fields": ", ".join(fields)}))
        elif (row := _row(f"{where}[{i}]", item, fields, problems)) is not None:
            rows.append(row)
    return rows
