"""Adding a deadline in chat: kind → title → due date (→ off-day warning) → summary → confirm."""

from __future__ import annotations

from functools import partial

from handlers.core import people
from handlers.core.clock import format_local, to_local
from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.deadlines import service as ops
from handlers.deadlines.flows import manage_view as view

KIND, TITLE, DUE, DUE_WARN, CONFIRM = "add_kind", "add_title", "add_due", "add_due_warn", "add_confirm"
STEPS = (KIND, TITLE, DUE, DUE_WARN, CONFIRM)


async def start(ctx: Context) -> list[Reply]:
    ctx.goto(KIND)
    return [await ask(ctx)]


async def ask(ctx: Context) -> Reply:
    t, data, step = ctx.t, ctx.data, ctx.state.step
    year = to_local(ctx.now).year
    if step == KIND:
        return Reply(t("dl.ask_kind"), view.with_back(ctx, *((f"k.{k}", view.kind_label(t, k)) for k in ops.KINDS)))
    kind = view.kind_label(t, data["kind"])
    if step == TITLE:
        return Reply(t("dl.ask_title", kind=kind, year=year), view.with_back(ctx))
    if step == DUE:
        return Reply(t("dl.ask_due", title=data["title"], year=year), view.with_back(ctx))
    due = view.due_from(ctx)
    if step == DUE_WARN:
        return view.warn_reply(ctx, due)
    return Reply(t("dl.add_summary", kind=kind, title=data["title"], weekday=view.weekday(t, due),
                   due=format_local(due)),
                 view.with_back(ctx, ("confirm", t("confirm")), ("redo", t("dl.redo_add"))))


async def answer(ctx: Context) -> list[Reply]:
    t, step, option = ctx.t, ctx.state.step, ctx.option or ""
    if step == KIND and option.startswith("k.") and option[2:] in ops.KINDS:
        ctx.goto(TITLE, kind=option[2:])
        return [await ask(ctx)]
    if step == TITLE and ctx.option is None:
        title = ops.clean_title(ctx.text)
        if title is None:
            return [Reply(t("dl.bad_title")), await ask(ctx)]
        term = await view.term_of(ctx)
        if term is None or term.id is None:
            return await view.back_to_overview(ctx)
        if await ops.title_taken(ctx.uow, term.id, ctx.data["kind"], title):
            return [Reply(t("dl.title_taken", kind=view.kind_label(t, ctx.data["kind"]), title=title)),
                    await ask(ctx)]
        ctx.goto(DUE, title=title)
        return [await ask(ctx)]
    if step in (DUE, DUE_WARN) and ctx.option is None:
        guidance = view.take_due(ctx, "add", None)
        return [guidance, await ask(ctx)] if guidance else [await ask(ctx)]
    if step == DUE_WARN and option in ("keep", "other"):
        ctx.goto(CONFIRM if option == "keep" else DUE)
        return [await ask(ctx)]
    if step == CONFIRM and option == "confirm":
        return await _finish(ctx)
    if step == CONFIRM and option == "redo":
        ctx.goto(KIND)
        return [await ask(ctx)]
    return [Reply(t("choose_from_menu")), await ask(ctx)]


async def _finish(ctx: Context) -> list[Reply]:
    t, data = ctx.t, ctx.data
    term = await view.term_of(ctx)
    block = await ctx.uow.directory.block(view.block_id(ctx))
    if term is None or term.id is None or block is None:
        return await view.back_to_overview(ctx)
    if await ops.title_taken(ctx.uow, term.id, data["kind"], data["title"]):  # added meanwhile by a colleague
        ctx.goto(TITLE)
        return [Reply(t("dl.title_taken", kind=view.kind_label(t, data["kind"]), title=data["title"])),
                await ask(ctx)]
    due = view.due_from(ctx)
    if due <= ctx.now:  # the confirmation came after the due time had passed
        ctx.goto(DUE)
        return [Reply(t("dl.due_past", due=format_local(due), now=format_local(ctx.now))), await ask(ctx)]
    me = await people.secretariat_for(ctx, view.block_id(ctx))
    _deadline, told = await ops.add(ctx.uow, term, block, data["kind"], data["title"], due, ctx.now,
                                    f"contact:{me.id if me else '?'}", partial(people.notify_contacts, ctx))
    done = Reply(t("dl.added", title=data["title"], due=format_local(due)) + "\n" + view.told_text(ctx, told))
    return await view.back_to_overview(ctx, done)
