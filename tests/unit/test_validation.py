"""handlers/core/validation.py: names, positions and Vietnamese phone numbers as people type them."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.core.validation import clean_text, format_phone, person_name, position, vn_phone


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0912 345 678", "0912345678"),
        ("0912345678", "0912345678"),
        ("+84 912.345.678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("84912345678", "0912345678"),
        ("  0987-654-321 ", "0987654321"),
        ("(+84) 98 765 4321", "0987654321"),
        ("0356 123 456", "0356123456"),
        ("0701234567", "0701234567"),
        ("0812345678", "0812345678"),
        ("0512345678", "0512345678"),
        ("024 3825 1234", "02438251234"),
        ("(0209) 387 1234", "02093871234"),
        ("+84 24 3825 1234", "02438251234"),
        ("０９１２３４５６７８", "0912345678"),  # full-width digits from some keyboards
    ],
)
def test_vn_phone_accepts(typed: str, stored: str) -> None:
    assert vn_phone(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "", "abc", "0912 345 67", "09123456789", "0123456789", "0612345678", "0412345678",
        "024 3825 123", "024 3825 12345", "+1 555 123 4567", "+840912345678", "0912 345 67a",
        "0912345678 hoặc 0987654321", "912345678", "84 912 345 67",
        "09١٢٣٤٥٦٧٨",  # Arabic-Indic digits are digits to Python's \d, never to a phone
    ],
)
def test_vn_phone_rejects(typed: str) -> None:
    assert vn_phone(typed) is None


def test_format_phone() -> None:
    assert format_phone("0912345678") == "0912 345 678"
    assert format_phone("02438251234") == "024 3825 1234"  # Hà Nội: 3-digit area code, 8-digit number
    assert format_phone("02838251234") == "028 3825 1234"  # Hồ Chí Minh City
    assert format_phone("02083855111") == "0208 3855 111"  # Thái Nguyên: 4-digit area code, then 4 + 3


@given(st.from_regex(r"02[0-9]{9}", fullmatch=True))
def test_any_landline_is_grouped_by_its_area_code_and_read_back(number: str) -> None:
    shown = format_phone(number)
    groups = shown.split(" ")
    assert "".join(groups) == number
    if number[:3] in ("024", "028"):
        assert [len(g) for g in groups] == [3, 4, 4]
    else:
        assert [len(g) for g in groups] == [4, 4, 3]
    assert vn_phone(shown) == number


# a plausible start, then digits of any script (Python's \d matches all of them)
phone_like = st.builds(str.__add__, st.sampled_from(["09", "03", "+849", "849", "024", "0", ""]),
                       st.text(alphabet=st.characters(categories=["Nd"]), min_size=8, max_size=9))


@given(st.one_of(st.text(), phone_like))
def test_vn_phone_never_raises_and_accepts_only_national_numbers(text: str) -> None:
    phone = vn_phone(text)
    if phone is not None:
        assert len(phone) in (10, 11)
        assert phone.startswith("0")
        assert phone.isascii() and phone.isdigit()


@given(st.from_regex(r"0[35789][0-9]{8}", fullmatch=True), st.sampled_from(["", " ", ".", "-"]))
def test_any_mobile_written_with_separators_is_accepted(number: str, sep: str) -> None:
    typed = sep.join([number[:4], number[4:7], number[7:]])
    assert vn_phone(typed) == number
    assert vn_phone("+84" + number[1:]) == number
    assert vn_phone(format_phone(number)) == number


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Nguyễn Thị Hoa", "Nguyễn Thị Hoa"),
        ("  Trần   Văn  Bình ", "Trần Văn Bình"),
        (unicodedata.normalize("NFD", "Lê Thị Ánh"), "Lê Thị Ánh"),
        ("Hà\u200b Anh", "Hà Anh"),  # zero-width space pasted from a document
        ("Ka", "Ka"),
        ("H'Hen Niê", "H'Hen Niê"),
    ],
)
def test_person_name_accepts_and_cleans(typed: str, stored: str) -> None:
    assert person_name(typed) == stored


@pytest.mark.parametrize(
    "typed",
    ["", "A", "   ", "Nguyễn Văn 2", "123", "/start ABC", "https://example.vn", "www.example.vn",
     "hoa@example.vn", "x" * 101, "--", "!!!"],
)
def test_person_name_rejects(typed: str) -> None:
    assert person_name(typed) is None


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("Chánh Văn phòng", "Chánh Văn phòng"), ("Chuyên viên  chính", "Chuyên viên chính"),
     ("Phó Giám đốc Sở", "Phó Giám đốc Sở"), ("Chuyên viên bậc 2", "Chuyên viên bậc 2"), ("CV", "CV")],
)
def test_position_accepts_and_cleans(typed: str, stored: str) -> None:
    assert position(typed) == stored


@pytest.mark.parametrize("typed", ["", "x", "12", "   ", "/huy", "http://x.vn", "www.x.vn", "y" * 101, "-- --"])
def test_position_rejects(typed: str) -> None:
    assert position(typed) is None


@given(st.text())
def test_names_and_positions_never_raise_and_come_back_clean(text: str) -> None:
    for check in (person_name, position):
        value = check(text)
        if value is not None:
            assert 2 <= len(value) <= 100
            assert value == clean_text(value)
            assert value == unicodedata.normalize("NFC", value)
            assert any(ch.isalpha() for ch in value)
    name = person_name(text)
    if name is not None:
        assert not any(ch.isdigit() for ch in name)
