"""`thidua sheet import PATH` and `thidua sheet show`: the block's scoring sheet from the shell.

A file with errors is refused whole (exit 2), every problem named by row and field, and nothing is
changed. `thidua block import` also brings in the criteria file its self-assessment deadline names
(`sheet:`), when that file lies beside the block file: see `read_beside` and `import_beside`.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from bot.app import App
from bot.cli_help import arg_help
from handlers.core.catalog import Catalog
from handlers.scoring.rules.scores import show
from handlers.scoring.sheet_file.read import CriteriaFileError, SheetSpec, load_criteria_file
from handlers.scoring.sheet_import import NoTerm, SheetImportResult, StoredSheet, import_sheet, stored_sheet
from handlers.term.block_file.model import BlockSpec
from storage.uow import UnitOfWork

COMMANDS = ("sheet",)
PickBlock = Callable[[App, str | None], Awaitable[int | None]]
t = Catalog()  # the operator's shell speaks Vietnamese


def add_parsers(sub: Any) -> None:
    sheet = sub.add_parser("sheet", help=arg_help("cli.help.sheet")).add_subparsers(
        dest="sheet_command", required=True)
    imp = sheet.add_parser("import", help=arg_help("cli.help.sheet_import"))
    imp.add_argument("path", type=Path)
    imp.add_argument("--block", help=arg_help("cli.help.block_arg"))
    sheet.add_parser("show", help=arg_help("cli.help.sheet_show")).add_argument(
        "--block", help=arg_help("cli.help.block_arg"))


async def run(app: App, args: argparse.Namespace, pick_block: PickBlock) -> int:
    if args.sheet_command == "import":
        return await _import(app, args.path, args.block, pick_block)
    return await _show(app, args.block, pick_block)


def _file_error(path: Path, error: CriteriaFileError) -> None:
    print(t("cli.file_error", path=path), file=sys.stderr)
    print(str(error), file=sys.stderr)


async def _import(app: App, path: Path, wanted: str | None, pick_block: PickBlock) -> int:
    try:
        spec = load_criteria_file(path)
    except CriteriaFileError as error:
        _file_error(path, error)
        return 2
    block_id = await pick_block(app, wanted)  # says why itself when it finds none
    if block_id is None:
        return 2
    async with app.uow() as uow:
        block = await uow.directory.block(block_id)
        assert block is not None
        try:
            result = await import_sheet(uow, block_id, spec, app.clock.now())
        except NoTerm:
            print(t("sheet.cli.no_term", block=block.name), file=sys.stderr)
            return 2
        await uow.commit()
    print(result_text(block.name, spec, result))
    if result.deadlines_linked:
        print(t("sheet.cli.linked", title=spec.title))
    return 0


def summary(spec: SheetSpec) -> str:
    return t("sheet.cli.summary", sections=len(spec.sections), criteria=sum(len(s.criteria) for s in spec.sections),
             total=show(spec.base_total), bonus=len(spec.bonus), deductions=len(spec.deductions),
             step=show(spec.step))


def result_text(block: str, spec: SheetSpec, result: SheetImportResult) -> str:
    key = {"created": "sheet.cli.created", "unchanged": "sheet.cli.unchanged", "replaced": "sheet.cli.replaced",
           "new_version": "sheet.cli.new_version"}[result.action]
    text = t(key, title=spec.title, block=block, year=result.year, version=result.version, summary=summary(spec),
             units=result.units_started, old=result.previous_version, contacts=result.contacts_told)
    if result.units_resubmit:
        text += "\n" + t("sheet.cli.resubmit", count=result.units_resubmit)
    return text


def _total(items: tuple[Any, ...]) -> Decimal:
    return sum((item.max for item in items), Decimal(0))


def sheet_text(stored: StoredSheet) -> str:
    spec = stored.spec
    lines = [t("sheet.show.header", title=spec.title, block=stored.block.name, year=stored.term.year,
               version=stored.sheet.version, step=show(spec.step))]
    if stored.older_versions:
        lines.append(t("sheet.show.older", versions=", ".join(str(v) for v in stored.older_versions)))
    for section in spec.sections:
        lines += ["", t("sheet.show.section", code=section.code, title=section.title, total=show(section.total))]
        lines += [t("sheet.show.line", code=c.code, text=c.text, max=show(c.max)) for c in section.criteria]
    lines += ["", t("sheet.show.base_total", total=show(spec.base_total))]
    for key, items in (("sheet.show.bonus", spec.bonus), ("sheet.show.deductions", spec.deductions)):
        if items:
            lines += ["", t(key, total=show(_total(items)))]
            lines += [t("sheet.show.line", code=c.code, text=c.text, max=show(c.max)) for c in items]
    return "\n".join(lines)


async def _show(app: App, wanted: str | None, pick_block: PickBlock) -> int:
    block_id = await pick_block(app, wanted)
    if block_id is None:
        return 2
    async with app.uow() as uow:
        try:
            stored = await stored_sheet(uow, block_id)
        except NoTerm:
            block = await uow.directory.block(block_id)
            print(t("sheet.cli.no_term", block=block.name if block else block_id), file=sys.stderr)
            return 2
        if stored is None:
            block, term = await uow.directory.block(block_id), await uow.directory.current_term(block_id)
            print(t("sheet.cli.none", block=block.name if block else block_id, year=term.year if term else "?"),
                  file=sys.stderr)
            return 2
    print(sheet_text(stored))
    return 0


@dataclass(frozen=True)
class Beside:
    """The criteria file a block file names, read before anything is written."""

    block: BlockSpec  # deadlines that named the file now name the sheet's title, as the import leaves them
    sheet: SheetSpec | None  # None: no file named, or the named file is not there (warned)


def read_beside(spec: BlockSpec, block_path: Path) -> Beside | None:
    """The sheet named by the block's self-assessment deadline, from beside the block file. A missing
    file is a warning; a file with errors is printed and gives None (the block import stops)."""
    named = [d for d in spec.deadlines if d.kind == "self_assessment" and d.sheet]
    names = sorted({d.sheet for d in named if d.sheet})
    if not names:
        return Beside(spec, None)
    if len(names) > 1:
        print(t("sheet.cli.beside_several", names=", ".join(names)), file=sys.stderr)
        return Beside(spec, None)
    path = block_path.parent / names[0]
    if not path.is_file():
        print(t("sheet.cli.beside_missing", path=path, deadline=named[0].title, name=names[0]), file=sys.stderr)
        return Beside(spec, None)
    try:
        sheet = load_criteria_file(path)
    except CriteriaFileError as error:
        _file_error(path, error)
        return None
    deadlines = tuple(dataclasses.replace(d, sheet=sheet.title) if d in named else d for d in spec.deadlines)
    return Beside(dataclasses.replace(spec, deadlines=deadlines), sheet)


async def import_beside(uow: UnitOfWork, block_id: int, beside: Beside, now: datetime) -> str | None:
    """Import the sheet read by `read_beside` into the block file's term; the line to print, if any."""
    if beside.sheet is None:
        return None
    block = await uow.directory.block(block_id)
    assert block is not None
    result = await import_sheet(uow, block_id, beside.sheet, now, year=beside.block.year)
    return result_text(block.name, beside.sheet, result)
