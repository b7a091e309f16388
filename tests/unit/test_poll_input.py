"""What the secretariat types while preparing a poll: numbers, percentages, fractions, minutes, unit lists.
Any text is read without raising; what is shown back (a formatted value) reads back to the same value."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from handlers.voting.rules.poll_input import read_count, read_fraction, read_minutes, read_percent, read_units

CODES = ["BHXH", "CDNDTNT", "CDCD", "VHTTDL", "TTTT", "KHCN", "YTE", "BDT", "GDDT", "PTTH", "LDTBXH"]


@given(st.text(max_size=60))
def test_any_text_is_read_or_refused_without_raising(text: str) -> None:
    count = read_count(text, 1, 11)
    assert count is None or 1 <= count <= 11
    pct = read_percent(text)
    assert pct is None or 0 <= pct <= 99
    fraction = read_fraction(text)
    assert fraction is None or (fraction[1] >= 1 and 0 <= fraction[0] <= fraction[1])
    minutes = read_minutes(text)
    assert minutes is None or 0 <= minutes <= 1440
    positions, unknown = read_units(text, CODES)
    assert all(0 <= p < len(CODES) for p in positions) and len(set(positions)) == len(positions)
    assert all(len(u) <= 30 for u in unknown)


@given(st.integers(1, 11), st.sampled_from(["", " ", " ghế", " đơn vị"]))
def test_a_count_reads_back(value: int, suffix: str) -> None:
    assert read_count(f"{value}{suffix}", 1, 11) == value
    assert read_count(f"  {value}{suffix}  ", 1, 11) == value


@given(st.integers(12, 9999))
def test_a_count_out_of_range_is_refused(value: int) -> None:
    assert read_count(str(value), 1, 11) is None


def test_counts_that_are_not_plain_numbers_are_refused() -> None:
    for text in ("", "ba", "-1", "0", "1.5", "²", "١", "3 4", None):
        assert read_count(text, 1, 11) is None, text


@given(st.integers(0, 99), st.sampled_from(["", "%", " %", ",0", ".0 %"]))
def test_a_percentage_reads_back(value: int, suffix: str) -> None:
    assert read_percent(f"{value}{suffix}") == value


def test_percentages_refused() -> None:
    for text in ("100", "50,5", "năm mươi", "-5", "%", "5 0"):
        assert read_percent(text) is None, text


@given(st.integers(1, 999), st.data())
def test_a_fraction_reads_back(den: int, data: st.DataObject) -> None:
    num = data.draw(st.integers(0, den))
    assert read_fraction(f"{num}/{den}") == (num, den)
    assert read_fraction(f" {num} / {den} ") == (num, den)


def test_fractions_as_percent_or_none() -> None:
    assert read_fraction("50%") == (50, 100)
    assert read_fraction("100 %") == (100, 100)
    assert read_fraction("0") == (0, 1)
    for text in ("3/2", "2/0", "2/3/4", "hai phần ba", "101%", "1"):
        assert read_fraction(text) is None, text


@given(st.integers(1, 1440))
def test_minutes_read_back(value: int) -> None:
    assert read_minutes(str(value)) == value
    assert read_minutes(f"{value} phút") == value


def test_minutes_words() -> None:
    assert read_minutes("không") == 0 and read_minutes("Không") == 0 and read_minutes("0") == 0
    assert read_minutes("1 giờ") == 60 and read_minutes("2h") == 120
    for text in ("1441", "25 giờ", "mười lăm", "15:00"):
        assert read_minutes(text) is None, text


@given(st.lists(st.integers(0, len(CODES) - 1), min_size=1, max_size=11, unique=True),
       st.sampled_from([" ", ", ", ";", " , "]), st.booleans())
def test_a_unit_list_reads_back_in_the_order_typed(positions: list[int], sep: str, by_code: bool) -> None:
    text = sep.join(CODES[p].lower() if by_code else str(p + 1) for p in positions)
    assert read_units(text, CODES) == (positions, [])


def test_unit_ranges_repeats_and_unknown_pieces() -> None:
    assert read_units("1 3 5-7", CODES) == ([0, 2, 4, 5, 6], [])
    assert read_units("5 – 7, 5, yte", CODES) == ([4, 5, 6], [])
    assert read_units("1 12 XYZ 7-3", CODES) == ([0], ["12", "xyz", "7-3"])
    assert read_units("", CODES) == ([], [])
