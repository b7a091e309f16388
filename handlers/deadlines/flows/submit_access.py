"""Who may submit for what: an active unit contact, for its own unit, a deadline of its block's current
term that is neither cancelled nor closed. Checked again at every step of the submission flow."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.core.people import acts_for_unit
from storage.models import Contact, Deadline, Submission, Term


@dataclass(frozen=True)
class Submitting:
    """Who submits for what, as checked at this step."""

    contact: Contact
    unit_id: int
    deadline: Deadline
    term: Term


def refusal_key(deadline: Deadline, term: Term) -> str | None:
    """Why a deadline takes no submission now (a late one is still taken until it is closed)."""
    if deadline.cancelled_at is not None:
        return "sub.cancelled"
    if deadline.closed_at is not None or not term.is_current:
        return "sub.closed"
    return None


async def guard(ctx: Context) -> Submitting | Reply:
    """The sender is still an active contact of an active unit and the deadline still takes submissions;
    otherwise the flow ends, and the reply says why."""
    t, data = ctx.t, ctx.data
    contact = next((c for c in await ctx.registrations()
                    if c.id == data.get("contact_id") and acts_for_unit(c)), None)
    unit = await ctx.uow.directory.unit(contact.unit_id) if contact and contact.unit_id is not None else None
    if contact is None or unit is None or unit.id is None or not unit.active:
        ctx.end()
        return Reply(t("sub.not_allowed"))
    deadline = await ctx.uow.deadlines.get(data.get("deadline_id") or 0)
    if deadline is None:
        ctx.end()
        return Reply(t("sub.reminder_gone"))
    term, _block = await ctx.uow.deadlines.block_of(deadline)
    if term.block_id != contact.block_id:
        ctx.end()
        return Reply(t("sub.reminder_gone"))
    refusal = refusal_key(deadline, term)
    if refusal is not None:
        ctx.end()
        return Reply(t(refusal, title=deadline.title))
    return Submitting(contact, unit.id, deadline, term)


async def current_submission(ctx: Context, deadline_id: int, unit_id: int) -> Submission | None:
    current = await ctx.uow.deadlines.current_submissions([deadline_id])
    return next((s for s in current if s.unit_id == unit_id), None)


async def open_deadlines(ctx: Context) -> list[tuple[Contact, Deadline, bool]]:
    """(contact, deadline, already submitted) for each of the sender's unit registrations, by due date."""
    found: list[tuple[Contact, Deadline, bool]] = []
    for contact in await ctx.registrations():
        if not acts_for_unit(contact):
            continue
        term = await ctx.uow.directory.current_term(contact.block_id)
        if term is None or term.id is None:
            continue
        deadlines = [d for d in await ctx.uow.deadlines.of_term(term.id) if refusal_key(d, term) is None]
        current = await ctx.uow.deadlines.current_submissions([d.id for d in deadlines if d.id is not None])
        done = {s.deadline_id for s in current if s.unit_id == contact.unit_id}
        found += [(contact, d, d.id in done) for d in deadlines]
    return found
