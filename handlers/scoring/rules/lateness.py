"""A suggested deduction for late or missing submissions, from what the bot recorded. Pure.

The cross-check shows it to the secretariat, who applies it with a button or ignores it: the bot never
deducts by itself. A deadline counts when its effective due time (a day off moves it to the end of the
next working day) has passed with nothing submitted (missing), or when the unit's submission is late;
a unit that first submitted on time and supplemented later (bổ sung) is on time. Each late submission
suggests `LATE_POINTS`, each missing one `MISSING_POINTS`, capped at the criterion's maximum and rounded
down to the sheet's step.

The criterion is the sheet's deduction whose text is about reports sent late or incompletely (the
sample's D1 «Gửi báo cáo chậm hoặc không đầy đủ theo yêu cầu của Khối»); a sheet without one gets the
list of lapses and no points.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_FLOOR, Decimal
from typing import Final

LATE_POINTS: Final = Decimal(1)  # per report sent after its deadline
MISSING_POINTS: Final = Decimal(2)  # per report never sent by its deadline
LATE, MISSING = "late", "missing"
DEDUCTION = "deduction"
_ABOUT_REPORTS: Final = ("bao cao", "ho so", "van ban")
_ABOUT_TIMING: Final = ("cham", "muon", "tre", "han", "khong day du", "khong gui", "khong nop")


@dataclass(frozen=True)
class Record:
    """One deadline as the unit stands with it."""

    title: str
    due: datetime  # as set; shown with its effective date beside it
    effective: datetime  # when it really ends (Bộ luật Dân sự 2015, Điều 148)
    first_at: datetime | None  # the unit's first submission, None when it has none standing
    late: bool  # the unit's standing submission is late (a supplement after an on-time one is not)


@dataclass(frozen=True)
class Lapse:
    kind: str  # LATE | MISSING
    title: str
    due: datetime
    at: datetime | None  # when it was submitted (LATE)


@dataclass(frozen=True)
class Suggestion:
    lapses: tuple[Lapse, ...]
    code: str | None  # the deduction criterion, None when the sheet has none about reports
    points: Decimal  # 0 without a criterion

    @property
    def late(self) -> int:
        return sum(1 for lapse in self.lapses if lapse.kind == LATE)

    @property
    def missing(self) -> int:
        return sum(1 for lapse in self.lapses if lapse.kind == MISSING)


def fold(text: str) -> str:
    """Lower case, no accents, single spaces: «Gửi báo cáo CHẬM» → "gui bao cao cham"."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).casefold().split())


def deduction_code(criteria: Sequence[tuple[str, str, str]]) -> str | None:
    """The code of the deduction (kind, code, text) about reports sent late or incompletely, if any."""
    for kind, code, text in criteria:
        folded = f" {fold(text)} "
        if kind == DEDUCTION and any(w in folded for w in _ABOUT_REPORTS) and any(
                f" {w} " in folded for w in _ABOUT_TIMING):
            return code
    return None


def lapses(records: Sequence[Record], now: datetime) -> list[Lapse]:
    """Late submissions, and deadlines past their effective end with nothing submitted, by due date."""
    found = []
    for r in sorted(records, key=lambda r: (r.due, r.title)):
        if r.first_at is None and now > r.effective:
            found.append(Lapse(MISSING, r.title, r.due, None))
        elif r.first_at is not None and r.late:
            found.append(Lapse(LATE, r.title, r.due, r.first_at))
    return found


def points(found: Sequence[Lapse], maximum: Decimal, step: Decimal, late: Decimal = LATE_POINTS,
           missing: Decimal = MISSING_POINTS) -> Decimal:
    """The deduction the lapses suggest: capped at the maximum, a whole number of steps."""
    total = sum((late if lapse.kind == LATE else missing for lapse in found), Decimal(0))
    capped = min(max(total, Decimal(0)), max(maximum, Decimal(0)))
    if step <= 0:
        return capped
    return (capped / step).to_integral_value(rounding=ROUND_FLOOR) * step


def suggest(records: Sequence[Record], now: datetime, criteria: Sequence[tuple[str, str, str, Decimal]],
            step: Decimal) -> Suggestion | None:
    """The suggestion for one unit, None when it has no lapse. `criteria`: (kind, code, text, max)."""
    found = lapses(records, now)
    if not found:
        return None
    code = deduction_code([(kind, c, text) for kind, c, text, _ in criteria])
    maximum = next((m for _, c, _, m in criteria if c == code), Decimal(0))
    return Suggestion(tuple(found), code, points(found, maximum, step) if code is not None else Decimal(0))
