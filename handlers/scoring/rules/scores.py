"""Scores as people type them and as the sheet allows them: `9,5`, `9.5`, `10`; 0 to the maximum, on
the sheet's step. Totals: base sections, plus bonus, minus deductions. Pure functions, no I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal, InvalidOperation

_NUMBER = re.compile(r"^[+]?\d{1,6}([.,]\d{1,4})?$")


@dataclass(frozen=True)
class ScoreError:
    """Why a typed score was refused: `reason` is a catalog key; `nearest` the valid values around it."""

    reason: str  # score.not_number | score.negative | score.above_max | score.off_step
    nearest: tuple[Decimal, ...] = ()


def parse_number(text: str) -> Decimal | None:
    """`9,5` / `9.5` / ` 10 ` → Decimal; anything else (including `1,000.5`, `1e3`, `NaN`) → None."""
    value = text.strip().replace(" ", "")
    if value.startswith("-") and _NUMBER.match(value[1:]):
        return -Decimal(value[1:].replace(",", "."))
    if not _NUMBER.match(value):
        return None
    try:
        return Decimal(value.replace(",", "."))
    except InvalidOperation:
        return None


def parse_score(text: str, maximum: Decimal, step: Decimal) -> Decimal | ScoreError:
    value = parse_number(text)
    if value is None:
        return ScoreError("score.not_number")
    if value < 0:
        return ScoreError("score.negative", (Decimal(0),))
    if value > maximum:
        return ScoreError("score.above_max", (maximum,))
    if value % step != 0:
        below = (value / step).to_integral_value(ROUND_FLOOR) * step
        return ScoreError("score.off_step", tuple(v for v in (below, below + step) if 0 <= v <= maximum))
    return value.quantize(Decimal("0.01"))


def show(value: Decimal | None) -> str:
    """Vietnamese style: `9,5`, `10`, `0,25`; None → `–`."""
    if value is None:
        return "–"
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


@dataclass(frozen=True)
class LineScore:
    kind: str  # base | bonus | deduction
    section: str
    score: Decimal | None


@dataclass(frozen=True)
class Totals:
    sections: dict[str, Decimal]
    base: Decimal
    bonus: Decimal
    deduction: Decimal

    @property
    def total(self) -> Decimal:
        return self.base + self.bonus - self.deduction


def totals(lines: list[LineScore]) -> Totals:
    sections: dict[str, Decimal] = {}
    bonus = deduction = Decimal(0)
    for line in lines:
        value = line.score or Decimal(0)
        if line.kind == "bonus":
            bonus += value
        elif line.kind == "deduction":
            deduction += value
        else:
            sections[line.section] = sections.get(line.section, Decimal(0)) + value
    return Totals(sections, sum(sections.values(), Decimal(0)), bonus, deduction)
