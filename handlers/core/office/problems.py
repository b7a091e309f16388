"""What an office file's reader and rules hand each other: values with their place, and the problems found.

A `Cell` carries the value with the place it came from, in the terms of its own format, so one set of
rules can name `units[3].code` for YAML and sheet "Đơn vị", row 5, column "Mã" for Excel. A place is a
typed value, never a sentence: the file's reader words it in the reader's language, through the catalog
(`handlers.core.office.places`), when a problem is shown to a person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final


@dataclass(frozen=True, slots=True)
class YamlPath:
    """A place in a YAML document by its keys and indexes, `sections[0].criteria[2].max`: the file's own
    names, the same in every language. The empty path is the whole document."""

    path: str = ""

    def key(self, name: object) -> YamlPath:
        return YamlPath(f"{self.path}.{name}" if self.path else str(name))

    def item(self, index: int) -> YamlPath:
        return YamlPath(f"{self.path}[{index}]")


@dataclass(frozen=True, slots=True)
class Sheet:
    """A whole sheet of a workbook, by its title as written."""

    sheet: str


@dataclass(frozen=True, slots=True)
class SheetRow:
    """A row of a sheet (1-based, as Excel numbers it)."""

    sheet: str
    row: int


@dataclass(frozen=True, slots=True)
class SheetCell:
    """A cell of a table, by its row and the column's label as the header row writes it."""

    sheet: str
    row: int
    column: str


@dataclass(frozen=True, slots=True)
class LabelledCell:
    """The value of a labelled sheet's row (label in column A, value in B), by its row and label."""

    sheet: str
    row: int
    label: str


@dataclass(frozen=True, slots=True)
class SheetItem:
    """An item of a labelled sheet that has no row, by the label templates write for it."""

    sheet: str
    item: str


@dataclass(frozen=True, slots=True)
class RowNumber:
    """A row of the sheet a problem is already about, which it points back to ("first given on row 2")."""

    row: int


Place = YamlPath | Sheet | SheetRow | SheetCell | LabelledCell | SheetItem | RowNumber


@dataclass(frozen=True, slots=True)
class ValueKind:
    """What a value that should have been text or a number is ("bool", "number", "datetime", "date",
    "time", "list", "mapping", or Python's name of any other type); worded like a place."""

    name: str


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file: where (None: the file as a whole), and a message key with its values
    (a value may be a `Place`, such as the row a duplicate was first given on)."""

    where: Place | None
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
    where: Place


@dataclass(frozen=True, slots=True)
class Row:
    label: Place  # what other problems point back to: YamlPath("units[0]"), RowNumber(2)
    cells: dict[str, Cell]


class ProblemsFound(Exception):
    """Internal: carries problems to the file's reader, which words them and raises its own error."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = problems
