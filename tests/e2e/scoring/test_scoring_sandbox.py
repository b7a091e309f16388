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
SECTION_I = "Phần I. Thực hiện nhiệm vụ chính trị, chuyên môn được giao"
BUTTONS_10 = "[1] Tối đa: 10 điểm\n[2] 0 điểm\n[3] Bỏ qua\n[4] Quay lại\n[5] Chuyển tiêu chí\n[6] Tổng quan"
OVERVIEW_EMPTY = (
    f"📋 {TITLE}\nĐơn vị: Sở Y tế\n\n"
    "I. Thực hiện nhiệm vụ chính trị, chuyên môn được giao: đã chấm 0/4 tiêu chí, 0/55 điểm\n"
    "II. Công tác xây dựng Đảng, chính quyền và các đoàn thể: đã chấm 0/3 tiêu chí, 0/20 điểm\n"
    "III. Công tác thi đua, khen thưởng: đã chấm 0/3 tiêu chí, 0/15 điểm\n"
    "IV. Tham gia hoạt động của Khối thi đua: đã chấm 0/2 tiêu chí, 0/10 điểm\n"
    "Điểm thưởng: đã chấm 0/2 mục, +0\nĐiểm trừ: đã chấm 0/2 mục, −0\n\n"
    f"Tổng điểm hiện tại: 0\n{HINT}\n"
    "[1] ▶️ Tiếp tục từ 1.1\n[2] Xem lại và nộp\n[3] Phần I (0/4)\n[4] Phần II (0/3)\n[5] Phần III (0/3)\n"
    "[6] Phần IV (0/2)\n[7] Điểm thưởng (0/2)\n[8] Điểm trừ (0/2)\n[9] Tạm dừng")
ASK_1_1 = (f"{SECTION_I}\n1.1 — Hoàn thành các chỉ tiêu, nhiệm vụ chuyên môn theo kế hoạch năm — tối đa 25 điểm, "
           "bước 0,5\nMời gõ điểm (ví dụ 24,5) hoặc bấm nút. Chuyển nhanh tới tiêu chí khác: /di 1.2\n"
           "[1] Tối đa: 25 điểm\n[2] 0 điểm\n[3] Bỏ qua\n[4] Quay lại\n[5] Chuyển tiêu chí\n[6] Tổng quan")
ASK_1_3 = (f"{SECTION_I}\n1.3 — Thực hiện các nhiệm vụ đột xuất do cấp trên giao — tối đa 10 điểm, bước 0,5\n"
           f"Mời gõ điểm (ví dụ 9,5) hoặc bấm nút. Chuyển nhanh tới tiêu chí khác: /di 1.4\n{BUTTONS_10}")
ASK_EVIDENCE_1_1 = ("Gửi tệp minh chứng cho 1.1 nếu có (PDF, Word, Excel, ảnh JPG/PNG hoặc tệp nén ZIP/RAR, "
                    "tối đa 20 MB), hoặc chọn Bỏ qua.\n[1] Bỏ qua\n[2] Quay lại")
# the rest of the sheet, as Bình answers it (1.1 to 1.3 are answered by hand in the transcript)
REST = {"1.4": "tối đa", "2.1": "9,5", "2.2": "5", "2.3": "4.5", "3.1": "5", "3.2": "4", "3.3": "5", "4.1": "5",
        "4.2": "4,5", "T1": "10", "T2": "0", "D1": "1,5", "D2": "0"}
REVIEW = (
    f"📝 Bảng tự chấm điểm của Sở Y tế\n{TITLE}\n\n"
    "I. Thực hiện nhiệm vụ chính trị, chuyên môn được giao: 52,5/55\n    1.1: 25 · 1.2: 9,5 · 1.3: 8 · 1.4: 10\n"
    "II. Công tác xây dựng Đảng, chính quyền và các đoàn thể: 19/20\n    2.1: 9,5 · 2.2: 5 · 2.3: 4,5\n"
    "III. Công tác thi đua, khen thưởng: 14/15\n    3.1: 5 · 3.2: 4 · 3.3: 5\n"
    "IV. Tham gia hoạt động của Khối thi đua: 9,5/10\n    4.1: 5 · 4.2: 4,5\n"
    "Cộng các phần: 95/100\nĐiểm thưởng: +10\n    T1: 10 · T2: 0\nĐiểm trừ: −1,5\n    D1: 1,5 · D2: 0\n"
    "TỔNG ĐIỂM: 103,5\n[1] Nộp bảng tự chấm\n[2] Sửa một dòng\n[3] Tổng quan\n[4] Tạm dừng")
CODES = "1.1, 1.2, 1.3, 1.4, 2.1, 2.2, 2.3, 3.1, 3.2, 3.3, 4.1, 4.2, T1, T2, D1, D2"
UNIT_MENU = (f"Menu chính (Sở Y tế, {BLOCK}):\n[1] Nộp báo cáo, giao ước\n[2] Chấm điểm thi đua\n[3] Tình hình nộp\n"
             "[4] Thông tin của tôi")


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
    assert out[0].startswith(f"✅ Đã lưu {code}: "), out
    assert out[0].endswith("[1] Bỏ qua\n[2] Quay lại")
    assert (await sb.say(user, "1"))[0].startswith(f"Gửi tệp minh chứng cho {code}")
    return await sb.say(user, "1")


async def test_the_whole_sheet_is_scored_reviewed_and_submitted(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    assert await sandbox.say("binh", "/menu") == [UNIT_MENU]
    assert await sandbox.say("binh", "2") == [OVERVIEW_EMPTY]  # [2] Chấm điểm thi đua
    assert await sandbox.say("binh", "1") == [ASK_1_1]

    # 1.1: a typed score, an explanation, an evidence file
    assert await typed(sandbox, "binh", "25") == [
        "✅ Đã lưu 1.1: 25 điểm.\n\nGiải trình, minh chứng ngắn cho 1.1 (tối đa 500 ký tự), hoặc chọn Bỏ qua.\n"
        "[1] Bỏ qua\n[2] Quay lại"]
    assert await typed(sandbox, "binh", "  Hoàn thành 100%   chỉ tiêu\nkế hoạch ") == [
        f"✅ Đã lưu giải trình cho 1.1.\n\n{ASK_EVIDENCE_1_1}"]
    assert await sandbox.send_file("binh", "setup.exe", "application/pdf", 1000) == [
        "Không nhận loại tệp «setup.exe». Chỉ nhận PDF, Word (doc, docx), Excel (xls, xlsx), OpenDocument (odt, ods), "
        "ảnh (jpg, png) hoặc tệp nén (zip, rar).", ASK_EVIDENCE_1_1]
    assert await typed(sandbox, "binh", "đây là minh chứng") == [
        text("score.evidence_expected"), ASK_EVIDENCE_1_1]
    out = await sandbox.send_file("binh", "bao-cao-1.1.pdf", "application/pdf", 120_000)
    assert out[0].startswith("📎 Đã lưu tệp minh chứng bao-cao-1.1.pdf cho 1.1.\n\nPhần I. Thực hiện nhiệm vụ")
    assert "\n1.2 — Cải cách hành chính, ứng dụng công nghệ thông tin, chuyển đổi số — tối đa 10 điểm, bước 0,5\n" in (
        out[0])

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
        "2,1 không đúng bước 0,5 của bảng tiêu chí. Điểm hợp lệ gần nhất: 2 hoặc 2,5.\n"
        "(Nếu bạn muốn chuyển sang tiêu chí 2.1, gõ /di 2.1.)", ASK_1_3]
    assert await typed(sandbox, "binh", "3") == [  # a small typed number is a score, not the third button
        "✅ Đã lưu 1.3: 3 điểm.\n\nGiải trình, minh chứng ngắn cho 1.3 (tối đa 500 ký tự), hoặc chọn Bỏ qua.\n"
        "[1] Bỏ qua\n[2] Quay lại"]
    assert await sandbox.say("binh", "2") == [  # [2] Quay lại: the score again, with the current value
        f"{SECTION_I}\n1.3 — Thực hiện các nhiệm vụ đột xuất do cấp trên giao — tối đa 10 điểm, bước 0,5\n"
        "Điểm hiện tại: 3 (Trần Văn Bình, 23/11/2026 09:00).\n"
        f"Mời gõ điểm (ví dụ 9,5) hoặc bấm nút. Chuyển nhanh tới tiêu chí khác: /di 1.4\n{BUTTONS_10}"]
    assert (await sandbox.say("binh", "[3]"))[0].startswith(f"{SECTION_I}\n1.4 — ")  # [3] Bỏ qua: 1.3 stays 3

    # the rest: buttons, words and typed numbers
    for code, score in REST.items():
        if score == "tối đa":
            assert (await sandbox.say("binh", "[1]"))[0].startswith(f"✅ Đã lưu {code}: 10 điểm.")  # [1] Tối đa
            await sandbox.say("binh", "1")
            out = await sandbox.say("binh", "1")
        else:
            out = await answer_line(sandbox, "binh", code, score)
        if code == "4.2":
            assert out[0].startswith("Điểm thưởng\nT1 — Được tặng Cờ thi đua")
        if code == "T2":
            assert out[0].startswith("Điểm trừ (nhập số dương; số điểm này được trừ khỏi tổng)\nD1 — ")
            assert "[2] 0 (không bị trừ)" in out[0]
    assert out == [REVIEW.replace("1.3: 8", "1.3: 3").replace("52,5/55", "47,5/55").replace("95/100", "90/100")
                   .replace("103,5", "98,5")]

    # edit a line from the review: back to the review afterwards
    assert await sandbox.say("binh", "2") == [f"Gõ mã dòng cần sửa: {CODES}.\n[1] Quay lại"]
    assert await typed(sandbox, "binh", "5.1") == [
        f"Không có tiêu chí «5.1» trong bảng. Các mã: {CODES}.", f"Gõ mã dòng cần sửa: {CODES}.\n[1] Quay lại"]
    assert (await typed(sandbox, "binh", "1.3"))[0].startswith(f"{SECTION_I}\n1.3 — ")
    await typed(sandbox, "binh", "8")
    await sandbox.say("binh", "1")
    assert await sandbox.say("binh", "1") == [REVIEW]

    # submit: confirmation, lock, the deadline completed, the secretariat told
    assert await sandbox.say("binh", "1") == [
        "Nộp bảng tự chấm điểm của Sở Y tế với tổng điểm 103,5?\nSau khi nộp, bảng sẽ bị khóa; muốn sửa phải nhờ "
        "Thường trực Khối mở lại.\n[1] Xác nhận nộp\n[2] Quay lại xem lại"]
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
    assert "I. Thực hiện nhiệm vụ chính trị, chuyên môn được giao: đã chấm 1/4 tiêu chí, 20/55 điểm" in overview
    assert text("score.last_change", at="23/11/2026 09:00", name="Trần Văn Bình") in overview
    assert "[1] ▶️ Tiếp tục từ 1.2" in overview
    out = await sandbox.say("lan", "/di 1.1")
    assert "\nĐiểm hiện tại: 20 (Trần Văn Bình, 23/11/2026 09:00).\n" in out[0]
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
    assert (await sandbox.say("binh", "1"))[0].startswith("Gửi tệp minh chứng cho 2.1")
    assert await sandbox.say("binh", "/huy") == [text("cancelled"), UNIT_MENU]
    overview = (await sandbox.say("binh", "/chamdiem"))[0]
    assert "II. Công tác xây dựng Đảng, chính quyền và các đoàn thể: đã chấm 1/3 tiêu chí, 7/20 điểm" in overview
    assert "[1] ▶️ Tiếp tục từ 1.1\n" in overview and "[4] Phần II (1/3)\n" in overview
    assert (await sandbox.say("binh", "4"))[0].startswith("Phần II. Công tác xây dựng Đảng, chính quyền và các đoàn "
                                                           "thể\n2.2 — ")  # the section's first unanswered
    assert await typed(sandbox, "binh", "tạm dừng") == [
        text("score.paused", count=16, done=1, unit="Sở Y tế"), UNIT_MENU]
    await sandbox.say("binh", "/chamdiem 3.2")
    assert (await typed(sandbox, "binh", "quay lại"))[0].startswith("Phần III. Công tác thi đua, khen thưởng\n3.1 — ")
    assert (await typed(sandbox, "binh", text("score.opt_overview")))[0].startswith(f"📋 {TITLE}")


async def test_submitting_needs_every_base_criterion_and_a_late_one_is_flagged(
        app: App, block_id: int, sandbox: Sandbox, clock: FrozenClock) -> None:
    await people(app, block_id, sandbox)
    await sandbox.say("binh", "/chamdiem")
    await sandbox.say("binh", "2")  # [2] Xem lại và nộp
    out = await sandbox.say("binh", "1")  # [1] Nộp bảng tự chấm
    assert out[0] == text("score.missing_refused", codes="1.1, 1.2, 1.3, 1.4, 2.1, 2.2, 2.3, 3.1, 3.2, 3.3, 4.1, 4.2",
                          count=12)
    assert out[1].startswith("📝 Bảng tự chấm điểm của Sở Y tế") and "⚠️ Chưa chấm: 1.1, 1.2" in out[1]
    await sandbox.say("binh", "/chamdiem 1.1")
    for _ in range(12):  # Tối đa for every base criterion, no explanation, no file
        await sandbox.say("binh", "[1]")  # in brackets: a button at the score step, where "1" is a score
        await sandbox.say("binh", "1")
        await sandbox.say("binh", "1")
    assert (await sandbox.say("binh", "/di T1"))[0].startswith("Điểm thưởng\nT1")
    assert (await typed(sandbox, "binh", "xem lại"))[0].startswith("«xem lại» không phải là điểm.")
    clock.advance(timedelta(days=8))  # 01/12/2026, after the due date
    await sandbox.say("binh", "/chamdiem")
    assert (await sandbox.say("binh", "2"))[0].endswith("TỔNG ĐIỂM: 100\n[1] Nộp bảng tự chấm\n[2] Sửa một dòng\n"
                                                        "[3] Tổng quan\n[4] Tạm dừng")
    assert (await sandbox.say("binh", "1"))[0].endswith(
        "Hạn nộp (30/11/2026 17:00) đã qua; bảng sẽ được ghi là nộp muộn.\n[1] Xác nhận nộp\n[2] Quay lại xem lại")
    assert (await sandbox.say("binh", "1"))[0].startswith(
        "⚠️ Đã nộp bảng tự chấm điểm của Sở Y tế: tổng 100 điểm.\nNộp lúc 01/12/2026 09:00, muộn so với hạn "
        "30/11/2026 17:00.")
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
        f"Không có tiêu chí «zz» trong bảng. Các mã: {CODES}.",
        f"Gõ mã tiêu chí cần chuyển tới: {CODES}.\n[1] Quay lại"]
    assert "\n[1] Xem lại và nộp\n[2] Phần I (4/4)\n" in (await sandbox.say("binh", "/chamdiem"))[0]  # all scored
    await sandbox.say("binh", "1")
    await sandbox.say("binh", "1")
    assert (await sandbox.say("binh", "1"))[0].startswith("⚠️ Đã nộp bảng tự chấm điểm của Sở Y tế: tổng 99 điểm.")
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
    assert (await sandbox.say("hoa", "/chamdiem"))[0].startswith(f"📋 {TITLE}\nĐơn vị: Bảo hiểm Xã hội tỉnh\n")
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
    assert out[1].startswith("📝 Bảng tự chấm điểm của Sở Y tế")
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
        assert out[0].startswith("✅ Đã lưu giải trình cho 1.4.\n\nGửi tệp minh chứng cho 1.4")
        assert (await sb.say("binh", "1"))[0].startswith("Phần II. Công tác xây dựng Đảng, chính quyền và các đoàn "
                                                         "thể\n2.1 — ")
        overview = (await sb.say("binh", "/chamdiem"))[0]
        assert "I. Thực hiện nhiệm vụ chính trị, chuyên môn được giao: đã chấm 4/4 tiêu chí, 44,5/55 điểm" in overview
        assert "Tổng điểm hiện tại: 44,5" in overview
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
    assert await sandbox.say("binh", "/chamdiem") == [
        "Bạn là đầu mối của nhiều đơn vị. Chọn đơn vị cần chấm điểm:\n[1] Sở Giáo dục và Đào tạo (Cụm thi đua số 2)\n"
        f"[2] Sở Y tế ({BLOCK})\n[3] Hủy"]
    assert (await typed(sandbox, "binh", "hello"))[0] == text("choose_from_menu")
    out = await sandbox.say("binh", "1")
    assert out[0].startswith(f"📋 {TITLE}\nĐơn vị: Sở Giáo dục và Đào tạo\n")
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
    assert out[0].startswith("Bảng tiêu chí đã được cập nhật (phiên bản 2). Đã chép 1 mục từ bản chấm theo bảng cũ; "
                             f"mời kiểm tra lại trước khi nộp.\n\n📋 {TITLE}")
    assert "đã chấm 1/4 tiêu chí, 24,5/53 điểm" in out[0]
