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
SHEET_TITLE = "Bảng tiêu chí chấm điểm thi đua năm 2026"  # the sample criteria sheet's title
NOT_ALLOWED = text("not_allowed")
CHOOSE = text("choose_from_menu")
BACK = text("back")
TIE = text("sca.tie_tag")
LATE = text("sca.p.late")
SUBMITTED_AT = "27/11/2026 10:00"
TOTAL = 16  # criteria in the sample sheet


def submitted(unit: str, checked: int = 0, *, late: bool = False) -> str:
    """A progress line: the unit submitted on 27/11, late or not, with so many criteria cross-checked."""
    return text("sca.p.submitted", unit=unit, at=SUBMITTED_AT, late=LATE if late else "",
                checked=text("sca.p.checked", done=checked, total=TOTAL) if checked else "")


def not_started(unit: str) -> str:
    return text("sca.p.not_started", unit=unit)


YTE_SUBMITTED = submitted("Sở Y tế", 1, late=True)
COUNTS = text("sca.overview_counts", done=3, total=11, working=2, idle=6)
PROGRESS = "\n".join([
    text("sca.overview_header", year=2026, block=BLOCK),
    text("sca.overview_sheet", title=SHEET_TITLE, max=100, step="0,5"),
    submitted("Bảo hiểm Xã hội tỉnh", 1),
    not_started("Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh"),
    not_started("Trường Cao đẳng Cộng đồng"),
    not_started("Sở Văn hóa, Thể thao và Du lịch"),
    text("sca.p.reopened", unit="Sở Thông tin và Truyền thông", done=12, total=TOTAL),
    text("sca.p.in_progress", unit="Sở Khoa học và Công nghệ", done=2, total=TOTAL),
    YTE_SUBMITTED,
    not_started("Ban Dân tộc"),
    submitted("Sở Giáo dục và Đào tạo"),
    not_started("Đài Phát thanh và Truyền hình tỉnh"),
    not_started("Sở Lao động - Thương binh và Xã hội"),
    COUNTS])
RANKING_ACTION, EXIT = text("sca.action.ranking"), text("sca.action.exit")
ACTIONS = (text("sca.action.check"), RANKING_ACTION, text("sca.action.export"), text("sca.action.export_unit"),
           text("sca.action.reopen"), EXIT)
OBSERVER_ACTIONS = (RANKING_ACTION, text("sca.action.export"), text("sca.action.export_unit"), EXIT)


def menu(*labels: str, start: int = 1) -> str:
    return "\n".join(f"[{i}] {label}" for i, label in enumerate(labels, start))


OVERVIEW = f"{PROGRESS}\n{text('sca.overview_footer')}\n{menu(*ACTIONS)}"
NEXT_ACTION = text("sca.next_action")


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


def checked_unit(unit: str, done: int) -> str:
    return text("sca.pick_unit_checked", unit=unit, done=done, total=TOTAL)


UNITS_PICK = f"{text('sca.pick_check')}\n" + menu(
    checked_unit("Bảo hiểm Xã hội tỉnh", 1), checked_unit("Sở Y tế", 1), checked_unit("Sở Giáo dục và Đào tạo", 0),
    BACK)


def crit_open(code: str, own: object, maximum: int) -> str:
    return text("sca.crit_open", code=code, own=own, max=maximum)


CRITERIA_YTE = (crit_open("1.1", 23, 25), crit_open("1.2", 10, 10), crit_open("1.3", 10, 10),
                crit_open("1.4", 10, 10), crit_open("2.1", 10, 10), text("sca.crit_agreed", code="2.2", own=5, max=5),
                crit_open("2.3", 5, 5), crit_open("3.1", 5, 5), crit_open("3.2", 5, 5), crit_open("3.3", 5, 5),
                crit_open("4.1", 5, 5), crit_open("4.2", 5, 5), crit_open("T1", "–", 10), crit_open("T2", "–", 5),
                crit_open("D1", "–", 5), crit_open("D2", "–", 10))


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


def yte_view(self_total: str, final: str, checked: int) -> str:
    """The head of Sở Y tế's cross-check view (submitted late on 27/11)."""
    return text("sca.unit_view", unit="Sở Y tế", at=SUBMITTED_AT, late=LATE, own=self_total, final=final,
                done=checked, total=TOTAL)


def unit_view(self_total: str, final: str, checked: int, *criteria: str, hint: tuple[str, ...] = SUGGESTION,
              apply: tuple[str, ...] = (APPLY_4,)) -> str:
    return (yte_view(self_total, final, checked) + "\n" + "".join(f"{h}\n" for h in hint)
            + menu(text("sca.go_in_order"), *criteria, text("sca.finish_unit"), *apply))


def score_head(code: str, position: int, criterion: str, maximum: str, own: str) -> list[str]:
    """What the cross-check shows of a criterion before asking for its checked score."""
    section = {"1": "I", "2": "II", "3": "III", "4": "IV"}[code[0]]
    return [text("sca.ask_score_head", code=code, position=position, total=TOTAL, group=section, text=criterion),
            text("sca.ask_score_max", max=maximum, step="0,5"),
            text("sca.ask_score_self", own=own, explanation=f"Giải trình {code}")]


def ask_score(code: str, position: int, criterion: str, maximum: str, own: str, *options: str) -> str:
    return "\n".join([*score_head(code, position, criterion, maximum, own), text("sca.ask_score"), menu(*options)])


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
    assert out[0].endswith(menu(text("menu.deadlines"), text("menu.score_admin"), text("menu.polls"),
                                text("menu.whoami"), start=6))
    assert await sb.say("hoa", "7") == [OVERVIEW]


async def test_after_the_due_date_units_that_never_submitted_are_overdue(app: App, block_id: int, sandbox: Sandbox,
                                                                         clock: FrozenClock) -> None:
    await people(app, block_id, sandbox)
    clock.advance(timedelta(days=8))  # 01/12/2026, the day after the self-assessment deadline
    progress = (await sandbox.say("hoa", "/diem"))[0].splitlines()
    overdue = text("sca.p.overdue")
    assert progress[2:9] == [
        submitted("Bảo hiểm Xã hội tỉnh", 1),
        not_started("Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh") + overdue,
        not_started("Trường Cao đẳng Cộng đồng") + overdue,
        not_started("Sở Văn hóa, Thể thao và Du lịch") + overdue,
        text("sca.p.reopened", done=12, total=16, unit="Sở Thông tin và Truyền thông"),  # reopened: submitted before
        text("sca.p.in_progress", unit="Sở Khoa học và Công nghệ", done=2, total=TOTAL) + overdue,
        YTE_SUBMITTED]


async def test_cross_check_a_changed_score_needs_a_reason_and_the_unit_is_told(app: App, block_id: int,
                                                                               sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    sb = sandbox
    await sb.say("hoa", "/diem")
    assert await sb.say("hoa", "1") == [UNITS_PICK]
    assert await sb.say("hoa", "2") == [unit_view("98", "98", 1, *CRITERIA_YTE)]
    ask_1_1 = ask_score("1.1", 1, TEXT_1_1, "25", "23", text("sca.keep_self", own=23), BACK)
    assert await sb.say("hoa", "1.1") == [ask_1_1]  # a code typed instead of pressing [2]
    assert await sb.say("hoa", "22,3") == [
        text("sca.score_off_step", nearest="22 hoặc 22,5", rule=text("sca.score_rule", max=25, step="0,5"),
             value="22,3"), ask_1_1]
    assert await sb.say("hoa", "30") == [
        text("sca.score_above_max", max=25, rule=text("sca.score_rule", max=25, step="0,5"), value=30), ask_1_1]
    assert await sb.say("hoa", "hai mươi") == [
        text("sca.score_not_number", rule=text("sca.score_rule", max=25, step="0,5"), value="hai mươi"), ask_1_1]
    ask_reason = f'{text("sca.ask_reason", checked="21,5", own=23, code="1.1")}\n{menu(BACK)}'
    assert await sb.say("hoa", "21.5") == [ask_reason]
    bad_reason = text("sca.bad_reason")
    assert await sb.say("hoa", "ok") == [bad_reason, ask_reason]  # the reason is re-asked, nothing saved
    assert await sb.say("hoa", "/abc") == [bad_reason, ask_reason]
    assert await sb.send_file("hoa", "bienban.pdf", "application/pdf", 1000) == [bad_reason, ask_reason]
    assert (await line(app, "YTE", "1.1")).checked_score is None
    assert await sb.say("hoa", "1") == [ask_1_1]  # Quay lại: the score again
    assert await sb.say("hoa", "21,5") == [ask_reason]
    criteria = (text("sca.crit_changed", code="1.1", own=23, checked="21,5", max=25), *CRITERIA_YTE[1:])
    assert await sb.say("hoa", f"  {REASON_1_1}  ") == [
        text("sca.saved_changed", checked="21,5", code="1.1", own=23), unit_view("98", "96,5", 2, *criteria)]
    saved = await line(app, "YTE", "1.1")
    assert (saved.self_score, saved.checked_score, saved.check_reason) == (Decimal(23), Decimal("21.5"), REASON_1_1)

    # in order, from the first criterion not checked yet; a confirmed score needs no reason
    ask_1_2 = ask_score("1.2", 2, TEXT_1_2, "10", "10", text("sca.keep_self", own=10), text("sca.skip"), BACK)
    assert await sb.say("hoa", "1") == [ask_1_2]
    ask_1_3 = ask_score("1.3", 3, TEXT_1_3, "10", "10", text("sca.keep_self", own=10), text("sca.skip"), BACK)
    assert await sb.say("hoa", "[1]") == [text("sca.saved_agreed", code="1.2", own=10), ask_1_3]
    head_1_4 = text("sca.ask_score_head", code="1.4", position=4, total=TOTAL, group="I", text="")
    assert (await sb.say("hoa", "[2]"))[0].startswith(head_1_4)  # Bỏ qua
    agreed_1_2 = text("sca.crit_agreed", code="1.2", own=10, max=10)
    assert await sb.say("hoa", "[3]") == [unit_view("98", "96,5", 3, criteria[0], agreed_1_2, *criteria[2:])]

    # the unit hears of the changed score, not of the one confirmed as it was
    assert await sb.say("hoa", text("sca.finish_unit")) == [
        text("sca.finished", count=1, told=1, unit="Sở Y tế"),
        UNITS_PICK.replace(checked_unit("Sở Y tế", 1), checked_unit("Sở Y tế", 3))]
    assert await deliver(app) == 1
    assert sb.inbox("binh") == ["\n".join([
        text("sca.notice_checked", block=BLOCK, unit="Sở Y tế"),
        text("sca.change_line", code="1.1", text=TEXT_1_1, own=23, checked="21,5", reason=REASON_1_1),
        text("sca.notice_total", final="96,5", own=98)])]
    assert sb.inbox("cuong") == []  # another unit's contact hears nothing
    async with app.uow() as uow:
        audit = [(e.action, e.detail["criterion"], e.detail["old"], e.detail["new"], e.detail["reason"])
                 for e in await uow.audit.entries(block_id) if e.action == "check_score"]
    assert audit == [("check_score", "1.1", None, "21.50", REASON_1_1), ("check_score", "1.2", None, "10.00", None)]
    assert await sb.say("hoa", "4") == [OVERVIEW.replace(YTE_SUBMITTED, submitted("Sở Y tế", 3, late=True))]


RANKING = "\n".join([
    text("sca.ranking_header", year=2026, block=BLOCK, done=3, total=11),
    text("sca.ranking_line", rank=1, unit="Sở Giáo dục và Đào tạo", total=99, own=99, tie=""),
    text("sca.ranking_line", rank=2, unit="Bảo hiểm Xã hội tỉnh", total=98, own="99,5", tie=TIE),
    text("sca.ranking_line", rank=2, unit="Sở Y tế", total=98, own=98, tie=TIE),
    text("sca.ranking_missing", units="Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh; Trường Cao đẳng Cộng đồng; "
         "Sở Văn hóa, Thể thao và Du lịch; Sở Thông tin và Truyền thông; Sở Khoa học và Công nghệ; Ban Dân tộc; "
         "Đài Phát thanh và Truyền hình tỉnh; Sở Lao động - Thương binh và Xã hội"),
    text("sca.ranking_tie_note")])


async def test_ranking_flags_the_tie_and_the_observer_reads_only(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    sb = sandbox
    await sb.say("hoa", "/diem")
    assert await sb.say("hoa", "2") == [RANKING, f"{NEXT_ACTION}\n{menu(*ACTIONS)}"]

    observer = f"{PROGRESS}\n{text('sca.overview_footer')}\n{menu(*OBSERVER_ACTIONS)}"
    out = await sb.say("lan", "/menu")
    assert out[0].endswith(menu(text("menu.status"), text("menu.score_admin"), text("menu.polls"),
                                text("menu.whoami"), start=3))
    assert await sb.say("lan", "4") == [observer]
    assert await sb.say("lan", "1") == [RANKING, f"{NEXT_ACTION}\n{menu(*OBSERVER_ACTIONS)}"]
    replies: list[Reply] = await app.dispatcher.handle(sb.incoming("lan", "2"))
    document = replies[0].document
    assert document is not None and document.filename == "tong-hop-diem-2026.xlsx"
    assert replies[0].text == text("sca.x.summary_caption", year=2026, block=BLOCK, now="23/11/2026 09:00",
                                   done=3, total=11)
    ranking = load_workbook(BytesIO(document.content))[text("sca.x.sheet_ranking")]
    assert [[c.value for c in row][:3] for row in ranking.iter_rows(min_row=5, max_row=7)] == [
        [1, "GDDT", "Sở Giáo dục và Đào tạo"], [2, "BHXH", "Bảo hiểm Xã hội tỉnh"], [2, "YTE", "Sở Y tế"]]
    sb.inbox("lan")
    assert await sb.say("lan", "3") == [
        f"{text('sca.pick_export')}\n" + menu(*(
            "Bảo hiểm Xã hội tỉnh", "Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh", "Trường Cao đẳng Cộng đồng",
            "Sở Văn hóa, Thể thao và Du lịch", "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ", "Sở Y tế",
            "Ban Dân tộc", "Sở Giáo dục và Đào tạo", "Đài Phát thanh và Truyền hình tỉnh",
            "Sở Lao động - Thương binh và Xã hội", BACK))]
    out = await sb.say("lan", "7")
    assert out[0] == (text("sca.x.unit_caption", year=2026, unit="Sở Y tế", now="23/11/2026 09:00")
                      + "\n📎 bang-tu-cham-yte-2026.xlsx")
    assert out[1] == f"{NEXT_ACTION}\n{menu(*OBSERVER_ACTIONS)}"
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
    pick = f"{text('sca.pick_reopen')}\n" + menu("Bảo hiểm Xã hội tỉnh", "Sở Y tế", "Sở Giáo dục và Đào tạo", BACK)
    assert await sb.say("hoa", "5") == [pick]
    assert await sb.say("hoa", "4") == [OVERVIEW]  # Quay lại
    await sb.say("hoa", "5")
    ask = f'{text("sca.ask_reopen_reason", unit="Sở Y tế", at=SUBMITTED_AT)}\n{menu(BACK)}'
    assert await sb.say("hoa", "2") == [ask]
    assert await sb.say("hoa", "?") == [text("sca.bad_reason"),
                                        ask]
    reason = "Tiêu chí 1.1 thiếu giải trình số liệu"
    confirm = f'{text("sca.reopen_confirm", unit="Sở Y tế", reason=reason)}\n{menu(text("confirm"), BACK)}'
    assert await sb.say("hoa", reason) == [confirm]
    assert await sb.say("hoa", "đồng ý") == [CHOOSE, confirm]
    reopened = OVERVIEW.replace(YTE_SUBMITTED, text("sca.p.reopened", done=12, total=16, unit="Sở Y tế")).replace(
        COUNTS, text("sca.overview_counts", done=2, total=11, working=3, idle=6))
    assert await sb.say("hoa", "1") == [
        f'{text("sca.reopened", unit="Sở Y tế")}\n{text("sca.told", count=1)}', reopened]
    async with app.uow() as uow:
        yte = await uow.directory.unit_by_code(block_id, "YTE")
        row = (await uow.session.exec(select(Assessment).where(Assessment.unit_id == yte.id))).one()  # type: ignore[union-attr]
        audit = [(e.action, e.detail) for e in await uow.audit.entries(block_id) if e.action == "reopen_assessment"]
    assert (row.status, row.reopened_reason, row.late) == ("draft", reason, True)
    assert audit == [("reopen_assessment", {"assessment_id": row.id, "unit_id": yte.id, "reason": reason})]  # type: ignore[union-attr]
    assert await deliver(app) == 1
    assert sb.inbox("binh") == [text("score.notice_reopened", unit="Sở Y tế", reason=reason)]
    assert await sb.say("hoa", "1") == [  # Kiểm tra chéo: Sở Y tế is no longer there
        f"{text('sca.pick_check')}\n"
        + menu(checked_unit("Bảo hiểm Xã hội tỉnh", 1), checked_unit("Sở Giáo dục và Đào tạo", 0), BACK)]


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
        text("sca.reopened", unit="Bảo hiểm Xã hội tỉnh") + "\n" + text("sca.told", count=2))
    assert await deliver(app) == 2
    notice = text("score.notice_reopened", unit="Bảo hiểm Xã hội tỉnh", reason=reason)
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
    assert out[0].startswith(f'{text("sca.not_submitted", unit="Sở Y tế")}\n\n'
                             f'{text("sca.overview_header", year=2026, block=BLOCK)}\n')
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
    assert out[0].startswith(yte_view("98", "98", 1))
    assert f'\n\n1. {text("sca.go_in_order")}\n2. {CRITERIA_YTE[0]}\n' in out[0]
    words = ", ".join([text("sca.word_keep"), text("sca.word_back")])
    ask = "\n".join([*score_head("1.2", 2, TEXT_1_2, "10", "10"), text("sca.ask_score_words", words=words)])
    assert await sb.say("hoa", "3") == [ask]  # [3] 1.2
    assert (await sb.say("hoa", "2"))[0].startswith(text("sca.ask_reason", checked=2, own=10, code="1.2"))
    assert await sb.say("hoa", "1") == [ask]  # 1. Quay lại, in the reason's numbered menu
    assert (await sb.say("hoa", "Giữ"))[0] == text("sca.saved_agreed", code="1.2", own=10)
    assert (await line(app, "YTE", "1.2")).checked_score == 10
    await sb.say("hoa", "3")
    assert (await sb.say("hoa", "xin chào"))[0] == text("sca.score_not_number", rule=text("sca.score_rule", max=10,
                                                                                          step="0,5"),
                                                        value="xin chào")
    assert (await sb.say("hoa", "quay lai"))[0].startswith(yte_view("98", "98", 2))
