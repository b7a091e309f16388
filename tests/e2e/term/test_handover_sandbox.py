"""The handover in the sandbox, read as a chat transcript: the secretariat types /bangiao after the head and
deputy polls, confirms, and the block runs on in its next term (SQLite and PostgreSQL)."""

from __future__ import annotations

import asyncio

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from bot.app import App
from bot.channels.sandbox import Sandbox
from handlers.core.catalog import VI, text
from storage.models import AuditLog, Contact, Deadline, InviteCode, Term, Unit
from storage.models_vote import Poll
from tests.helpers import cast_test_ballot, close_test_poll, codes, deliver, open_test_poll

BLOCK = "Khối thi đua Văn hóa - Xã hội"
HEAD, DEPUTY = "Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh", "Sở Y tế"
VOTERS = ["BHXH", "CDNDTNT", "CDCD", "VHTTDL", "TTTT", "KHCN", "YTE", "BDT", "GDDT", "PTTH", "LDTBXH"]
HEAD_ROLE, DEPUTY_ROLE = text("handover.kind.head"), text("handover.kind.deputy")


def menu(*labels: str) -> str:
    """The sandbox's buttons under a text: `[1] …`, `[2] …`."""
    return "\n".join(f"[{i}] {label}" for i, label in enumerate(labels, 1))


SUMMARY = (text("handover.summary", year=2027, block=BLOCK, head=HEAD, deputy=DEPUTY, old_year=2026, moved=1)
           + "\n" + menu(text("handover.confirm"), text("cancel")))
NEWS = (text("handover.notice_all", block=BLOCK, year=2027, head=HEAD, deputy=DEPUTY) + "\n"
        + text("handover.deadlines", count=4, year=2027))

CYCLE_2027 = ("Đăng ký giao ước và chủ đề thi đua năm 2027; Báo cáo sơ kết 6 tháng đầu năm 2027; "
              "Báo cáo tổng kết công tác thi đua năm 2027; Bảng tự chấm điểm thi đua năm 2027")
# the sample block has no sheet nor custom deadline in 2026: nothing left behind, nothing to offer
CARRIED = "\n".join([text("handover.carry.head", year=2027),
                     text("handover.carry.cycle", count=4, old_year=2026, titles=CYCLE_2027),
                     text("handover.carry.no_sheet", old_year=2026)])


async def register(sb: Sandbox, user: str, code: str, name: str, phone: str) -> None:
    for said in (f"/start {code}", "1", name, "Chuyên viên", phone):
        await sb.say(user, said)
    assert (await sb.say(user, "1"))[0].startswith("✅ Đã đăng ký bạn")


async def people(app: App, block_id: int, sb: Sandbox) -> dict[str, str]:
    """Hoa runs the block (secretariat, of BHXH, the head in 2026); An is BHXH's contact, Lan the contact of
    the college elected head for 2027, Bình (in English) the contact of Sở Y tế, Quân the provincial observer."""
    c = await codes(app, block_id)
    await register(sb, "hoa", c["secretariat"], "Nguyễn Thị Hoa", "0912 345 678")
    await register(sb, "an", c["BHXH"], "Lê Văn An", "0912 000 111")
    await register(sb, "lan", c["CDNDTNT"], "Phạm Thị Lan", "0913 222 333")
    await register(sb, "binh", c["YTE"], "Trần Văn Bình", "0987 654 321")
    await register(sb, "quan", c["observer"], "Hoàng Minh Quân", "0904 111 222")
    await sb.say("binh", "/lang en")
    await deliver(app)
    for user in ("hoa", "an", "lan", "binh", "quan"):
        sb.inbox(user)
    return c


async def elect(app: App, block_id: int, kind: str, winner: str, close: bool = True) -> int:
    poll_id = await open_test_poll(app, block_id, ["CDNDTNT", "YTE"], question=f"Bầu {kind} năm 2027", kind=kind)
    for voter in VOTERS[:8]:
        await cast_test_ballot(app, block_id, poll_id, voter, [winner])
    if close:
        await close_test_poll(app, poll_id)
    return poll_id


async def test_the_handover_transcript(app: App, block_id: int, sandbox: Sandbox) -> None:
    sb = sandbox
    old_codes = await people(app, block_id, sb)
    assert await sb.say("binh", "/bangiao") == ["Only the block's secretariat can do this."]
    assert await sb.say("hoa", "/bangiao") == [
        text("handover.no_poll", role=HEAD_ROLE, year=2026)]
    head_poll = await elect(app, block_id, "head", "CDNDTNT", close=False)
    assert await sb.say("hoa", "/bangiao") == [
        text("handover.poll_open", role=HEAD_ROLE, poll=head_poll)]
    await close_test_poll(app, head_poll)
    await elect(app, block_id, "deputy", "YTE")

    assert await sb.say("hoa", "/bangiao") == [SUMMARY]
    assert await sb.say("hoa", "xin chào") == [
        text("choose_from_menu"), SUMMARY]
    assert await sb.say("hoa", "2") == [text("cancelled")]
    async with app.uow() as uow:
        assert (await uow.directory.current_term(block_id)).year == 2026  # type: ignore[union-attr]

    assert await sb.say("hoa", "/bangiao") == [SUMMARY]
    assert await sb.say("hoa", "1") == [
        text("handover.done", year=2027, head=HEAD, deputy=DEPUTY, moved=1) + "\n"
        + text("handover.notice_old_secretariat", head=HEAD, unit="Bảo hiểm Xã hội tỉnh") + "\n"
        + CARRIED]

    await deliver(app)
    assert sb.inbox("hoa") == []  # told in the reply, not twice
    assert sb.inbox("an") == [NEWS]
    assert sb.inbox("quan") == [NEWS]
    assert sb.inbox("lan") == [
        NEWS.split("\n")[0] + "\n" + text("handover.notice_new_secretariat", block=BLOCK, year=2027) + "\n"
        + CARRIED]
    assert sb.inbox("binh") == [
        text("handover.notice_all", "en", block=BLOCK, year=2027, head=HEAD, deputy=DEPUTY) + "\n"
        + text("handover.deadlines", "en", count=4, year=2027)]

    assert (await sb.say("lan", "/menu"))[0].startswith(text("menu_secretariat", block=BLOCK))
    assert (await sb.say("hoa", "/menu"))[0].startswith(text("menu_unit", unit="Bảo hiểm Xã hội tỉnh", block=BLOCK))
    assert await sb.say("hoa", "/bangiao") == [text("not_allowed")]
    assert await sb.say("lan", "/bangiao") == [text("handover.done_already", block=BLOCK, year=2027)]
    # the old secretariat code no longer registers anybody
    assert (await sb.say("tuan", f"/start {old_codes['secretariat']}"))[0] == text("code_revoked")
    await check_the_new_term(app, block_id, head_poll)


async def check_the_new_term(app: App, block_id: int, head_poll: int) -> None:
    async with app.uow() as uow:
        s = uow.session
        terms = {t.year: t for t in (await s.exec(select(Term).where(Term.block_id == block_id))).all()}
        units = {u.code: u.id for u in (await s.exec(select(Unit).where(Unit.block_id == block_id))).all()}
        assert sorted(terms) == [2026, 2027]
        old, new = terms[2026], terms[2027]
        assert not old.is_current and new.is_current
        assert (old.head_unit_id, old.deputy_unit_id) == (units["BHXH"], units["CDNDTNT"])  # the old term unchanged
        assert (new.head_unit_id, new.deputy_unit_id) == (units["CDNDTNT"], units["YTE"])
        roles = {c.full_name: (c.role, c.unit_id) for c in (await s.exec(select(Contact))).all()}
        assert roles["Nguyễn Thị Hoa"] == ("unit", units["BHXH"])
        assert roles["Phạm Thị Lan"] == ("secretariat", units["CDNDTNT"])
        assert roles["Lê Văn An"] == ("unit", units["BHXH"]) and roles["Hoàng Minh Quân"][0] == "observer"
        invites = [i for i in (await s.exec(select(InviteCode).where(InviteCode.role == "secretariat"))).all()]
        assert sorted((i.generation, i.revoked_at is None) for i in invites) == [(1, False), (2, True)]
        deadlines = (await s.exec(select(Deadline).order_by(Deadline.due_at, Deadline.kind))).all()  # type: ignore[arg-type]
        assert [(d.term_id, d.title) for d in deadlines if d.term_id == new.id] == [
            (new.id, "Đăng ký giao ước và chủ đề thi đua năm 2027"), (new.id, "Báo cáo sơ kết 6 tháng đầu năm 2027"),
            (new.id, "Bảng tự chấm điểm thi đua năm 2027"), (new.id, "Báo cáo tổng kết công tác thi đua năm 2027")]
        assert sum(1 for d in deadlines if d.term_id == old.id) == 4  # still attached to 2026
        poll = (await s.exec(select(Poll).where(Poll.id == head_poll))).one()
        assert poll.term_id == old.id
        [entry] = (await s.exec(select(AuditLog).where(AuditLog.action == "handover"))).all()
        assert entry.detail["year"] == 2027 and entry.detail["head_poll"] == head_poll
        assert entry.actor.startswith("contact:")


async def test_two_secretaries_confirm_at_once(app: App, block_id: int, sandbox: Sandbox) -> None:
    """Both press «Xác nhận» at the same instant: one handover, the other is refused."""
    sb = sandbox
    c = await people(app, block_id, sb)
    await register(sb, "hung", c["secretariat"], "Vũ Văn Hùng", "0915 333 444")
    await elect(app, block_id, "head", "CDNDTNT")
    await elect(app, block_id, "deputy", "YTE")
    opening = text("handover.summary", year=2027, block=BLOCK, head=HEAD, deputy=DEPUTY, old_year=2026, moved=1)
    assert (await sb.say("hoa", "/bangiao"))[0].startswith(opening.split("\n")[0])
    assert (await sb.say("hung", "/bangiao"))[0].startswith(opening.split("\n")[0])
    first, second = await asyncio.gather(sb.say("hoa", "1"), sb.say("hung", "1"))
    done_text = text("handover.done", year=2027, head=HEAD, deputy=DEPUTY, moved=1)
    done = [r for r in (first, second) if r[0].startswith(done_text)]
    refused = [r for r in (first, second) if not r[0].startswith(done_text)]
    assert len(done) == 1 and len(refused) == 1
    assert refused[0][0] in (text("not_allowed"), text("handover.done_already", block=BLOCK, year=2027))
    async with app.uow() as uow:
        terms = (await uow.session.exec(select(Term).where(Term.block_id == block_id))).all()
        assert sorted((t.year, t.is_current) for t in terms) == [(2026, False), (2027, True)]
        assert len((await uow.session.exec(select(AuditLog).where(AuditLog.action == "handover"))).all()) == 1


async def test_refusals_say_why(app: App, block_id: int, sandbox: Sandbox) -> None:
    sb = sandbox
    await people(app, block_id, sb)
    tied = await open_test_poll(app, block_id, ["CDNDTNT", "YTE"], question="Bầu Trưởng khối", kind="head")
    for voter, choice in zip(VOTERS[:10], ["CDNDTNT", "YTE"] * 5, strict=True):
        await cast_test_ballot(app, block_id, tied, voter, [choice])
    await close_test_poll(app, tied)  # 5 and 5 of 11: nobody over half
    assert await sb.say("hoa", "/bangiao") == [
        text("handover.poll_undecided", role=HEAD_ROLE, poll=tied, count=0)]
    few = await open_test_poll(app, block_id, ["CDNDTNT", "YTE"], question="Bầu lại Trưởng khối", kind="head")
    for voter in VOTERS[:7]:  # 7 of 11 is short of two thirds
        await cast_test_ballot(app, block_id, few, voter, ["CDNDTNT"])
    await close_test_poll(app, few)
    assert await sb.say("hoa", "/bangiao") == [
        text("handover.poll_invalid", role=HEAD_ROLE, poll=few)]
    await elect(app, block_id, "head", "YTE")
    await elect(app, block_id, "deputy", "YTE")
    assert await sb.say("hoa", "/bangiao") == [
        text("handover.same_unit", unit=DEPUTY)]
    await elect(app, block_id, "deputy", "CDNDTNT")  # the last counted poll of a kind decides
    async with app.uow() as uow:  # Sở Y tế's only contact leaves: nobody would take over
        binh = (await uow.session.exec(select(Contact).where(Contact.full_name == "Trần Văn Bình"))).one()
        binh.role = "observer"
        uow.session.add(binh)
        await uow.commit()
    assert await sb.say("hoa", "/bangiao") == [
        text("handover.head_no_contact", unit=DEPUTY)]


_ready: set[int] = set()


def presses_a_button(text: str) -> bool:
    """Texts that mean «Xác nhận bàn giao» or «Hủy» (a number, a label), or a command: not junk here."""
    word = text.strip().strip("[]").strip()
    if text.strip().startswith("/") or word.casefold() in ("xác nhận bàn giao", "hủy"):
        return True
    return word.isdecimal() and len(word) <= 4 and int(word) in (1, 2)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.text(max_size=60).filter(lambda x: not presses_a_button(x)), min_size=3, max_size=3))
async def test_any_text_at_the_confirmation_changes_nothing(app: App, block_id: int, sandbox: Sandbox,
                                                            texts: list[str]) -> None:
    if id(app) not in _ready:  # the fixtures live across the examples: set the block up once
        await people(app, block_id, sandbox)
        await elect(app, block_id, "head", "CDNDTNT")
        await elect(app, block_id, "deputy", "YTE")
        _ready.add(id(app))
    assert await sandbox.say("hoa", "/bangiao") == [SUMMARY]
    for said in texts:
        assert await sandbox.say("hoa", said) == [VI["choose_from_menu"], SUMMARY], said
    async with app.uow() as uow:
        term = await uow.directory.current_term(block_id)
        assert term is not None and term.year == 2026
