"""The rules a criteria file must meet, applied to values from either reader.

Every check records a problem and carries on, so the secretariat sees every mistake in one go. Numbers
are read as `Decimal` ("9,5", "9.5", 10 or an Excel number), never computed with floats, and kept to
the two decimals the database stores.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Final

from handlers.core.office.problems import REPORTED, Cell, Place, Problem, ProblemsFound, Row
from handlers.core.office.reader import cell_text, clean_text, kind_name, show
from handlers.scoring.rules.scores import parse_number
from handlers.scoring.rules.scores import show as show_number
from handlers.scoring.sheet_file.model import CriterionSpec, RawSection, RawSheet, SectionSpec, SheetSpec

MAX_TITLE: Final = 200  # the title is also written into the self-assessment deadline's `sheet` (200)
MAX_SECTION_TITLE: Final = 300
MAX_TEXT: Final = 500
MAX_SCORE: Final = Decimal(10000)
CENT: Final = Decimal("0.01")
_NOISE: Final = Decimal("1e-9")  # Excel formulas leave float noise such as 0.30000000000000004
_CODE: Final = re.compile(r"[A-Za-z0-9._-]{1,20}")

# The "Loại" column in Excel: templates write these labels; reading accepts them, the kinds and a few
# short forms, compared case-folded. An empty cell means a base criterion.
KIND_LABELS: Final = {"base": "Tiêu chí", "bonus": "Điểm thưởng", "deduction": "Điểm trừ"}
_KIND_ALIASES: Final = {
    **{kind: kind for kind in KIND_LABELS},
    **{label.casefold(): kind for kind, label in KIND_LABELS.items()},
    "tiêu chí chấm điểm": "base",
    "criterion": "base",
    "thưởng": "bonus",
    "cộng": "bonus",
    "điểm cộng": "bonus",
    "trừ": "deduction",
    "deductions": "deduction",
}


def kind_of(value: object) -> str | None:
    """The kind a "Loại" cell names; None when it names none."""
    if value is None:
        return "base"
    return _KIND_ALIASES.get(clean_text(str(value)).casefold())


def decimal_of(value: object) -> Decimal | None:
    """A number as typed or as Excel stores it; None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        number = Decimal(repr(value))
        if abs(number) <= MAX_SCORE and abs(number - number.quantize(CENT)) < _NOISE:
            number = number.quantize(CENT)
        return number
    if isinstance(value, Decimal):
        return value if value.is_finite() else None
    if isinstance(value, str):
        return parse_number(clean_text(value))
    return None


class _Checker:
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems

    def add(self, where: Place, key: str, **values: object) -> None:
        self.problems.append(Problem(where, key, values))

    def text(self, cell: Cell, limit: int) -> str | None:
        return cell_text(cell, limit, self.problems)

    def code(self, cell: Cell) -> str | None:
        text = self.text(cell, 255)
        if text is None:
            return None
        if not _CODE.fullmatch(text):
            self.add(cell.where, "code_invalid", value=show(text))
            return None
        return text

    def number(self, cell: Cell) -> Decimal | None:
        """A positive number of at most two decimals, up to MAX_SCORE."""
        value = cell.value
        if value is REPORTED:
            return None
        if value is None or (isinstance(value, str) and not clean_text(value)):
            self.add(cell.where, "required")
            return None
        number = decimal_of(value)
        if number is None:
            readable = isinstance(value, str | int | float) and not isinstance(value, bool)
            shown: object = show(value) if readable else kind_name(value)
            self.add(cell.where, "not_number", value=shown)
            return None
        if number <= 0:
            self.add(cell.where, "not_positive", value=show(value))
            return None
        if number > MAX_SCORE:
            self.add(cell.where, "too_big", value=show(value), limit=show_number(MAX_SCORE))
            return None
        if number != number.quantize(CENT):
            self.add(cell.where, "too_precise", value=show(value))
            return None
        return number.quantize(CENT)


class _Codes:
    """Codes seen so far (case-insensitive), with the label of the row that used each first."""

    def __init__(self) -> None:
        self.first: dict[str, Place] = {}

    def claim(self, check: _Checker, code: str | None, label: Place, where: Place, key: str) -> str | None:
        if code is None:
            return None
        first = self.first.get(code.casefold())
        if first is not None:
            check.add(where, key, value=code, first=first)
            return None
        self.first[code.casefold()] = label
        return code


def _criterion(check: _Checker, row: Row, step: Decimal | None, codes: _Codes) -> CriterionSpec | None:
    cells = row.cells
    code = codes.claim(check, check.code(cells["code"]), row.label, cells["code"].where, "criterion_duplicate")
    text = check.text(cells["text"], MAX_TEXT)
    maximum = check.number(cells["max"])
    if maximum is not None and step is not None and maximum % step != 0:
        check.add(cells["max"].where, "off_step", value=show_number(maximum), step=show_number(step))
        maximum = None
    if code is None or text is None or maximum is None:
        return None
    return CriterionSpec(code, text, maximum)


def _section(
    check: _Checker, raw: RawSection, step: Decimal | None, codes: _Codes, sections: _Codes
) -> SectionSpec | None:
    code = sections.claim(check, check.code(raw.code), raw.label, raw.code.where, "section_duplicate")
    title = check.text(raw.title, MAX_SECTION_TITLE)
    if not raw.criteria and raw.where is not None:
        shown = code or (show(raw.code.value) if isinstance(raw.code.value, str) else "?")
        check.add(raw.where, "section_empty", code=shown)
    criteria = [_criterion(check, row, step, codes) for row in raw.criteria]
    if code is None or title is None or not criteria or None in criteria:
        return None
    return SectionSpec(code, title, tuple(c for c in criteria if c is not None))


def validate(raw: RawSheet) -> SheetSpec:
    """The spec, or ProblemsFound with every problem of the file, in the order they appear in it."""
    check = _Checker(list(raw.problems))
    title = step = None
    if raw.head is not None:
        title = check.text(raw.head.cells["title"], MAX_TITLE)
        step = check.number(raw.head.cells["step"])
    codes, section_codes = _Codes(), _Codes()
    sections: list[SectionSpec | None] = []
    if raw.sections is not None:
        if not raw.sections:
            check.add(raw.sections_where, "no_sections")
        sections = [_section(check, section, step, codes, section_codes) for section in raw.sections]
    bonus = [_criterion(check, row, step, codes) for row in raw.bonus]
    deductions = [_criterion(check, row, step, codes) for row in raw.deductions]
    if check.problems or title is None or step is None or raw.sections is None:
        raise ProblemsFound(check.problems)
    return SheetSpec(
        title,
        step,
        tuple(s for s in sections if s is not None),
        tuple(c for c in bonus if c is not None),
        tuple(c for c in deductions if c is not None),
    )
