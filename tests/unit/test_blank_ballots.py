"""Blank ballots (issue #12): a per-poll rule, valid (the default) or invalid as in Luật Bầu cử.

The rule moves blank ballots between the valid and the invalid ones; it never changes the turnout, the
quorum, the votes or who is elected (the threshold is a share of all member units).
"""

from __future__ import annotations

import dataclasses
import io
from datetime import UTC, datetime
from decimal import Decimal

import docx
from hypothesis import given
from hypothesis import strategies as st

from handlers.core.catalog import Catalog
from handlers.voting.minutes import Candidate, Minutes, build_minutes
from handlers.voting.rules.count import Count, count
from handlers.voting.rules.poll_input import read_blank_rule
from handlers.voting.setup import Draft, settings_text

UNITS = list(range(1, 12))
vi = Catalog("vi")


def ballots(*rows: tuple[int, list[int]]) -> list[list[int]]:
    return [list(choice) for n, choice in rows for _ in range(n)]


SAMPLE = ballots((6, [3]), (2, [5]), (2, []))  # 10 of 11 units; two blank ballots


def test_by_default_a_blank_ballot_is_valid_and_votes_for_no_one() -> None:
    result = count(UNITS, SAMPLE, members=11, seats=1)
    assert result.blank_valid
    assert (result.returned, result.blank, result.valid, result.invalid) == (10, 2, 10, 0)
    assert result.elected == [3] and sum(t.votes for t in result.tallies) == 8


def test_under_the_election_law_rule_a_blank_ballot_is_invalid() -> None:
    result = count(UNITS, SAMPLE, members=11, seats=1, blank_valid=False)
    assert not result.blank_valid
    assert (result.returned, result.blank, result.valid, result.invalid) == (10, 2, 8, 2)
    assert result.elected == [3]


def test_a_blank_ballot_counts_toward_the_quorum_under_either_rule() -> None:
    # 8 returned of 11, quorum 2/3 needs 8: met only because the two blank ballots were put in the box
    six = ballots((6, [3]), (2, []))
    for rule in (True, False):
        assert count(UNITS, six, members=11, seats=1, blank_valid=rule).quorum_met


def test_all_blank_elects_no_one_under_either_rule() -> None:
    for rule in (True, False):
        result = count(UNITS, ballots((11, [])), members=11, seats=2, blank_valid=rule)
        assert result.elected == [] and result.quorum_met
        assert result.invalid == (0 if rule else 11) and result.valid == (11 if rule else 0)


@given(st.lists(st.lists(st.integers(1, 11), max_size=3), max_size=20), st.integers(1, 3))
def test_the_rule_changes_only_which_ballots_are_valid(chosen: list[list[int]], seats: int) -> None:
    valid = count(UNITS, chosen, members=20, seats=seats, blank_valid=True)
    invalid = count(UNITS, chosen, members=20, seats=seats, blank_valid=False)
    assert valid.tallies == invalid.tallies and valid.quorum_met == invalid.quorum_met
    assert valid.returned == invalid.returned == len(chosen)
    assert valid.blank == invalid.blank == sum(1 for b in chosen if not b)
    assert valid.invalid == 0 and invalid.invalid == invalid.blank
    assert invalid.valid + invalid.invalid == invalid.returned


def test_the_stored_count_keeps_its_rule() -> None:
    result = count(UNITS, SAMPLE, members=11, seats=1, blank_valid=False)
    assert Count.from_json(result.to_json()) == result
    older = result.to_json()
    del older["blank_valid"]
    older["invalid"] = 0  # a count stored before the setting: blank ballots were valid then
    assert Count.from_json(older).blank_valid and Count.from_json(older).valid == 10


def test_the_cli_option_reads_both_languages() -> None:
    for text in ("valid", "hợp lệ", "Hop le", " VALID "):
        assert read_blank_rule(text) is True, text
    for text in ("invalid", "không hợp lệ", "khong hop le", "khong-hop-le"):
        assert read_blank_rule(text) is False, text
    for text in ("", None, "maybe", "hợp", "1"):
        assert read_blank_rule(text) is None, text


@given(st.one_of(st.none(), st.text(max_size=60)))
def test_any_text_is_read_or_refused_never_raises(text: str | None) -> None:
    assert read_blank_rule(text) in (True, False, None)


def test_the_summary_says_the_rule() -> None:
    draft = Draft("flag", "Suy tôn", [1, 2])
    assert vi("poll.blank.valid") in settings_text(vi, draft, {1: "Sở Y tế", 2: "Ban Dân tộc"}).splitlines()
    strict = dataclasses.replace(draft, blank_valid=False)
    assert vi("poll.blank.invalid") in settings_text(vi, strict, {}).splitlines()
    assert Draft.from_data({"kind": "flag", "question": "q"}).blank_valid  # a draft saved before the setting


def _minutes(blank_valid: bool) -> list[str]:
    result = count(UNITS, SAMPLE, members=11, seats=1, blank_valid=blank_valid)
    m = Minutes(block="Khối thi đua Văn hóa - Xã hội", province="Bắc Kạn", place="", question="Suy tôn",
                members=tuple(f"Đơn vị {u}" for u in UNITS), issued=11, returned=result.returned,
                valid=result.valid, invalid=result.invalid, blank=result.blank,
                candidates=(Candidate("Sở Y tế", 6, Decimal("54.55"), elected=True),),
                quorum_met=True, quorum=(2, 3), threshold_pct=50, seats=1,
                closed_at=datetime(2026, 12, 5, 3, 5, tzinfo=UTC), blank_valid=result.blank_valid)
    return [p.text for p in docx.Document(io.BytesIO(build_minutes(m))).paragraphs]


def test_the_minutes_read_back_with_the_valid_rule() -> None:
    text = _minutes(True)
    for line in (vi("minutes.valid", count=10), vi("minutes.invalid", count=0), vi("minutes.blank", count=2),
                 vi("minutes.blank_valid")):
        assert line in text, line
    assert vi("minutes.blank_invalid") not in text


def test_the_minutes_read_back_with_the_invalid_rule() -> None:
    text = _minutes(False)
    for line in (vi("minutes.returned", count=10), vi("minutes.valid", count=8), vi("minutes.invalid", count=2),
                 vi("minutes.blank", count=2), vi("minutes.blank_invalid")):
        assert line in text, line
    assert vi("minutes.blank_valid") not in text
    assert "Số phiếu không hợp lệ: 2" in "\n".join(text)  # the words an inspector reads, once literally
