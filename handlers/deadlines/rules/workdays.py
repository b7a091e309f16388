"""The Vietnamese working calendar: weekends and public holidays (Tết included) are not working days.

Holidays come from the `holidays` library, which follows the official calendar (lunar dates,
substitute days off) year by year; nothing here lists a date by hand.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache

import holidays

from handlers.core.clock import LOCAL_TZ

OFFICE_START = time(8, 0)
OFFICE_END = time(17, 0)


@lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("VN", years=year).keys())


def holiday_name(day: date, lang: str = "vi") -> str | None:
    """The holiday's official name, in Vietnamese unless `lang` is "en"."""
    names = holidays.country_holidays("VN", years=day.year, language="en_US" if lang == "en" else "vi")
    name = names.get(day)
    return str(name) if name else None


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def shift_working_days(day: date, n: int) -> date:
    """The working day `n` working days after (n > 0) or before (n < 0) `day`."""
    step = 1 if n >= 0 else -1
    remaining, current = abs(n), day
    while remaining:
        current += timedelta(days=step)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (negative when `end` is earlier)."""
    if end < start:
        return -working_days_between(end, start)
    return sum(1 for i in range(1, (end - start).days + 1) if is_working_day(start + timedelta(days=i)))


def local_day(moment: datetime) -> date:
    return moment.astimezone(LOCAL_TZ).date()


def at_local(day: date, clock_time: time) -> datetime:
    return datetime.combine(day, clock_time, tzinfo=LOCAL_TZ)


def in_office_hours(moment: datetime) -> bool:
    local = moment.astimezone(LOCAL_TZ)
    return is_working_day(local.date()) and OFFICE_START <= local.time() < OFFICE_END
