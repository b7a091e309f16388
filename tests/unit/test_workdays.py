"""The working calendar as the `holidays` library knows it: make-up Saturdays, days off moved, and
deadlines on a day off running to the next working day (Bộ luật Dân sự 2015, Điều 148)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from handlers.core.catalog import Catalog, text
from handlers.core.clock import LOCAL_TZ
from handlers.deadlines.rules.reminder_policy import Policy, Slot, slots
from handlers.deadlines.rules.workdays import (
    effective_due,
    is_working_day,
    next_working_day,
    shift_working_days,
    working_days_between,
)
from scheduler.reminders import reminder_text
from storage.models import Deadline


def local(y: int, m: int, d: int, hh: int = 17) -> datetime:
    return datetime(y, m, d, hh, 0, tzinfo=LOCAL_TZ)


def test_make_up_saturday_and_substituted_monday_2026() -> None:
    assert is_working_day(date(2026, 8, 22))  # Saturday worked…
    assert not is_working_day(date(2026, 8, 31))  # …so that Monday 31/08 is off
    assert not is_working_day(date(2026, 8, 29))  # an ordinary Saturday stays a day off
    # 7 working days before 03/09/2026: 28, 27, 26, 25, 24, Sat 22 and Fri 21/08 (31/08–02/09 are off)
    assert shift_working_days(date(2026, 9, 3), -7) == date(2026, 8, 21)
    assert working_days_between(date(2026, 8, 21), date(2026, 8, 24)) == 2  # Saturday 22/08 counts


def test_a_deadline_on_a_day_off_runs_to_the_next_working_day() -> None:
    assert effective_due(local(2026, 9, 2)) == local(2026, 9, 3)  # National Day
    assert effective_due(local(2026, 3, 15)) == local(2026, 3, 16)  # a Sunday
    assert effective_due(local(2027, 2, 6, 10)) == local(2027, 2, 11, 10)  # Tết 2027: 04–10/02 off
    assert effective_due(local(2026, 8, 22)) == local(2026, 8, 22)  # the make-up Saturday is a working day
    assert effective_due(local(2026, 8, 29)) == local(2026, 9, 3)  # Sat, Sun, 31/08, 01/09, 02/09 all off


@given(st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 31)))
def test_effective_due_is_the_first_working_day_not_before(day: date) -> None:
    moved = next_working_day(day)
    assert is_working_day(moved) and moved >= day
    assert all(not is_working_day(day + timedelta(days=i)) for i in range((moved - day).days))
    assert effective_due(local(day.year, day.month, day.day)).date() == moved


# Written by hand from the 2026–2027 calendar: (due date as set) -> reminder days and slots
TABLE = {
    date(2026, 9, 2): [  # National Day: runs to Thu 03/09; Sat 22/08 is worked
        ("21/08", "before_7"), ("26/08", "before_3"), ("28/08", "before_1"), ("03/09", "due_day"),
        ("07/09", "overdue_1"), ("09/09", "overdue_2"), ("11/09", "overdue_3")],
    date(2026, 8, 25): [  # before the make-up Saturday and the substituted Monday
        ("17/08", "before_7"), ("21/08", "before_3"), ("24/08", "before_1"), ("25/08", "due_day"),
        ("27/08", "overdue_1"), ("03/09", "overdue_2"), ("07/09", "overdue_3")],
    date(2027, 2, 6): [  # Tết 2027 (04–10/02 off): runs to Thu 11/02
        ("26/01", "before_7"), ("01/02", "before_3"), ("03/02", "before_1"), ("11/02", "due_day"),
        ("15/02", "overdue_1"), ("17/02", "overdue_2"), ("19/02", "overdue_3")],
}


def test_reminder_days_by_hand() -> None:
    for due, expected in TABLE.items():
        got = [(s.at.strftime("%d/%m"), s.name) for s in slots(local(due.year, due.month, due.day), Policy())]
        assert got == expected, due


def test_reminder_wording_counts_the_days_really_left() -> None:
    deadline = Deadline(term_id=1, kind="other", title="Báo cáo", due_at=local(2027, 2, 10))  # Tết: runs to 11/02
    t = Catalog("vi")
    due = text("dl.due_effective", "vi", due="10/02/2027 17:00", effective="11/02/2027 17:00")
    before_1 = reminder_text(t, deadline, Slot(local(2027, 2, 3, 8), "before_1"), "Sở Y tế", local(2027, 2, 3, 8))
    assert before_1.startswith(text("remind.before", "vi", title="Báo cáo", due=due, days=1, unit="Sở Y tế"))
    due_day = reminder_text(t, deadline, Slot(local(2027, 2, 11, 8), "due_day"), "Sở Y tế", local(2027, 2, 11, 8))
    assert due_day.startswith(text("remind.due_day", "vi", title="Báo cáo", due=due, unit="Sở Y tế"))
    assert "Hôm nay là hạn cuối" in due_day and "còn 0" not in before_1 + due_day
