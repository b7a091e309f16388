"""What the secretariat reads and writes about a term's scoring: the active sheet, every unit's
assessment and lines, the cross-check. (Reopening is the scoring service's.)"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select as sa_select
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage import scoring_rows as rows
from storage.models import ASSESSMENT_DRAFT, ASSESSMENT_SUBMITTED, CriteriaSheet, Criterion
from storage.scoring import sheet_in_force
from storage.scoring_rows import ScoreLine, SelfAssessment

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

    async def assessments(self, sheet_id: int) -> list[SelfAssessment]:
        found = await rows.ASSESSMENTS_BY_ID.all(self.session, {"sheet_id": sheet_id})
        return [a for a in (rows.ASSESSMENT.make(r) for r in found) if a is not None]

    async def assessment(self, sheet_id: int, unit_id: int, for_update: bool = False) -> SelfAssessment | None:
        """A unit's assessment; `for_update` locks the row (PostgreSQL) against a concurrent submit or reopen."""
        statement = rows.LOCK_OF_UNIT if for_update else rows.ASSESSMENT_OF_UNIT
        found = await statement.first(self.session, {"sheet_id": sheet_id, "unit_id": unit_id})
        return rows.ASSESSMENT.make(found) if found is not None else None

    async def lines(self, assessment_ids: Sequence[int]) -> list[ScoreLine]:
        if not assessment_ids:
            return []
        line = rows.LINE.columns[0].table
        stmt = sa_select(*rows.LINE.columns).where(line.c.assessment_id.in_(assessment_ids)).order_by(line.c.id)
        found = (await (await self.session.connection()).execute(stmt)).all()
        return [x for x in (rows.LINE.make(r) for r in found) if x is not None]

    async def set_check(self, assessment: SelfAssessment, code: str, score: Decimal | None, reason: str | None,
                        now: datetime) -> tuple[ScoreLine, Decimal | None, str | None]:
        """The secretariat's checked score of one line (None clears it); returns the line and the
        previous checked score and reason. A criterion the unit left blank gets its line here."""
        found = await rows.LINE_OF.first(self.session, {"assessment_id": assessment.id, "code": code})
        line = rows.LINE.make(found) if found is not None else None
        if line is None:  # the unit's own edit trail (updated_at/by) stays the unit's
            values: dict[str, object] = {c: None for c in rows.LINE.names if c != "id"}
            values.update(assessment_id=assessment.id, criterion_code=code, updated_at=now, checked_score=score,
                          check_reason=reason)
            made = await rows.NEW_LINE.first(self.session, values)
            assert made is not None
            line = rows.LINE.make((made[0], *(values[c] for c in rows.LINE.names[1:])))
            assert line is not None
            return line, None, None
        old_score, old_reason = line.checked_score, line.check_reason
        changes = {"checked_score": score, "check_reason": reason}
        await rows.UPDATES[ScoreLine].of(frozenset(changes)).execute(self.session, {"row_id": line.id, **changes})
        line.checked_score, line.check_reason = score, reason
        return line, old_score, old_reason
