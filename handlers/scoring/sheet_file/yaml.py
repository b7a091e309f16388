"""Reading the YAML form of a criteria file (samples/criteria-2026.yaml).

As for block files, scalars stay text (YAML 1.1 would read a code `1.10` as the number 1.1 and `NO` as
false) and only `null` keeps its meaning; nodes are converted once each, to a bounded depth.
"""

from __future__ import annotations

from typing import Final

from handlers.core.office import reader as office_file
from handlers.core.office.problems import Cell, Problem, Row
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
        return RawSheet(None, None, problems=[Problem("", "not_criteria_file")])
    parts = known_keys(data, "", PARTS, problems)
    head = _row("sheet", parts.get("sheet"), HEAD_FIELDS, problems)
    sections = _sections(parts.get("sections"), problems)
    bonus = _rows("bonus", parts.get("bonus"), CRITERION_FIELDS, problems) or []
    deductions = _rows("deductions", parts.get("deductions"), CRITERION_FIELDS, problems) or []
    return RawSheet(head, sections, bonus, deductions, problems=problems)


def _mapping(where: str, value: object, fields: tuple[str, ...], problems: list[Problem]) -> dict[str, object] | None:
    if value is None:
        problems.append(Problem(where, "part_missing"))
        return None
    if not isinstance(value, dict):
        problems.append(Problem(where, "not_mapping", {"fields": ", ".join(fields)}))
        return None
    return known_keys(value, where, fields, problems)


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
