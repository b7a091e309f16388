"""handlers/scores: scores as people type them, checked against a criterion's maximum and the sheet's step;
the display form; totals. Also the words and codes the scoring conversation reads (handlers/scoring_input)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.scoring.rules.score_input import explanation, find, fold, jump_target, word
from handlers.scoring.rules.scores import LineScore, ScoreError, parse_number, parse_score, show, totals
from storage.models import Criterion

D = Decimal
STEPS = [D("0.25"), D("0.5"), D("1"), D("0.1"), D("2"), D("0.01")]


@pytest.mark.parametrize(("typed", "value"), [
    ("9,5", D("9.5")), ("9.5", D("9.5")), ("10", D("10")), (" 10 ", D("10")), ("+7", D("7")), ("0", D("0")),
    ("0,25", D("0.25")), ("1 000", D("1000")), ("-3", D("-3")),
])
def test_numbers_as_typed(typed: str, value: Decimal) -> None:
    assert parse_number(typed) == value


@pytest.mark.parametrize("typed", ["", "abc", "1,000.5", "1e3", "NaN", "Infinity", "9,5,1", ",5", "5,", "--1", "1/2",
                                   "12345678", "0.12345"])
def test_not_numbers(typed: str) -> None:
    assert parse_number(typed) is None


@pytest.mark.parametrize(("typed", "expected"), [
    ("9,5", D("9.5")), ("10", D("10")), ("0", D("0")), ("10,0", D("10")), ("9.50", D("9.5")),
])
def test_valid_scores(typed: str, expected: Decimal) -> None:
    assert parse_score(typed, D(10), D("0.5")) == expected


@pytest.mark.parametrize(("typed", "error"), [
    ("abc", ScoreError("score.not_number")),
    ("-1", ScoreError("score.negative", (D(0),))),
    ("10,5", ScoreError("score.above_max", (D(10),))),
    ("9,3", ScoreError("score.off_step", (D("9.0"), D("9.5")))),
    ("2.1", ScoreError("score.off_step", (D("2.0"), D("2.5")))),  # also a criterion code: a score here
    ("0,1", ScoreError("score.off_step", (D(0), D("0.5")))),
    ("9,9", ScoreError("score.off_step", (D("9.5"), D(10)))),
])
def test_refused_scores_name_the_nearest_valid_ones(typed: str, error: ScoreError) -> None:
    assert parse_score(typed, D(10), D("0.5")) == error


def test_the_nearest_values_never_leave_the_range() -> None:
    result = parse_score("9,9", D("9.75"), D("0.5"))  # a maximum off the step (the importer refuses those)
    assert isinstance(result, ScoreError) and all(0 <= v <= D("9.75") for v in result.nearest)


@pytest.mark.parametrize(("value", "shown"), [
    (D("9.50"), "9,5"), (D("10.00"), "10"), (D("0.25"), "0,25"), (D(0), "0"), (D("100"), "100"), (D("1E+1"), "10"),
    (D("1000.00"), "1000"), (None, "–"),
])
def test_show(value: Decimal | None, shown: str) -> None:
    assert show(value) == shown


def test_totals_add_sections_and_bonus_and_subtract_deductions() -> None:
    result = totals([LineScore("base", "I", D(25)), LineScore("base", "I", D("9.5")), LineScore("base", "II", None),
                     LineScore("base", "II", D(5)), LineScore("bonus", "", D(10)), LineScore("deduction", "", D(2))])
    assert result.sections == {"I": D("34.5"), "II": D(5)}
    assert (result.base, result.bonus, result.deduction, result.total) == (D("39.5"), D(10), D(2), D("47.5"))


# -- properties ----------------------------------------------------------------------------------------

anything = st.one_of(
    st.text(max_size=40),
    st.from_regex(r"[+-]?\d{1,8}([.,]\d{1,6})?", fullmatch=True),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats().map(str),
)


@given(text=anything, maximum=st.integers(1, 2000), step=st.sampled_from(STEPS))
def test_parse_score_never_raises_and_only_accepts_valid_scores(text: str, maximum: int, step: Decimal) -> None:
    top = D(maximum) * step  # a maximum on the step, as the importer guarantees
    result = parse_score(text, top, step)
    if isinstance(result, ScoreError):
        assert result.reason in ("score.not_number", "score.negative", "score.above_max", "score.off_step")
        assert all(0 <= v <= top and v % step == 0 for v in result.nearest)
        if result.reason != "score.not_number":
            assert result.nearest  # something to suggest
    else:
        assert 0 <= result <= top and result % step == 0
        assert result == result.quantize(D("0.01"))  # fits Numeric(8, 2)
        assert parse_score(show(result), top, step) == result  # what we show is read back the same


@given(units=st.integers(0, 400), step=st.sampled_from(STEPS), comma=st.booleans())
def test_every_value_on_the_step_is_accepted_with_a_comma_or_a_dot(units: int, step: Decimal, comma: bool) -> None:
    value = units * step
    typed = format(value, "f").replace(".", ",") if comma else format(value, "f")
    assert parse_score(typed, D(400) * step, step) == value


@given(text=st.text(max_size=60))
def test_input_helpers_never_raise(text: str) -> None:
    word(text), jump_target(text), explanation(text), fold(text)
    assert find([], text) is None


# -- what the conversation reads -----------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "action"), [
    ("tối đa", "max"), ("Tối  Đa", "max"), ("toi da", "max"), ("MAX", "max"), ("bỏ qua", "skip"), ("Bo qua.", "skip"),
    ("quay lại", "back"), ("tổng quan", "overview"), ("tạm dừng", "pause"), ("chuyển tiêu chí", "jump"),
    ("đúng", None), ("9,5", None), ("", None),
])
def test_action_words(typed: str, action: str | None) -> None:
    assert word(typed) == action


@pytest.mark.parametrize(("typed", "target"), [
    ("/di 2.1", "2.1"), ("/di   T1 ", "T1"), ("/di", ""), ("/DI 2.1", "2.1"), ("/di@thidua_bot 1.1", "1.1"),
    ("/goto D2", "D2"), ("2.1", None), ("/dinh 2.1", None), ("di 2.1", None),
])
def test_jump_commands(typed: str, target: str | None) -> None:
    assert jump_target(typed) == target


def test_codes_are_found_whatever_the_case_spaces_or_decimal_comma() -> None:
    criteria = [Criterion(sheet_id=1, kind="base", code=code, text="x", max_score=D(5), position=i)
                for i, code in enumerate(("1.1", "2.1", "T1", "D2"))]
    assert [getattr(find(criteria, t), "code", None) for t in ("2.1", " t1 ", "2,1", "d2", "3.1", "")] == [
        "2.1", "T1", "2.1", "D2", None, None]


def test_explanations() -> None:
    assert explanation("  Có   báo cáo\nsố 12/BC  ") == "Có báo cáo số 12/BC"
    assert explanation("x" * 500) == "x" * 500
    assert explanation("x" * 501) is None
    assert explanation("/di 2.1") is None
    assert explanation("   ") is None and explanation(None) is None
