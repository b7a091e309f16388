"""The secretariat manages the term's deadlines in chat: `/hannop` or the menu's "Quản lý hạn nộp".

One flow, "deadlines", starting at the overview; its sub-actions are steps of the same flow
(deadline_admin_add, deadline_admin_change) and come back to the overview when done. The sender's
secretariat role is checked at every step, rendering included. The state diagram is in docs/flows.md.
"""

from __future__ import annotations

from handlers.core import people
from handlers.core.clock import format_local
from handlers.core.context import Context
from handlers.core.messages import Document, Reply
from handlers.core.roles import ROLE_SECRETARIAT
from handlers.deadlines import exports, plan
from handlers.deadlines.flows import manage_add as add
from handlers.deadlines.flows import manage_change as change
from handlers.deadlines.flows import manage_view as view

FLOW = "deadlines"
PLAN_WORDS = frozenset({"lich", "lịch", "lichnhac", "lịch nhắc", "lich nhac"})
STEPS = frozenset({view.OVERVIEW, *add.STEPS, *change.STEPS})


async def command(ctx: Context, arg: str = "") -> list[Reply]:
    me = await people.primary(ctx)
    if me is None:
        return [Reply(ctx.t("not_registered_any"))]
    if me.role != ROLE_SECRETARIAT:
        return [Reply(ctx.t("not_allowed"))]
    if await ctx.uow.directory.current_term(me.block_id) is None:
        return [Reply(ctx.t("dl.no_term", block=await people.block_name(ctx, me.block_id)))]
    ctx.begin(FLOW, view.OVERVIEW, block_id=me.block_id)
    if arg.strip().lower() in PLAN_WORDS:  # /hannop lich: the reminder mornings before they happen
        return [await _plan(ctx, me.block_id), await view.overview(ctx)]
    return [await view.overview(ctx)]


async def _plan(ctx: Context, block_id: int) -> Reply:
    block = await ctx.uow.directory.block(block_id)
    term = await ctx.uow.directory.current_term(block_id)
    if block is None or term is None or term.id is None:
        return Reply(ctx.t("dl.no_term", block=await people.block_name(ctx, block_id)))
    return Reply(await plan.block_plan(ctx.uow, ctx.t, block, term.id, ctx.now))


async def _allowed(ctx: Context) -> bool:
    block_id = ctx.data.get("block_id")
    return isinstance(block_id, int) and await people.secretariat_for(ctx, block_id) is not None


async def ask(ctx: Context) -> Reply:
    if not await _allowed(ctx):
        ctx.end()
        return Reply(ctx.t("not_allowed"))
    step = ctx.state.step
    if step in add.STEPS:
        return await add.ask(ctx)
    if step in change.STEPS:
        return await change.ask(ctx)
    return await view.overview(ctx)


async def answer(ctx: Context) -> list[Reply]:
    t = ctx.t
    if not await _allowed(ctx):  # a revoked secretariat, or a chat that is no longer one
        ctx.end()
        return [Reply(t("not_allowed"))]
    step = ctx.state.step
    if ctx.option == view.BACK and step != view.OVERVIEW:
        return await view.back_to_overview(ctx)
    if step in add.STEPS:
        return await add.answer(ctx)
    if step in change.STEPS:
        return await change.answer(ctx)
    option = ctx.option
    if option == view.ADD:
        return await add.start(ctx)
    if option in (view.MOVE, view.CANCEL, view.CLOSE):
        pick = {view.MOVE: change.MOVE_PICK, view.CANCEL: change.CANCEL_PICK}.get(option, change.CLOSE_PICK)
        return await change.start(ctx, pick)
    if option in (view.EXPORT_SUBMISSIONS, view.EXPORT_THEMES):
        return await _export(ctx, option)
    if option == view.EXIT:
        ctx.end()
        return [Reply(t("dl.bye"))]
    return [Reply(t("choose_from_menu")), await view.overview(ctx)]


async def _export(ctx: Context, which: str) -> list[Reply]:
    t, block_id = ctx.t, view.block_id(ctx)
    report = await exports.load(ctx.uow, block_id, ctx.now)
    if report is None:
        return await view.back_to_overview(ctx, Reply(t("dl.no_term", block=await people.block_name(ctx, block_id))))
    me = await people.secretariat_for(ctx, block_id)
    if which == view.EXPORT_SUBMISSIONS:
        content = exports.submissions_workbook(report, t)
        name = t("export.submissions_filename", year=report.year)
        caption = t("export.submissions_caption", block=report.block, year=report.year, now=format_local(ctx.now))
    else:
        content = exports.themes_workbook(report, t)
        name = t("export.themes_filename", year=report.year)
        rows = exports.themes(report)
        caption = t("export.themes_caption", block=report.block, year=report.year,
                    done=sum(1 for _u, s in rows if s is not None), total=len(rows))
    ctx.uow.audit.record(ctx.now, f"contact:{me.id if me else '?'}", "export", block_id, file=name)
    document = Document(name, content=content, mime=exports.XLSX_MIME)
    return await view.back_to_overview(ctx, Reply(caption, document=document))
