"""Scoring sheets and the units' self-assessments: what the chat and the secretariat read and write.

A draft belongs to the unit: one `SelfAssessment` per sheet and unit, one `ScoreLine` per criterion.
Every write goes through `lock` first: the assessment row is locked for the rest of the transaction
(SELECT … FOR UPDATE on PostgreSQL; on SQLite, BEGIN IMMEDIATE already serialises writers), so two
contacts of a unit answering at the same moment take turns, and each answer touches its own line.
Lines read after the lock cannot change before the commit, so the writes reuse them instead of
reading each line again (one round trip less per answer).

The unit's own steps read and write through Core statements (`storage/scoring_rows.py`): a self-assessment
and its lines are plain dataclasses, and each write is its own UPDATE or INSERT, never a flush.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime
from decimal import Decimal
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession
from sqlmodel.sql.expression import SelectOfScalar

from storage import scoring_rows as rows
from storage.models import (
    ASSESSMENT_DRAFT,
    ASSESSMENT_SUBMITTED,
    Assessment,
    Contact,
    CriteriaSheet,
    Criterion,
    Term,
    Unit,
)
from storage.prepared import Prepared
from storage.scoring_rows import ScoreLine, SelfAssessment
from storage.upsert import insert_ignore

DRAFT, SUBMITTED = ASSESSMENT_DRAFT, ASSESSMENT_SUBMITTED  # re-exported for the callers
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


def sheet_in_force(term_id: int) -> SelectOfScalar[CriteriaSheet]:
    """The term's sheet in force, the one place it is decided: the active sheet of the highest version."""
    return (select(CriteriaSheet).where(CriteriaSheet.term_id == term_id, col(CriteriaSheet.active).is_(True))
            .order_by(col(CriteriaSheet.version).desc()).limit(1))


class Scoring:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
        self._locked_ids: set[int] = set()
        self._fresh: dict[int, dict[str, ScoreLine]] = {}  # lines read under the lock, by assessment id

    # sheets ---------------------------------------------------------------------------------------

    async def active_sheet(self, term_id: int) -> CriteriaSheet | None:
        """The sheet units score against in this term (`sheet_in_force`)."""
        return (await self.session.exec(sheet_in_force(term_id))).first()

    async def sheets(self, term_id: int) -> list[CriteriaSheet]:
        """Every version of the term's sheet, oldest first."""
        stmt = select(CriteriaSheet).where(CriteriaSheet.term_id == term_id).order_by(col(CriteriaSheet.version))
        return list((await self.session.exec(stmt)).all())

    async def place(self, contact_id: int, channel: str, user_id: str) -> Place | None:
        """The contact, if still active and reached through this chat account, with its unit, its block's
        current term and that term's active sheet (each None when missing), in one query: what every
        step of a unit's scoring checks first."""
        params = {"contact_id": contact_id, "channel": channel, "user_id": user_id}
        return self._place(await rows.PLACE.first(self.session, params))

    async def place_locking(self, contact_id: int, channel: str, user_id: str, sheet_id: int) -> Place | None:
        """As `place`, and the unit's assessment of `sheet_id` (the sheet the step expects), if the unit
        has started it, is locked until commit, as by `lock_existing`; `draft` then reads it."""
        params = {"contact_id": contact_id, "channel": channel, "user_id": user_id, "sheet_id": sheet_id}
        row = await rows.PLACE_LOCKING.first(self.session, params)
        if row is not None and row[rows.PLACE_WIDTH] is not None:
            self._locked_ids.add(row[rows.PLACE_WIDTH])
        return self._place(row)

    @staticmethod
    def _place(row: tuple[Any, ...] | None) -> Place | None:
        if row is None:
            return None
        contact = rows.CONTACT.take(row)
        assert contact is not None
        at = rows.CONTACT.width
        unit = rows.UNIT.take(row, at)
        term = rows.TERM.take(row, at + rows.UNIT.width)
        sheet = rows.SHEET.take(row, at + rows.UNIT.width + rows.TERM.width)
        return contact, unit, term, sheet

    async def sheet(self, sheet_id: int) -> CriteriaSheet | None:
        return await self.session.get(CriteriaSheet, sheet_id)

    async def draft(self, sheet_id: int, unit_id: int
                    ) -> tuple[SelfAssessment | None, list[Criterion], dict[str, ScoreLine]]:
        """The unit's assessment of the sheet (None when the unit has not started), the sheet's lines in
        sheet order and the assessment's lines by code, in one query: what every step of a unit's
        scoring reads. Locked (`place_locking`, `lock_existing`) when the step writes."""
        params = {"sheet_id": sheet_id, "unit_id": unit_id}
        sheets = _frozen(self.session)
        known = sheets.get(sheet_id)
        assessment: SelfAssessment | None
        if known is not None:
            sheets.move_to_end(sheet_id)
            found = await rows.DRAFT_LINES.all(self.session, params)
            assessment = rows.ASSESSMENT.take(found[0]) if found else None
            codes = {c.code for c in known}
            lines = {line.criterion_code: line for line in (rows.LINE.take(r, rows.ASSESSMENT.width) for r in found)
                     if line is not None and line.criterion_code in codes}
            criteria = list(known)
        else:
            found = await rows.DRAFT.all(self.session, params)
            if not found:  # a sheet without lines
                return await self.assessment(sheet_id, unit_id), [], {}
            width = rows.CRITERION.width
            assessment = rows.ASSESSMENT.take(found[0], width)
            criteria = [c for c in (rows.CRITERION.take(r) for r in found) if c is not None]
            lines = {line.criterion_code: line for line in (rows.LINE.take(r, width + rows.ASSESSMENT.width)
                                                            for r in found) if line is not None}
            if assessment is not None:  # started: the sheet's lines can no longer change
                _remember(self.session, sheet_id, criteria)
        if assessment is not None and assessment.id in self._locked_ids:
            self._fresh[assessment.id] = dict(lines)
        return assessment, criteria, lines

    def is_locked(self, assessment: SelfAssessment) -> bool:
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

    async def assessment(self, sheet_id: int, unit_id: int) -> SelfAssessment | None:
        return await self._assessment(rows.ASSESSMENT_OF_UNIT, {"sheet_id": sheet_id, "unit_id": unit_id})

    async def assessment_by_id(self, assessment_id: int) -> SelfAssessment | None:
        return await self._assessment(rows.ASSESSMENT_BY_ID, {"id": assessment_id})

    async def assessments(self, sheet_id: int) -> list[SelfAssessment]:
        """Every unit's assessment of the sheet (units that never started have none)."""
        found = await rows.ASSESSMENTS.all(self.session, {"sheet_id": sheet_id})
        return [a for a in (rows.ASSESSMENT.make(r) for r in found) if a is not None]

    async def lines(self, assessment_id: int) -> dict[str, ScoreLine]:
        """The assessment's lines by criterion code (a criterion never touched has no line)."""
        found = await rows.LINES.all(self.session, {"assessment_id": assessment_id})
        lines = {line.criterion_code: line for line in (rows.LINE.make(r) for r in found) if line is not None}
        if assessment_id in self._locked_ids:
            self._fresh[assessment_id] = dict(lines)
        return lines

    async def _assessment(self, statement: Prepared, params: dict[str, Any]) -> SelfAssessment | None:
        row = await statement.first(self.session, params)
        return rows.ASSESSMENT.make(row) if row is not None else None

    # writing: always under the assessment's lock ---------------------------------------------------

    async def lock(self, sheet_id: int, unit_id: int, now: datetime) -> SelfAssessment:
        """The unit's assessment of the sheet, created as a draft when missing, locked until commit."""
        row = await self.lock_existing(sheet_id, unit_id)
        if row is not None:
            return row
        await insert_ignore(self.session, Assessment, {"sheet_id": sheet_id, "unit_id": unit_id, "status": DRAFT,
                                                       "updated_at": now, "late": False})
        row = await self.lock_existing(sheet_id, unit_id)
        assert row is not None
        return row

    async def lock_existing(self, sheet_id: int, unit_id: int) -> SelfAssessment | None:
        """As `lock`, but None (and nothing created) when the unit has not started."""
        return await self._locked(rows.LOCK_OF_UNIT, {"sheet_id": sheet_id, "unit_id": unit_id})

    async def lock_by_id(self, assessment_id: int) -> SelfAssessment | None:
        return await self._locked(rows.LOCK_BY_ID, {"id": assessment_id})

    async def _locked(self, statement: Prepared, params: dict[str, Any]) -> SelfAssessment | None:
        row = await self._assessment(statement, params)
        if row is not None and row.id is not None:
            self._locked_ids.add(row.id)
        return row

    async def _line(self, assessment: SelfAssessment, code: str, now: datetime, by: int | None,
                    **changes: Any) -> ScoreLine:
        """Change one line (created when missing); the line and the draft record who and when."""
        assert assessment.id is not None
        fresh = self._fresh.get(assessment.id)
        if fresh is not None:
            line = fresh.get(code)
        else:
            found = await rows.LINE_OF.first(self.session, {"assessment_id": assessment.id, "code": code})
            line = rows.LINE.make(found) if found is not None else None
        changes.update(updated_at=now, updated_by=by)
        if line is None:
            values: dict[str, Any] = {c: None for c in rows.LINE.names if c != "id"}
            values.update(assessment_id=assessment.id, criterion_code=code, **changes)
            made = await rows.NEW_LINE.first(self.session, values)
            assert made is not None
            line = rows.LINE.make((made[0], *(values[c] for c in rows.LINE.names[1:])))
            assert line is not None
            if fresh is not None:
                fresh[code] = line
        else:
            await self._write(line, changes)
        await self._write(assessment, {"updated_at": now, "updated_by": by})
        return line

    async def _write(self, row: SelfAssessment | ScoreLine, changes: dict[str, Any]) -> None:
        """UPDATE the row, and the dataclass the caller holds with it (no session holds a copy)."""
        await rows.UPDATES[type(row)].of(frozenset(changes)).execute(self.session, {"row_id": row.id, **changes})
        for name, value in changes.items():
            setattr(row, name, value)

    async def set_score(self, assessment: SelfAssessment, code: str, score: Decimal | None, now: datetime,
                        by: int | None) -> ScoreLine:
        """The unit's own score of one line (already checked against the criterion by the caller)."""
        return await self._line(assessment, code, now, by, self_score=score)

    async def set_explanation(self, assessment: SelfAssessment, code: str, text: str | None, now: datetime,
                              by: int | None) -> ScoreLine:
        return await self._line(assessment, code, now, by, explanation=text)

    async def set_evidence(self, assessment: SelfAssessment, code: str, file_id: str | None, name: str | None,
                           now: datetime, by: int | None) -> ScoreLine:
        """A document the platform holds (its file id, which only means something on that platform)."""
        return await self._line(assessment, code, now, by, evidence_file_id=file_id, evidence_name=name)

    async def mark_submitted(self, assessment: SelfAssessment, now: datetime, by: int | None, late: bool) -> None:
        await self._write(assessment, {
            "status": SUBMITTED, "submitted_at": now, "submitted_by": by, "late": late, "reopened_reason": None,
            "updated_at": now, "updated_by": by})

    async def mark_reopened(self, assessment: SelfAssessment, reason: str) -> None:
        """Back to a draft the unit can edit; when and by whom it was submitted stays, for the record."""
        await self._write(assessment, {"status": DRAFT, "reopened_reason": reason})
