"""The cross-check's suggested deduction for late or missing submissions: shown in the unit's view with
a button to apply it; pressing it saves the criterion's checked score with its reason (the unit hears of
it when the check is finished), pressing it again changes nothing. Never applied without the press."""

from __future__ import annotations

from decimal import Decimal

from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.scoring import lateness
from handlers.scoring import service as ops
from handlers.scoring.board import ScoreBoard
from handlers.scoring.flows import scores_view as view
from handlers.scoring.rules.scores import show
from storage.models import Unit

APPLY = "apply"


async def view_part(ctx: Context, board: ScoreBoard, unit: Unit) -> tuple[list[str], list[tuple[str, str]]]:
    """The lines under the unit's heading and the button, when there is something to suggest."""
    found = await lateness.suggestion(ctx.uow, board, unit, ctx.now)
    if found is None:
        return [], []
    pairs = []
    if lateness.applicable(found, board, unit) and found.code is not None:
        pairs.append((APPLY, ctx.t("sca.suggest_apply", points=show(found.points), code=found.code)))
    return lateness.lines(ctx.t, found, board, unit), pairs


async def apply(ctx: Context, board: ScoreBoard, unit: Unit) -> Reply | None:
    """The suggestion as it stands now, applied; None when there is nothing (left) to apply."""
    found = await lateness.suggestion(ctx.uow, board, unit, ctx.now)
    if found is None or found.code is None or not lateness.applicable(found, board, unit):
        return None
    old = board.mark(unit, found.code).checked
    await ops.set_checks(ctx.uow, board, unit, [(found.code, found.points, lateness.reason(ctx.t, found))],
                         ctx.now, await view.actor(ctx))
    before = dict(ctx.data.get("before") or {})
    before.setdefault(found.code, None if old is None else str(old))
    ctx.goto(ctx.state.step or "", before=before)
    own = show(board.mark(unit, found.code).self_score or Decimal(0))
    return Reply(ctx.t("sca.suggest_saved", code=found.code, points=show(found.points), own=own))
