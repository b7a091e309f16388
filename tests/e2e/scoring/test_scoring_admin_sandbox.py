"""The secretariat's scoring in chat (/diem): progress, cross-check, ranking, reopen, exports; and the
observer reading. Read as sandbox transcripts; the sheet and the units' assessments are rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from io import BytesIO

from openpyxl import load_workbook
from sqlmodel import select

from bot.app import App
from bot.channels.sandbox import Sandbox
from handlers.core.catalog import text
from handlers.core.clock import FrozenClock
from handlers.core.messages import Reply
from storage.models import Assessment, AssessmentLine, Contact
from tests.conftest import sandbox_for
from tests.helpers import codes, deliver, register
from tests.integration.test_scoring_exports import seed

BLOCK = "Khối thi đua Văn hóa - Xã hội"
NOT_ALLOWED = text("not_allowed")
CHOOSE = text("choose_from_menu")
TIE = text("sca.tie_tag")
PROGRESS = f"""📊 Điểm thi đua năm 2026 của {BLOCK}
Bảng tiêu chí chấm điểm thi đua năm 2026 (tối đa 100 điểm, bước 0,5):
• Bảo hiểm Xã hội tỉnh: ✅ đã nộp 27/11/2026 10:00 · đã kiểm tra 1/16
• Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh: ⬜ chưa chấm
• Trường Cao đẳng Cộng đồng: ⬜ chưa chấm
• Sở Văn hóa, Thể thao và Du lịch: ⬜ chưa chấm
• Sở Thông tin và Truyền thông: ↩️ đã mở lại để sửa, 12/16 tiêu chí
• Sở Khoa học và Công nghệ: ✏️ đang chấm 2/16 tiêu chí
• Sở Y tế: ✅ đã nộp 27/11/2026 10:00 (muộn) · đã kiểm tra 1/16
• Ban Dân tộc: ⬜ chưa chấm
• Sở Giáo dục và Đào tạo: ✅ đã nộp 27/11/2026 10:00
• Đài Phát thanh và Truyền hình tỉnh: ⬜ chưa chấm
• Sở Lao động - Thương binh và Xã hội: ⬜ chưa chấm
Đã nộp 3/11 · đang chấm 2 · chưa chấm 6."""
ACTIONS = (text("sca.action.check"), "Xếp hạng", text("sca.action.export"), text("sca.action.export_unit"),
           text("sca.action.reopen"), "Thoát")
OBSERVER_ACTIONS = ("Xếp hạng", text("sca.action.export"), text("sca.action.export_unit"), "Thoát")


def menu(*labels: str) -> str:
    return "\n".join(f"[{i}] {label}" for i, label in enumerate(labels, 1))


OVERVIEW = f"{PROGRESS}\nChọn việc cần làm:\n{menu(*ACTIONS)}"


async def people(app: App, block_id: int, sb: Sandbox) -> None:
    """hoa runs the block; binh is Sở Y tế's contact, cuong Bảo hiểm Xã hội's; lan the provincial observer."""
    c = await codes(app, block_id)
    await register(sb, "hoa", c["secretariat"], "Nguyễn Thị Hoa", "0912 345 678")
    await register(sb, "binh", c["YTE"], "Trần Văn Bình", "0987 654 321")
    await register(sb, "cuong", c["BHXH"], "Đỗ Mạnh Cường", "0903 111 222")
    await register(sb, "lan", c["observer"], "Lê Thị Lan", "0904 222 333")
    await deliver(app)
    for user in ("hoa", "binh", "cuong", "lan"):
        sb.inbox(user)
    await seed(app, block_id)


async def line(app: App, unit_code: str, code: str) -> AssessmentLine:
    async with app.uow() as uow:
        unit = await uow.directory.unit_by_code(1, unit_code)
        assert unit is not None
        stmt = (select(AssessmentLine).join(Assessment, Assessment.id == AssessmentLine.assessment_id)  # type: ignore[arg-type]
                .where(Assessment.unit_id == unit.id, AssessmentLine.criterion_code == code))
        return (await uow.session.exec(stmt)).one()


async def flow_of(app: App, user: str) -> str | None:
    async with app.uow() as uow:
        state = await uow.dialogs.get("sandbox", f"sb-{user}")
    assert state is not None
    return state.flow


UNITS_PICK = ("Chọn đơn vị đã nộp để kiểm tra chéo:\n[1] Bảo hiểm Xã hội tỉnh (đã kiểm tra 1/16)\n"
              "[2] Sở Y tế (đã kiểm tra 1/16)\n[3] Sở Giáo dục và Đào tạo (đã kiểm tra 0/16)\n[4] Quay lại")
CRITERIA_YTE = ("1.1: 23/25", "1.2: 10/10", "1.3: 10/10", "1.4: 10/10", "2.1: 10/10", "2.2: 5/5 ✔", "2.3: 5/5",
                "3.1: 5/5", "3.2: 5/5", "3.3: 5/5", "4.1: 5/5", "4.2: 5/5", "T1: –/10", "T2: –/5", "D1: –/5",
                "D2: –/10")


D1_TEXT = "Gửi báo cáo chậm hoặc không đầy đủ theo yêu cầu của Khối"
COVENANT = "Đăng ký giao ước và chủ đề thi đua năm 2026"
SIX_MONTH = "Báo cáo sơ kết 6 tháng đầu năm 2026"
# 23/11/2026: the covenant (due Sunday 15/03, so in fact Monday 16/03) and the six-month report were never
# submitted by any unit: the cross-check suggests 2 + 2 points under D1, and applies nothing by itself
SUGGESTION = (text("sca.suggest_head", points=4, code="D1", text=D1_TEXT, late_points=1, missing_points=2, max=5),
              text("sca.suggest_missing", title=COVENANT,
                   due=text("dl.due_effective", due="15/03/2026 17:00", effective="16/03/2026 17:00")),
              text("sca.suggest_missing", title=SIX_MONTH, due="15/06/2026 17:00"))
APPLY_4 = text("sca.suggest_apply", points=4, code="D1")


def unit_view(self_total: str, final: str, checked: int, *criteria: str, hint: tuple[str, ...] = SUGGESTION,
              apply: tuple[str, ...] = (APPLY_4,)) -> str:
    return (f"🔎 Kiểm tra chéo: Sở Y tế\nNộp lúc 27/11/2026 10:00 (muộn). Tự chấm {self_total} điểm · sau kiểm tra "
            f"{final} điểm.\nĐã kiểm tra {checked}/16 tiêu chí. Chọn tiêu chí (hoặc gõ mã, ví dụ 1.2), hoặc đi lần "
            "lượt. Xong thì chọn «Xong» để báo kết quả cho đơn vị.\n" + "".join(f"{h}\n" for h in hint)
            + menu(text("sca.go_in_order"), *criteria, text("sca.finish_unit"), *apply))


def ask_score(code: str, position: int, text: str, maximum: str, own: str, *options: str,
              current: str | None = None) -> str:
    section = {"1": "I", "2": "II", "3": "III", "4": "IV"}[code[0]]
    head = (f"Tiêu chí {code} ({position}/16, mục {section}): {text}\n"
            f"Điểm tối đa {maximum}, bước 0,5.\nĐơn vị tự chấm: {own}. Giải trình: Giải trình {code}\n")
    return head + (f"{current}\n" if current else "") + "Mời nhập điểm kiểm tra (ví dụ 9,5) hoặc chọn:\n" + menu(
        *options)


TEXT_1_1 = "Hoàn thành các chỉ tiêu, nhiệm vụ chuyên môn theo kế hoạch năm"
TEXT_1_2 = "Cải cách hành chính, ứng dụng công nghệ thông tin, chuyển đổi số"
TEXT_1_3 = "Thực hiện các nhiệm vụ đột xuất do cấp trên giao"
REASON_1_1 = "Chưa hoàn thành 2/10 chỉ tiêu chuyên môn"


async def test_progress_and_who_may_open_it(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    sb = sandbox
    assert await sb.say("hoa", "/diem") == [OVERVIEW]
    assert await sb.say("binh", "/diem") == [NOT_ALLOWED]
    assert await sb.say("minh", "/diem") == [
        text("not_registered_any")]
    assert await sb.say("hoa", "xin chào") == [CHOOSE, OVERVIEW]
    assert await sb.say("hoa", "6") == [text("sca.bye")]
    assert await flow_of(app, "hoa") is None
    out = await sb.say("hoa", "/menu")  # the secretariat's menu has the item, before «Thông tin của tôi»
    assert out[0].endswith("[6] Quản lý hạn nộp\n[7] Điểm thi đua\n[8] Bầu chọn\n[9] Thông tin của tôi")
    assert await sb.say("hoa", "7") == [OVERVIEW]


async def test_after_the_due_date_units_that_never_submitted_are_overdue(app: App, block_id: int, sandbox: Sandbox,
                                                                         clock: FrozenClock) -> None:
    await people(app, block_id, sandbox)
    clock.advance(timedelta(days=8))  # 01/12/2026, the day after the self-assessment deadline
    progress = (await sandbox.say("hoa", "/diem"))[0].splitlines()
    assert progress[2:9] == [
        "• Bảo hiểm Xã hội tỉnh: ✅ đã nộp 27/11/2026 10:00 · đã kiểm tra 1/16",
        "• Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh: ⬜ chưa chấm · ⏰ quá hạn",
        "• Trường Cao đẳng Cộng đồng: ⬜ chưa chấm · ⏰ quá hạn",
        "• Sở Văn hóa, Thể thao và Du lịch: ⬜ chưa chấm · ⏰ quá hạn",
        text("sca.p.reopened", done=12, total=16, unit="Sở Thông tin và Truyền thông"),  # reopened: submitted before
        "• Sở Khoa học và Công nghệ: ✏️ đang chấm 2/16 tiêu chí · ⏰ quá hạn",
        "• Sở Y tế: ✅ đã nộp 27/11/2026 10:00 (muộn) · đã kiểm tra 1/16"]


async def test_cross_check_a_changed_score_needs_a_reason_and_the_unit_is_told(app: App, block_id: int,
                                                                               sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    sb = sandbox
    await sb.say("hoa", "/diem")
    assert await sb.say("hoa", "1") == [UNITS_PICK]
    assert await sb.say("hoa", "2") == [unit_view("98", "98", 1, *CRITERIA_YTE)]
    ask_1_1 = ask_score("1.1", 1, TEXT_1_1, "25", "23", text("sca.keep_self", own=23), "Quay lại")
    assert await sb.say("hoa", "1.1") == [ask_1_1]  # a code typed instead of pressing [2]
    assert await sb.say("hoa", "22,3") == [
        text("sca.score_off_step", nearest="22 hoặc 22,5", rule=text("sca.score_rule", max=25, step="0,5"),
             value="22,3"), ask_1_1]
    assert await sb.say("hoa", "30") == [
        text("sca.score_above_max", max=25, rule=text("sca.score_rule", max=25, step="0,5"), value=30), ask_1_1]
    assert await sb.say("hoa", "hai mươi") == [
        text("sca.score_not_number", rule=text("sca.score_rule", max=25, step="0,5"), value="hai mươi"), ask_1_1]
    ask_reason = ("Điểm kiểm tra 21,5 khác điểm tự chấm 23 của tiêu chí 1.1. Mời ghi lý do điều chỉnh (bắt buộc, "
                  "3–300 ký tự); đơn vị sẽ nhận được lý do này.\n[1] Quay lại")
    assert await sb.say("hoa", "21.5") == [ask_reason]
    bad_reason = text("sca.bad_reason")
    assert await sb.say("hoa", "ok") == [bad_reason, ask_reason]  # the reason is re-asked, nothing saved
    assert await sb.say("hoa", "/abc") == [bad_reason, ask_reason]
    assert await sb.send_file("hoa", "bienban.pdf", "application/pdf", 1000) == [bad_reason, ask_reason]
    assert (await line(app, "YTE", "1.1")).checked_score is None
    assert await sb.say("hoa", "1") == [ask_1_1]  # Quay lại: the score again
    assert await sb.say("hoa", "21,5") == [ask_reason]
    criteria = ("1.1: 23 → 21,5/25 ✎", *CRITERIA_YTE[1:])
    assert await sb.say("hoa", f"  {REASON_1_1}  ") == [
        text("sca.saved_changed", checked="21,5", code="1.1", own=23), unit_view("98", "96,5", 2, *criteria)]
    saved = await line(app, "YTE", "1.1")
    assert (saved.self_score, saved.checked_score, saved.check_reason) == (Decimal(23), Decimal("21.5"), REASON_1_1)

    # in order, from the first criterion not checked yet; a confirmed score needs no reason
    ask_1_2 = ask_score("1.2", 2, TEXT_1_2, "10", "10", text("sca.keep_self", own=10), text("sca.skip"), "Quay lại")
    assert await sb.say("hoa", "1") == [ask_1_2]
    ask_1_3 = ask_score("1.3", 3, TEXT_1_3, "10", "10", text("sca.keep_self", own=10), text("sca.skip"), "Quay lại")
    assert await sb.say("hoa", "[1]") == [text("sca.saved_agreed", code="1.2", own=10), ask_1_3]
    assert (await sb.say("hoa", "[2]"))[0].startswith("Tiêu chí 1.4 (4/16, mục I)")  # Bỏ qua
    assert await sb.say("hoa", "[3]") == [unit_view("98", "96,5", 3, criteria[0], "1.2: 10/10 ✔", *criteria[2:])]

    # the unit hears of the changed score, not of the one confirmed as it was
    assert await sb.say("hoa", text("sca.finish_unit")) == [
        text("sca.finished", count=1, told=1, unit="Sở Y tế"),
        UNITS_PICK.replace(text("sca.pick_unit_checked", done=1, total=16,
                                unit="Sở Y tế"), text("sca.pick_unit_checked", done=3, total=16, unit="Sở Y tế"))]
    assert await deliver(app) == 1
    assert sb.inbox("binh") == [
        f"📝 Thường trực {BLOCK} đã kiểm tra chéo bảng tự chấm điểm của Sở Y tế:\n"
        f"• 1.1 {TEXT_1_1}: tự chấm 23 → kiểm tra 21,5. Lý do: {REASON_1_1}\n"
        "Tổng điểm sau kiểm tra: 96,5 (tự chấm 98)."]
    assert sb.inbox("cuong") == []  # another unit's contact hears nothing
    async with app.uow() as uow:
        audit = [(e.action, e.detail["criterion"], e.detail["old"], e.detail["new"], e.detail["reason"])
                 for e in await uow.audit.entries(block_id) if e.action == "check_score"]
    assert audit == [("check_score", "1.1", None, "21.50", REASON_1_1), ("check_score", "1.2", None, "10.00", None)]
    assert await sb.say("hoa", "4") == [OVERVIEW.replace("(muộn) · đã kiểm tra 1/16", "(muộn) · đã kiểm tra 3/16")]


RANKING = (f"🏆 Xếp hạng thi đua năm 2026 của {BLOCK} theo điểm cuối cùng (3/11 đơn vị đã nộp):\n"
           "1. Sở Giáo dục và Đào tạo: 99 điểm (tự chấm 99)\n"
           f"2. Bảo hiểm Xã hội tỉnh: 98 điểm (tự chấm 99,5){TIE}\n"
           f"2. Sở Y tế: 98 điểm (tự chấm 98){TIE}\n"
           "Chưa nộp, chưa xếp hạng: Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh; Trường Cao đẳng Cộng đồng; "
           "Sở Văn hóa, Thể thao và Du lịch; Sở Thông tin và Truyền thông; Sở Khoa học và Công nghệ; Ban Dân tộc; "
           "Đài Phát thanh và Truyền hình tỉnh; Sở Lao động - Thương binh và Xã hội.\n"
           "Điểm cuối cùng là điểm kiểm tra nếu có, nếu không là điểm tự chấm. Các đơn vị đồng điểm được bình xét "
           "bằng biểu quyết tại hội nghị.")


async def test_ranking_flags_the_tie_and_the_observer_reads_only(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    sb = sandbox
    await sb.say("hoa", "/diem")
    assert await sb.say("hoa", "2") == [RANKING, f"Chọn việc cần làm tiếp:\n{menu(*ACTIONS)}"]

    observer = f"{PROGRESS}\nChọn việc cần làm:\n{menu(*OBSERVER_ACTIONS)}"
    out = await sb.say("lan", "/menu")
    assert out[0].endswith("[3] Tình hình nộp\n[4] Điểm thi đua\n[5] Bầu chọn\n[6] Thông tin của tôi")
    assert await sb.say("lan", "4") == [observer]
    assert await sb.say("lan", "1") == [RANKING, f"Chọn việc cần làm tiếp:\n{menu(*OBSERVER_ACTIONS)}"]
    replies: list[Reply] = await app.dispatcher.handle(sb.incoming("lan", "2"))
    document = replies[0].document
    assert document is not None and document.filename == "tong-hop-diem-2026.xlsx"
    assert replies[0].text == (f"📎 Tổng hợp điểm thi đua năm 2026 của {BLOCK} (số liệu lúc 23/11/2026 09:00): "
                               "3/11 đơn vị đã nộp.")
    ranking = load_workbook(BytesIO(document.content))["Xếp hạng"]
    assert [[c.value for c in row][:3] for row in ranking.iter_rows(min_row=5, max_row=7)] == [
        [1, "GDDT", "Sở Giáo dục và Đào tạo"], [2, "BHXH", "Bảo hiểm Xã hội tỉnh"], [2, "YTE", "Sở Y tế"]]
    sb.inbox("lan")
    assert await sb.say("lan", "3") == [
        "Chọn đơn vị cần xuất bảng tự chấm điểm:\n" + menu(*(
            "Bảo hiểm Xã hội tỉnh", "Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh", "Trường Cao đẳng Cộng đồng",
            "Sở Văn hóa, Thể thao và Du lịch", "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ", "Sở Y tế",
            "Ban Dân tộc", "Sở Giáo dục và Đào tạo", "Đài Phát thanh và Truyền hình tỉnh",
            "Sở Lao động - Thương binh và Xã hội", "Quay lại"))]
    out = await sb.say("lan", "7")
    assert out[0] == ("📎 Bảng tự chấm điểm năm 2026 của Sở Y tế (số liệu lúc 23/11/2026 09:00). Điền cột «Điểm "
                      "kiểm tra» và «Lý do» rồi nhập lại bằng lệnh thidua scores import-check.\n"
                      "📎 bang-tu-cham-yte-2026.xlsx")
    assert out[1] == f"Chọn việc cần làm tiếp:\n{menu(*OBSERVER_ACTIONS)}"
    async with app.uow() as uow:
        exports = [(e.actor.split(":")[0], e.detail["file"]) for e in await uow.audit.entries(block_id)
                   if e.action == "export"]
    assert exports == [("contact", "tong-hop-diem-2026.xlsx"), ("contact", "bang-tu-cham-yte-2026.xlsx")]

    # the observer cannot reach a write step: typed, pressed, or steered into its dialog
    assert await sb.say("lan", text("sca.action.check")) == [CHOOSE, observer]
    async with app.uow() as uow:
        state = await uow.dialogs.load_for_update("sandbox", "sb-lan", datetime.now(UTC))
        assert state is not None
        state.step, state.data = "check_reason", {"block_id": block_id, "unit_id": 7, "code": "1.1", "pending": "1"}
        await uow.dialogs.save(state)
        await uow.commit()
    assert await sb.say("lan", "Không đạt yêu cầu") == [NOT_ALLOWED]
    assert await flow_of(app, "lan") is None
    assert (await line(app, "YTE", "1.1")).checked_score is None


async def test_reopen_a_submitted_sheet_with_a_reason(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    sb = sandbox
    await sb.say("hoa", "/diem")
    pick = ("Chọn đơn vị cần mở lại bảng tự chấm điểm đã nộp (đơn vị sẽ sửa rồi nộp lại):\n"
            + menu("Bảo hiểm Xã hội tỉnh", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Quay lại"))
    assert await sb.say("hoa", "5") == [pick]
    assert await sb.say("hoa", "4") == [OVERVIEW]  # Quay lại
    await sb.say("hoa", "5")
    ask = ("Mở lại bảng tự chấm điểm của Sở Y tế (nộp lúc 27/11/2026 10:00).\nMời ghi lý do (3–300 ký tự); đơn vị "
           "sẽ nhận được lý do này.\n[1] Quay lại")
    assert await sb.say("hoa", "2") == [ask]
    assert await sb.say("hoa", "?") == [text("sca.bad_reason"),
                                        ask]
    reason = "Tiêu chí 1.1 thiếu giải trình số liệu"
    confirm = (f"Mở lại bảng tự chấm điểm của Sở Y tế?\nLý do: {reason}\nĐơn vị sẽ được báo để sửa rồi nộp lại; "
               "điểm kiểm tra đã nhập vẫn được giữ.\n[1] Xác nhận\n[2] Quay lại")
    assert await sb.say("hoa", reason) == [confirm]
    assert await sb.say("hoa", "đồng ý") == [CHOOSE, confirm]
    reopened = OVERVIEW.replace("• Sở Y tế: ✅ đã nộp 27/11/2026 10:00 (muộn) · đã kiểm tra 1/16",
                                text("sca.p.reopened", done=12, total=16, unit="Sở Y tế")).replace(
        "Đã nộp 3/11 · đang chấm 2", "Đã nộp 2/11 · đang chấm 3")
    assert await sb.say("hoa", "1") == [
        "↩️ Đã mở lại bảng tự chấm điểm của Sở Y tế.\nĐã gửi thông báo tới 1 đầu mối của đơn vị.", reopened]
    async with app.uow() as uow:
        yte = await uow.directory.unit_by_code(block_id, "YTE")
        row = (await uow.session.exec(select(Assessment).where(Assessment.unit_id == yte.id))).one()  # type: ignore[union-attr]
        audit = [(e.action, e.detail) for e in await uow.audit.entries(block_id) if e.action == "reopen_assessment"]
    assert (row.status, row.reopened_reason, row.late) == ("draft", reason, True)
    assert audit == [("reopen_assessment", {"assessment_id": row.id, "unit_id": yte.id, "reason": reason})]  # type: ignore[union-attr]
    assert await deliver(app) == 1
    assert sb.inbox("binh") == [f"🔓 Thường trực Khối đã mở lại bảng tự chấm điểm của Sở Y tế để sửa. Lý do: {reason}"
                                "\nGõ /chamdiem để sửa rồi nộp lại."]
    assert await sb.say("hoa", "1") == [  # Kiểm tra chéo: Sở Y tế is no longer there
        "Chọn đơn vị đã nộp để kiểm tra chéo:\n[1] Bảo hiểm Xã hội tỉnh (đã kiểm tra 1/16)\n"
        "[2] Sở Giáo dục và Đào tạo (đã kiểm tra 0/16)\n[3] Quay lại"]


async def test_reopening_the_head_units_sheet_tells_its_staff(app: App, block_id: int, sandbox: Sandbox) -> None:
    """BHXH heads the block: its staff in the secretariat score its sheet, so they hear when it is reopened (not
    the one who reopened it), besides its own contact; never «chưa có đầu mối»."""
    await people(app, block_id, sandbox)
    sb = sandbox
    await register(sb, "minh", (await codes(app, block_id))["secretariat"], "Phạm Văn Minh", "0922 222 222")
    await deliver(app)
    sb.inbox("hoa")
    for said in ("/diem", "5", "1"):  # «Mở lại bảng đã nộp», Bảo hiểm Xã hội tỉnh
        await sb.say("hoa", said)
    reason = "Tiêu chí 2.1 thiếu minh chứng"
    await sb.say("hoa", reason)
    assert (await sb.say("hoa", "1"))[0] == (
        "↩️ Đã mở lại bảng tự chấm điểm của Bảo hiểm Xã hội tỉnh.\n" + text("sca.told", count=2))
    assert await deliver(app) == 2
    notice = (f"🔓 Thường trực Khối đã mở lại bảng tự chấm điểm của Bảo hiểm Xã hội tỉnh để sửa. Lý do: {reason}"
              "\nGõ /chamdiem để sửa rồi nộp lại.")
    assert sb.inbox("minh") == [notice] and sb.inbox("cuong") == [notice]
    assert sb.inbox("hoa") == []


async def test_a_unit_reopened_meanwhile_ends_its_check(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    sb = sandbox
    for said in ("/diem", "1", "2", "1.1"):
        await sb.say("hoa", said)
    async with app.uow() as uow:  # a colleague reopens Sở Y tế's sheet meanwhile
        yte = await uow.directory.unit_by_code(block_id, "YTE")
        row = (await uow.session.exec(select(Assessment).where(Assessment.unit_id == yte.id))).one()  # type: ignore[union-attr]
        assessment = await uow.scoring.assessment_by_id(row.id or 0)
        assert assessment is not None
        await uow.scoring.mark_reopened(assessment, "Sửa lại")
        await uow.commit()
    out = await sb.say("hoa", "20")
    assert out[0].startswith("Bảng tự chấm điểm của Sở Y tế không còn ở trạng thái đã nộp (có thể vừa được mở lại)."
                             "\n\n📊 Điểm thi đua năm 2026")
    assert (await line(app, "YTE", "1.1")).checked_score is None


async def test_revoked_secretariat_is_stopped_mid_flow(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    sb = sandbox
    for said in ("/diem", "1", "2", "1.1"):
        await sb.say("hoa", said)
    async with app.uow() as uow:
        hoa = (await uow.session.exec(select(Contact).where(Contact.full_name == "Nguyễn Thị Hoa"))).one()
        hoa.revoked_at = app.clock.now()
        uow.session.add(hoa)
        await uow.commit()
    assert await sb.say("hoa", "20") == [NOT_ALLOWED]
    assert await flow_of(app, "hoa") is None
    assert (await line(app, "YTE", "1.1")).checked_score is None


async def test_zalo_a_typed_number_is_a_score_and_actions_are_words(app: App, block_id: int) -> None:
    sb = sandbox_for(app, "zalo")
    await people(app, block_id, sb)
    app.dispatcher.config = replace(app.dispatcher.config, file_channels=frozenset({"telegram"}))  # no buttons
    await sb.say("hoa", "/diem")
    await sb.say("hoa", "kiểm tra chéo")  # an option's label, typed
    out = await sb.say("hoa", "2")  # Sở Y tế: a menu number
    assert out[0].startswith("🔎 Kiểm tra chéo: Sở Y tế") and "\n\n1. ▶️ Đi lần lượt\n2. 1.1: 23/25\n" in out[0]
    ask = (f"Tiêu chí 1.2 (2/16, mục I): {TEXT_1_2}\nĐiểm tối đa 10, bước 0,5.\n"
           "Đơn vị tự chấm: 10. Giải trình: Giải trình 1.2\n"
           "Mời gõ điểm kiểm tra (ví dụ 9,5), hoặc gõ «giữ» (giữ điểm tự chấm), «quay lại».")
    assert await sb.say("hoa", "3") == [ask]  # [3] 1.2
    assert (await sb.say("hoa", "2"))[0].startswith("Điểm kiểm tra 2 khác điểm tự chấm 10 của tiêu chí 1.2.")
    assert await sb.say("hoa", "1") == [ask]  # 1. Quay lại, in the reason's numbered menu
    assert (await sb.say("hoa", "Giữ"))[0] == text("sca.saved_agreed", code="1.2", own=10)
    assert (await line(app, "YTE", "1.2")).checked_score == 10
    await sb.say("hoa", "3")
    assert (await sb.say("hoa", "xin chào"))[0] == text("sca.score_not_number", rule=text("sca.score_rule", max=10,
                                                                                          step="0,5"),
                                                        value="xin chào")
    assert (await sb.say("hoa", "quay lai"))[0].startswith("🔎 Kiểm tra chéo: Sở Y tế")
