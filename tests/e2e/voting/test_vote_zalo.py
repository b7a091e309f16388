"""Voting over Zalo with numbers only: the real ZaloChannel long-polls a fake Zalo Bot API over HTTP. A typed 1
under the ballot's notice opens it; `1 3` sets the choice; a single number toggles one; the receipt comes once."""

from __future__ import annotations

import re

from sqlmodel import select

from bot.app import App
from handlers.core.catalog import text
from storage.models_vote import Ballot
from tests.e2e.conftest import ZaloChat
from tests.e2e.voting import poll_texts
from tests.helpers import codes, deliver, open_poll

QUESTION = "Bầu 2 đơn vị đề nghị UBND tỉnh tặng Bằng khen năm 2026"
NAMES = ["Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo", "Bảo hiểm Xã hội tỉnh"]


def ballot(chosen: list[int]) -> str:
    return poll_texts.ballot(QUESTION, "Sở Y tế", NAMES, chosen, zalo=True)


async def test_numbers_typed_on_zalo(app: App, block_id: int, zalo: ZaloChat) -> None:
    for said in ((await codes(app, block_id))["YTE"], "1", "Lê Thị Lan", "Chuyên viên", "0903 111 222"):
        await zalo.say("lan", said)
    assert (await zalo.say("lan", "1"))[0].startswith("✅ Đã đăng ký bạn")

    await open_poll(app, block_id, QUESTION, seats=2, candidates=["YTE", "VHTTDL", "GDDT", "BHXH"])
    await deliver(app)
    assert zalo.api.sent_to("lan")[-1].endswith("\n" + poll_texts.menu(text("vote.open_ballot"), zalo=True))
    assert await zalo.say("lan", "1") == [ballot([])]  # the notice's menu
    assert await zalo.say("lan", "1 3") == [ballot([1, 3])]
    assert await zalo.say("lan", "2") == [text("vote.too_many", max=2), ballot([1, 3])]
    assert await zalo.say("lan", "1") == [ballot([3])]
    assert await zalo.say("lan", "4,2") == [ballot([2, 4])]
    assert await zalo.say("lan", "5") == [poll_texts.review(QUESTION, "Sở Y tế", NAMES, [2, 4], zalo=True)]
    [cast] = await zalo.say("lan", "1")
    assert re.search(r"Mã biên nhận: [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\n", cast)
    main_menu = text("menu_unit", unit="Sở Y tế", block="Khối thi đua Văn hóa - Xã hội")
    assert (await zalo.say("lan", "1"))[0].startswith(main_menu)  # nothing pending: the menu
    async with app.uow() as uow:
        ids = {u.code: u.id or 0 for u in await uow.directory.units(block_id)}
        assert [b.choices for b in (await uow.session.exec(select(Ballot))).all()] == [
            sorted([ids["VHTTDL"], ids["BHXH"]])]
