"""What the scoring flow shows: the progress overview, the ranking, unit pickers, the roles."""

from __future__ import annotations

from typing import Final

from handlers.core import people
from handlers.core.catalog import Catalog
from handlers.core.clock import format_local
from handlers.core.context import Context
from handlers.core.messages import Choice, Reply
from handlers.core.roles import ROLE_OBSERVER, ROLE_SECRETARIAT
from handlers.scoring.board import DONE, IN_PROGRESS, NO_TERM, NOT_STARTED, REOPENED, ScoreBoard, load
from handlers.scoring.rules.scores import show
from storage.models import Unit

OVERVIEW = "overview"
CHECK, RANKING, EXPORT, EXPORT_UNIT, REOPEN, EXIT, BACK = (
    "a.check", "a.rank", "x.sum", "x.unit", "a.reopen", "exit", "back")
SECRETARIAT_ACTIONS = ((CHECK, "check"), (RANKING, "ranking"), (EXPORT, "export"), (EXPORT_UNIT, "export_unit"),
                       (REOPEN, "reopen"), (EXIT, "exit"))
OBSERVER_ACTIONS = ((RANKING, "ranking"), (EXPORT, "export"), (EXPORT_UNIT, "export_unit"), (EXIT, "exit"))
UNIT_PREFIX = "u"
SCORES_ACTION_KEYS: Final = {
    "check": "sca.action.check", "exit": "sca.action.exit", "export": "sca.action.export",
    "export_unit": "sca.action.export_unit", "ranking": "sca.action.ranking", "reopen": "sca.action.reopen",
}


def block_id(ctx: Context) -> int:
    value: int = ctx.data["block_id"]
    return value


async def role(ctx: Context) -> str | None:
    """The sender's role in the flow's block: secretariat, observer (reads only), or None."""
    wanted = ctx.data.get("block_id")
    if not isinstance(wanted, int):
        return None
    if await people.secretariat_for(ctx, wanted) is not None:
        return ROLE_SECRETARIAT
    found = await people.registration_in_block(ctx, wanted)
    return ROLE_OBSERVER if found is not None and found.role == ROLE_OBSERVER else None


async def actor(ctx: Context) -> str:
    me = await people.secretariat_for(ctx, block_id(ctx))
    return f"contact:{me.id if me else '?'}"


async def board_of(ctx: Context) -> ScoreBoard | str:
    return await load(ctx.uow, block_id(ctx), ctx.now)


async def missing_text(ctx: Context, why: str, wanted: int) -> str:
    block = await people.block_name(ctx, wanted)
    if why == NO_TERM:
        return ctx.t("sca.no_term", block=block)
    term = await ctx.uow.directory.current_term(wanted)
    return ctx.t("sca.no_sheet", block=block, year=term.year if term else "?")


def reset(ctx: Context) -> None:
    ctx.state.step = OVERVIEW
    ctx.state.data = {"block_id": block_id(ctx)}


def with_back(ctx: Context, *pairs: tuple[str, str]) -> tuple[Choice, ...]:
    return ctx.choices(*pairs, (BACK, ctx.t("back")))


def progress_line(t: Catalog, board: ScoreBoard, unit: Unit) -> str:
    p = board.progress(unit)
    total = len(board.criteria)
    overdue = t("sca.p.overdue") if board.overdue(unit) else ""
    if p.state == NOT_STARTED:
        return t("sca.p.not_started", unit=unit.name) + overdue
    if p.state in (IN_PROGRESS, REOPENED):
        key = "sca.p.reopened" if p.state == REOPENED else "sca.p.in_progress"
        return t(key, unit=unit.name, done=p.scored, total=total) + overdue
    found = p.assessment
    at = format_local(found.submitted_at) if found and found.submitted_at else "?"
    late = t("sca.p.late") if found and found.late else ""
    checked = t("sca.p.checked", done=p.checked, total=total) if p.checked else ""
    return t("sca.p.submitted", unit=unit.name, at=at, late=late, checked=checked)


def overview_text(t: Catalog, board: ScoreBoard) -> str:
    states = [board.progress(u).state for u in board.units]
    lines = [t("sca.overview_header", year=board.year, block=board.block),
             t("sca.overview_sheet", title=board.sheet.title, step=show(board.sheet.step), max=show(board.base_max))]
    lines += [progress_line(t, board, u) for u in board.units]
    lines.append(t("sca.overview_counts", done=states.count(DONE), total=len(states),
                   working=states.count(IN_PROGRESS) + states.count(REOPENED), idle=states.count(NOT_STARTED)))
    return "\n".join(lines)


async def actions(ctx: Context) -> tuple[Choice, ...]:
    """What the sender may do from the overview: the observer only reads."""
    t = ctx.t
    allowed = SECRETARIAT_ACTIONS if await role(ctx) == ROLE_SECRETARIAT else OBSERVER_ACTIONS
    return ctx.choices(*((option, t(SCORES_ACTION_KEYS[name])) for option, name in allowed))


async def overview(ctx: Context) -> Reply:
    t = ctx.t
    board = await board_of(ctx)
    if isinstance(board, str):
        return Reply(await missing_text(ctx, board, block_id(ctx)))
    return Reply(f"{overview_text(t, board)}\n{t('sca.overview_footer')}", await actions(ctx))


async def gone(ctx: Context, unit: Unit | None) -> Reply:
    """The unit's sheet is no longer submitted (a colleague reopened it meanwhile): said over the overview."""
    reset(ctx)
    again = await overview(ctx)
    return Reply(f"{ctx.t('sca.not_submitted', unit=unit.name if unit else '?')}\n\n{again.text}", again.choices)


async def next_action(ctx: Context, *before: Reply) -> list[Reply]:
    """Back at the overview step after a read (ranking, export): the actions again, not the whole progress."""
    reset(ctx)
    return [*before, Reply(ctx.t("sca.next_action"), await actions(ctx))]


async def back_to_overview(ctx: Context, *before: Reply) -> list[Reply]:
    reset(ctx)
    return [*before, await overview(ctx)]


def ranking_text(t: Catalog, board: ScoreBoard) -> str:
    standings = board.standings()
    if not standings:
        return t("sca.ranking_none")
    lines = [t("sca.ranking_header", year=board.year, block=board.block, done=len(standings),
               total=len(board.units))]
    for s in standings:
        unit = board.unit_by_id(s.key)
        assert unit is not None
        own = board.totals(unit, "self").total
        lines.append(t("sca.ranking_line", rank=s.rank, unit=unit.name, total=show(s.total), own=show(own),
                       tie=t("sca.tie_tag") if s.tied else ""))
    missing = [u.name for u in board.units if not board.submitted(u)]
    if missing:
        lines.append(t("sca.ranking_missing", units="; ".join(missing)))
    if any(s.tied for s in standings):
        lines.append(t("sca.ranking_tie_note"))
    return "\n".join(lines)


def unit_choices(ctx: Context, board: ScoreBoard, units: list[Unit], checked: bool = False) -> tuple[Choice, ...]:
    total = len(board.criteria)
    pairs = []
    for u in units:
        label = u.name
        if checked:
            label = ctx.t("sca.pick_unit_checked", unit=u.name, done=board.progress(u).checked, total=total)
        pairs.append((f"{UNIT_PREFIX}{u.id}", label))
    return with_back(ctx, *pairs)


def picked_unit(ctx: Context, board: ScoreBoard) -> Unit | None:
    option = ctx.option or ""
    if option[:1] != UNIT_PREFIX or not option[1:].isdigit():
        return None
    return board.unit_by_id(int(option[1:]))
