"""Who may vote in what: an active contact (a unit's, or the secretariat voting for the head unit) of an
active member unit of the poll's block, while the poll is open and the unit has not voted yet.
Checked again at every step of the ballot."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.core import people
from handlers.core.clock import format_local
from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.voting.ballot_state import VOTER_ROLES
from storage.models import Contact
from storage.models_vote import DRAFT, Poll
from storage.votes import is_open_at


@dataclass(frozen=True)
class Voting:
    """Who votes in what, as checked at this step."""

    contact: Contact
    unit_id: int
    unit: str
    poll: Poll
    block_id: int
    candidates: list[int]  # unit ids, in ballot order (position = index + 1)
    names: list[str]

    @property
    def forbidden(self) -> frozenset[int]:
        """Ballot positions this unit may not choose (itself, when the poll forbids it)."""
        if self.poll.allow_self:
            return frozenset()
        return frozenset(i for i, unit_id in enumerate(self.candidates, 1) if unit_id == self.unit_id)


async def voter_in_block(ctx: Context, block_id: int) -> Contact | None:
    """The sender's registration that votes in this block, if its unit is an active member."""
    for contact in await ctx.registrations():
        if contact.block_id != block_id or contact.role not in VOTER_ROLES or contact.unit_id is None:
            continue
        unit = await ctx.uow.directory.unit(contact.unit_id)
        if unit is not None and unit.active and unit.block_id == block_id:
            return contact
    return None


def closed_text(ctx: Context, poll: Poll) -> str:
    if poll.status == DRAFT:
        return ctx.t("vote.not_open", question=poll.question)
    at = poll.closed_at or poll.closes_at or ctx.now
    return ctx.t("vote.closed", question=poll.question, at=format_local(at))


async def guard(ctx: Context) -> Voting | Reply:
    """The sender still votes for an active member unit, the poll is open and the unit has not voted;
    otherwise the flow ends (the selection with it) and the reply says why."""
    data = ctx.data
    poll = await ctx.uow.polls.get(int(data.get("poll_id") or 0))
    block_id = await ctx.uow.votes.block_of(poll) if poll is not None else None
    if poll is None or poll.id is None or block_id is None:
        ctx.end()
        return Reply(ctx.t("vote.gone"))
    contact = await voter_in_block(ctx, block_id)
    if contact is None or contact.id != data.get("contact_id") or contact.unit_id is None:
        ctx.end()
        return Reply(ctx.t("vote.not_allowed"))
    if not is_open_at(poll, ctx.now):
        ctx.end()
        return Reply(closed_text(ctx, poll))
    unit = await people.unit_name(ctx, contact.unit_id)
    if await ctx.uow.votes.has_voted(poll.id, contact.unit_id):
        ctx.end()
        return Reply(ctx.t("vote.already", unit=unit, question=poll.question))
    candidates = await ctx.uow.polls.candidates(poll.id)
    names = [await people.unit_name(ctx, unit_id) for unit_id in candidates]
    return Voting(contact, contact.unit_id, unit, poll, block_id, candidates, names)


async def waiting_polls(ctx: Context) -> list[tuple[Contact, Poll]]:
    """Open polls of the sender's blocks that the sender's unit has not voted in yet."""
    found: list[tuple[Contact, Poll]] = []
    for block_id in sorted({c.block_id for c in await ctx.registrations()}):
        contact = await voter_in_block(ctx, block_id)
        if contact is None or contact.unit_id is None:
            continue
        for poll in await ctx.uow.votes.open_polls(block_id):
            if poll.id is not None and is_open_at(poll, ctx.now) and \
                    not await ctx.uow.votes.has_voted(poll.id, contact.unit_id):
                found.append((contact, poll))
    return found
