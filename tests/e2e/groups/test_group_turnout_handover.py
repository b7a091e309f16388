"""What the linked group hears while a poll is open (the turnout: counts only, at most one post each ten
minutes, and at once when the quorum is reached; nothing once every unit has voted, the result follows)
and at the handover (the new head and deputy units, the new year). Both channels."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.app import App
from handlers.core.catalog import Catalog, text
from handlers.core.clock import FrozenClock
from handlers.core.service import OPERATOR
from handlers.voting import opening
from handlers.voting.result_text import result_text, unit_names
from handlers.voting.rules.count import Count
from storage.models_vote import Poll
from tests.e2e.conftest import ZaloChat
from tests.e2e.groups.test_group_linking import HOA, TG_GROUP, button, register_secretariat_tg
from tests.e2e.term.test_handover_sandbox import DEPUTY, HEAD, elect
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.helpers import cast_test_ballot, codes, deliver

BLOCK = "Khối thi đua Văn hóa - Xã hội"
GROUP = "a1b2c3d4e5f6a7b8c9d0"
QUESTION = "Đề nghị tặng Cờ thi đua của Chính phủ"
VOTERS = ["BHXH", "CDNDTNT", "CDCD", "VHTTDL", "TTTT", "KHCN", "YTE", "BDT", "GDDT", "PTTH", "LDTBXH"]


def turnout(voted: int, quorum: bool = False) -> str:
    post = text("vote.group_turnout", "vi", block=BLOCK, question=QUESTION, voted=voted, members=11)
    return post + "\n" + text("vote.group_quorum", "vi") if quorum else post


async def link_zalo_group(app: App, block_id: int, zalo: ZaloChat) -> None:
    c = await codes(app, block_id)
    for answer in (c["secretariat"], "1", "Nguyễn Thị Hoa", "Chánh Văn phòng", "0912345678", "1"):
        await zalo.say("hoa", answer)
    zalo.api.push_text("hoa", "/nhomkhoi", chat_id=GROUP)
    await zalo.handled.get()
    await deliver(app)
    await zalo.say("hoa", "1")
    await deliver(app)


async def link_telegram_group(app: App, block_id: int, tg: FakeTelegramAPI) -> None:
    await register_secretariat_tg(tg, (await codes(app, block_id))["secretariat"])
    tg.push_text(HOA, "/nhomkhoi", chat_id=TG_GROUP)
    await tg.next_message(TG_GROUP)
    await deliver(app)
    tg.push_callback(HOA, button(await tg.next_message(HOA), text("grp.link_button", "vi")))
    await tg.next_message(HOA)
    await deliver(app)
    await tg.next_message(TG_GROUP)  # the post that the group is linked


async def open_flag_poll(app: App, block_id: int) -> int:
    async with app.uow() as uow:  # what the secretariat's «Mở» and `thidua poll open` call
        term = await uow.directory.current_term(block_id)
        units = {u.code: u.id for u in await uow.directory.units(block_id)}
        assert term is not None and term.id is not None
        poll = await uow.polls.create(Poll(term_id=term.id, kind="flag", question=QUESTION, seats=1, max_choices=1,
                                           created_at=app.clock.now()), [units["YTE"] or 0, units["GDDT"] or 0])
        assert poll.id is not None
        assert isinstance(await opening.open_poll(uow, app.clock.now(), OPERATOR, poll.id), opening.Opened)
        await uow.commit()
        return poll.id


async def run_the_vote(app: App, block_id: int, clock: FrozenClock, posts: list[str]) -> list[str]:
    """Open a poll, vote in steps with the poll timer ticking; returns what the group got after `posts`."""
    seen = len(posts)
    poll_id = await open_flag_poll(app, block_id)

    async def tick(minutes: float, *voters: str) -> None:
        for voter in voters:
            await cast_test_ballot(app, block_id, poll_id, voter, ["YTE"])
        clock._now += timedelta(minutes=minutes)
        await app.close_polls()
        await app.close_polls()  # a second tick at the same instant posts nothing more
        await deliver(app)

    await tick(1, *VOTERS[:3])  # 3/11 a minute after the opening: too soon for a post
    await tick(9)  # ten minutes after the opening: 3/11
    await tick(5)  # nothing new: no post
    await tick(1, *VOTERS[3:5])  # 5/11 six minutes after the last post: it waits for its ten minutes
    await tick(4)  # ten minutes after the last post: 5/11
    await tick(1, *VOTERS[5:8])  # 8/11 a minute later: the quorum (2/3 of 11) is reached, posted at once
    await tick(20, *VOTERS[8:])  # every unit has voted: the poll closes and the result goes out
    async with app.uow() as uow:
        poll = await uow.polls.get(poll_id)
        names = await unit_names(uow, block_id)
    assert poll is not None and poll.result is not None
    result = result_text(Catalog("vi"), poll, Count.from_json(poll.result), names, BLOCK)
    return [*posts[seen:], result]


async def test_telegram_group_hears_the_turnout_but_never_who_voted(app: App, block_id: int, tg: FakeTelegramAPI,
                                                                   clock: FrozenClock) -> None:
    await link_telegram_group(app, block_id, tg)
    seen = len(tg.sent_to(TG_GROUP))
    posts: list[str] = []
    expected = await run_the_vote(app, block_id, clock, posts)
    for _ in range(20):  # the group's posts keep 1 a second: one may wait for a later delivery pass
        if len(tg.sent_to(TG_GROUP)) - seen >= 5:
            break
        await asyncio.sleep(0.25)
        clock.advance(timedelta(seconds=1))
        await deliver(app)
    got = [m["text"] for m in tg.sent_to(TG_GROUP)[seen:]]
    assert got == [text("vote.group_opened", "vi", block=BLOCK, question=QUESTION, members=11, closes=""),
                   turnout(3), turnout(5), turnout(8, quorum=True), expected[-1]]
    assert not any(name in "".join(got[1:4]) for name in ("Bảo hiểm", "Sở Y tế", "Nguyễn Thị Hoa"))


async def test_zalo_group_hears_the_turnout(app: App, block_id: int, zalo: ZaloChat, clock: FrozenClock) -> None:
    await link_zalo_group(app, block_id, zalo)
    seen = len(zalo.api.sent_to(GROUP))
    expected = await run_the_vote(app, block_id, clock, [])
    got = zalo.api.sent_to(GROUP)[seen:]
    assert got == [text("vote.group_opened", "vi", block=BLOCK, question=QUESTION, members=11, closes=""),
                   turnout(3), turnout(5), turnout(8, quorum=True), expected[-1]]


LAN = 3003
HANDOVER_POST = text("handover.group_post", "vi", block=BLOCK, year=2027, head=HEAD, deputy=DEPUTY)


async def test_zalo_group_hears_the_handover(app: App, block_id: int, zalo: ZaloChat) -> None:
    await link_zalo_group(app, block_id, zalo)
    code = (await codes(app, block_id))["CDNDTNT"]  # the new head unit has a contact to run the block
    for answer in (code, "1", "Phạm Thị Lan", "Chuyên viên", "0913222333", "1"):
        await zalo.say("lan", answer)
    await elect(app, block_id, "head", "CDNDTNT")
    await elect(app, block_id, "deputy", "YTE")
    seen = len(zalo.api.sent_to(GROUP))
    assert (await zalo.say("hoa", "/bangiao"))[0].startswith("🔁 Bàn giao sang năm thi đua 2027")
    await zalo.say("hoa", "1")
    await deliver(app)
    assert zalo.api.sent_to(GROUP)[seen:] == [HANDOVER_POST]
    assert "Nguyễn Thị Hoa" not in HANDOVER_POST and "0912" not in HANDOVER_POST


async def register_tg(tg: FakeTelegramAPI, user: int, code: str, name: str, phone: str) -> None:
    tg.push_text(user, f"/start {code}")
    tg.push_callback(user, button(await tg.next_message(user), text("yes", "vi")))
    for answer in (name, "Chuyên viên"):
        await tg.next_message(user)
        tg.push_text(user, answer)
    await tg.next_message(user)
    tg.push_contact(user, phone)
    tg.push_callback(user, button(await tg.next_message(user), text("confirm", "vi")))
    await tg.next_message(user)


async def test_telegram_group_hears_the_handover(app: App, block_id: int, tg: FakeTelegramAPI) -> None:
    await link_telegram_group(app, block_id, tg)
    await register_tg(tg, LAN, (await codes(app, block_id))["CDNDTNT"], "Phạm Thị Lan", "+84913222333")
    await elect(app, block_id, "head", "CDNDTNT")
    await elect(app, block_id, "deputy", "YTE")
    seen = len(tg.sent_to(TG_GROUP))
    tg.push_text(HOA, "/bangiao")
    summary = await tg.next_message(HOA)
    assert summary["text"].startswith("🔁 Bàn giao sang năm thi đua 2027")
    tg.push_callback(HOA, button(summary, text("handover.confirm", "vi")))
    await tg.next_message(HOA)
    await deliver(app)
    await tg.wait_for(lambda: len(tg.sent_to(TG_GROUP)) > seen)
    assert [m["text"] for m in tg.sent_to(TG_GROUP)[seen:]] == [HANDOVER_POST]
