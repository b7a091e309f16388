"""Reading the YAML form of a block file.

Scalars stay text (a unit code `NO` or `ON` is not a boolean, `012` not an octal number), and nodes are
converted once each to a bounded depth: see `handlers.core.office.reader.read_yaml`.
"""

from __future__ import annotations

from typing import Final

from handlers.core.office import reader as office_file
from handlers.core.office.problems import Cell, Problem, Row, YamlPath
from handlers.core.office.reader import known_keys
from handlers.term.block_file.model import BLOCK_FIELDS, DEADLINE_FIELDS, UNIT_FIELDS, RawBlock

_MAX_DEPTH: Final = 4  # file → section → item → field value
SECTIONS: Final = ("block", "units", "deadlines")


def read_yaml(text: str) -> RawBlock:
    data, problems = office_file.read_yaml(text, _MAX_DEPTH)
    raw = raw_from_data(data)
    raw.problems[:0] = problems
    return raw


def raw_from_data(data: object) -> RawBlock:
    """Plain data shaped like the YAML file (from YAML, JSON or a test) in the rules' form."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        return RawBlock(None, None, None, problems=[Problem(None, "not_block_file")])
    top = YamlPath()
    sections = known_keys(data, top, SECTIONS, problems)
    block = _row(top.key("block"), sections.get("block"), BLOCK_FIELDS, problems)
    units = _rows(top.key("units"), sections.get("units"), UNIT_FIELDS, problems, required=True)
    deadlines = _rows(top.key("deadlines"), sections.get("deadlines"), DEADLINE_FIELDS, problems, required=False)
    return RawBlock(block, units, deadlines, problems=problems)


def _row(where: YamlPath, value: object, fields: tuple[str, ...], problems: list[Problem]) -> Row | None:
    if value is None:
        problems.append(Problem(where, "section_missing"))
        return None
    if not isinstance(value, dict):
        problems.append(Problem(where, "not_mapping", {"fields": ", ".join(fields)}))
        return None
    known = known_keys(value, where, fields, problems)
    return Row(where, {field: Cell(known.get(field), where.key(field)) for field in fields})


def _rows(
    where: YamlPath, value: object, fields: tuple[str, ...], problems: list[Problem], *, required: bool
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
            problems.append(Problem(where.item(i), "not_mapping", {"fields": ", ".join(fields)}))
        elif (row := _row(where.item(i), item, fields, problems)) is not None:
            rows.append(row)
    return rows
