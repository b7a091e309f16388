"""Linking the block's group: `/nhomkhoi` in the group, a confirmation in the secretariat's private chat, a post
in the group; unlinking the same way. Only the block's secretariat can. Both channels."""

from __future__ import annotations

from typing import Any

from bot.app import App
from handlers.core.catalog import text
from tests.e2e.conftest import ZaloChat
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.helpers import codes, deliver

HOA, MINH = 1001, 2002
TG_GROUP = -1001234567890
BLOCK = "Khối thi đua Văn hóa - Xã hội"


def button(message: dict[str, Any], label: str) -> str:
    return next(data for shown, data in message["buttons"] if shown == label)


async def linked_block(app: App, channel: str, chat_id: str) -> int | None:
    async with app.uow() as uow:
        row = await uow.groups.by_chat(channel, chat_id)
        return None if row is None else row.block_id


async def register_secretariat_tg(tg: FakeTelegramAPI, code: str) -> None:
    tg.push_text(HOA, f"/start {code}")
    tg.push_callback(HOA, button(await tg.next_message(HOA), text("yes", "vi")))
    for answer in ("Nguyễn Thị Hoa", "Chánh Văn phòng"):
        await tg.next_message(HOA)
        tg.push_text(HOA, answer)
    await tg.next_message(HOA)
    tg.push_contact(HOA, "+84912345678")
    tg.push_callback(HOA, button(await tg.next_message(HOA), text("confirm", "vi")))
    await tg.next_message(HOA)


async def test_telegram_secretariat_links_and_unlinks_the_group(app: App, block_id: int,
                                                                tg: FakeTelegramAPI) -> None:
    await register_secretariat_tg(tg, (await codes(app, block_id))["secretariat"])
    tg.push_text(HOA, "/nhomkhoi")  # in the private chat: it belongs in the group
    assert (await tg.next_message(HOA))["text"] == text("grp.only_in_group", "vi")
    tg.push_text(MINH, "/nhomkhoi", chat_id=TG_GROUP)  # not the secretariat
    assert (await tg.next_message(TG_GROUP))["text"] == text("grp.not_allowed", "vi")

    tg.push_text(HOA, "/nhomkhoi@thidua_bot", chat_id=TG_GROUP)
    assert (await tg.next_message(TG_GROUP))["text"] == text("grp.check_private", "vi")
    await deliver(app)
    ask = await tg.next_message(HOA)
    assert ask["text"] == text("grp.confirm_link", "vi", block=BLOCK)
    link = button(ask, text("grp.link_button", "vi"))
    tg.push_callback(MINH, link, chat_id=TG_GROUP)  # somebody else's press, in the group: nothing happens
    tg.push_callback(HOA, link)
    assert (await tg.next_message(HOA))["text"] == text("grp.linked", "vi", block=BLOCK)
    assert await linked_block(app, "telegram", str(TG_GROUP)) == block_id
    await deliver(app)
    assert (await tg.next_message(TG_GROUP))["text"] == text("grp.linked_post", "vi", block=BLOCK)

    tg.push_text(HOA, "/nhomkhoi", chat_id=TG_GROUP)  # a linked group: the same command unlinks it
    await tg.next_message(TG_GROUP)
    await deliver(app)
    ask = await tg.next_message(HOA)
    assert ask["text"] == text("grp.confirm_unlink", "vi", block=BLOCK)
    tg.push_callback(HOA, button(ask, text("grp.keep_button", "vi")))
    assert (await tg.next_message(HOA))["text"] == text("grp.kept", "vi")
    assert await linked_block(app, "telegram", str(TG_GROUP)) == block_id
    tg.push_callback(HOA, button(ask, text("grp.unlink_button", "vi")))
    assert (await tg.next_message(HOA))["text"] == text("grp.unlinked", "vi", block=BLOCK)
    assert await linked_block(app, "telegram", str(TG_GROUP)) is None
    await deliver(app)
    assert (await tg.next_message(TG_GROUP))["text"] == text("grp.unlinked_post", "vi", block=BLOCK)
    assert len(tg.sent_to(TG_GROUP)) == 5


async def test_zalo_secretariat_links_the_group_with_typed_numbers(app: App, block_id: int, zalo: ZaloChat) -> None:
    group = "a1b2c3d4e5f6a7b8c9d0"
    c = await codes(app, block_id)
    for answer in (c["secretariat"], "1", "Nguyễn Thị Hoa", "Chánh Văn phòng", "0912345678", "1"):
        await zalo.say("hoa", answer)
    zalo.api.push_text("lan", "/nhomkhoi", chat_id=group)
    await zalo.handled.get()
    assert zalo.api.sent_to(group) == [text("grp.not_allowed", "vi")]

    zalo.api.push_text("hoa", "/nhomkhoi", chat_id=group)
    await zalo.handled.get()
    assert zalo.api.sent_to(group)[-1] == text("grp.check_private", "vi")
    await deliver(app)
    assert zalo.api.sent_to("hoa")[-1] == (f"{text('grp.confirm_link', 'vi', block=BLOCK)}\n\n"
                                           f"1. {text('grp.link_button', 'vi')}\n2. {text('grp.keep_button', 'vi')}")
    assert await zalo.say("hoa", "1") == [text("grp.linked", "vi", block=BLOCK)]
    assert await linked_block(app, "zalo", group) == block_id
    await deliver(app)
    assert zalo.api.sent_to(group)[-1] == text("grp.linked_post", "vi", block=BLOCK)


async def test_telegram_group_upgraded_to_supergroup_keeps_its_link(app: App, block_id: int,
                                                                   tg: FakeTelegramAPI) -> None:
    await register_secretariat_tg(tg, (await codes(app, block_id))["secretariat"])
    old_group, supergroup = -4001, -1004001
    tg.push_text(HOA, "/nhomkhoi", chat_id=old_group)
    await tg.next_message(old_group)
    await deliver(app)
    tg.push_callback(HOA, button(await tg.next_message(HOA), text("grp.link_button", "vi")))
    await tg.next_message(HOA)
    tg.push_migration(HOA, old_group, supergroup)
    tg.push_text(HOA, "/nop", chat_id=old_group)  # handled after the migration (one chat, in order)
    await tg.next_message(old_group)
    assert await linked_block(app, "telegram", str(old_group)) is None
    assert await linked_block(app, "telegram", str(supergroup)) == block_id
