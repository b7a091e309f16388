"""Answers about one line of the sheet: its score, its explanation, its evidence; and choosing a line by
its code. Every answer is saved at once (handlers.scoring.flows.score_save)."""

from __future__ import annotations

from decimal import Decimal

from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.deadlines.rules import submission_input as submissions_input
from handlers.deadlines.rules.submission_input import format_size
from handlers.scoring.flows.score_access import Scorer
from handlers.scoring.flows.score_save import save_evidence, save_explanation, save_score
from handlers.scoring.flows.score_steps import (
    EVIDENCE,
    EXPLAIN,
    GOTO,
    REVIEW,
    SCORE,
    advance,
    after_explanation,
    files_here,
    go,
    pause,
    prompt,
    to_criterion,
)
from handlers.scoring.flows.score_steps import OVERVIEW as OVERVIEW_STEP
from handlers.scoring.flows.score_view import CLEAR, example
from handlers.scoring.rules.score_input import (
    BACK,
    JUMP,
    MAX,
    OVERVIEW,
    PAUSE,
    SKIP,
    ZERO,
    explanation,
    find,
    shorten,
    word,
)
from handlers.scoring.rules.scores import ScoreError, parse_number, parse_score, show
from storage.models import Criterion


def typed(ctx: Context) -> str | None:
    """What the contact typed, even when it looks like a menu number (None for a pressed button)."""
    return None if ctx.incoming.option is not None else (ctx.incoming.text or "").strip()


def chosen(ctx: Context) -> str | None:
    """A pressed button, a typed label, or a typed action word."""
    return ctx.option if ctx.option is not None else word(ctx.text)


async def answer_score(ctx: Context, s: Scorer) -> list[Reply]:
    t, c = ctx.t, s.criterion(ctx.data.get("code"))
    if c is None:
        return [await prompt(ctx, s)]
    text = typed(ctx)
    if text and parse_number(text) is not None:  # a typed number is a score, never a menu number
        return await _take(ctx, s, c, text)
    if ctx.incoming.file is not None:
        return [Reply(t("score.file_at_score")), await prompt(ctx, s)]
    action = chosen(ctx)
    if action in (MAX, ZERO):
        return await _store(ctx, s, c, c.max_score if action == MAX else Decimal(0))
    if action == SKIP:
        return await advance(ctx, s, c)
    if action == BACK:
        previous = s.neighbour(c.code, -1)
        if ctx.data.get("ret") == REVIEW or previous is None:
            target = REVIEW if ctx.data.get("ret") == REVIEW else OVERVIEW_STEP
            return await go(ctx, s, target, code=None, ret=None)
        return await to_criterion(ctx, s, previous)
    if action == JUMP:
        return await go(ctx, s, GOTO)
    if action == OVERVIEW:
        return await go(ctx, s, OVERVIEW_STEP, code=None, ret=None)
    if action == PAUSE:
        return await pause(ctx, s)
    return [Reply(_error(ctx, s, c, ScoreError("score.not_number"), text or "")), await prompt(ctx, s)]


def _error(ctx: Context, s: Scorer, c: Criterion, error: ScoreError, text: str) -> str:
    t = ctx.t
    key = {"score.not_number": "score.not_number", "score.negative": "score.negative",  # ScoreError reasons
           "score.above_max": "score.above_max", "score.off_step": "score.off_step"}[error.reason]
    lines = [t(key, text=shorten(text), value=show(parse_number(text)), code=c.code, max=show(c.max_score),
               step=show(s.sheet.step), nearest=t("score.or").join(show(v) for v in error.nearest),
               example=example(c, s))]
    also = find(s.criteria, text)
    if also is not None and also.code != c.code:
        lines.append(t("score.also_code", code=also.code))
    return "\n".join(lines)


async def _take(ctx: Context, s: Scorer, c: Criterion, text: str) -> list[Reply]:
    value = parse_score(text, c.max_score, s.sheet.step)
    if isinstance(value, ScoreError):
        return [Reply(_error(ctx, s, c, value, text)), await prompt(ctx, s)]
    return await _store(ctx, s, c, value, text)


async def _store(ctx: Context, s: Scorer, c: Criterion, value: Decimal, text: str | None = None) -> list[Reply]:
    note = await save_score(ctx, s, c, value)
    if isinstance(note, Reply):
        return [note]
    also = find(s.criteria, text) if text else None
    if also is not None and also.code != c.code:  # "2.1" typed as a score: say how to jump there instead
        note = f"{note}\n{ctx.t('score.also_code', code=also.code)}"
    return await go(ctx, s, EXPLAIN, note)


async def answer_explain(ctx: Context, s: Scorer) -> list[Reply]:
    t, c = ctx.t, s.criterion(ctx.data.get("code"))
    if c is None:
        return [await prompt(ctx, s)]
    if ctx.incoming.file is not None and files_here(ctx):  # the evidence, sent without an explanation
        return await _take_file(ctx, s, c)
    action = chosen(ctx)
    if action == SKIP:
        return await after_explanation(ctx, s, c)
    if action == BACK:
        return await go(ctx, s, SCORE)
    if action == CLEAR:
        ended = await save_explanation(ctx, s, c, None)
        return [ended] if ended else await after_explanation(ctx, s, c, t("score.explain_cleared", code=c.code))
    value = explanation(ctx.text)
    if value is None:
        length = len(" ".join((ctx.text or "").split()))
        return [Reply(t("score.explain_bad", length=length)), await prompt(ctx, s)]
    ended = await save_explanation(ctx, s, c, value)
    return [ended] if ended else await after_explanation(ctx, s, c, t("score.explain_saved", code=c.code))


async def answer_evidence(ctx: Context, s: Scorer) -> list[Reply]:
    t, c = ctx.t, s.criterion(ctx.data.get("code"))
    if c is None or not files_here(ctx):
        return [await prompt(ctx, s)] if c is None else await advance(ctx, s, c)
    if ctx.incoming.file is not None:
        return await _take_file(ctx, s, c)
    action = chosen(ctx)
    if action == SKIP:
        return await advance(ctx, s, c)
    if action == BACK:
        return await go(ctx, s, EXPLAIN)
    if action == CLEAR:
        ended = await save_evidence(ctx, s, c, None, None)
        return [ended] if ended else await advance(ctx, s, c, t("score.evidence_cleared", code=c.code))
    return [Reply(t("score.evidence_expected")), await prompt(ctx, s)]


async def _take_file(ctx: Context, s: Scorer, c: Criterion) -> list[Reply]:
    t, file = ctx.t, ctx.incoming.file
    assert file is not None
    problem = submissions_input.file_problem(file, ctx.config.max_file_bytes)
    if problem is not None:
        ctx.goto(EVIDENCE)
        name = submissions_input.upload(file).file_name if file.filename else "?"
        key = "score.evidence_too_big" if problem == "too_big" else "score.evidence_bad_type"
        return [Reply(t(key, name=name, size=format_size(file.size), max=format_size(ctx.config.max_file_bytes))),
                await prompt(ctx, s)]
    upload = submissions_input.upload(file)
    ended = await save_evidence(ctx, s, c, upload.file_id, upload.file_name)
    return [ended] if ended else await advance(ctx, s, c, t("score.evidence_saved", code=c.code,
                                                            name=upload.file_name))


async def answer_goto(ctx: Context, s: Scorer) -> list[Reply]:
    """A typed code (read as a code first: a sheet may have a line "1", and "1" is also "Quay lại")."""
    text = typed(ctx)
    editing = ctx.data.get("ret") == REVIEW
    c = find(s.criteria, text) if text else None
    if c is not None:
        return await to_criterion(ctx, s, c, back_to_review=editing)
    if chosen(ctx) == BACK:
        if editing:
            return await go(ctx, s, REVIEW, ret=None)
        return await go(ctx, s, SCORE if s.criterion(ctx.data.get("code")) else OVERVIEW_STEP)
    return [Reply(ctx.t("score.no_such_code", text=shorten(text or ""), codes=", ".join(x.code for x in s.criteria))),
            await prompt(ctx, s)]
