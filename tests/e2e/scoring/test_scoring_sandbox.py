"""A unit scores itself against the sample sheet through the sandbox (Telegram style), read as chat
transcripts: the whole sheet, errors, explanation and evidence, jumps, review, edit, submission and the
lock; a second contact of the unit; pause and resume; a restart in the middle; roles; reopening.

In the Telegram-style sandbox a typed "1".."9" presses a button of the last menu (the harness plays the
button taps), except at a step that asks for a number, where it is the number and "[1]" presses button 1
(tests/e2e/scoring/test_number_input_sandbox.py); `typed()` sends text whatever the step, as a real
Telegram text message would."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlmodel import select

from bot.app import App
from bot.channels.sandbox import Sandbox
from bot.settings import Settings
from handlers.core.catalog import text
from handlers.core.clock import FrozenClock
from handlers.core.messages import Incoming
from handlers.scoring.service import reopen_assessment as reopen
from handlers.scoring.sheet_file.read import load_criteria_file
from handlers.scoring.sheet_import import import_sheet
from handlers.term.block_file.read import load_block_file
from handlers.term.block_import import import_block
from storage import db
from storage.models import Assessment, AssessmentLine, AuditLog, Contact, Deadline, Submission, Unit
from tests.conftest import PG_URL, ROOT, SAMPLE_BLOCK, drop_schema, make_engine, sandbox_for
from tests.helpers import codes, deliver, import_sample_sheet

BLOCK = "Khối thi đua Văn hóa - Xã hội"
TITLE = "Bảng tiêu chí chấm điểm thi đua năm 2026"
HINT = text("score.saved_hint")
# the sample sheet's sections and criteria (its data)
SECTIONS = {"I": "Thực hiện nhiệm vụ chính trị, chuyên môn được giao",
            "II": "Công tác xây dựng Đảng, chính quyền và các đoàn thể",
            "III": "Công tác thi đua, khen thưởng", "IV": "Tham gia hoạt động của Khối thi đua"}
SECTION_SIZES = {"I": (4, 55), "II": (3, 20), "III": (3, 15), "IV": (2, 10)}
TEXT_1_1 = "Hoàn thành các chỉ tiêu, nhiệm vụ chuyên môn theo kế hoạch năm"
TEXT_1_2 = "Cải cách hành chính, ứng dụng công nghệ thông tin, chuyển đổi số"
TEXT_1_3 = "Thực hiện các nhiệm vụ đột xuất do cấp trên giao"
SECTION_I = text("score.head_section", code="I", title=SECTIONS["I"])
SKIP, BACK = text("score.opt_skip"), text("score.opt_back")


def menu(*labels: str) -> str:
    return "\n".join(f"[{i}] {label}" for i, label in enumerate(labels, 1))


def buttons(maximum: int) -> str:
    """The buttons under a base criterion's score question."""
    return menu(text("score.quick_max", max=maximum), text("score.quick_zero"), SKIP, BACK, text("score.opt_jump"),
                text("score.opt_overview"))


def criterion(code: str, criterion_text: str, maximum: int) -> str:
    return text("score.criterion", code=code, text=criterion_text, max=maximum, step="0,5")


def section_head(code: str) -> str:
    return text("score.head_section", code=code, title=SECTIONS[code])


def section_line(code: str, done: int, score: object, maximum: object = None) -> str:
    """A section's line in the overview."""
    count, most = SECTION_SIZES[code]
    return text("score.overview_section", code=code, title=SECTIONS[code], done=done, count=count, score=score,
                max=most if maximum is None else maximum)


def overview_top(unit: str) -> str:
    """The overview's head, down to the sections: the sheet's title and the unit."""
    return text("score.overview", title=TITLE, unit=unit, sections="\0", total=0).split("\0")[0]


BUTTONS_10 = buttons(10)
OVERVIEW_EMPTY = "\n".join([
    text("score.overview", title=TITLE, unit="Sở Y tế", total=0, sections="\n".join([
        *(text("score.overview_section", code=code, title=title, done=0, count=SECTION_SIZES[code][0], score=0,
               max=SECTION_SIZES[code][1]) for code, title in SECTIONS.items()),
        text("score.overview_bonus", done=0, count=2, score=0),
        text("score.overview_deduction", done=0, count=2, score=0)])),
    HINT,
    menu(text("score.opt_continue", code="1.1"), text("score.opt_review"),
         *(text("score.opt_section", code=code, done=0, count=SECTION_SIZES[code][0]) for code in SECTIONS),
         text("score.opt_bonus", done=0, count=2), text("score.opt_deduction", done=0, count=2),
         text("score.opt_pause"))])
ASK_1_1 = "\n".join([SECTION_I, criterion("1.1", TEXT_1_1, 25), text("score.ask_buttons", example="24,5", code="1.2"),
                     buttons(25)])
ASK_1_3 = "\n".join([SECTION_I, criterion("1.3", TEXT_1_3, 10), text("score.ask_buttons", example="9,5", code="1.4"),
                     BUTTONS_10])
ASK_EVIDENCE_1_1 = f'{text("score.ask_evidence", code="1.1", max="20 MB")}\n{menu(SKIP, BACK)}'
# the rest of the sheet, as Bình answers it (1.1 to 1.3 are answered by hand in the transcript)
REST = {"1.4": "tối đa", "2.1": "9,5", "2.2": "5", "2.3": "4.5", "3.1": "5", "3.2": "4", "3.3": "5", "4.1": "5",
        "4.2": "4,5", "T1": "10", "T2": "0", "D1": "1,5", "D2": "0"}
REVIEW_MENU = menu(text("score.opt_submit"), text("score.opt_edit"), text("score.opt_overview"),
                   text("score.opt_pause"))


def review(score_1_3: str = "8", section_i: str = "52,5", base: int = 95, total: str = "103,5") -> str:
    """The review of Bình's answers (REST, and 1.1 to 1.3 as given), with its buttons."""
    sections = [("I", section_i, f"1.1: 25 · 1.2: 9,5 · 1.3: {score_1_3} · 1.4: 10"),
                ("II", "19", "2.1: 9,5 · 2.2: 5 · 2.3: 4,5"), ("III", "14", "3.1: 5 · 3.2: 4 · 3.3: 5"),
                ("IV", "9,5", "4.1: 5 · 4.2: 4,5")]
    body = [*(text("score.review_section", code=code, title=SECTIONS[code], score=score, max=SECTION_SIZES[code][1],
                   items=items) for code, score, items in sections),
            text("score.review_base", score=base, max=100),
            text("score.review_bonus", score=10, items="T1: 10 · T2: 0"),
            text("score.review_deduction", score="1,5", items="D1: 1,5 · D2: 0"),
            text("score.review_total", total=total)]
    return text("score.review", unit="Sở Y tế", title=TITLE, body="\n".join(body)) + "\n" + REVIEW_MENU


REVIEW = review()
CONFIRM_MENU = menu(text("score.opt_confirm"), text("score.opt_back_review"))
CODES = "1.1, 1.2, 1.3, 1.4, 2.1, 2.2, 2.3, 3.1, 3.2, 3.3, 4.1, 4.2, T1, T2, D1, D2"
MISSING = "1.1, 1.2, 1.3, 1.4, 2.1, 2.2, 2.3, 3.1, 3.2, 3.3, 4.1, 4.2"  # every base criterion
UNIT_MENU = (f"Menu chính (Sở Y tế, {BLOCK}):\n"
             + menu(text("menu.submit"), text("menu.score"), text("menu.status"), text("menu.whoami")))


async def typed(sb: Sandbox, user: str, text: str) -> list[str]:
    """Text typed in the chat, even a small number (the harness would take it for a button)."""
    chat = sb.chat_of(user)
    await sb.handle(Incoming(channel="sandbox", chat_id=chat, user_id=chat, text=text, update_id=uuid.uuid4().hex,
                             display_name=user))
    return sb.inbox(user)


async def register(sb: Sandbox, user: str, code: str, name: str, phone: str, position: str = "Chuyên viên") -> None:
    for said in (f"/start {code}", "1", name, position, phone):
        await sb.say(user, said)
    assert (await sb.say(user, "1"))[0].startswith("✅ Đã đăng ký bạn")


async def people(app: App, block_id: int, sb: Sandbox) -> None:
    """Hoa runs the block; Bình is the contact of Sở Y tế; the sample sheet is imported."""
    await import_sample_sheet(app, block_id)
    c = await codes(app, block_id)
    await register(sb, "hoa", c["secretariat"], "Nguyễn Thị Hoa", "0912 345 678", "Chánh Văn phòng")
    await register(sb, "binh", c["YTE"], "Trần Văn Bình", "0987 654 321")
    await deliver(app)
    sb.inbox("hoa")


async def assessment_of(app: App, unit_code: str = "YTE") -> tuple[Assessment | None, dict[str, AssessmentLine]]:
    """The draft of the unit with this code (the only one that has a draft, when several blocks have the code)."""
    async with app.uow() as uow:
        row = (await uow.session.exec(select(Assessment).join(Unit).where(Unit.code == unit_code))).first()
        lines = await uow.scoring.lines(row.id) if row and row.id else {}
    return row, lines


async def answer_line(sb: Sandbox, user: str, code: str, score: str) -> list[str]:
    """At the score step of `code`: the score, then Bỏ qua for the explanation and the evidence."""
    out = await typed(sb, user, score)
    assert out[0].startswith(text("score.saved", code=code, score=score.replace(".", ","))), out
    assert out[0].endswith(menu(SKIP, BACK))
    assert (await sb.say(user, "1"))[0].startswith(text("score.ask_evidence", code=code, max="20 MB"))
    return await sb.say(user, "1")


async def test_the_whole_sheet_is_scored_reviewed_and_submitted(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    assert await sandbox.say("binh", "/menu") == [UNIT_MENU]
    assert await sandbox.say("binh", "2") == [OVERVIEW_EMPTY]  # [2] Chấm điểm thi đua
    assert await sandbox.say("binh", "1") == [ASK_1_1]

    # 1.1: a typed score, an explanation, an evidence file
    assert await typed(sandbox, "binh", "25") == [
        f'{text("score.saved", code="1.1", score=25)}\n\n{text("score.ask_explain", code="1.1")}\n{menu(SKIP, BACK)}']
    assert await typed(sandbox, "binh", "  Hoàn thành 100%   chỉ tiêu\nkế hoạch ") == [
        f'{text("score.explain_saved", code="1.1")}\n\n{ASK_EVIDENCE_1_1}']
    assert await sandbox.send_file("binh", "setup.exe", "application/pdf", 1000) == [
        text("score.evidence_bad_type", name="setup.exe"), ASK_EVIDENCE_1_1]
    assert await typed(sandbox, "binh", "đây là minh chứng") == [
        text("score.evidence_expected"), ASK_EVIDENCE_1_1]
    out = await sandbox.send_file("binh", "bao-cao-1.1.pdf", "application/pdf", 120_000)
    assert out[0].startswith(f'{text("score.evidence_saved", name="bao-cao-1.1.pdf", code="1.1")}\n\n{SECTION_I}\n')
    assert f"\n{criterion('1.2', TEXT_1_2, 10)}\n" in out[0]

    # 1.2: the decimal comma; explanation and evidence skipped with the buttons
    await answer_line(sandbox, "binh", "1.2", "9,5")

    # 1.3: wrong values are re-asked with the nearest valid ones
    assert await typed(sandbox, "binh", "mười") == [
        text("score.not_number", example="9,5", max=10, step="0,5", text="mười"), ASK_1_3]
    assert await typed(sandbox, "binh", "10,5") == [
        text("score.above_max", code="1.3", nearest=10, value="10,5"), ASK_1_3]
    assert await typed(sandbox, "binh", "8.3") == [
        text("score.off_step", nearest="8 hoặc 8,5", step="0,5", value="8,3"), ASK_1_3]
    assert await typed(sandbox, "binh", "-2") == [
        text("score.negative", nearest=0), ASK_1_3]
    assert await typed(sandbox, "binh", "2.1") == [  # a criterion's code, but a score here
        text("score.off_step", value="2,1", step="0,5", nearest="2 hoặc 2,5") + "\n"
        + text("score.also_code", code="2.1"), ASK_1_3]
    assert await typed(sandbox, "binh", "3") == [  # a small typed number is a score, not the third button
        f'{text("score.saved", code="1.3", score=3)}\n\n{text("score.ask_explain", code="1.3")}\n{menu(SKIP, BACK)}']
    assert await sandbox.say("binh", "2") == [  # [2] Quay lại: the score again, with the current value
        "\n".join([SECTION_I, criterion("1.3", TEXT_1_3, 10),
                   text("score.current", score=3, name="Trần Văn Bình", at="23/11/2026 09:00"),
                   text("score.ask_buttons", example="9,5", code="1.4"), BUTTONS_10])]
    assert (await sandbox.say("binh", "[3]"))[0].startswith(f"{SECTION_I}\n1.4 — ")  # [3] Bỏ qua: 1.3 stays 3

    # the rest: buttons, words and typed numbers
    for code, score in REST.items():
        if score == "tối đa":
            assert (await sandbox.say("binh", "[1]"))[0].startswith(text("score.saved", code=code, score=10))
            await sandbox.say("binh", "1")
            out = await sandbox.say("binh", "1")
        else:
            out = await answer_line(sandbox, "binh", code, score)
        if code == "4.2":
            assert out[0].startswith(f'{text("score.head_bonus")}\nT1 — Được tặng Cờ thi đua')
        if code == "T2":
            assert out[0].startswith(f'{text("score.head_deduction")}\nD1 — ')
            assert f'[2] {text("score.quick_zero_deduction")}' in out[0]
    assert out == [review(score_1_3="3", section_i="47,5", base=90, total="98,5")]

    # edit a line from the review: back to the review afterwards
    ask_edit = f'{text("score.ask_edit", codes=CODES)}\n{menu(BACK)}'
    assert await sandbox.say("binh", "2") == [ask_edit]
    assert await typed(sandbox, "binh", "5.1") == [text("score.no_such_code", text="5.1", codes=CODES), ask_edit]
    assert (await typed(sandbox, "binh", "1.3"))[0].startswith(f"{SECTION_I}\n1.3 — ")
    await typed(sandbox, "binh", "8")
    await sandbox.say("binh", "1")
    assert await sandbox.say("binh", "1") == [REVIEW]

    # submit: confirmation, lock, the deadline completed, the secretariat told
    assert await sandbox.say("binh", "1") == [f'{text("score.confirm", unit="Sở Y tế", total="103,5")}\n{CONFIRM_MENU}']
    assert await sandbox.say("binh", "1") == [
        text("score.done_on_time", at="23/11/2026 09:00", due="30/11/2026 17:00", total="103,5",
             unit="Sở Y tế"), UNIT_MENU]
    row, lines = await assessment_of(app)
    assert row is not None and (row.status, row.late, row.submitted_at) == ("submitted", False, app.clock.now())
    assert {code: line.self_score for code, line in lines.items()} == {
        "1.1": 25, "1.2": Decimal("9.5"), "1.3": 8, "1.4": 10, "2.1": Decimal("9.5"), "2.2": 5, "2.3": Decimal("4.5"),
        "3.1": 5, "3.2": 4, "3.3": 5, "4.1": 5, "4.2": Decimal("4.5"), "T1": 10, "T2": 0, "D1": Decimal("1.5"), "D2": 0}
    assert lines["1.1"].explanation == "Hoàn thành 100% chỉ tiêu kế hoạch"
    assert lines["1.1"].evidence_name == "bao-cao-1.1.pdf" and lines["1.1"].evidence_file_id
    async with app.uow() as uow:
        [submission] = (await uow.session.exec(select(Submission))).all()
        deadline = await uow.deadlines.get(submission.deadline_id)
        audit = (await uow.session.exec(select(AuditLog).where(AuditLog.action == "submit_assessment"))).one()
    assert deadline is not None and deadline.kind == "self_assessment"
    assert (submission.kind, submission.late, submission.unit_id) == ("assessment", False, row.unit_id)
    assert audit.detail["total"] == "103.50" and audit.actor == f"contact:{row.submitted_by}"
    assert await deliver(app) == 1
    assert sandbox.inbox("hoa") == [text("score.notice", base=95, bonus=10, count=11, deduction="1,5", done=1,
                                         timing=text("score.notice_on_time"), total="103,5", unit="Sở Y tế")]
    locked = text("score.locked", at="23/11/2026 09:00", name="Trần Văn Bình", total="103,5", unit="Sở Y tế")
    assert await sandbox.say("binh", "/chamdiem") == [locked]
    assert await sandbox.say("binh", "/chamdiem 1.1") == [locked]


async def test_a_second_contact_sees_the_draft_and_who_changed_it(app: App, block_id: int, sandbox: Sandbox,
                                                                  clock: FrozenClock) -> None:
    await people(app, block_id, sandbox)
    await register(sandbox, "lan", (await codes(app, block_id))["YTE"], "Lê Thị Lan", "0903 111 222")
    await sandbox.say("binh", "/chamdiem")
    await sandbox.say("binh", "1")
    await typed(sandbox, "binh", "20")
    clock.advance(timedelta(minutes=5))

    overview = (await sandbox.say("lan", "/chamdiem"))[0]
    assert section_line("I", 1, 20) in overview
    assert text("score.last_change", at="23/11/2026 09:00", name="Trần Văn Bình") in overview
    assert f'[1] {text("score.opt_continue", code="1.2")}' in overview
    out = await sandbox.say("lan", "/di 1.1")
    assert f'\n{text("score.current", score=20, name="Trần Văn Bình", at="23/11/2026 09:00")}\n' in out[0]
    assert (await typed(sandbox, "lan", "22,5"))[0].startswith(
        text("score.saved_replaced", at="23/11/2026 09:00", code="1.1", name="Trần Văn Bình", old=20, score="22,5"))

    # Bình's chat is still at the explanation of 1.1; his next step shows Lan's score
    assert (await sandbox.say("binh", "2"))[0].count(text("score.current", at="23/11/2026 09:05", name="Lê Thị Lan",
                                                          score="22,5")) == 1
    assert text("score.last_change", at="23/11/2026 09:05",
                name="Lê Thị Lan") in (await sandbox.say("binh", "/chamdiem"))[0]
    row, lines = await assessment_of(app)
    assert row is not None and len(lines) == 1 and lines["1.1"].self_score == Decimal("22.5")


async def test_pause_and_resume_from_the_overview(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    await sandbox.say("binh", "/chamdiem")
    await sandbox.say("binh", "4")  # [4] Phần II
    await typed(sandbox, "binh", "7")
    assert (await sandbox.say("binh", "1"))[0].startswith(text("score.ask_evidence", code="2.1", max="20 MB"))
    assert await sandbox.say("binh", "/huy") == [text("cancelled"), UNIT_MENU]
    overview = (await sandbox.say("binh", "/chamdiem"))[0]
    assert section_line("II", 1, 7) in overview
    assert f'[1] {text("score.opt_continue", code="1.1")}\n' in overview
    assert f'[4] {text("score.opt_section", code="II", done=1, count=3)}\n' in overview
    assert (await sandbox.say("binh", "4"))[0].startswith(f"{section_head('II')}\n2.2 — ")  # the first unanswered
    assert await typed(sandbox, "binh", "tạm dừng") == [
        text("score.paused", count=16, done=1, unit="Sở Y tế"), UNIT_MENU]
    await sandbox.say("binh", "/chamdiem 3.2")
    assert (await typed(sandbox, "binh", "quay lại"))[0].startswith(f"{section_head('III')}\n3.1 — ")
    assert (await typed(sandbox, "binh", text("score.opt_overview")))[0].startswith(f"📋 {TITLE}")


async def test_submitting_needs_every_base_criterion_and_a_late_one_is_flagged(
        app: App, block_id: int, sandbox: Sandbox, clock: FrozenClock) -> None:
    await people(app, block_id, sandbox)
    await sandbox.say("binh", "/chamdiem")
    await sandbox.say("binh", "2")  # [2] Xem lại và nộp
    out = await sandbox.say("binh", "1")  # [1] Nộp bảng tự chấm
    assert out[0] == text("score.missing_refused", codes=MISSING, count=12)
    review_top = text("score.review", unit="Sở Y tế", title=TITLE, body="")
    assert out[1].startswith(review_top) and text("score.review_missing", codes=MISSING) in out[1]
    await sandbox.say("binh", "/chamdiem 1.1")
    for _ in range(12):  # Tối đa for every base criterion, no explanation, no file
        await sandbox.say("binh", "[1]")  # in brackets: a button at the score step, where "1" is a score
        await sandbox.say("binh", "1")
        await sandbox.say("binh", "1")
    assert (await sandbox.say("binh", "/di T1"))[0].startswith(f'{text("score.head_bonus")}\nT1')
    not_a_score = text("score.not_number", text="xem lại", max=10, step="0,5", example="9,5")
    assert (await typed(sandbox, "binh", "xem lại"))[0] == not_a_score
    clock.advance(timedelta(days=8))  # 01/12/2026, after the due date
    await sandbox.say("binh", "/chamdiem")
    assert (await sandbox.say("binh", "2"))[0].endswith(f'{text("score.review_total", total=100)}\n{REVIEW_MENU}')
    assert (await sandbox.say("binh", "1"))[0].endswith(
        f'{text("score.confirm_late", due="30/11/2026 17:00")}\n{CONFIRM_MENU}')
    assert (await sandbox.say("binh", "1"))[0].startswith(
        text("score.done_late", unit="Sở Y tế", total=100, at="01/12/2026 09:00", due="30/11/2026 17:00"))
    row, lines = await assessment_of(app)
    assert row is not None and row.late and len(lines) == 16
    assert [lines[c].self_score for c in ("T1", "T2", "D1", "D2")] == [0, 0, 0, 0]  # blank counts as 0, stored
    await deliver(app)
    assert sandbox.inbox("hoa") == [text("score.notice", base=100, bonus=0, count=11, deduction=0, done=1,
                                         timing=" (muộn)", total=100, unit="Sở Y tế")]


async def test_reopened_by_the_secretariat_the_unit_corrects_and_submits_again(
        app: App, block_id: int, sandbox: Sandbox, clock: FrozenClock) -> None:
    await test_submitting_needs_every_base_criterion_and_a_late_one_is_flagged(app, block_id, sandbox, clock)
    row, _ = await assessment_of(app)
    assert row is not None and row.id is not None
    async with app.uow() as uow:
        with pytest.raises(ValueError):
            await reopen(uow, row.id, "   ", "operator", app.clock.now())
        assert await reopen(uow, row.id + 999, "Sai điểm", "operator", app.clock.now()) is None
        reopened = await reopen(uow, row.id, "Mục 1.2 chưa có minh chứng", "contact:1", app.clock.now())
        await uow.commit()
    assert reopened is not None and reopened.status == "draft"
    async with app.uow() as uow:  # reopening twice does nothing
        assert await reopen(uow, row.id, "Lần nữa", "operator", app.clock.now()) is None
    assert await deliver(app) == 1
    assert sandbox.inbox("binh") == [text("score.notice_reopened", reason="Mục 1.2 chưa có minh chứng", unit="Sở Y tế")]
    overview = (await sandbox.say("binh", "/chamdiem"))[0]
    assert text("score.reopened", reason="Mục 1.2 chưa có minh chứng") in overview
    await sandbox.say("binh", "/di 1.2")
    await typed(sandbox, "binh", "9")
    await typed(sandbox, "binh", "Quyết định số 12/QĐ-SYT")
    await sandbox.say("binh", "1")
    await sandbox.say("binh", "/di")
    assert await typed(sandbox, "binh", "/di zz") == [
        text("score.no_such_code", text="zz", codes=CODES), f'{text("score.ask_goto", codes=CODES)}\n{menu(BACK)}']
    all_scored = f'\n[1] {text("score.opt_review")}\n[2] {text("score.opt_section", code="I", done=4, count=4)}\n'
    assert all_scored in (await sandbox.say("binh", "/chamdiem"))[0]
    await sandbox.say("binh", "1")
    await sandbox.say("binh", "1")
    assert (await sandbox.say("binh", "1"))[0].startswith(
        text("score.done_late", unit="Sở Y tế", total=99, at="01/12/2026 09:00", due="30/11/2026 17:00"))
    row, lines = await assessment_of(app)
    assert row is not None and row.status == "submitted" and row.late  # the first submission's timeliness
    assert lines["1.2"].explanation == "Quyết định số 12/QĐ-SYT"
    async with app.uow() as uow:
        history = (await uow.session.exec(select(Submission).order_by(Submission.id))).all()  # type: ignore[arg-type]
        actions = [a.action for a in (await uow.session.exec(select(AuditLog))).all()]
    assert [s.superseded_at is None for s in history] == [False, True]
    assert actions.count("reopen_assessment") == 1 and actions.count("submit_assessment") == 2


async def test_only_unit_contacts_score_checked_at_every_step(app: App, block_id: int, sandbox: Sandbox) -> None:
    assert await sandbox.say("an", "/chamdiem") == [
        text("not_registered_any")]
    await people(app, block_id, sandbox)
    # the secretariat are the head unit's staff: they score their own unit
    assert (await sandbox.say("hoa", "/chamdiem"))[0].startswith(overview_top("Bảo hiểm Xã hội tỉnh"))
    await sandbox.say("hoa", "/huy")
    await sandbox.say("binh", "/chamdiem")
    await sandbox.say("binh", "1")
    async with app.uow() as uow:  # the secretariat revokes Bình meanwhile
        contact = (await uow.session.exec(select(Contact).where(Contact.full_name == "Trần Văn Bình"))).one()
        contact.revoked_at = app.clock.now()
        uow.session.add(contact)
        await uow.commit()
    assert await typed(sandbox, "binh", "20") == [
        text("score.not_allowed")]
    row, _ = await assessment_of(app)
    assert row is None  # nothing stored


async def test_no_sheet_yet_and_a_closed_deadline(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await codes(app, block_id)
    await register(sandbox, "binh", c["YTE"], "Trần Văn Bình", "0987 654 321")
    assert await sandbox.say("binh", "/chamdiem") == [
        text("score.no_sheet")]
    await import_sample_sheet(app, block_id)
    await sandbox.say("binh", "/chamdiem 1.1")
    for _ in range(12):
        for _ in range(3):
            await sandbox.say("binh", "1")
    async with app.uow() as uow:
        deadline = (await uow.session.exec(select(Deadline).where(Deadline.kind == "self_assessment"))).one()
        deadline.closed_at = app.clock.now()
        uow.session.add(deadline)
        await uow.commit()
    await sandbox.say("binh", "/chamdiem")
    await sandbox.say("binh", "2")  # [2] Xem lại và nộp
    await sandbox.say("binh", "1")  # [1] Nộp bảng tự chấm
    out = await sandbox.say("binh", "1")  # [1] Xác nhận nộp
    assert out[0] == text("score.closed", title="Bảng tự chấm điểm thi đua năm 2026")
    assert out[1].startswith(text("score.review", unit="Sở Y tế", title=TITLE, body=""))
    row, _ = await assessment_of(app)
    assert row is not None and row.status == "draft"


async def test_a_stale_button_and_english(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    await sandbox.say("binh", "/chamdiem")
    overview = sandbox.channel.delivered[-1]
    await sandbox.say("binh", "1")
    out = await sandbox.press("binh", "next", overview.version)
    assert out[0] == text("menu_expired") and out[1].startswith(f"{SECTION_I}\n1.1")
    await sandbox.say("binh", "/lang en")
    out = await typed(sandbox, "binh", "max")
    assert out[0].startswith("✅ Saved 1.1: 25 points.\n\nA short explanation or evidence note for 1.1")


# -- a restart in the middle ---------------------------------------------------------------------------


@pytest.fixture
async def same_database(db_kind: str, tmp_path: Path) -> AsyncIterator[str]:
    """Where a new engine finds the same database: a SQLite file, or a PostgreSQL schema."""
    if db_kind == "sqlite":
        yield f"sqlite:{tmp_path / 'restart.db'}"
        return
    engine, schema = await make_engine("postgres")
    await engine.dispose()
    try:
        yield f"postgres:{schema}"
    finally:
        await drop_schema(schema)


async def start_app(where: str, settings: Settings, clock: FrozenClock) -> App:
    kind, _, rest = where.partition(":")
    engine = (db.create_engine(f"sqlite+aiosqlite:///{rest}") if kind == "sqlite" else
              db.create_engine(PG_URL, connect_args={"server_settings": {"search_path": rest}}))
    return await App.create(settings, clock=clock, engine=engine)


async def test_a_restart_in_the_middle_keeps_every_answer(same_database: str, settings: Settings,
                                                         clock: FrozenClock) -> None:
    app = await start_app(same_database, settings, clock)
    try:
        async with app.uow() as uow:
            block_id = (await import_block(uow, load_block_file(SAMPLE_BLOCK), app.config.secret, clock.now())).block_id
            await uow.commit()
        sb = sandbox_for(app)
        await people(app, block_id, sb)
        await sb.say("binh", "/chamdiem")
        await sb.say("binh", "1")
        for code in ("1.1", "1.2", "1.3"):
            await answer_line(sb, "binh", code, {"1.1": "24", "1.2": "9,5", "1.3": "7"}[code])
        await typed(sb, "binh", "4")  # 1.4, then the bot stops at the explanation step
    finally:
        await app.close()

    app = await start_app(same_database, settings, clock)
    try:
        sb = sandbox_for(app)
        out = await typed(sb, "binh", "Đã thực hiện")  # the same step, in the new process
        assert out[0].startswith(f'{text("score.explain_saved", code="1.4")}\n\n'
                                 f'{text("score.ask_evidence", code="1.4", max="20 MB")}')
        assert (await sb.say("binh", "1"))[0].startswith(f"{section_head('II')}\n2.1 — ")
        overview = (await sb.say("binh", "/chamdiem"))[0]
        assert section_line("I", 4, "44,5") in overview
        total_line = text("score.overview", title=TITLE, unit="Sở Y tế", sections="\0", total="44,5").split("\0")[1]
        assert total_line in overview
        row, lines = await assessment_of(app)
        assert row is not None and [lines[c].self_score for c in ("1.1", "1.2", "1.3", "1.4")] == [
            24, Decimal("9.5"), 7, 4]
        assert lines["1.4"].explanation == "Đã thực hiện"
    finally:
        await app.close()


async def test_a_contact_of_units_in_two_blocks_picks_one(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    async with app.uow() as uow:
        spec = dataclasses.replace(load_block_file(SAMPLE_BLOCK), name="Cụm thi đua số 2")
        other = (await import_block(uow, spec, app.config.secret, app.clock.now())).block_id
        await uow.commit()
    await import_sample_sheet(app, other)
    await register(sandbox, "binh", (await codes(app, other))["GDDT"], "Trần Văn Bình", "0987 654 321")
    assert await sandbox.say("binh", "/chamdiem") == [f'{text("score.pick")}\n' + menu(
        text("score.pick_label", unit="Sở Giáo dục và Đào tạo", block="Cụm thi đua số 2"),
        text("score.pick_label", unit="Sở Y tế", block=BLOCK), text("cancel"))]
    assert (await typed(sandbox, "binh", "hello"))[0] == text("choose_from_menu")
    out = await sandbox.say("binh", "1")
    assert out[0].startswith(overview_top("Sở Giáo dục và Đào tạo"))
    await sandbox.say("binh", "1")
    await typed(sandbox, "binh", "20")
    _, lines = await assessment_of(app, "GDDT")
    assert [line.self_score for line in lines.values()] == [20]
    await sandbox.say("binh", "/chamdiem 1.2")
    assert await sandbox.say("binh", "3") == [text("cancelled")]


async def test_a_new_version_of_the_sheet_carries_the_answers_over(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    await sandbox.say("binh", "/chamdiem 1.1")
    await typed(sandbox, "binh", "24,5")  # still fits the new sheet
    await sandbox.say("binh", "/di 1.2")
    await typed(sandbox, "binh", "9,5")  # above 1.2's new maximum
    spec = load_criteria_file(ROOT / "samples" / "criteria-2026.yaml")
    first = spec.sections[0]
    changed = dataclasses.replace(first.criteria[1], max=Decimal(8))
    spec = dataclasses.replace(spec, sections=(dataclasses.replace(first, criteria=(
        first.criteria[0], changed, *first.criteria[2:])), *spec.sections[1:]))
    async with app.uow() as uow:
        result = await import_sheet(uow, block_id, spec, app.clock.now())
        await uow.commit()
    assert result.version == 2
    assert await sandbox.say("binh", "1") == [  # Bỏ qua, on the old sheet
        text("score.sheet_changed")]
    out = await sandbox.say("binh", "/chamdiem")
    assert out[0].startswith(f'{text("score.carried", version=2, count=1)}\n\n{overview_top("Sở Y tế")}')
    assert section_line("I", 1, "24,5", 53) in out[0]
