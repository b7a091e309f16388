"""Deadlines, submissions, reminders and digests: the queries the planner and the chat need."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, insert, not_, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import (
    Block,
    ChatAccount,
    Contact,
    Deadline,
    Digest,
    OutboxMessage,
    Reminder,
    Submission,
    Term,
    Unit,
)
from storage.upsert import insert_ignore

ID_CHUNK = 500  # ids per IN list (well under SQLite's bound-parameter limit)


class Deadlines:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, deadline_id: int) -> Deadline | None:
        return await self.session.get(Deadline, deadline_id)

    def add(self, row: Deadline | Submission) -> None:
        self.session.add(row)

    async def of_term(self, term_id: int, include_cancelled: bool = False) -> list[Deadline]:
        stmt = select(Deadline).where(Deadline.term_id == term_id)
        if not include_cancelled:
            stmt = stmt.where(col(Deadline.cancelled_at).is_(None))
        return list((await self.session.exec(stmt.order_by(col(Deadline.due_at), col(Deadline.id)))).all())

    async def block_of(self, deadline: Deadline) -> tuple[Term, Block]:
        term = await self.session.get(Term, deadline.term_id)
        assert term is not None
        block = await self.session.get(Block, term.block_id)
        assert block is not None
        return term, block

    async def live_with_blocks(self, due_after: datetime) -> list[tuple[Deadline, Term, Block]]:
        """Deadlines of current terms, not cancelled, due after `due_after`, with their term and block."""
        stmt = (
            select(Deadline, Term, Block)
            .join(Term, col(Term.id) == col(Deadline.term_id))
            .join(Block, col(Block.id) == col(Term.block_id))
            .where(col(Term.is_current).is_(True), col(Deadline.cancelled_at).is_(None),
                   Deadline.due_at > due_after)
            .order_by(col(Deadline.id))
        )
        return [(d, t, b) for d, t, b in (await self.session.exec(stmt)).all()]

    # submissions
    async def current_submissions(self, deadline_ids: Sequence[int]) -> list[Submission]:
        if not deadline_ids:
            return []
        stmt = select(Submission).where(col(Submission.deadline_id).in_(deadline_ids),
                                        col(Submission.superseded_at).is_(None))
        return list((await self.session.exec(stmt.order_by(col(Submission.id)))).all())

    async def submission_history(self, deadline_id: int, unit_id: int) -> list[Submission]:
        stmt = select(Submission).where(Submission.deadline_id == deadline_id, Submission.unit_id == unit_id)
        return list((await self.session.exec(stmt.order_by(col(Submission.id)))).all())

    async def submit(self, submission: Submission) -> None:
        """Record a submission; the unit's previous one for the deadline stays as history, and its
        reminders still queued are dropped."""
        await self.drop_queued_reminders(submission.deadline_id, submission.submitted_at, submission.unit_id)
        for old in await self.submission_history(submission.deadline_id, submission.unit_id):
            if old.superseded_at is None:
                old.superseded_at = submission.submitted_at
                self.session.add(old)
        self.session.add(submission)

    # reminders
    async def units_to_remind(self, deadline: Deadline, block_id: int, slot: str) -> list[Unit]:
        """Active units of the block with no current submission and no reminder yet for this slot."""
        submitted = exists().where(and_(col(Submission.deadline_id) == deadline.id,
                                        col(Submission.unit_id) == col(Unit.id),
                                        col(Submission.superseded_at).is_(None)))
        reminded = exists().where(and_(col(Reminder.deadline_id) == deadline.id,
                                       col(Reminder.revision) == deadline.revision,
                                       col(Reminder.unit_id) == col(Unit.id), col(Reminder.slot) == slot))
        stmt = (select(Unit).where(Unit.block_id == block_id, col(Unit.active).is_(True), not_(submitted),
                                   not_(reminded)).order_by(col(Unit.id)))
        return list((await self.session.exec(stmt)).all())

    async def units_to_remind_many(self, slot: str, deadline_ids: Sequence[int]) -> list[tuple[int, Unit]]:
        """`units_to_remind` for many deadlines of one slot at once: (deadline id, unit), in deadline then
        unit order (the planner's first tick of a morning reads a chunk of deadlines in one statement)."""
        rows: list[tuple[int, Unit]] = []
        for start in range(0, len(deadline_ids), ID_CHUNK):
            chunk = list(deadline_ids[start:start + ID_CHUNK])
            stmt = (select(col(Deadline.id), Unit).join(Term, col(Term.id) == col(Deadline.term_id))
                    .join(Unit, col(Unit.block_id) == col(Term.block_id)).where(*_still_due(slot, chunk))
                    .order_by(col(Deadline.id), col(Unit.id)))
            rows += [(int(d), u) for d, u in (await self.session.exec(stmt)).all() if d is not None]
        return rows

    async def with_units_to_remind(self, slot: str, deadline_ids: Sequence[int]) -> set[int]:
        """Of these deadlines, those with at least one unit `units_to_remind` would return for `slot`:
        one set-based query per chunk, so a tick that finds nothing new costs a few statements, not
        one per deadline."""
        found: set[int] = set()
        for start in range(0, len(deadline_ids), ID_CHUNK):
            chunk = list(deadline_ids[start:start + ID_CHUNK])
            stmt = (select(col(Deadline.id)).distinct().join(Term, col(Term.id) == col(Deadline.term_id))
                    .join(Unit, col(Unit.block_id) == col(Term.block_id)).where(*_still_due(slot, chunk)))
            found.update(int(i) for i in (await self.session.exec(stmt)).all() if i is not None)
        return found

    async def without_digest(self, slot: str, deadline_ids: Sequence[int]) -> set[int]:
        """Of these deadlines, those with no digest yet for `slot` at their current revision."""
        found: set[int] = set()
        for start in range(0, len(deadline_ids), ID_CHUNK):
            chunk = list(deadline_ids[start:start + ID_CHUNK])
            done = exists().where(and_(col(Digest.deadline_id) == col(Deadline.id),
                                       col(Digest.revision) == col(Deadline.revision), col(Digest.slot) == slot))
            stmt = select(col(Deadline.id)).where(col(Deadline.id).in_(chunk), not_(done))
            found.update(int(i) for i in (await self.session.exec(stmt)).all() if i is not None)
        return found

    async def unit_accounts(self, unit_ids: Sequence[int]) -> list[tuple[Contact, ChatAccount]]:
        """Chat accounts of the active contacts of these units: their unit contacts and, for the head unit,
        its staff who are the secretariat (the head unit's own deadlines must reach them too)."""
        if not unit_ids:
            return []
        stmt = (
            select(Contact, ChatAccount)
            .join(ChatAccount, col(ChatAccount.contact_id) == col(Contact.id))
            .where(col(Contact.unit_id).in_(unit_ids), col(Contact.role).in_(("unit", "secretariat")),
                   col(Contact.revoked_at).is_(None))
            .order_by(col(Contact.id), col(ChatAccount.id))
        )
        return [(c, a) for c, a in (await self.session.exec(stmt)).all()]

    async def record_reminder(self, deadline: Deadline, unit_id: int, slot: str, now: datetime,
                              recipients: int) -> bool:
        return await insert_ignore(self.session, Reminder, {
            "deadline_id": deadline.id, "revision": deadline.revision, "unit_id": unit_id, "slot": slot,
            "planned_at": now, "recipients": recipients})

    async def record_digest(self, deadline: Deadline, slot: str, now: datetime) -> bool:
        return await insert_ignore(self.session, Digest, {
            "deadline_id": deadline.id, "revision": deadline.revision, "slot": slot, "planned_at": now})

    async def reminders(self, deadline_id: int | None = None) -> list[Reminder]:
        stmt = select(Reminder)
        if deadline_id is not None:
            stmt = stmt.where(Reminder.deadline_id == deadline_id)
        return list((await self.session.exec(stmt.order_by(col(Reminder.id)))).all())

    async def drop_queued_reminders(self, deadline_id: int, now: datetime, unit_id: int | None = None) -> None:
        """Reminders still in the outbox that are no longer true (the unit submitted; the deadline
        moved, was cancelled or closed) are never sent."""
        stmt: Any = (
            update(OutboxMessage)
            .where(col(OutboxMessage.deadline_id) == deadline_id, col(OutboxMessage.sent_at).is_(None),
                   col(OutboxMessage.failed_at).is_(None))
            .values(failed_at=now, last_error="no longer due")
        )
        if unit_id is not None:
            stmt = stmt.where(col(OutboxMessage.unit_id) == unit_id)
        await (await self.session.connection()).execute(stmt)

    async def add_reminders(self, reminders: list[dict[str, object]], messages: list[dict[str, object]]) -> None:
        """A tick's reminders of one deadline and their outbox rows, in one INSERT each (the planner writes
        thousands on a busy morning: no ORM objects)."""
        connection = await self.session.connection()
        if reminders:
            await connection.execute(insert(Reminder), reminders)
        if messages:
            await connection.execute(insert(OutboxMessage), messages)


def _still_due(slot: str, deadline_ids: list[int]) -> tuple[ColumnElement[bool], ...]:
    """Of a (deadline, unit) join, the pairs of these deadlines still due a reminder for `slot`: an active
    unit with no standing submission and no reminder yet at the deadline's revision."""
    submitted = exists().where(and_(col(Submission.deadline_id) == col(Deadline.id),
                                    col(Submission.unit_id) == col(Unit.id),
                                    col(Submission.superseded_at).is_(None)))
    reminded = exists().where(and_(col(Reminder.deadline_id) == col(Deadline.id),
                                   col(Reminder.revision) == col(Deadline.revision),
                                   col(Reminder.unit_id) == col(Unit.id), col(Reminder.slot) == slot))
    return (col(Deadline.id).in_(deadline_ids), col(Unit.active).is_(True), not_(submitted), not_(reminded))
