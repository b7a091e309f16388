"""Reading a typed due date: forms accepted, impossible and past dates refused, days off recognised."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from handlers.core.clock import LOCAL_TZ
from handlers.deadlines.rules.due_date import FORMAT, NO_SUCH_DAY, PAST, OffDay, off_day, read_due
from handlers.deadlines.service import clean_title

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 09:00 in Hà Nội


def hanoi(y: int, m: int, d: int, hh: int, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=LOCAL_TZ).astimezone(UTC)


@pytest.mark.parametrize(("text", "expected"), [
    ("30/11/2026 17:00", hanoi(2026, 11, 30, 17)),
    ("30/11/2026", hanoi(2026, 11, 30, 17)),  # a date alone: 17:00
    ("1/12/2026 8:05", hanoi(2026, 12, 1, 8, 5)),
    ("01-12-2026 08:05", hanoi(2026, 12, 1, 8, 5)),
    ("01.12.2026 17h", hanoi(2026, 12, 1, 17)),
    ("01/12/2026 16h30", hanoi(2026, 12, 1, 16, 30)),
    ("01/12/2026 lúc 10:00", hanoi(2026, 12, 1, 10)),
    ("  01/12/2026,   10:00 ", hanoi(2026, 12, 1, 10)),
    ("23/11/2026 09:01", hanoi(2026, 11, 23, 9, 1)),  # a minute from now
    ("31/12/2026 00:00", hanoi(2026, 12, 31, 0)),
])
def test_accepted_forms(text: str, expected: datetime) -> None:
    got = read_due(text, NOW)
    assert (got.at, got.error) == (expected, None)
    assert got.at is not None and got.at.tzinfo is not None


@pytest.mark.parametrize(("text", "error"), [
    ("32/13/2026", NO_SUCH_DAY),
    ("31/11/2026", NO_SUCH_DAY),
    ("29/02/2027", NO_SUCH_DAY),
    ("30/11/2026 24:00", NO_SUCH_DAY),
    ("30/11/2026 17:60", NO_SUCH_DAY),
    ("30/11/26", FORMAT),
    ("2026-11-30", FORMAT),
    ("30/11/2026 17", FORMAT),
    ("30/11/2026 5pm", FORMAT),
    ("ngày mai", FORMAT),
    ("", FORMAT),
    (None, FORMAT),
    ("30/11/2026 17:00 nhé", FORMAT),
    ("23/11/2026 09:00", PAST),  # now is not in the future
    ("20/11/2026", PAST),
    ("01/01/2020 08:00", PAST),
])
def test_refused(text: str | None, error: str) -> None:
    got = read_due(text, NOW)
    assert got.error == error
    assert (got.at is not None) == (error == PAST)  # a past time is still read, to be shown back


def test_leap_day_exists_in_2028() -> None:
    assert read_due("29/02/2028", NOW).at == hanoi(2028, 2, 29, 17)


@pytest.mark.parametrize(("day", "expected"), [
    (date(2026, 11, 24), OffDay("Ngày Văn hóa Việt Nam", 1)),
    (date(2026, 9, 2), OffDay("Quốc khánh", 2)),
    (date(2027, 2, 8), OffDay("Mùng ba Tết Nguyên Đán", 0)),  # Tết moves with the lunar calendar
    (date(2026, 12, 5), OffDay(None, 5)),
    (date(2026, 12, 6), OffDay(None, 6)),
    (date(2026, 11, 30), None),
])
def test_days_off(day: date, expected: OffDay | None) -> None:
    assert off_day(day) == expected


def test_holiday_in_english() -> None:
    assert off_day(date(2026, 11, 24), "en") == OffDay("Vietnam Cultural Day", 1)


@pytest.mark.parametrize(("text", "expected"), [
    ("  Báo cáo   chuyên đề  ", "Báo cáo chuyên đề"),
    ("abc", "abc"),
    ("ab", None),
    ("123", None),
    ("/hannop", None),
    ("x" * 300, "x" * 300),
    ("x" * 301, None),
    (None, None),
])
def test_titles(text: str | None, expected: str | None) -> None:
    assert clean_title(text) == expected
