"""The secretariat's side of the scoring: `/diem` or the menu's "Điểm thi đua".

One flow, "scores", starting at the progress overview of the current term's active sheet. The
secretariat cross-checks (scoring_admin_check), reopens a submitted sheet (scoring_admin_reopen),
sees the ranking and exports; the provincial observer sees the overview, the ranking and the
exports only. The sender's role is checked at every step, rendering included. The state diagram is
in docs/flows.md.
"""

from __future__ import annotations

from handlers.core import people
from handlers.core.clock import format_local
from handlers.core.context import Context
from handlers.core.messages import Document, Reply
from handlers.core.roles import ROLE_OBSERVER, ROLE_SECRETARIAT
from handlers.scoring import exports as xl
from handlers.scoring.board import ScoreBoard, load
from handlers.scoring.flows import cross_check as check
from handlers.scoring.flows import reopen
from handlers.scoring.flows import scores_view as view

FLOW = "scores"
EXPORT_PICK = "export_unit"
PICK_BLOCK = "pick_block"  # an observer of several blocks (or a secretariat who also follows others)
BLOCK_PREFIX = "b"
WRITE_STEPS = (*check.STEPS, *reopen.STEPS)
STEPS = frozenset({PICK_BLOCK, view.OVERVIEW, EXPORT_PICK, *WRITE_STEPS})


async def command(ctx: Context, _arg: str = "") -> list[Reply]:
    me = await people.primary(ctx)
    if me is None:
        return [Reply(ctx.t("not_registered_any"))]
    staff = await people.staff_blocks(ctx)
    if len(staff) > 1:  # every block read as a whole, one message each, then which one to act on
        ctx.begin(FLOW, PICK_BLOCK)
        return [*[Reply(await _block_overview(ctx, c.block_id)) for c in staff], await _pick_block(ctx)]
    if me.role not in (ROLE_SECRETARIAT, ROLE_OBSERVER):
        if not staff:
            return [Reply(ctx.t("not_allowed"))]
        me = staff[0]  # a unit's contact who follows one other block
    board = await load(ctx.uow, me.block_id, ctx.now)
    if isinstance(board, str):
        return [Reply(await view.missing_text(ctx, board, me.block_id))]
    ctx.begin(FLOW, view.OVERVIEW, block_id=me.block_id)
    return [await view.overview(ctx)]


async def _allowed(ctx: Context) -> bool:
    """Still in the block; and the secretariat for any step that changes something."""
    role = await view.role(ctx)
    return role == ROLE_SECRETARIAT or (role == ROLE_OBSERVER and ctx.state.step not in WRITE_STEPS)


async def ask(ctx: Context) -> Reply:
    if ctx.state.step == PICK_BLOCK:
        return await _pick_block(ctx)
    if not await _allowed(ctx):
        ctx.end()
        return Reply(ctx.t("not_allowed"))
    step = ctx.state.step
    if step in check.STEPS:
        return await check.ask(ctx)
    if step in reopen.STEPS:
        return await reopen.ask(ctx)
    if step == EXPORT_PICK:
        return await _export_pick(ctx)
    return await view.overview(ctx)


async def answer(ctx: Context) -> list[Reply]:
    t = ctx.t
    if ctx.state.step == PICK_BLOCK:
        return await _answer_pick_block(ctx)
    if not await _allowed(ctx):  # a revoked secretariat, or an observer's dialog steered to a write step
        ctx.end()
        return [Reply(t("not_allowed"))]
    step, option = ctx.state.step, ctx.option
    if option == view.BACK and step in (check.PICK, *reopen.STEPS, EXPORT_PICK):
        return await view.back_to_overview(ctx)
    if step in check.STEPS:
        return await check.answer(ctx)
    if step in reopen.STEPS:
        return await reopen.answer(ctx)
    board = await view.board_of(ctx)
    if isinstance(board, str):
        ctx.end()
        return [Reply(await view.missing_text(ctx, board, view.block_id(ctx)))]
    if step == EXPORT_PICK:
        unit = view.picked_unit(ctx, board)
        if unit is None:
            return [Reply(t("choose_from_menu")), await _export_pick(ctx)]
        return await _export(ctx, board, unit.code)
    secretariat = await view.role(ctx) == ROLE_SECRETARIAT
    if option == view.CHECK and secretariat:
        return await check.start(ctx, board)
    if option == view.REOPEN and secretariat:
        return await reopen.start(ctx, board)
    if option == view.RANKING:
        return await view.next_action(ctx, Reply(view.ranking_text(t, board)))
    if option == view.EXPORT:
        return await _export(ctx, board, None)
    if option == view.EXPORT_UNIT:
        ctx.goto(EXPORT_PICK)
        return [await _export_pick(ctx)]
    if option == view.EXIT:
        ctx.end()
        return [Reply(t("sca.bye"))]
    return [Reply(t("choose_from_menu")), await view.overview(ctx)]


async def _block_overview(ctx: Context, block_id: int) -> str:
    board = await load(ctx.uow, block_id, ctx.now)
    return await view.missing_text(ctx, board, block_id) if isinstance(board, str) else view.overview_text(ctx.t, board)


async def _pick_block(ctx: Context) -> Reply:
    """Which block to act on: only those the sender still reads as a whole (checked at every step)."""
    staff = await people.staff_blocks(ctx)
    if not staff:
        ctx.end()
        return Reply(ctx.t("not_allowed"))
    pairs = [(f"{BLOCK_PREFIX}{c.block_id}", await people.block_name(ctx, c.block_id)) for c in staff]
    return Reply(ctx.t("sca.pick_block"), ctx.choices(*pairs, (view.EXIT, ctx.t("sca.action.exit"))))


async def _answer_pick_block(ctx: Context) -> list[Reply]:
    option = ctx.option or ""
    if option == view.EXIT:
        ctx.end()
        return [Reply(ctx.t("sca.bye"))]
    picked = next((c for c in await people.staff_blocks(ctx) if option == f"{BLOCK_PREFIX}{c.block_id}"), None)
    if picked is None:
        again = await _pick_block(ctx)
        return [again] if ctx.state.flow is None else [Reply(ctx.t("choose_from_menu")), again]
    board = await load(ctx.uow, picked.block_id, ctx.now)
    if isinstance(board, str):  # nothing to act on there yet: said, and the choice stays open
        return [Reply(await view.missing_text(ctx, board, picked.block_id)), await _pick_block(ctx)]
    ctx.goto(view.OVERVIEW, block_id=picked.block_id)
    return [Reply(ctx.t("sca.block_actions", block=board.block), await view.actions(ctx))]


async def _export_pick(ctx: Context) -> Reply:
    board = await view.board_of(ctx)
    if isinstance(board, str):
        return (await view.back_to_overview(ctx))[-1]
    return Reply(ctx.t("sca.pick_export"), view.unit_choices(ctx, board, board.units))


async def _export(ctx: Context, board: ScoreBoard, unit_code: str | None) -> list[Reply]:
    """The summary (no unit) or one unit's sheet, as a document over the overview."""
    t = ctx.t
    unit = board.unit(unit_code) if unit_code else None
    if unit is None:
        content = xl.summary_workbook(board, t)
        name = t("sca.x.summary_filename", year=board.year)
        caption = t("sca.x.summary_caption", block=board.block, year=board.year, now=format_local(ctx.now),
                     done=len(board.standings()), total=len(board.units))
    else:
        content = xl.unit_workbook(board, unit, t)
        name = t("sca.x.unit_filename", year=board.year, code=unit.code.lower())
        caption = t("sca.x.unit_caption", unit=unit.name, year=board.year, now=format_local(ctx.now))
    me = await people.registration_in_block(ctx, board.block_id)
    ctx.uow.audit.record(ctx.now, f"contact:{me.id if me else '?'}", "export", board.block_id, file=name)
    return await view.next_action(ctx, Reply(caption, document=Document(name, content=content, mime=xl.XLSX_MIME)))
