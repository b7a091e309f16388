"""What the bot knows about a unit's timeliness, as a suggested deduction for the cross-check.

Read from the term's deadlines (cancelled ones left out) and the unit's submissions (handlers.deadlines):
the rule (rules/lateness.py) decides; applying it is the secretariat's checked score of the criterion,
through the cross-check's own `set_checks`, with a reason the unit is told.
"""

from __future__ import annotations

from datetime import datetime

from handlers.core.catalog import Catalog
from handlers.core.clock import format_local
from handlers.deadlines.due_text import due_text
from handlers.deadlines.rules.workdays import effective_due
from handlers.scoring.board import ScoreBoard
from handlers.scoring.rules.lateness import LATE, LATE_POINTS, MISSING_POINTS, Record, Suggestion, suggest
from handlers.scoring.rules.scores import show
from storage.models import Unit
from storage.uow import UnitOfWork


async def records(uow: UnitOfWork, term_id: int, unit_id: int) -> list[Record]:
    deadlines = await uow.deadlines.of_term(term_id)
    current = {s.deadline_id: s for s in await uow.deadlines.current_submissions(
        [d.id for d in deadlines if d.id is not None]) if s.unit_id == unit_id}
    found = []
    for d in deadlines:
        assert d.id is not None
        standing = current.get(d.id)
        first_at = standing.submitted_at if standing else None
        if standing is not None and standing.late:  # a late one shows when it first came in
            history = await uow.deadlines.submission_history(d.id, unit_id)
            first_at = min((s.submitted_at for s in history), default=first_at)
        found.append(Record(d.title, d.due_at, effective_due(d.due_at), first_at,
                            standing.late if standing else False))
    return found


async def suggestion(uow: UnitOfWork, board: ScoreBoard, unit: Unit, now: datetime) -> Suggestion | None:
    assert unit.id is not None
    criteria = [(c.kind, c.code, c.text, c.max_score) for c in board.criteria]
    return suggest(await records(uow, board.sheet.term_id, unit.id), now, criteria, board.sheet.step)


def lines(t: Catalog, found: Suggestion, board: ScoreBoard, unit: Unit) -> list[str]:
    """The suggestion as the unit's cross-check shows it: the points and the criterion, then each lapse."""
    criterion = board.criterion(found.code) if found.code else None
    if criterion is None:
        head = t("sca.suggest_no_criterion", late=found.late, missing=found.missing)
    else:
        checked = board.mark(unit, criterion.code).checked
        key = "sca.suggest_applied" if checked == found.points else "sca.suggest_head"
        head = t(key, points=show(found.points), code=criterion.code, text=criterion.text,
                 late_points=show(LATE_POINTS), missing_points=show(MISSING_POINTS), max=show(criterion.max_score))
    items = [t("sca.suggest_late", title=lapse.title, due=due_text(t, lapse.due),
               at=format_local(lapse.at) if lapse.at else "") if lapse.kind == LATE
             else t("sca.suggest_missing", title=lapse.title, due=due_text(t, lapse.due)) for lapse in found.lapses]
    return [head, *items]


def reason(t: Catalog, found: Suggestion) -> str:
    """The reason stored with the applied deduction (the unit reads it): short, within 300 characters."""
    return t("sca.suggest_reason", late=found.late, missing=found.missing)[:300]


def applicable(found: Suggestion | None, board: ScoreBoard, unit: Unit) -> bool:
    """A button to apply it: there are points, a criterion, and its checked score is not that already."""
    if found is None or found.code is None or found.points <= 0 or board.criterion(found.code) is None:
        return False
    return board.mark(unit, found.code).checked != found.points
