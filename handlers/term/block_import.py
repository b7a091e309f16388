"""Creating or updating a block from a validated block file; running it twice changes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from handlers.deadlines import service as ops
from handlers.registration import invite_book
from handlers.term.block_file.model import BlockSpec
from storage.models import Block, Deadline, Term, Unit
from storage.uow import UnitOfWork


@dataclass(frozen=True)
class ImportResult:
    block_id: int
    created: bool
    units_added: int
    units_updated: int
    units_retired: int
    deadlines_added: int
    deadlines_updated: int


async def import_block(uow: UnitOfWork, spec: BlockSpec, secret: bytes, now: datetime) -> ImportResult:
    d = uow.directory
    block = await d.block_by_name(spec.name, spec.province)
    created = block is None
    if block is None:
        block = Block(name=spec.name, province=spec.province, created_at=now)
        d.add(block)
        await d.flush()
    assert block.id is not None
    added = updated = retired = 0
    existing = {u.code: u for u in await d.units(block.id, include_inactive=True)}
    for spec_unit in spec.units:
        unit = existing.pop(spec_unit.code, None)
        if unit is None:
            d.add(Unit(block_id=block.id, code=spec_unit.code, name=spec_unit.name))
            added += 1
        elif unit.name != spec_unit.name or not unit.active:
            unit.name, unit.active = spec_unit.name, True
            d.add(unit)
            updated += 1
    for unit in existing.values():  # units no longer listed are kept for history, but retired
        if unit.active:
            unit.active = False
            d.add(unit)
            retired += 1
    await d.flush()
    term = await _term(uow, block.id, spec)
    dl_added, dl_updated = await _deadlines(uow, term, spec, now)
    await invite_book.invite_lines(uow, secret, block.id, now)  # every unit gets a working code
    uow.audit.record(now, "operator", "import_block", block.id, year=spec.year, units_added=added,
                     units_updated=updated, units_retired=retired)
    return ImportResult(block.id, created, added, updated, retired, dl_added, dl_updated)


async def _term(uow: UnitOfWork, block_id: int, spec: BlockSpec) -> Term:
    d = uow.directory
    head = await d.unit_by_code(block_id, spec.head)
    deputy = await d.unit_by_code(block_id, spec.deputy) if spec.deputy else None
    term = await d.term(block_id, spec.year)
    if term is None:
        term = Term(block_id=block_id, year=spec.year)
    term.head_unit_id = head.id if head else None
    term.deputy_unit_id = deputy.id if deputy else None
    latest = max([t.year for t in await d.terms(block_id)] + [spec.year])
    for other in await d.terms(block_id):
        if other.year != spec.year and other.is_current != (other.year == latest):
            other.is_current = other.year == latest
            d.add(other)
    term.is_current = spec.year == latest
    d.add(term)
    await d.flush()
    return term


async def _deadlines(uow: UnitOfWork, term: Term, spec: BlockSpec, now: datetime) -> tuple[int, int]:
    """New deadlines are added; a changed due date is a move like any other (reminders planned anew,
    late flags re-read, units told), so a re-import never shifts a date silently."""
    d = uow.directory
    assert term.id is not None
    existing = {(x.kind, x.title): x for x in await d.deadlines(term.id)}
    added = updated = 0
    tell = await ops.outbox_teller(uow, now)
    for item in spec.deadlines:
        row = existing.get((item.kind, item.title))
        if row is None:
            d.add(Deadline(term_id=term.id, kind=item.kind, title=item.title, due_at=item.due, sheet=item.sheet))
            added += 1
        elif row.due_at != item.due or row.sheet != item.sheet:
            if row.due_at != item.due:
                await ops.move(uow, row, item.due, now, "operator", tell)
            row.sheet = item.sheet
            d.add(row)
            updated += 1
    return added, updated
