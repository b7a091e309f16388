"""Preparing a poll in chat: kind → question → candidates (→ top N | list) → seats → summary.

The summary shows every setting with its default and lets the secretariat change any of them, save
the draft, or save and open at once. Numeric steps show no other button than the numbers, so that a
number typed on Zalo is never taken for a menu item; "quay lại" goes one step back.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from handlers.core import people
from handlers.core.clock import to_local
from handlers.core.context import Context
from handlers.core.messages import Choice, Reply
from handlers.voting.flows import polls_actions as actions
from handlers.voting.flows import polls_view as view
from handlers.voting.result_text import POLL_KIND_KEYS, unit_names
from handlers.voting.rules.poll_input import read_count, read_fraction, read_minutes, read_percent, read_units
from handlers.voting.setup import (
    MAX_PLACE,
    MAX_QUESTION,
    Draft,
    create,
    member_units,
    new_draft,
    score_board,
    settings_text,
    top_by_score,
)
from storage.models_vote import POLL_KINDS

KIND, QUESTION, CANDIDATES, TOP, UNITS, SEATS, SUMMARY = (
    "p_kind", "p_question", "p_candidates", "p_top", "p_units", "p_seats", "p_summary")
MAX, THRESHOLD, QUORUM, TIME, PLACE = "e_max", "e_threshold", "e_quorum", "e_time", "e_place"
STEPS = (KIND, QUESTION, CANDIDATES, TOP, UNITS, SEATS, SUMMARY, MAX, THRESHOLD, QUORUM, TIME, PLACE)
BACK_WORDS = frozenset({"quay lại", "quay lai", "trở lại", "tro lai", "back"})
SAVE, SAVE_OPEN, TOGGLE_SELF, TOGGLE_BLANK = "s.save", "s.open", "e.self", "e.blank"
EDITS = {"e.question": QUESTION, "e.candidates": CANDIDATES, "e.seats": SEATS, "e.max": MAX,
         "e.threshold": THRESHOLD, "e.quorum": QUORUM, "e.time": TIME, "e.place": PLACE}
EDIT_KEYS: Final = {
    "e.question": "poll.action.e.question", "e.candidates": "poll.action.e.candidates",
    "e.seats": "poll.action.e.seats",
    "e.max": "poll.action.e.max", "e.threshold": "poll.action.e.threshold", "e.quorum": "poll.action.e.quorum",
    "e.time": "poll.action.e.time", "e.place": "poll.action.e.place"}
PREVIOUS = {QUESTION: KIND, CANDIDATES: QUESTION, TOP: CANDIDATES, UNITS: CANDIDATES, SEATS: CANDIDATES}
ALL, BY_SCORE, BY_LIST = "c.all", "c.top", "c.list"
SEAT_BUTTONS = 3
ASK_KEYS: Final = {"threshold": "poll.ask_threshold", "quorum": "poll.ask_quorum", "time": "poll.ask_time",
            "place": "poll.ask_place"}  # the settings asked the same way
POLL_BAD_KEYS: Final = {
    "max": "poll.bad.max", "place": "poll.bad.place", "question": "poll.bad.question", "quorum": "poll.bad.quorum",
    "seats": "poll.bad.seats", "threshold": "poll.bad.threshold", "time": "poll.bad.time"}


async def start(ctx: Context) -> list[Reply]:
    ctx.goto(KIND, editing=False, draft=None)
    return [await ask(ctx)]


def draft(ctx: Context) -> Draft:
    return Draft.from_data(ctx.data["draft"])


def _keep(ctx: Context, changed: Draft, step: str) -> None:
    ctx.goto(step, draft=changed.to_data())


def _draft_lost(ctx: Context) -> bool:
    """A step past the kind without its draft (a state from an older version): start again at the kind."""
    if ctx.state.step != KIND and not isinstance(ctx.data.get("draft"), dict):
        ctx.goto(KIND, editing=False, draft=None)
        return True
    return False


async def ask(ctx: Context) -> Reply:
    _draft_lost(ctx)
    t, step = ctx.t, ctx.state.step
    back = Choice(view.BACK, t("poll.action.back"))
    if step == KIND:
        return Reply(t("poll.ask_kind"), (*(Choice(f"k.{k}", t(POLL_KIND_KEYS[k])) for k in POLL_KINDS), back))
    current = draft(ctx)
    if step == QUESTION:
        return Reply(t("poll.ask_question", question=current.question),
                     (Choice("q.keep", t("poll.action.keep_question")), back))
    if step == CANDIDATES:
        members = await member_units(ctx.uow, view.block_id(ctx))
        choices = [Choice(ALL, t("poll.action.all_units", count=len(members)))]
        if await score_board(ctx.uow, view.block_id(ctx), ctx.now) is not None:
            choices.append(Choice(BY_SCORE, t("poll.action.top_by_score")))
        return Reply(t("poll.ask_candidates"), (*choices, Choice(BY_LIST, t("poll.action.pick_units")), back))
    if step == TOP:
        return Reply(t("poll.ask_top"))
    if step == UNITS:
        units = await ctx.uow.directory.units(view.block_id(ctx))
        lines = [t("poll.ask_units")] + [t("poll.unit_line", n=n, code=u.code, unit=u.name)
                                         for n, u in enumerate(units, 1)]
        return Reply("\n".join(lines))
    if step == SEATS:
        top = min(SEAT_BUTTONS, max(1, len(current.candidates)))
        return Reply(t("poll.ask_seats", candidates=len(current.candidates), seats=current.seats),
                     tuple(Choice(f"n.{n}", str(n)) for n in range(1, top + 1)))
    if step == MAX:
        return Reply(t("poll.ask_max", seats=current.seats, value=current.max_choices))
    if step in (THRESHOLD, QUORUM, TIME, PLACE):
        return Reply(t(ASK_KEYS[step[2:]], threshold=current.threshold_pct,
                       quorum=f"{current.quorum_num}/{current.quorum_den}",
                       minutes=current.time_limit_min or 0, place=current.place or "—"))
    return await summary(ctx, current)


async def summary(ctx: Context, current: Draft) -> Reply:
    t = ctx.t
    names = await unit_names(ctx.uow, view.block_id(ctx))
    text = "\n\n".join([t("poll.summary_header"), settings_text(t, current, names),
                        *current.problems(t)])
    self_key = "poll.action.forbid_self" if current.allow_self else "poll.action.allow_self"
    choices = [Choice(SAVE, t("poll.action.save")), Choice(SAVE_OPEN, t("poll.action.save_open"))]
    choices += [Choice(option, t(EDIT_KEYS[option])) for option in EDITS]
    blank_key = "poll.action.blank_invalid" if current.blank_valid else "poll.action.blank_valid"
    choices[7:7] = [Choice(TOGGLE_SELF, t(self_key)), Choice(TOGGLE_BLANK, t(blank_key))]  # beside the other rules
    return Reply(text, (*choices, Choice(view.BACK, t("poll.action.drop_draft"))))


async def answer(ctx: Context) -> list[Reply]:
    if _draft_lost(ctx):
        return [await ask(ctx)]
    t, step, option = ctx.t, ctx.state.step or KIND, ctx.option
    text = (ctx.text or "").strip()
    if option == view.BACK or (option is None and text.casefold() in BACK_WORDS):
        return await _back(ctx, step)
    if step == KIND:
        kind = (option or "")[2:]
        if not (option or "").startswith("k.") or kind not in POLL_KINDS:
            return [Reply(t("choose_from_menu")), await ask(ctx)]
        term = await view.term_of(ctx)
        members = await member_units(ctx.uow, view.block_id(ctx))
        fresh = new_draft(t, kind, term.year if term else to_local(ctx.now).year, members)
        fresh.place = await _last_place(ctx)
        _keep(ctx, fresh, QUESTION)
        return [await ask(ctx)]
    current = draft(ctx)
    if step == SUMMARY:
        return await _on_summary(ctx, current)
    if step == QUESTION:
        if option == "q.keep":
            return await _next(ctx, current, CANDIDATES)
        if option is None and text:
            return await _next(ctx, replace(current, question=" ".join(text.split())[:MAX_QUESTION]), CANDIDATES)
        return [Reply(t("poll.bad.question")), await ask(ctx)]
    if step == CANDIDATES:
        return await _on_candidates(ctx, current, option)
    if step == TOP:
        return await _on_top(ctx, current, text)
    if step == UNITS:
        return await _on_units(ctx, current, text)
    if step == SEATS:
        value = int(option[2:]) if option and option.startswith("n.") else read_count(text, 1, len(current.candidates))
        if value is None or value > max(1, len(current.candidates)):
            return [Reply(t("poll.bad.seats", candidates=len(current.candidates))), await ask(ctx)]
        return await _to_summary(ctx, current.with_seats(value))
    return await _on_edit(ctx, current, step, text)


async def _on_candidates(ctx: Context, current: Draft, option: str | None) -> list[Reply]:
    if option == ALL:
        members = await member_units(ctx.uow, view.block_id(ctx))
        return await _next(ctx, replace(current, candidates=members), SEATS)
    if option == BY_SCORE:
        ctx.goto(TOP)
        return [await ask(ctx)]
    if option == BY_LIST:
        ctx.goto(UNITS)
        return [await ask(ctx)]
    return [Reply(ctx.t("choose_from_menu")), await ask(ctx)]


async def _on_top(ctx: Context, current: Draft, text: str) -> list[Reply]:
    t = ctx.t
    board = await score_board(ctx.uow, view.block_id(ctx), ctx.now)
    if board is None:
        ctx.goto(CANDIDATES)
        return [Reply(t("poll.no_scores")), await ask(ctx)]
    n = read_count(text, 1, len(board.units))
    if n is None:
        return [Reply(t("poll.bad.top", units=len(board.units))), await ask(ctx)]
    chosen = top_by_score(board, n)
    names = await unit_names(ctx.uow, view.block_id(ctx))
    told = Reply(t("poll.top_chosen", n=n, count=len(chosen), units=", ".join(names.get(u, "?") for u in chosen)))
    return [told, *await _next(ctx, replace(current, candidates=chosen), SEATS)]


async def _on_units(ctx: Context, current: Draft, text: str) -> list[Reply]:
    t = ctx.t
    units = await ctx.uow.directory.units(view.block_id(ctx))
    positions, unknown = read_units(text, [u.code for u in units])
    if unknown or not positions:
        return [Reply(t("poll.bad.units", unknown=", ".join(unknown) or "—", count=len(units))), await ask(ctx)]
    chosen = [units[i].id for i in positions if units[i].id is not None]
    return await _next(ctx, replace(current, candidates=[u for u in chosen if u is not None]), SEATS)


async def _on_edit(ctx: Context, current: Draft, step: str, text: str) -> list[Reply]:
    t = ctx.t
    changed: Draft | None = None
    if step == MAX:
        value = read_count(text, 1, max(1, len(current.candidates)))
        changed = replace(current, max_choices=value) if value is not None else None
    elif step == THRESHOLD:
        pct = read_percent(text)
        changed = replace(current, threshold_pct=pct) if pct is not None else None
    elif step == QUORUM:
        fraction = read_fraction(text)
        changed = replace(current, quorum_num=fraction[0], quorum_den=fraction[1]) if fraction else None
    elif step == TIME:
        minutes = read_minutes(text)
        changed = replace(current, time_limit_min=minutes or None) if minutes is not None else None
    elif step == PLACE and text:
        changed = replace(current, place=("" if text.casefold() in ("không", "khong", "-") else
                                          " ".join(text.split())[:MAX_PLACE]))
    if changed is None:
        return [Reply(t(POLL_BAD_KEYS[step[2:]], candidates=len(current.candidates))), await ask(ctx)]
    return await _to_summary(ctx, changed)


async def _on_summary(ctx: Context, current: Draft) -> list[Reply]:
    option = ctx.option or ""
    if option in EDITS:
        ctx.goto(EDITS[option], editing=True)
        return [await ask(ctx)]
    if option == TOGGLE_SELF:
        return await _to_summary(ctx, replace(current, allow_self=not current.allow_self))
    if option == TOGGLE_BLANK:
        return await _to_summary(ctx, replace(current, blank_valid=not current.blank_valid))
    if option in (SAVE, SAVE_OPEN):
        return await _save(ctx, current, option == SAVE_OPEN)
    return [Reply(ctx.t("choose_from_menu")), await ask(ctx)]


async def _save(ctx: Context, current: Draft, open_now: bool) -> list[Reply]:
    t = ctx.t
    problems = current.problems(t)
    term = await view.term_of(ctx)
    if problems or term is None:
        return [Reply("\n".join(problems) or t("poll.no_term")), await ask(ctx)]
    me = await people.secretariat_for(ctx, view.block_id(ctx))
    poll = await create(ctx.uow, term, current, ctx.now, f"contact:{me.id if me else '?'}", me.id if me else None)
    saved = Reply(t("poll.saved", id=poll.id, question=poll.question))
    ctx.state.data = {"block_id": view.block_id(ctx), "poll_id": poll.id}
    if open_now and poll.id is not None:
        return [saved, *await actions.do_open(ctx, poll.id)]
    ctx.state.step = view.VIEW
    return [saved, await view.poll_page(ctx, poll)]


async def _next(ctx: Context, changed: Draft, step: str) -> list[Reply]:
    """Forward in the first pass; back to the summary when editing (via seats if they no longer fit)."""
    if ctx.data.get("editing") and not (step == SEATS and changed.seats > len(changed.candidates)):
        if step == SEATS and changed.max_choices > len(changed.candidates):
            changed = replace(changed, max_choices=changed.seats)
        return await _to_summary(ctx, changed)
    _keep(ctx, changed, step)
    return [await ask(ctx)]


async def _to_summary(ctx: Context, changed: Draft) -> list[Reply]:
    ctx.goto(SUMMARY, editing=True, draft=changed.to_data())
    return [await ask(ctx)]


async def _back(ctx: Context, step: str) -> list[Reply]:
    if step == KIND or (step == SUMMARY and ctx.option == view.BACK):
        return await actions.to_list(ctx)
    target = SUMMARY if ctx.data.get("editing") else PREVIOUS.get(step, SUMMARY)
    ctx.goto(target)
    return [await ask(ctx)]


async def _last_place(ctx: Context) -> str:
    """Several polls of one meeting share its place: the last poll's place is the default."""
    term = await view.term_of(ctx)
    polls = await ctx.uow.polls.of_term(term.id) if term is not None and term.id is not None else []
    return polls[-1].place if polls else ""

