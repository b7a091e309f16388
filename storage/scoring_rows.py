"""The statements of every scoring step, run on the driver (`storage/prepared.py`), and the rows they give.

A unit's scoring step reads the contact, unit, term and sheet, and the unit's draft, then writes one line:
through the ORM that cost several times the database's own work (issue 4's benchmark). The rows come
back as model objects that belong to no session: handlers read them, and `Scoring` changes them only
together with the statement that writes the change, so nothing is flushed behind its back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy import Column, and_, bindparam, insert, select
from sqlalchemy.orm import configure_mappers
from sqlalchemy.orm.instrumentation import ClassManager, manager_of_class
from sqlmodel import SQLModel

from storage.models import Assessment, AssessmentLine, ChatAccount, Contact, CriteriaSheet, Criterion, Term, Unit
from storage.prepared import Prepared, Updates

M = TypeVar("M", bound=SQLModel)


def _table(model: type[SQLModel]) -> Any:
    return model.__table__  # type: ignore[attr-defined]


class RowOf(Generic[M]):
    """Makes `model` objects from a run of columns of a result row (in the table's column order)."""

    def __init__(self, model: type[M]) -> None:
        self.model = model
        self.columns: list[Column[Any]] = list(_table(model).columns)
        self.names = [c.key for c in self.columns]
        self.width = len(self.names)
        self._manager: ClassManager[M] | None = None

    def make(self, values: Sequence[Any]) -> M | None:
        """None when the primary key is null: the outer join found no such row."""
        if values[0] is None:
            return None
        if self._manager is None:
            configure_mappers()  # the models' attributes are ready once the mappers are
            self._manager = manager_of_class(self.model)
        row = self._manager.new_instance()  # what the ORM does when it loads a row, without a session
        row.__dict__.update(zip(self.names, values, strict=True))
        return row

    def take(self, values: Sequence[Any], start: int = 0) -> M | None:
        return self.make(values[start:start + self.width])


CONTACT, UNIT, TERM = RowOf(Contact), RowOf(Unit), RowOf(Term)
SHEET, CRITERION = RowOf(CriteriaSheet), RowOf(Criterion)
ASSESSMENT, LINE = RowOf(Assessment), RowOf(AssessmentLine)

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
UPDATES = {model: Updates(_table(model), _table(model).c.id == bindparam("row_id"))
           for model in (Assessment, AssessmentLine)}
