"""What the scoring conversation shows: the overview, one criterion, the explanation and evidence steps,
the review. Texts come from the catalog; menus are choices the channel renders."""

from __future__ import annotations

from dataclasses import replace

from handlers.core.clock import format_local
from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.deadlines.rules.submission_input import format_size
from handlers.scoring.flows.score_access import BONUS, DEDUCTION, Scorer, name_of
from handlers.scoring.rules.score_input import BACK, JUMP, MAX, OVERVIEW, PAUSE, SKIP, ZERO
from handlers.scoring.rules.scores import show
from storage.models import Criterion
from storage.scoring import DRAFT

NEXT, REVIEW, SECTION, KIND, CLEAR = "next", "review", "s.", "k.", "clear"
SUBMIT, EDIT, CONFIRM = "submit", "edit", "confirm"


def buttons_here(ctx: Context) -> bool:
    """Whether this chat shows choices as buttons, so that the score step may offer quick answers.

    Telegram does, and so does the sandbox in its Telegram style; those are exactly the channels that
    receive files (`thidua chat --style zalo` takes the sandbox out of `file_channels`), so the same
    setting answers both. Zalo shows a numbered menu, where a typed "5" would read as "item 5": there the
    score step has no menu at all and its actions are typed words (handlers.scoring.rules.score_input)."""
    return ctx.incoming.channel in ctx.config.file_channels


def with_note(note: str | None, reply: Reply) -> Reply:
    """A confirmation and the next question in one message (one send per answer)."""
    return reply if not note else replace(reply, text=f"{note}\n\n{reply.text}")


async def overview(ctx: Context, s: Scorer, note: str | None = None) -> Reply:
    t, tot = ctx.t, s.totals()
    parts = [t("score.overview_section", code=code, title=title, done=s.answered(items), count=len(items),
               score=show(tot.sections.get(code)), max=show(s.maximum(items)))
             for code, title, items in s.sections()]
    bonus, deduction = s.of_kind(BONUS), s.of_kind(DEDUCTION)
    if bonus:
        parts.append(t("score.overview_bonus", done=s.answered(bonus), count=len(bonus), score=show(tot.bonus)))
    if deduction:
        parts.append(t("score.overview_deduction", done=s.answered(deduction), count=len(deduction),
                       score=show(tot.deduction)))
    lines = [t("score.overview", title=s.sheet.title, unit=s.unit.name, sections="\n".join(parts),
               total=show(tot.total))]
    a = s.assessment
    if a is not None and a.status == DRAFT and a.reopened_reason:
        lines.append(t("score.reopened", reason=a.reopened_reason))
    if a is not None and a.updated_by is not None and s.lines:
        lines.append(t("score.last_change", name=await name_of(ctx, a.updated_by), at=format_local(a.updated_at)))
    lines.append(t("score.saved_hint"))
    first = s.first_open()
    options: list[tuple[str, str]] = [(NEXT, t("score.opt_continue", code=first.code))] if first else []
    options.append((REVIEW, t("score.opt_review")))
    options += [(f"{SECTION}{code}", t("score.opt_section", code=code, done=s.answered(items), count=len(items)))
                for code, _title, items in s.sections()]
    if bonus:
        options.append((f"{KIND}{BONUS}", t("score.opt_bonus", done=s.answered(bonus), count=len(bonus))))
    if deduction:
        options.append((f"{KIND}{DEDUCTION}", t("score.opt_deduction", done=s.answered(deduction),
                                                  count=len(deduction))))
    options.append((PAUSE, t("score.opt_pause")))
    return with_note(note, Reply("\n".join(lines), ctx.choices(*options)))


def example(c: Criterion, s: Scorer) -> str:
    """A valid score that shows the decimal comma: 9,5 for a maximum of 10 on steps of 0,5."""
    return show(c.max_score - s.sheet.step if c.max_score > s.sheet.step else c.max_score)


def heading(ctx: Context, c: Criterion) -> str:
    if c.kind == BONUS:
        return ctx.t("score.head_bonus")
    if c.kind == DEDUCTION:
        return ctx.t("score.head_deduction")
    return ctx.t("score.head_section", code=c.section_code, title=c.section_title)


async def criterion(ctx: Context, s: Scorer, c: Criterion, note: str | None = None) -> Reply:
    t = ctx.t
    lines = [heading(ctx, c), t("score.criterion", code=c.code, text=c.text, max=show(c.max_score),
                                step=show(s.sheet.step))]
    line = s.lines.get(c.code)
    if line is not None and line.self_score is not None:
        lines.append(t("score.current", score=show(line.self_score), name=await name_of(ctx, line.updated_by),
                       at=format_local(line.updated_at)))
    other = s.neighbour(c.code, 1) or s.criteria[0]
    if not buttons_here(ctx):
        lines.append(t("score.ask_text", example=example(c, s), max=show(c.max_score), code=other.code))
        return with_note(note, Reply("\n".join(lines), number_input=True))
    lines.append(t("score.ask_buttons", example=example(c, s), code=other.code))
    zero = t("score.quick_zero_deduction") if c.kind == DEDUCTION else t("score.quick_zero")
    options = ctx.choices((MAX, t("score.quick_max", max=show(c.max_score))), (ZERO, zero),
                          (SKIP, t("score.opt_skip")), (BACK, t("score.opt_back")), (JUMP, t("score.opt_jump")),
                          (OVERVIEW, t("score.opt_overview")))
    return with_note(note, Reply("\n".join(lines), options, number_input=True))


def explain(ctx: Context, s: Scorer, c: Criterion, note: str | None = None) -> Reply:
    t = ctx.t
    lines = [t("score.ask_explain", code=c.code)]
    line = s.lines.get(c.code)
    options: list[tuple[str, str]] = [(SKIP, t("score.opt_skip")), (BACK, t("score.opt_back"))]
    if line is not None and line.explanation:
        lines.append(t("score.explain_current", text=line.explanation))
        options.insert(1, (CLEAR, t("score.opt_clear_explain")))
    return with_note(note, Reply("\n".join(lines), ctx.choices(*options)))


def evidence(ctx: Context, s: Scorer, c: Criterion, note: str | None = None) -> Reply:
    t = ctx.t
    lines = [t("score.ask_evidence", code=c.code, max=format_size(ctx.config.max_file_bytes))]
    line = s.lines.get(c.code)
    options: list[tuple[str, str]] = [(SKIP, t("score.opt_skip")), (BACK, t("score.opt_back"))]
    if line is not None and line.evidence_file_id:
        lines.append(t("score.evidence_current", name=line.evidence_name or "?"))
        options.insert(1, (CLEAR, t("score.opt_clear_evidence")))
    return with_note(note, Reply("\n".join(lines), ctx.choices(*options)))


def codes(s: Scorer) -> str:
    return ", ".join(c.code for c in s.criteria)


def goto(ctx: Context, s: Scorer, editing: bool, note: str | None = None) -> Reply:
    key = "score.ask_edit" if editing else "score.ask_goto"
    return with_note(note, Reply(ctx.t(key, codes=codes(s)), ctx.choices((BACK, ctx.t("score.opt_back"))),
                                 number_input=True))  # a code such as "1" or "2.1", not "Quay lại"


def summary(ctx: Context, s: Scorer) -> str:
    """Subtotals per section with every line, bonus, deductions, total, what is still missing."""
    t, tot = ctx.t, s.totals()

    def items(group: list[Criterion]) -> str:
        return " · ".join(f"{c.code}: {show(s.score(c.code))}" for c in group)

    body = [t("score.review_section", code=code, title=title, score=show(tot.sections.get(code)),
              max=show(s.maximum(group)), items=items(group)) for code, title, group in s.sections()]
    body.append(t("score.review_base", score=show(tot.base), max=show(s.maximum(s.of_kind("base")))))
    if s.of_kind(BONUS):
        body.append(t("score.review_bonus", score=show(tot.bonus), items=items(s.of_kind(BONUS))))
    if s.of_kind(DEDUCTION):
        body.append(t("score.review_deduction", score=show(tot.deduction), items=items(s.of_kind(DEDUCTION))))
    body.append(t("score.review_total", total=show(tot.total)))
    missing = s.open_base()
    if missing:
        body.append(t("score.review_missing", codes=", ".join(c.code for c in missing)))
    return t("score.review", unit=s.unit.name, title=s.sheet.title, body="\n".join(body))


def review(ctx: Context, s: Scorer, note: str | None = None) -> Reply:
    t = ctx.t
    options = ctx.choices((SUBMIT, t("score.opt_submit")), (EDIT, t("score.opt_edit")),
                          (OVERVIEW, t("score.opt_overview")), (PAUSE, t("score.opt_pause")))
    return with_note(note, Reply(summary(ctx, s), options))


def confirm(ctx: Context, s: Scorer, late_due: str | None) -> Reply:
    t = ctx.t
    lines = [t("score.confirm", unit=s.unit.name, total=show(s.totals().total))]
    if late_due is not None:
        lines.append(t("score.confirm_late", due=late_due))
    return Reply("\n".join(lines), ctx.choices((CONFIRM, t("score.opt_confirm")),
                                               (REVIEW, t("score.opt_back_review"))))
