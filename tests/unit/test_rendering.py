"""bot/rendering.py: splitting long texts, numbered menus, Telegram callback data."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.rendering import (
    CALLBACK_LIMIT,
    CallbackTooLong,
    as_plain_text,
    decode_callback,
    encode_callback,
    numbered_menu,
    split_text,
    utf16_len,
)
from handlers.core.catalog import text
from handlers.core.messages import Choice, Reply

# Short words, spaces and newlines, Vietnamese letters and an emoji: enough to hit every branch.
texts = st.text(alphabet=st.sampled_from(list("ab đệ✅ \n\n   xyz")), max_size=300)
limits = st.integers(min_value=1, max_value=40)
SEPARATORS = re.compile(r"[ \n]")


def _non_space(text: str) -> str:
    return "".join(ch for ch in text if ch not in " \n")


def _tokens(text: str) -> list[str]:
    return [w for w in SEPARATORS.split(text) if w]


def _chunks(word: str, limit: int) -> list[str]:
    if len(word) <= limit:
        return [word]
    return [word[i : i + limit] for i in range(0, len(word), limit)]


@given(texts, limits)
def test_split_text_never_exceeds_the_limit(text: str, limit: int) -> None:
    parts = split_text(text, limit)
    assert parts
    assert all(len(part) <= limit for part in parts), parts


@given(texts, limits)
def test_split_text_keeps_every_non_space_character_in_order(text: str, limit: int) -> None:
    assert _non_space("".join(split_text(text, limit))) == _non_space(text)


@given(texts, limits)
def test_split_text_cuts_only_words_longer_than_the_limit(text: str, limit: int) -> None:
    expected = [chunk for word in _tokens(text) for chunk in _chunks(word, limit)]
    got = [token for part in split_text(text, limit) for token in _tokens(part)]
    assert got == expected


@given(st.lists(st.text(alphabet=st.sampled_from(list("ab đệ✅ ")), max_size=20), min_size=1, max_size=30),
       st.integers(min_value=20, max_value=60))
def test_split_text_splits_at_line_boundaries_when_lines_fit(lines: list[str], limit: int) -> None:
    text = "\n".join(lines)
    parts = split_text(text, limit)
    # every line arrives whole, in order (blank lines at a cut may be dropped)
    got = [line for part in parts for line in part.split("\n") if line]
    assert got == [line for line in lines if line]
    # and a part is only closed when the next line would not have fitted
    for part, following in itertools.pairwise(parts):
        first_line = following.split("\n")[0]
        assert len(part) + 1 + len(first_line) > limit


def test_split_text_short_text_is_one_part() -> None:
    assert split_text("Xin chào", 10) == ["Xin chào"]
    assert split_text("", 10) == [""]


def test_split_text_prefers_lines_then_words() -> None:
    text = "Dòng một\nDòng hai dài hơn một chút\nba"
    assert split_text(text, 20) == ["Dòng một", "Dòng hai dài hơn một", "chút\nba"]


def test_split_text_cuts_an_overlong_word() -> None:
    assert split_text("abcdefghij kl", 4) == ["abcd", "efgh", "ij", "kl"]


def test_split_text_zalo_sized_message() -> None:
    lines = [f"{i}. Sở Văn hóa, Thể thao và Du lịch – đầu mối Nguyễn Thị Hoa" for i in range(1, 101)]
    parts = split_text("\n".join(lines), 2000)
    assert len(parts) > 1
    assert all(len(p) <= 2000 for p in parts)
    assert [ln for p in parts for ln in p.split("\n")] == lines


def test_split_text_refuses_a_non_positive_limit() -> None:
    with pytest.raises(ValueError):
        split_text("abc", 0)


def test_numbered_menu_and_plain_text() -> None:
    reply = Reply("Bạn là cán bộ đầu mối?", (Choice("yes", "Đồng ý"), Choice("no", "Không")))
    assert numbered_menu(reply.choices) == "1. Đồng ý\n2. Không"
    assert as_plain_text(reply) == "Bạn là cán bộ đầu mối?\n\n1. Đồng ý\n2. Không"
    assert as_plain_text(Reply("Chỉ có chữ")) == "Chỉ có chữ"


@given(st.integers(min_value=0, max_value=10**12), st.text(max_size=70))
def test_callback_round_trip_or_refusal(version: int, option: str) -> None:
    raw = f"v{version}:{option}"
    if len(raw.encode()) > CALLBACK_LIMIT:
        with pytest.raises(CallbackTooLong):
            encode_callback(version, option)
        return
    data = encode_callback(version, option)
    assert len(data.encode()) <= CALLBACK_LIMIT
    assert decode_callback(data) == (version, option)


def test_callback_limit_is_counted_in_bytes() -> None:
    assert encode_callback(1, "a" * 61) == "v1:" + "a" * 61  # exactly 64 bytes
    with pytest.raises(CallbackTooLong):
        encode_callback(1, "a" * 62)
    with pytest.raises(CallbackTooLong):
        encode_callback(1, "đ" * 31)  # 31 characters, 62 bytes + 3
    assert issubclass(CallbackTooLong, ValueError)


def test_decode_callback_unknown_shapes() -> None:
    assert decode_callback("yes") == (None, "yes")
    assert decode_callback("vx:yes") == (None, "vx:yes")
    assert decode_callback("v12:c3:extra") == (12, "c3:extra")


wide_texts = st.text(alphabet=st.sampled_from(list("ab đệ✅📝🗳 \n  ")), max_size=300)


@given(wide_texts, st.integers(min_value=2, max_value=40))
def test_split_text_in_utf16_units_never_exceeds_the_limit_nor_splits_an_emoji(text: str, limit: int) -> None:
    parts = split_text(text, limit, utf16_len)
    assert all(utf16_len(part) <= limit for part in parts), parts
    assert _non_space("".join(parts)) == _non_space(text)  # no emoji cut in half, nothing lost


def test_zalo_counts_the_catalogs_emoji_twice() -> None:
    line = text("poll-status-draft", "vi")  # "📝 chưa mở": 📝 is one code point, two UTF-16 units
    assert utf16_len(line) == len(line) + 1
    body = "\n".join([line] * 190)  # under 2,000 code points, over 2,000 UTF-16 units
    assert len(body) <= 2000 < utf16_len(body)
    parts = split_text(body, 2000, utf16_len)
    assert len(parts) == 2 and all(utf16_len(part) <= 2000 for part in parts)
