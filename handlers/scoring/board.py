"""The term's scoring as the secretariat sees it: the active sheet, each unit's progress, marks, totals
and the ranking. `load` reads it through the unit of work; the rest are pure views of it, shared by
the chat, the exports and the command line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from handlers.deadlines.rules.workdays import effective_due
from handlers.scoring.rules.ranking import FINAL, Mark, Standing, rank, unit_totals
from handlers.scoring.rules.scores import Totals
from storage.models import CriteriaSheet, Criterion, Unit
from storage.scoring_reports import SUBMITTED
from storage.scoring_rows import ScoreLine, SelfAssessment
from storage.uow import UnitOfWork

NO_TERM, NO_SHEET = "no_term", "no_sheet"
NOT_STARTED, IN_PROGRESS, REOPENED, DONE = "not_started", "in_progress", "reopened", "submitted"


@dataclass(frozen=True)
class Progress:
    state: str  # NOT_STARTED | IN_PROGRESS | REOPENED | DONE
    scored: int  # criteria with a self score
    checked: int  # criteria with a checked score
    assessment: SelfAssessment | None


@dataclass(frozen=True)
class ScoreBoard:
    block_id: int
    block: str
    year: int
    at: datetime
    sheet: CriteriaSheet
    criteria: list[Criterion]
    units: list[Unit]
    assessments: dict[int, SelfAssessment]  # by unit id
    marks: dict[int, dict[str, Mark]]  # unit id → criterion code → mark
    lines: dict[int, dict[str, ScoreLine]]  # the same, as stored: explanations, reasons
    due: datetime | None = None  # the self-assessment deadline's due time, if the term has one

    def overdue(self, unit: Unit) -> bool:
        """Never submitted, and the self-assessment deadline has passed (a sheet reopened for correction
        keeps the timeliness of its first submission)."""
        found = self.assessments.get(unit.id or -1)
        return self.due is not None and self.at > self.due and (found is None or found.submitted_at is None)

    def unit(self, code: str) -> Unit | None:
        wanted = code.strip().casefold()
        return next((u for u in self.units if u.code.casefold() == wanted), None)

    def unit_by_id(self, unit_id: object) -> Unit | None:
        return next((u for u in self.units if u.id == unit_id), None) if isinstance(unit_id, int) else None

    def criterion(self, code: str) -> Criterion | None:
        wanted = code.strip().casefold()
        return next((c for c in self.criteria if c.code.casefold() == wanted), None)

    def marks_of(self, unit: Unit) -> dict[str, Mark]:
        return self.marks.get(unit.id or -1, {})

    def mark(self, unit: Unit, code: str) -> Mark:
        return self.marks_of(unit).get(code, Mark())

    def line(self, unit: Unit, code: str) -> ScoreLine | None:
        return self.lines.get(unit.id or -1, {}).get(code)

    def submitted(self, unit: Unit) -> bool:
        found = self.assessments.get(unit.id or -1)
        return found is not None and found.status == SUBMITTED

    def progress(self, unit: Unit) -> Progress:
        found = self.assessments.get(unit.id or -1)
        marks = self.marks_of(unit)
        codes = {c.code for c in self.criteria}
        scored = sum(1 for code, m in marks.items() if code in codes and m.self_score is not None)
        checked = sum(1 for code, m in marks.items() if code in codes and m.checked is not None)
        if found is None:
            return Progress(NOT_STARTED, 0, 0, None)
        if found.status == SUBMITTED:
            return Progress(DONE, scored, checked, found)
        return Progress(REOPENED if found.reopened_reason else IN_PROGRESS, scored, checked, found)

    def totals(self, unit: Unit, which: str = FINAL) -> Totals:
        return unit_totals(self.criteria, self.marks_of(unit), which)

    def standings(self) -> list[Standing[int]]:
        """The ranking of the units that have submitted, by final total."""
        return rank([(u.id or -1, self.totals(u).total) for u in self.units if self.submitted(u)])

    def sections(self) -> list[tuple[str, str, list[Criterion]]]:
        """(kind, section code, criteria) in sheet order: base sections, then bonus, then deductions."""
        groups: dict[tuple[str, str], list[Criterion]] = {}
        for c in self.criteria:
            groups.setdefault((c.kind, c.section_code if c.kind == "base" else ""), []).append(c)
        order = {"base": 0, "bonus": 1, "deduction": 2}
        return [(kind, section, items) for (kind, section), items
                in sorted(groups.items(), key=lambda item: order.get(item[0][0], 0))]

    @property
    def base_max(self) -> Decimal:
        return sum((c.max_score for c in self.criteria if c.kind == "base"), Decimal(0))


async def load(uow: UnitOfWork, block_id: int, now: datetime) -> ScoreBoard | str:
    """The board, or why there is none: NO_TERM, NO_SHEET."""
    block = await uow.directory.block(block_id)
    term = await uow.directory.current_term(block_id)
    if block is None or term is None or term.id is None:
        return NO_TERM
    sheet = await uow.scoring_reports.active_sheet(term.id)
    if sheet is None or sheet.id is None:
        return NO_SHEET
    criteria = await uow.scoring_reports.criteria(sheet.id)
    assessments = {a.unit_id: a for a in await uow.scoring_reports.assessments(sheet.id)}
    by_id = {a.id: a.unit_id for a in assessments.values()}
    marks: dict[int, dict[str, Mark]] = {}
    lines: dict[int, dict[str, ScoreLine]] = {}
    for line in await uow.scoring_reports.lines([i for i in by_id if i is not None]):
        unit_id = by_id[line.assessment_id]
        marks.setdefault(unit_id, {})[line.criterion_code] = Mark(line.self_score, line.checked_score)
        lines.setdefault(unit_id, {})[line.criterion_code] = line
    due = next((effective_due(d.due_at) for d in await uow.deadlines.of_term(term.id)
                if d.kind == "self_assessment" and d.cancelled_at is None), None)
    return ScoreBoard(block_id, block.name, term.year, now, sheet, criteria, await uow.directory.units(block_id),
                      assessments, marks, lines, due)

