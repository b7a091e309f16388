"""Moving the yearly cycle's deadlines one year on: the day, the title, the days off."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from handlers.core.clock import LOCAL_TZ
from handlers.deadlines.rules.workdays import is_working_day
from handlers.term.deadline_copy import next_year_due, next_year_title


def local(y: int, m: int, d: int, hh: int = 17, mm: int = 0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=LOCAL_TZ).astimezone(UTC)


def test_a_working_day_moves_one_year_at_the_same_local_time() -> None:
    due, moved_from = next_year_due(local(2026, 11, 30))  # Monday 30/11/2026 → Tuesday 30/11/2027
    assert due == local(2027, 11, 30) and moved_from is None


def test_a_weekend_moves_to_the_next_working_day() -> None:
    due, moved_from = next_year_due(local(2026, 3, 15, 9, 30))  # 15/03/2027 is a Monday; 14/03/2027 a Sunday
    assert due == local(2027, 3, 15, 9, 30) and moved_from is None
    due, moved_from = next_year_due(local(2026, 3, 14))
    assert moved_from == date(2027, 3, 14) and due == local(2027, 3, 15)


def test_a_public_holiday_moves_past_the_whole_break() -> None:
    due, moved_from = next_year_due(local(2026, 4, 30))  # Reunification Day, then Labour Day, then a weekend
    assert moved_from == date(2027, 4, 30)
    day = due.astimezone(LOCAL_TZ).date()
    assert is_working_day(day) and day > date(2027, 5, 1)
    assert all(not is_working_day(date(2027, 4, 30) + timedelta(days=i)) for i in range((day - date(2027, 4, 30)).days))


def test_the_29th_of_february() -> None:
    due, _ = next_year_due(local(2028, 2, 29))
    assert due.astimezone(LOCAL_TZ).date() == date(2029, 2, 28)  # a Wednesday


def test_the_year_in_the_title_follows() -> None:
    assert next_year_title("Báo cáo sơ kết 6 tháng đầu năm 2026", 2026) == "Báo cáo sơ kết 6 tháng đầu năm 2027"
    assert next_year_title("Giao ước thi đua 2026-2030 (năm 2026)", 2026) == "Giao ước thi đua 2026-2030 (năm 2027)"
    assert next_year_title("Kế hoạch 2021–2026, năm 2026", 2026) == "Kế hoạch 2021–2026, năm 2027"
    assert next_year_title("Báo cáo số 120262 năm 2026", 2026) == "Báo cáo số 120262 năm 2027"
    assert next_year_title("Bảng tự chấm điểm", 2026) == "Bảng tự chấm điểm"


@given(st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2060, 12, 31), timezones=st.just(UTC)))
def test_any_due_lands_on_a_working_day_about_a_year_later(due: datetime) -> None:
    moved, moved_from = next_year_due(due)
    day, old = moved.astimezone(LOCAL_TZ).date(), due.astimezone(LOCAL_TZ).date()
    assert is_working_day(day)
    assert moved.astimezone(LOCAL_TZ).time() == due.astimezone(LOCAL_TZ).time()
    assert 364 <= (day - old).days <= 366 + 12  # Tết can close a week and more
    same_day = date(old.year + 1, old.month, 28 if (old.month, old.day) == (2, 29) else old.day)
    assert (day == same_day) == (moved_from is None)
    assert moved_from is None or (moved_from == same_day and day > same_day)
