"""The cross-check in chat: a submitted unit → a criterion (or all in order) → the checked score →
a reason when it differs from the self score → saved. Finishing the unit tells its contacts what
changed. A unit reopened meanwhile ends the check with the reason."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from functools import partial
from typing import Final

from handlers.core import people
from handlers.core.clock import format_local
from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.scoring import service as ops
from handlers.scoring.board import ScoreBoard
from handlers.scoring.flows import check_suggest as suggest
from handlers.scoring.flows import scores_view as view
from handlers.scoring.rules.ranking import Mark
from handlers.scoring.rules.scores import ScoreError, parse_number, parse_score, show
from storage.models import Criterion, Unit

PICK, UNIT, SCORE, REASON = "check_unit", "check_view", "check_score", "check_reason"
STEPS = (PICK, UNIT, SCORE, REASON)
CRITERION_KIND_KEYS: Final = {"base": "sca.kind.base", "bonus": "sca.kind.bonus", "deduction": "sca.kind.deduction"}
SEQ, DONE, KEEP, CLEAR, SKIP, CRITERION = "seq", "done", "keep", "clear", "skip", "c."
# At the score step a typed number is always a score, never a menu number; the other actions are
# buttons where the channel has them (Telegram), and typed words everywhere (Zalo has no buttons).
_WORDS = {"giu": KEEP, "giu diem tu cham": KEEP, "keep": KEEP, "bo diem kiem tra": CLEAR, "xoa": CLEAR,
          "clear": CLEAR, "bo qua": SKIP, "skip": SKIP, "quay lai": view.BACK, "back": view.BACK}


def fold(text: str | None) -> str:
    """Lower case, no accents, single spaces: «Bỏ  qua» → "bo qua"."""
    text = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(ch for ch in text if not unicodedata.combining(ch)).casefold().split()).strip(" .!")


def buttons_here(ctx: Context) -> bool:
    """Channels that show buttons are the ones that receive files (Telegram, the sandbox's Telegram style)."""
    return ctx.incoming.channel in ctx.config.file_channels


async def start(ctx: Context, board: ScoreBoard) -> list[Reply]:
    if not any(board.submitted(u) for u in board.units):
        return await view.back_to_overview(ctx, Reply(ctx.t("sca.none_submitted")))
    ctx.goto(PICK)
    return [await ask(ctx)]


def _unit(ctx: Context, board: ScoreBoard) -> Unit | None:
    return board.unit_by_id(ctx.data.get("unit_id"))


def _criterion(ctx: Context, board: ScoreBoard) -> Criterion | None:
    code = ctx.data.get("code")
    return board.criterion(code) if isinstance(code, str) else None


async def ask(ctx: Context) -> Reply:
    board = await view.board_of(ctx)
    if isinstance(board, str):
        return (await view.back_to_overview(ctx))[-1]
    step = ctx.state.step
    if step == PICK:
        units = [u for u in board.units if board.submitted(u)]
        return Reply(ctx.t("sca.pick_check"), view.unit_choices(ctx, board, units, checked=True))
    unit = _unit(ctx, board)
    if unit is None or not board.submitted(unit):
        return await view.gone(ctx, unit)
    criterion = _criterion(ctx, board)
    if step == UNIT or criterion is None:
        ctx.goto(UNIT)
        return _unit_view(ctx, board, unit, *await suggest.view_part(ctx, board, unit))
    if step == SCORE:
        return _score_prompt(ctx, board, unit, criterion)
    mark = board.mark(unit, criterion.code)
    return Reply(ctx.t("sca.ask_reason", code=criterion.code, checked=show(Decimal(ctx.data["pending"])),
                       own=show(mark.self_score or Decimal(0))), view.with_back(ctx))


def _unit_view(ctx: Context, board: ScoreBoard, unit: Unit, hint: list[str], extra: list[tuple[str, str]]) -> Reply:
    t = ctx.t
    found = board.progress(unit).assessment
    at = format_local(found.submitted_at) if found and found.submitted_at else "?"
    text = t("sca.unit_view", unit=unit.name, at=at, late=t("sca.p.late") if found and found.late else "",
             own=show(board.totals(unit, "self").total), final=show(board.totals(unit).total),
             done=board.progress(unit).checked, total=len(board.criteria))
    text = "\n".join([text, *hint])
    pairs = [(SEQ, t("sca.go_in_order"))]
    for c in board.criteria:
        mark = board.mark(unit, c.code)
        own, limit = show(mark.self_score), show(c.max_score)
        if mark.checked is None:
            label = t("sca.crit_open", code=c.code, own=own, max=limit)
        elif mark.changed:
            label = t("sca.crit_changed", code=c.code, own=own, checked=show(mark.checked), max=limit)
        else:
            label = t("sca.crit_agreed", code=c.code, own=own, max=limit)
        pairs.append((f"{CRITERION}{c.code}", label))
    pairs += [(DONE, t("sca.finish_unit")), *extra]
    return Reply(text, ctx.choices(*pairs))


def _score_prompt(ctx: Context, board: ScoreBoard, unit: Unit, c: Criterion) -> Reply:
    t = ctx.t
    mark, line = board.mark(unit, c.code), board.line(unit, c.code)
    position = next(i for i, x in enumerate(board.criteria, 1) if x.code == c.code)
    lines = [t("sca.ask_score_head", code=c.code, position=position, total=len(board.criteria),
               group=c.section_code or t(CRITERION_KIND_KEYS[c.kind]), text=c.text),
             t("sca.ask_score_max", max=show(c.max_score), step=show(board.sheet.step)),
             t("sca.ask_score_self", own=show(mark.self_score),
               explanation=line.explanation if line and line.explanation else t("sca.no_explanation"))]
    if mark.checked is not None:
        lines.append(t("sca.ask_score_current", checked=show(mark.checked),
                       reason=line.check_reason if line and line.check_reason else t("sca.no_reason")))
    pairs = [(KEEP, t("sca.keep_self", own=show(mark.self_score or Decimal(0))))]
    if mark.checked is not None:
        pairs.append((CLEAR, t("sca.clear_check")))
    if ctx.data.get("seq"):
        pairs.append((SKIP, t("sca.skip")))
    if buttons_here(ctx):
        lines.append(t("sca.ask_score"))
        return Reply("\n".join(lines), view.with_back(ctx, *pairs), number_input=True)
    words = [t("sca.word_keep"), *([t("sca.word_clear")] if mark.checked is not None else []),
             *([t("sca.word_skip")] if ctx.data.get("seq") else []), t("sca.word_back")]
    lines.append(t("sca.ask_score_words", words=", ".join(words)))
    return Reply("\n".join(lines), number_input=True)


async def answer(ctx: Context) -> list[Reply]:
    t, step, option = ctx.t, ctx.state.step, ctx.option or ""
    board = await view.board_of(ctx)
    if isinstance(board, str):
        return await view.back_to_overview(ctx)
    if step == PICK:
        unit = view.picked_unit(ctx, board)
        if unit is None or not board.submitted(unit):
            return [Reply(t("choose_from_menu")), await ask(ctx)]
        ctx.goto(UNIT, unit_id=unit.id, seq=False, before={})
        return [await ask(ctx)]
    unit = _unit(ctx, board)
    if unit is None or not board.submitted(unit):
        return [await view.gone(ctx, unit)]
    if step == UNIT:
        return await _on_unit(ctx, board, unit)
    criterion = _criterion(ctx, board)
    if criterion is None:
        ctx.goto(UNIT)
        return [await ask(ctx)]
    if step == SCORE:
        return await _on_score(ctx, board, unit, criterion)
    if option == view.BACK:
        ctx.goto(SCORE)
        return [await ask(ctx)]
    reason = ops.clean_reason(ctx.text) if ctx.option is None else None
    if reason is None:
        return [Reply(t("sca.bad_reason")), await ask(ctx)]
    return await _save(ctx, board, unit, criterion, Decimal(ctx.data["pending"]), reason)


async def _on_unit(ctx: Context, board: ScoreBoard, unit: Unit) -> list[Reply]:
    option = ctx.option or ""
    if option == SEQ and board.criteria:
        first = next((c for c in board.criteria if board.mark(unit, c.code).checked is None), board.criteria[0])
        ctx.goto(SCORE, seq=True, code=first.code)
        return [await ask(ctx)]
    if option.startswith(CRITERION) or (ctx.option is None and ctx.text and board.criterion(ctx.text)):
        found = board.criterion(option[len(CRITERION):] if ctx.option else ctx.text or "")
        if found is not None:
            ctx.goto(SCORE, seq=False, code=found.code)
            return [await ask(ctx)]
    if option == DONE:
        return await _finish(ctx, board, unit)
    if option == suggest.APPLY:
        try:
            applied = await suggest.apply(ctx, board, unit)
        except ops.NotSubmitted:
            return [await view.gone(ctx, unit)]
        return [applied or Reply(ctx.t("sca.suggest_gone")), await ask(ctx)]
    return [Reply(ctx.t("sca.pick_criterion_again")), await ask(ctx)]


async def _on_score(ctx: Context, board: ScoreBoard, unit: Unit, c: Criterion) -> list[Reply]:
    t = ctx.t
    mark = board.mark(unit, c.code)
    typed = None if ctx.incoming.option is not None else (ctx.incoming.text or "").strip()
    if typed and parse_number(typed) is not None:
        return await _take(ctx, board, unit, c, typed)
    option = ctx.option or _WORDS.get(fold(ctx.text))
    if option == view.BACK:
        ctx.goto(UNIT, seq=False)
        return [await ask(ctx)]
    if option == SKIP and ctx.data.get("seq"):
        return await _next(ctx, board, unit, c, None)
    if option == KEEP:
        return await _save(ctx, board, unit, c, mark.self_score or Decimal(0), None)
    if option == CLEAR and mark.checked is not None:
        return await _save(ctx, board, unit, c, None, None)
    if option is not None or not ctx.text:
        return [Reply(t("sca.type_score")), await ask(ctx)]
    return await _take(ctx, board, unit, c, ctx.text)


async def _take(ctx: Context, board: ScoreBoard, unit: Unit, c: Criterion, text: str) -> list[Reply]:
    """A typed checked score: re-asked with the nearest valid values, saved, or on to the reason."""
    mark = board.mark(unit, c.code)
    got = parse_score(text, c.max_score, board.sheet.step)
    if isinstance(got, ScoreError):
        return [Reply(_score_error(ctx, got, c, board, text)), await ask(ctx)]
    if not Mark(mark.self_score, got).changed:
        return await _save(ctx, board, unit, c, got, None)
    ctx.goto(REASON, pending=str(got))
    return [await ask(ctx)]


def _score_error(ctx: Context, error: ScoreError, c: Criterion, board: ScoreBoard, text: str) -> str:
    t = ctx.t
    value = " ".join(text.split())[:40]
    nearest = t("sca.or").join(show(v) for v in error.nearest)
    rule = t("sca.score_rule", max=show(c.max_score), step=show(board.sheet.step))
    if error.reason == "score.off_step":
        return t("sca.score_off_step", value=value, rule=rule, nearest=nearest)
    if error.reason == "score.above_max":
        return t("sca.score_above_max", value=value, rule=rule, max=nearest)
    if error.reason == "score.negative":
        return t("sca.score_negative", value=value, rule=rule)
    return t("sca.score_not_number", value=value, rule=rule)


async def _save(ctx: Context, board: ScoreBoard, unit: Unit, c: Criterion, score: Decimal | None,
                reason: str | None) -> list[Reply]:
    before = dict(ctx.data.get("before") or {})
    old = board.mark(unit, c.code).checked
    try:
        await ops.set_checks(ctx.uow, board, unit, [(c.code, score, reason)], ctx.now, await view.actor(ctx))
    except ops.NotSubmitted:
        return [await view.gone(ctx, unit)]
    before.setdefault(c.code, None if old is None else str(old))
    ctx.goto(SCORE, before=before)
    own = show(board.mark(unit, c.code).self_score or Decimal(0))
    if score is None:
        saved = ctx.t("sca.saved_cleared", code=c.code, own=own)
    elif reason is None:
        saved = ctx.t("sca.saved_agreed", code=c.code, own=own)
    else:
        saved = ctx.t("sca.saved_changed", code=c.code, own=own, checked=show(score))
    return await _next(ctx, board, unit, c, Reply(saved))


async def _next(ctx: Context, board: ScoreBoard, unit: Unit, c: Criterion, saved: Reply | None) -> list[Reply]:
    done = [saved] if saved else []
    codes = [x.code for x in board.criteria]
    following = codes.index(c.code) + 1
    if ctx.data.get("seq") and following < len(codes):
        ctx.goto(SCORE, code=codes[following])
        return [*done, await ask(ctx)]
    end = [Reply(ctx.t("sca.all_gone_through"))] if ctx.data.get("seq") else []
    ctx.goto(UNIT, seq=False, code=None)
    return [*done, *end, await ask(ctx)]


async def _finish(ctx: Context, board: ScoreBoard, unit: Unit) -> list[Reply]:
    before = {code: None if value is None else Decimal(value) for code, value in
              (ctx.data.get("before") or {}).items()}
    changes = ops.changes_since(board, unit, before)
    told = await ops.tell_changes(ctx.uow, board, unit, changes, partial(people.notify_contacts, ctx),
                                  await view.actor(ctx))
    visible = ops.news(changes)
    if visible:
        text = ctx.t("sca.finished", unit=unit.name, count=len(visible), told=told)
    else:
        text = ctx.t("sca.finished_nothing", unit=unit.name)
    ctx.state.data = {"block_id": view.block_id(ctx)}
    ctx.goto(PICK)
    return [Reply(text), await ask(ctx)]
