"""The Vietnamese working calendar: weekends and public holidays (Tết included) are not working days,
except the make-up working Saturdays the government sets when it moves a day off (2026: Saturday
22/08 is worked so that Monday 31/08 can be off).

Holidays and make-up days come from the `holidays` library, which follows the official calendar
(lunar dates, substitute days off) year by year; nothing here lists a date by hand.

A time limit whose last day is a day off ends on the next working day (Bộ luật Dân sự 2015,
Điều 148): `effective_due` gives that moment, used for lateness and the due-day reminder.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache

import holidays

from handlers.core.clock import LOCAL_TZ

OFFICE_START = time(8, 0)
OFFICE_END = time(17, 0)


@lru_cache(maxsize=64)
def _calendar(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """(days off, make-up working days) of one year, as the library knows them."""
    days = holidays.country_holidays("VN", years=year)
    return frozenset(days.keys()), frozenset(d for d in days.weekend_workdays if d.year == year)


def holiday_name(day: date, lang: str = "vi") -> str | None:
    """The holiday's official name, in Vietnamese unless `lang` is "en"."""
    names = holidays.country_holidays("VN", years=day.year, language="en_US" if lang == "en" else "vi")
    name = names.get(day)
    return str(name) if name else None


def is_working_day(day: date) -> bool:
    off, make_up = _calendar(day.year)
    if day in make_up:
        return True
    return day.weekday() < 5 and day not in off


def next_working_day(day: date) -> date:
    """`day` itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def effective_due(due: datetime) -> datetime:
    """The moment a deadline really ends: on a day off it moves to the next working day, same hour."""
    local = due.astimezone(LOCAL_TZ)
    day = next_working_day(local.date())
    if day == local.date():
        return due
    return datetime.combine(day, local.timetz()).astimezone(due.tzinfo)


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
