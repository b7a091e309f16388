"""What the handover carried into the new term and what it left behind, and copying the rest on request.

The handover copies the yearly cycle's deadlines. The scoring sheet (the block may adopt a new one) and the
custom deadlines (maybe one-offs) stay with the old term until the new secretariat asks for them: the sheet
with the year in its title moved on, the custom deadlines one year on like the cycle's (a day off moves to
the next working day, a date already past is left out). Each copy is idempotent: the new term already
having a sheet, or a deadline of the same kind and title, means nothing is copied again; the current
term is locked, so two presses at once copy once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Final

from handlers.core.catalog import Catalog
from handlers.scoring.sheet_import import import_sheet, spec_of
from handlers.term.deadline_copy import CopiedDeadlines, copy_cycle, next_year_title
from storage.models import CriteriaSheet, Deadline, Term
from storage.uow import UnitOfWork

CUSTOM: Final = ("custom",)
COPIED, ALREADY, NOTHING = "copied", "already", "nothing"


@dataclass(frozen=True)
class CarryOver:
    block_id: int
    old: Term
    new: Term
    cycle: list[Deadline]  # the new term's deadlines of the yearly cycle
    sheet: CriteriaSheet | None  # the old term's active sheet
    criteria: int  # how many criteria it has
    new_sheet: CriteriaSheet | None  # the new term's active sheet
    custom_left: list[Deadline]  # the old term's custom deadlines the new term does not have

    @property
    def sheet_left(self) -> bool:
        return self.sheet is not None and self.new_sheet is None

    @property
    def pending(self) -> bool:
        return self.sheet_left or bool(self.custom_left)


async def read(uow: UnitOfWork, block_id: int) -> CarryOver | None:
    """The current term against the year before; None when there is no year before."""
    new = await uow.directory.current_term(block_id)
    old = await uow.directory.term(block_id, new.year - 1) if new is not None else None
    if new is None or old is None or old.id is None or new.id is None:
        return None
    have = await uow.deadlines.of_term(new.id, include_cancelled=True)
    titles = {(d.kind, d.title) for d in have}
    custom = [d for d in await uow.deadlines.of_term(old.id) if d.kind in CUSTOM]
    left = [d for d in custom if (d.kind, next_year_title(d.title, old.year)) not in titles]
    sheet = await uow.scoring.active_sheet(old.id)
    criteria = len(await uow.scoring.criteria(sheet.id)) if sheet is not None and sheet.id is not None else 0
    cycle = [d for d in have if d.kind not in CUSTOM and d.cancelled_at is None]
    return CarryOver(block_id, old, new, cycle, sheet, criteria, await uow.scoring.active_sheet(new.id), left)


async def _locked(uow: UnitOfWork, block_id: int) -> CarryOver | None:
    await uow.directory.lock_current_term(block_id)
    return await read(uow, block_id)


async def copy_sheet(uow: UnitOfWork, block_id: int, now: datetime, actor: str) -> str:
    """The old term's sheet into the new term: COPIED, ALREADY (the new term has one) or NOTHING."""
    found = await _locked(uow, block_id)
    if found is None or found.sheet is None or found.sheet.id is None:
        return NOTHING
    if found.new_sheet is not None:
        return ALREADY
    spec = spec_of(found.sheet, await uow.scoring.criteria(found.sheet.id))
    spec = replace(spec, title=next_year_title(spec.title, found.old.year))
    await import_sheet(uow, block_id, spec, now, year=found.new.year, actor=actor)
    uow.audit.record(now, actor, "carry_sheet", block_id, year=found.new.year, from_year=found.old.year,
                     title=spec.title)
    return COPIED


async def copy_custom(uow: UnitOfWork, block_id: int, now: datetime, actor: str) -> CopiedDeadlines:
    """The old term's custom deadlines the new term lacks, one year on."""
    found = await _locked(uow, block_id)
    if found is None:
        return CopiedDeadlines()
    copied = await copy_cycle(uow, found.old, found.new, now, kinds=CUSTOM)
    if copied.created:
        uow.audit.record(now, actor, "carry_deadlines", block_id, year=found.new.year, from_year=found.old.year,
                         deadlines=[d.id for d in copied.created])
    return copied


def summary(t: Catalog, found: CarryOver, cycle: bool = True) -> list[str]:
    """What the new term has from the old one and what it does not, one line each; `cycle=False` leaves
    out the heading and the cycle's deadlines (a caller that lists them itself)."""
    year, old_year = found.new.year, found.old.year
    lines = []
    if cycle and found.cycle:
        lines += [t("handover.carry.head", year=year), t("handover.carry.cycle", count=len(found.cycle),
                  old_year=old_year, titles="; ".join(d.title for d in found.cycle))]
    elif cycle:
        lines += [t("handover.carry.head", year=year), t("handover.carry.no_cycle", old_year=old_year)]
    if found.new_sheet is not None:
        lines.append(t("handover.carry.sheet_there", year=year, title=found.new_sheet.title))
    elif found.sheet is not None:
        lines.append(t("handover.carry.sheet_left", title=found.sheet.title, count=found.criteria))
    else:
        lines.append(t("handover.carry.no_sheet", old_year=old_year))
    if found.custom_left:
        lines.append(t("handover.carry.custom_left", count=len(found.custom_left),
                       titles="; ".join(d.title for d in found.custom_left)))
    return lines
