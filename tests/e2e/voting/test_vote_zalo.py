"""Voting over Zalo with numbers only: the real ZaloChannel long-polls a fake Zalo Bot API over HTTP. A typed 1
under the ballot's notice opens it; `1 3` sets the choice; a single number toggles one; the receipt comes once."""

from __future__ import annotations

import re

from sqlmodel import select

from bot.app import App
from handlers.core.catalog import text
from storage.models_vote import Ballot
from tests.e2e.conftest import ZaloChat
from tests.helpers import codes, deliver, open_poll

QUESTION = "Bầu 2 đơn vị đề nghị UBND tỉnh tặng Bằng khen năm 2026"
HINT = text("vote.ballot_hint")


def ballot(state: str, marks: str) -> str:
    names = ["Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo", "Bảo hiểm Xã hội tỉnh"]
    menu = "\n".join(f"{i}. {mark} {name}" for i, (mark, name) in enumerate(zip(marks, names, strict=True), 1))
    return (f"🗳️ PHIẾU BẦU — {QUESTION}\nĐơn vị bỏ phiếu: Sở Y tế\nSố được bầu: 2; chọn tối đa 2 đơn vị.\n{state}\n"
            f"{HINT}\n\n{menu}\n5. ✔️ Xem lại và xác nhận\n6. Phiếu trắng\n7. Để sau")




async def test_numbers_typed_on_zalo(app: App, block_id: int, zalo: ZaloChat) -> None:
    for said in ((await codes(app, block_id))["YTE"], "1", "Lê Thị Lan", "Chuyên viên", "0903 111 222"):
        await zalo.say("lan", said)
    assert (await zalo.say("lan", "1"))[0].startswith("✅ Đã đăng ký bạn")

    await open_poll(app, block_id, QUESTION, seats=2, candidates=["YTE", "VHTTDL", "GDDT", "BHXH"])
    await deliver(app)
    assert zalo.api.sent_to("lan")[-1].endswith("\n\n1. 🗳️ Mở phiếu bầu")
    assert await zalo.say("lan", "1") == [ballot(text("vote.chosen_none"), "☐☐☐☐")]  # the notice's menu
    assert await zalo.say("lan", "1 3") == [ballot("Đang chọn (2/2): Sở Y tế, Sở Giáo dục và Đào tạo", "☑☐☑☐")]
    assert await zalo.say("lan", "2") == [
        text("vote.too_many", max=2),
        ballot("Đang chọn (2/2): Sở Y tế, Sở Giáo dục và Đào tạo", "☑☐☑☐")]
    assert await zalo.say("lan", "1") == [ballot("Đang chọn (1/2): Sở Giáo dục và Đào tạo", "☐☐☑☐")]
    assert await zalo.say("lan", "4,2") == [
        ballot("Đang chọn (2/2): Sở Văn hóa, Thể thao và Du lịch, Bảo hiểm Xã hội tỉnh", "☐☑☐☑")]
    assert await zalo.say("lan", "5") == [
        f"Mời kiểm tra lại phiếu bầu — {QUESTION}\nĐơn vị bỏ phiếu: Sở Y tế\n• 2. Sở Văn hóa, Thể thao và Du lịch\n"
        "• 4. Bảo hiểm Xã hội tỉnh\n\nSau khi xác nhận, phiếu không sửa được nữa.\n\n1. ✅ Xác nhận bỏ phiếu\n"
        "2. Sửa lại\n3. Để sau"]
    [cast] = await zalo.say("lan", "1")
    assert re.search(r"Mã biên nhận: [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\n", cast)
    assert (await zalo.say("lan", "1"))[0].startswith("Menu chính (Sở Y tế,")  # nothing pending: the menu
    async with app.uow() as uow:
        ids = {u.code: u.id or 0 for u in await uow.directory.units(block_id)}
        assert [b.choices for b in (await uow.session.exec(select(Ballot))).all()] == [
            sorted([ids["VHTTDL"], ids["BHXH"]])]
