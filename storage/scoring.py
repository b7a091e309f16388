"""Scoring sheets and the units' self-assessments: what the chat and the secretariat read and write.

A draft belongs to the unit: one `Assessment` per sheet and unit, one `AssessmentLine` per criterion.
Every write goes through `lock` first: the assessment row is locked for the rest of the transaction
(SELECT … FOR UPDATE on PostgreSQL; on SQLite, BEGIN IMMEDIATE already serialises writers), so two
contacts of a unit answering at the same moment take turns, and each answer touches its own line.
Lines read after the lock cannot change before the commit, so the writes reuse them instead of
reading each line again (one round trip less per answer).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from sqlalchemy import and_
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from storage.models import Assessment, AssessmentLine, ChatAccount, Contact, CriteriaSheet, Criterion, Term, Unit
from storage.upsert import insert_ignore

DRAFT, SUBMITTED = "draft", "submitted"
Place = tuple[Contact, Unit | None, Term | None, CriteriaSheet | None]


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
        stmt = (select(Contact, Unit, Term, CriteriaSheet).select_from(Contact)
                .join(ChatAccount, and_(col(ChatAccount.contact_id) == col(Contact.id),
                                        col(ChatAccount.channel) == channel, col(ChatAccount.user_id) == user_id))
                .outerjoin(Unit, col(Unit.id) == col(Contact.unit_id))
                .outerjoin(Term, and_(col(Term.block_id) == col(Contact.block_id), col(Term.is_current).is_(True)))
                .outerjoin(CriteriaSheet, and_(col(CriteriaSheet.term_id) == col(Term.id),
                                               col(CriteriaSheet.active).is_(True)))
                .where(Contact.id == contact_id, col(Contact.revoked_at).is_(None))
                .order_by(col(CriteriaSheet.version).desc()).limit(1))
        return (await self.session.exec(stmt)).first()

    async def sheet(self, sheet_id: int) -> CriteriaSheet | None:
        return await self.session.get(CriteriaSheet, sheet_id)

    async def criteria_and_lines(self, sheet_id: int, assessment_id: int | None
                                 ) -> tuple[list[Criterion], dict[str, AssessmentLine]]:
        """The sheet's lines in sheet order with the assessment's lines by code, in one query."""
        if assessment_id is None:
            return await self.criteria(sheet_id), {}
        stmt = (select(Criterion, AssessmentLine)
                .outerjoin(AssessmentLine, and_(col(AssessmentLine.assessment_id) == assessment_id,
                                                col(AssessmentLine.criterion_code) == col(Criterion.code)))
                .where(Criterion.sheet_id == sheet_id).order_by(col(Criterion.position), col(Criterion.id))
                .execution_options(populate_existing=True))
        rows = (await self.session.exec(stmt)).all()
        lines = {line.criterion_code: line for _c, line in rows if line is not None}
        if assessment_id in self._locked_ids:
            self._fresh[assessment_id] = dict(lines)
        return [c for c, _line in rows], lines

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
        await self.session.flush()
        return line

    async def set_explanation(self, assessment: Assessment, code: str, text: str | None, now: datetime,
                              by: int | None) -> AssessmentLine:
        line = await self._line(assessment, code, now, by)
        line.explanation = text
        await self.session.flush()
        return line

    async def set_evidence(self, assessment: Assessment, code: str, file_id: str | None, name: str | None,
                           now: datetime, by: int | None) -> AssessmentLine:
        """A document the platform holds (its file id, which only means something on that platform)."""
        line = await self._line(assessment, code, now, by)
        line.evidence_file_id, line.evidence_name = file_id, name
        await self.session.flush()
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
