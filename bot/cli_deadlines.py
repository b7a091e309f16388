"""`thidua deadline …` and `thidua export …`: the operator manages the term's deadlines from the shell.

Every argument is checked before anything is written, with a Vietnamese message naming it, and bad
input exits with 2. Moving or cancelling tells the units through the outbox (the running bot sends
it) and, like every change here, goes to the audit log as "operator".
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Awaitable, Callable
from typing import Any

from bot.app import App
from bot.cli_deadlines_args import (
    BadInput,
    read_before,
    read_due_arg,
    read_id,
    read_kind,
    read_out,
    read_overdue_every,
    read_overdue_times,
    read_title,
    t,
    write_out,
)
from bot.cli_help import arg_help
from handlers.core.clock import format_local
from handlers.deadlines import exports, plan
from handlers.deadlines import service as ops
from handlers.deadlines.due_text import due_text
from handlers.deadlines.rules.kinds import DL_KIND_KEYS
from handlers.deadlines.rules.reminder_policy import Policy
from storage.models import Block, Deadline, Term
from storage.uow import UnitOfWork

COMMANDS = ("deadline", "export")
ACTOR = "operator"
PickBlock = Callable[[App, str | None], Awaitable[int | None]]

def add_parsers(sub: Any) -> None:
    """Arguments are optional for argparse and checked here, so that every error is worded the same."""
    dl = sub.add_parser("deadline", help=arg_help("cli.help.deadline")).add_subparsers(
        dest="deadline_command", required=True)
    dl.add_parser("list", help=arg_help("cli.help.deadline_list")).add_argument(
        "--block", help=arg_help("cli.help.block_arg"))
    dl.add_parser("schedule", help=arg_help("cli.help.deadline_schedule")).add_argument(
        "--block", help=arg_help("cli.help.block_arg"))
    add = dl.add_parser("add", help=arg_help("cli.help.deadline_add"))
    add.add_argument("--kind", help="covenant, six_month_report, year_end_report, self_assessment, custom")
    add.add_argument("--title")
    add.add_argument("--due", help=arg_help("cli.help.deadline_due"))
    add.add_argument("--block", help=arg_help("cli.help.block_arg"))
    move = dl.add_parser("move", help=arg_help("cli.help.deadline_move"))
    move.add_argument("id")
    move.add_argument("--due")
    for name, text in (("cancel", arg_help("cli.help.deadline_cancel")), ("close", arg_help("cli.help.deadline_close")),
                       ("reopen", arg_help("cli.help.deadline_reopen"))):
        dl.add_parser(name, help=text).add_argument("id")
    policy = dl.add_parser("policy", help=arg_help("cli.help.deadline_policy"))
    policy.add_argument("--block")
    policy.add_argument("--deadline")
    policy.add_argument("--before", help=arg_help("cli.help.deadline_before"))
    policy.add_argument("--overdue-every")
    policy.add_argument("--overdue-times")
    policy.add_argument("--due-day", action=argparse.BooleanOptionalAction, default=None)
    ex = sub.add_parser("export", help=arg_help("cli.help.export")).add_subparsers(dest="export_command", required=True)
    for name, text in (("submissions", arg_help("cli.help.export_submissions")),
                       ("themes", arg_help("cli.help.export_themes"))):
        p = ex.add_parser(name, help=text)
        p.add_argument("--out", help=arg_help("cli.help.out_xlsx"))
        p.add_argument("--block")


async def run(app: App, args: argparse.Namespace, pick_block: PickBlock) -> int:
    try:
        if args.command == "export":
            return await _export(app, args, pick_block)
        action = args.deadline_command
        if action == "list":
            return await _list(app, args, pick_block)
        if action == "schedule":
            return await _schedule(app, args, pick_block)
        if action == "add":
            return await _add(app, args, pick_block)
        if action == "policy":
            return await _policy(app, args, pick_block)
        return await _change(app, action, args)
    except BadInput as error:
        if str(error):  # empty when pick_block has already said why
            print(str(error), file=sys.stderr)
        return 2


async def _deadline(uow: UnitOfWork, deadline_id: int, arg: str = "ID") -> Deadline:
    deadline = await uow.deadlines.get(deadline_id)
    if deadline is None:
        raise BadInput(t("dl.cli.unknown_id", arg=arg, id=deadline_id))
    return deadline


async def _block(app: App, wanted: str | None, pick_block: PickBlock) -> int:
    block_id = await pick_block(app, wanted)  # says why itself when it finds none
    if block_id is None:
        raise BadInput("")
    return block_id


def _told(count: int) -> str:
    return t("dl.told", count=count) if count else t("dl.told_none")


async def _block_and_term(uow: UnitOfWork, block_id: int) -> tuple[Block, Term, int]:
    """The block, its current term and the term's id; a block with no current term is bad input."""
    block, term = await uow.directory.block(block_id), await uow.directory.current_term(block_id)
    assert block is not None
    if term is None or term.id is None:
        raise BadInput(t("dl.cli.no_term", block=block.name))
    return block, term, term.id


async def _list(app: App, args: argparse.Namespace, pick_block: PickBlock) -> int:
    block_id = await _block(app, args.block, pick_block)
    async with app.uow() as uow:
        block, term, term_id = await _block_and_term(uow, block_id)
        deadlines = await uow.deadlines.of_term(term_id, include_cancelled=True)
        units = {u.id for u in await uow.directory.units(block_id)}
        current = await uow.deadlines.current_submissions([d.id for d in deadlines if d.id is not None])
    lines = [t("dl.cli.list_header", year=term.year, block=block.name)]
    for d in deadlines:
        tags = (t("dl.cli.tag_cancelled") if d.cancelled_at else "") + (t("dl.cli.tag_closed") if d.closed_at else "")
        done = sum(1 for s in current if s.deadline_id == d.id and s.unit_id in units)
        lines.append(t("dl.cli.list_line", id=d.id, due=due_text(t, d.due_at), kind=t(DL_KIND_KEYS[d.kind]),
                       title=d.title, done=done, total=len(units), tags=tags))
    print("\n".join(lines if deadlines else [*lines, t("dl.cli.list_empty")]))
    return 0


async def _schedule(app: App, args: argparse.Namespace, pick_block: PickBlock) -> int:
    """Each live deadline's reminder mornings, before they happen."""
    block_id = await _block(app, args.block, pick_block)
    async with app.uow() as uow:
        block, _term, term_id = await _block_and_term(uow, block_id)
        print(await plan.block_plan(uow, t, block, term_id, app.clock.now()))
    return 0


async def _add(app: App, args: argparse.Namespace, pick_block: PickBlock) -> int:
    now = app.clock.now()
    kind, title, (due, note) = read_kind(args.kind), read_title(args.title), read_due_arg(args.due, now)
    block_id = await _block(app, args.block, pick_block)
    async with app.uow() as uow:
        block, term, term_id = await _block_and_term(uow, block_id)
        if await ops.title_taken(uow, term_id, kind, title):
            raise BadInput(t("dl.cli.title_taken", year=term.year, kind=t(DL_KIND_KEYS[kind]), title=title))
        deadline, told = await ops.add(uow, term, block, kind, title, due, now, ACTOR,
                                       await ops.outbox_teller(uow, now))
        await uow.commit()
    _note(note)
    print(t("dl.cli.added", id=deadline.id, title=title, kind=t(DL_KIND_KEYS[kind]), due=format_local(due),
            told=_told(told)))
    return 0


def _note(note: str | None) -> None:
    if note:
        print(note, file=sys.stderr)


async def _change(app: App, action: str, args: argparse.Namespace) -> int:
    """move, cancel, close, reopen a deadline by its id."""
    now = app.clock.now()
    deadline_id = read_id(args.id)
    async with app.uow() as uow:
        deadline = await _deadline(uow, deadline_id)
        info = {"id": deadline.id, "title": deadline.title}
        if deadline.cancelled_at is not None:
            raise BadInput(t("dl.cli.is_cancelled", **info))
        tell, note = await ops.outbox_teller(uow, now), None
        if action == "move":
            due, note = read_due_arg(args.due, now)
            if due == deadline.due_at:
                raise BadInput(t("dl.cli.due_same", id=deadline.id, due=format_local(due)))
            old = deadline.due_at
            told = await ops.move(uow, deadline, due, now, ACTOR, tell)
            message = t("dl.cli.moved", **info, old=format_local(old), new=format_local(due), told=_told(told))
        elif action == "cancel":
            told = await ops.cancel(uow, deadline, now, ACTOR, tell)
            message = t("dl.cli.cancelled", **info, told=_told(told))
        else:
            closing = action == "close"
            if closing == (deadline.closed_at is not None):
                refusal = "dl.cli.already_closed" if closing else "dl.cli.not_closed"
                raise BadInput(t(refusal, **info))
            await ops.set_closed(uow, deadline, closing, now, ACTOR)
            done = "dl.cli.closed" if closing else "dl.cli.reopened"
            message = t(done, **info)
        await uow.commit()
    _note(note)
    print(message)
    return 0


def policy_text(target: str, policy: Policy) -> str:
    before = ", ".join(str(n) for n in policy.before) or t("dl.cli.policy_no_before")
    return t("dl.cli.policy", target=target, before=before, due_day=t("dl.cli.yes") if policy.due_day else
             t("dl.cli.no"), every=policy.overdue_every, times=policy.overdue_times)


async def _policy(app: App, args: argparse.Namespace, pick_block: PickBlock) -> int:
    now = app.clock.now()
    before = read_before(args.before)
    every, times = read_overdue_every(args.overdue_every), read_overdue_times(args.overdue_times)
    deadline_id = read_id(args.deadline, "--deadline") if args.deadline is not None else None
    wanted_block = await _block(app, args.block, pick_block) if args.block or deadline_id is None else None
    async with app.uow() as uow:
        deadline = await _deadline(uow, deadline_id, "--deadline") if deadline_id is not None else None
        if deadline is not None:
            _term, block = await uow.deadlines.block_of(deadline)
            if wanted_block is not None and block.id != wanted_block:
                other = await uow.directory.block(wanted_block)
                raise BadInput(t("dl.cli.not_in_block", id=deadline.id, block=other.name if other else wanted_block))
        else:
            found = await uow.directory.block(wanted_block or 0)
            assert found is not None
            block = found
        base = Policy.from_json(block.reminder_policy)
        if deadline is not None:
            base = Policy.from_json(deadline.reminder_policy, base)
            target = t("dl.cli.policy_deadline", id=deadline.id, title=deadline.title)
        else:
            target = t("dl.cli.policy_block", block=block.name)
        changes: dict[str, Any] = {k: v for k, v in (("before", before), ("overdue_every", every),
                                                     ("overdue_times", times), ("due_day", args.due_day))
                                   if v is not None}
        if not changes:
            print(policy_text(target, base))
            return 0
        policy = dataclasses.replace(base, **changes)
        if deadline is not None:
            deadline.reminder_policy = policy.to_json()
            uow.deadlines.add(deadline)
        else:
            block.reminder_policy = policy.to_json()
            uow.directory.add(block)
        uow.audit.record(now, ACTOR, "set_reminder_policy", block.id,
                         deadline_id=deadline.id if deadline else None, policy=policy.to_json())
        await uow.commit()
    print(f"{policy_text(target, policy)}\n{t('dl.cli.policy_saved')}")
    return 0


async def _export(app: App, args: argparse.Namespace, pick_block: PickBlock) -> int:
    out = read_out(args.out)
    block_id = await _block(app, args.block, pick_block)
    async with app.uow() as uow:
        now = app.clock.now()
        report = await exports.load(uow, block_id, now)
        if report is None:
            block = await uow.directory.block(block_id)
            raise BadInput(t("dl.cli.no_term", block=block.name if block else block_id))
        if args.export_command == "submissions":
            content = exports.submissions_workbook(report)
            message = t("export.cli.written_submissions", path=out, units=len(report.units),
                        deadlines=len(report.deadlines))
        else:
            content = exports.themes_workbook(report)
            rows = exports.themes(report)
            message = t("export.cli.written_themes", path=out, done=sum(1 for _u, s in rows if s), total=len(rows))
        write_out(out, content)
        uow.audit.record(now, ACTOR, "export", block_id, file=out.name)
        await uow.commit()
    print(message)
    return 0
