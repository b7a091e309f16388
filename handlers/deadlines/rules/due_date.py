"""Reading a due date as the secretariat types it: "dd/mm/yyyy HH:MM", or "dd/mm/yyyy" meaning 17:00,
always Asia/Ho_Chi_Minh. Pure: the chat flow and the command line word the outcome themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from handlers.core.clock import LOCAL_TZ
from handlers.deadlines.rules.workdays import holiday_name, is_working_day

DEFAULT_TIME = time(17, 0)  # end of the office day: a date alone means "by the end of that day"

# 30/11/2026 17:00, 30-11-2026 17h, 30.11.2026, 17h30, "30/11/2026 lúc 17:00", "30/11/2026, 17:00"
_DUE = re.compile(
    r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"
    r"(?:[\s,]+(?:lúc\s+)?(?P<hh>\d{1,2})\s*(?::\s*(?P<mm>\d{2})|[hg]\s*(?P<mm2>\d{2})?))?",
    re.IGNORECASE,
)

FORMAT, NO_SUCH_DAY, PAST = "format", "no_such_day", "past"


@dataclass(frozen=True)
class DueInput:
    """The outcome of reading a due date: `at` (aware UTC) or an `error` (FORMAT, NO_SUCH_DAY, PAST)."""

    at: datetime | None = None
    error: str | None = None

    @property
    def day(self) -> date:
        assert self.at is not None
        return self.at.astimezone(LOCAL_TZ).date()


def read_due(text: str | None, now: datetime) -> DueInput:
    match = _DUE.fullmatch(" ".join((text or "").split()))
    if match is None:
        return DueInput(error=FORMAT)
    hour = int(match["hh"]) if match["hh"] else DEFAULT_TIME.hour
    minute = int(match["mm"] or match["mm2"] or 0) if match["hh"] else DEFAULT_TIME.minute
    try:
        local = datetime(int(match["y"]), int(match["m"]), int(match["d"]), hour, minute, tzinfo=LOCAL_TZ)
    except ValueError:  # 32/13/2026, 25:00
        return DueInput(error=NO_SUCH_DAY)
    at = local.astimezone(UTC)
    if at <= now:
        return DueInput(at=at, error=PAST)
    return DueInput(at=at)


@dataclass(frozen=True)
class OffDay:
    """Why a day is not a working day: a public holiday (named) or a weekend day (0 = Monday)."""

    holiday: str | None
    weekday: int


def off_day(day: date, lang: str = "vi") -> OffDay | None:
    if is_working_day(day):
        return None
    return OffDay(holiday_name(day, lang), day.weekday())
