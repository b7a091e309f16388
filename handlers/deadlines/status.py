"""Who has submitted what: `/trangthai` for the secretariat and the observer, digests, a unit's own view."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.core import people
from handlers.core.catalog import Catalog
from handlers.core.clock import format_local
from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.core.roles import ROLE_UNIT
from handlers.deadlines.due_text import due_text
from handlers.deadlines.rules.workdays import effective_due
from storage.models import Contact, Deadline, Submission, Unit
from storage.uow import UnitOfWork


@dataclass(frozen=True)
class DeadlineStatus:
    deadline: Deadline
    units: list[Unit]
    submissions: dict[int, Submission]  # by unit id, current ones only

    @property
    def submitted(self) -> int:
        return sum(1 for u in self.units if u.id in self.submissions)

    @property
    def late(self) -> int:
        return sum(1 for u in self.units if u.id in self.submissions and self.submissions[u.id].late)

    @property
    def missing(self) -> list[Unit]:
        return [u for u in self.units if u.id not in self.submissions]


async def statuses(uow: UnitOfWork, block_id: int) -> list[DeadlineStatus]:
    term = await uow.directory.current_term(block_id)
    if term is None or term.id is None:
        return []
    deadlines = await uow.deadlines.of_term(term.id)
    units = await uow.directory.units(block_id)
    current = await uow.deadlines.current_submissions([d.id for d in deadlines if d.id is not None])
    return [DeadlineStatus(d, units, {s.unit_id: s for s in current if s.deadline_id == d.id}) for d in deadlines]


async def status_of(uow: UnitOfWork, deadline: Deadline, block_id: int | None = None) -> DeadlineStatus:
    if block_id is None:
        block_id = (await uow.deadlines.block_of(deadline))[1].id
    assert block_id is not None and deadline.id is not None
    units = await uow.directory.units(block_id)
    current = await uow.deadlines.current_submissions([deadline.id])
    return DeadlineStatus(deadline, units, {s.unit_id: s for s in current})


def render(t: Catalog, status: DeadlineStatus) -> str:
    d = status.deadline
    lines = [t("status.deadline", title=d.title, due=due_text(t, d.due_at))]
    if d.closed_at is not None:
        lines[0] += t("status.closed_tag")
    lines.append(t("status.counts", done=status.submitted, total=len(status.units),
                   on_time=status.submitted - status.late, late=status.late))
    missing = status.missing
    if missing:
        lines.append(t("status.missing", units="; ".join(u.name for u in missing)))
    return "\n".join(lines)


async def command(ctx: Context, _arg: str = "") -> list[Reply]:
    """/trangthai: the whole block for the secretariat and the observer; a contact sees its unit. An observer
    of several blocks (or a contact who also follows other blocks) gets one message per block."""
    me = await people.primary(ctx)
    if me is None:
        return [Reply(ctx.t("not_registered_any"))]
    wanted = [*([] if me.role != ROLE_UNIT else [me]), *await people.staff_blocks(ctx)]
    sections: dict[int, Contact] = {}
    for contact in wanted:  # one section per block, as the first registration found there reads it
        sections.setdefault(contact.block_id, contact)
    return [await _section(ctx, c) for c in sections.values()]


async def _section(ctx: Context, me: Contact) -> Reply:
    """One block's status as this registration sees it, in one message (the runtime splits a long one)."""
    t = ctx.t
    items = await statuses(ctx.uow, me.block_id)
    block = await people.block_name(ctx, me.block_id)
    if not items:
        return Reply(t("status.none", block=block))
    if me.role != ROLE_UNIT:
        return Reply("\n\n".join([t("status.header", block=block, now=format_local(ctx.now)),
                                   *(render(t, s) for s in items)]))
    lines = [t("status.unit_header", unit=await people.unit_name(ctx, me.unit_id))]
    for s in items:
        sub = s.submissions.get(me.unit_id or -1)
        key = "status.unit_missing" if sub is None else "status.unit_late" if sub.late else "status.unit_done"
        if sub is not None and not sub.late and sub.submitted_at > effective_due(s.deadline.due_at):
            key = "status.unit_supplement"  # on time first, supplemented after the deadline
        lines.append(t(key, title=s.deadline.title, due=due_text(t, s.deadline.due_at),
                       at=format_local(sub.submitted_at) if sub else ""))
    return Reply("\n".join(lines))
