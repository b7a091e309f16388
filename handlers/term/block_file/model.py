"""What a block file becomes, and the neutral form both readers hand to the rules.

Readers (YAML, Excel) only locate values; the rules only judge them. A `Cell` carries the value
with the place it came from, in the terms of its own format, so one set of rules can name
`units[3].code` for YAML and sheet "Đơn vị", row 5, column "Mã" for Excel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Final

from handlers.core.office.problems import Place, Problem, Row, YamlPath

# Canonical field names of each part of a block file (YAML keys; Excel maps its labels to these).
BLOCK_FIELDS: Final = ("name", "province", "year", "head", "deputy")
UNIT_FIELDS: Final = ("code", "name")
UNITS: Final = YamlPath("units")
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


@dataclass(slots=True)
class RawBlock:
    """A file as read. A part is None when the reader already reported it missing or malformed."""

    block: Row | None
    units: list[Row] | None
    deadlines: list[Row] | None
    units_where: Place = UNITS  # where a problem with the whole list of units is reported
    problems: list[Problem] = field(default_factory=list)
