"""The count of a closed poll: pure arithmetic over the ballots, kept apart from any storage.

Rules (DOMAIN.md, "The vote"): percentages are of *all member units*, not of those present; a candidate
is elected when its votes exceed the threshold and it is within the top N; a tie at the last seat is not
decided here but offered as a runoff between the tied candidates for the seats left; a quorum not met
makes the poll invalid and elects nobody.

A blank ballot (no name chosen) is returned either way: it counts toward turnout and quorum, since the unit
took part, as Luật Bầu cử counts every ballot put in the box among those who voted. The poll's setting only
says whether it is also a *valid* ballot (the block's rule: a unit that voted and approved no one; the
default) or an *invalid* one (Luật Bầu cử). Either way it gives no vote to anyone, and the threshold stays a
share of all member units, so the setting changes the minutes' valid/invalid counts, never who is elected.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Tally:
    unit_id: int
    votes: int
    pct: Decimal  # of all member units, two decimals
    over_threshold: bool
    elected: bool = False
    tied: bool = False


@dataclass(frozen=True)
class Count:
    members: int  # ballots issued: one per member unit
    returned: int
    blank: int
    invalid: int  # the blank ballots when they count as invalid; the bot refuses any other malformed ballot
    quorum_met: bool
    tallies: list[Tally] = field(default_factory=list)  # most votes first, ballot order among equals
    tied_seats: int = 0  # seats left to a runoff between the tied candidates
    blank_valid: bool = True  # the poll's rule for blank ballots, as applied by this count

    @property
    def valid(self) -> int:
        return self.returned - self.invalid

    @property
    def elected(self) -> list[int]:
        return [t.unit_id for t in self.tallies if t.elected]

    @property
    def tied(self) -> list[int]:
        return [t.unit_id for t in self.tallies if t.tied]

    def to_json(self) -> dict[str, Any]:
        return {
            "members": self.members, "returned": self.returned, "blank": self.blank, "invalid": self.invalid,
            "quorum_met": self.quorum_met, "tied_seats": self.tied_seats, "blank_valid": self.blank_valid,
            "tallies": [{"unit_id": t.unit_id, "votes": t.votes, "pct": str(t.pct), "over_threshold": t.over_threshold,
                         "elected": t.elected, "tied": t.tied} for t in self.tallies],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Count:
        tallies = [Tally(int(t["unit_id"]), int(t["votes"]), Decimal(t["pct"]), bool(t["over_threshold"]),
                         bool(t["elected"]), bool(t["tied"])) for t in data["tallies"]]
        # counts stored before the setting existed counted blank ballots as valid
        return cls(int(data["members"]), int(data["returned"]), int(data["blank"]), int(data["invalid"]),
                   bool(data["quorum_met"]), tallies, int(data["tied_seats"]), bool(data.get("blank_valid", True)))


def percent(votes: int, members: int) -> Decimal:
    if members <= 0:
        return Decimal("0.00")
    return (Decimal(votes) * HUNDRED / Decimal(members)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def quorum_met(returned: int, members: int, num: int, den: int) -> bool:
    return members > 0 and returned * den >= num * members


def count(candidates: Sequence[int], ballots: Iterable[Sequence[int]], members: int, seats: int,
          threshold_pct: int = 50, quorum: tuple[int, int] = (2, 3), blank_valid: bool = True) -> Count:
    """Tally the ballots (each a list of candidate unit ids, [] for blank) and decide who is elected;
    `blank_valid` says whether a blank ballot is a valid one (True) or an invalid one (False)."""
    votes: Counter[int] = Counter()
    returned = blank = 0
    for ballot in ballots:
        returned += 1
        chosen = set(ballot) & set(candidates)
        if not chosen:
            blank += 1
        votes.update(chosen)
    valid_quorum = quorum_met(returned, members, *quorum)
    order = {unit: i for i, unit in enumerate(candidates)}
    ranked = sorted(candidates, key=lambda u: (-votes[u], order[u]))

    def over(unit: int) -> bool:
        return votes[unit] * 100 > threshold_pct * members

    eligible = [u for u in ranked if over(u) and votes[u] > 0] if valid_quorum else []
    elected: set[int] = set(eligible)
    tied: set[int] = set()
    tied_seats = 0
    if len(eligible) > seats:
        last = votes[eligible[seats - 1]]
        elected = {u for u in eligible if votes[u] > last}
        at_last = [u for u in eligible if votes[u] == last]
        left = seats - len(elected)
        if len(at_last) <= left:  # cannot happen when sorted, kept for clarity
            elected |= set(at_last)
        else:
            tied, tied_seats = set(at_last), left
    tallies = [Tally(u, votes[u], percent(votes[u], members), over(u), u in elected, u in tied) for u in ranked]
    invalid = 0 if blank_valid else blank
    return Count(members, returned, blank, invalid, valid_quorum, tallies, tied_seats, blank_valid)
