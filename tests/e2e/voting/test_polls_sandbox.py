"""The secretariat's side of the vote in the sandbox, read as transcripts: /baucu, preparing a poll with
the defaults in a few taps, every setting changed by typing (bad input first), opening, the observer
reading along, closing with the result and the minutes, the time limit, and the runoff after a tie."""

from __future__ import annotations

from datetime import timedelta

from bot.app import App
from bot.channels.sandbox import Sandbox
from handlers.core.catalog import VI, Catalog, template, text
from handlers.core.clock import FrozenClock
from handlers.voting.flows import polls_prepare as prepare
from handlers.voting.flows import polls_view as view
from handlers.voting.setup import new_draft
from storage.models_vote import CLOSED, OPEN, Poll
from tests.conftest import sandbox_for
from tests.e2e.voting.poll_texts import (
    action,
    ask_kind,
    kind,
    menu,
    opened,
    page,
    result,
    result_line,
    settings,
    summary,
)
from tests.helpers import cast_test_ballot, codes, deliver, register

BLOCK = "Khối thi đua Văn hóa - Xã hội"
FLAG = text("poll.question.flag", year=2026)  # the question the bot proposes, kept with «Giữ nội dung này»
CERTIFICATE = text("poll.question.certificate", year=2026)
CHOOSE = text("choose_from_menu")
UNITS = ["Bảo hiểm Xã hội tỉnh", "Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh", "Trường Cao đẳng Cộng đồng",
         "Sở Văn hóa, Thể thao và Du lịch", "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ", "Sở Y tế",
         "Ban Dân tộc", "Sở Giáo dục và Đào tạo", "Đài Phát thanh và Truyền hình tỉnh",
         "Sở Lao động - Thương binh và Xã hội"]
CODES = ["BHXH", "CDNDTNT", "CDCD", "VHTTDL", "TTTT", "KHCN", "YTE", "BDT", "GDDT", "PTTH", "LDTBXH"]
LIST_HEADER = text("poll.list_header", year=2026, block=BLOCK)
NO_POLLS = f"{LIST_HEADER}\n{text('poll.list_empty')}\n{text('poll.list_footer')}\n" + menu(action("new"),
                                                                                               action("exit"))
BALLOT_NOTICE = template("vote.notice").split("{question}")[0]  # «🗳️ Bỏ phiếu kín: » and the question


async def people(app: App, block_id: int, sb: Sandbox) -> None:
    """Hoa runs the block; Bình is Sở Y tế's contact; Lan the provincial observer."""
    c = await codes(app, block_id)
    await register(sb, "hoa", c["secretariat"], "Nguyễn Thị Hoa", "0912 345 678")
    await register(sb, "binh", c["YTE"], "Trần Văn Bình", "0987 654 321")
    await register(sb, "lan", c["observer"], "Lê Thị Lan", "0904 222 333")
    await deliver(app)
    for user in ("hoa", "binh", "lan"):
        sb.inbox(user)


async def polls(app: App) -> list[Poll]:
    async with app.uow() as uow:
        term = await uow.directory.current_term(1)
        assert term is not None and term.id is not None
        return await uow.polls.of_term(term.id)


async def test_a_flag_poll_in_a_few_taps_opened_read_by_the_observer_and_closed(app: App, block_id: int,
                                                                                sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    sb = sandbox
    assert await sb.say("hoa", "/baucu") == [NO_POLLS]
    assert await sb.say("hoa", "1") == [ask_kind()]
    assert await sb.say("hoa", "1") == [
        text("poll.ask_question", question=FLAG) + "\n" + menu(action("keep_question"), action("back"))]
    assert await sb.say("hoa", "1") == [text("poll.ask_candidates") + "\n" + menu(
        action("all_units", count=11), action("pick_units"), action("back"))]  # no scores yet: no «top N»
    assert await sb.say("hoa", "1") == [
        text("poll.ask_seats", candidates=11, seats=1) + "\n" + menu("1", "2", "3")]
    assert await sb.say("hoa", "1") == [summary(settings("flag", FLAG, UNITS))]
    said = await sb.say("hoa", "2")  # ▶️ Lưu và mở bỏ phiếu ngay
    assert said[:2] == [text("poll.saved", id=1, question=FLAG), opened(1, FLAG, ballots=2, members=11)]
    assert said[2] == (page(1, "open", settings("flag", FLAG, UNITS), text("poll.page_opened", at="23/11/2026 09:00"),
                            text("poll.turnout", voted=0, members=11))
                       + "\n" + menu(action("refresh"), action("close"), action("back")))
    await deliver(app)
    assert sb.inbox("binh")[0].startswith(BALLOT_NOTICE + FLAG)  # the unit side's ballot notice
    assert sb.inbox("lan") == []  # the observer never votes
    assert sb.inbox("hoa")[0].startswith(BALLOT_NOTICE + FLAG)  # the secretariat votes for the head unit

    for voter in ("BHXH", "CDNDTNT", "CDCD", "VHTTDL", "TTTT", "KHCN", "BDT"):
        await cast_test_ballot(app, block_id, 1, voter, ["YTE"])
    await cast_test_ballot(app, block_id, 1, "GDDT", ["GDDT"])
    short = FLAG.split(" tỉnh")[0] + "…"  # the list cuts a long question at a word
    assert await sb.say("lan", "/baucu") == ["\n".join([
        LIST_HEADER, text("poll.list_line", id=1, kind=kind("flag"), question=short, status=text("poll.status.open"),
                          extra=text("poll.list_open", voted=8, members=11)),
        text("poll.list_footer_observer"), menu(action("show", id=1, kind=kind("flag")), action("exit"))])]
    turnout = text("poll.turnout", voted=8, members=11)
    view_page = await sb.say("lan", "1")
    assert view_page[0].endswith(f"{turnout}\n" + menu(action("refresh"), action("back")))  # no close
    assert await sb.press("lan", "v.close", 0) == [text("menu_expired"), view_page[0]]

    assert (await sb.say("hoa", "/baucu 1"))[0].endswith(f"{turnout}\n" + menu(
        action("refresh"), action("close"), action("back")))
    assert await sb.say("hoa", "2") == [text("poll.confirm_close", id=1, question=FLAG, voted=8, members=11) + "\n"
                                        + menu(action("confirm_close"), action("back"))]
    closed = await sb.say("hoa", "1")
    others = [u for u in UNITS if u not in ("Sở Y tế", "Sở Giáo dục và Đào tạo")]
    count = result(1, BLOCK, FLAG, members=11, returned=8, turnout="72,73", valid=8, invalid=0, blank=0, lines=[
        result_line(1, "Sở Y tế", 7, "63,64", "elected"), result_line(2, "Sở Giáo dục và Đào tạo", 1, "9,09"),
        *(result_line(n, u, 0, "0,00") for n, u in enumerate(others, 3))],
        tail=[text("poll.result_elected", units="Sở Y tế")])
    assert closed[0].startswith(count + "\n\n" + text("poll.receipts_counted", id=1, count=8) + "\n"
                                + text("poll.receipts_explain"))
    assert "\n" + "0" * 8 not in closed[0] and len(closed[0]) < len(count) + 500  # no wall of hashes
    assert closed[1].startswith(text("poll.minutes_caption", id=1) + "\n📎")
    closed_header = text("poll.page_header", id=1, status=text("poll.status.closed"))
    assert closed[2].startswith(closed_header) and closed[2].endswith(
        menu(action("minutes"), action("receipts"), action("back")))
    await deliver(app)
    assert sb.inbox("binh")[-1] == count and sb.inbox("lan") == [count]
    assert sb.inbox("hoa") == []  # hoa got it as the reply, not twice
    assert (await sb.say("lan", "1"))[0].startswith(closed_header)  # 🔄 on the old page
    receipts = (await sb.say("lan", "2"))[0]
    assert receipts.startswith(text("poll.receipts_counted", id=1, count=8))
    assert "📎 ma-bien-nhan-phieu-1.txt" in receipts
    assert [p.status for p in await polls(app)] == [CLOSED]


async def test_every_setting_typed_bad_input_first_then_saved_and_opened(app: App, block_id: int,
                                                                         sandbox: Sandbox) -> None:
    """On Zalo, where every number is typed: a number is a menu item only where the step shows a menu."""
    await people(app, block_id, sandbox)
    sb = sandbox_for(app, "zalo")
    await sb.say("hoa", "/baucu")
    await sb.say("hoa", "1")
    await sb.say("hoa", "2")  # Bằng khen
    question = "Bình xét 2 đơn vị đề nghị UBND tỉnh tặng Bằng khen năm 2026"
    assert (await sb.say("hoa", f"  {question} "))[0].startswith(text("poll.ask_candidates"))
    ask_units = (await sb.say("hoa", "2"))[0]
    unit_lines = [text("poll.unit_line", n=n, code=code, unit=unit)
                  for n, (code, unit) in enumerate(zip(CODES, UNITS, strict=True), 1)]
    assert ask_units == "\n".join([text("poll.ask_units"), *unit_lines])
    assert await sb.say("hoa", "1 99 xyz") == [text("poll.bad.units", unknown="99, xyz", count=11), ask_units]
    ask_seats = text("poll.ask_seats", candidates=4, seats=3)
    assert (await sb.say("hoa", "yte, 9 4-5"))[0].startswith(ask_seats)
    assert await sb.say("hoa", "5") == [  # more seats than candidates
        text("poll.bad.seats", candidates=4), ask_seats + "\n" + menu("1", "2", "3", zalo=True)]
    chosen = ["Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch", "Sở Thông tin và Truyền thông"]
    assert await sb.say("hoa", "2 ghế") == [summary(settings("certificate", question, chosen, 2, 2), zalo=True)]
    await sb.say("hoa", "6")  # Số lựa chọn tối đa mỗi phiếu
    assert (await sb.say("hoa", "9"))[0] == text("poll.bad.max", candidates=4)
    assert await sb.say("hoa", "3") == [summary(settings("certificate", question, chosen, 2, 3), zalo=True)]
    assert (await sb.say("hoa", "7"))[0].startswith(text("poll.ask_threshold", threshold=50))
    assert (await sb.say("hoa", "năm mươi"))[0] == text("poll.bad.threshold")
    await sb.say("hoa", "60 %")
    await sb.say("hoa", "8")  # Không cho tự bầu cho mình
    await sb.say("hoa", "10")  # Túc số
    assert (await sb.say("hoa", "4/3"))[0] == text("poll.bad.quorum")
    await sb.say("hoa", "3/4")
    await sb.say("hoa", "11")  # Thời gian
    assert (await sb.say("hoa", "mười lăm"))[0] == text("poll.bad.time")
    await sb.say("hoa", "15 phút")
    await sb.say("hoa", "12")  # Địa điểm
    assert (await sb.say("hoa", "quay lại"))[0].startswith(text("poll.summary_header"))  # kept as it was
    await sb.say("hoa", "12")
    place = "Hội trường Bảo hiểm Xã hội tỉnh"
    expected = settings("certificate", question, chosen, 2, 3, self_ok=False, threshold=60, quorum="3/4",
                        minutes=15, place=place)
    assert await sb.say("hoa", place) == [summary(expected, self_ok=False, zalo=True)]
    assert await sb.say("binh", "/baucu") == [text("not_allowed")]
    saved = await sb.say("hoa", "1")  # 💾 Lưu (chưa mở)
    assert saved == [text("poll.saved", id=1, question=question),
                     page(1, "draft", expected) + "\n" + menu(action("open"), action("back"), zalo=True)]
    assert await sb.say("hoa", "1") == [text("poll.confirm_open", id=1, question=question, members=11) + "\n"
                                        + menu(action("confirm_open"), action("back"), zalo=True)]
    said = await sb.say("hoa", "1")
    assert said[0] == opened(1, question, ballots=2, members=11, until="23/11/2026 09:15")
    stored = (await polls(app))[0]
    assert (stored.kind, stored.seats, stored.max_choices, stored.allow_self, stored.threshold_pct,
            stored.quorum_num, stored.quorum_den, stored.time_limit_min, stored.place, stored.status) == (
        "certificate", 2, 3, False, 60, 3, 4, 15, place, OPEN)


async def test_back_steps_and_a_dropped_draft_lose_nothing_else(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    sb = sandbox
    await sb.say("hoa", "/baucu")
    await sb.say("hoa", "1")
    await sb.say("hoa", "3")  # Trưởng khối: next year's
    assert (await sb.say("hoa", "xin chào?"))[0].startswith(text("poll.ask_candidates"))  # any text is a question
    assert (await sb.say("hoa", "3"))[0].startswith(text("poll.ask_question", question="xin chào?"))  # « Quay lại
    assert await sb.say("hoa", "2") == [ask_kind()]  # « Quay lại
    await sb.say("hoa", "3")
    assert (await sb.say("hoa", "1"))[0].startswith(text("poll.ask_candidates"))  # the default question, kept
    await sb.say("hoa", "1")
    summary_text = (await sb.say("hoa", "1"))[0]
    assert text("poll.settings.head", kind=kind("head"), question=text("poll.question.head", year=2027)) \
        in summary_text
    assert await sb.say("hoa", "xin chào") == [CHOOSE, summary_text]
    assert await sb.say("hoa", "13") == [NO_POLLS]
    assert await polls(app) == []


async def test_the_time_limit_closes_and_the_notice_buttons_give_minutes_and_runoff(
        app: App, block_id: int, sandbox: Sandbox, clock: FrozenClock) -> None:
    await people(app, block_id, sandbox)
    sb = sandbox
    await sb.say("hoa", "/baucu")
    for said in ("1", "2", "1", "2", "YTE GDDT TTTT KHCN", "2", "11", "5 phút"):  # Bằng khen, 4 units, 2 seats
        await sb.say("hoa", said)
    await sb.say("hoa", "2")  # save and open
    ballots = {"BHXH": ["YTE", "GDDT"], "CDNDTNT": ["YTE", "GDDT"], "CDCD": ["GDDT", "TTTT"],
               "VHTTDL": ["YTE", "GDDT"], "TTTT": ["YTE", "GDDT"], "KHCN": ["YTE", "TTTT"],
               "YTE": ["TTTT", "GDDT"], "BDT": ["YTE", "TTTT"], "GDDT": ["YTE", "TTTT"], "PTTH": ["TTTT"]}
    for voter, choices in ballots.items():  # 10 of 11: it stays open until its time limit
        await cast_test_ballot(app, block_id, 1, voter, choices)
    clock.advance(timedelta(minutes=4, seconds=59))
    assert await app.close_polls() == 0
    clock.advance(timedelta(seconds=1))
    assert await app.close_polls() == 1
    await deliver(app)
    notice = sb.inbox("hoa")[-1]
    tied = ["Sở Giáo dục và Đào tạo", "Sở Thông tin và Truyền thông"]
    assert "\n".join([result_line(1, "Sở Y tế", 7, "63,64", "elected"),
                      *(result_line(n, unit, 6, "54,55", "tied") for n, unit in enumerate(tied, 2))]) + "\n" in notice
    assert text("poll.result_tie", units=", ".join(tied), seats=1) in notice
    assert notice.endswith(menu(action("minutes"), action("runoff"), action("receipts")))
    result_header = text("poll.result_header", id=1, block=BLOCK, question=CERTIFICATE)
    assert sb.inbox("binh")[-1].startswith(result_header)
    minutes = await sb.say("hoa", "1")
    assert minutes[0].startswith(text("poll.minutes_caption", id=1) + "\n📎")
    assert sb.inbox("lan")[-1].startswith(result_header)  # without the buttons
    assert await sb.press("lan", "g.poll.runoff.1", 0) == [text("not_allowed")]  # the observer reads, never acts
    await sb.say("hoa", "/baucu")
    await sb.say("hoa", "[1]")  # preparing another poll meanwhile: the notice's buttons keep the draft's step
    kinds = ask_kind()
    assert await sb.press("hoa", "g.poll.minutes.1", 0) == [minutes[0], kinds]
    assert [p.id for p in await polls(app)] == [1]
    runoff = text("poll.runoff.question", question=CERTIFICATE)
    assert await sb.press("hoa", "g.poll.runoff.1", 0) == [
        opened(2, runoff, ballots=2, members=11, until="23/11/2026 09:10"), kinds]
    await sb.say("hoa", "/huy")
    again = await sb.press("hoa", "g.poll.runoff.1", 0)  # not preparing any more: to the runoff's page
    assert again[0] == text("poll.runoff.exists", id=2)  # a second tap makes no second runoff
    assert again[1].startswith(text("poll.page_header", id=2, status=text("poll.status.open"))) and "\n".join([
        *(text("poll.settings.candidate", n=n, unit=unit) for n, unit in enumerate(tied, 1)),
        text("poll.settings.rules", seats=1, max_choices=1, threshold=50, quorum="2/3",
             self_rule=text("poll.self.yes")).split("\n")[0]]) in again[1]
    assert [(p.id, p.status, p.runoff_of) for p in await polls(app)] == [(1, CLOSED, None), (2, OPEN, 1)]
    assert await sb.press("binh", "g.poll.runoff.1", 0) == [text("not_allowed")]


ODD = ["", "🙂", "abc", "0", "-1", "9999", "1 2 3 4 5 6 7 8 9 10 11 12", "2/3", "50%", "quay lại", "x" * 600, "²", "一"]


async def test_any_text_at_any_step_is_answered_and_loses_nothing(app: App, block_id: int, sandbox: Sandbox) -> None:
    """On Zalo (every number typed): each step of the flow, given odd text, answers and stays in the flow."""
    await people(app, block_id, sandbox)
    sb = sandbox_for(app, "zalo")
    await sb.say("hoa", "/baucu")
    for said in ("1", "2", "1", "1", "2"):  # a certificate poll of all units, 2 seats, saved as a draft…
        await sb.say("hoa", said)
    await sb.say("hoa", "1")
    draft = new_draft(Catalog(), "certificate", 2026, list(range(1, 12))).to_data()
    steps = [view.LIST, view.VIEW, view.CONFIRM_OPEN, view.CONFIRM_CLOSE, *prepare.STEPS]
    for step in steps:
        for odd in ODD:
            async with app.uow() as uow:
                state = await uow.dialogs.load_for_update("sandbox", "sb-hoa", app.clock.now())
                state.flow, state.step = view.FLOW, step
                state.data = {"block_id": block_id, "poll_id": 1, "draft": dict(draft), "editing": step != "p_kind"}
                await uow.dialogs.save(state)
                await uow.commit()
            out = await sb.say("hoa", odd)
            assert out and VI["internal_error"] not in out, (step, odd, out)
            async with app.uow() as uow:
                after = await uow.dialogs.get("sandbox", "sb-hoa")
            assert after is not None and after.flow == view.FLOW, (step, odd, out)
    assert [(p.id, p.status) for p in await polls(app)] == [(1, "draft")]  # nothing opened by chance
