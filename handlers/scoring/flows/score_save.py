"""Writing the unit's draft: one line at a time under the assessment's lock, submitting it (which completes
the term's self-assessment deadline and tells the secretariat), and reopening it for the secretariat.

Every write first locks the assessment row and reads the lines again, so what a contact is told
("replaces 8 entered by Lan at 09:05") and the totals it sees include a colleague's answer committed
a moment before."""

from __future__ import annotations

from decimal import Decimal

from handlers.core import people
from handlers.core.catalog import Catalog
from handlers.core.clock import format_local
from handlers.core.commands import menu as main_menu
from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.deadlines.due_text import due_text
from handlers.deadlines.flows.submit_access import refusal_key
from handlers.deadlines.rules.workdays import effective_due
from handlers.scoring.flows.score_access import BASE, Scorer, locked, name_of
from handlers.scoring.rules.scores import show
from storage.models import Criterion, Deadline, Submission, Term
from storage.scoring import SUBMITTED
from storage.scoring_rows import SelfAssessment

SELF_ASSESSMENT = "self_assessment"


async def write(ctx: Context, s: Scorer) -> SelfAssessment | Reply:
    """The draft locked for this transaction, with its lines as committed now; a Reply (the flow ends)
    when a colleague submitted it meanwhile."""
    if s.locked and s.assessment is not None:  # locked by the step's guard, lines read since
        return s.assessment
    a = await ctx.uow.scoring.lock(s.sheet_id, s.unit_id, ctx.now)
    assert a.id is not None
    s.assessment, s.lines, s.locked = a, await ctx.uow.scoring.lines(a.id), True
    if a.status == SUBMITTED:
        ctx.end()
        return await locked(ctx, s)
    return a


async def save_score(ctx: Context, s: Scorer, c: Criterion, value: Decimal) -> str | Reply:
    """Store a score already checked against the criterion; the note says what replaced what."""
    a = await write(ctx, s)
    if isinstance(a, Reply):
        return a
    line, me = s.lines.get(c.code), s.contact.id
    old, by, at = (line.self_score, line.updated_by, line.updated_at) if line else (None, None, ctx.now)
    s.lines[c.code] = await ctx.uow.scoring.set_score(a, c.code, value, ctx.now, me)  # the same row, changed
    if old is not None and by != me and old != value:
        return ctx.t("score.saved_replaced", code=c.code, score=show(value), old=show(old),
                     name=await name_of(ctx, by), at=format_local(at))
    return ctx.t("score.saved", code=c.code, score=show(value))


async def save_explanation(ctx: Context, s: Scorer, c: Criterion, text: str | None) -> Reply | None:
    a = await write(ctx, s)
    if isinstance(a, Reply):
        return a
    s.lines[c.code] = await ctx.uow.scoring.set_explanation(a, c.code, text, ctx.now, s.contact.id)
    return None


async def save_evidence(ctx: Context, s: Scorer, c: Criterion, file_id: str | None,
                        name: str | None) -> Reply | None:
    a = await write(ctx, s)
    if isinstance(a, Reply):
        return a
    s.lines[c.code] = await ctx.uow.scoring.set_evidence(a, c.code, file_id, name, ctx.now, s.contact.id)
    return None


async def carry_over(ctx: Context, s: Scorer) -> int:
    """A new version of the sheet: the unit's answers on the previous version are copied where the same
    code still exists and the score still fits (range and step); returns how many lines were copied."""
    if s.assessment is not None or s.term.id is None:
        return 0
    for older in reversed([x for x in await ctx.uow.scoring.sheets(s.term.id) if x.id != s.sheet_id]):
        previous = await ctx.uow.scoring.assessment(older.id or 0, s.unit_id)
        if previous is None or previous.id is None:
            continue
        fits = {c.code: c for c in s.criteria}
        copied = [line for code, line in (await ctx.uow.scoring.lines(previous.id)).items()
                  if code in fits and line.self_score is not None and 0 <= line.self_score <= fits[code].max_score
                  and line.self_score % s.sheet.step == 0]
        if not copied:
            return 0
        a = await write(ctx, s)
        if isinstance(a, Reply):
            return 0
        for line in copied:
            c = fits[line.criterion_code]
            await ctx.uow.scoring.set_score(a, c.code, line.self_score, ctx.now, s.contact.id)
            await ctx.uow.scoring.set_explanation(a, c.code, line.explanation, ctx.now, s.contact.id)
            await ctx.uow.scoring.set_evidence(a, c.code, line.evidence_file_id, line.evidence_name, ctx.now,
                                               s.contact.id)
        assert a.id is not None
        s.lines = await ctx.uow.scoring.lines(a.id)
        return len(copied)
    return 0


async def self_assessment_deadline(ctx: Context, term: Term) -> Deadline | None:
    """The term's self-assessment deadline (the earliest, if the secretariat set several)."""
    if term.id is None:
        return None
    return next((d for d in await ctx.uow.deadlines.of_term(term.id) if d.kind == SELF_ASSESSMENT), None)


def is_late(ctx: Context, a: SelfAssessment, deadline: Deadline | None) -> bool:
    """Late against the deadline; a sheet the secretariat reopened keeps the timeliness of its first
    submission (correcting on request is not handing in late)."""
    if a.submitted_at is not None:
        return a.late
    return deadline is not None and ctx.now > effective_due(deadline.due_at)


async def submit(ctx: Context, s: Scorer) -> list[Reply] | str:
    """Submit the draft; a text saying why not when it may not be submitted (the caller adds the review)."""
    t = ctx.t
    a = await write(ctx, s)
    if isinstance(a, Reply):
        return [a]
    missing = s.open_base()
    if missing:  # a colleague may have cleared a line since the review
        return t("score.missing_refused", count=len(missing), codes=", ".join(c.code for c in missing))
    deadline = await self_assessment_deadline(ctx, s.term)
    if deadline is not None and refusal_key(deadline, s.term) is not None:
        return t("score.closed", title=deadline.title)
    late, me = is_late(ctx, a, deadline), s.contact.id
    for c in s.criteria:  # a bonus or deduction left blank counts as 0, and is stored so
        if c.kind != BASE and s.score(c.code) is None:
            s.lines[c.code] = await ctx.uow.scoring.set_score(a, c.code, Decimal(0), ctx.now, me)
    await ctx.uow.scoring.mark_submitted(a, ctx.now, me, late)
    if deadline is not None and deadline.id is not None:
        await ctx.uow.deadlines.submit(Submission(deadline_id=deadline.id, unit_id=s.unit_id, contact_id=me,
                                                  kind="assessment", submitted_at=ctx.now, late=late))
    tot = s.totals()
    ctx.uow.audit.record(ctx.now, f"contact:{me}", "submit_assessment", s.term.block_id, assessment_id=a.id,
                         unit_id=s.unit_id, sheet_id=s.sheet_id, total=str(tot.total), late=late)
    await ctx.uow.flush()
    done = sum(1 for x in await ctx.uow.scoring.assessments(s.sheet_id) if x.status == SUBMITTED)
    count = len(await ctx.uow.directory.units(s.term.block_id))
    unit, timed = s.unit.name, deadline is not None

    def notice(tr: Catalog) -> str:  # in each secretariat member's own language
        timing = "" if not timed else tr("score.notice_late") if late else tr("score.notice_on_time")
        return tr("score.notice", unit=unit, timing=timing, total=show(tot.total), base=show(tot.base),
                  bonus=show(tot.bonus), deduction=show(tot.deduction), done=done, count=count)
    await people.notify_secretariat(ctx, s.term.block_id, notice, exclude_contact=me)  # the head unit's own
    ctx.end()
    at, total = format_local(ctx.now), show(tot.total)
    if deadline is None:
        text = t("score.done", unit=unit, total=total, at=at)
    else:
        key = "score.done_late" if late else "score.done_on_time"
        text = t(key, unit=unit, total=total, at=at, due=due_text(t, deadline.due_at))
    return [Reply(text), await main_menu(ctx)]
