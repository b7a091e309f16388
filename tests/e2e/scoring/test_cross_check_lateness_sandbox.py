"""The cross-check's suggested deduction for late or missing reports (issue #12): what the bot recorded of
a unit's submissions becomes a suggestion under the sheet's D1, which the secretariat applies with a button
or ignores; the bot never deducts by itself. Sandbox transcripts; submissions are rows."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy.exc import NoResultFound

from bot.app import App
from bot.channels.sandbox import Sandbox
from handlers.core.catalog import text
from storage.models import Submission
from tests.e2e.scoring.test_scoring_admin_sandbox import (
    CRITERIA_YTE,
    D1_TEXT,
    SIX_MONTH,
    UNITS_PICK,
    line,
    people,
    unit_view,
)
from tests.helpers import deliver

BLOCK = "Khối thi đua Văn hóa - Xã hội"


def local(day: int, month: int, hour: int = 10) -> datetime:
    return datetime(2026, month, day, hour - 7, 0, tzinfo=UTC)


async def submit(app: App, unit_code: str, kind: str, at: datetime, late: bool) -> None:
    """A submission as the deadlines conversation records it (the previous one superseded)."""
    async with app.uow() as uow:
        term = await uow.directory.current_term(1)
        unit = await uow.directory.unit_by_code(1, unit_code)
        assert term is not None and term.id is not None and unit is not None and unit.id is not None
        deadline = next(d for d in await uow.deadlines.of_term(term.id) if d.kind == kind)
        assert deadline.id is not None
        await uow.deadlines.submit(Submission(deadline_id=deadline.id, unit_id=unit.id, kind="document",
                                              file_id="f", file_name="bc.pdf", submitted_at=at, late=late))
        await uow.commit()


async def checked_d1(app: App) -> Decimal | None:
    try:
        return (await line(app, "YTE", "D1")).checked_score
    except NoResultFound:  # the unit left it blank and nobody checked it
        return None


LATE_SIX_MONTH = text("sca.suggest_late", title=SIX_MONTH, due="15/06/2026 17:00", at="20/06/2026 10:00")
HEAD_1 = text("sca.suggest_head", points=1, code="D1", text=D1_TEXT, late_points=1, missing_points=2, max=5)
APPLIED_1 = text("sca.suggest_applied", points=1, code="D1", text=D1_TEXT, late_points=1, missing_points=2, max=5)
APPLY_1 = text("sca.suggest_apply", points=1, code="D1")


async def test_a_late_report_is_suggested_applied_once_by_a_press_and_told_to_the_unit(
        app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    sb = sandbox
    # Sở Y tế: the covenant on Monday 16/03, the effective day of a deadline set on Sunday 15/03: on time;
    # the six-month report late on 20/06, then supplemented: the lapse shows its first submission
    await submit(app, "YTE", "covenant", local(16, 3, 16), late=False)
    await submit(app, "YTE", "six_month_report", local(20, 6), late=True)
    await submit(app, "YTE", "six_month_report", local(25, 6), late=True)
    # Bảo hiểm Xã hội: both on time, the six-month one supplemented after its deadline (bổ sung): no lapse
    await submit(app, "BHXH", "covenant", local(10, 3), late=False)
    await submit(app, "BHXH", "six_month_report", local(10, 6), late=False)
    await submit(app, "BHXH", "six_month_report", local(1, 7), late=False)
    await sb.say("hoa", "/diem")
    assert await sb.say("hoa", "1") == [UNITS_PICK]
    view_bhxh = (await sb.say("hoa", "1"))[0]
    assert text("sca.suggest_apply", points=1, code="D1") not in view_bhxh and "💡" not in view_bhxh
    assert await sb.say("hoa", text("sca.finish_unit")) == [text("sca.finished_nothing", unit="Bảo hiểm Xã hội tỉnh"),
                                                             UNITS_PICK]
    before = unit_view("98", "98", 1, *CRITERIA_YTE, hint=(HEAD_1, LATE_SIX_MONTH), apply=(APPLY_1,))
    assert await sb.say("hoa", "2") == [before]
    assert await checked_d1(app) is None  # shown, not applied

    criteria = (*CRITERIA_YTE[:-2], "D1: – → 1/5 ✎", CRITERIA_YTE[-1])
    after = unit_view("98", "97", 2, *criteria, hint=(APPLIED_1, LATE_SIX_MONTH), apply=())
    assert await sb.say("hoa", "19") == [text("sca.suggest_saved", code="D1", points=1, own=0), after]
    reason = text("sca.suggest_reason", late=1, missing=0)
    saved = await line(app, "YTE", "D1")
    assert (saved.checked_score, saved.check_reason) == (Decimal(1), reason)
    assert await sb.say("hoa", "19") == [text("sca.pick_criterion_again"), after]  # the button is gone
    async with app.uow() as uow:
        checks = [e.detail for e in await uow.audit.entries(block_id) if e.action == "check_score"]
    assert [(c["criterion"], c["new"]) for c in checks] == [("D1", "1.00")]  # applied once

    assert (await sb.say("hoa", text("sca.finish_unit")))[0] == text("sca.finished", count=1, told=1, unit="Sở Y tế")
    assert await deliver(app) == 1
    assert sb.inbox("binh") == ["\n".join([
        text("sca.notice_checked", block=BLOCK, unit="Sở Y tế"),
        text("sca.change_line", code="D1", text=D1_TEXT, own=0, checked=1, reason=reason),
        text("sca.notice_total", final=97, own=98)])]


async def test_ignored_the_suggestion_changes_nothing(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    sb = sandbox
    await sb.say("hoa", "/diem")
    await sb.say("hoa", "1")
    assert await sb.say("hoa", "2") == [unit_view("98", "98", 1, *CRITERIA_YTE)]
    assert (await sb.say("hoa", text("sca.finish_unit")))[0] == text("sca.finished_nothing", unit="Sở Y tế")
    assert await checked_d1(app) is None
    assert await deliver(app) == 0

