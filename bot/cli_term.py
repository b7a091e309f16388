"""`thidua term …`: the emulation year from the shell — the handover to the next term.

`thidua term handover` does what the secretariat's /bangiao does (handlers.term.handover), as "operator" in
the audit log, with the notices written to the outbox (the running bot sends them). The head and deputy
come from the term's counted polls, or are named with --head/--deputy when the vote happened elsewhere.
The new secretariat invite code is printed: the operator is the one who may read codes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Awaitable, Callable
from typing import Any

from bot.app import App
from bot.cli_help import arg_help
from handlers.core.catalog import Catalog
from handlers.core.clock import format_local
from handlers.deadlines.service import outbox_teller
from handlers.registration.rules.codes import deep_link, display_code
from handlers.term.handover import HandoverRefused, carried_lines, carry_out, plan

COMMANDS = ("term",)
ACTOR = "operator"
PickBlock = Callable[[App, str | None], Awaitable[int | None]]
t = Catalog()  # the operator's shell speaks Vietnamese


def add_parsers(sub: Any) -> None:
    term = sub.add_parser("term", help=arg_help("cli.help.term")).add_subparsers(
        dest="term_command", required=True)
    handover = term.add_parser("handover", help=arg_help("cli.help.term_handover"))
    handover.add_argument("--block", help=arg_help("cli.help.block_arg"))
    handover.add_argument("--year", type=int, help=arg_help("cli.help.term_year"))
    handover.add_argument("--head", help=arg_help("cli.help.term_head"))
    handover.add_argument("--deputy", help=arg_help("cli.help.term_deputy"))


async def run(app: App, args: argparse.Namespace, pick_block: PickBlock) -> int:
    block_id = await pick_block(app, args.block)  # says why itself when it finds none
    if block_id is None:
        return 2
    return await _handover(app, block_id, args.year, args.head, args.deputy)


async def _handover(app: App, block_id: int, year: int | None, head: str | None, deputy: str | None) -> int:
    now = app.clock.now()
    async with app.uow() as uow:
        try:
            found = await plan(uow, block_id, year=year, head_code=head, deputy_code=deputy, lock=True)
        except HandoverRefused as refused:
            print(refused.text(t), file=sys.stderr)
            return 2
        outcome = await carry_out(uow, app.config.secret, found, now, ACTOR, await outbox_teller(uow, now))
        await uow.commit()
    lines = []
    if head is not None or deputy is not None:
        lines.append(t("handover.cli.named", head=found.head.name, deputy=found.deputy.name))
    lines.append(t("handover.cli.done", block=found.block.name, year=found.year, head=found.head.name,
                   deputy=found.deputy.name, moved=len(outcome.promoted), demoted=len(outcome.demoted)))
    lines.append(t("handover.cli.code", code=display_code(outcome.code),
                   link=deep_link(app.config.bot_username, outcome.code)))
    if not outcome.promoted:
        lines.append(t("handover.cli.no_secretariat", head=found.head.name))
    copied = outcome.deadlines
    lines.append(t("handover.deadlines", count=len(copied.created), year=found.year))
    lines += [t("handover.deadline_shifted", title=s.title, old=s.old.strftime("%d/%m/%Y"),
                new=s.new.strftime("%d/%m/%Y")) for s in copied.shifted]
    lines += [t("handover.deadline_skipped", title=title, due=format_local(due)) for title, due in copied.skipped]
    lines += carried_lines(t, outcome.carried, cycle=False)  # what was left behind: the cycle's is above
    lines.append(t("handover.cli.told", count=outcome.told))
    print("\n".join(lines))
    return 0
