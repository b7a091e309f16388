"""The vote-count minutes of a closed poll: its count (Poll.result) and names, gathered for the builder.

`minutes_document` is what the chat (close notice) and the command line call; `build_minutes` turns
plain data into the .docx bytes and knows nothing of the database (handlers.voting.minutes_docx).
"""

from __future__ import annotations

from datetime import datetime

from handlers.core.catalog import Catalog
from handlers.core.messages import Document
from handlers.voting.minutes_docx import Candidate, Minutes, build_minutes, vn_day, vn_pct
from handlers.voting.rules.count import Count
from storage.models_vote import CLOSED, Poll
from storage.uow import UnitOfWork

__all__ = ["DOCX_MIME", "Candidate", "Minutes", "MinutesUnavailable", "build_minutes", "gather", "minutes_document",
           "minutes_filename", "vn_day", "vn_pct"]

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class MinutesUnavailable(LookupError):
    """No minutes for this poll: there is no such poll, or it has not been counted yet."""

    def __init__(self, poll_id: int, *, missing: bool) -> None:
        super().__init__(f"no minutes for poll {poll_id}")
        self.poll_id, self.missing = poll_id, missing

    def text(self, t: Catalog) -> str:
        """Why, in the reader's language."""
        if self.missing:
            return t("minutes.no_poll", poll=self.poll_id)
        return t("minutes.not_counted", poll=self.poll_id)


def minutes_filename(poll_id: int) -> str:
    return f"bien-ban-kiem-phieu-{poll_id}.docx"


async def _names(uow: UnitOfWork, unit_ids: list[int]) -> dict[int, str]:
    names = {}
    for unit_id in unit_ids:
        unit = await uow.directory.unit(unit_id)
        names[unit_id] = unit.name if unit else f"#{unit_id}"
    return names


async def gather(uow: UnitOfWork, poll: Poll, now: datetime) -> Minutes:
    """The minutes' data from a counted poll."""
    assert poll.id is not None
    if poll.status != CLOSED or poll.result is None:
        raise MinutesUnavailable(poll.id, missing=False)
    count = Count.from_json(poll.result)
    term = await uow.directory.term_by_id(poll.term_id)
    block = await uow.directory.block(term.block_id) if term else None
    members = await uow.directory.units(block.id) if block and block.id is not None else []
    names = await _names(uow, [t.unit_id for t in count.tallies])
    candidates = tuple(Candidate(names[t.unit_id], t.votes, t.pct, t.elected, t.tied) for t in count.tallies)
    original = await uow.polls.get(poll.runoff_of) if poll.runoff_of is not None else None
    return Minutes(
        block=block.name if block else "?", province=block.province if block else "?", place=poll.place,
        question=poll.question, members=tuple(u.name for u in members), issued=count.members,
        returned=count.returned, valid=count.valid, invalid=count.invalid, blank=count.blank,
        candidates=candidates, quorum_met=count.quorum_met, quorum=(poll.quorum_num, poll.quorum_den),
        threshold_pct=poll.threshold_pct, seats=poll.seats, closed_at=poll.closed_at or now,
        opened_at=poll.opened_at, tied_seats=count.tied_seats,
        runoff_of=original.question if original else None, blank_valid=count.blank_valid,
    )


async def minutes_document(uow: UnitOfWork, poll_id: int, now: datetime) -> Document:
    """The minutes of a counted poll as a .docx to send or write; MinutesUnavailable when there are none."""
    poll = await uow.polls.get(poll_id)
    if poll is None:
        raise MinutesUnavailable(poll_id, missing=True)
    content = build_minutes(await gather(uow, poll, now))
    return Document(minutes_filename(poll_id), content=content, mime=DOCX_MIME)
