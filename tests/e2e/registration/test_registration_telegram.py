"""Registration over Telegram: aiogram talks real HTTP to a fake Bot API server started by the test."""

from __future__ import annotations

from typing import Any

from bot.app import App
from handlers.core.catalog import text
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.helpers import codes, deliver

HOA, MINH = 1001, 2002
BLOCK = "Khối thi đua Văn hóa - Xã hội"  # the sample block
YES, NO = text("yes"), text("no")


def button(message: dict[str, Any], label: str) -> str:
    """The callback data of the button labelled `label`."""
    return next(data for said, data in message["buttons"] if said == label)


async def test_deep_link_buttons_and_shared_contact(app: App, block_id: int, tg: FakeTelegramAPI) -> None:
    c = await codes(app, block_id)
    tg.set_user(HOA, "Hoa", "Nguyễn")
    tg.push_text(HOA, f"/start {c['secretariat'].replace('-', '')}")  # what the deep link sends
    first = await tg.next_message(HOA)
    assert first["text"] == text("reg_confirm_secretariat", block=BLOCK, unit="Bảo hiểm Xã hội tỉnh")
    assert [label for label, _ in first["buttons"]] == [YES, NO]
    assert all(len(data.encode()) <= 64 for _, data in first["buttons"])

    tg.push_callback(HOA, button(first, YES))
    assert (await tg.next_message(HOA))["text"] == text("reg_ask_name")
    tg.push_callback(HOA, button(first, YES))  # a double tap on the old button acts once
    assert (await tg.next_message(HOA))["text"] == text("menu_expired")
    assert (await tg.next_message(HOA))["text"] == text("reg_ask_name")
    assert len(tg.callback_answers) == 2  # every press is answered, so the spinner stops

    tg.push_text(HOA, "Nguyễn Thị Hoa")
    await tg.next_message(HOA)
    tg.push_text(HOA, "Chánh Văn phòng")
    ask_phone = await tg.next_message(HOA)
    assert ask_phone["reply_markup"]["keyboard"][0][0]["request_contact"] is True
    tg.push_contact(HOA, "0912345678", contact_user_id=3003)  # somebody else's card does not count
    assert (await tg.next_message(HOA))["text"] == text("reg_bad_phone")
    await tg.next_message(HOA)
    tg.push_contact(HOA, "+84912345678")  # the share-phone button
    summary = await tg.next_message(HOA)
    assert summary["text"] == text("reg_summary", where=text("reg_summary_unit", unit="Bảo hiểm Xã hội tỉnh"),
                                   name="Nguyễn Thị Hoa", position="Chánh Văn phòng", phone="0912 345 678")
    confirm = tg.push_callback(HOA, button(summary, text("confirm")))
    done = await tg.next_message(HOA)
    assert done["text"] == text("reg_done_secretariat", block=BLOCK)
    assert done["reply_markup"] == {"remove_keyboard": True}

    tg.push_update_again(confirm)  # Telegram redelivers: acts once, no second reply
    tg.push_text(HOA, "/toi")
    assert text("role.secretariat", unit="Bảo hiểm Xã hội tỉnh") in (await tg.next_message(HOA))["text"]

    # a unit contact registers; the secretariat is told through the outbox
    tg.push_text(MINH, f"/start {c['GDDT']}")
    for step in (YES, None, None, None, text("confirm")):
        message = await tg.next_message(MINH)
        if step:
            tg.push_callback(MINH, button(message, step))
        elif message["text"] == text("reg_ask_name"):
            tg.push_text(MINH, "Phạm Văn Minh")
        elif message["text"] == text("reg_ask_position"):
            tg.push_text(MINH, "Chuyên viên")
        else:
            tg.push_text(MINH, "0977 111 222")
    assert (await tg.next_message(MINH))["text"] == text("reg_done_unit", unit="Sở Giáo dục và Đào tạo", block=BLOCK)
    assert await deliver(app) == 1
    notice = await tg.next_message(HOA)
    assert notice["text"] == text("notice_registered", done=2, name="Phạm Văn Minh", phone="0977 111 222",
                                  position="Chuyên viên", role_text=text("role.unit", unit="Sở Giáo dục và Đào tạo"),
                                  total=11)

    tg.push_text(HOA, "/menu")
    menu = await tg.next_message(HOA)
    tg.push_callback(HOA, button(menu, text("menu.missing")))
    missing = (await tg.next_message(HOA))["text"]
    assert missing.startswith(text("missing_header", count=9, total=11)) and "GDDT" not in missing
    assert "BHXH" not in missing  # the head unit: its staff are the secretariat
