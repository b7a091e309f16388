"""Group chats as the channels see them (chat type, other bots) and the private chat's link from a group."""

from __future__ import annotations

from typing import Any

from aiogram.types import Update
from hypothesis import given
from hypothesis import strategies as st

from bot.channels.telegram_convert import to_incoming
from bot.channels.zalo import update_to_incoming
from handlers.core.group import private_link
from tests.unit.test_zalo_updates import text_update


def telegram_update(chat: dict[str, Any], *, is_bot: bool = False) -> Update:
    return Update.model_validate({"update_id": 7, "message": {
        "message_id": 1, "date": 0, "chat": chat, "text": "/nop@thidua_bot",
        "from": {"id": 1001, "is_bot": is_bot, "first_name": "Hoa"}}})


def test_telegram_groups_and_supergroups_are_groups_and_bots_are_ignored() -> None:
    private = to_incoming(telegram_update({"id": 1001, "type": "private", "first_name": "Hoa"}))
    group = to_incoming(telegram_update({"id": -5, "type": "group", "title": "Khối"}))
    supergroup = to_incoming(telegram_update({"id": -1005, "type": "supergroup", "title": "Khối"}))
    assert private is not None and group is not None and supergroup is not None
    assert (private.group, group.group, supergroup.group) == (False, True, True)
    assert group.text == "/nop" and group.user_id == "1001" and group.chat_id == "-5"
    assert to_incoming(telegram_update({"id": -5, "type": "group", "title": "Khối"}, is_bot=True)) is None


def test_zalo_chat_type_and_other_bots() -> None:
    group_chat = {"id": "f00dfeedf00dfeedf00d", "chat_type": "GROUP"}
    private = update_to_incoming(text_update())
    group = update_to_incoming(text_update(chat=group_chat))
    assert private is not None and group is not None
    assert (private.group, group.group, group.chat_id) == (False, True, "f00dfeedf00dfeedf00d")
    bot = {"id": "b0b0b0b0b0b0b0b0b0b0", "display_name": "Bot khác", "is_bot": True}
    assert update_to_incoming(text_update(chat=group_chat, **{"from": bot})) is None


def test_private_link_keeps_a_start_code_only() -> None:
    assert private_link("thidua_bot", "start", "K3M7Q-2XWPD") == "https://t.me/thidua_bot?start=K3M7Q-2XWPD"
    assert private_link("thidua_bot", "nop", "K3M7Q-2XWPD") == "https://t.me/thidua_bot"
    assert private_link("thidua_bot", "start", "") == "https://t.me/thidua_bot"


@given(st.text(max_size=100))
def test_private_link_never_carries_what_telegram_refuses(arg: str) -> None:
    link = private_link("thidua_bot", "start", arg)
    payload = link.partition("?start=")[2]
    assert link.startswith("https://t.me/thidua_bot")
    assert payload in ("", arg)
    assert len(payload) <= 64 and all(ch.isascii() and (ch.isalnum() or ch in "_-") for ch in payload)
