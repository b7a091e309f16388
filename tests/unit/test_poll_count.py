"""The count of a poll: percentages of all member units, threshold, top N, ties at the last seat, quorum."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from handlers.voting.rules.count import Count, count, percent, quorum_met

UNITS = list(range(1, 12))  # the sample block: 11 member units


def ballots(*rows: tuple[int, list[int]]) -> list[list[int]]:
    """`(n, choice)` rows: n ballots with that choice."""
    return [list(choice) for n, choice in rows for _ in range(n)]


def test_flag_poll_one_seat_elects_the_majority_winner() -> None:
    result = count(UNITS, ballots((8, [3]), (2, [5]), (1, [])), members=11, seats=1)
    assert result.returned == 11 and result.blank == 1 and result.valid == 11
    assert result.elected == [3]
    top = result.tallies[0]
    assert (top.unit_id, top.votes, top.pct) == (3, 8, Decimal("72.73"))
    assert result.tallies[1].unit_id == 5 and result.tallies[1].pct == Decimal("18.18")


def test_threshold_is_of_all_member_units_not_of_those_present() -> None:
    # 8 of 11 units vote (quorum met); 5 votes = 45.45 % of 11 < 50 %: nobody elected
    result = count(UNITS, ballots((5, [2]), (3, [4])), members=11, seats=1)
    assert result.quorum_met
    assert result.elected == []
    # exactly 50 % is not "more than 50 %"
    assert count([1, 2], ballots((5, [1]), (5, [2])), members=10, seats=2).elected == []
    assert count([1, 2], ballots((6, [1]), (4, [2])), members=10, seats=2).elected == [1]


def test_three_seats_take_the_top_three_over_threshold() -> None:
    result = count(UNITS, ballots((9, [1, 2, 3]), (2, [4, 5, 6])), members=11, seats=3)
    assert result.elected == [1, 2, 3]
    assert result.tied == [] and result.tied_seats == 0


def test_a_tie_at_the_last_seat_is_left_to_a_runoff() -> None:
    # unit 1 gets 11; units 2 and 3 get 6 each (over 50 % of 11) for the one seat left; unit 4 gets 5
    rows = ballots((6, [1, 2, 3]), (5, [1, 4]))
    result = count(UNITS, rows, members=11, seats=2)
    assert result.elected == [1]
    assert sorted(result.tied) == [2, 3]
    assert result.tied_seats == 1


def test_a_tie_below_the_seats_elects_everyone_tied() -> None:
    result = count(UNITS, ballots((11, [1, 2])), members=11, seats=3)
    assert sorted(result.elected) == [1, 2] and result.tied == []


def test_quorum_not_met_makes_the_result_invalid() -> None:
    result = count(UNITS, ballots((7, [1])), members=11, seats=1)  # 7 < 2/3 of 11
    assert not result.quorum_met
    assert result.elected == []
    assert result.tallies[0].votes == 7  # the votes are still reported
    assert quorum_met(8, 11, 2, 3) and not quorum_met(7, 11, 2, 3)
    assert quorum_met(6, 9, 2, 3)


def test_choices_outside_the_candidates_are_ignored_and_a_repeat_counts_once() -> None:
    result = count([1, 2], [[1, 1, 99], [99]], members=3, seats=1, quorum=(0, 1))
    assert result.tallies[0].votes == 1
    assert result.blank == 1


def test_percent_rounds_half_up_and_survives_no_members() -> None:
    assert percent(2, 3) == Decimal("66.67")
    assert percent(1, 8) == Decimal("12.50")
    assert percent(0, 0) == Decimal("0.00")


@given(
    n_candidates=st.integers(min_value=1, max_value=8),
    members=st.integers(min_value=1, max_value=20),
    seats=st.integers(min_value=1, max_value=4),
    data=st.data(),
)
def test_count_invariants(n_candidates: int, members: int, seats: int, data: st.DataObject) -> None:
    candidates = list(range(100, 100 + n_candidates))
    returned = data.draw(st.integers(min_value=0, max_value=members))
    cast = data.draw(st.lists(st.lists(st.sampled_from(candidates), unique=True, max_size=seats),
                              min_size=returned, max_size=returned))
    result = count(candidates, cast, members=members, seats=seats)
    assert len(result.elected) <= seats
    assert sum(t.votes for t in result.tallies) == sum(len(b) for b in cast)
    assert result.blank == sum(1 for b in cast if not b)
    for t in result.tallies:
        if t.elected:
            assert t.votes * 2 > members and result.quorum_met
        assert not (t.elected and t.tied)
    if result.tied:
        assert 0 < result.tied_seats < len(result.tied)
        assert len(result.elected) + result.tied_seats == seats
    votes = [t.votes for t in result.tallies]
    assert votes == sorted(votes, reverse=True)
    assert Count.from_json(result.to_json()) == result
