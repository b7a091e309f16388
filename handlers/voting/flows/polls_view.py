"""What the secretariat (and the observer, read-only) sees of the term's polls: the list, one poll's
page with the actions its status allows, and the texts of opening and closing."""

from __future__ import annotations

from handlers.core import people
from handlers.core.clock import format_local
from handlers.core.context import Context
from handlers.core.messages import Choice, Reply
from handlers.core.roles import ROLE_OBSERVER, ROLE_SECRETARIAT
from handlers.voting.result_text import kind_label, result_text, status_label, turnout_text, unit_names
from handlers.voting.rules.count import Count
from handlers.voting.setup import draft_of, member_units, settings_text
from storage.models import Term
from storage.models_vote import CLOSED, DRAFT, OPEN, Poll

FLOW = "polls"
LIST, VIEW, CONFIRM_OPEN, CONFIRM_CLOSE = "list", "view", "confirm_open", "confirm_close"
NEW, EXIT, BACK = "new", "exit", "back"
OPEN_IT, CLOSE_IT, REFRESH, MINUTES, RECEIPTS, RUNOFF, YES = (
    "v.open", "v.close", "v.refresh", "v.minutes", "v.receipts", "v.runoff", "yes")
POLL = "p."  # + poll id: a poll of the list
SHORT = 40


def block_id(ctx: Context) -> int:
    value: int = ctx.data["block_id"]
    return value


async def role(ctx: Context) -> str | None:
    """secretariat | observer | None (not allowed), for the flow's block, checked at every step."""
    found = ctx.data.get("block_id")
    return await role_in(ctx, found) if isinstance(found, int) else None


async def role_in(ctx: Context, block: int) -> str | None:
    mine = [c.role for c in await ctx.registrations() if c.block_id == block]
    return ROLE_SECRETARIAT if ROLE_SECRETARIAT in mine else ROLE_OBSERVER if ROLE_OBSERVER in mine else None


async def term_of(ctx: Context) -> Term | None:
    return await ctx.uow.directory.current_term(block_id(ctx))


async def poll_of(ctx: Context, poll_id: object) -> Poll | None:
    """A poll of the flow's block (any term: a closed one stays readable), or None."""
    if not isinstance(poll_id, int):
        return None
    poll = await ctx.uow.polls.get(poll_id)
    term = await ctx.uow.polls.term(poll) if poll is not None else None
    return poll if poll is not None and term is not None and term.block_id == block_id(ctx) else None


def short(text: str) -> str:
    """A long question in the list, cut at a word."""
    if len(text) <= SHORT:
        return text
    cut = text[:SHORT].rsplit(" ", 1)[0] if " " in text[:SHORT] else text[:SHORT - 1]
    return cut.rstrip(" ,.;:-") + "…"


async def overview(ctx: Context) -> Reply:
    t = ctx.t
    term = await term_of(ctx)
    block = await people.block_name(ctx, block_id(ctx))
    lines = [t("poll.list_header", block=block, year=term.year if term else "?")]
    polls = await ctx.uow.polls.of_term(term.id) if term is not None and term.id is not None else []
    names = await unit_names(ctx.uow, block_id(ctx))
    for poll in polls:
        lines.append(t("poll.list_line", id=poll.id, kind=kind_label(t, poll.kind), question=short(poll.question),
                       status=status_label(t, poll), extra=await _extra(ctx, poll, names)))
    if not polls:
        lines.append(t("poll.list_empty"))
    staff = await role(ctx) == ROLE_SECRETARIAT
    footer = "poll.list_footer" if staff else "poll.list_footer_observer"
    lines.append(t(footer))
    choices = [Choice(NEW, t("poll.action.new"))] if staff else []
    choices += [Choice(f"{POLL}{p.id}", t("poll.action.show", id=p.id, kind=kind_label(t, p.kind))) for p in polls]
    choices.append(Choice(EXIT, t("poll.action.exit")))
    return Reply("\n".join(lines), tuple(choices))


async def _extra(ctx: Context, poll: Poll, names: dict[int, str]) -> str:
    t = ctx.t
    if poll.status == OPEN and poll.id is not None:
        return t("poll.list_open", voted=await ctx.uow.polls.turnout(poll.id), members=poll.member_count or 0)
    if poll.status == CLOSED and poll.result is not None:
        count = Count.from_json(poll.result)
        if not count.quorum_met:
            return t("poll.list_invalid")
        if count.tied:
            return t("poll.list_tied")
        return t("poll.list_elected", units=", ".join(names.get(u, "?") for u in count.elected) or "—")
    return ""


async def poll_page(ctx: Context, poll: Poll) -> Reply:
    t = ctx.t
    assert poll.id is not None
    names = await unit_names(ctx.uow, block_id(ctx))
    lines = [t("poll.page_header", id=poll.id, status=status_label(t, poll)),
             settings_text(t, draft_of(poll, await ctx.uow.polls.candidates(poll.id)), names)]
    if poll.runoff_of is not None:
        lines.append(t("poll.page_runoff_of", id=poll.runoff_of))
    if poll.status == OPEN and poll.opened_at is not None:
        lines.append(t("poll.page_opened", at=format_local(poll.opened_at)))
        if poll.closes_at is not None:
            lines.append(t("poll.page_closes", at=format_local(poll.closes_at)))
        lines.append(turnout_text(t, await ctx.uow.polls.turnout(poll.id), poll.member_count or 0))
    if poll.status == CLOSED and poll.result is not None:
        block = await people.block_name(ctx, block_id(ctx))
        lines.append(result_text(t, poll, Count.from_json(poll.result), names, block))
    return Reply("\n\n".join(lines), tuple(await _actions(ctx, poll)))


async def _actions(ctx: Context, poll: Poll) -> list[Choice]:
    t = ctx.t
    staff = await role(ctx) == ROLE_SECRETARIAT
    actions: list[Choice] = []
    if poll.status == DRAFT and staff:
        actions.append(Choice(OPEN_IT, t("poll.action.open")))
    if poll.status == OPEN:
        actions.append(Choice(REFRESH, t("poll.action.refresh")))
        if staff:
            actions.append(Choice(CLOSE_IT, t("poll.action.close")))
    if poll.status == CLOSED:
        actions += [Choice(MINUTES, t("poll.action.minutes")), Choice(RECEIPTS, t("poll.action.receipts"))]
        count = Count.from_json(poll.result) if poll.result is not None else None
        if staff and count is not None and count.tied and count.quorum_met and poll.id is not None \
                and not await ctx.uow.polls.runoffs(poll.id):
            actions.append(Choice(RUNOFF, t("poll.action.runoff")))
    actions.append(Choice(BACK, t("poll.action.back")))
    return actions


async def confirm_open(ctx: Context, poll: Poll) -> Reply:
    t = ctx.t
    members = len(await member_units(ctx.uow, block_id(ctx)))
    return Reply(t("poll.confirm_open", id=poll.id, question=poll.question, members=members),
                 (Choice(YES, t("poll.action.confirm_open")), Choice(BACK, t("poll.action.back"))))


async def confirm_close(ctx: Context, poll: Poll) -> Reply:
    t = ctx.t
    assert poll.id is not None
    voted, members = await ctx.uow.polls.turnout(poll.id), poll.member_count or 0
    return Reply(t("poll.confirm_close", id=poll.id, question=poll.question, voted=voted, members=members),
                 (Choice(YES, t("poll.action.confirm_close")), Choice(BACK, t("poll.action.back"))))
