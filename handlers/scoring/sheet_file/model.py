"""What a criteria file (bảng tiêu chí chấm điểm) becomes, and the neutral form both readers hand to the rules.

As for block files, readers only locate values and the rules only judge them; a `Cell` (shared with
the block file) carries each value with its place in the terms of its own format:
`sections[0].criteria[2].max` for YAML, sheet "Tiêu chí", row 5, column "Điểm tối đa" for Excel.
Scores are `Decimal` everywhere: a sheet's 0,5 steps must add up exactly.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from handlers.core.office.problems import Cell, Place, Problem, Row, YamlPath

KINDS: Final = ("base", "bonus", "deduction")
SECTIONS: Final = YamlPath("sections")
HEAD_FIELDS: Final = ("title", "step")
SECTION_FIELDS: Final = ("code", "title", "criteria")
CRITERION_FIELDS: Final = ("code", "text", "max")


@dataclass(frozen=True, slots=True)
class CriterionSpec:
    code: str
    text: str
    max: Decimal


@dataclass(frozen=True, slots=True)
class SectionSpec:
    code: str
    title: str
    criteria: tuple[CriterionSpec, ...]

    @property
    def total(self) -> Decimal:
        return sum((c.max for c in self.criteria), Decimal(0))


@dataclass(frozen=True, slots=True)
class SheetLine:
    """One criterion in sheet order, with its kind and section (empty for bonus and deductions)."""

    kind: str
    section_code: str
    section_title: str
    criterion: CriterionSpec


@dataclass(frozen=True, slots=True)
class SheetSpec:
    title: str
    step: Decimal
    sections: tuple[SectionSpec, ...]
    bonus: tuple[CriterionSpec, ...] = ()
    deductions: tuple[CriterionSpec, ...] = ()

    @property
    def base_total(self) -> Decimal:
        return sum((s.total for s in self.sections), Decimal(0))

    def lines(self) -> Iterator[SheetLine]:
        for section in self.sections:
            for criterion in section.criteria:
                yield SheetLine("base", section.code, section.title, criterion)
        for criterion in self.bonus:
            yield SheetLine("bonus", "", "", criterion)
        for criterion in self.deductions:
            yield SheetLine("deduction", "", "", criterion)


@dataclass(slots=True)
class RawSection:
    """A section as read: its code and title cells, its criterion rows (cells code, text, max)."""

    label: Place  # what other problems point back to: YamlPath("sections[1]"), RowNumber(7)
    code: Cell
    title: Cell
    criteria: list[Row]
    where: Place | None  # where "no criteria" is reported; None when the reader already said why


@dataclass(slots=True)
class RawSheet:
    """A file as read. A part is None when the reader already reported it missing or malformed."""

    head: Row | None
    sections: list[RawSection] | None
    bonus: list[Row] = field(default_factory=list)
    deductions: list[Row] = field(default_factory=list)
    sections_where: Place = SECTIONS  # where "no section at all" is reported
    problems: list[Problem] = field(default_factory=list)
