"""handlers/scoring/rules/ranking.py: final scores, totals and the ranking with ties flagged for the vote."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from handlers.scoring.rules.ranking import CHECKED, FINAL, SELF, Mark, rank, tie_groups, unit_totals

# Totals as a sheet makes them: multiples of 0.25 between 0 and 130, few distinct so ties are common.
totals = st.integers(min_value=0, max_value=520).map(lambda n: Decimal(n) / 4)
few_totals = st.sampled_from([Decimal(v) for v in ("90", "92.5", "95", "98", "99.5", "100")])
entries = st.lists(st.one_of(totals, few_totals), max_size=25).map(lambda ts: [(f"u{i}", t) for i, t in enumerate(ts)])
scores = st.one_of(st.none(), st.integers(min_value=0, max_value=20).map(lambda n: Decimal(n) / 2))


@dataclass(frozen=True)
class C:
    kind: str
    section_code: str
    code: str


SHEET = [C("base", "I", "1.1"), C("base", "I", "1.2"), C("base", "II", "2.1"), C("bonus", "", "T1"),
         C("deduction", "", "D1")]


def test_an_example_with_a_tie() -> None:
    standings = rank([("BHXH", Decimal(90)), ("YTE", Decimal("95.5")), ("GDDT", Decimal(90)), ("BDT", Decimal(80))])
    assert [(s.key, s.total, s.rank, s.tied) for s in standings] == [
        ("YTE", Decimal("95.5"), 1, False), ("BHXH", Decimal(90), 2, True), ("GDDT", Decimal(90), 2, True),
        ("BDT", Decimal(80), 4, False)]
    assert [[s.key for s in group] for group in tie_groups(standings)] == [["BHXH", "GDDT"]]
    assert rank([]) == []


@given(entries)
def test_ranks_are_consistent_with_totals(given_entries: list[tuple[str, Decimal]]) -> None:
    standings = rank(given_entries)
    assert sorted((s.key, s.total) for s in standings) == sorted(given_entries)  # everybody, once
    assert [s.total for s in standings] == sorted((t for _k, t in given_entries), reverse=True)
    for a in standings:
        assert a.rank == 1 + sum(1 for _k, t in given_entries if t > a.total)  # "1, 2, 2, 4"
        for b in standings:
            if a.total > b.total:
                assert a.rank < b.rank
            if a.total == b.total:
                assert a.rank == b.rank


@given(entries)
def test_ties_are_flagged_exactly_when_totals_are_equal(given_entries: list[tuple[str, Decimal]]) -> None:
    standings = rank(given_entries)
    for s in standings:
        others = [t for k, t in given_entries if k != s.key]
        assert s.tied == (s.total in others)
    grouped = [s.key for group in tie_groups(standings) for s in group]
    assert grouped == [s.key for s in standings if s.tied]
    for group in tie_groups(standings):
        assert len(group) >= 2 and len({s.total for s in group}) == 1 and len({s.rank for s in group}) == 1


@given(entries)
def test_equal_totals_keep_the_given_order(given_entries: list[tuple[str, Decimal]]) -> None:
    order = [k for k, _t in given_entries]
    standings = rank(given_entries)
    for a, b in itertools.pairwise(standings):
        if a.total == b.total:
            assert order.index(a.key) < order.index(b.key)


@given(scores, scores)
def test_the_final_score_is_the_checked_one_where_given(own: Decimal | None, checked: Decimal | None) -> None:
    mark = Mark(own, checked)
    assert mark.final == (checked if checked is not None else own)
    assert (mark.score(SELF), mark.score(CHECKED), mark.score(FINAL)) == (own, checked, mark.final)
    assert mark.changed == (checked is not None and checked != (own or Decimal(0)))


def test_a_blank_self_score_counts_as_zero_for_the_reason() -> None:
    assert not Mark(None, Decimal(0)).changed and Mark(None, Decimal(1)).changed
    assert not Mark(Decimal("9.5"), None).changed and not Mark(Decimal("9.5"), Decimal("9.50")).changed


@given(st.fixed_dictionaries({c.code: st.tuples(scores, scores) for c in SHEET}))
def test_unit_totals(marks: dict[str, tuple[Decimal | None, Decimal | None]]) -> None:
    given_marks = {code: Mark(own, checked) for code, (own, checked) in marks.items()}

    def value(code: str, which: str) -> Decimal:
        return given_marks[code].score(which) or Decimal(0)

    for which in (SELF, CHECKED, FINAL):
        result = unit_totals(SHEET, given_marks, which)
        assert result.sections == {"I": value("1.1", which) + value("1.2", which), "II": value("2.1", which)}
        assert (result.bonus, result.deduction) == (value("T1", which), value("D1", which))
        assert result.total == result.base + result.bonus - result.deduction
    if all(checked is None for _own, checked in marks.values()):
        assert unit_totals(SHEET, given_marks).total == unit_totals(SHEET, given_marks, SELF).total


def test_a_criterion_without_a_line_counts_zero() -> None:
    result = unit_totals(SHEET, {"1.1": Mark(Decimal(20))})
    assert (result.sections, result.total) == ({"I": Decimal(20), "II": Decimal(0)}, Decimal(20))
