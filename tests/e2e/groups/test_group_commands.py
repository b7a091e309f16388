"""Conversations stay private: in the block's group a command gets a pointer to the private chat, and the group
never gets a conversation of its own (plain text, buttons and other bots are ignored). Both channels."""

from __future__ import annotations

from bot.app import App
from handlers.core.catalog import text
from tests.e2e.conftest import ZaloChat
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.helpers import codes

HOA, MINH, OTHER_BOT = 1001, 2002, 9009
TG_GROUP = -1001234567890
BLOCK = "Khối thi đua Văn hóa - Xã hội"


async def test_telegram_group_command_points_to_private_chat(app: App, block_id: int, tg: FakeTelegramAPI) -> None:
    c = await codes(app, block_id)
    tg.push_text(HOA, "Chào cả nhà", chat_id=TG_GROUP)  # plain talk in the group: not for the bot
    tg.push_text(OTHER_BOT, "/nop", chat_id=TG_GROUP, is_bot=True)  # another bot: never answered
    tg.push_text(HOA, "/nop@thidua_bot", chat_id=TG_GROUP)
    pointer = await tg.next_message(TG_GROUP)
    assert pointer["text"] == text("group_pointer_link", "vi", link="https://t.me/thidua_bot")

    code = c["GDDT"]
    tg.push_text(MINH, f"/start {code}", chat_id=TG_GROUP)  # the deep link carries the code to the private chat
    assert (await tg.next_message(TG_GROUP))["text"] == text(
        "group_pointer_link", "vi", link=f"https://t.me/thidua_bot?start={code}")
    tg.push_text(MINH, "/khongcolenhnay", chat_id=TG_GROUP)  # not ours (another bot's command): ignored
    tg.push_text(MINH, "/chamdiem", chat_id=TG_GROUP)
    assert (await tg.next_message(TG_GROUP))["text"].startswith(text("group_pointer_link", "vi", link="")[:20])
    assert len(tg.sent_to(TG_GROUP)) == 3

    # the code was not used up in the group: the private chat starts the registration
    tg.push_text(MINH, f"/start {code}")
    assert (await tg.next_message(MINH))["text"] == text("reg_confirm_unit", unit="Sở Giáo dục và Đào tạo", block=BLOCK)


async def test_telegram_two_people_in_one_group_keep_their_own_private_conversations(
        app: App, block_id: int, tg: FakeTelegramAPI) -> None:
    c = await codes(app, block_id)
    tg.push_text(HOA, f"/start {c['GDDT']}")
    first = await tg.next_message(HOA)
    assert first["text"] == text("reg_confirm_unit", unit="Sở Giáo dục và Đào tạo", block=BLOCK)
    tg.push_text(HOA, "/bophieu", chat_id=TG_GROUP)  # Hoa and Minh both write in the group meanwhile
    tg.push_text(MINH, "1", chat_id=TG_GROUP)  # a typed number in the group is no answer to anybody's menu
    tg.push_text(MINH, "/start", chat_id=TG_GROUP)
    await tg.wait_for(lambda: len(tg.sent_to(TG_GROUP)) == 2)
    assert [m["text"] for m in tg.sent_to(TG_GROUP)] == [
        text("group_pointer_link", "vi", link="https://t.me/thidua_bot")] * 2
    tg.push_text(HOA, "1")  # Hoa's private conversation is where she left it
    assert (await tg.next_message(HOA))["text"] == text("reg_ask_name")
    assert tg.sent_to(MINH) == []


async def test_zalo_group_command_points_to_private_chat(app: App, block_id: int, zalo: ZaloChat) -> None:
    c = await codes(app, block_id)
    group = "a1b2c3d4e5f6a7b8c9d0"
    zalo.api.push_text("botkhac", "/nop", chat_id=group, is_bot=True)  # another bot in the group: dropped
    zalo.api.push_text("hoa", "Chào cả nhà", chat_id=group)
    await zalo.handled.get()
    zalo.api.push_text("hoa", "/nop", chat_id=group)
    await zalo.handled.get()
    assert zalo.api.sent_to(group) == [text("group_pointer", "vi")]

    zalo.api.push_text("lan", f"/start {c['KHCN']}", chat_id=group)
    await zalo.handled.get()
    assert zalo.api.sent_to(group)[-1] == text("group_pointer", "vi")
    asked = text("reg_confirm_unit", unit="Sở Khoa học và Công nghệ", block=BLOCK)
    assert (await zalo.say("lan", c["KHCN"]))[0].startswith(asked)  # the private chat registers
    zalo.api.push_text("hoa", "1", chat_id=group)  # Lan's menu is hers: a number typed in the group is nobody's
    await zalo.handled.get()
    assert len(zalo.api.sent_to(group)) == 2
    assert (await zalo.say("lan", "1"))[0] == text("reg_ask_name")
