"""A unit submits for a deadline: the covenant's emulation theme, or a report as a file (on channels that
receive files) or as "already sent as an official dispatch" (its number and date).

Steps: pick → theme → theme_confirm (covenant); pick → method → file → file_confirm, or
method → dispatch_no → dispatch_date → dispatch_confirm (every other kind). A self-assessment deadline
takes no file or dispatch: it is completed by submitting the scored sheet (`/chamdiem`: the scoring feature
registers itself for that kind, `Feature.completes`),
so pick → by_scoring only says so and offers to start scoring. A reminder's button starts at the
deadline's first step. Who submits, and whether the deadline still takes submissions,
is checked on every step (submissions_access.guard).
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from handlers.core import commands, people
from handlers.core.clock import format_local, format_local_date, to_local
from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.deadlines.due_text import due_text
from handlers.deadlines.flows.submit_access import Submitting, current_submission, guard, open_deadlines
from handlers.deadlines.flows.submit_save import KIND_DISPATCH, KIND_DOCUMENT, KIND_THEME, save
from handlers.deadlines.rules import submission_input as submissions_input
from handlers.deadlines.rules.submission_input import DateProblem, format_size
from handlers.deadlines.rules.workdays import effective_due

FLOW = "submit"
COVENANT, SELF_ASSESSMENT = "covenant", "self_assessment"
PICK, THEME, THEME_CONFIRM, BY_SCORING = "pick", "theme", "theme_confirm", "by_scoring"
METHOD, FILE, FILE_CONFIRM = "method", "file", "file_confirm"
DISPATCH_NO, DISPATCH_DATE, DISPATCH_CONFIRM = "dispatch_no", "dispatch_date", "dispatch_confirm"
DEADLINE_OPTION = "d"
GLOBAL_SUBMIT = "g.submit."  # a reminder's button: valid whatever the chat's dialog version
STEPS = frozenset({PICK, THEME, THEME_CONFIRM, BY_SCORING, METHOD, FILE, FILE_CONFIRM, DISPATCH_NO, DISPATCH_DATE,
                   DISPATCH_CONFIRM})


async def command(ctx: Context, arg: str = "") -> list[Reply]:
    """/nop and the unit menu's item: the open deadlines of the contact's block."""
    regs = await ctx.registrations()
    if not regs:
        return [Reply(ctx.t("not_registered_any"))]
    if not any(people.acts_for_unit(c) for c in regs):
        return [Reply(ctx.t("sub.not_unit"))]
    ctx.begin(FLOW, PICK)
    return [await ask(ctx)]


async def from_reminder(ctx: Context, deadline_id: int) -> list[Reply]:
    """A reminder's "Nộp ngay": straight to the deadline's first step."""
    return await _start(ctx, deadline_id)


async def ask(ctx: Context) -> Reply:
    t, data, step = ctx.t, ctx.data, ctx.state.step
    if step == PICK:
        return await _pick(ctx)
    checked = await guard(ctx)
    if isinstance(checked, Reply):
        return checked
    unit = await people.unit_name(ctx, checked.unit_id)
    title = checked.deadline.title
    if step == BY_SCORING:
        return Reply(t("score.by_sheet", title=title, unit=unit, due=due_text(t, checked.deadline.due_at)),
                     ctx.choices(("score", t("score.opt_start")), ("cancel", t("cancel"))))
    if step == THEME:
        return Reply(t("sub.ask_theme", unit=unit))
    if step == THEME_CONFIRM:
        return Reply(t("sub.theme_summary", unit=unit, theme=data["theme"]),
                     ctx.choices(("confirm", t("sub.theme_confirm")), ("redo", t("redo")), ("cancel", t("cancel"))))
    if step == METHOD:
        note = "" if files_here(ctx) else "\n" + (t("sub.photo_here") if photos_here(ctx) else t("sub.no_files_here"))
        options = [("file", t("sub.method_file"))] if files_here(ctx) else []
        return Reply(t("sub.ask_method") + note,
                     ctx.choices(*options, ("dispatch", t("sub.method_dispatch")), ("cancel", t("cancel"))))
    if step == FILE:
        most = format_size(ctx.config.max_file_bytes)
        return Reply(t("sub.ask_file", max=most) if files_here(ctx) else t("sub.ask_photo", max=most),
                     ctx.choices(("back", t("sub.other_method")), ("cancel", t("cancel"))))
    if step == FILE_CONFIRM:
        file = data["file"]
        return Reply(t("sub.file_summary", unit=unit, title=title, name=file["file_name"],
                       size=format_size(file["size"])),
                     ctx.choices(("confirm", t("sub.confirm")), ("redo", t("sub.other_file")), ("cancel", t("cancel"))))
    if step == DISPATCH_NO:
        return Reply(t("sub.ask_dispatch_no"))
    if step == DISPATCH_DATE:
        return Reply(t("sub.ask_dispatch_date", example=format_local_date(ctx.now)))
    day = date.fromisoformat(data["dispatch_date"])
    return Reply(t("sub.dispatch_summary", unit=unit, title=title, no=data["dispatch_no"],
                   date=day.strftime("%d/%m/%Y")),
                 ctx.choices(("confirm", t("sub.confirm")), ("redo", t("redo")), ("cancel", t("cancel"))))


async def answer(ctx: Context) -> list[Reply]:
    t, step, option = ctx.t, ctx.state.step, ctx.option
    if step == PICK:
        return await _answer_pick(ctx)
    checked = await guard(ctx)
    if isinstance(checked, Reply):
        return [checked]
    if option == "cancel":
        return await _cancel(ctx)
    if step == BY_SCORING and option == "score" and (begin := ctx.features.completes.get(SELF_ASSESSMENT)):
        return await begin(ctx, checked.contact)
    if step in (THEME, DISPATCH_NO):
        return await _answer_text(ctx, step)
    if step == DISPATCH_DATE:
        return await _answer_date(ctx, checked)
    if step == METHOD:
        if option == "file" and files_here(ctx):
            return await _goto(ctx, FILE)
        if option == "dispatch":
            return await _goto(ctx, DISPATCH_NO)
        if ctx.incoming.file is not None and takes_files(ctx):  # sent the file without choosing first
            return await _take_file(ctx)
    elif step in (FILE, FILE_CONFIRM):
        if ctx.incoming.file is not None and takes_files(ctx):
            return await _take_file(ctx)
        if step == FILE and option == "back":
            return await _goto(ctx, METHOD)
        if step == FILE:
            return [Reply(t("sub.file_expected") if files_here(ctx) else t("sub.photo_expected")), await ask(ctx)]
    if step in (THEME_CONFIRM, FILE_CONFIRM, DISPATCH_CONFIRM):
        if option == "confirm":
            kind = {THEME_CONFIRM: KIND_THEME, FILE_CONFIRM: KIND_DOCUMENT}.get(step, KIND_DISPATCH)
            return await save(ctx, checked, kind)
        if option == "redo":
            return await _goto(ctx, {THEME_CONFIRM: THEME, FILE_CONFIRM: FILE}.get(step, DISPATCH_NO))
    return [Reply(t("choose_from_menu")), await ask(ctx)]


def files_here(ctx: Context) -> bool:
    return ctx.incoming.channel in ctx.config.file_channels


def photos_here(ctx: Context) -> bool:
    """Zalo: a person can send a photo (of the signed report or dispatch), which the channel keeps as a file."""
    return ctx.incoming.channel in ctx.config.photo_channels


def takes_files(ctx: Context) -> bool:
    return files_here(ctx) or photos_here(ctx)


async def _goto(ctx: Context, step: str) -> list[Reply]:
    ctx.goto(step)
    return [await ask(ctx)]


async def _cancel(ctx: Context) -> list[Reply]:
    ctx.end()
    return [Reply(ctx.t("cancelled")), await commands.menu(ctx)]


# -- typed answers and files --------------------------------------------------------------------------


async def _answer_text(ctx: Context, step: str) -> list[Reply]:
    if step == THEME:
        theme = submissions_input.theme(ctx.text)
        if theme is None:
            return [Reply(ctx.t("sub.bad_theme")), await ask(ctx)]
        ctx.goto(THEME_CONFIRM, theme=theme)
        return [await ask(ctx)]
    number = submissions_input.dispatch_no(ctx.text)
    if number is None:
        return [Reply(ctx.t("sub.bad_dispatch_no")), await ask(ctx)]
    ctx.goto(DISPATCH_DATE, dispatch_no=number)
    return [await ask(ctx)]


async def _answer_date(ctx: Context, checked: Submitting) -> list[Reply]:
    today = to_local(ctx.now).date()
    earliest = date(checked.term.year - 1, 1, 1)
    value = submissions_input.dispatch_date(ctx.text, today, earliest)
    if isinstance(value, DateProblem):
        key = {"shape": "sub.date_shape", "no_such_day": "sub.date_no_such_day", "future": "sub.date_future",
               "too_old": "sub.date_too_old"}[value.reason]
        return [Reply(ctx.t(key, example=today.strftime("%d/%m/%Y"), today=today.strftime("%d/%m/%Y"),
                            earliest=earliest.strftime("%d/%m/%Y"))), await ask(ctx)]
    ctx.goto(DISPATCH_CONFIRM, dispatch_date=value.isoformat())
    return [await ask(ctx)]


async def _take_file(ctx: Context) -> list[Reply]:
    t, file = ctx.t, ctx.incoming.file
    assert file is not None
    problem = submissions_input.file_problem(file, ctx.config.max_file_bytes)
    if problem is not None:
        ctx.goto(FILE)
        name = submissions_input.upload(file).file_name if file.filename else "?"
        key = "sub.file_too_big" if problem == "too_big" else "sub.file_bad_type"
        return [Reply(t(key, name=name, size=format_size(file.size),
                        max=format_size(ctx.config.max_file_bytes))), await ask(ctx)]
    ctx.goto(FILE_CONFIRM, file=asdict(submissions_input.upload(file)), file_channel=ctx.incoming.channel)
    return [await ask(ctx)]


# -- choosing the deadline ------------------------------------------------------------------------------


async def _pick(ctx: Context) -> Reply:
    t = ctx.t
    regs = [c for c in await ctx.registrations() if people.acts_for_unit(c)]
    if not regs:
        ctx.end()
        return Reply(t("sub.not_allowed"))
    units = ", ".join([await people.unit_name(ctx, c.unit_id) for c in regs])
    items = await open_deadlines(ctx)
    if not items:
        ctx.end()
        return Reply(t("sub.none", unit=units))
    options = []
    for _contact, deadline, done in items:
        key = "sub.label_done" if done else "sub.label"
        options.append((f"{DEADLINE_OPTION}{deadline.id}", t(key, title=deadline.title,
                                                              due=due_text(t, deadline.due_at))))
    return Reply(t("sub.pick", unit=units), ctx.choices(*options, ("cancel", t("cancel"))))


async def _answer_pick(ctx: Context) -> list[Reply]:
    option = ctx.option or ""
    if option == "cancel":
        return await _cancel(ctx)
    if option.startswith(DEADLINE_OPTION) and option[len(DEADLINE_OPTION):].isdigit():
        return await _start(ctx, int(option[len(DEADLINE_OPTION):]))
    prompt = await _pick(ctx)  # the sender may have been revoked meanwhile: then the flow has ended
    return [prompt] if ctx.state.flow is None else [Reply(ctx.t("choose_from_menu")), prompt]


async def _start(ctx: Context, deadline_id: int) -> list[Reply]:
    """Begin the deadline's own steps, once the sender may submit for it."""
    t = ctx.t
    ctx.end()
    deadline = await ctx.uow.deadlines.get(deadline_id)
    if deadline is None:
        return [Reply(t("sub.reminder_gone"))]
    _term, block = await ctx.uow.deadlines.block_of(deadline)
    mine = await people.registration_in_block(ctx, block.id or 0)
    if mine is None:
        return [Reply(t("sub.reminder_gone") if await ctx.registrations() else t("not_registered_any"))]
    if not people.acts_for_unit(mine):
        return [Reply(t("sub.not_unit"))]
    first = {COVENANT: THEME, SELF_ASSESSMENT: BY_SCORING}.get(deadline.kind, METHOD)
    ctx.begin(FLOW, first, contact_id=mine.id, deadline_id=deadline.id)
    checked = await guard(ctx)
    if isinstance(checked, Reply):
        return [checked]
    if first == BY_SCORING:  # nothing to hand in here: the sheet's own submission completes the deadline
        return [await ask(ctx)]
    lines = [t("sub.intro", title=deadline.title, due=due_text(t, deadline.due_at))]
    previous = await current_submission(ctx, deadline_id, checked.unit_id)
    if previous is not None:
        lines.append(t("sub.intro_resubmit", at=format_local(previous.submitted_at)))
    if ctx.now > effective_due(deadline.due_at):
        kept = previous is not None and not previous.late  # an on-time unit's later copy is a supplement
        lines.append(t("sub.intro_supplement") if kept else t("sub.intro_late"))
    return [Reply("\n".join(lines)), await ask(ctx)]
