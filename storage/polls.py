"""Polls: prepared, opened and closed by the secretariat; their candidates, turnout and count.

The status moves draft → open → closed only through `open` and `close`, each a single conditional
UPDATE, so two workers (or a click and the time limit) cannot both open or both close a poll.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlmodel import col, func, select, update
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import Term
from storage.models_vote import CLOSED, DRAFT, OPEN, Ballot, Poll, PollCandidate, PollVoter

MAX_ID = 2**31 - 1  # PostgreSQL's `integer`: a larger id (a forged button, `g.vote.999999999999`) would raise


class Polls:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def create(self, poll: Poll, candidate_unit_ids: Sequence[int]) -> Poll:
        """A draft poll and its candidates, in ballot order."""
        self.session.add(poll)
        await self.session.flush()
        assert poll.id is not None
        for position, unit_id in enumerate(candidate_unit_ids, start=1):
            self.session.add(PollCandidate(poll_id=poll.id, unit_id=unit_id, position=position))
        await self.session.flush()
        return poll

    async def get(self, poll_id: int, lock: bool = False, skip_locked: bool = False) -> Poll | None:
        """`skip_locked` (with `lock`): None rather than wait when another transaction holds the row."""
        if not 0 < poll_id <= MAX_ID:
            return None
        stmt = select(Poll).where(Poll.id == poll_id).execution_options(populate_existing=True)
        if lock:
            stmt = stmt.with_for_update(skip_locked=skip_locked)
        return (await self.session.exec(stmt)).first()

    async def of_term(self, term_id: int, status: str | None = None) -> list[Poll]:
        stmt = select(Poll).where(Poll.term_id == term_id)
        if status is not None:
            stmt = stmt.where(Poll.status == status)
        return list((await self.session.exec(stmt.order_by(col(Poll.id)))).all())

    async def candidates(self, poll_id: int) -> list[int]:
        """Candidate unit ids in ballot order (position 1 first)."""
        stmt = select(PollCandidate.unit_id).where(PollCandidate.poll_id == poll_id)
        return list((await self.session.exec(stmt.order_by(col(PollCandidate.position)))).all())

    async def open(self, poll_id: int, now: datetime, member_count: int) -> bool:
        """draft → open; False when the poll was not a draft (already opened by someone else)."""
        poll = await self.get(poll_id)
        if poll is None:
            return False
        closes_at = now + timedelta(minutes=poll.time_limit_min) if poll.time_limit_min else None
        stmt = (update(Poll).where(col(Poll.id) == poll_id, col(Poll.status) == DRAFT)
                .values(status=OPEN, opened_at=now, closes_at=closes_at, member_count=member_count))
        opened = (await self.session.exec(stmt)).rowcount == 1
        await self.session.refresh(poll)
        return opened

    async def close(self, poll_id: int, now: datetime, result: dict[str, Any]) -> bool:
        """open → closed with its count; False when it was not open (closed already, or never opened)."""
        stmt = (update(Poll).where(col(Poll.id) == poll_id, col(Poll.status) == OPEN)
                .values(status=CLOSED, closed_at=now, result=result))
        closed = (await self.session.exec(stmt)).rowcount == 1
        if closed:
            await self._rewrite_rows(poll_id)
        poll = await self.get(poll_id)
        if poll is not None:
            await self.session.refresh(poll)
        return closed

    async def _rewrite_rows(self, poll_id: int) -> None:
        """On PostgreSQL a voter row and its ballot were written by one transaction (same `xmin`) and lie
        in arrival order in the heap (`ctid`): at the close both tables' rows of the poll are deleted and
        written again in key order, in this one transaction, so neither trace pairs them any more.
        (SQLite keeps both tables WITHOUT ROWID, ordered by key, so there is nothing to undo there.)"""
        bind = self.session.bind
        if bind is None or bind.dialect.name != "postgresql":
            return
        connection = await self.session.connection()
        for table, key in (("ballot", "receipt_hash"), ("poll_voter", "unit_id")):
            await connection.execute(text(
                f"WITH gone AS (DELETE FROM {table} WHERE poll_id = :poll RETURNING *) "
                f"INSERT INTO {table} SELECT * FROM gone ORDER BY {key}"), {"poll": poll_id})

    async def due_to_close(self, now: datetime) -> list[Poll]:
        """Open polls whose time limit has passed."""
        stmt = select(Poll).where(Poll.status == OPEN, col(Poll.closes_at).is_not(None), col(Poll.closes_at) <= now)
        return list((await self.session.exec(stmt)).all())

    async def turnout(self, poll_id: int) -> int:
        """How many units have voted: what the projector may show while the poll is open."""
        stmt = select(func.count()).select_from(PollVoter).where(PollVoter.poll_id == poll_id)
        return int((await self.session.exec(stmt)).one())

    async def open_polls(self) -> list[Poll]:
        stmt = select(Poll).where(Poll.status == OPEN).order_by(col(Poll.id))
        return list((await self.session.exec(stmt)).all())

    async def turnout_posted(self, poll_id: int, voted: int, now: datetime) -> bool:
        """Record that the group was told `voted`; False when it was told as much already (another run)."""
        stmt = (update(Poll).where(col(Poll.id) == poll_id, col(Poll.status) == OPEN,
                                   col(Poll.turnout_posted) < voted)
                .values(turnout_posted=voted, turnout_posted_at=now))
        return (await self.session.exec(stmt)).rowcount == 1

    async def voted_units(self, poll_id: int) -> set[int]:
        stmt = select(PollVoter.unit_id).where(PollVoter.poll_id == poll_id)
        return set((await self.session.exec(stmt)).all())

    async def ballots(self, poll_id: int) -> list[list[int]]:
        """Every ballot's choices, in receipt-hash order (which says nothing about who or when)."""
        stmt = select(Ballot.choices).where(Ballot.poll_id == poll_id).order_by(col(Ballot.receipt_hash))
        return [list(c) for c in (await self.session.exec(stmt)).all()]

    async def receipt_hashes(self, poll_id: int) -> list[str]:
        """The published list after the close: every ballot by its receipt hash."""
        stmt = select(Ballot.receipt_hash).where(Ballot.poll_id == poll_id).order_by(col(Ballot.receipt_hash))
        return list((await self.session.exec(stmt)).all())

    async def term(self, poll: Poll, lock: bool = False) -> Term | None:
        """The term (and so the block) a poll belongs to; `lock` serialises opening polls of one term."""
        stmt = select(Term).where(Term.id == poll.term_id)
        if lock:
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return (await self.session.exec(stmt)).first()

    async def all_voted(self) -> list[Poll]:
        """Open polls in which every member unit has voted: closed by the timer when the cast that
        completed the turnout raced with another and neither saw the full count."""
        voters = (select(func.count()).select_from(PollVoter).where(col(PollVoter.poll_id) == col(Poll.id))
                  .scalar_subquery())
        stmt = select(Poll).where(Poll.status == OPEN, col(Poll.member_count).is_not(None),
                                  voters >= col(Poll.member_count))
        return list((await self.session.exec(stmt)).all())

    async def runoffs(self, poll_id: int) -> list[Poll]:
        stmt = select(Poll).where(Poll.runoff_of == poll_id).order_by(col(Poll.id))
        return list((await self.session.exec(stmt)).all())
