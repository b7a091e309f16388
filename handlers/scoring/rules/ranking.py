"""Final scores and the ranking. Pure functions, no I/O.

The final score of a criterion is the secretariat's checked score where one was given, else the
unit's self score. Units are ranked by their final total, highest first; equal totals share a rank
("1, 2, 2, 4") and are flagged: the block settles them by vote, the bot never breaks a tie.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, Protocol, TypeVar

from handlers.scoring.rules.scores import LineScore, Totals, totals

SELF, CHECKED, FINAL = "self", "checked", "final"
K = TypeVar("K", bound=Hashable)


class CriterionLike(Protocol):
    @property
    def kind(self) -> str: ...  # base | bonus | deduction

    @property
    def section_code(self) -> str: ...

    @property
    def code(self) -> str: ...


@dataclass(frozen=True)
class Mark:
    """One criterion of one unit: what the unit gave itself and what the secretariat checked."""

    self_score: Decimal | None = None
    checked: Decimal | None = None

    @property
    def final(self) -> Decimal | None:
        return self.checked if self.checked is not None else self.self_score

    @property
    def changed(self) -> bool:
        """The check differs from the self score (a blank self score counts as 0): a reason is owed."""
        return self.checked is not None and self.checked != (self.self_score or Decimal(0))

    def score(self, which: str) -> Decimal | None:
        return self.self_score if which == SELF else self.checked if which == CHECKED else self.final


def unit_totals(criteria: Sequence[CriterionLike], marks: Mapping[str, Mark], which: str = FINAL) -> Totals:
    """Section subtotals, bonus, deductions and total of one unit; a blank criterion counts 0."""
    return totals([LineScore(c.kind, c.section_code, marks.get(c.code, Mark()).score(which)) for c in criteria])


@dataclass(frozen=True)
class Standing(Generic[K]):
    key: K
    total: Decimal
    rank: int
    tied: bool  # another unit has exactly the same total: "đồng điểm — bình xét bằng biểu quyết"


def rank(entries: Sequence[tuple[K, Decimal]]) -> list[Standing[K]]:
    """Highest total first; equal totals share the rank of the first of them and are flagged.
    Among equals the given order is kept (it decides nothing, it only lists)."""
    counts = Counter(total for _key, total in entries)
    ordered = sorted(entries, key=lambda entry: -entry[1])
    standings: list[Standing[K]] = []
    for position, (key, total) in enumerate(ordered, 1):
        shared = standings[-1].rank if standings and standings[-1].total == total else position
        standings.append(Standing(key, total, shared, counts[total] > 1))
    return standings


def tie_groups(standings: Sequence[Standing[K]]) -> list[list[Standing[K]]]:
    """The groups of tied units, in ranking order: what the conference votes on."""
    groups: dict[int, list[Standing[K]]] = {}
    for standing in standings:
        if standing.tied:
            groups.setdefault(standing.rank, []).append(standing)
    return list(groups.values())
