"""The ballot: a unit's contact chooses up to the allowed number of candidates, reviews, confirms.

Steps: pick (several polls wait) → ballot (toggle candidates; typed numbers set the whole choice;
blank) → review → confirm, which casts it (vote_cast). The selection lives in the chat's dialog state
only while the ballot is being filled in, and every reply that shows it is secret (never kept in the
outbox); confirming, cancelling or any refusal of the guard ends the flow and clears it.
"""

from __future__ import annotations

from handlers.core.context import Context
from handlers.core.messages import Choice, Reply
from handlers.voting.ballot_state import FLOW as FLOW
from handlers.voting.cast import cast
from handlers.voting.flows.ballot_access import Voting, guard, voter_in_block, waiting_polls
from handlers.voting.result_text import blank_rule
from handlers.voting.rules.vote_input import SelectionProblem, parse_selection

PICK, BALLOT, REVIEW = "pick", "ballot", "review"
STEPS = frozenset({PICK, BALLOT, REVIEW})
CANDIDATE, POLL = "c", "p"
REVIEW_OPTION, BLANK, LATER, CONFIRM, EDIT = "review", "blank", "later", "confirm", "edit"


async def start(ctx: Context, poll_id: int) -> list[Reply]:
    """Open a poll's ballot for the sender (from the ballot's notice, /bophieu or the pick list)."""
    ctx.end()
    poll = await ctx.uow.polls.get(poll_id)
    block_id = await ctx.uow.votes.block_of(poll) if poll is not None else None
    if poll is None or block_id is None:
        return [Reply(ctx.t("vote.gone"))]
    contact = await voter_in_block(ctx, block_id)
    if contact is None:
        regs = await ctx.registrations()
        if not regs:
            return [Reply(ctx.t("not_registered_any"))]
        key = "vote.not_voter" if any(c.block_id == block_id for c in regs) else "vote.gone"
        return [Reply(ctx.t(key))]
    ctx.begin(FLOW, BALLOT, poll_id=poll_id, contact_id=contact.id, sel=[])
    return [await ask(ctx)]


async def pick(ctx: Context) -> list[Reply]:
    """/bophieu: the one waiting poll's ballot, or the list when several wait."""
    regs = await ctx.registrations()
    if not regs:
        return [Reply(ctx.t("not_registered_any"))]
    waiting = await waiting_polls(ctx)
    if not waiting:
        voter = [c for c in regs if await voter_in_block(ctx, c.block_id) is not None]
        key = "vote.none" if voter else "vote.not_voter"
        return [Reply(ctx.t(key))]
    if len(waiting) == 1:
        return await start(ctx, waiting[0][1].id or 0)
    ctx.begin(FLOW, PICK)
    return [await ask(ctx)]


async def ask(ctx: Context) -> Reply:
    if ctx.state.step == PICK:
        return await _pick_prompt(ctx)
    checked = await guard(ctx)
    if isinstance(checked, Reply):
        return checked
    if ctx.state.step == REVIEW:
        return _review(ctx, checked)
    return _ballot(ctx, checked)


async def answer(ctx: Context) -> list[Reply]:
    option, step = ctx.option or "", ctx.state.step
    if step == PICK:
        return await _answer_pick(ctx, option)
    checked = await guard(ctx)
    if isinstance(checked, Reply):
        return [checked]
    if option == LATER:
        ctx.end()
        return [Reply(ctx.t("vote.later_done"))]
    if step == REVIEW:
        if option == CONFIRM:
            return await cast(ctx, checked, _positions(ctx))
        if option == EDIT:
            ctx.goto(BALLOT)
            return [_ballot(ctx, checked)]
        return [Reply(ctx.t("choose_from_menu")), _review(ctx, checked)]
    if option == REVIEW_OPTION:
        ctx.goto(REVIEW)
        return [_review(ctx, checked)]
    if option == BLANK:
        ctx.goto(REVIEW, sel=[])
        return [_review(ctx, checked)]
    if option.startswith(CANDIDATE) and option[1:].isdigit():
        return _toggle(ctx, checked, int(option[1:]))
    if option:
        return [Reply(ctx.t("choose_from_menu")), _ballot(ctx, checked)]
    return _typed(ctx, checked)


def _positions(ctx: Context) -> list[int]:
    return [int(p) for p in ctx.data.get("sel") or []]


def _toggle(ctx: Context, voting: Voting, position: int) -> list[Reply]:
    chosen = set(_positions(ctx))
    if not 1 <= position <= len(voting.candidates):
        return [Reply(ctx.t("choose_from_menu")), _ballot(ctx, voting)]
    if position in chosen:
        chosen.discard(position)
    elif position in voting.forbidden:
        return [Reply(ctx.t("vote.self_refused", unit=voting.unit), secret=True), _ballot(ctx, voting)]
    elif voting.poll.max_choices == 1:
        chosen = {position}  # one to choose: a press moves the choice, like a radio button
    elif len(chosen) >= voting.poll.max_choices:
        return [Reply(ctx.t("vote.too_many", max=voting.poll.max_choices), secret=True), _ballot(ctx, voting)]
    else:
        chosen.add(position)
    ctx.goto(BALLOT, sel=sorted(chosen))
    return [_ballot(ctx, voting)]


def _typed(ctx: Context, voting: Voting) -> list[Reply]:
    parsed = parse_selection(ctx.text, len(voting.candidates), voting.poll.max_choices, voting.forbidden)
    if isinstance(parsed, SelectionProblem):
        t = ctx.t
        problem = {
            "shape": t("vote.bad_shape"),
            "range": t("vote.bad_number", number=parsed.number, count=len(voting.candidates)),
            "too_many": t("vote.too_many", max=voting.poll.max_choices),
            "forbidden": t("vote.self_refused", unit=voting.unit),
        }[parsed.reason]
        return [Reply(problem, secret=True), _ballot(ctx, voting)]  # says what was tried: never kept
    ctx.goto(BALLOT, sel=list(parsed))
    return [_ballot(ctx, voting)]


def _ballot(ctx: Context, voting: Voting) -> Reply:
    t, poll, chosen = ctx.t, voting.poll, set(_positions(ctx))
    lines = [t("vote.ballot", question=poll.question, unit=voting.unit, seats=poll.seats, max=poll.max_choices)]
    if not poll.allow_self:
        lines.append(t("vote.ballot_no_self"))
    names = [voting.names[p - 1] for p in sorted(chosen) if 1 <= p <= len(voting.names)]
    lines.append(t("vote.chosen", count=len(names), max=poll.max_choices, names=", ".join(names))
                 if names else t("vote.chosen_none"))
    lines.append(t("vote.ballot_hint"))
    options: list[Choice] = []
    for i, name in enumerate(voting.names, 1):
        mark = "vote.mark_on" if i in chosen else "vote.mark_off"
        options.append(Choice(f"{CANDIDATE}{i}", t(mark, name=name)))
    options += [Choice(REVIEW_OPTION, t("vote.review_button")), Choice(BLANK, t("vote.blank_button")),
                Choice(LATER, t("vote.later"))]
    return Reply("\n".join(lines), tuple(options), secret=True)


def _review(ctx: Context, voting: Voting) -> Reply:
    t, poll = ctx.t, voting.poll
    chosen = [p for p in _positions(ctx) if 1 <= p <= len(voting.names)]
    body = "\n".join(t("vote.review_line", position=p, name=voting.names[p - 1]) for p in chosen) \
        if chosen else "\n".join((t("vote.review_blank"), blank_rule(t, poll.blank_valid)))
    text = t("vote.review", question=poll.question, unit=voting.unit, choices=body)
    return Reply(text, ctx.choices((CONFIRM, t("vote.confirm")), (EDIT, t("vote.edit")), (LATER, t("vote.later"))),
                 secret=True)


async def _pick_prompt(ctx: Context) -> Reply:
    waiting = await waiting_polls(ctx)
    if not waiting:
        ctx.end()
        return Reply(ctx.t("vote.none"))
    options = [(f"{POLL}{poll.id}", poll.question[:60]) for _contact, poll in waiting]
    return Reply(ctx.t("vote.pick", count=len(waiting)), ctx.choices(*options, ("cancel", ctx.t("cancel"))))


async def _answer_pick(ctx: Context, option: str) -> list[Reply]:
    if option == "cancel":
        ctx.end()
        return [Reply(ctx.t("cancelled"))]
    if option.startswith(POLL) and option[1:].isdigit() and len(option) <= 13:
        return await start(ctx, int(option[1:]))
    prompt = await _pick_prompt(ctx)
    return [prompt] if ctx.state.flow is None else [Reply(ctx.t("choose_from_menu")), prompt]
