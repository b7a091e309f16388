"""The handover says what it carried over and what it did not (issue #12), and the new secretariat copies
the rest with a button each: the 2026 scoring sheet and the custom deadlines, moved to 2027. Pressing
twice copies once. Sandbox transcripts (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from bot.app import App
from bot.channels.sandbox import Sandbox
from handlers.core.catalog import text
from handlers.term import carry_over
from storage.models import AuditLog, CriteriaSheet, Criterion, Deadline, Term
from tests.e2e.term.test_handover_sandbox import BLOCK, CYCLE_2027, VOTERS, elect, people, register
from tests.helpers import cast_test_ballot, close_test_poll, deliver, open_test_poll
from tests.integration.test_scoring_exports import add_sample_sheet

SHEET_2026, SHEET_2027 = "Bảng tiêu chí chấm điểm thi đua năm 2026", "Bảng tiêu chí chấm điểm thi đua năm 2027"
CUSTOM_2026 = "Báo cáo chuyên đề chuyển đổi số năm 2026"
CUSTOM_2027 = "Báo cáo chuyên đề chuyển đổi số năm 2027"


async def seed(app: App, block_id: int) -> None:
    """2026 has the sample sheet, a custom deadline on Thursday 10/12/2026 and a cancelled one."""
    async with app.uow() as uow:
        await add_sample_sheet(uow, block_id, app.clock.now())
        term = await uow.directory.current_term(block_id)
        assert term is not None and term.id is not None
        uow.deadlines.add(Deadline(term_id=term.id, kind="custom", title=CUSTOM_2026,
                                   due_at=datetime(2026, 12, 10, 10, 0, tzinfo=UTC)))
        uow.deadlines.add(Deadline(term_id=term.id, kind="custom", title="Hội nghị đã hủy năm 2026",
                                   due_at=datetime(2026, 12, 11, 10, 0, tzinfo=UTC), cancelled_at=app.clock.now()))
        await uow.commit()


def summary(*left: str) -> list[str]:
    return [text("handover.carry.head", year=2027),
            text("handover.carry.cycle", count=4, old_year=2026, titles=CYCLE_2027), *left]


DONE_ALREADY = text("handover.done_already", block=BLOCK, year=2027)
SHEET_LEFT = text("handover.carry.sheet_left", title=SHEET_2026, count=16)
CUSTOM_LEFT = text("handover.carry.custom_left", count=1, titles=CUSTOM_2026)
OFFER = text("handover.carry.offer", year=2027)
ASK = text("handover.carry.ask", year=2027)
COPY_SHEET, FINISH = text("handover.carry.copy_sheet"), text("handover.carry.finish")
COPY_CUSTOM = text("handover.carry.copy_custom", count=1)


async def test_the_new_secretariat_is_told_what_was_left_and_copies_it_once(
        app: App, block_id: int, sandbox: Sandbox) -> None:
    sb = sandbox
    await people(app, block_id, sb)
    await seed(app, block_id)
    await elect(app, block_id, "head", "CDNDTNT")
    await elect(app, block_id, "deputy", "YTE")
    await sb.say("hoa", "/bangiao")
    done = (await sb.say("hoa", "1"))[0].split("\n")
    assert done[2:] == [*summary(SHEET_LEFT, CUSTOM_LEFT), OFFER]  # hoa is no longer the secretariat: no buttons
    await deliver(app)
    assert sb.inbox("lan")[0].split("\n")[2:] == [*summary(SHEET_LEFT, CUSTOM_LEFT), OFFER]

    step = "\n".join([*summary(SHEET_LEFT, CUSTOM_LEFT), ASK, f"[1] {COPY_SHEET}", f"[2] {COPY_CUSTOM}",
                      f"[3] {FINISH}"])
    assert await sb.say("lan", "/bangiao") == [DONE_ALREADY, step]
    assert await sb.say("lan", "xin chào") == [text("choose_from_menu"), step]
    stale = sb.channel.last_with_choices(sb.chat_of("lan"))
    assert stale is not None
    there = text("handover.carry.sheet_there", year=2027, title=SHEET_2027)
    after_sheet = "\n".join([*summary(there, CUSTOM_LEFT), ASK, f"[1] {COPY_CUSTOM}", f"[2] {FINISH}"])
    assert await sb.say("lan", "1") == [text("handover.carry.sheet_copied", year=2027, title=SHEET_2027),
                                        after_sheet]
    await sb.press("lan", "sheet", stale.version)  # a double tap on the old message: nothing copied again
    sb.inbox("lan")
    assert await sb.say("lan", "1") == [text("handover.carry.custom_copied", count=1, year=2027),
                                        text("handover.carry.all_done", year=2027)]
    assert await sb.say("lan", "/bangiao") == [DONE_ALREADY]
    assert await sb.say("hoa", "/bangiao") == [text("not_allowed")]

    async with app.uow() as uow:  # the service itself: a second copy changes nothing
        assert await carry_over.copy_sheet(uow, block_id, app.clock.now(), "operator") == carry_over.ALREADY
        assert (await carry_over.copy_custom(uow, block_id, app.clock.now(), "operator")).created == []
        await uow.commit()
    async with app.uow() as uow:
        s = uow.session
        new = (await s.exec(select(Term).where(Term.year == 2027))).one()
        sheets = (await s.exec(select(CriteriaSheet).where(CriteriaSheet.term_id == new.id))).all()
        assert [(x.title, x.active) for x in sheets] == [(SHEET_2027, True)]
        codes = [c.code for c in (await s.exec(select(Criterion).where(Criterion.sheet_id == sheets[0].id))).all()]
        assert len(codes) == 16 and "D1" in codes
        custom = (await s.exec(select(Deadline).where(Deadline.term_id == new.id, Deadline.kind == "custom"))).all()
        assert [(d.title, d.due_at.replace(tzinfo=UTC)) for d in custom] == [
            (CUSTOM_2027, datetime(2027, 12, 10, 10, 0, tzinfo=UTC))]  # Friday 10/12/2027 17:00, the cancelled one not
        actions = [e.action for e in (await s.exec(select(AuditLog))).all()]
        assert (actions.count("carry_sheet"), actions.count("carry_deadlines")) == (1, 1)


async def test_a_re_elected_head_unit_copies_right_after_the_confirmation(
        app: App, block_id: int, sandbox: Sandbox) -> None:
    """BHXH, the head in 2026, is elected again: hoa stays the secretariat and gets the buttons at once."""
    sb = sandbox
    await people(app, block_id, sb)
    await seed(app, block_id)
    poll_id = await open_test_poll(app, block_id, ["BHXH", "YTE"], question="Bầu Trưởng khối năm 2027", kind="head")
    for voter in VOTERS[:8]:
        await cast_test_ballot(app, block_id, poll_id, voter, ["BHXH"])
    await close_test_poll(app, poll_id)
    await elect(app, block_id, "deputy", "YTE")
    await sb.say("hoa", "/bangiao")
    out = await sb.say("hoa", "1")
    assert out[0].startswith("✅ Đã bàn giao: năm thi đua 2027 bắt đầu, Bảo hiểm Xã hội tỉnh là Trưởng khối")
    assert out[1] == "\n".join([*summary(SHEET_LEFT, CUSTOM_LEFT), ASK, f"[1] {COPY_SHEET}", f"[2] {COPY_CUSTOM}",
                                f"[3] {FINISH}"])
    assert await sb.say("hoa", "3") == [text("handover.carry.finish_said")]
    async with app.uow() as uow:
        found = await carry_over.read(uow, block_id)
    assert found is not None and found.pending  # nothing copied without a press


async def test_two_of_the_new_secretariat_press_at_once_and_the_sheet_is_copied_once(
        app: App, block_id: int, sandbox: Sandbox) -> None:
    sb = sandbox
    c = await people(app, block_id, sb)
    await register(sb, "minh", c["CDNDTNT"], "Đỗ Văn Minh", "0915 444 555")
    await seed(app, block_id)
    await elect(app, block_id, "head", "CDNDTNT")
    await elect(app, block_id, "deputy", "YTE")
    await sb.say("hoa", "/bangiao")
    await sb.say("hoa", "1")
    assert (await sb.say("lan", "/bangiao"))[1].endswith(f"[1] {COPY_SHEET}\n[2] {COPY_CUSTOM}\n[3] {FINISH}")
    assert (await sb.say("minh", "/bangiao"))[1].endswith(f"[1] {COPY_SHEET}\n[2] {COPY_CUSTOM}\n[3] {FINISH}")
    first, second = await asyncio.gather(sb.say("lan", "1"), sb.say("minh", "1"))
    said = sorted([first[0], second[0]])
    assert said == sorted([text("handover.carry.sheet_copied", year=2027, title=SHEET_2027),
                           text("handover.carry.sheet_already", year=2027)])
    async with app.uow() as uow:
        sheets = (await uow.session.exec(select(CriteriaSheet))).all()
        assert sorted(x.title for x in sheets) == [SHEET_2026, SHEET_2027]


_ready: set[int] = set()


def presses_a_button(said: str) -> bool:
    """A number of the step's menu, a label, or a command: not junk here."""
    word = said.strip().strip("[]").strip()
    labels = {x.casefold() for x in (COPY_SHEET, COPY_CUSTOM, FINISH)}
    if said.strip().startswith("/") or word.casefold() in labels:
        return True
    return word.isdecimal() and len(word) <= 4 and int(word) in (1, 2, 3)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.text(max_size=60).filter(lambda x: not presses_a_button(x)), min_size=2, max_size=2))
async def test_any_text_at_the_carry_step_copies_nothing(app: App, block_id: int, sandbox: Sandbox,
                                                         texts: list[str]) -> None:
    if id(app) not in _ready:  # the fixtures live across the examples: set the block up once
        await people(app, block_id, sandbox)
        await seed(app, block_id)
        await elect(app, block_id, "head", "CDNDTNT")
        await elect(app, block_id, "deputy", "YTE")
        await sandbox.say("hoa", "/bangiao")
        await sandbox.say("hoa", "1")
        _ready.add(id(app))
    step = (await sandbox.say("lan", "/bangiao"))[1]
    for said in texts:
        assert await sandbox.say("lan", said) == [text("choose_from_menu"), step], said
    async with app.uow() as uow:
        found = await carry_over.read(uow, block_id)
    assert found is not None and found.sheet_left and len(found.custom_left) == 1
