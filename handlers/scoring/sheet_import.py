"""Attaching a validated criteria sheet to a block's term; importing the same sheet twice changes nothing.

A sheet no unit has started on is corrected in place: nobody has scored against the old lines. Once a
unit has an assessment, its draft refers to the criteria it saw, so a changed sheet becomes a new
version (the old one is kept, inactive) and the contacts of every unit that had started are told to
check their draft against it. A unit that had already submitted on the old version has nothing on the
new one: its submission for the self-assessment deadline is withdrawn (kept as history), so the deadline,
its reminders and /nop show it as due again, and its contacts are told to score and submit again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final

from handlers.core.people import acts_for_unit
from handlers.deadlines.service import Notice, outbox_teller
from handlers.scoring.sheet_file.model import CriterionSpec, SectionSpec, SheetSpec
from storage.models import Block, CriteriaSheet, Criterion, Term
from storage.scoring_reports import SUBMITTED
from storage.uow import UnitOfWork

SELF_ASSESSMENT: Final = "self_assessment"
CREATED: Final = "created"  # the term had no sheet: version 1
UNCHANGED: Final = "unchanged"
REPLACED: Final = "replaced"  # the active version corrected in place (no unit had started)
NEW_VERSION: Final = "new_version"  # units had started: a new active version, the old one kept


class NoTerm(LookupError):
    """The block has no current term (or none of the year asked for) to attach a sheet to."""


@dataclass(frozen=True)
class SheetImportResult:
    sheet_id: int
    version: int
    action: str  # CREATED | UNCHANGED | REPLACED | NEW_VERSION
    year: int
    previous_version: int | None = None  # the version made inactive by NEW_VERSION
    units_started: int = 0  # units with an assessment on the previous version (NEW_VERSION only)
    units_resubmit: int = 0  # of those, units that had submitted it: their deadline submission withdrawn
    contacts_told: int = 0
    deadlines_linked: int = 0  # self-assessment deadlines whose `sheet` was set to the title


@dataclass(frozen=True)
class StoredSheet:
    """A term's sheet as stored, read back as a spec."""

    block: Block
    term: Term
    sheet: CriteriaSheet
    spec: SheetSpec
    older_versions: tuple[int, ...]


def spec_of(sheet: CriteriaSheet, criteria: list[Criterion]) -> SheetSpec:
    """Stored rows back into the spec they were made from (sections in order of first appearance)."""
    sections: dict[str, tuple[str, list[CriterionSpec]]] = {}
    bonus: list[CriterionSpec] = []
    deductions: list[CriterionSpec] = []
    for row in criteria:
        item = CriterionSpec(row.code, row.text, row.max_score)
        if row.kind == "bonus":
            bonus.append(item)
        elif row.kind == "deduction":
            deductions.append(item)
        else:
            sections.setdefault(row.section_code, (row.section_title, []))[1].append(item)
    return SheetSpec(
        sheet.title,
        sheet.step,
        tuple(SectionSpec(code, title, tuple(items)) for code, (title, items) in sections.items()),
        tuple(bonus),
        tuple(deductions),
    )


async def stored_sheet(uow: UnitOfWork, block_id: int) -> StoredSheet | None:
    """The active sheet of the block's current term; None when there is none. NoTerm without a term."""
    block, term = await uow.directory.block(block_id), await uow.directory.current_term(block_id)
    if block is None or term is None or term.id is None:
        raise NoTerm(block_id)
    sheets = await uow.scoring.sheets(term.id)
    sheet = await uow.scoring.active_sheet(term.id)
    if sheet is None or sheet.id is None:
        return None
    older = tuple(s.version for s in sheets if s.id != sheet.id)
    return StoredSheet(block, term, sheet, spec_of(sheet, await uow.scoring.criteria(sheet.id)), older)


async def _term(uow: UnitOfWork, block_id: int, year: int | None) -> Term:
    """The term, locked (PostgreSQL) so that two imports of one term never race for a version."""
    term = await uow.directory.lock_term(block_id, year)
    if term is None or term.id is None:
        raise NoTerm(block_id)
    return term


def _add_criteria(uow: UnitOfWork, sheet_id: int, spec: SheetSpec) -> None:
    for position, line in enumerate(spec.lines(), start=1):
        item = line.criterion
        uow.scoring.add(Criterion(sheet_id=sheet_id, kind=line.kind, section_code=line.section_code,
                                  section_title=line.section_title, code=item.code, text=item.text,
                                  max_score=item.max, position=position))


async def _started_units(uow: UnitOfWork, sheet_id: int) -> dict[int, bool]:
    """Unit id → whether its assessment on the sheet is submitted."""
    return {a.unit_id: a.status == SUBMITTED for a in await uow.scoring.assessments(sheet_id)}


async def _withdraw(uow: UnitOfWork, term_id: int, unit_ids: list[int], now: datetime) -> None:
    """The self-assessment submissions of these units no longer stand: they were made on the old sheet."""
    deadlines = [d.id for d in await uow.deadlines.of_term(term_id) if d.kind == SELF_ASSESSMENT and d.id]
    for submission in await uow.deadlines.current_submissions(deadlines):
        if submission.unit_id in unit_ids and submission.kind == "assessment":
            submission.superseded_at = now
            uow.deadlines.add(submission)


async def import_sheet(uow: UnitOfWork, block_id: int, spec: SheetSpec, now: datetime, *,
                       year: int | None = None, actor: str = "operator") -> SheetImportResult:
    """Attach `spec` to the block's current term (or the term of `year`). Raises NoTerm without one."""
    term = await _term(uow, block_id, year)
    assert term.id is not None
    sheets = await uow.scoring.sheets(term.id)
    active = await uow.scoring.active_sheet(term.id)
    previous: int | None = None
    started: dict[int, bool] = {}
    if active is None:
        sheet = CriteriaSheet(term_id=term.id, version=max((s.version for s in sheets), default=0) + 1,
                              title=spec.title, step=spec.step, created_at=now)
        action = CREATED
    else:
        assert active.id is not None
        old = await uow.scoring.criteria(active.id)
        started = await _started_units(uow, active.id)
        sheet = active
        if spec_of(active, old) == spec:
            action = UNCHANGED
        elif not started:
            action = REPLACED
            for row in old:
                await uow.scoring.delete(row)
            await uow.flush()  # codes are unique per sheet: the old rows go before the new ones come
            active.title, active.step = spec.title, spec.step
        else:
            action, previous = NEW_VERSION, active.version
            active.active = False
            uow.scoring.add(active)
            sheet = CriteriaSheet(term_id=term.id, version=max(s.version for s in sheets) + 1,
                                  title=spec.title, step=spec.step, created_at=now)
    if action != UNCHANGED:
        uow.scoring.add(sheet)
        await uow.flush()
        assert sheet.id is not None
        _add_criteria(uow, sheet.id, spec)
    linked = await _link_deadlines(uow, term.id, spec.title)
    resubmit = sorted(u for u, submitted in started.items() if submitted) if action == NEW_VERSION else []
    if resubmit:
        await _withdraw(uow, term.id, resubmit, now)
    told = await _tell(uow, block_id, started, sheet, now) if action == NEW_VERSION else 0
    assert sheet.id is not None
    if action != UNCHANGED or linked:
        uow.audit.record(now, actor, "import_sheet", block_id, year=term.year, sheet_id=sheet.id,
                         version=sheet.version, result=action, title=spec.title,
                         criteria=sum(1 for _ in spec.lines()), previous_version=previous,
                         units_started=len(started) if action == NEW_VERSION else 0, contacts_told=told,
                         deadlines_linked=linked, units_resubmit=len(resubmit))
    return SheetImportResult(sheet.id, sheet.version, action, term.year, previous,
                             len(started) if action == NEW_VERSION else 0, len(resubmit), told, linked)


async def _link_deadlines(uow: UnitOfWork, term_id: int, title: str) -> int:
    """The term's self-assessment deadlines name the sheet they are scored against."""
    linked = 0
    for deadline in await uow.deadlines.of_term(term_id):
        if deadline.kind == SELF_ASSESSMENT and deadline.sheet != title:
            deadline.sheet = title
            uow.deadlines.add(deadline)
            linked += 1
    return linked


async def _tell(uow: UnitOfWork, block_id: int, started: dict[int, bool], sheet: CriteriaSheet,
                now: datetime) -> int:
    """Every contact of a unit that had started is told, in its own language; returns how many."""
    block = await uow.directory.block(block_id)
    assert block is not None
    units = {u.id: u.name for u in await uow.directory.units(block_id, include_inactive=True)}
    contacts = [c for c in await uow.directory.active_contacts(block_id) if acts_for_unit(c) and c.unit_id in started]
    tell = await outbox_teller(uow, now)
    for unit_id, submitted in sorted(started.items()):
        await tell([c for c in contacts if c.unit_id == unit_id],
                   _notice(block.name, sheet.title, sheet.version, units.get(unit_id, "?"), submitted))
    return len(contacts)


def _notice(block: str, title: str, version: int, unit: str, submitted: bool) -> Notice:
    key = "sheet.notice_resubmit" if submitted else "sheet.notice_new_version"
    return lambda t: t(key, block=block, title=title, version=version, unit=unit)
