"""Scoring sheets and the units' self-assessments: what the chat and the secretariat read and write.

A draft belongs to the unit: one `Assessment` per sheet and unit, one `AssessmentLine` per criterion.
Every write goes through `lock` first: the assessment row is locked for the rest of the transaction
(SELECT … FOR UPDATE on PostgreSQL; on SQLite, BEGIN IMMEDIATE already serialises writers), so two
contacts of a unit answering at the same moment take turns, and each answer touches its own line.
Lines read after the lock cannot change before the commit, so the writes reuse them instead of
reading each line again (one round trip less per answer). Nor are the writes flushed one by one: the
session flushes them before its next query, or with the rest of the update (one flush, not three).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, and_, bindparam
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from storage.models import Assessment, AssessmentLine, ChatAccount, Contact, CriteriaSheet, Criterion, Term, Unit
from storage.upsert import insert_ignore

DRAFT, SUBMITTED = "draft", "submitted"
Place = tuple[Contact, Unit | None, Term | None, CriteriaSheet | None]
FROZEN_SHEETS = 64  # sheets whose lines each database keeps in memory, the most recently used

# A sheet's lines change only while no unit has started it (an import then replaces them in place; once
# a unit has an assessment it makes a new version instead), and no assessment is ever deleted. So once a
# unit's assessment of a sheet has been seen, the sheet's lines are kept, per database, and every later
# step reads only the unit's own lines.
_FROZEN: WeakKeyDictionary[Engine, OrderedDict[int, tuple[Criterion, ...]]] = WeakKeyDictionary()


def _frozen(session: AsyncSession) -> OrderedDict[int, tuple[Criterion, ...]]:
    bind = session.bind
    assert bind is not None
    return _FROZEN.setdefault(bind.sync_engine, OrderedDict())


def _remember(session: AsyncSession, sheet_id: int, criteria: list[Criterion]) -> None:
    """Copies, never attached to a session: a session's rollback expires the rows it loaded, and an
    expired row no session holds cannot be read again."""
    sheets = _frozen(session)
    sheets[sheet_id] = tuple(Criterion(**c.model_dump()) for c in criteria)
    sheets.move_to_end(sheet_id)
    while len(sheets) > FROZEN_SHEETS:
        sheets.popitem(last=False)


# The two reads of every scoring step, built once (building a four-way join costs more than running it).
_PLACE = (
    select(Contact, Unit, Term, CriteriaSheet).select_from(Contact)
    .join(ChatAccount, and_(col(ChatAccount.contact_id) == col(Contact.id),
                            col(ChatAccount.channel) == bindparam("channel"),
                            col(ChatAccount.user_id) == bindparam("user_id")))
    .outerjoin(Unit, col(Unit.id) == col(Contact.unit_id))
    .outerjoin(Term, and_(col(Term.block_id) == col(Contact.block_id), col(Term.is_current).is_(True)))
    .outerjoin(CriteriaSheet, and_(col(CriteriaSheet.term_id) == col(Term.id), col(CriteriaSheet.active).is_(True)))
    .where(Contact.id == bindparam("contact_id"), col(Contact.revoked_at).is_(None))
    .order_by(col(CriteriaSheet.version).desc()).limit(1)
)
# The same, locking on the way the contact's unit's assessment of the sheet the step expects (PostgreSQL;
# SQLite's BEGIN IMMEDIATE already serialises writers). The lock is taken in this statement so that the
# next one, which reads the lines, starts after it: a statement sees what was committed before it began.
_PLACE_LOCKING = _PLACE.add_columns(
    select(Assessment.id).where(Assessment.sheet_id == bindparam("sheet_id"),
                                col(Assessment.unit_id) == col(Contact.unit_id))
    .with_for_update().scalar_subquery()
)
_DRAFT = (
    select(Criterion, Assessment, AssessmentLine).select_from(Criterion)
    .outerjoin(Assessment, and_(col(Assessment.sheet_id) == col(Criterion.sheet_id),
                                col(Assessment.unit_id) == bindparam("unit_id")))
    .outerjoin(AssessmentLine, and_(col(AssessmentLine.assessment_id) == col(Assessment.id),
                                    col(AssessmentLine.criterion_code) == col(Criterion.code)))
    .where(Criterion.sheet_id == bindparam("sheet_id"))
    .order_by(col(Criterion.position), col(Criterion.id))
    .execution_options(populate_existing=True)
)
_DRAFT_LINES = (  # the same when the sheet's lines are known
    select(Assessment, AssessmentLine).select_from(Assessment)
    .outerjoin(AssessmentLine, col(AssessmentLine.assessment_id) == col(Assessment.id))
    .where(Assessment.sheet_id == bindparam("sheet_id"), Assessment.unit_id == bindparam("unit_id"))
    .execution_options(populate_existing=True)
)


class Scoring:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self._locked_ids: set[int] = set()
        self._fresh: dict[int, dict[str, AssessmentLine]] = {}  # lines read under the lock, by assessment id

    # sheets ---------------------------------------------------------------------------------------

    async def active_sheet(self, term_id: int) -> CriteriaSheet | None:
        """The sheet units score against in this term: the newest active version."""
        stmt = (select(CriteriaSheet).where(CriteriaSheet.term_id == term_id, col(CriteriaSheet.active).is_(True))
                .order_by(col(CriteriaSheet.version).desc()).limit(1))
        return (await self.session.exec(stmt)).first()

    async def sheets(self, term_id: int) -> list[CriteriaSheet]:
        """Every version of the term's sheet, oldest first."""
        stmt = select(CriteriaSheet).where(CriteriaSheet.term_id == term_id).order_by(col(CriteriaSheet.version))
        return list((await self.session.exec(stmt)).all())

    async def place(self, contact_id: int, channel: str, user_id: str) -> Place | None:
        """The contact, if still active and reached through this chat account, with its unit, its block's
        current term and that term's active sheet (each None when missing), in one query: what every
        step of a unit's scoring checks first."""
        params = {"contact_id": contact_id, "channel": channel, "user_id": user_id}
        return (await self.session.exec(_PLACE, params=params)).first()

    async def place_locking(self, contact_id: int, channel: str, user_id: str, sheet_id: int) -> Place | None:
        """As `place`, and the unit's assessment of `sheet_id` (the sheet the step expects), if the unit
        has started it, is locked until commit, as by `lock_existing`; `draft` then reads it."""
        params = {"contact_id": contact_id, "channel": channel, "user_id": user_id, "sheet_id": sheet_id}
        row = (await self.session.exec(_PLACE_LOCKING, params=params)).first()  # type: ignore[call-overload]
        if row is None:
            return None
        contact, unit, term, sheet, locked = row
        if locked is not None:
            self._locked_ids.add(locked)
        return contact, unit, term, sheet

    async def sheet(self, sheet_id: int) -> CriteriaSheet | None:
        return await self.session.get(CriteriaSheet, sheet_id)

    async def draft(self, sheet_id: int, unit_id: int
                    ) -> tuple[Assessment | None, list[Criterion], dict[str, AssessmentLine]]:
        """The unit's assessment of the sheet (None when the unit has not started), the sheet's lines in
        sheet order and the assessment's lines by code, in one query: what every step of a unit's
        scoring reads. Locked (`place_locking`, `lock_existing`) when the step writes."""
        params = {"sheet_id": sheet_id, "unit_id": unit_id}
        sheets = _frozen(self.session)
        known = sheets.get(sheet_id)
        if known is not None:
            sheets.move_to_end(sheet_id)
            pairs = (await self.session.exec(_DRAFT_LINES, params=params)).all()
            assessment = pairs[0][0] if pairs else None
            codes = {c.code for c in known}
            lines = {line.criterion_code: line for _a, line in pairs
                     if line is not None and line.criterion_code in codes}
            criteria = list(known)
        else:
            rows = (await self.session.exec(_DRAFT, params=params)).all()
            if not rows:  # a sheet without lines
                return await self.assessment(sheet_id, unit_id), [], {}
            assessment = rows[0][1]
            lines = {line.criterion_code: line for _c, _a, line in rows if line is not None}
            criteria = [c for c, _a, _line in rows]
            if assessment is not None:  # started: the sheet's lines can no longer change
                _remember(self.session, sheet_id, criteria)
        if assessment is not None and assessment.id in self._locked_ids:
            self._fresh[assessment.id] = dict(lines)
        return assessment, criteria, lines

    def is_locked(self, assessment: Assessment) -> bool:
        return assessment.id in self._locked_ids

    def add(self, row: CriteriaSheet | Criterion) -> None:
        self.session.add(row)

    async def delete(self, row: Criterion) -> None:
        """A line of a sheet no unit has started, replaced by a corrected import."""
        await self.session.delete(row)

    async def criteria(self, sheet_id: int) -> list[Criterion]:
        """The sheet's lines in sheet order: base criteria by section, then bonus, then deductions."""
        stmt = select(Criterion).where(Criterion.sheet_id == sheet_id).order_by(col(Criterion.position),
                                                                               col(Criterion.id))
        return list((await self.session.exec(stmt)).all())

    # reading assessments (no lock) ------------------------------------------------------------------

    async def assessment(self, sheet_id: int, unit_id: int) -> Assessment | None:
        stmt = select(Assessment).where(Assessment.sheet_id == sheet_id, Assessment.unit_id == unit_id)
        return (await self.session.exec(stmt.execution_options(populate_existing=True))).first()

    async def assessment_by_id(self, assessment_id: int) -> Assessment | None:
        return await self.session.get(Assessment, assessment_id, populate_existing=True)

    async def assessments(self, sheet_id: int) -> list[Assessment]:
        """Every unit's assessment of the sheet (units that never started have none)."""
        stmt = select(Assessment).where(Assessment.sheet_id == sheet_id).order_by(col(Assessment.unit_id))
        return list((await self.session.exec(stmt.execution_options(populate_existing=True))).all())

    async def lines(self, assessment_id: int) -> dict[str, AssessmentLine]:
        """The assessment's lines by criterion code (a criterion never touched has no line)."""
        found = await self.lines_of([assessment_id])
        return found.get(assessment_id, {})

    async def lines_of(self, assessment_ids: Sequence[int]) -> dict[int, dict[str, AssessmentLine]]:
        """Lines of several assessments at once: {assessment id: {criterion code: line}}."""
        if not assessment_ids:
            return {}
        stmt = (select(AssessmentLine).where(col(AssessmentLine.assessment_id).in_(assessment_ids))
                .order_by(col(AssessmentLine.id)).execution_options(populate_existing=True))
        found: dict[int, dict[str, AssessmentLine]] = {i: {} for i in assessment_ids}
        for line in (await self.session.exec(stmt)).all():
            found[line.assessment_id][line.criterion_code] = line
        self._fresh.update({i: dict(lines) for i, lines in found.items() if i in self._locked_ids})
        return found

    # writing: always under the assessment's lock ---------------------------------------------------

    async def lock(self, sheet_id: int, unit_id: int, now: datetime) -> Assessment:
        """The unit's assessment of the sheet, created as a draft when missing, locked until commit."""
        row = await self._locked(select(Assessment).where(Assessment.sheet_id == sheet_id,
                                                          Assessment.unit_id == unit_id))
        if row is not None:
            return row
        await insert_ignore(self.session, Assessment, {"sheet_id": sheet_id, "unit_id": unit_id, "status": DRAFT,
                                                       "updated_at": now, "late": False})
        row = await self._locked(select(Assessment).where(Assessment.sheet_id == sheet_id,
                                                          Assessment.unit_id == unit_id))
        assert row is not None
        return row

    async def lock_existing(self, sheet_id: int, unit_id: int) -> Assessment | None:
        """As `lock`, but None (and nothing created) when the unit has not started."""
        return await self._locked(select(Assessment).where(Assessment.sheet_id == sheet_id,
                                                           Assessment.unit_id == unit_id))

    async def lock_by_id(self, assessment_id: int) -> Assessment | None:
        return await self._locked(select(Assessment).where(Assessment.id == assessment_id))

    async def _locked(self, stmt: SelectOfScalar[Assessment]) -> Assessment | None:
        query = stmt.with_for_update().execution_options(populate_existing=True)
        row = (await self.session.exec(query)).first()
        if row is not None and row.id is not None:
            self._locked_ids.add(row.id)
        return row

    async def _line(self, assessment: Assessment, code: str, now: datetime, by: int | None) -> AssessmentLine:
        """The line to change (created when missing); the line and the draft record who and when."""
        assert assessment.id is not None
        fresh = self._fresh.get(assessment.id)
        if fresh is not None:
            line = fresh.get(code)
        else:
            stmt = (select(AssessmentLine)
                    .where(AssessmentLine.assessment_id == assessment.id, AssessmentLine.criterion_code == code)
                    .execution_options(populate_existing=True))
            line = (await self.session.exec(stmt)).first()
        if line is None:
            line = AssessmentLine(assessment_id=assessment.id, criterion_code=code, updated_at=now)
            if fresh is not None:
                fresh[code] = line
        line.updated_at, line.updated_by = now, by
        assessment.updated_at, assessment.updated_by = now, by
        self.session.add(assessment)
        self.session.add(line)
        return line

    async def set_score(self, assessment: Assessment, code: str, score: Decimal | None, now: datetime,
                        by: int | None) -> AssessmentLine:
        """The unit's own score of one line (already checked against the criterion by the caller)."""
        line = await self._line(assessment, code, now, by)
        line.self_score = score
        return line

    async def set_explanation(self, assessment: Assessment, code: str, text: str | None, now: datetime,
                              by: int | None) -> AssessmentLine:
        line = await self._line(assessment, code, now, by)
        line.explanation = text
        return line

    async def set_evidence(self, assessment: Assessment, code: str, file_id: str | None, name: str | None,
                           now: datetime, by: int | None) -> AssessmentLine:
        """A document the platform holds (its file id, which only means something on that platform)."""
        line = await self._line(assessment, code, now, by)
        line.evidence_file_id, line.evidence_name = file_id, name
        return line

    def mark_submitted(self, assessment: Assessment, now: datetime, by: int | None, late: bool) -> None:
        assessment.status, assessment.submitted_at, assessment.submitted_by = SUBMITTED, now, by
        assessment.late, assessment.reopened_reason = late, None
        assessment.updated_at, assessment.updated_by = now, by
        self.session.add(assessment)

    def mark_reopened(self, assessment: Assessment, reason: str) -> None:
        """Back to a draft the unit can edit; when and by whom it was submitted stays, for the record."""
        assessment.status, assessment.reopened_reason = DRAFT, reason
        self.session.add(assessment)
