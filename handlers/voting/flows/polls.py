"""`/baucu` or the menu's "Bầu chọn": the secretariat prepares the year-end polls, opens them one after
another, closes them and gets the count; the observer reads along.

One flow, "polls": the list of the term's polls, a poll's page, and the preparation steps
(polls_prepare). The sender's role in the block is checked at every step, rendering included. The
state diagram is in docs/flows.md.
"""

from __future__ import annotations

from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.core.roles import ROLE_OBSERVER, ROLE_SECRETARIAT
from handlers.voting.flows import polls_actions as actions
from handlers.voting.flows import polls_prepare as prepare
from handlers.voting.flows import polls_view as view
from handlers.voting.result_text import GLOBAL_POLL, parse_global
from storage.models_vote import DRAFT, OPEN, Poll

FLOW = view.FLOW
STEPS = frozenset({view.LIST, view.VIEW, view.CONFIRM_OPEN, view.CONFIRM_CLOSE, *prepare.STEPS})
__all__ = ["FLOW", "GLOBAL_POLL", "answer", "ask", "command", "on_global_option"]


async def command(ctx: Context, arg: str = "") -> list[Reply]:
    me = next((c for c in await ctx.registrations() if c.role == ROLE_SECRETARIAT), None) or next(
        (c for c in await ctx.registrations() if c.role == ROLE_OBSERVER), None)
    if me is None:
        key = "not_allowed" if await ctx.registrations() else "not_registered_any"
        return [Reply(ctx.t(key))]
    if await ctx.uow.directory.current_term(me.block_id) is None:
        return [Reply(ctx.t("poll.no_term"))]
    ctx.begin(FLOW, view.LIST, block_id=me.block_id)
    wanted = arg.strip().lstrip("#")
    poll = await view.poll_of(ctx, int(wanted)) if wanted.isascii() and wanted.isdecimal() and len(wanted) < 10 \
        else None
    if poll is not None:
        return await actions.to_poll(ctx, poll)
    return [await view.overview(ctx)]


async def ask(ctx: Context) -> Reply:
    role = await view.role(ctx)
    step = ctx.state.step or view.LIST
    if role is None or (step in prepare.STEPS and role != ROLE_SECRETARIAT):
        ctx.end()
        return Reply(ctx.t("not_allowed"))
    if step in prepare.STEPS:
        return await prepare.ask(ctx)
    poll = await view.poll_of(ctx, ctx.data.get("poll_id"))
    if step == view.VIEW and poll is not None:
        return await view.poll_page(ctx, poll)
    if step == view.CONFIRM_OPEN and poll is not None and poll.status == DRAFT:
        return await view.confirm_open(ctx, poll)
    if step == view.CONFIRM_CLOSE and poll is not None and poll.status == OPEN:
        return await view.confirm_close(ctx, poll)
    if poll is not None:
        ctx.state.step = view.VIEW
        return await view.poll_page(ctx, poll)
    ctx.state.step, ctx.state.data = view.LIST, {"block_id": view.block_id(ctx)}
    return await view.overview(ctx)


async def answer(ctx: Context) -> list[Reply]:
    t = ctx.t
    role = await view.role(ctx)
    step = ctx.state.step or view.LIST
    if role is None:  # a revoked registration, or a chat that is no longer one
        ctx.end()
        return [Reply(t("not_allowed"))]
    staff = role == ROLE_SECRETARIAT
    if step in prepare.STEPS:
        if not staff:
            ctx.end()
            return [Reply(t("not_allowed"))]
        return await prepare.answer(ctx)
    option = ctx.option or ""
    if step == view.LIST:
        return await _on_list(ctx, option, staff)
    poll = await view.poll_of(ctx, ctx.data.get("poll_id"))
    if poll is None or poll.id is None or (option == view.BACK and step == view.VIEW):
        return await actions.to_list(ctx)
    if option == view.BACK:
        return await actions.to_poll(ctx, poll)
    if step == view.CONFIRM_OPEN and option == view.YES and staff:
        return await actions.do_open(ctx, poll.id)
    if step == view.CONFIRM_CLOSE and option == view.YES and staff:
        return await actions.do_close(ctx, poll.id)
    if step == view.VIEW:
        return await _on_page(ctx, option, staff, poll)
    return [Reply(t("choose_from_menu")), await ask(ctx)]


async def _on_list(ctx: Context, option: str, staff: bool) -> list[Reply]:
    if option == view.NEW and staff:
        return await prepare.start(ctx)
    if option == view.EXIT:
        ctx.end()
        return [Reply(ctx.t("poll.bye"))]
    if option.startswith(view.POLL):
        wanted = option[len(view.POLL):]
        poll = await view.poll_of(ctx, int(wanted)) if wanted.isdecimal() else None
        if poll is not None:
            return await actions.to_poll(ctx, poll)
    return [Reply(ctx.t("choose_from_menu")), await view.overview(ctx)]


async def _on_page(ctx: Context, option: str, staff: bool, poll: Poll) -> list[Reply]:
    assert poll.id is not None
    if option == view.OPEN_IT and staff:
        ctx.goto(view.CONFIRM_OPEN)
        return [await ask(ctx)]
    if option == view.CLOSE_IT and staff:
        ctx.goto(view.CONFIRM_CLOSE)
        return [await ask(ctx)]
    if option == view.RUNOFF and staff:
        return await actions.do_runoff(ctx, poll.id)
    if option == view.MINUTES:
        return await actions.to_poll(ctx, poll, await actions.minutes(ctx, poll))
    if option == view.RECEIPTS:
        return await actions.to_poll(ctx, poll, await actions.receipts(ctx, poll))
    if option == view.REFRESH:
        return await actions.to_poll(ctx, poll)
    return [Reply(ctx.t("choose_from_menu")), await view.poll_page(ctx, poll)]


async def on_global_option(ctx: Context, option: str) -> list[Reply]:
    """The router hands over `g.poll.*` options here (result notices' buttons)."""
    parsed = parse_global(option)
    if parsed is None:
        ctx.end()
        return [Reply(ctx.t("menu_expired"))]
    preparing = ctx.state.flow == FLOW and ctx.state.step in prepare.STEPS
    replies = await actions.on_global(ctx, *parsed, keep_step=preparing)
    return [*replies, await ask(ctx)] if preparing else replies
