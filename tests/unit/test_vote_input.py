"""Typed ballot numbers and receipt codes: any text is read without crashing, and a selection is never
outside the ballot, larger than allowed, or holding a forbidden number."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from handlers.voting.rules.vote_input import SelectionProblem, display_receipt, normalize_receipt, parse_selection
from storage.votes import RECEIPT_ALPHABET, RECEIPT_LENGTH, new_receipt_code, receipt_hash


def test_numbers_in_the_usual_shapes() -> None:
    for text in ("1 3", "1,3", "3, 1", "1;3", " 1  3 ", "1 và 3", "1 and 3", "1+3", "3 1 1", "1.3"):
        assert parse_selection(text, 11, 3) == (1, 3), text
    assert parse_selection("7", 11, 1) == (7,)


def test_refusals_say_why() -> None:
    assert parse_selection("1 2 3 4", 11, 3) == SelectionProblem("too_many")
    assert parse_selection("1 12", 11, 3) == SelectionProblem("range", 12)
    assert parse_selection("0", 11, 3) == SelectionProblem("range", 0)
    assert parse_selection("2 5", 11, 3, frozenset({5})) == SelectionProblem("forbidden", 5)
    for text in ("", "  ", "một và ba", "1 x 3", "-1", "1e3", "²", "٣", "99999", "1" * 300, None):
        assert parse_selection(text, 11, 3) == SelectionProblem("shape"), text


@given(st.text(max_size=300), st.integers(1, 40), st.integers(1, 40), st.frozensets(st.integers(1, 40), max_size=3))
def test_any_text_never_gives_a_selection_outside_the_rules(text: str, count: int, max_choices: int,
                                                           forbidden: frozenset[int]) -> None:
    result = parse_selection(text, count, max_choices, forbidden)
    if isinstance(result, SelectionProblem):
        assert result.reason in ("shape", "range", "too_many", "forbidden")
        return
    assert 1 <= len(result) <= max_choices
    assert list(result) == sorted(set(result))
    assert all(1 <= n <= count and n not in forbidden for n in result)


@given(st.lists(st.integers(1, 30), min_size=1, max_size=8), st.sampled_from([" ", ",", ", ", ";", " và "]))
def test_typed_numbers_come_back(numbers: list[int], separator: str) -> None:
    result = parse_selection(separator.join(map(str, numbers)), 30, 30)
    assert result == tuple(sorted(set(numbers)))


def test_receipt_codes() -> None:
    code = new_receipt_code()
    assert len(code) == RECEIPT_LENGTH and all(c in RECEIPT_ALPHABET for c in code)
    shown = display_receipt(code)
    assert shown.count("-") == 2
    assert normalize_receipt(shown) == code
    assert normalize_receipt(f"  {shown.lower()} ") == code
    assert normalize_receipt("ABCD-EFGH-JKMO") == "ABCDEFGHJKM0"  # O read as zero
    assert normalize_receipt("ABCDE-FGHJK") is None  # an invite code's length
    assert len(receipt_hash(code)) == 64 and receipt_hash(code) != receipt_hash(new_receipt_code())


@given(st.text(max_size=100))
def test_any_text_as_a_receipt(text: str) -> None:
    code = normalize_receipt(text)
    assert code is None or (len(code) == RECEIPT_LENGTH and all(c in RECEIPT_ALPHABET for c in code))
