"""The secretariat manages the term's deadlines in chat (/hannop), read as sandbox transcripts."""

from __future__ import annotations

from datetime import UTC, datetime
from io import BytesIO

from openpyxl import load_workbook
from sqlmodel import select

from bot.app import App
from bot.channels.sandbox import Sandbox
from handlers.core.catalog import text
from handlers.core.messages import Reply
from storage.models import Contact, Deadline, Submission
from tests.conftest import sandbox_for
from tests.e2e.deadlines.conftest import BLOCK, COV_DUE, COVENANT, SIX_MONTH, THEME, YEAR_END, buttons, numbered
from tests.e2e.deadlines.conftest import SELF_ASSESSMENT as SELF
from tests.helpers import codes, deliver, register

NEW = "Báo cáo chuyên đề chuyển đổi số năm 2026"
ACTIONS = tuple(text(f"dl.action.{a}") for a in ("add", "move", "cancel", "close", "export_submissions",
                                                  "export_themes", "exit"))
KINDS = {kind: text(f"dl.kind.{kind}") for kind in ("covenant", "six_month_report", "year_end_report",
                                                    "self_assessment", "custom")}
DUES = {COVENANT: ("covenant", COV_DUE), SIX_MONTH: ("six_month_report", "15/06/2026 17:00"),
        YEAR_END: ("year_end_report", "30/11/2026 17:00"), SELF: ("self_assessment", "30/11/2026 17:00")}
BACK = text("back")
ASK_DUE_FORMAT = text("dl.due_bad_format", text="{}")
NOT_ALLOWED = text("not_allowed")
CHOOSE = text("choose_from_menu")
TOLD_2 = text("dl.told", count=2)


def overview(*lines: str, zalo: bool = False) -> str:
    """Telegram style: buttons as `[n] label`; Zalo style: a numbered menu after a blank line."""
    body = "\n".join([text("dl.overview_header", year=2026, block=BLOCK), *lines, text("dl.overview_footer")])
    return numbered(body, *ACTIONS) if zalo else buttons(body, *ACTIONS)


def line(title: str, done: int = 0, closed: bool = False, due: str | None = None) -> str:
    """One deadline in the overview: a sample deadline by its title (due as imported unless moved), or another,
    of the kind «Khác»."""
    kind, sample_due = DUES.get(title, ("custom", ""))
    due = due or sample_due
    return text("dl.overview_line", title=title, kind=KINDS[kind], due=due, done=done, total=11,
                closed=text("dl.closed_tag") if closed else "")


def pick_labels(key: str = "dl.pick_label") -> list[str]:
    return [text(key, title=title, due=due) for title, (_, due) in DUES.items()]


ALL = (line(COVENANT), line(SIX_MONTH), line(YEAR_END), line(SELF))
FULL = overview(*ALL)


async def people(app: App, block_id: int, sb: Sandbox) -> None:
    """hoa runs the block; binh (Sở Y tế) and cuong (Sở Giáo dục và Đào tạo) are unit contacts."""
    c = await codes(app, block_id)
    await register(sb, "hoa", c["secretariat"], "Nguyễn Thị Hoa", "0912 345 678")
    await register(sb, "binh", c["YTE"], "Trần Văn Bình", "0987 654 321")
    await register(sb, "cuong", c["GDDT"], "Đỗ Mạnh Cường", "0903 111 222")
    await deliver(app)
    for user in ("hoa", "binh", "cuong"):
        sb.inbox(user)


async def deadline(app: App, title: str) -> Deadline:
    async with app.uow() as uow:
        return (await uow.session.exec(select(Deadline).where(Deadline.title == title))).one()


async def flow_of(app: App, user: str) -> str | None:
    async with app.uow() as uow:
        state = await uow.dialogs.get("sandbox", f"sb-{user}")
    assert state is not None
    return state.flow


async def actions(app: App, block_id: int) -> list[tuple[str, str, object]]:
    async with app.uow() as uow:
        return [(e.actor.split(":")[0], e.action, e.detail.get("title")) for e in await uow.audit.entries(block_id)
                if e.action not in ("import_block", "register")]


async def test_add_a_deadline_with_wrong_dates_on_the_way(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    sb = sandbox
    assert await sb.say("hoa", "/hannop") == [FULL]
    kinds = buttons(text("dl.ask_kind"), *KINDS.values(), BACK)
    assert await sb.say("hoa", "1") == [kinds]
    assert await sb.say("hoa", "báo cáo gì đây?") == [CHOOSE, kinds]
    ask_title = buttons(text("dl.ask_title", kind=KINDS["custom"], year=2026), BACK)
    assert await sb.say("hoa", "5") == [ask_title]
    bad_title = text("dl.bad_title")
    assert await sb.say("hoa", "ab") == [bad_title, ask_title]
    assert await sb.say("hoa", "x" * 301) == [bad_title, ask_title]
    ask_due = buttons(text("dl.ask_due", title=NEW, year=2026), BACK)
    assert await sb.say("hoa", f"  {NEW}  ") == [ask_due]
    assert await sb.say("hoa", "32/13/2026") == [
        text("dl.due_no_such_day", text="32/13/2026"),
        ask_due]
    assert await sb.say("hoa", "20/11/2026") == [
        text("dl.due_past", due="20/11/2026 17:00", now="23/11/2026 09:00"),
        ask_due]
    assert await sb.say("hoa", "cuối tháng") == [ASK_DUE_FORMAT.format("cuối tháng"), ask_due]
    keep_or_other = (text("dl.keep_date"), text("dl.other_date"), BACK)
    assert await sb.say("hoa", "24/11/2026") == [buttons("\n".join([
        text("dl.warn_holiday", date="24/11/2026", holiday="Ngày Văn hóa Việt Nam"),  # the holidays library's name
        text("dl.warn_effective", effective="25/11/2026 17:00"),
        text("dl.warn_ask", due="24/11/2026 17:00")]), *keep_or_other)]
    assert await sb.say("hoa", "06/12/2026 10:00") == [buttons("\n".join([  # typed straight away: a Sunday
        text("dl.warn_weekend", date="06/12/2026", weekday=text("dl.weekday.6")),
        text("dl.warn_effective", effective="07/12/2026 10:00"),
        text("dl.warn_ask", due="06/12/2026 10:00")]), *keep_or_other)]
    assert await sb.say("hoa", "2") == [ask_due]
    summary = buttons(text("dl.add_summary", kind=KINDS["custom"], title=NEW, weekday=text("dl.weekday.0"),
                           due="07/12/2026 10:30"),
                      text("confirm"), text("dl.redo_add"), BACK)
    assert await sb.say("hoa", "7/12/2026 10h30") == [summary]
    assert await sb.say("hoa", "1") == [
        f"{text('dl.added', title=NEW, due='07/12/2026 10:30')}\n{TOLD_2}",
        overview(line(COVENANT), line(SIX_MONTH), line(YEAR_END), line(SELF),
                 line(NEW, due="07/12/2026 10:30"))]

    added = await deadline(app, NEW)
    assert (added.kind, added.due_at, added.revision) == ("custom", datetime(2026, 12, 7, 3, 30, tzinfo=UTC), 1)
    assert await actions(app, block_id) == [("contact", "add_deadline", NEW)]
    assert await deliver(app) == 2
    notice = text("dl.notice_added", block=BLOCK, title=NEW, due="07/12/2026 10:30")
    assert sb.inbox("binh") == [notice] and sb.inbox("cuong") == [notice]

    # the same kind and title again is refused at the title step
    await sb.say("hoa", "1")
    await sb.say("hoa", "5")
    assert (await sb.say("hoa", NEW.upper()))[0] == text("dl.title_taken", kind=KINDS["custom"], title=NEW.upper())
    assert (await sb.say("hoa", "1"))[0].startswith(text("dl.overview_header", year=2026, block=BLOCK))  # Quay lại
    assert await sb.say("hoa", "7") == [text("dl.bye")]


async def test_move_a_deadline_tells_the_units(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    sb = sandbox
    await sb.say("hoa", "/menu")
    assert await sb.say("hoa", "6") == [FULL]  # [6] Quản lý hạn nộp
    pick = buttons(text("dl.pick_move"), *pick_labels(), BACK)
    assert await sb.say("hoa", "2") == [pick]
    assert await sb.say("hoa", "9") == [CHOOSE, pick]
    ask = buttons(text("dl.ask_new_due", title=YEAR_END, due="30/11/2026 17:00"), BACK)
    assert await sb.say("hoa", "3") == [ask]
    assert await sb.say("hoa", "30/11/2026") == [
        text("dl.due_same", due="30/11/2026 17:00"), ask]
    no_such = text("dl.due_no_such_day", text="{}")
    assert await sb.say("hoa", "31/11/2026") == [no_such.format("31/11/2026"), ask]
    assert await sb.say("hoa", "04/12/2026 25:00") == [no_such.format("04/12/2026 25:00"), ask]
    assert (await sb.say("hoa", "05/12/2026"))[0].startswith(text("dl.warn_weekend", date="05/12/2026",
                                                                  weekday=text("dl.weekday.5")))
    confirm = buttons(text("dl.move_confirm", title=YEAR_END, old="30/11/2026 17:00", weekday=text("dl.weekday.4"),
                           new="04/12/2026 17:00"),
                      text("confirm"), BACK)
    assert await sb.say("hoa", "04/12/2026") == [confirm]
    assert await sb.say("hoa", "đồng ý") == [CHOOSE, confirm]
    out = await sb.say("hoa", "1")
    assert out[0] == f"{text('dl.moved', title=YEAR_END, old='30/11/2026 17:00', new='04/12/2026 17:00')}\n{TOLD_2}"
    assert line(YEAR_END, due="04/12/2026 17:00") in out[1]
    assert out[1].index(SELF) < out[1].index(YEAR_END)  # the overview follows the due dates

    moved = await deadline(app, YEAR_END)
    assert (moved.due_at, moved.revision) == (datetime(2026, 12, 4, 10, 0, tzinfo=UTC), 2)
    assert await deliver(app) == 2
    notice = text("dl.notice_moved", block=BLOCK, title=YEAR_END, old="30/11/2026 17:00", new="04/12/2026 17:00")
    assert sb.inbox("binh") == [notice] and sb.inbox("cuong") == [notice]
    assert sb.inbox("hoa") == []  # the secretariat got its answer in the chat, not a notice


async def test_extending_a_past_deadline_makes_late_submissions_on_time(app: App, block_id: int,
                                                                        sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    six = await deadline(app, SIX_MONTH)
    async with app.uow() as uow:
        yte = await uow.directory.unit_by_code(block_id, "YTE")
        assert yte is not None and yte.id is not None and six.id is not None
        await uow.deadlines.submit(Submission(deadline_id=six.id, unit_id=yte.id, kind="document",
                                              file_id="f1", file_name="bc-6thang.pdf",
                                              submitted_at=datetime(2026, 6, 20, 3, 0, tzinfo=UTC), late=True))
        await uow.commit()
    for said in ("/hannop", "2", "2"):
        await sandbox.say("hoa", said)
    assert (await sandbox.say("hoa", "30/11/2026"))[0].startswith(text(
        "dl.move_confirm", title=SIX_MONTH, old="15/06/2026 17:00", weekday=text("dl.weekday.0"),
        new="30/11/2026 17:00"))
    out = await sandbox.say("hoa", "1")
    assert line(SIX_MONTH, done=1, due="30/11/2026 17:00") in out[1]
    async with app.uow() as uow:
        [current] = await uow.deadlines.current_submissions([six.id])
    assert current.late is False
    out = await sandbox.say("hoa", "/trangthai")
    assert text("status.counts", done=1, total=11, on_time=1, late=0) in out[0]


async def test_cancel_a_deadline(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    sb = sandbox
    assert await sb.say("cuong", "/lang en") == [text("lang_set", "en")]
    await sb.say("hoa", "/hannop")
    assert (await sb.say("hoa", "3")) == [buttons(text("dl.pick_cancel"), *pick_labels(), BACK)]
    confirm = buttons(text("dl.cancel_confirm", title=SELF, due="30/11/2026 17:00"), text("confirm"), BACK)
    assert await sb.say("hoa", "4") == [confirm]
    assert await sb.say("hoa", "2") == [FULL]  # Quay lại: nothing cancelled
    await sb.say("hoa", "3")
    await sb.say("hoa", "4")
    assert await sb.say("hoa", "1") == [f"{text('dl.cancelled', title=SELF)}\n{TOLD_2}",
                                        overview(line(COVENANT), line(SIX_MONTH), line(YEAR_END))]
    assert (await deadline(app, SELF)).cancelled_at == app.clock.now()
    assert await deliver(app) == 2
    assert sb.inbox("binh") == [text("dl.notice_cancelled", block=BLOCK, title=SELF, due="30/11/2026 17:00")]
    assert sb.inbox("cuong") == [  # in the recipient's language
        text("dl.notice_cancelled", "en", block=BLOCK, title=SELF, due="30/11/2026 17:00")]
    assert await actions(app, block_id) == [("contact", "cancel_deadline", SELF)]
    out = await sb.say("hoa", "/trangthai")
    assert SELF not in out[0]


async def test_close_and_reopen_late_submissions(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    sb = sandbox
    await sb.say("hoa", "/hannop")
    pick = buttons(text("dl.pick_close"), *pick_labels("dl.pick_close_one"), BACK)
    assert await sb.say("hoa", "4") == [pick]
    assert await sb.say("hoa", "1") == [
        text("dl.closed", title=COVENANT, due=COV_DUE),
        overview(line(COVENANT, closed=True), line(SIX_MONTH), line(YEAR_END), line(SELF))]
    assert (await deadline(app, COVENANT)).closed_at == app.clock.now()
    assert (await sb.say("hoa", "4"))[0].split("\n")[1] == "[1] " + text("dl.pick_reopen", title=COVENANT, due=COV_DUE)
    assert await sb.say("hoa", "1") == [text("dl.reopened", title=COVENANT, due=COV_DUE), FULL]
    assert (await deadline(app, COVENANT)).closed_at is None
    assert [a for _, a, _ in await actions(app, block_id)] == ["close_deadline", "reopen_deadline"]
    assert await deliver(app) == 0  # closing tells nobody


async def test_only_the_secretariat_and_at_every_step(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    sb = sandbox
    assert await sb.say("binh", "/hannop") == [NOT_ALLOWED]
    assert await sb.say("lan", "/hannop") == [
        text("not_registered_any")]
    async with app.uow() as uow:  # a secretariat option smuggled into a unit contact's dialog is refused too
        state = await uow.dialogs.load_for_update("sandbox", "sb-binh", datetime.now(UTC))
        assert state is not None
        state.flow, state.step, state.data = "deadlines", "cancel_confirm", {"block_id": block_id, "deadline_id": 1}
        state.choices = [["confirm", text("confirm")]]
        await uow.dialogs.save(state)
        await uow.commit()
    assert await sb.say("binh", text("confirm")) == [NOT_ALLOWED]
    assert (await deadline(app, COVENANT)).cancelled_at is None

    await sb.say("hoa", "/hannop")
    await sb.say("hoa", "2")
    await sb.say("hoa", "3")
    async with app.uow() as uow:  # meanwhile the operator withdraws hoa's secretariat role
        hoa = (await uow.session.exec(select(Contact).where(Contact.full_name == "Nguyễn Thị Hoa"))).one()
        hoa.revoked_at = app.clock.now()
        uow.session.add(hoa)
        await uow.commit()
    assert await sb.say("hoa", "04/12/2026") == [NOT_ALLOWED]
    assert await flow_of(app, "hoa") is None
    assert (await deadline(app, YEAR_END)).revision == 1


async def test_any_input_is_answered(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    sb = sandbox
    await sb.say("hoa", "/hannop")
    assert await sb.say("hoa", "xin chào") == [CHOOSE, FULL]
    assert await sb.send_file("hoa", "baocao.pdf", "application/pdf", 1000) == [CHOOSE, FULL]
    async with app.uow() as uow:
        state = await uow.dialogs.get("sandbox", "sb-hoa")
        assert state is not None
        overview_version = state.version
    await sb.say("hoa", "1")
    ask_title = await sb.say("hoa", "1")  # Giao ước thi đua
    # a button of the overview pressed now is stale: the current step is asked again, nothing moves
    assert await sb.press("hoa", "a.move", overview_version) == [
        text("menu_expired"), *ask_title]
    assert (await sb.say("hoa", "/abc"))[0] == text("dl.bad_title")
    await sb.say("hoa", "Giao ước bổ sung")
    out = await sb.send_file("hoa", "lich.pdf", "application/pdf", 1000)
    assert out[0] == text("dl.due_empty")
    assert (await sb.say("hoa", "{due} %s \\ 🎉"))[0] == ASK_DUE_FORMAT.format("{due} %s \\ 🎉")
    assert (await sb.say("hoa", "x" * 100))[0] == ASK_DUE_FORMAT.format("x" * 39 + "…")
    assert await flow_of(app, "hoa") == "deadlines"
    assert (await sb.say("hoa", "/huy"))[0] == text("cancelled")
    assert await flow_of(app, "hoa") is None
    assert (await sb.say("hoa", "/hannop")) == [FULL]  # nothing was added on the way


async def test_exports_in_chat(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    covenant = await deadline(app, COVENANT)
    async with app.uow() as uow:
        bhxh = await uow.directory.unit_by_code(block_id, "BHXH")
        assert bhxh is not None and bhxh.id is not None and covenant.id is not None
        await uow.deadlines.submit(Submission(deadline_id=covenant.id, unit_id=bhxh.id, kind="theme", theme=THEME,
                                              submitted_at=datetime(2026, 3, 10, 2, 0, tzinfo=UTC)))
        await uow.commit()
    await sandbox.say("hoa", "/hannop")
    out = await sandbox.say("hoa", "5")
    assert out[0] == (text("export.submissions_caption", block=BLOCK, year=2026, now="23/11/2026 09:00") + "\n"
                      "📎 tinh-hinh-nop-2026.xlsx")
    assert out[1] == overview(line(COVENANT, done=1), line(SIX_MONTH), line(YEAR_END), line(SELF))

    replies: list[Reply] = await app.dispatcher.handle(sandbox.incoming("hoa", "6"))
    document = replies[0].document
    assert document is not None and document.filename == "chu-de-thi-dua-2026.xlsx"
    assert document.mime == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert replies[0].text == text("export.themes_caption", year=2026, block=BLOCK, done=1, total=11)
    sheet = load_workbook(BytesIO(document.content)).active
    assert [c.value for c in sheet[5]] == [1, "Bảo hiểm Xã hội tỉnh", THEME, "10/03/2026"]
    assert [a for _, a, _ in await actions(app, block_id)] == ["export", "export"]


async def test_zalo_style_numbered_menu(app: App, block_id: int) -> None:
    sb = sandbox_for(app, "zalo")
    await people(app, block_id, sb)
    out = await sb.say("hoa", "/hannop")
    assert out == [overview(*ALL, zalo=True)]
    out = await sb.say("hoa", "xuất excel tình hình nộp")  # an option's label, typed
    assert out[0].endswith("\n📎 tinh-hinh-nop-2026.xlsx")
    assert await sb.say("hoa", "7") == [text("dl.bye")]


async def test_the_reminder_plan_in_chat(app: App, block_id: int, sandbox: Sandbox) -> None:
    """`/hannop lich` shows the mornings each open deadline's reminders go out, as `thidua deadline schedule`
    prints them (the covenant's Sunday deadline runs to Monday 16/03), then the usual overview."""
    await people(app, block_id, sandbox)
    sb = sandbox
    plan, menu_after = await sb.say("hoa", "/hannop lich")
    assert menu_after == FULL
    lines = plan.splitlines()
    assert lines[0] == text("dl.plan_title", block=BLOCK)
    start = lines.index(text("dl.plan_header", title=COVENANT, due=COV_DUE))
    assert lines[start + 1] == text("dl.plan_line", weekday=text("dl.weekday.3"), at="05/03/2026 08:00",
                                    what=text("dl.plan_before", n=7), past=text("dl.plan_past"))
    assert lines[start + 4] == text("dl.plan_line", weekday=text("dl.weekday.0"), at="16/03/2026 08:00",
                                    what=text("dl.plan_due_day"), past=text("dl.plan_past"))
    assert text("dl.plan_header", title=SELF, due="30/11/2026 17:00") in lines
    assert await sb.say("hoa", "/hannop  Lịch ") == [plan, FULL]
    assert await sb.say("binh", "/hannop lich") == [NOT_ALLOWED]  # a unit's contact sees no plan
