"""A person blocking or unblocking the bot, as the channels tell it: Telegram's `my_chat_member` update becomes
a neutral `Incoming(blocked=…)`; a send the platform refuses for good says whether the person is unreachable."""

from __future__ import annotations

from typing import Any

import pytest
from aiogram.types import Update
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from bot.channels.telegram_convert import chat_key, to_incoming
from bot.channels.telegram_polling import ALLOWED_UPDATES
from bot.channels.zalo import PERMANENT_CODES, delivery_error
from bot.channels.zalo_api import ZaloAPIError
from handlers.core.messages import DeliveryError, Incoming, incoming_from_json, incoming_to_json

BOT = {"id": 123456, "is_bot": True, "first_name": "Thi đua", "username": "thidua_bot"}
USER = {"id": 42, "is_bot": False, "first_name": "Bình", "last_name": "Trần"}
PRIVATE = {"id": 42, "type": "private", "first_name": "Bình"}
GROUP = {"id": -100, "type": "group", "title": "Khối thi đua"}


def member(status: str) -> dict[str, Any]:
    return {"user": BOT, "status": status} | ({"until_date": 0} if status == "kicked" else {})


def change(new: str, old: str = "member", chat: dict[str, Any] = PRIVATE, sender: dict[str, Any] = USER) -> Update:
    return Update.model_validate({"update_id": 7, "my_chat_member": {
        "chat": chat, "from": sender, "date": 1764000000,
        "old_chat_member": member(old), "new_chat_member": member(new)}})


def test_blocking_the_bot_is_a_neutral_blocked_incoming() -> None:
    assert to_incoming(change("kicked")) == Incoming(channel="telegram", chat_id="42", user_id="42", update_id="7",
                                                     display_name="Bình Trần", blocked=True)


def test_unblocking_or_restarting_is_blocked_false() -> None:
    incoming = to_incoming(change("member", old="kicked"))
    assert incoming is not None and incoming.blocked is False and incoming.text is None


def test_the_chat_of_a_member_change_keeps_its_updates_in_order() -> None:
    assert chat_key(change("kicked")) == "42"


@pytest.mark.parametrize(("new", "chat"), [("kicked", GROUP), ("left", GROUP), ("member", GROUP), ("left", PRIVATE)])
def test_groups_and_other_statuses_are_not_ours(new: str, chat: dict[str, Any]) -> None:
    assert to_incoming(change(new, chat=chat)) is None


def test_another_bot_changing_the_membership_is_ignored() -> None:
    assert to_incoming(change("kicked", sender={"id": 7, "is_bot": True, "first_name": "Bot"})) is None


def test_both_polling_and_the_webhook_ask_for_member_changes() -> None:
    assert "my_chat_member" in ALLOWED_UPDATES  # telegram.set_webhook passes the same list


def test_a_stored_blocked_update_reads_back_the_same() -> None:
    incoming = to_incoming(change("kicked"))
    assert incoming is not None
    assert incoming_from_json(incoming_to_json(incoming)) == incoming
    older = {k: v for k, v in incoming_to_json(incoming).items() if k != "blocked"}  # stored before the field
    assert incoming_from_json(older).blocked is None


STATUSES = ["creator", "administrator", "member", "restricted", "left", "kicked"]


@settings(deadline=None)  # pydantic builds its validators on the first call: slow on a loaded machine
@given(st.one_of(st.sampled_from(STATUSES), st.text(max_size=20)),
       st.sampled_from(["private", "group", "supergroup", "channel"]), st.booleans(), st.booleans())
def test_any_member_change_never_raises_and_only_a_persons_private_block_counts(
        status: str, chat_type: str, by_bot: bool, with_until: bool) -> None:
    chat = {"id": 42 if chat_type == "private" else -100, "type": chat_type, "title": "x"}
    new = {"user": BOT, "status": status} | ({"until_date": 0} if with_until else {})
    try:
        update = Update.model_validate({"update_id": 9, "my_chat_member": {
            "chat": chat, "from": USER | {"is_bot": by_bot}, "date": 1764000000,
            "old_chat_member": member("member"), "new_chat_member": new}})
    except ValidationError:
        return  # aiogram refuses it: the channel skips an unreadable update (tested in the integration tests)
    incoming = to_incoming(update)
    counts = chat_type == "private" and status in ("kicked", "member") and not by_bot
    assert (incoming is not None) == counts
    assert incoming is None or incoming.blocked is (status == "kicked")


@pytest.mark.parametrize(("code", "unreachable"), [(403, True), (404, True), (400, False)])
def test_zalo_refusals_for_good_mark_the_person_unreachable_except_a_bad_request(code: int, unreachable: bool) -> None:
    error = delivery_error(ZaloAPIError("sendMessage", error_code=code, description="x", status=code))
    assert code in PERMANENT_CODES and error.permanent
    assert error.unreachable is unreachable


def test_zalo_transient_errors_are_not_unreachable() -> None:
    assert not delivery_error(ZaloAPIError("sendMessage", error_code=500, description="x", status=500)).unreachable
    assert not delivery_error(ZaloAPIError("sendMessage", error_code=429, description="x", status=429)).unreachable


def test_an_unreachable_delivery_error_is_permanent() -> None:
    error = DeliveryError("blocked", unreachable=True)
    assert error.permanent and error.unreachable and not DeliveryError("x", permanent=True).unreachable
