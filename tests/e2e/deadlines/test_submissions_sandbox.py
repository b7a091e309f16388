"""A unit contact submits for a deadline through the sandbox, read as chat transcripts: the covenant's
theme, a report file, an official dispatch (Zalo style), resubmission, late, closed, revoked, reminders,
and arbitrary text at every step."""

from __future__ import annotations

import dataclasses
import itertools
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from bot.app import App
from bot.channels.sandbox import Sandbox
from handlers.core.catalog import EN, VI
from handlers.core.catalog import text as catalog_text
from handlers.core.clock import FrozenClock
from storage.models import AuditLog, Contact, Deadline, DialogState, Submission, Unit
from tests.conftest import sandbox_for
from tests.e2e.deadlines.conftest import (
    COV_DUE,
    COVENANT,
    EN_COV_DUE,
    REGISTERED,
    SELF_ASSESSMENT,
    SIX_MONTH,
    THEME,
    YEAR_END,
    buttons,
    numbered,
    unit_menu,
)
from tests.helpers import codes, deliver, import_sample_sheet

PICK = catalog_text("sub.pick", unit="Sở Y tế")
LABELS = (catalog_text("sub.label", title=COVENANT, due=COV_DUE),
          catalog_text("sub.label", title=SIX_MONTH, due="15/06/2026 17:00"),
          catalog_text("sub.label", title=YEAR_END, due="30/11/2026 17:00"),
          catalog_text("sub.label", title=SELF_ASSESSMENT, due="30/11/2026 17:00"), catalog_text("cancel"))
PICK_TG = buttons(PICK, *LABELS)
ASK_THEME = catalog_text("sub.ask_theme", unit="Sở Y tế")
BAD_THEME = catalog_text("sub.bad_theme")
INTRO_COVENANT = catalog_text("sub.intro", title=COVENANT, due=COV_DUE)
INTRO_YEAR_END = catalog_text("sub.intro", title=YEAR_END, due="30/11/2026 17:00")
INTRO_LATE = catalog_text("sub.intro_late")
RESUBMIT = catalog_text("sub.intro_resubmit", at="23/11/2026 09:00")
ASK_METHOD_TG = buttons(catalog_text("sub.ask_method"), catalog_text("sub.method_file"),
                        catalog_text("sub.method_dispatch"), catalog_text("cancel"))
ASK_FILE_TG = buttons(catalog_text("sub.ask_file", max="20 MB"), catalog_text("sub.other_method"),
                      catalog_text("cancel"))
FILE_SUMMARY_TG = buttons(catalog_text("sub.file_summary", unit="Sở Y tế", title=YEAR_END, name="bao-cao.pdf",
                                       size="117 KB"),
                          catalog_text("sub.confirm"), catalog_text("sub.other_file"), catalog_text("cancel"))
ASK_DISPATCH_NO = catalog_text("sub.ask_dispatch_no")
ASK_DISPATCH_DATE = catalog_text("sub.ask_dispatch_date", example="23/11/2026")
BAD_DISPATCH_NO = catalog_text("sub.bad_dispatch_no")
UNIT_MENU_TG = unit_menu("Sở Y tế")
UNIT_MENU_ZALO = unit_menu("Sở Y tế", "zalo")
NOT_ALLOWED = catalog_text("sub.not_allowed")
CHOOSE = catalog_text("choose_from_menu")
CANCELLED = catalog_text("cancelled")
FILE_117 = catalog_text("sub.what_file", name="bao-cao.pdf", size="117 KB")


def dispatch(no: str, date: str) -> str:
    return catalog_text("sub.what_dispatch", no=no, date=date)


def done(what: str, at: str = "23/11/2026 09:00", *, title: str = YEAR_END, due: str = "30/11/2026 17:00",
         late: bool = False, replaces: str | None = None, supplement: bool = False) -> str:
    """What Sở Y tế's contact is told when a submission is recorded (the flow's lines, in its order)."""
    lines = [catalog_text("sub.done_late" if late else "sub.done_on_time", unit="Sở Y tế", title=title, what=what,
                          at=at, due=due)]
    lines += [catalog_text("sub.done_replaces", prev=replaces)] if replaces else []
    lines += [catalog_text("sub.done_supplement")] if supplement else []
    return "\n".join(lines)


def notice(what: str, *, title: str = YEAR_END, late: bool = False, replaces: str | None = None) -> str:
    """What the secretariat is told of Sở Y tế's submission, the first of the 11 units to submit."""
    return catalog_text("sub.notice", unit="Sở Y tế", title=title,
                        timing=catalog_text("sub.notice_late" if late else "sub.notice_on_time"), what=what,
                        replaced=catalog_text("sub.notice_replaces", prev=replaces) if replaces else "",
                        done=1, total=11)


async def register(sb: Sandbox, user: str, code: str, name: str, position: str, phone: str) -> None:
    for text in (f"/start {code}", "1", name, position, phone):
        await sb.say(user, text)
    assert (await sb.say(user, "1"))[0].startswith(REGISTERED)


async def block_with_people(app: App, block_id: int, sb: Sandbox) -> None:
    """Hoa runs the block (secretariat); Bình is the contact of Sở Y tế."""
    c = await codes(app, block_id)
    await register(sb, "hoa", c["secretariat"], "Nguyễn Thị Hoa", "Chánh Văn phòng", "0912 345 678")
    await register(sb, "binh", c["YTE"], "Trần Văn Bình", "Chuyên viên", "0987 654 321")
    await deliver(app)
    sb.inbox("hoa")


async def deadline_id(app: App, kind: str) -> int:
    async with app.uow() as uow:
        row = (await uow.session.exec(select(Deadline).where(Deadline.kind == kind))).one()
    assert row.id is not None
    return row.id


async def history(app: App, kind: str, unit_code: str = "YTE") -> list[Submission]:
    deadline = await deadline_id(app, kind)
    async with app.uow() as uow:  # one unit of work at a time: SQLite takes the write lock at BEGIN
        unit = (await uow.session.exec(select(Unit).where(Unit.code == unit_code))).one()
        assert unit.id is not None
        return await uow.deadlines.submission_history(deadline, unit.id)


async def set_deadline(app: App, kind: str, **values: object) -> None:
    async with app.uow() as uow:
        row = (await uow.session.exec(select(Deadline).where(Deadline.kind == kind))).one()
        for key, value in values.items():
            setattr(row, key, value)
        uow.session.add(row)
        await uow.commit()


# --- Telegram style -------------------------------------------------------------------------------


async def test_covenant_theme_is_signed_and_the_secretariat_told(app: App, block_id: int, sandbox: Sandbox) -> None:
    await block_with_people(app, block_id, sandbox)
    assert await sandbox.say("binh", "/nop") == [PICK_TG]
    assert await sandbox.say("binh", "1") == [f"{INTRO_COVENANT}\n{INTRO_LATE}", ASK_THEME]
    assert await sandbox.say("binh", "abc") == [BAD_THEME, ASK_THEME]
    assert await sandbox.say("binh", "/xyz") == [BAD_THEME, ASK_THEME]  # an unknown command is not a theme
    summary = buttons(catalog_text("sub.theme_summary", unit="Sở Y tế", theme="Đoàn kết, sáng tạo"),
                      catalog_text("sub.theme_confirm"), catalog_text("redo"), catalog_text("cancel"))
    assert await sandbox.say("binh", "  Đoàn kết,   sáng tạo ") == [summary]
    assert await sandbox.say("binh", "2") == [ASK_THEME]  # [2] Nhập lại
    await sandbox.say("binh", THEME)
    theme = catalog_text("sub.what_theme", theme=THEME)
    assert await sandbox.say("binh", "1") == [done(theme, title=COVENANT, due=COV_DUE, late=True), UNIT_MENU_TG]

    [row] = await history(app, "covenant")
    assert (row.kind, row.theme, row.late, row.superseded_at) == ("theme", THEME, True, None)
    async with app.uow() as uow:
        audit = (await uow.session.exec(select(AuditLog).where(AuditLog.action == "submit"))).one()
    assert audit.actor == f"contact:{row.contact_id}"
    assert audit.detail == {"deadline_id": row.deadline_id, "unit_id": row.unit_id, "kind": "theme", "late": True}

    assert await deliver(app) == 1
    assert sandbox.inbox("hoa") == [notice(theme, title=COVENANT, late=True)]
    assert (await sandbox.say("binh", "/nop"))[0].startswith(
        buttons(PICK, catalog_text("sub.label_done", title=COVENANT, due=COV_DUE), LABELS[1]))


async def test_report_file_refused_then_accepted_and_forwarded(app: App, block_id: int, sandbox: Sandbox) -> None:
    await block_with_people(app, block_id, sandbox)
    await sandbox.say("binh", "/nop")
    assert await sandbox.say("binh", "3") == [INTRO_YEAR_END, ASK_METHOD_TG]
    assert await sandbox.say("binh", "1") == [ASK_FILE_TG]
    assert await sandbox.say("binh", "đây là báo cáo") == [catalog_text("sub.file_expected"), ASK_FILE_TG]
    assert await sandbox.send_file("binh", "bao-cao-day-du.pdf", "application/pdf", 25 * 1024 * 1024) == [
        catalog_text("sub.file_too_big", name="bao-cao-day-du.pdf", size="25 MB", max="20 MB"), ASK_FILE_TG]
    assert await sandbox.send_file("binh", "bao-cao.pdf.exe", "application/pdf", 40_000) == [
        catalog_text("sub.file_bad_type", name="bao-cao.pdf.exe"), ASK_FILE_TG]
    assert await history(app, "year_end_report") == []
    assert await sandbox.send_file("binh", "bao-cao.pdf", "application/pdf", 120_000) == [FILE_SUMMARY_TG]
    assert await sandbox.say("binh", "1") == [done(FILE_117), UNIT_MENU_TG]

    [row] = await history(app, "year_end_report")
    assert (row.kind, row.file_name, row.mime, row.size, row.late) == (
        "document", "bao-cao.pdf", "application/pdf", 120_000, False)
    assert row.file_id is not None and row.file_id.startswith("sandbox-")

    seen = len(sandbox.channel.delivered)
    assert await deliver(app) == 1
    [forwarded] = sandbox.channel.delivered[seen:]
    assert forwarded.chat_id == Sandbox.chat_of("hoa")
    assert forwarded.text == notice(FILE_117)
    assert forwarded.document == "bao-cao.pdf"
    async with app.uow() as uow:
        [outbox] = [m for m in await uow.outbox.sent_or_failed_before(app.clock.now() + timedelta(seconds=1))
                    if m.document_file_id]
    assert outbox.document_file_id == row.file_id


async def test_resubmission_replaces_and_keeps_history(app: App, block_id: int, sandbox: Sandbox,
                                                       clock: FrozenClock) -> None:
    await block_with_people(app, block_id, sandbox)
    for text in ("/nop", "3", "2", "125/BC-SYT", "20/11/2026"):  # [2] Đã gửi qua đường công văn
        await sandbox.say("binh", text)
    assert (await sandbox.say("binh", "1"))[0] == done(dispatch("125/BC-SYT", "20/11/2026"))
    clock.advance(timedelta(hours=2))
    assert (await sandbox.say("binh", "/nop"))[0].split("\n")[3] == "[3] " + catalog_text(
        "sub.label_done", title=YEAR_END, due="30/11/2026 17:00")
    assert await sandbox.say("binh", "3") == [f"{INTRO_YEAR_END}\n{RESUBMIT}", ASK_METHOD_TG]
    await sandbox.say("binh", "1")
    await sandbox.send_file("binh", "bao-cao.pdf", "application/pdf", 120_000)
    version = await dialog_version(app, "binh")
    assert await sandbox.say("binh", "1") == [done(FILE_117, "23/11/2026 11:00", replaces="23/11/2026 09:00"),
                                              UNIT_MENU_TG]
    # a double tap on the confirm button does not submit twice
    assert await sandbox.press("binh", "confirm", version) == [catalog_text("menu_expired"), UNIT_MENU_TG]

    first, second = await history(app, "year_end_report")
    assert (first.kind, first.dispatch_no, first.superseded_at) == ("dispatch", "125/BC-SYT", second.submitted_at)
    assert first.dispatch_date == datetime(2026, 11, 19, 17, 0, tzinfo=UTC)  # local midnight of 20/11
    assert (second.kind, second.superseded_at) == ("document", None)
    async with app.uow() as uow:
        current = await uow.deadlines.current_submissions([second.deadline_id])
    assert [s.id for s in current] == [second.id]

    await deliver(app)
    assert sandbox.inbox("hoa")[-1] == notice(FILE_117, replaces="23/11/2026 09:00") + "\n📎 bao-cao.pdf"


async def test_resubmission_after_the_deadline_keeps_the_on_time_record(app: App, block_id: int, sandbox: Sandbox,
                                                                         clock: FrozenClock) -> None:
    """Submitted on time, then again after the deadline: the first counts, the second is a supplement."""
    await block_with_people(app, block_id, sandbox)
    for text in ("/nop", "3", "2", "125/BC-SYT", "20/11/2026"):
        await sandbox.say("binh", text)
    await sandbox.say("binh", "1")
    clock.advance(timedelta(days=8))  # Tuesday 01/12/2026 09:00, the day after the due date
    await sandbox.say("binh", "/nop")
    assert await sandbox.say("binh", "3") == [
        f"{INTRO_YEAR_END}\n{RESUBMIT}\n" + catalog_text("sub.intro_supplement"), ASK_METHOD_TG]
    for typed in ("2", "45/BC-YTE", "1/12/2026"):
        await sandbox.say("binh", typed)
    assert await sandbox.say("binh", "1") == [
        done(dispatch("45/BC-YTE", "01/12/2026"), "01/12/2026 09:00", replaces="23/11/2026 09:00", supplement=True),
        UNIT_MENU_TG]
    first, second = await history(app, "year_end_report")
    assert (first.late, second.late) == (False, False)
    status = (await sandbox.say("binh", "/trangthai"))[0]
    assert catalog_text("status.unit_supplement", title=YEAR_END, due="30/11/2026 17:00",
                        at="01/12/2026 09:00") in status
    block_status = (await sandbox.say("hoa", "/trangthai"))[0]
    assert catalog_text("status.counts", done=1, total=11, on_time=1, late=0) in block_status


async def test_late_submission_is_flagged(app: App, block_id: int, sandbox: Sandbox, clock: FrozenClock) -> None:
    await block_with_people(app, block_id, sandbox)
    clock.advance(timedelta(days=8))  # Tuesday 01/12/2026 09:00, the day after the due date
    await sandbox.say("binh", "/nop")
    assert await sandbox.say("binh", "3") == [
        f"{INTRO_YEAR_END}\n{INTRO_LATE}", ASK_METHOD_TG]
    for text in ("2", "45/BC-YTE", "1/12/2026"):
        await sandbox.say("binh", text)
    assert await sandbox.say("binh", "1") == [
        done(dispatch("45/BC-YTE", "01/12/2026"), "01/12/2026 09:00", late=True), UNIT_MENU_TG]
    [row] = await history(app, "year_end_report")
    assert row.late is True
    await deliver(app)
    assert sandbox.inbox("hoa") == [notice(dispatch("45/BC-YTE", "01/12/2026"), late=True)]


BY_SHEET = buttons(catalog_text("score.by_sheet", title=SELF_ASSESSMENT, unit="Sở Y tế", due="30/11/2026 17:00"),
                  catalog_text("score.opt_start"), catalog_text("cancel"))


async def test_the_self_assessment_deadline_takes_no_file_but_the_scored_sheet(app: App, block_id: int,
                                                                               sandbox: Sandbox) -> None:
    await import_sample_sheet(app, block_id)
    await block_with_people(app, block_id, sandbox)
    await sandbox.say("binh", "/nop")
    assert await sandbox.say("binh", "4") == [BY_SHEET]
    assert await sandbox.send_file("binh", "bang-diem.xlsx", "application/vnd.ms-excel", 20_000) == [CHOOSE, BY_SHEET]
    assert await sandbox.say("binh", "45/BC-YTE") == [CHOOSE, BY_SHEET]
    assert await history(app, "self_assessment") == []
    assert await sandbox.say("binh", "2") == [CANCELLED, UNIT_MENU_TG]

    reminder = f"g.submit.{await deadline_id(app, 'self_assessment')}"  # a reminder's «Nộp ngay»: the same answer
    assert await sandbox.press("binh", reminder, 0) == [BY_SHEET]
    overview = await sandbox.say("binh", "1")
    sheet = "Bảng tiêu chí chấm điểm thi đua năm 2026"  # the sample sheet's title
    assert overview[0].startswith(
        catalog_text("score.overview", title=sheet, unit="Sở Y tế", sections="", total="").split("\n\n")[0] + "\n")
    assert await step_of(app, "binh") == ("score", "overview")
    assert await history(app, "self_assessment") == []

    await sandbox.say("binh", "/chamdiem 1.1")  # the sheet scored (Tối đa everywhere) and submitted
    for _ in range(12):  # [1] Tối đa (in brackets: a button at the score step), no explanation, no file
        for said in ("[1]", "1", "1"):
            await sandbox.say("binh", said)
    await sandbox.say("binh", "/chamdiem")
    for text in ("2", "1", "1"):  # Xem lại và nộp, Nộp bảng tự chấm, Xác nhận nộp
        out = await sandbox.say("binh", text)
    assert out[0] == catalog_text("score.done_on_time", unit="Sở Y tế", total="100", at="23/11/2026 09:00",
                                  due="30/11/2026 17:00")
    [row] = await history(app, "self_assessment")  # the sheet's submission completed the deadline
    assert (row.kind, row.late) == ("assessment", False)
    assert "[4] " + catalog_text("sub.label_done", title=SELF_ASSESSMENT, due="30/11/2026 17:00") in (
        await sandbox.say("binh", "/nop"))[0]
    assert await sandbox.say("binh", "4") == [BY_SHEET]
    assert (await sandbox.say("binh", "1"))[0] == catalog_text("score.locked", unit="Sở Y tế", at="23/11/2026 09:00",
                                                               name="Trần Văn Bình", total="100")


async def test_deadline_closed_or_cancelled_meanwhile_is_refused(app: App, block_id: int, sandbox: Sandbox) -> None:
    await block_with_people(app, block_id, sandbox)
    for text in ("/nop", "3", "2", "125/BC-SYT", "20/11/2026"):
        await sandbox.say("binh", text)
    await set_deadline(app, "year_end_report", closed_at=app.clock.now())  # the secretariat closes it
    assert await sandbox.say("binh", "1") == [catalog_text("sub.closed", title=YEAR_END)]
    assert await history(app, "year_end_report") == []
    assert await step_of(app, "binh") == (None, None)
    listed = (await sandbox.say("binh", "/nop"))[0]
    assert YEAR_END not in listed and SELF_ASSESSMENT in listed

    await set_deadline(app, "self_assessment", cancelled_at=app.clock.now())
    assert await sandbox.press("binh", f"g.submit.{await deadline_id(app, 'self_assessment')}", 0) == [
        catalog_text("sub.cancelled", title=SELF_ASSESSMENT)]

    await set_deadline(app, "year_end_report", closed_at=None)  # reopened
    assert await sandbox.press("binh", f"g.submit.{await deadline_id(app, 'year_end_report')}", 0) == [
        INTRO_YEAR_END, ASK_METHOD_TG]


async def test_contact_revoked_mid_flow_is_stopped(app: App, block_id: int, sandbox: Sandbox) -> None:
    await block_with_people(app, block_id, sandbox)
    await sandbox.say("binh", "/nop")
    assert await sandbox.say("binh", "1") == [f"{INTRO_COVENANT}\n{INTRO_LATE}", ASK_THEME]
    for text in ("/menu", "3", "1", "1"):  # Thu hồi một đầu mối → Sở Y tế → Trần Văn Bình
        await sandbox.say("hoa", text)
    assert (await sandbox.say("hoa", "1"))[0].startswith(catalog_text("revoke_done", name="Trần Văn Bình",
                                                                      unit="Sở Y tế"))
    assert await sandbox.say("binh", THEME) == [NOT_ALLOWED]
    assert await history(app, "covenant") == []
    assert await step_of(app, "binh") == (None, None)
    assert await sandbox.say("binh", "/nop") == [catalog_text("not_registered_any")]


async def test_revoked_at_the_confirm_step_stores_nothing(app: App, block_id: int, sandbox: Sandbox) -> None:
    await block_with_people(app, block_id, sandbox)
    for text in ("/nop", "2", "2", "125/BC-SYT", "20/11/2026"):
        await sandbox.say("binh", text)
    async with app.uow() as uow:
        contact = (await uow.session.exec(select(Contact).where(Contact.full_name == "Trần Văn Bình"))).one()
        contact.revoked_at = app.clock.now()
        uow.session.add(contact)
        await uow.commit()
    assert await sandbox.say("binh", "1") == [NOT_ALLOWED]
    assert await history(app, "six_month_report") == []


async def test_reminder_button_starts_the_flow(app: App, block_id: int, sandbox: Sandbox) -> None:
    await block_with_people(app, block_id, sandbox)
    await sandbox.say("binh", "/toi")  # any other dialog version: the reminder's button still works
    year_end = await deadline_id(app, "year_end_report")
    assert await sandbox.press("binh", f"g.submit.{year_end}", 0) == [INTRO_YEAR_END, ASK_METHOD_TG]
    assert await sandbox.say("binh", "2") == [ASK_DISPATCH_NO]
    await sandbox.say("binh", "/huy")
    # in the middle of another step, the button restarts at this deadline
    await sandbox.say("binh", "/nop")
    await sandbox.say("binh", "1")
    assert await sandbox.press("binh", f"g.submit.{year_end}", 3) == [INTRO_YEAR_END, ASK_METHOD_TG]
    # the secretariat submits for its own unit, the head unit; a deadline that does not exist is said so
    assert await sandbox.press("hoa", f"g.submit.{year_end}", 0) == [INTRO_YEAR_END, ASK_METHOD_TG]
    await sandbox.say("hoa", "/huy")
    assert await sandbox.press("binh", "g.submit.99999", 0) == [catalog_text("sub.reminder_gone")]
    assert "Bảo hiểm Xã hội tỉnh" in (await sandbox.say("hoa", "/nop"))[0]


async def test_cancel_and_wrong_choices(app: App, block_id: int, sandbox: Sandbox) -> None:
    await block_with_people(app, block_id, sandbox)
    await sandbox.say("binh", "/nop")
    assert await sandbox.say("binh", "báo cáo") == [CHOOSE, PICK_TG]
    assert await sandbox.say("binh", "5") == [CANCELLED, UNIT_MENU_TG]  # [5] Hủy
    assert await sandbox.say("binh", "1") == [PICK_TG]  # [1] Nộp báo cáo, giao ước
    await sandbox.say("binh", "3")
    assert await sandbox.say("binh", "tệp") == [CHOOSE, ASK_METHOD_TG]
    await sandbox.say("binh", "1")
    assert await sandbox.say("binh", "1") == [ASK_METHOD_TG]  # [1] Chọn cách khác
    assert await sandbox.say("binh", "/huy") == [CANCELLED, UNIT_MENU_TG]
    assert await history(app, "year_end_report") == []


async def test_english(app: App, block_id: int, sandbox: Sandbox) -> None:
    await block_with_people(app, block_id, sandbox)
    await sandbox.say("binh", "/lang en")
    assert (await sandbox.say("binh", "/nop"))[0].startswith(
        buttons(catalog_text("sub.pick", "en", unit="Sở Y tế"), catalog_text("sub.label", "en", title=COVENANT,
                                                                            due=EN_COV_DUE)))
    assert (await sandbox.say("binh", "3"))[1] == buttons(
        catalog_text("sub.ask_method", "en"), catalog_text("sub.method_file", "en"),
        catalog_text("sub.method_dispatch", "en"), catalog_text("cancel", "en"))
    for text in ("2", "125/BC-SYT", "20-11-2026"):
        await sandbox.say("binh", text)
    assert (await sandbox.say("binh", "1"))[0] == catalog_text(
        "sub.done_on_time", "en", unit="Sở Y tế", title=YEAR_END, at="23/11/2026 09:00", due="30/11/2026 17:00",
        what=catalog_text("sub.what_dispatch", "en", no="125/BC-SYT", date="20/11/2026"))
    await deliver(app)  # the secretariat reads Vietnamese, whatever the unit's language
    assert sandbox.inbox("hoa") == [notice(dispatch("125/BC-SYT", "20/11/2026"))]


# --- Zalo style -----------------------------------------------------------------------------------


async def test_zalo_style_dispatch_with_typed_numbers(app: App, block_id: int) -> None:
    app.dispatcher.config = dataclasses.replace(app.config, file_channels=frozenset({"telegram"}))  # Zalo: no files
    zalo = sandbox_for(app, "zalo")
    await block_with_people(app, block_id, zalo)
    assert await zalo.say("binh", "/menu") == [UNIT_MENU_ZALO]
    assert await zalo.say("binh", "1") == [numbered(PICK, *LABELS)]
    method = numbered(catalog_text("sub.ask_method") + "\n" + catalog_text("sub.no_files_here"),
                      catalog_text("sub.method_dispatch"), catalog_text("cancel"))
    assert await zalo.say("binh", "3") == [INTRO_YEAR_END, method]
    assert catalog_text("sub.method_file") not in method
    assert await zalo.say("binh", "1") == [ASK_DISPATCH_NO]
    assert await zalo.say("binh", "   ") == [
        BAD_DISPATCH_NO, ASK_DISPATCH_NO]
    assert await zalo.say("binh", "x" * 58 + "/12") == [
        BAD_DISPATCH_NO, ASK_DISPATCH_NO]
    assert await zalo.say("binh", "125/BC-SYT") == [ASK_DISPATCH_DATE]
    assert await zalo.say("binh", "31/02/2026") == [
        catalog_text("sub.date_no_such_day", example="23/11/2026"), ASK_DISPATCH_DATE]
    assert await zalo.say("binh", "24/11/2026") == [
        catalog_text("sub.date_future", today="23/11/2026"), ASK_DISPATCH_DATE]
    assert await zalo.say("binh", "abc") == [
        catalog_text("sub.date_shape", example="23/11/2026"), ASK_DISPATCH_DATE]
    assert await zalo.say("binh", "31/12/2024") == [
        catalog_text("sub.date_too_old", earliest="01/01/2025"), ASK_DISPATCH_DATE]
    assert await zalo.say("binh", "1") == [
        catalog_text("sub.date_shape", example="23/11/2026"), ASK_DISPATCH_DATE]
    summary = numbered(catalog_text("sub.dispatch_summary", unit="Sở Y tế", title=YEAR_END, no="125/BC-SYT",
                                    date="05/11/2026"),
                       catalog_text("sub.confirm"), catalog_text("redo"), catalog_text("cancel"))
    assert await zalo.say("binh", "5.11.2026") == [summary]
    assert await zalo.say("binh", "2") == [ASK_DISPATCH_NO]  # Nhập lại
    await zalo.say("binh", "125/BC-SYT")
    await zalo.say("binh", "5.11.2026")
    assert await zalo.say("binh", catalog_text("sub.confirm").lower()) == [  # the option's label, typed
        done(dispatch("125/BC-SYT", "05/11/2026")), UNIT_MENU_ZALO]
    [row] = await history(app, "year_end_report")
    assert (row.kind, row.dispatch_no, row.file_id) == ("dispatch", "125/BC-SYT", None)
    assert row.dispatch_date == datetime(2026, 11, 4, 17, 0, tzinfo=UTC)


# --- arbitrary text at every step ----------------------------------------------------------------------

COVENANT_STEPS = ("theme", "theme_confirm")
REPORT_STEPS = ("method", "file", "file_confirm", "dispatch_no", "dispatch_date", "dispatch_confirm")


def _template_regex(template: str) -> str:
    parts = re.split(r"\{[^{}]*\}", template)
    return "(?s:.*?)".join(re.escape(p) for p in parts)


CATALOG_TEXT = re.compile(
    "(?:{0})(?:\n(?:{0}))*".format("|".join(_template_regex(t) for t in [*VI.values(), *EN.values()])))
junk = st.one_of(
    st.text(max_size=80),
    st.from_regex(r"/[a-zA-Z@_]{1,12}( .{0,20})?", fullmatch=True),
    st.sampled_from(["", " ", "1", "2", "3", "4", "9", "[1]", "/huy", "/nop", "/menu", "/lang en", "/lang vi",
                     "125/BC-SYT", "31/02/2026", "01/01/2020", "20/11/2026", "24/11/2026", "đoàn kết", "abcd",
                     catalog_text("sub.confirm").lower(), catalog_text("redo"),  # an option's label, typed
                     "x" * 61, "x" * 301, "\x00", "0" * 5000, "1/1/1"]),
)


async def step_of(app: App, user: str) -> tuple[str | None, str | None]:
    async with app.uow() as uow:
        state = await uow.session.get(DialogState, ("sandbox", Sandbox.chat_of(user)))
    return (state.flow, state.step) if state else (None, None)


async def dialog_version(app: App, user: str) -> int:
    async with app.uow() as uow:
        state = await uow.session.get(DialogState, ("sandbox", Sandbox.chat_of(user)))
    assert state is not None
    return state.version


def route(kind: str, target: str) -> tuple[str, ...]:
    """The steps the flow of `kind` goes through to `target`."""
    path: tuple[str, ...]
    if kind == "covenant":
        path = COVENANT_STEPS
    elif target.startswith("file"):
        path = ("method", "file", "file_confirm")
    else:
        path = ("method", "dispatch_no", "dispatch_date", "dispatch_confirm")
    return path[: path.index(target) + 1]


async def reach(app: App, sb: Sandbox, user: str, kind: str, target: str) -> None:
    """Valid input until the submission flow of `kind` stands at `target`."""
    steps = route(kind, target)
    for _ in range(12):
        flow, step = await step_of(app, user)
        if flow == "submit" and step == target:
            return
        if flow != "submit" or step not in steps:
            await sb.press(user, f"g.submit.{await deadline_id(app, kind)}", 0)
        elif step == "theme":
            await sb.say(user, THEME)
        elif step == "method":
            await sb.press(user, steps[1].split("_")[0], await dialog_version(app, user))
        elif step == "file":
            await sb.send_file(user, "bao-cao.docx", "application/octet-stream", 5_000)
        elif step == "dispatch_no":
            await sb.say(user, "125/BC-SYT")
        elif step == "dispatch_date":
            await sb.say(user, "20/11/2026")
        else:
            pytest.fail(f"cannot go on from {step} to {target}")
    pytest.fail(f"could not reach {target}: {await step_of(app, user)}")


def assert_valid(row: Submission) -> None:
    if row.kind == "theme":
        assert row.theme is not None and 5 <= len(row.theme) <= 300 and row.theme == row.theme.strip()
    elif row.kind == "dispatch":
        assert row.dispatch_no is not None and 1 <= len(row.dispatch_no) <= 60
        assert any(ch.isdigit() for ch in row.dispatch_no)
        assert row.dispatch_date is not None
        assert date(2025, 1, 1) <= (row.dispatch_date + timedelta(hours=7)).date() <= date(2026, 11, 23)
        assert row.dispatch_date.astimezone(UTC).hour == 17  # local midnight
    else:
        assert row.kind == "document" and row.file_id and row.file_name == "bao-cao.docx"


_people = itertools.count(1)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(junk, min_size=len(COVENANT_STEPS) + len(REPORT_STEPS),
                      max_size=len(COVENANT_STEPS) + len(REPORT_STEPS)))
async def test_arbitrary_text_at_every_step_never_breaks_submitting(
    app: App, block_id: int, sandbox: Sandbox, texts: list[str]
) -> None:
    user = f"u{next(_people)}"
    c = await codes(app, block_id)
    await register(sandbox, user, c["GDDT"], "Lê Thị An", "Chuyên viên", f"0912 000 {next(_people):03d}")
    chat = Sandbox.chat_of(user)
    steps = [("covenant", s) for s in COVENANT_STEPS] + [("year_end_report", s) for s in REPORT_STEPS]
    for (kind, step), text in zip(steps, texts, strict=True):
        await reach(app, sandbox, user, kind, step)
        seen = len(sandbox.channel.delivered)
        await sandbox.say(user, text)
        replies = [d.text for d in sandbox.channel.delivered[seen:] if d.chat_id == chat]
        assert replies, f"no answer to {text!r} at {step}"
        for reply in replies:
            assert reply not in (VI["internal_error"], EN["internal_error"]), (step, text)
            assert CATALOG_TEXT.fullmatch(reply), (step, text, reply)
    async with app.uow() as uow:
        rows = list((await uow.session.exec(select(Submission))).all())
    for row in rows:
        assert_valid(row)
