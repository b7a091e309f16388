"""Opening a prepared poll: the member count is frozen, then every unit contact gets the ballot.

`uow.polls.open` is a conditional UPDATE, so two secretariat members tapping "open" at once open it
once and the ballots go out once. One poll of a term is open at a time: the units' phones show one
question, the meeting screen one turnout.
"""

from __future__ import annotations

from dataclasses import dataclass

from handlers.catalog import Catalog
from handlers.context import Context
from handlers.poll_setup import member_units
from handlers.vote_ballot import send_ballots
from storage.models_vote import DRAFT, OPEN, Poll


@dataclass(frozen=True)
class Opened:
    poll: Poll
    members: int
    ballots: int  # ballots queued: one per unit contact chat


@dataclass(frozen=True)
class Refused:
    why: str  # not_found | not_draft | other_open | no_members | not_closed | no_tie | runoff_exists
    poll_id: int  # the poll the refusal is about (the open one, the existing runoff)
    question: str = ""

    def text(self, t: Catalog) -> str:
        if self.why == "not_draft":
            return t("poll.open.not_draft", id=self.poll_id)
        if self.why == "other_open":
            return t("poll.open.other_open", id=self.poll_id, question=self.question)
        if self.why == "no_members":
            return t("poll.open.no_members")
        if self.why == "not_closed":
            return t("poll.runoff.not_closed", id=self.poll_id)
        if self.why == "no_tie":
            return t("poll.runoff.no_tie", id=self.poll_id)
        if self.why == "runoff_exists":
            return t("poll.runoff.exists", id=self.poll_id)
        return t("poll.not_found", id=self.poll_id)


async def open_poll(ctx: Context, poll_id: int, actor: str) -> Opened | Refused:
    uow = ctx.uow
    poll = await uow.polls.get(poll_id)
    term = await uow.polls.term(poll, lock=True) if poll is not None else None  # one opening per term at a time
    poll = await uow.polls.get(poll_id, lock=True) if term is not None else None
    if poll is None or poll.id is None or term is None or term.id is None:
        return Refused("not_found", poll_id)
    if poll.status != DRAFT:
        return Refused("not_draft", poll.id)
    busy = [p for p in await uow.polls.of_term(term.id, OPEN) if p.id != poll.id]
    if busy:
        return Refused("other_open", busy[0].id or 0, busy[0].question)
    members = len(await member_units(uow, term.block_id))
    if members == 0:
        return Refused("no_members", poll.id)
    if not await uow.polls.open(poll.id, ctx.now, members):
        return Refused("not_draft", poll.id)
    sent = await send_ballots(ctx, poll)
    uow.audit.record(ctx.now, actor, "poll_open", term.block_id, poll_id=poll.id, members=members, ballots=sent)
    return Opened(poll, members, sent)
