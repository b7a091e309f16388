"""A unit's contact votes through the sandbox, read as chat transcripts: the ballot's notice, toggling,
too many, typed numbers, blank, review, confirm and the receipt; the unit's second contact told it has
voted; a ballot after the close or past the time limit refused; /kiemtra before and after the close."""

from __future__ import annotations

import re
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from bot.app import App
from bot.channels.sandbox import Sandbox
from handlers.core.catalog import VI, text
from handlers.core.clock import FrozenClock
from storage.models_vote import Ballot, PollVoter
from storage.votes import receipt_hash
from tests.e2e.voting.poll_texts import ballot as ballot_text
from tests.e2e.voting.poll_texts import menu, notice
from tests.e2e.voting.poll_texts import review as review_text
from tests.helpers import close_test_poll, codes, deliver, open_poll, register

BLOCK = "Khối thi đua Văn hóa - Xã hội"
QUESTION = "Bầu 2 đơn vị đề nghị UBND tỉnh tặng Bằng khen năm 2026"
CANDIDATES = ["YTE", "VHTTDL", "GDDT", "BHXH"]
NAMES = ["Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo", "Bảo hiểm Xã hội tỉnh"]
NOTICE = notice(QUESTION, BLOCK, "Sở Y tế", seats=2, most=2) + "\n" + menu(text("vote.open_ballot"))
TOO_MANY = text("vote.too_many", max=2)
ALREADY = text("vote.already", unit="Sở Y tế", question=QUESTION)
RECEIPT = re.compile(r"Mã biên nhận: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})")


def ballot(chosen: list[int], unit: str = "Sở Y tế") -> str:
    return ballot_text(QUESTION, unit, NAMES, chosen)


def review(chosen: list[int], unit: str = "Sở Y tế") -> str:
    return review_text(QUESTION, unit, NAMES, chosen)


async def people(app: App, block_id: int, sb: Sandbox) -> None:
    """Hoa runs the block (Bảo hiểm Xã hội tỉnh, the head unit); Bình and An are Sở Y tế's contacts;
    Lan is Sở Văn hóa's."""
    c = await codes(app, block_id)
    await register(sb, "hoa", c["secretariat"], "Nguyễn Thị Hoa", "0912 345 678")
    await register(sb, "binh", c["YTE"], "Trần Văn Bình", "0987 654 321")
    await register(sb, "an", c["YTE"], "Lê Văn An", "0987 111 222")
    await register(sb, "lan", c["VHTTDL"], "Phạm Thị Lan", "0903 111 222")
    await deliver(app)
    for user in ("hoa", "binh", "an", "lan"):
        sb.inbox(user)


def receipt_of(replies: list[str]) -> str:
    match = RECEIPT.search(replies[0])
    assert match is not None, replies
    return match.group(1)


async def test_a_ballot_from_notice_to_receipt(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    poll_id = await open_poll(app, block_id, QUESTION, seats=2, candidates=CANDIDATES)
    await deliver(app)
    assert sandbox.inbox("binh") == [NOTICE]
    assert sandbox.inbox("hoa")[0].startswith(notice(QUESTION, BLOCK, "Bảo hiểm Xã hội tỉnh", seats=2, most=2))

    assert await sandbox.say("binh", "1") == [ballot([])]  # the notice's button
    assert await sandbox.say("binh", "2") == [ballot([2])]
    assert await sandbox.say("binh", "1") == [ballot([1, 2])]
    assert await sandbox.say("binh", "3") == [TOO_MANY, ballot([1, 2])]  # refused before any confirmation
    assert await sandbox.say("binh", "2") == [ballot([1])]  # pressed again: unchosen
    assert await sandbox.say("binh", "1 3 4") == [TOO_MANY, ballot([1])]
    assert await sandbox.say("binh", "3,9") == [
        text("vote.bad_number", count=4, number=9), ballot([1])]
    assert await sandbox.say("binh", "ba và bốn") == [
        text("vote.bad_shape"), ballot([1])]
    assert await sandbox.say("binh", "4, 2") == [ballot([2, 4])]  # typed numbers set the whole choice
    assert await sandbox.say("binh", "6") == [review([])]  # Phiếu trắng
    assert await sandbox.say("binh", "2") == [ballot([])]  # Sửa lại: the blank emptied the choice
    await sandbox.say("binh", "2 4")
    assert await sandbox.say("binh", "5") == [review([2, 4])]
    assert await sandbox.say("binh", "xin chào") == [text("choose_from_menu"), review([2, 4])]

    cast = await sandbox.say("binh", "1")
    code = receipt_of(cast)
    assert cast == [text("vote.cast", unit="Sở Y tế", question=QUESTION, code=code)]
    async with app.uow() as uow:
        ballots = (await uow.session.exec(select(Ballot))).all()
        voters = (await uow.session.exec(select(PollVoter))).all()
        ids = {u.code: u.id or 0 for u in await uow.directory.units(block_id)}
        state = await uow.dialogs.get("sandbox", "sb-binh")
    assert [(b.poll_id, b.choices, b.receipt_hash) for b in ballots] == [
        (poll_id, sorted([ids["VHTTDL"], ids["BHXH"]]), receipt_hash(code.replace("-", "")))]
    assert [(v.poll_id, v.unit_id) for v in voters] == [(poll_id, ids["YTE"])]
    assert state is not None and (state.flow, state.data, state.choices) == (None, {}, [])

    await deliver(app)  # the unit's other contact is told, without the choices; other units are not
    assert sandbox.inbox("an") == [
        NOTICE, text("vote.unit_voted", unit="Sở Y tế", question=QUESTION, name="Trần Văn Bình")]
    lan = sandbox.inbox("lan")
    assert len(lan) == 1 and lan[0].startswith(notice(QUESTION, BLOCK, NAMES[1], seats=2, most=2))
    assert await sandbox.press("an", f"g.vote.{poll_id}", 0) == [ALREADY]
    assert await sandbox.say("an", "/bophieu") == [
        text("vote.none")]
    assert await sandbox.say("binh", "/bophieu") == [
        text("vote.none")]

    assert await sandbox.say("binh", f"/kiemtra {code.lower()}") == [text("vote.receipt_in_box", question=QUESTION)]
    await close_test_poll(app, poll_id)
    digest = receipt_hash(code.replace("-", ""))
    assert await sandbox.say("an", f"/kiemtra {code}") == [  # any contact holding the code may check it
        text("vote.receipt_counted", question=QUESTION, at="23/11/2026 09:00", count=1, hash=digest)]


async def test_second_contact_with_the_ballot_open_and_the_close(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    poll_id = await open_poll(app, block_id, QUESTION, seats=2, candidates=CANDIDATES)
    await deliver(app)
    for user in ("binh", "an", "lan"):
        sandbox.inbox(user)
    assert await sandbox.say("an", "/bophieu") == [ballot([])]  # An opens the ballot first…
    await sandbox.say("an", "1")
    await sandbox.say("binh", "/bophieu")
    await sandbox.say("binh", "3")
    await sandbox.say("binh", "5")
    assert receipt_of(await sandbox.say("binh", "1"))  # …Bình confirms first
    assert await sandbox.say("an", "2") == [ALREADY]  # An's next step learns it, and the choice is dropped
    async with app.uow() as uow:
        state = await uow.dialogs.get("sandbox", "sb-an")
        assert state is not None and (state.flow, state.data) == (None, {})
        assert len((await uow.session.exec(select(Ballot))).all()) == 1

    assert await sandbox.say("lan", "/bophieu") == [ballot([], unit=NAMES[1])]
    await sandbox.say("lan", "3")
    await sandbox.say("lan", "5")
    await close_test_poll(app, poll_id)
    closed = text("vote.closed", question=QUESTION, at="23/11/2026 09:00")
    assert await sandbox.say("lan", "1") == [closed]  # confirmed after the close: refused, nothing written
    assert await sandbox.press("lan", f"g.vote.{poll_id}", 0) == [closed]
    assert await sandbox.say("lan", "/bophieu") == [
        text("vote.none")]
    async with app.uow() as uow:
        assert len((await uow.session.exec(select(Ballot))).all()) == 1
        assert len((await uow.session.exec(select(PollVoter))).all()) == 1


async def test_time_limit_blank_ballot_and_no_self_vote(app: App, block_id: int, sandbox: Sandbox,
                                                        clock: FrozenClock) -> None:
    await people(app, block_id, sandbox)
    flag = "Suy tôn đơn vị dẫn đầu Khối năm 2026"
    poll_id = await open_poll(app, block_id, flag, seats=1, candidates=CANDIDATES, allow_self=False,
                              time_limit_min=30)
    await deliver(app)
    assert text("vote.notice_closes", at="23/11/2026 09:30") + "\n" in sandbox.inbox("binh")[0]
    first = await sandbox.say("binh", "1")
    assert first[0].splitlines()[3] == text("vote.ballot_no_self")
    assert await sandbox.say("binh", "1") == [text("vote.self_refused", unit="Sở Y tế"), first[0]]
    assert text("vote.mark_on", name=NAMES[2]) in (await sandbox.say("binh", "3"))[0]
    moved = (await sandbox.say("binh", "2"))[0]  # one to choose: a press moves the choice
    assert text("vote.mark_on", name=NAMES[1]) in moved and text("vote.mark_on", name=NAMES[2]) not in moved
    await sandbox.say("binh", "6")  # Phiếu trắng
    assert receipt_of(await sandbox.say("binh", "1"))
    async with app.uow() as uow:
        assert [b.choices for b in (await uow.session.exec(select(Ballot))).all()] == [[]]

    await sandbox.say("lan", "/bophieu")
    await sandbox.say("lan", "3")
    await sandbox.say("lan", "5")
    clock.advance(timedelta(minutes=31))  # the time limit passed; the timer has not closed it yet
    assert await sandbox.say("lan", "1") == [text("vote.closed", question=flag, at="23/11/2026 09:30")]
    async with app.uow() as uow:
        assert len((await uow.session.exec(select(PollVoter).where(PollVoter.poll_id == poll_id))).all()) == 1


async def test_receipt_check_refusals_and_throttle(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    assert await sandbox.say("binh", "/kiemtra") == [
        text("vote.receipt_usage")]
    assert await sandbox.say("guest", "/kiemtra ABCD-EFGH-JKMN") == [
        text("not_registered_any")]
    unknown = text("vote.receipt_unknown")
    malformed = text("vote.receipt_malformed")
    assert await sandbox.say("binh", "/kiemtra ABCD-EFGH-JKMN") == [unknown]
    assert await sandbox.say("binh", "/kiemtra ABCDE-FGHJK") == [malformed]
    for _ in range(3):
        await sandbox.say("binh", "/kiemtra 0000-0000-0000")
    assert await sandbox.say("binh", "/kiemtra 1111-1111-1111") == [
        text("vote.receipt_throttled", minutes=10)]
    assert await sandbox.say("lan", "/kiemtra 1111-1111-1111") == [unknown]  # per chat


async def test_observers_and_strangers_do_not_vote(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    c = await codes(app, block_id)
    await register(sandbox, "tuan", c["observer"], "Đỗ Văn Tuấn", "0911 222 333")
    await deliver(app)
    poll_id = await open_poll(app, block_id, QUESTION, seats=2, candidates=CANDIDATES)
    assert await deliver(app) == 4  # Hoa, Bình, An, Lan; not the observer
    assert sandbox.inbox("tuan") == []
    not_voter = text("vote.not_voter")
    assert await sandbox.press("tuan", f"g.vote.{poll_id}", 0) == [not_voter]
    assert await sandbox.say("tuan", "/bophieu") == [not_voter]
    assert await sandbox.press("guest", f"g.vote.{poll_id}", 0) == [
        text("not_registered_any")]
    sandbox.inbox("binh")
    assert await sandbox.press("binh", "g.vote.99999", 0) == [
        text("vote.gone")]


async def test_a_forged_button_with_an_id_beyond_any_poll_is_answered(app: App, block_id: int,
                                                                      sandbox: Sandbox) -> None:
    """Button data is whatever a client sends: an id past PostgreSQL's integer range must not crash."""
    await people(app, block_id, sandbox)
    await open_poll(app, block_id, QUESTION, seats=2, candidates=CANDIDATES)
    await deliver(app)
    sandbox.inbox("binh")
    sandbox.inbox("hoa")
    assert await sandbox.press("binh", "g.vote.999999999999", 0) == [
        text("vote.gone")]
    assert await sandbox.press("hoa", "g.poll.minutes.999999999999", 0) == [
        text("not_allowed")]
    out = await sandbox.press("binh", "g.submit.999999999999", 0)  # a reminder's button, forged the same way
    assert out[0] == text("choose_from_menu") and out[1].startswith(text("cmd.menu"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.one_of(st.text(max_size=40), st.sampled_from(["1", "2", "5", "6", "1 2", "2,3,4", "9"])),
                      min_size=1, max_size=6))
async def test_any_text_on_the_ballot_keeps_it_within_the_rules(app: App, block_id: int, sandbox: Sandbox,
                                                                texts: list[str]) -> None:
    """Whatever is typed at the ballot, nothing crashes and the kept choice stays within the rules."""
    async with app.uow() as uow:
        registered = await uow.directory.contacts_of_user("sandbox", Sandbox.chat_of("binh"))
        waiting = [p.id for p in await uow.votes.open_polls(block_id)]
    if not registered:
        await register(sandbox, "binh", (await codes(app, block_id))["YTE"], "Trần Văn Bình", "0987 654 321")
    poll_id = waiting[0] if waiting else await open_poll(app, block_id, QUESTION, seats=2, candidates=CANDIDATES)
    await sandbox.press("binh", f"g.vote.{poll_id}", 0)
    for said in texts:
        replies = await sandbox.say("binh", said)
        assert replies and VI["internal_error"] not in replies, said
        async with app.uow() as uow:
            state = await uow.dialogs.get("sandbox", Sandbox.chat_of("binh"))
            ballots = (await uow.session.exec(select(Ballot))).all()
        assert state is not None
        chosen = state.data.get("sel", [])
        assert len(chosen) <= 2 and all(1 <= n <= len(CANDIDATES) for n in chosen)
        assert len(ballots) <= 1 and all(len(b.choices) <= 2 for b in ballots)
        if state.flow != "vote":  # cast, put off or refused: the choice is gone with the flow
            assert "sel" not in state.data
            break
