"""When the group hears an open poll's turnout (handlers.voting.rules.turnout)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from handlers.voting.rules.turnout import EVERY, PROGRESS, QUORUM, turnout_post

T0 = datetime(2026, 12, 5, 2, tzinfo=UTC)


def test_nothing_new_is_never_posted() -> None:
    assert turnout_post(3, 11, 3, T0, T0 + timedelta(hours=5), (2, 3)) is None


def test_progress_waits_ten_minutes_after_the_last_post() -> None:
    assert turnout_post(3, 11, 0, T0, T0 + EVERY - timedelta(seconds=1), (2, 3)) is None
    assert turnout_post(3, 11, 0, T0, T0 + EVERY, (2, 3)) == PROGRESS


def test_the_quorum_is_posted_at_once_and_only_when_reached() -> None:
    assert turnout_post(8, 11, 5, T0, T0 + timedelta(seconds=15), (2, 3)) == QUORUM
    assert turnout_post(9, 11, 8, T0, T0 + timedelta(seconds=15), (2, 3)) is None  # reached before
    assert turnout_post(9, 11, 8, T0, T0 + EVERY, (2, 3)) == PROGRESS
    assert turnout_post(5, 11, 0, T0, T0 + timedelta(seconds=15), (0, 1)) is None  # no quorum set


def test_all_voted_is_left_to_the_result() -> None:
    assert turnout_post(11, 11, 3, T0, T0 + EVERY, (2, 3)) is None


@given(st.integers(0, 30), st.integers(0, 30), st.integers(0, 30), st.integers(0, 3600),
       st.sampled_from([(2, 3), (1, 2), (0, 1), (50, 100)]))
def test_posts_stay_within_the_group_limit(voted: int, members: int, posted: int, seconds: int,
                                           quorum: tuple[int, int]) -> None:
    why = turnout_post(voted, members, posted, T0, T0 + timedelta(seconds=seconds), quorum)
    if why is not None:  # only a grown, incomplete count; progress no sooner than EVERY
        assert posted < voted < members
        assert why == QUORUM or timedelta(seconds=seconds) >= EVERY
