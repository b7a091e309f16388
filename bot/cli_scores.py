"""`thidua scores …`: the term's scoring from the shell — progress, ranking, exports, and the
cross-check imported from a unit's exported sheet.

Every argument is checked before anything is written, with a Vietnamese message naming it; bad input
exits with 2. An import with any bad row changes nothing and names every bad row. What the import
changes goes to the audit log as "operator" and is told to the unit's contacts through the outbox.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from bot.app import App
from bot.cli_deadlines_args import BadInput, read_out, required, t, write_out
from bot.cli_help import arg_help
from handlers.deadlines.service import outbox_teller
from handlers.scoring import exports as xl
from handlers.scoring import service as ops
from handlers.scoring.board import NO_TERM, ScoreBoard, load
from handlers.scoring.check_import import read_checks
from handlers.scoring.flows.scores_view import overview_text, ranking_text
from handlers.scoring.rules.scores import show
from storage.models import Unit
from storage.uow import UnitOfWork

COMMANDS = ("scores",)
ACTOR = "operator"
MAX_FILE = 10 * 1024 * 1024  # a unit's sheet is a few kilobytes
PickBlock = Callable[[App, str | None], Awaitable[int | None]]


def add_parsers(sub: Any) -> None:
    scores = sub.add_parser("scores", help=arg_help("cli.help.scores")).add_subparsers(
        dest="scores_command", required=True)
    for name, text in (("progress", arg_help("cli.help.scores_progress")),
                       ("ranking", arg_help("cli.help.scores_ranking"))):
        scores.add_parser(name, help=text).add_argument("--block", help=arg_help("cli.help.block_arg"))
    export = scores.add_parser("export", help=arg_help("cli.help.scores_export"))
    export.add_argument("--out", help=arg_help("cli.help.out_xlsx"))
    export.add_argument("--block")
    unit = scores.add_parser("export-unit", help=arg_help("cli.help.scores_export_unit"))
    unit.add_argument("code", help=arg_help("cli.help.unit_arg"))
    unit.add_argument("--out", help=arg_help("cli.help.out_xlsx"))
    unit.add_argument("--block")
    check = scores.add_parser("import-check", help=arg_help("cli.help.scores_import_check"))
    check.add_argument("path", type=Path, help=arg_help("cli.help.scores_import_path"))
    check.add_argument("--unit", help=arg_help("cli.help.unit_arg"))
    check.add_argument("--block")


async def run(app: App, args: argparse.Namespace, pick_block: PickBlock) -> int:
    try:
        return await _run(app, args, pick_block)
    except BadInput as error:
        if str(error):  # empty when pick_block has already said why
            print(str(error), file=sys.stderr)
        return 2


async def _run(app: App, args: argparse.Namespace, pick_block: PickBlock) -> int:
    action = args.scores_command
    out = read_out(args.out) if action in ("export", "export-unit") else None
    code = required(args.unit, "--unit", t("sca.cli.hint_unit")) if action == "import-check" else None
    content = _read_file(args.path) if action == "import-check" else b""
    block_id = await pick_block(app, args.block)  # says why itself when it finds none
    if block_id is None:
        raise BadInput("")
    now = app.clock.now()
    async with app.uow() as uow:
        board = await _board(uow, block_id, now)
        if action == "progress":
            print(overview_text(t, board))
            return 0
        if action == "ranking":
            print(ranking_text(t, board))
            return 0
        if action == "import-check":
            return await _import_check(uow, board, _unit(board, code or "", "--unit"), args.path, content, now)
        assert out is not None
        if action == "export":
            data = xl.summary_workbook(board)
            message = t("sca.cli.written_summary", path=out, done=len(board.standings()), total=len(board.units))
        else:
            unit = _unit(board, args.code, "CODE")
            data = xl.unit_workbook(board, unit)
            message = t("sca.cli.written_unit", path=out, unit=unit.name)
        write_out(out, data)
        uow.audit.record(now, ACTOR, "export", block_id, file=out.name)
        await uow.commit()
    print(message)
    return 0


def _read_file(path: Path) -> bytes:
    if not path.is_file():
        raise BadInput(t("sca.cli.no_file", path=path))
    if path.stat().st_size > MAX_FILE:
        raise BadInput(t("sca.cli.file_too_large", path=path))
    return path.read_bytes()


async def _board(uow: UnitOfWork, block_id: int, now: Any) -> ScoreBoard:
    board = await load(uow, block_id, now)
    if isinstance(board, ScoreBoard):
        return board
    block = await uow.directory.block(block_id)
    name = block.name if block else str(block_id)
    if board == NO_TERM:
        raise BadInput(t("dl.cli.no_term", block=name))
    term = await uow.directory.current_term(block_id)
    raise BadInput(t("sca.no_sheet", block=name, year=term.year if term else "?"))


def _unit(board: ScoreBoard, code: str, arg: str) -> Unit:
    unit = board.unit(code)
    if unit is None:
        raise BadInput(t("sca.cli.unknown_unit", arg=arg, code=code, block=board.block,
                         codes=", ".join(u.code for u in board.units)))
    return unit


async def _import_check(uow: UnitOfWork, board: ScoreBoard, unit: Unit, path: Path, content: bytes,
                        now: Any) -> int:
    if not board.submitted(unit):
        raise BadInput(t("sca.cli.not_submitted", unit=unit.name))
    checks, errors = read_checks(content, board, unit)
    if errors:
        print(t("sca.cli.import_errors", path=path, count=len(errors)), file=sys.stderr)
        for error in errors:
            print(f"  {error}", file=sys.stderr)
        print(t("sca.cli.nothing_changed"), file=sys.stderr)
        return 2
    changes = await ops.set_checks(uow, board, unit, checks, now, ACTOR)
    after = await _board(uow, board.block_id, now)  # re-read: the totals the unit is told include the changes
    told = await ops.tell_changes(uow, after, unit, changes, await outbox_teller(uow, now))
    uow.audit.record(now, ACTOR, "import_check", board.block_id, unit=unit.code, file=path.name,
                     changed=len(changes))
    await uow.commit()
    news = ops.news(changes)
    told_text = t("sca.told", count=told) if told else t("sca.cli.told_nobody") if news else ""
    print(t("sca.cli.imported", unit=unit.name, path=path, changed=len(changes), adjusted=len(news),
            final=show(after.totals(unit).total), own=show(after.totals(unit, "self").total), told=told_text).strip())
    return 0
