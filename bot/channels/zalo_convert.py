"""Reading a Zalo update (getUpdates' result or a webhook body) as an `Incoming` (see bot.channels.zalo)."""

from __future__ import annotations

from typing import Any, Final

from handlers.core.messages import Incoming

CHANNEL: Final = "zalo"
TEXT_EVENT: Final = "message.text.received"
_MAX_ID = 128


def update_to_incoming(update: object) -> Incoming | None:
    """Translate one Zalo update (or a webhook body) into an `Incoming`; None when it is no message."""
    update = _unwrap(update)
    if not isinstance(update, dict):
        return None
    message = update.get("message")
    if not isinstance(message, dict):
        return None
    sender, chat = message.get("from"), message.get("chat")
    if not isinstance(sender, dict) or not isinstance(chat, dict) or sender.get("is_bot") is True:
        return None  # another bot in a group: never answered, so two bots cannot talk to each other forever
    chat_id, user_id = _identifier(chat.get("id")), _identifier(sender.get("id"))
    message_id = _identifier(message.get("message_id"))
    if chat_id is None or user_id is None or message_id is None:
        return None
    event, text = update.get("event_name"), message.get("text")
    is_text = event == TEXT_EVENT or (event is None and isinstance(text, str))
    return Incoming(
        unsupported=not is_text,
        channel=CHANNEL,
        chat_id=chat_id,
        user_id=user_id,
        update_id=message_id,
        text=text if is_text and isinstance(text, str) and text else None,
        display_name=_display_name(sender),
        group=str(chat.get("chat_type", "")).upper() == "GROUP",
    )


def describe_update(update: object) -> tuple[str, str]:
    """(id, kind) of an update, safe to log: never its text."""
    update = _unwrap(update)
    if not isinstance(update, dict):
        return "?", type(update).__name__
    message = update.get("message")
    raw_id = message.get("message_id") if isinstance(message, dict) else None
    event = update.get("event_name")
    return _identifier(raw_id) or "?", event[:64] if isinstance(event, str) else "no event_name"


def _unwrap(body: object) -> object:
    """A webhook body is `{"ok": true, "result": update}`; getUpdates' result is the update itself."""
    if isinstance(body, dict) and "message" not in body and isinstance(body.get("result"), dict):
        return body["result"]
    return body


def _identifier(value: object) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip() and len(value) <= _MAX_ID:
        return value
    return None


def _display_name(sender: dict[Any, Any]) -> str | None:
    for key in ("display_name", "first_name", "name"):
        value = sender.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None
