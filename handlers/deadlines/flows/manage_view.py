"""What the deadline flow shows: the overview of the term's deadlines, labels, the due-date step."""

from __future__ import annotations

from datetime import datetime
from typing import Final

from handlers.core import people
from handlers.core.catalog import Catalog
from handlers.core.clock import format_local, format_local_date, to_local
from handlers.core.context import Context
from handlers.core.messages import Choice, Reply
from handlers.deadlines import status as deadline_status
from handlers.deadlines.due_text import due_text
from handlers.deadlines.rules.due_date import FORMAT, NO_SUCH_DAY, PAST, off_day, read_due
from handlers.deadlines.rules.kinds import DL_KIND_KEYS, WEEKDAY_KEYS
from handlers.deadlines.rules.workdays import effective_due
from storage.models import Deadline, Term

OVERVIEW = "overview"
ADD, MOVE, CANCEL, CLOSE = "a.add", "a.move", "a.cancel", "a.close"
EXPORT_SUBMISSIONS, EXPORT_THEMES, EXIT, BACK = "x.subs", "x.themes", "exit", "back"
ACTIONS = ((ADD, "add"), (MOVE, "move"), (CANCEL, "cancel"), (CLOSE, "close"),
           (EXPORT_SUBMISSIONS, "export_submissions"), (EXPORT_THEMES, "export_themes"), (EXIT, "exit"))
ECHO_MAX = 40  # how much of a wrong input is quoted back
DL_ACTION_KEYS: Final = {
    "add": "dl.action.add", "cancel": "dl.action.cancel", "close": "dl.action.close", "exit": "dl.action.exit",
    "export_submissions": "dl.action.export_submissions", "export_themes": "dl.action.export_themes",
    "move": "dl.action.move",
}


def kind_label(t: Catalog, kind: str) -> str:
    return t(DL_KIND_KEYS[kind])


def weekday(t: Catalog, moment: datetime) -> str:
    return t(WEEKDAY_KEYS[to_local(moment).weekday()])


def echo(text: str | None) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= ECHO_MAX else flat[:ECHO_MAX - 1] + "…"


def block_id(ctx: Context) -> int:
    value: int = ctx.data["block_id"]
    return value


async def term_of(ctx: Context) -> Term | None:
    return await ctx.uow.directory.current_term(block_id(ctx))


async def deadline_of(ctx: Context, deadline_id: object) -> Deadline | None:
    """A live (not cancelled) deadline of the block's current term, or None."""
    if not isinstance(deadline_id, int):
        return None
    deadline = await ctx.uow.deadlines.get(deadline_id)
    term = await term_of(ctx)
    if deadline is None or term is None or deadline.term_id != term.id or deadline.cancelled_at is not None:
        return None
    return deadline


def reset(ctx: Context) -> None:
    """Back to the overview, forgetting the sub-action's answers."""
    ctx.state.step = OVERVIEW
    ctx.state.data = {"block_id": block_id(ctx)}


async def overview(ctx: Context) -> Reply:
    t = ctx.t
    block = await people.block_name(ctx, block_id(ctx))
    term = await term_of(ctx)
    lines = [t("dl.overview_header", block=block, year=term.year if term else "?")]
    items = await deadline_status.statuses(ctx.uow, block_id(ctx))
    for status in items:  # bullets, not numbers: on Zalo the numbers belong to the menu below
        d = status.deadline
        lines.append(t("dl.overview_line", title=d.title, kind=kind_label(t, d.kind), due=due_text(t, d.due_at),
                       done=status.submitted, total=len(status.units),
                       closed=t("dl.closed_tag") if d.closed_at is not None else ""))
    if not items:
        lines.append(t("dl.overview_empty"))
    lines.append(t("dl.overview_footer"))
    return Reply("\n".join(lines), ctx.choices(*((option, t(DL_ACTION_KEYS[name])) for option, name in ACTIONS)))


async def back_to_overview(ctx: Context, *before: Reply) -> list[Reply]:
    reset(ctx)
    return [*before, await overview(ctx)]


async def gone(ctx: Context) -> Reply:
    """The picked deadline was cancelled meanwhile (by a colleague): say so over the overview."""
    reset(ctx)
    again = await overview(ctx)
    return Reply(f"{ctx.t('dl.gone')}\n\n{again.text}", again.choices)


def told_text(ctx: Context, count: int) -> str:
    return ctx.t("dl.told", count=count) if count else ctx.t("dl.told_none")


def back_choice(ctx: Context) -> tuple[str, str]:
    return BACK, ctx.t("back")


def with_back(ctx: Context, *pairs: tuple[str, str]) -> tuple[Choice, ...]:
    return ctx.choices(*pairs, back_choice(ctx))


def due_error(ctx: Context, text: str | None, current: datetime | None) -> tuple[datetime | None, str | None]:
    """The typed due time, or the guidance why it cannot be one."""
    t = ctx.t
    if not text:
        return None, t("dl.due_empty")
    got = read_due(text, ctx.now)
    if got.error == FORMAT:
        return None, t("dl.due_bad_format", text=echo(text))
    if got.error == NO_SUCH_DAY:
        return None, t("dl.due_no_such_day", text=echo(text))
    assert got.at is not None
    if got.error == PAST:
        return None, t("dl.due_past", due=format_local(got.at), now=format_local(ctx.now))
    if current is not None and got.at == current:
        return None, t("dl.due_same", due=format_local(current))
    return got.at, None


def off_day_warning(t: Catalog, due: datetime) -> str | None:
    day = to_local(due).date()
    why = off_day(day, t.lang)
    if why is None:
        return None
    date = format_local_date(due)
    if why.holiday:
        text = t("dl.warn_holiday", date=date, holiday=why.holiday)
    else:
        text = t("dl.warn_weekend", date=date, weekday=t(WEEKDAY_KEYS[why.weekday]))
    return f"{text}\n{t('dl.warn_effective', effective=format_local(effective_due(due)))}"


def warn_reply(ctx: Context, due: datetime) -> Reply:
    t = ctx.t
    text = f"{off_day_warning(t, due) or ''}\n{t('dl.warn_ask', due=format_local(due))}".strip()
    return Reply(text, with_back(ctx, ("keep", t("dl.keep_date")), ("other", t("dl.other_date"))))


def take_due(ctx: Context, prefix: str, current: datetime | None) -> Reply | None:
    """At `<prefix>_due` / `<prefix>_due_warn`: a typed date goes on to the warning or the summary;
    returns the guidance when the text is no due date (the caller asks the step again)."""
    due, error = due_error(ctx, ctx.text, current)
    if due is None:
        return Reply(error or "")
    nxt = f"{prefix}_due_warn" if off_day_warning(ctx.t, due) else f"{prefix}_confirm"
    ctx.goto(nxt, due=due.isoformat())
    return None


def due_from(ctx: Context) -> datetime:
    return datetime.fromisoformat(ctx.data["due"])
