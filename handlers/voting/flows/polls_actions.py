"""What the secretariat does to a prepared poll from its page: open, close, the minutes, the published
ballots, the runoff. Each re-checks the role and the poll's status, inside the update's transaction."""

from __future__ import annotations

from handlers.core import people
from handlers.core.clock import format_local
from handlers.core.context import Context
from handlers.core.messages import Document, Reply
from handlers.core.roles import ROLE_SECRETARIAT
from handlers.core.service import Actor
from handlers.voting.closing import SECRETARIAT, close_poll, secretariat_text
from handlers.voting.flows import polls_view as view
from handlers.voting.minutes import MinutesUnavailable, minutes_document
from handlers.voting.opening import Opened, Refused, open_poll
from handlers.voting.result_text import MINUTES, RUNOFF, receipts_file, receipts_filename, receipts_summary, unit_names
from handlers.voting.runoff import start_runoff
from storage.models_vote import Poll


async def to_list(ctx: Context, *before: Reply) -> list[Reply]:
    ctx.state.step = view.LIST
    ctx.state.data = {"block_id": view.block_id(ctx)}
    return [*before, await view.overview(ctx)]


async def to_poll(ctx: Context, poll: Poll, *before: Reply) -> list[Reply]:
    ctx.state.step = view.VIEW
    ctx.state.data = {"block_id": view.block_id(ctx), "poll_id": poll.id}
    return [*before, await view.poll_page(ctx, poll)]


async def actor(ctx: Context) -> Actor:
    me = await people.secretariat_for(ctx, view.block_id(ctx))
    return Actor.in_chat(ctx.incoming, f"contact:{me.id}" if me is not None else "contact:?", me.id if me else None)


def _told(ctx: Context, outcome: Opened | Refused) -> Opened | Refused:
    if isinstance(outcome, Opened):
        ctx.notices.extend(outcome.notices)
    return outcome


async def do_open(ctx: Context, poll_id: int) -> list[Reply]:
    outcome = _told(ctx, await open_poll(ctx.uow, ctx.now, await actor(ctx), poll_id))
    return await _after_open(ctx, outcome, poll_id)


async def do_runoff(ctx: Context, poll_id: int) -> list[Reply]:
    outcome = _told(ctx, await start_runoff(ctx.uow, ctx.now, await actor(ctx), poll_id))
    return await _after_open(ctx, outcome, poll_id)


async def _after_open(ctx: Context, outcome: Opened | Refused, poll_id: int) -> list[Reply]:
    t = ctx.t
    if isinstance(outcome, Refused):
        poll = await view.poll_of(ctx, outcome.poll_id)
        told = Reply(outcome.text(t))
        return await to_poll(ctx, poll, told) if poll is not None else await to_list(ctx, told)
    return await to_poll(ctx, outcome.poll, Reply(_opened_text(ctx, outcome)))


def _opened_text(ctx: Context, outcome: Opened) -> str:
    t, poll = ctx.t, outcome.poll
    until = t("poll.opened_until", at=format_local(poll.closes_at)) if poll.closes_at else ""
    return t("poll.opened", id=poll.id, question=poll.question, ballots=outcome.ballots, members=outcome.members,
             until=until)


async def do_close(ctx: Context, poll_id: int) -> list[Reply]:
    t = ctx.t
    closed = await close_poll(ctx.uow, ctx.now, await actor(ctx), poll_id, SECRETARIAT)
    if closed is not None:
        ctx.notices.extend(closed.notices)
    poll = await view.poll_of(ctx, poll_id)
    if closed is None:
        told = Reply(t("poll.close.not_open", id=poll_id))
        return await to_poll(ctx, poll, told) if poll is not None else await to_list(ctx, told)
    names = await unit_names(ctx.uow, closed.block_id)
    hashes = await ctx.uow.polls.receipt_hashes(poll_id)
    result = Reply(secretariat_text(t, closed, names, hashes))
    return await to_poll(ctx, closed.poll, result, await minutes(ctx, closed.poll))


async def minutes(ctx: Context, poll: Poll) -> Reply:
    """The minutes as a document; the minutes' own words when there are none yet (not counted)."""
    assert poll.id is not None
    try:
        document = await minutes_document(ctx.uow, poll.id, ctx.now)
    except MinutesUnavailable as missing:
        return Reply(missing.text(ctx.t))
    return Reply(ctx.t("poll.minutes_caption", id=poll.id), document=document)


async def receipts(ctx: Context, poll: Poll) -> Reply:
    if poll.id is None or poll.status != "closed":
        return Reply(ctx.t("poll.receipts_not_yet", id=poll.id))
    hashes = await ctx.uow.polls.receipt_hashes(poll.id)
    document = Document(receipts_filename(poll.id), content=receipts_file(ctx.t, poll, hashes), mime="text/plain")
    return Reply(receipts_summary(ctx.t, poll, len(hashes)), document=document)


async def on_global(ctx: Context, action: str, poll_id: int, keep_step: bool) -> list[Reply]:
    """A button of the result notice, valid whatever the chat's dialog version. It opens the poll's page,
    unless the sender is preparing a poll (`keep_step`): then it only answers, and the draft stays."""
    poll = await ctx.uow.polls.get(poll_id)
    term = await ctx.uow.polls.term(poll) if poll is not None else None
    role = await view.role_in(ctx, term.block_id) if term is not None else None
    if poll is None or term is None or role is None or (action == RUNOFF and role != ROLE_SECRETARIAT):
        return [Reply(ctx.t("not_allowed"))]
    if keep_step:
        if action == RUNOFF:
            outcome = _told(ctx, await start_runoff(ctx.uow, ctx.now, await actor(ctx), poll_id))
            return [Reply(outcome.text(ctx.t) if isinstance(outcome, Refused) else _opened_text(ctx, outcome))]
        return [await minutes(ctx, poll) if action == MINUTES else await receipts(ctx, poll)]
    ctx.begin(view.FLOW, view.VIEW, block_id=term.block_id, poll_id=poll.id)
    if action == RUNOFF:
        return await do_runoff(ctx, poll_id)
    first = await minutes(ctx, poll) if action == MINUTES else await receipts(ctx, poll)
    return await to_poll(ctx, poll, first)
