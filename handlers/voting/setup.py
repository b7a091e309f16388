"""A poll as the secretariat prepares it, before it is stored: defaults per kind, candidates, checks.

Shared by the chat flow and the command line, so both prepare the same poll from the same answers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any, Final

from handlers.core.catalog import Catalog
from handlers.scoring.board import ScoreBoard, load
from handlers.voting.result_text import POLL_KIND_KEYS, blank_rule
from storage.models import Term
from storage.models_vote import POLL_KINDS, Poll
from storage.uow import UnitOfWork

DEFAULT_SEATS = {"flag": 1, "certificate": 3, "head": 1, "deputy": 1, "custom": 1}
NEXT_YEAR_KINDS = ("head", "deputy")  # elected for the coming term
MAX_QUESTION, MAX_PLACE = 500, 200

QUESTION_KEYS: Final = {  # each kind's question
    "certificate": "poll.question.certificate", "custom": "poll.question.custom", "deputy": "poll.question.deputy",
    "flag": "poll.question.flag", "head": "poll.question.head",
}


@dataclass
class Draft:
    kind: str
    question: str
    candidates: list[int] = field(default_factory=list)  # unit ids, in ballot order
    seats: int = 1
    max_choices: int = 1
    allow_self: bool = True
    blank_valid: bool = True  # see README, "Blank ballots": the block's rule counts over all member units
    threshold_pct: int = 50
    quorum_num: int = 2
    quorum_den: int = 3
    time_limit_min: int | None = None
    place: str = ""
    runoff_of: int | None = None

    def to_data(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Draft:
        names = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in names})

    def with_seats(self, seats: int) -> Draft:
        """Seats set; a ballot may then choose as many (the default) unless it was set lower."""
        return replace(self, seats=seats, max_choices=seats)

    def problems(self, t: Catalog) -> list[str]:
        """What keeps this draft from being a sound poll, said in the reader's language."""
        found = []
        if not self.candidates:
            found.append(t("poll.bad.no_candidates"))
        if self.seats > len(self.candidates):
            found.append(t("poll.bad.seats_over_candidates", seats=self.seats, candidates=len(self.candidates)))
        if not 1 <= self.max_choices <= max(1, len(self.candidates)):
            found.append(t("poll.bad.max_choices", max_choices=self.max_choices, candidates=len(self.candidates)))
        return found


def default_question(t: Catalog, kind: str, year: int) -> str:
    return t(QUESTION_KEYS[kind], year=year + 1 if kind in NEXT_YEAR_KINDS else year)


def new_draft(t: Catalog, kind: str, year: int, candidates: list[int]) -> Draft:
    if kind not in POLL_KINDS:
        raise ValueError(kind)
    seats = min(DEFAULT_SEATS[kind], max(1, len(candidates)))
    return Draft(kind, default_question(t, kind, year), list(candidates), seats, seats)


async def member_units(uow: UnitOfWork, block_id: int) -> list[int]:
    """The active member units: every candidate list and every percentage starts from them."""
    return [u.id for u in await uow.directory.units(block_id) if u.id is not None]


async def score_board(uow: UnitOfWork, block_id: int, now: datetime) -> ScoreBoard | None:
    """The term's scores when at least one unit has submitted its sheet, else None."""
    board = await load(uow, block_id, now)
    return board if isinstance(board, ScoreBoard) and board.standings() else None


def top_by_score(board: ScoreBoard, n: int) -> list[int]:
    """The N best by final score, and whoever ties with the N-th: the vote, not the list, decides."""
    standings = board.standings()
    if n <= 0 or not standings:
        return []
    cut = standings[min(n, len(standings)) - 1].total
    active = {u.id for u in board.units if u.active}
    return [s.key for s in standings if s.total >= cut and s.key in active]


async def create(uow: UnitOfWork, term: Term, draft: Draft, now: datetime, actor: str,
                 created_by: int | None = None) -> Poll:
    assert term.id is not None
    poll = Poll(term_id=term.id, kind=draft.kind, question=draft.question[:MAX_QUESTION], seats=draft.seats,
                max_choices=draft.max_choices, allow_self=draft.allow_self, blank_valid=draft.blank_valid,
                threshold_pct=draft.threshold_pct,
                quorum_num=draft.quorum_num, quorum_den=draft.quorum_den, time_limit_min=draft.time_limit_min or None,
                place=draft.place[:MAX_PLACE], runoff_of=draft.runoff_of, created_at=now, created_by=created_by)
    poll = await uow.polls.create(poll, draft.candidates)
    uow.audit.record(now, actor, "poll_create", term.block_id, poll_id=poll.id, kind=draft.kind,
                     candidates=len(draft.candidates), seats=draft.seats, blank_valid=draft.blank_valid)
    return poll


def draft_of(poll: Poll, candidates: list[int]) -> Draft:
    """A stored poll read back as the settings it was prepared with (for showing, or a runoff)."""
    return Draft(poll.kind, poll.question, candidates, poll.seats, poll.max_choices, poll.allow_self,
                 poll.blank_valid, poll.threshold_pct, poll.quorum_num, poll.quorum_den, poll.time_limit_min,
                 poll.place, poll.runoff_of)


def settings_text(t: Catalog, draft: Draft, names: dict[int, str]) -> str:
    """The settings as the summary and the poll's page show them, candidates numbered as on the ballot."""
    lines = [t("poll.settings.head", kind=t(POLL_KIND_KEYS[draft.kind]), question=draft.question),
             t("poll.settings.candidates", count=len(draft.candidates))]
    lines += [t("poll.settings.candidate", n=n, unit=names.get(u, "?")) for n, u in enumerate(draft.candidates, 1)]
    lines.append(t("poll.settings.rules", seats=draft.seats, max_choices=draft.max_choices,
                   self_rule=t("poll.self.yes") if draft.allow_self else t("poll.self.no"),
                   threshold=draft.threshold_pct, quorum=f"{draft.quorum_num}/{draft.quorum_den}"))
    lines.append(blank_rule(t, draft.blank_valid))
    limit = (t("poll.limit.minutes", minutes=draft.time_limit_min) if draft.time_limit_min
             else t("poll.limit.none"))
    lines.append(t("poll.settings.when", limit=limit, place=draft.place or t("poll.place.none")))
    return "\n".join(lines)
