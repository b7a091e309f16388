"""What the secretariat reads and writes about a term's scoring: the active sheet, every unit's
assessment and lines, the cross-check. (Reopening is the scoring service's.)"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import ASSESSMENT_DRAFT, ASSESSMENT_SUBMITTED, Assessment, AssessmentLine, CriteriaSheet, Criterion
from storage.scoring import sheet_in_force

DRAFT, SUBMITTED = ASSESSMENT_DRAFT, ASSESSMENT_SUBMITTED  # re-exported for the callers


class ScoringReports:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def active_sheet(self, term_id: int) -> CriteriaSheet | None:
        """The term's sheet in force (`storage.scoring.sheet_in_force`)."""
        return (await self.session.exec(sheet_in_force(term_id))).first()

    async def criteria(self, sheet_id: int) -> list[Criterion]:
        stmt = select(Criterion).where(Criterion.sheet_id == sheet_id).order_by(col(Criterion.position),
                                                                                 col(Criterion.id))
        return list((await self.session.exec(stmt)).all())

    async def assessments(self, sheet_id: int) -> list[Assessment]:
        stmt = select(Assessment).where(Assessment.sheet_id == sheet_id).order_by(col(Assessment.id))
        return list((await self.session.exec(stmt)).all())

    async def assessment(self, sheet_id: int, unit_id: int, for_update: bool = False) -> Assessment | None:
        """A unit's assessment; `for_update` locks the row (PostgreSQL) against a concurrent submit or reopen."""
        stmt = select(Assessment).where(Assessment.sheet_id == sheet_id, Assessment.unit_id == unit_id)
        if for_update:
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return (await self.session.exec(stmt)).first()

    async def lines(self, assessment_ids: Sequence[int]) -> list[AssessmentLine]:
        if not assessment_ids:
            return []
        stmt = select(AssessmentLine).where(col(AssessmentLine.assessment_id).in_(assessment_ids))
        return list((await self.session.exec(stmt.order_by(col(AssessmentLine.id)))).all())

    async def set_check(self, assessment: Assessment, code: str, score: Decimal | None, reason: str | None,
                        now: datetime) -> tuple[AssessmentLine, Decimal | None, str | None]:
        """The secretariat's checked score of one line (None clears it); returns the line and the
        previous checked score and reason. A criterion the unit left blank gets its line here."""
        assert assessment.id is not None
        stmt = select(AssessmentLine).where(AssessmentLine.assessment_id == assessment.id,
                                            AssessmentLine.criterion_code == code)
        line = (await self.session.exec(stmt)).first()
        if line is None:  # the unit's own edit trail (updated_at/by) stays the unit's
            line = AssessmentLine(assessment_id=assessment.id, criterion_code=code, updated_at=now)
        old_score, old_reason = line.checked_score, line.check_reason
        line.checked_score, line.check_reason = score, reason
        self.session.add(line)
        return line, old_score, old_reason
