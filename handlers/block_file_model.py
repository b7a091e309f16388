"""What a block file becomes, and the neutral form both readers hand to the rules.

Readers (YAML, Excel) only locate values; the rules only judge them. A `Cell` carries the value
with the place it came from, in the words of its own format, so one set of rules can name
`units[3].code` for YAML and `Sheet "Đơn vị", dòng 5, cột "Mã"` for Excel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Final

DEADLINE_KINDS: Final = ("covenant", "six_month_report", "year_end_report", "self_assessment", "custom")

# Canonical field names of each part of a block file (YAML keys; Excel maps its labels to these).
BLOCK_FIELDS: Final = ("name", "province", "year", "head", "deputy")
UNIT_FIELDS: Final = ("code", "name")
DEADLINE_FIELDS: Final = ("kind", "title", "due", "sheet")


@dataclass(frozen=True, slots=True)
class UnitSpec:
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class DeadlineSpec:
    kind: str
    title: str
    due: datetime  # aware, UTC
    sheet: str | None = None


@dataclass(frozen=True, slots=True)
class BlockSpec:
    name: str
    province: str
    year: int
    head: str
    deputy: str | None
    units: tuple[UnitSpec, ...]
    deadlines: tuple[DeadlineSpec, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file: where, and a message key with its values (see MESSAGES)."""

    where: str
    key: str
    values: dict[str, object] = field(default_factory=dict)


class Reported:
    """Marks a value whose absence the reader already reported (a missing column), so the rules
    stay silent instead of repeating it on every row."""

    def __repr__(self) -> str:
        return "REPORTED"


REPORTED: Final = Reported()


@dataclass(frozen=True, slots=True)
class Cell:
    value: object  # None when absent; REPORTED when its absence is already a problem
    where: str


@dataclass(frozen=True, slots=True)
class Row:
    label: str  # short name other problems point back to: "units[0]", "dòng 2"
    cells: dict[str, Cell]


@dataclass(slots=True)
class RawBlock:
    """A file as read. A part is None when the reader already reported it missing or malformed."""

    block: Row | None
    units: list[Row] | None
    deadlines: list[Row] | None
    units_where: str = "units"  # where a problem with the whole list of units is reported
    problems: list[Problem] = field(default_factory=list)


class ProblemsFound(Exception):
    """Internal: carries problems up to `block_file`, which words them and raises BlockFileError."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = problems
