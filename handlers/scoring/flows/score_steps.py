"""The steps of the scoring conversation and how one leads to the next.

The cursor (step, criterion code, where to return) lives in the chat's dialog state; the answers live in
the unit's assessment. So a contact can leave at any step and come back from another device, and a
colleague's answers show up at the next step of the other chat.
"""

from __future__ import annotations

from handlers.core.commands import menu as main_menu
from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.deadlines.due_text import due_text
from handlers.scoring.flows import score_view as view
from handlers.scoring.flows.score_access import Scorer
from handlers.scoring.flows.score_save import is_late, self_assessment_deadline
from storage.models import Criterion

FLOW = "score"
PICK, OVERVIEW, SCORE, EXPLAIN, EVIDENCE = "pick", "overview", "score", "explain", "evidence"
GOTO, REVIEW, CONFIRM = "goto", "review", "confirm"
RETURN = "ret"  # data key: REVIEW when a line is being edited from the review


async def prompt(ctx: Context, s: Scorer, note: str | None = None) -> Reply:
    """The question of the current step (also after a stale button, a restart, or a wrong answer)."""
    step = ctx.state.step
    c = s.criterion(ctx.data.get("code"))
    if step in (SCORE, EXPLAIN, EVIDENCE) and c is None:  # a code the sheet no longer has
        ctx.goto(OVERVIEW, code=None, ret=None)
        step = OVERVIEW
    if step == SCORE and c is not None:
        return await view.criterion(ctx, s, c, note)
    if step == EXPLAIN and c is not None:
        return view.explain(ctx, s, c, note)
    if step == EVIDENCE and c is not None:
        return view.evidence(ctx, s, c, note)
    if step == GOTO:
        return view.goto(ctx, s, ctx.data.get(RETURN) == REVIEW, note)
    if step == REVIEW:
        return view.review(ctx, s, note)
    if step == CONFIRM:
        deadline = await self_assessment_deadline(ctx, s.term)
        late = is_late(ctx, s.assessment, deadline) if s.assessment is not None else False
        return view.confirm(ctx, s, due_text(ctx.t, deadline.due_at) if late and deadline is not None else None)
    return await view.overview(ctx, s, note)


async def go(ctx: Context, s: Scorer, step: str, note: str | None = None, **data: object) -> list[Reply]:
    ctx.goto(step, **data)
    return [await prompt(ctx, s, note)]


async def to_criterion(ctx: Context, s: Scorer, c: Criterion, note: str | None = None,
                       back_to_review: bool = False) -> list[Reply]:
    return await go(ctx, s, SCORE, note, code=c.code, ret=REVIEW if back_to_review else None)


async def advance(ctx: Context, s: Scorer, c: Criterion, note: str | None = None) -> list[Reply]:
    """A line is done: back to the review when it was edited from there, else the next line in sheet
    order, and the review after the last one."""
    following = s.neighbour(c.code, 1)
    if ctx.data.get(RETURN) == REVIEW or following is None:
        return await go(ctx, s, REVIEW, note, code=None, ret=None)
    return await to_criterion(ctx, s, following, note)


def files_here(ctx: Context) -> bool:
    return ctx.incoming.channel in ctx.config.file_channels


async def after_explanation(ctx: Context, s: Scorer, c: Criterion, note: str | None = None) -> list[Reply]:
    """The evidence step where the channel receives files; the next line elsewhere."""
    if files_here(ctx):
        return await go(ctx, s, EVIDENCE, note)
    return await advance(ctx, s, c, note)


async def pause(ctx: Context, s: Scorer) -> list[Reply]:
    """Leave the conversation; the draft is already saved, the next /chamdiem starts at the overview."""
    ctx.end()
    return [Reply(ctx.t("score.paused", unit=s.unit.name, done=s.answered(s.criteria), count=len(s.criteria))),
            await main_menu(ctx)]
