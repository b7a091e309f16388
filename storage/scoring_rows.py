"""The statements of every scoring step, and the plain rows they give (`storage/prepared.py` runs them).

A unit's scoring step reads the contact, unit, term and sheet, and the unit's draft, then writes one line:
through the ORM that cost several times the database's own work (issue 4's benchmark). A self-assessment
and its lines come back as plain dataclasses, the one kind both the unit's steps and the secretariat's
see; they are written only by explicit statements (`storage/scoring.py`), so there is no session copy to
keep in step. The contact, unit, term, sheet and criteria come back as their models built without a
session (`model_construct`): read-only values for the handlers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from decimal import Decimal
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy import Column, and_, bindparam, insert, select
from sqlmodel import SQLModel

from storage.models import Assessment, AssessmentLine, ChatAccount, Contact, CriteriaSheet, Criterion, Term, Unit
from storage.prepared import Prepared, Updates


@dataclass(slots=True)
class SelfAssessment:
    """A unit's self-assessment of one sheet (the `assessment` row): a shared draft until submitted."""

    id: int
    sheet_id: int
    unit_id: int
    status: str
    updated_at: datetime
    updated_by: int | None
    submitted_at: datetime | None
    submitted_by: int | None
    late: bool
    reopened_reason: str | None


@dataclass(slots=True)
class ScoreLine:
    """One criterion of a self-assessment (the `assessment_line` row): the unit's and the checked score."""

    id: int
    assessment_id: int
    criterion_code: str
    self_score: Decimal | None
    explanation: str | None
    evidence_file_id: str | None
    evidence_name: str | None
    checked_score: Decimal | None
    check_reason: str | None
    updated_at: datetime
    updated_by: int | None


def _table(model: type[SQLModel]) -> Any:
    return model.__table__  # type: ignore[attr-defined]


class _Made(Protocol):
    id: Any


M = TypeVar("M", bound=_Made)


class RowOf(Generic[M]):
    """Makes `make` objects from a run of columns of a result row, in the table's column order."""

    def __init__(self, model: type[SQLModel], make: Any) -> None:
        self.columns: list[Column[Any]] = list(_table(model).columns)
        self.names = [c.key for c in self.columns]
        self.width = len(self.names)
        self._make = make

    def make(self, values: Sequence[Any]) -> M | None:
        """None when the primary key is null: the outer join found no such row."""
        if values[0] is None:
            return None
        made: M = self._make(**dict(zip(self.names, values, strict=True)))
        return made

    def take(self, values: Sequence[Any], start: int = 0) -> M | None:
        return self.make(values[start:start + self.width])


assert [f.name for f in fields(SelfAssessment)] == [c.key for c in _table(Assessment).columns]
assert [f.name for f in fields(ScoreLine)] == [c.key for c in _table(AssessmentLine).columns]

CONTACT: RowOf[Contact] = RowOf(Contact, Contact.model_construct)
UNIT: RowOf[Unit] = RowOf(Unit, Unit.model_construct)
TERM: RowOf[Term] = RowOf(Term, Term.model_construct)
SHEET: RowOf[CriteriaSheet] = RowOf(CriteriaSheet, CriteriaSheet.model_construct)
CRITERION: RowOf[Criterion] = RowOf(Criterion, Criterion.model_construct)
ASSESSMENT: RowOf[SelfAssessment] = RowOf(Assessment, SelfAssessment)
LINE: RowOf[ScoreLine] = RowOf(AssessmentLine, ScoreLine)

_contact, _unit, _term, _sheet = _table(Contact), _table(Unit), _table(Term), _table(CriteriaSheet)
_criterion, _assessment, _line, _account = _table(Criterion), _table(Assessment), _table(AssessmentLine), \
    _table(ChatAccount)

# The contact, if still active and reached through this chat account, with its unit, its block's current
# term and that term's active sheet (each null when missing): what every step checks first.
_PLACE = (
    select(*CONTACT.columns, *UNIT.columns, *TERM.columns, *SHEET.columns).select_from(_contact)
    .join(_account, and_(_account.c.contact_id == _contact.c.id, _account.c.channel == bindparam("channel"),
                         _account.c.user_id == bindparam("user_id")))
    .outerjoin(_unit, _unit.c.id == _contact.c.unit_id)
    .outerjoin(_term, and_(_term.c.block_id == _contact.c.block_id, _term.c.is_current.is_(True)))
    .outerjoin(_sheet, and_(_sheet.c.term_id == _term.c.id, _sheet.c.active.is_(True)))
    .where(_contact.c.id == bindparam("contact_id"), _contact.c.revoked_at.is_(None))
    .order_by(_sheet.c.version.desc()).limit(1)
)
PLACE = Prepared(_PLACE)
# The same, locking on the way the unit's assessment of the sheet the step expects (PostgreSQL; SQLite's
# BEGIN IMMEDIATE already serialises writers). The lock is taken in this statement so that the next one,
# which reads the lines, starts after it: a statement sees what was committed before it began.
PLACE_LOCKING = Prepared(_PLACE.add_columns(
    select(_assessment.c.id).where(_assessment.c.sheet_id == bindparam("sheet_id"),
                                   _assessment.c.unit_id == _contact.c.unit_id)
    .with_for_update().scalar_subquery()))
PLACE_WIDTH = CONTACT.width + UNIT.width + TERM.width + SHEET.width

# The sheet's lines with the unit's assessment and lines; the same without the sheet's lines once known.
DRAFT = Prepared(
    select(*CRITERION.columns, *ASSESSMENT.columns, *LINE.columns).select_from(_criterion)
    .outerjoin(_assessment, and_(_assessment.c.sheet_id == _criterion.c.sheet_id,
                                 _assessment.c.unit_id == bindparam("unit_id")))
    .outerjoin(_line, and_(_line.c.assessment_id == _assessment.c.id, _line.c.criterion_code == _criterion.c.code))
    .where(_criterion.c.sheet_id == bindparam("sheet_id"))
    .order_by(_criterion.c.position, _criterion.c.id)
)
DRAFT_LINES = Prepared(
    select(*ASSESSMENT.columns, *LINE.columns).select_from(_assessment)
    .outerjoin(_line, _line.c.assessment_id == _assessment.c.id)
    .where(_assessment.c.sheet_id == bindparam("sheet_id"), _assessment.c.unit_id == bindparam("unit_id"))
    .order_by(_line.c.id)
)

_OF_UNIT = and_(_assessment.c.sheet_id == bindparam("sheet_id"), _assessment.c.unit_id == bindparam("unit_id"))
ASSESSMENT_OF_UNIT = Prepared(select(*ASSESSMENT.columns).where(_OF_UNIT))
ASSESSMENT_BY_ID = Prepared(select(*ASSESSMENT.columns).where(_assessment.c.id == bindparam("id")))
ASSESSMENTS = Prepared(select(*ASSESSMENT.columns).where(_assessment.c.sheet_id == bindparam("sheet_id"))
                       .order_by(_assessment.c.unit_id))
LOCK_OF_UNIT = Prepared(select(*ASSESSMENT.columns).where(_OF_UNIT).with_for_update())
LOCK_BY_ID = Prepared(select(*ASSESSMENT.columns).where(_assessment.c.id == bindparam("id")).with_for_update())
LINES = Prepared(select(*LINE.columns).where(_line.c.assessment_id == bindparam("assessment_id"))
                 .order_by(_line.c.id))
LINE_OF = Prepared(select(*LINE.columns).where(_line.c.assessment_id == bindparam("assessment_id"),
                                               _line.c.criterion_code == bindparam("code")))
NEW_LINE = Prepared(insert(_line).values({c.key: bindparam(c.key) for c in LINE.columns if c.key != "id"})
                    .returning(_line.c.id))

# UPDATE … WHERE id = :row_id of just the columns a write changes
UPDATES: dict[type[SelfAssessment] | type[ScoreLine], Updates] = {
    kind: Updates(_table(model), _table(model).c.id == bindparam("row_id"))
    for kind, model in ((SelfAssessment, Assessment), (ScoreLine, AssessmentLine))}

# the secretariat's reads and its checked score
ASSESSMENTS_BY_ID = Prepared(select(*ASSESSMENT.columns).where(_assessment.c.sheet_id == bindparam("sheet_id"))
                             .order_by(_assessment.c.id))
