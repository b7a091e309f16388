"""`thidua poll …`: the year-end polls from the shell — prepare, list, open, close, show, receipts, minutes.

The same rules as the chat (handlers.voting.setup, poll_open, poll_close), as "operator" in the audit
log; ballots and results are written to the outbox in the deciding transaction and the running bot
sends them. Every argument is checked before anything is written; bad input exits with 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.app import App
from bot.cli_help import arg_help
from handlers.core.catalog import Catalog
from handlers.core.clock import format_local
from handlers.core.service import OPERATOR, queue_notices
from handlers.voting.closing import SECRETARIAT, close_poll, secretariat_text
from handlers.voting.minutes import MinutesUnavailable, minutes_document
from handlers.voting.opening import Refused, open_poll
from handlers.voting.result_text import kind_label, receipts_text, result_text, status_label, unit_names
from handlers.voting.rules.count import Count
from handlers.voting.rules.poll_input import (
    read_blank_rule,
    read_count,
    read_fraction,
    read_minutes,
    read_percent,
    read_units,
)
from handlers.voting.setup import (
    Draft,
    create,
    draft_of,
    member_units,
    new_draft,
    score_board,
    settings_text,
    top_by_score,
)
from storage.models_vote import CLOSED, OPEN, POLL_KINDS, Poll
from storage.uow import UnitOfWork

COMMANDS = ("poll",)
ACTOR = "operator"
PickBlock = Callable[[App, str | None], Awaitable[int | None]]
t = Catalog()  # the operator's shell speaks Vietnamese


class BadInput(Exception):
    """A message for the operator; nothing was changed."""


def add_parsers(sub: Any) -> None:
    poll = sub.add_parser("poll", help=arg_help("cli.help.poll")).add_subparsers(
        dest="poll_command", required=True)
    poll.add_parser("list", help=arg_help("cli.help.poll_list")).add_argument(
        "--block", help=arg_help("cli.help.block_arg"))
    create_ = poll.add_parser("create", help=arg_help("cli.help.poll_create"))
    create_.add_argument("--kind", help="flag, certificate, head, deputy, custom")
    create_.add_argument("--question", help=arg_help("cli.help.poll_question"))
    create_.add_argument("--candidates", default="all",
                         help=arg_help("cli.help.poll_candidates"))
    create_.add_argument("--seats", help=arg_help("cli.help.poll_seats"))
    create_.add_argument("--max-choices", help=arg_help("cli.help.poll_max_choices"))
    create_.add_argument("--self", dest="allow_self", action=argparse.BooleanOptionalAction, default=True,
                         help=arg_help("cli.help.poll_self"))
    create_.add_argument("--blank", help=arg_help("cli.help.poll_blank"))
    create_.add_argument("--threshold", help=arg_help("cli.help.poll_threshold"))
    create_.add_argument("--quorum", help=arg_help("cli.help.poll_quorum"))
    create_.add_argument("--minutes", help=arg_help("cli.help.poll_minutes"))
    create_.add_argument("--place", help=arg_help("cli.help.poll_place"))
    create_.add_argument("--open", action="store_true", help=arg_help("cli.help.poll_open_now"))
    create_.add_argument("--block", help=arg_help("cli.help.block_arg"))
    for name, text in (("open", arg_help("cli.help.poll_open")),
                       ("close", arg_help("cli.help.poll_close")),
                       ("show", arg_help("cli.help.poll_show")),
                       ("receipts", arg_help("cli.help.poll_receipts"))):
        poll.add_parser(name, help=text).add_argument("id", help=arg_help("cli.help.poll_id"))
    minutes = poll.add_parser("minutes", help=arg_help("cli.help.poll_minutes_doc"))
    minutes.add_argument("id", help=arg_help("cli.help.poll_id"))
    minutes.add_argument("--out", help=arg_help("cli.help.poll_minutes_out"))


async def run(app: App, args: argparse.Namespace, pick_block: PickBlock) -> int:
    try:
        action = args.poll_command
        if action == "list":
            return await _list(app, await _block(app, args.block, pick_block))
        if action == "create":
            return await _create(app, args, await _block(app, args.block, pick_block))
        poll_id = read_count(args.id, 1, 10**9)
        if poll_id is None:
            raise BadInput(t("poll.cli.bad_id", value=args.id))
        if action == "open":
            return await _open(app, poll_id)
        if action == "close":
            return await _close(app, poll_id)
        if action == "minutes":
            return await _minutes(app, poll_id, args.out)
        return await _show(app, poll_id, receipts=action == "receipts")
    except BadInput as error:
        if str(error):  # empty when pick_block has already said why
            print(str(error), file=sys.stderr)
        return 2


async def _block(app: App, wanted: str | None, pick_block: PickBlock) -> int:
    block_id = await pick_block(app, wanted)  # says why itself when it finds none
    if block_id is None:
        raise BadInput("")
    return block_id


async def _poll(uow: UnitOfWork, poll_id: int) -> tuple[Poll, int, str]:
    """The poll, its block's id and name."""
    poll = await uow.polls.get(poll_id)
    term = await uow.polls.term(poll) if poll is not None else None
    block = await uow.directory.block(term.block_id) if term is not None else None
    if poll is None or term is None or block is None:
        raise BadInput(t("poll.not_found", id=poll_id))
    return poll, term.block_id, block.name


async def _list(app: App, block_id: int) -> int:
    async with app.uow() as uow:
        term = await uow.directory.current_term(block_id)
        block = await uow.directory.block(block_id)
        if term is None or term.id is None or block is None:
            raise BadInput(t("poll.no_term"))
        polls = await uow.polls.of_term(term.id)
        lines = [t("poll.list_header", block=block.name, year=term.year)]
        for p in polls:
            extra = ""
            if p.status == OPEN and p.id is not None:
                extra = t("poll.list_open", voted=await uow.polls.turnout(p.id), members=p.member_count or 0)
            lines.append(t("poll.list_line", id=p.id, kind=kind_label(t, p.kind), question=p.question,
                           status=status_label(t, p), extra=extra))
    print("\n".join(lines if polls else [*lines, t("poll.list_empty")]))
    return 0


def _read(value: str | None, reader: Callable[[str], Any], bad: Callable[[str], str]) -> Any:
    """None when the option was not given; its value, or BadInput naming it."""
    if value is None:
        return None
    got = reader(value)
    if got is None:
        raise BadInput(bad(value))
    return got


async def _candidates(uow: UnitOfWork, block_id: int, wanted: str, now: Any) -> list[int]:
    cleaned = wanted.strip().casefold()
    members = await member_units(uow, block_id)
    if cleaned in ("all", "tat ca", "tất cả"):
        return members
    if cleaned.startswith("top"):
        n = read_count(cleaned[3:].lstrip(":= "), 1, len(members))
        board = await score_board(uow, block_id, now)
        if n is None:
            raise BadInput(t("poll.cli.bad_top", value=wanted, units=len(members)))
        if board is None:
            raise BadInput(t("poll.no_scores"))
        return top_by_score(board, n)
    units = await uow.directory.units(block_id)
    positions, unknown = read_units(wanted, [u.code for u in units])
    if unknown or not positions:
        raise BadInput(t("poll.cli.bad_candidates", unknown=", ".join(unknown) or "—",
                         codes=", ".join(u.code for u in units)))
    return [units[i].id or 0 for i in positions]


async def _create(app: App, args: argparse.Namespace, block_id: int) -> int:
    now = app.clock.now()
    kind = (args.kind or "").strip().casefold()
    if kind not in POLL_KINDS:
        raise BadInput(t("poll.cli.bad_kind", value=args.kind or "", kinds=", ".join(POLL_KINDS)))
    threshold = _read(args.threshold, read_percent, lambda v: t("poll.cli.bad_threshold", value=v))
    quorum = _read(args.quorum, read_fraction, lambda v: t("poll.cli.bad_quorum", value=v))
    minutes = _read(args.minutes, read_minutes, lambda v: t("poll.cli.bad_minutes", value=v))
    blank_valid = _read(args.blank, read_blank_rule, lambda v: t("poll.cli.bad_blank", value=v))
    async with app.uow() as uow:
        term = await uow.directory.current_term(block_id)
        if term is None or term.id is None:
            raise BadInput(t("poll.no_term"))
        candidates = await _candidates(uow, block_id, args.candidates, now)
        draft = new_draft(t, kind, term.year, candidates)
        def fits(v: str) -> int | None:
            return read_count(v, 1, max(1, len(candidates)))

        seats = _read(args.seats, fits, lambda v: t("poll.cli.bad_seats", value=v))
        draft = draft.with_seats(seats) if seats is not None else draft
        most = _read(args.max_choices, fits, lambda v: t("poll.cli.bad_max", value=v))
        draft = replace(draft, question=" ".join((args.question or draft.question).split())[:500],
                        max_choices=most or draft.max_choices, allow_self=bool(args.allow_self),
                        blank_valid=draft.blank_valid if blank_valid is None else blank_valid,
                        threshold_pct=draft.threshold_pct if threshold is None else threshold,
                        quorum_num=quorum[0] if quorum else draft.quorum_num,
                        quorum_den=quorum[1] if quorum else draft.quorum_den,
                        time_limit_min=minutes or None, place=" ".join((args.place or "").split())[:200])
        problems = draft.problems(t)
        if problems:
            raise BadInput("\n".join(problems))
        poll = await create(uow, term, draft, now, ACTOR)
        assert poll.id is not None
        lines = [t("poll.saved", id=poll.id, question=poll.question), await _settings(uow, block_id, draft)]
        if args.open:
            lines.append(await _open_in(app, uow, poll.id))
        await uow.commit()
    print("\n".join(lines))
    return 0


async def _settings(uow: UnitOfWork, block_id: int, draft: Draft) -> str:
    return settings_text(t, draft, await unit_names(uow, block_id))


async def _open_in(app: App, uow: UnitOfWork, poll_id: int) -> str:
    now = app.clock.now()
    outcome = await open_poll(uow, now, OPERATOR, poll_id)
    if isinstance(outcome, Refused):
        raise BadInput(outcome.text(t))
    queue_notices(uow, list(outcome.notices), now)
    until = t("poll.opened_until", at=format_local(outcome.poll.closes_at)) if outcome.poll.closes_at else ""
    return t("poll.opened", id=poll_id, question=outcome.poll.question, ballots=outcome.ballots,
             members=outcome.members, until=until)


async def _open(app: App, poll_id: int) -> int:
    async with app.uow() as uow:
        await _poll(uow, poll_id)
        text = await _open_in(app, uow, poll_id)
        await uow.commit()
    print(text)
    return 0


async def _close(app: App, poll_id: int) -> int:
    async with app.uow() as uow:
        await _poll(uow, poll_id)
        now = app.clock.now()
        closed = await close_poll(uow, now, OPERATOR, poll_id, SECRETARIAT)
        if closed is None:
            raise BadInput(t("poll.close.not_open", id=poll_id))
        queue_notices(uow, closed.notices, now)
        text = secretariat_text(t, closed, await unit_names(uow, closed.block_id),
                                await uow.polls.receipt_hashes(poll_id))
        await uow.commit()
    print(text)
    return 0


async def _show(app: App, poll_id: int, receipts: bool) -> int:
    async with app.uow() as uow:
        poll, block_id, block = await _poll(uow, poll_id)
        if receipts:
            if poll.status != CLOSED:
                raise BadInput(t("poll.receipts_not_yet", id=poll_id))
            print(receipts_text(t, poll, await uow.polls.receipt_hashes(poll_id)))
            return 0
        names = await unit_names(uow, block_id)
        lines = [t("poll.page_header", id=poll.id, status=status_label(t, poll)),
                 settings_text(t, draft_of(poll, await uow.polls.candidates(poll_id)), names)]
        if poll.status == OPEN:
            lines.append(t("poll.turnout", voted=await uow.polls.turnout(poll_id), members=poll.member_count or 0))
        if poll.status == CLOSED and poll.result is not None:
            lines.append(result_text(t, poll, Count.from_json(poll.result), names, block))
    print("\n\n".join(lines))
    return 0


async def _minutes(app: App, poll_id: int, out: str | None) -> int:
    async with app.uow() as uow:
        try:
            document = await minutes_document(uow, poll_id, app.clock.now())
        except MinutesUnavailable as missing:
            raise BadInput(missing.text(t)) from missing
    path = Path(out or document.filename)
    _write(path, document.content)
    print(t("poll.cli.minutes_written", id=poll_id, path=path))
    return 0


def _write(path: Path, content: bytes) -> None:
    try:
        path.write_bytes(content)
    except OSError as error:
        raise BadInput(t("poll.cli.write_failed", path=path, error=error.strerror or error)) from error
