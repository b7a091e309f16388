"""Reading the YAML form of a criteria file (samples/criteria-2026.yaml).

As for block files, scalars stay text (YAML 1.1 would read a code `1.10` as the number 1.1 and `NO` as
false) and only `null` keeps its meaning; nodes are converted once each, to a bounded depth.
"""

from __future__ import annotations

from typing import Final

from handlers.core.office import reader as office_file
from handlers.core.office.problems import Cell, Problem, Row, YamlPath
from handlers.core.office.reader import known_keys
from handlers.scoring.sheet_file.model import CRITERION_FIELDS, HEAD_FIELDS, SECTION_FIELDS, RawSection, RawSheet

_MAX_DEPTH: Final = 5  # file → sections → section → criteria → criterion → field value
PARTS: Final = ("sheet", "sections", "bonus", "deductions")


def read_yaml(text: str) -> RawSheet:
    data, problems = office_file.read_yaml(text, _MAX_DEPTH)
    raw = raw_from_data(data)
    raw.problems[:0] = problems
    return raw


def raw_from_data(data: object) -> RawSheet:
    """Plain data shaped like the YAML file (from YAML, JSON or a test) in the rules' form."""
    problems: list[Problem] = []
    if not isinstance(data, dict):
        return RawSheet(None, None, problems=[Problem(None, "not_criteria_file")])
    top = YamlPath()
    parts = known_keys(data, top, PARTS, problems)
    head = _row(top.key("sheet"), parts.get("sheet"), HEAD_FIELDS, problems)
    sections = _sections(parts.get("sections"), problems)
    bonus = _rows(top.key("bonus"), parts.get("bonus"), CRITERION_FIELDS, problems) or []
    deductions = _rows(top.key("deductions"), parts.get("deductions"), CRITERION_FIELDS, problems) or []
    return RawSheet(head, sections, bonus, deductions, problems=problems)


def _mapping(
    where: YamlPath, value: object, fields: tuple[str, ...], problems: list[Problem]
) -> dict[str, object] | None:
    if value is None:
        problems.append(Problem(where, "part_missing"))
        return None
    if not isinstance(value, dict):
        problems.append(Problem(where, "not_mapping", {"fields": ", ".join(fields)}))
        return None
    return known_keys(value, where, fields, problems)


def _row(where: YamlPath, value: object, fields: tuple[str, ...], problems: list[Problem]) -> Row | None:
    known = _mapping(where, value, fields, problems)
    if known is None:
        return None
    return Row(where, {field: Cell(known.get(field), where.key(field)) for field in fields})


def _items(where: YamlPath, value: object, problems: list[Problem]) -> list[object] | None:
    if not isinstance(value, list):
        problems.append(Problem(where, "not_list"))
        return None
    return value


def _rows(where: YamlPath, value: object, fields: tuple[str, ...], problems: list[Problem]) -> list[Row] | None:
    if value is None:
        return []
    items = _items(where, value, problems)
    rows = (_row(where.item(i), item, fields, problems) for i, item in enumerate(items or ()))
    return None if items is None else [row for row in rows if row is not None]


def _sections(value: object, problems: list[Problem]) -> list[RawSection] | None:
    top = YamlPath("sections")
    if value is None:
        problems.append(Problem(top, "part_missing"))
        return None
    items = _items(top, value, problems)
    if items is None:
        return None
    sections: list[RawSection] = []
    for i, item in enumerate(items):
        where = top.item(i)
        known = _mapping(where, item, SECTION_FIELDS, problems)
        if known is None:
            continue
        criteria = known.get("criteria")
        rows = _rows(where.key("criteria"), criteria, CRITERION_FIELDS, problems)
        # an empty list, or none at all, is the rules' business; a malformed one was reported here
        said = rows is None or (isinstance(criteria, list) and len(rows) < len(criteria))
        code, title = Cell(known.get("code"), where.key("code")), Cell(known.get("title"), where.key("title"))
        sections.append(RawSection(where, code, title, rows or [], None if said else where.key("criteria")))
    return sections
