"""The new year's deadlines, copied from the yearly cycle of the year handed over.

At the handover only the cycle's own kinds are copied (covenant, six-month report, year-end report,
self-assessment); a custom deadline may have been a one-off, so the new secretariat copies those on
request (handlers/term/carry_over.py). A deadline the new term already has (same kind and title) is not
copied again. The due day and month move one year on at the same local time (29/02
becomes 28/02), the year in the title follows ("… năm 2026" → "… năm 2027"), and a due day that is not a
working day moves to the next working day, as the Civil Code (art. 148) counts a period ending on a
day off. A date that has already passed is not created (its reminders would all be overdue at once):
the secretariat adds it by hand if it still matters. The criteria file name is not copied: the new
year's sheet is adopted on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from handlers.core.clock import LOCAL_TZ, to_local
from handlers.deadlines.rules.workdays import is_working_day, shift_working_days
from storage.models import Deadline, Term
from storage.uow import UnitOfWork

CYCLE_KINDS = ("covenant", "six_month_report", "year_end_report", "self_assessment")


@dataclass(frozen=True)
class Shifted:
    title: str
    old: date  # the same day one year on, not a working day
    new: date


@dataclass
class CopiedDeadlines:
    created: list[Deadline] = field(default_factory=list)
    shifted: list[Shifted] = field(default_factory=list)
    skipped: list[tuple[str, datetime]] = field(default_factory=list)  # (title, due) already past


def next_year_title(title: str, year: int) -> str:
    """The year named in the title moves on; a period such as 2026-2030 stays as it is."""
    return re.sub(rf"(?<!\d)(?<!\d[-–]){year}(?!\d)(?![-–]\d)", str(year + 1), title)


def next_year_due(due: datetime) -> tuple[datetime, date | None]:
    """The due time one year on, and the day it would have fallen on when that is not a working day."""
    local = to_local(due)
    day = date(local.year + 1, local.month, 28 if (local.month, local.day) == (2, 29) else local.day)
    moved_from = None
    if not is_working_day(day):
        moved_from, day = day, shift_working_days(day, 1)
    return datetime.combine(day, local.time(), tzinfo=LOCAL_TZ).astimezone(UTC), moved_from


async def copy_cycle(uow: UnitOfWork, old: Term, new: Term, now: datetime,
                     kinds: tuple[str, ...] = CYCLE_KINDS) -> CopiedDeadlines:
    assert old.id is not None and new.id is not None
    result = CopiedDeadlines()
    seen = {(d.kind, d.title) for d in await uow.deadlines.of_term(new.id, include_cancelled=True)}
    for deadline in await uow.deadlines.of_term(old.id):  # cancelled ones are left behind
        if deadline.kind not in kinds:
            continue
        title = next_year_title(deadline.title, old.year)
        due, moved_from = next_year_due(deadline.due_at)
        if (deadline.kind, title) in seen:
            continue
        seen.add((deadline.kind, title))
        if due <= now:
            result.skipped.append((title, due))
            continue
        row = Deadline(term_id=new.id, kind=deadline.kind, title=title, due_at=due,
                       reminder_policy=dict(deadline.reminder_policy) if deadline.reminder_policy else None)
        uow.deadlines.add(row)
        result.created.append(row)
        if moved_from is not None:
            result.shifted.append(Shifted(title, moved_from, to_local(due).date()))
    await uow.flush()
    return result
