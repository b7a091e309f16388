"""The suggested deduction for late or missing submissions (handlers/scoring/rules/lateness.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from handlers.deadlines.rules.workdays import effective_due
from handlers.scoring.rules.lateness import LATE, MISSING, Lapse, Record, deduction_code, lapses, points, suggest

SUNDAY = datetime(2026, 3, 15, 10, 0, tzinfo=UTC)  # 17:00 in Hà Nội, a Sunday: it ends on Monday 16/03
JUNE = datetime(2026, 6, 15, 10, 0, tzinfo=UTC)  # a Monday
NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
SHEET = [("base", "4.1", "Gửi báo cáo sơ kết, tổng kết và bảng tự chấm điểm đúng hạn", Decimal(5)),
         ("bonus", "T1", "Được tặng Cờ thi đua", Decimal(10)),
         ("deduction", "D1", "Gửi báo cáo chậm hoặc không đầy đủ theo yêu cầu của Khối", Decimal(5)),
         ("deduction", "D2", "Có cán bộ, công chức bị kỷ luật từ khiển trách trở lên", Decimal(10))]


def record(due: datetime, first_at: datetime | None = None, late: bool = False) -> Record:
    return Record("Báo cáo", due, effective_due(due), first_at, late)


def test_the_deduction_about_late_reports_is_found_in_the_sheet() -> None:
    assert deduction_code([(k, c, t) for k, c, t, _ in SHEET]) == "D1"  # never the base 4.1, never D2
    assert deduction_code([("deduction", "TR1", "Chậm gửi BÁO CÁO")]) == "TR1"
    assert deduction_code([("deduction", "D2", "Bị kỷ luật")]) is None
    assert deduction_code([]) is None


def test_missing_counts_only_after_the_effective_due_and_a_supplement_keeps_a_unit_on_time() -> None:
    monday_noon = datetime(2026, 3, 16, 5, 0, tzinfo=UTC)
    assert lapses([record(SUNDAY)], monday_noon) == []  # the deadline on a Sunday ends on Monday 17:00
    assert lapses([record(SUNDAY)], datetime(2026, 3, 16, 10, 1, tzinfo=UTC)) == [
        Lapse(MISSING, "Báo cáo", SUNDAY, None)]
    assert lapses([record(JUNE, JUNE + timedelta(days=20), late=False)], NOW) == []  # on time, then bổ sung
    late = JUNE + timedelta(days=5)
    assert lapses([record(JUNE, late, late=True)], NOW) == [Lapse(LATE, "Báo cáo", JUNE, late)]
    assert lapses([record(NOW + timedelta(days=7))], NOW) == []  # not due yet


def test_the_points_are_capped_and_whole_steps() -> None:
    two_missing = [Lapse(MISSING, "a", JUNE, None), Lapse(MISSING, "b", JUNE, None)]
    assert points(two_missing, Decimal(5), Decimal("0.5")) == 4
    assert points([*two_missing, Lapse(LATE, "c", JUNE, JUNE)], Decimal(4), Decimal("0.5")) == 4
    assert points(two_missing, Decimal(3), Decimal(2)) == 2  # 3 is not a whole number of steps of 2
    assert points([Lapse(LATE, "c", JUNE, JUNE)], Decimal(5), Decimal(1), late=Decimal("0.5")) == 0


def test_a_suggestion_names_the_criterion_or_none_and_nothing_without_a_lapse() -> None:
    found = suggest([record(SUNDAY), record(JUNE, JUNE + timedelta(days=1), late=True)], NOW, SHEET, Decimal("0.5"))
    assert found is not None and (found.code, found.points, found.missing, found.late) == ("D1", 3, 1, 1)
    without = suggest([record(SUNDAY)], NOW, SHEET[:2], Decimal("0.5"))
    assert without is not None and (without.code, without.points) == (None, 0)
    assert suggest([record(JUNE, JUNE, late=False)], NOW, SHEET, Decimal("0.5")) is None


@given(st.lists(st.tuples(st.integers(0, 400), st.none() | st.integers(-30, 400), st.booleans()), max_size=12),
       st.sampled_from([Decimal("0.25"), Decimal("0.5"), Decimal(1)]), st.integers(0, 20))
def test_the_suggestion_never_exceeds_the_maximum_and_is_a_whole_number_of_steps(
        rows: list[tuple[int, int | None, bool]], step: Decimal, maximum: int) -> None:
    start = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)
    records = [record(start + timedelta(days=d), None if at is None else start + timedelta(days=d + at), late)
               for d, at, late in rows]
    sheet = [("deduction", "D1", "Gửi báo cáo chậm", Decimal(maximum))]
    found = suggest(records, NOW, sheet, step)
    if found is None:
        return
    assert Decimal(0) <= found.points <= maximum
    assert found.points % step == 0
    assert all(lapse.kind == MISSING or lapse.at is not None for lapse in found.lapses)
