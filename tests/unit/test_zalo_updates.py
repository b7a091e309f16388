"""Zalo update → Incoming conversion: documented shapes, odd events, and arbitrary JSON."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from bot.channels.zalo import describe_update, update_to_incoming
from handlers.core.messages import Incoming


def text_update(text: Any = "Xin chào", **message: Any) -> dict[str, Any]:
    """The webhook/getUpdates `result` of the Zalo docs (message.text.received)."""
    base: dict[str, Any] = {
        "from": {"id": "6ede9afa66b88fe6d6a9", "display_name": "Ted", "is_bot": False},
        "chat": {"id": "6ede9afa66b88fe6d6a9", "chat_type": "PRIVATE"},
        "text": text,
        "message_id": "2d758cb5e222177a4e35",
        "date": 1750316131602,
    }
    return {"event_name": "message.text.received", "message": {**base, **message}}


def test_text_message_becomes_incoming() -> None:
    assert update_to_incoming(text_update()) == Incoming(
        channel="zalo",
        chat_id="6ede9afa66b88fe6d6a9",
        user_id="6ede9afa66b88fe6d6a9",
        update_id="2d758cb5e222177a4e35",
        text="Xin chào",
        display_name="Ted",
    )


def test_webhook_envelope_is_unwrapped() -> None:
    assert update_to_incoming({"ok": True, "result": text_update()}) == update_to_incoming(text_update())


def test_typed_number_stays_text_never_an_option() -> None:
    incoming = update_to_incoming(text_update("1"))
    assert incoming is not None
    assert (incoming.text, incoming.option, incoming.version) == ("1", None, None)


def test_getupdates_sample_without_event_name_and_with_first_name() -> None:
    update = text_update(**{"from": {"id": "u1", "first_name": "Nguyen Van A"}})
    del update["event_name"]
    incoming = update_to_incoming(update)
    assert incoming is not None
    assert (incoming.user_id, incoming.text, incoming.display_name) == ("u1", "Xin chào", "Nguyen Van A")


def test_group_chat_keeps_chat_and_sender_apart() -> None:
    incoming = update_to_incoming(text_update(chat={"id": "g1", "chat_type": "GROUP"}))
    assert incoming is not None
    assert (incoming.chat_id, incoming.user_id) == ("g1", "6ede9afa66b88fe6d6a9")


def test_numeric_ids_become_strings() -> None:
    incoming = update_to_incoming(text_update(message_id=42, chat={"id": 7}, **{"from": {"id": 8}}))
    assert incoming is not None
    assert (incoming.chat_id, incoming.user_id, incoming.update_id) == ("7", "8", "42")


def test_non_text_messages_come_without_text() -> None:
    for event, extra in [
        ("message.image.received", {"photo": "https://x/p.jpg", "caption": "ảnh"}),
        ("message.sticker.received", {"sticker": "abc", "url": "https://x/s.png"}),
        ("message.unsupported.received", {}),
    ]:
        update = text_update(**extra)
        del update["message"]["text"]
        update["event_name"] = event
        incoming = update_to_incoming(update)
        assert incoming is not None, event
        assert incoming.text is None and incoming.update_id == "2d758cb5e222177a4e35"
        assert incoming.unsupported, event


def test_text_field_on_a_non_text_event_is_ignored() -> None:
    update = text_update("caption-like")
    update["event_name"] = "message.image.received"
    incoming = update_to_incoming(update)
    assert incoming is not None and incoming.text is None


def test_a_text_message_is_not_unsupported() -> None:
    incoming = update_to_incoming(text_update("xin chào"))
    assert incoming is not None and not incoming.unsupported


def test_not_a_message_is_none() -> None:
    updates: list[object] = [
        None,
        [],
        "text",
        {},
        {"event_name": "user.follow"},
        {"ok": True, "result": {"event_name": "user.follow"}},
        {"event_name": "message.text.received", "message": "Xin chào"},
    ]
    for update in updates:
        assert update_to_incoming(update) is None, update


def test_message_without_usable_ids_is_none() -> None:
    assert update_to_incoming(text_update(message_id=None)) is None
    assert update_to_incoming(text_update(message_id=True)) is None
    assert update_to_incoming(text_update(chat={"id": ""})) is None
    assert update_to_incoming(text_update(chat="6ede9afa")) is None
    assert update_to_incoming(text_update(**{"from": {"name": "no id"}})) is None
    assert update_to_incoming(text_update(chat={"id": "x" * 1000})) is None


def test_non_string_or_empty_text_is_no_text() -> None:
    for text in [None, 5, "", ["a"], {"t": 1}]:
        incoming = update_to_incoming(text_update(text))
        assert incoming is not None and incoming.text is None, text


def test_describe_update_names_id_and_kind_never_text() -> None:
    update = text_update("/start SECRET-INVITE")
    described = describe_update(update)
    assert described == ("2d758cb5e222177a4e35", "message.text.received")
    assert describe_update({"ok": True, "result": update}) == described
    assert "SECRET-INVITE" not in repr(described)
    assert describe_update(["x"]) == ("?", "list")
    assert describe_update({"message": {"text": "t"}}) == ("?", "no event_name")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=25,
)
leaf = st.none() | st.booleans() | st.integers() | st.text(max_size=300) | st.lists(st.integers(), max_size=2)
near_updates = st.fixed_dictionaries(
    {},
    optional={
        "event_name": st.sampled_from(["message.text.received", "message.image.received", "x"]) | leaf,
        "message": st.fixed_dictionaries(
            {},
            optional={
                "from": st.fixed_dictionaries({}, optional={"id": leaf, "display_name": leaf}) | leaf,
                "chat": st.fixed_dictionaries({}, optional={"id": leaf}) | leaf,
                "message_id": leaf,
                "text": leaf,
            },
        )
        | leaf,
    },
)


def _check(result: Incoming | None) -> None:
    if result is not None:
        assert result.channel == "zalo" and result.option is None
        assert all(isinstance(v, str) and v for v in (result.chat_id, result.user_id, result.update_id))
        assert result.text is None or isinstance(result.text, str)


@given(json_values)
def test_arbitrary_json_never_raises(value: object) -> None:
    _check(update_to_incoming(value))
    update_id, kind = describe_update(value)
    assert isinstance(update_id, str) and isinstance(kind, str)


@given(near_updates, st.booleans())
def test_nearly_valid_updates_never_raise(update: dict[str, Any], wrapped: bool) -> None:
    body: object = {"ok": True, "result": update} if wrapped else update
    _check(update_to_incoming(body))
    describe_update(body)
