"""What an office file's reader and rules hand each other: values with their place, and the problems found.

A `Cell` carries the value with the place it came from, in the words of its own format, so one set of
rules can name `units[3].code` for YAML and `Sheet "Đơn vị", dòng 5, cột "Mã"` for Excel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final


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


class ProblemsFound(Exception):
    """Internal: carries problems to the file's reader, which words them and raises its own error."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = problems
