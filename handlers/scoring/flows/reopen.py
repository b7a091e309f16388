"""Reopening a submitted self-assessment in chat: pick the unit → the reason → confirm; the unit is told."""

from __future__ import annotations

from handlers.core.clock import format_local
from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.scoring import service as ops
from handlers.scoring.board import ScoreBoard
from handlers.scoring.flows import scores_view as view

PICK, REASON, CONFIRM = "reopen_unit", "reopen_reason", "reopen_confirm"
STEPS = (PICK, REASON, CONFIRM)


async def start(ctx: Context, board: ScoreBoard) -> list[Reply]:
    if not any(board.submitted(u) for u in board.units):
        return await view.back_to_overview(ctx, Reply(ctx.t("sca.none_submitted")))
    ctx.goto(PICK)
    return [await ask(ctx)]


async def ask(ctx: Context) -> Reply:
    t = ctx.t
    board = await view.board_of(ctx)
    if isinstance(board, str):
        return (await view.back_to_overview(ctx))[-1]
    if ctx.state.step == PICK:
        return Reply(t("sca.pick_reopen"), view.unit_choices(ctx, board, [u for u in board.units
                                                                            if board.submitted(u)]))
    unit = board.unit_by_id(ctx.data.get("unit_id"))
    if unit is None or not board.submitted(unit):
        return await view.gone(ctx, unit)
    found = board.progress(unit).assessment
    at = format_local(found.submitted_at) if found and found.submitted_at else "?"
    if ctx.state.step == REASON:
        return Reply(t("sca.ask_reopen_reason", unit=unit.name, at=at), view.with_back(ctx))
    return Reply(t("sca.reopen_confirm", unit=unit.name, reason=ctx.data["reason"]),
                 view.with_back(ctx, ("confirm", t("confirm"))))


async def answer(ctx: Context) -> list[Reply]:
    t, step = ctx.t, ctx.state.step
    board = await view.board_of(ctx)
    if isinstance(board, str):
        return await view.back_to_overview(ctx)
    if step == PICK:
        unit = view.picked_unit(ctx, board)
        if unit is None or not board.submitted(unit):
            return [Reply(t("choose_from_menu")), await ask(ctx)]
        ctx.goto(REASON, unit_id=unit.id)
        return [await ask(ctx)]
    unit = board.unit_by_id(ctx.data.get("unit_id"))
    if unit is None or not board.submitted(unit):
        return [await view.gone(ctx, unit)]
    if step == REASON:
        reason = ops.clean_reason(ctx.text) if ctx.option is None else None
        if reason is None:
            return [Reply(t("sca.bad_reason")), await ask(ctx)]
        ctx.goto(CONFIRM, reason=reason)
        return [await ask(ctx)]
    if ctx.option != "confirm":
        return [Reply(t("choose_from_menu")), await ask(ctx)]
    try:
        told = await ops.reopen(ctx.uow, board, unit, ctx.data["reason"], ctx.now, await view.actor(ctx))
    except ops.NotSubmitted:
        return [await view.gone(ctx, unit)]
    done = t("sca.reopened", unit=unit.name) + "\n" + (t("sca.told", count=told) if told else t("sca.told_none"))
    return await view.back_to_overview(ctx, Reply(done))
