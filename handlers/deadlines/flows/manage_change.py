"""Changing a deadline in chat: move (pick → new due → confirm), cancel (pick → confirm),
close or reopen late submissions (pick toggles)."""

from __future__ import annotations

from functools import partial

from handlers.core import people
from handlers.core.clock import format_local
from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.deadlines import service as ops
from handlers.deadlines.due_text import due_text
from handlers.deadlines.flows import manage_view as view
from storage.models import Deadline

MOVE_PICK, MOVE_DUE, MOVE_DUE_WARN, MOVE_CONFIRM = "move_pick", "move_due", "move_due_warn", "move_confirm"
CANCEL_PICK, CANCEL_CONFIRM, CLOSE_PICK = "cancel_pick", "cancel_confirm", "close_pick"
PICKS = (MOVE_PICK, CANCEL_PICK, CLOSE_PICK)
STEPS = (*PICKS, MOVE_DUE, MOVE_DUE_WARN, MOVE_CONFIRM, CANCEL_CONFIRM)


async def start(ctx: Context, pick: str) -> list[Reply]:
    if not await _live(ctx):
        return await view.back_to_overview(ctx, Reply(ctx.t("dl.none_to_pick")))
    ctx.goto(pick)
    return [await ask(ctx)]


async def _live(ctx: Context) -> list[Deadline]:
    term = await view.term_of(ctx)
    return await ctx.uow.deadlines.of_term(term.id) if term is not None and term.id is not None else []


async def _pick(ctx: Context) -> Reply:
    t, step = ctx.t, ctx.state.step
    options = []
    for d in await _live(ctx):
        label = "dl.pick_label"
        if step == CLOSE_PICK:
            label = "dl.pick_reopen" if d.closed_at else "dl.pick_close_one"
        options.append((f"d{d.id}", t(label, title=d.title, due=due_text(t, d.due_at))))
    key = "dl.pick_move" if step == MOVE_PICK else "dl.pick_cancel" if step == CANCEL_PICK else "dl.pick_close"
    return Reply(t(key), view.with_back(ctx, *options))


async def ask(ctx: Context) -> Reply:
    t, step = ctx.t, ctx.state.step
    if step in PICKS:
        return await _pick(ctx)
    deadline = await view.deadline_of(ctx, ctx.data.get("deadline_id"))
    if deadline is None:
        return await view.gone(ctx)
    if step == MOVE_DUE:
        return Reply(t("dl.ask_new_due", title=deadline.title, due=due_text(t, deadline.due_at)), view.with_back(ctx))
    if step == MOVE_DUE_WARN:
        return view.warn_reply(ctx, view.due_from(ctx))
    if step == MOVE_CONFIRM:
        due = view.due_from(ctx)
        return Reply(t("dl.move_confirm", title=deadline.title, old=due_text(t, deadline.due_at),
                       weekday=view.weekday(t, due), new=format_local(due)),
                     view.with_back(ctx, ("confirm", t("confirm"))))
    return Reply(t("dl.cancel_confirm", title=deadline.title, due=due_text(t, deadline.due_at)),
                 view.with_back(ctx, ("confirm", t("confirm"))))


async def answer(ctx: Context) -> list[Reply]:
    t, step, option = ctx.t, ctx.state.step, ctx.option or ""
    if step in PICKS:
        picked = await view.deadline_of(ctx, int(option[1:])) if option[:1] == "d" and option[1:].isdigit() else None
        if picked is None:
            return [Reply(t("choose_from_menu")), await ask(ctx)]
        if step == CLOSE_PICK:
            return await _toggle(ctx, picked)
        ctx.goto(MOVE_DUE if step == MOVE_PICK else CANCEL_CONFIRM, deadline_id=picked.id)
        return [await ask(ctx)]
    deadline = await view.deadline_of(ctx, ctx.data.get("deadline_id"))
    if deadline is None:
        return [await view.gone(ctx)]
    if step in (MOVE_DUE, MOVE_DUE_WARN) and ctx.option is None:
        guidance = view.take_due(ctx, "move", deadline.due_at)
        return [guidance, await ask(ctx)] if guidance else [await ask(ctx)]
    if step == MOVE_DUE_WARN and option in ("keep", "other"):
        ctx.goto(MOVE_CONFIRM if option == "keep" else MOVE_DUE)
        return [await ask(ctx)]
    if step == MOVE_CONFIRM and option == "confirm":
        return await _move(ctx, deadline)
    if step == CANCEL_CONFIRM and option == "confirm":
        return await _cancel(ctx, deadline)
    return [Reply(t("choose_from_menu")), await ask(ctx)]


async def _actor(ctx: Context) -> str:
    me = await people.secretariat_for(ctx, view.block_id(ctx))
    return f"contact:{me.id if me else '?'}"


async def _move(ctx: Context, deadline: Deadline) -> list[Reply]:
    old, due = deadline.due_at, view.due_from(ctx)
    if due <= ctx.now:  # the confirmation came after the new due time had passed
        ctx.goto(MOVE_DUE)
        return [Reply(ctx.t("dl.due_past", due=format_local(due), now=format_local(ctx.now))), await ask(ctx)]
    told = await ops.move(ctx.uow, deadline, due, ctx.now, await _actor(ctx), partial(people.notify_contacts, ctx))
    done = ctx.t("dl.moved", title=deadline.title, old=format_local(old), new=format_local(due))
    return await view.back_to_overview(ctx, Reply(f"{done}\n{view.told_text(ctx, told)}"))


async def _cancel(ctx: Context, deadline: Deadline) -> list[Reply]:
    told = await ops.cancel(ctx.uow, deadline, ctx.now, await _actor(ctx), partial(people.notify_contacts, ctx))
    done = ctx.t("dl.cancelled", title=deadline.title)
    return await view.back_to_overview(ctx, Reply(f"{done}\n{view.told_text(ctx, told)}"))


async def _toggle(ctx: Context, deadline: Deadline) -> list[Reply]:
    closing = deadline.closed_at is None
    await ops.set_closed(ctx.uow, deadline, closing, ctx.now, await _actor(ctx))
    key = "dl.closed" if closing else "dl.reopened"
    text = ctx.t(key, title=deadline.title, due=due_text(ctx.t, deadline.due_at))
    return await view.back_to_overview(ctx, Reply(text))
