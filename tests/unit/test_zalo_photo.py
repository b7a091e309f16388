"""Reading Zalo's image event and naming the kept photo (bot.channels.zalo_photo)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.channels.zalo_photo import photo_name, photo_of
from handlers.core.messages import FileRef
from handlers.deadlines.rules.submission_input import file_problem


def image(photo: object, caption: object = None) -> dict[str, object]:
    return {"event_name": "message.image.received",
            "message": {"message_id": "m1", "photo": photo, "caption": caption, "chat": {"id": "u"}, "from": {}}}


def test_the_photo_url_and_caption_are_read_from_an_update_or_a_webhook_body() -> None:
    assert photo_of(image("https://f.zdn.vn/a.jpg", " Công văn 12 ")) == ("https://f.zdn.vn/a.jpg", "Công văn 12")
    assert photo_of({"ok": True, "result": image("https://f.zdn.vn/a.jpg")}) == ("https://f.zdn.vn/a.jpg", "")


def test_anything_else_is_no_photo() -> None:
    assert photo_of(image("file:///etc/passwd")) is None
    assert photo_of(image(None)) is None
    assert photo_of({**image("https://f.zdn.vn/a.jpg"), "event_name": "message.sticker.received"}) is None
    assert photo_of("nonsense") is None


def test_a_caption_names_the_file_and_no_caption_the_message() -> None:
    assert photo_name("Công văn 125/BC-SYT", "abc", "jpg") == "Công văn 125-BC-SYT.jpg"
    assert photo_name("  ", "0123456789abcdefXYZ", "png") == "anh-zalo-0123456789abcdef.png"


@given(st.text(max_size=300), st.text(min_size=1, max_size=40) | st.just("a/b\\c"))
def test_any_caption_gives_a_file_the_submission_takes(caption: str, message_id: str) -> None:
    name = photo_name(caption, message_id, "jpg")
    assert name.endswith(".jpg") and "/" not in name and "\\" not in name and len(name) <= 100
    assert file_problem(FileRef("0" * 32, name, "image/jpeg", 1000), 20 * 1024 * 1024) is None


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner,
                                                                                 max_size=3), max_leaves=10))
def test_any_update_is_read_without_crashing(update: object) -> None:
    assert photo_of(update) is None or isinstance(photo_of(update), tuple)
