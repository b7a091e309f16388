"""A unit scores itself against the block's sheet (`/chamdiem`, or "Chấm điểm thi đua" in the unit menu).

Steps: [pick] → overview → score → explain → [evidence] → the next criterion … → review → confirm.
The overview offers "continue with the first unanswered", the review, and each section; the review edits
any line by its code (goto) and submits. Unit contacts only, checked at every step (scoring_access.guard);
the draft belongs to the unit and is saved at every step (scoring_save). How typed numbers are read at
the score step, and how to jump to a criterion, is explained in scoring_input.
"""

from __future__ import annotations

from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.scoring.flows import score_lines as scoring_lines
from handlers.scoring.flows.score_access import BONUS, DEDUCTION, Scorer, guard, load, locked, pick_label, unit_contacts
from handlers.scoring.flows.score_save import carry_over, submit
from handlers.scoring.flows.score_steps import (
    CONFIRM,
    EVIDENCE,
    EXPLAIN,
    FLOW,
    GOTO,
    PICK,
    RETURN,
    REVIEW,
    SCORE,
    go,
    pause,
    prompt,
    to_criterion,
)
from handlers.scoring.flows.score_steps import OVERVIEW as OVERVIEW_STEP
from handlers.scoring.flows.score_view import CONFIRM as CONFIRM_OPTION
from handlers.scoring.flows.score_view import EDIT, KIND, NEXT, SECTION, SUBMIT
from handlers.scoring.flows.score_view import REVIEW as REVIEW_OPTION
from handlers.scoring.rules.score_input import BACK, OVERVIEW, PAUSE, find, jump_target, shorten
from storage.models import Contact
from storage.scoring import SUBMITTED

__all__ = ["FLOW", "answer", "ask", "command"]
CONTACT_OPTION = "c"
STEPS = frozenset({PICK, OVERVIEW_STEP, SCORE, EXPLAIN, EVIDENCE, GOTO, REVIEW, CONFIRM})
WRITING = (SCORE, EXPLAIN, EVIDENCE, CONFIRM)  # steps whose answers are written: the draft is locked at once


async def command(ctx: Context, arg: str = "") -> list[Reply]:
    """/chamdiem [code]: the overview of the unit's draft, or straight to a criterion."""
    if not await ctx.registrations():
        return [Reply(ctx.t("not_registered_any"))]
    mine = await unit_contacts(ctx)
    if not mine:
        return [Reply(ctx.t("score.not_unit"))]
    if len(mine) > 1:  # a contact of units in several blocks
        ctx.begin(FLOW, PICK, target=arg[:20])
        return [await ask(ctx)]
    return await start(ctx, mine[0], arg)


async def start(ctx: Context, contact: Contact, target: str = "") -> list[Reply]:
    ctx.end()
    found = await load(ctx, contact.id)
    if isinstance(found, Reply):
        return [found]
    if found.assessment is not None and found.assessment.status == SUBMITTED:
        return [await locked(ctx, found)]
    ctx.begin(FLOW, OVERVIEW_STEP, contact_id=contact.id, sheet_id=found.sheet_id)
    copied = await carry_over(ctx, found)
    note = ctx.t("score.carried", version=found.sheet.version, count=copied) if copied else None
    c = find(found.criteria, target) if target else None
    if c is not None:
        return await to_criterion(ctx, found, c, note)
    return [await prompt(ctx, found, note)]


async def ask(ctx: Context) -> Reply:
    if ctx.state.step == PICK:
        return await _pick(ctx)
    s = await guard(ctx)
    if isinstance(s, Reply):
        return s
    return await prompt(ctx, s)


async def answer(ctx: Context) -> list[Reply]:
    step = ctx.state.step
    if step == PICK:
        return await _answer_pick(ctx)
    s = await guard(ctx, lock=step in WRITING)
    if isinstance(s, Reply):
        return [s]
    target = jump_target(ctx.text)
    if target is not None:
        return await _jump(ctx, s, target)
    if step == SCORE:
        return await scoring_lines.answer_score(ctx, s)
    if step == EXPLAIN:
        return await scoring_lines.answer_explain(ctx, s)
    if step == EVIDENCE:
        return await scoring_lines.answer_evidence(ctx, s)
    if step == GOTO:
        return await scoring_lines.answer_goto(ctx, s)
    if step == REVIEW:
        return await _answer_review(ctx, s)
    if step == CONFIRM:
        return await _answer_confirm(ctx, s)
    return await _answer_overview(ctx, s)


async def _jump(ctx: Context, s: Scorer, target: str) -> list[Reply]:
    """`/di 2.1` at any step; `/di` alone asks for the code. From the review, the edit returns there."""
    editing = ctx.state.step in (REVIEW, CONFIRM) or ctx.data.get(RETURN) == REVIEW
    if not target:
        return await go(ctx, s, GOTO, ret=REVIEW if editing else None)
    c = find(s.criteria, target)
    if c is None:
        return [Reply(ctx.t("score.no_such_code", text=shorten(target), codes=", ".join(x.code for x in s.criteria))),
                await prompt(ctx, s)]
    return await to_criterion(ctx, s, c, back_to_review=editing)


async def _answer_overview(ctx: Context, s: Scorer) -> list[Reply]:
    option = ctx.option or ""
    if option == NEXT and (first := s.first_open()) is not None:
        return await to_criterion(ctx, s, first)
    if option == REVIEW_OPTION:
        return await go(ctx, s, REVIEW, ret=None)
    if option == PAUSE:
        return await pause(ctx, s)
    group = None
    if option.startswith(SECTION):
        group = next((items for code, _title, items in s.sections() if code == option[len(SECTION):]), None)
    elif option in (f"{KIND}{BONUS}", f"{KIND}{DEDUCTION}"):
        group = s.of_kind(option[len(KIND):])
    if group:
        return await to_criterion(ctx, s, s.first_open(group) or group[0])
    return [Reply(ctx.t("choose_from_menu")), await prompt(ctx, s)]


async def _answer_review(ctx: Context, s: Scorer) -> list[Reply]:
    option = ctx.option
    if option == SUBMIT:
        if s.open_base():
            return [Reply(_missing(ctx, s)), await prompt(ctx, s)]
        return await go(ctx, s, CONFIRM)
    if option == EDIT:
        return await go(ctx, s, GOTO, ret=REVIEW)
    if option == OVERVIEW:
        return await go(ctx, s, OVERVIEW_STEP, ret=None)
    if option == PAUSE:
        return await pause(ctx, s)
    return [Reply(ctx.t("choose_from_menu")), await prompt(ctx, s)]


def _missing(ctx: Context, s: Scorer) -> str:
    missing = s.open_base()
    return ctx.t("score.missing_refused", count=len(missing), codes=", ".join(c.code for c in missing))


async def _answer_confirm(ctx: Context, s: Scorer) -> list[Reply]:
    if ctx.option == CONFIRM_OPTION:
        done = await submit(ctx, s)
        if isinstance(done, list):
            return done
        ctx.goto(REVIEW)
        return [Reply(done), await prompt(ctx, s)]
    if ctx.option in (REVIEW_OPTION, BACK):
        return await go(ctx, s, REVIEW)
    return [Reply(ctx.t("choose_from_menu")), await prompt(ctx, s)]


# -- a contact of units in several blocks picks one ---------------------------------------------------


async def _pick(ctx: Context) -> Reply:
    mine = await unit_contacts(ctx)
    if not mine:
        ctx.end()
        return Reply(ctx.t("score.not_unit"))
    options = [(f"{CONTACT_OPTION}{c.id}", await pick_label(ctx, c)) for c in mine]
    return Reply(ctx.t("score.pick"), ctx.choices(*options, ("cancel", ctx.t("cancel"))))


async def _answer_pick(ctx: Context) -> list[Reply]:
    option = ctx.option or ""
    if option == "cancel":
        ctx.end()
        return [Reply(ctx.t("cancelled"))]
    contact = next((c for c in await unit_contacts(ctx) if option == f"{CONTACT_OPTION}{c.id}"), None)
    if contact is not None:
        return await start(ctx, contact, str(ctx.data.get("target") or ""))
    prompt_ = await _pick(ctx)
    return [prompt_] if ctx.state.flow is None else [Reply(ctx.t("choose_from_menu")), prompt_]
