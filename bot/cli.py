"""The `thidua` command: import a block, list invite codes, chat in the sandbox, run the bot."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

from bot import cli_deadlines, cli_polls, cli_scores, cli_sheets, cli_term, collector, logs, ops_cli, sandbox_db
from bot.app import App
from bot.cli_help import arg_help
from bot.version import package_version
from handlers.core import catalog
from handlers.core.catalog import Catalog
from handlers.registration import invite_book
from handlers.registration.rules.codes import deep_link, display_code
from handlers.term.block_file.read import BlockFileError, load_block_file
from handlers.term.block_import import import_block

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "block-vhxh.yaml"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="thidua", description=arg_help("cli.help.description"))
    parser.add_argument("--version", action="version", version=f"thidua {package_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    block = sub.add_parser("block", help=arg_help("cli.help.block")).add_subparsers(dest="block_command", required=True)
    imp = block.add_parser("import", help=arg_help("cli.help.block_import"))
    imp.add_argument("path", type=Path)
    inv = sub.add_parser("invites", help=arg_help("cli.help.invites"))
    inv.add_argument("--block", help=arg_help("cli.help.block_arg"))
    inv.add_argument("--json", action="store_true")
    chat = sub.add_parser("chat", help=arg_help("cli.help.chat"))
    chat.add_argument("--style", choices=("telegram", "zalo"), default="telegram")
    chat.add_argument("--as", dest="user", default="thuongtruc")
    chat.add_argument("--block")
    sub.add_parser("run", help=arg_help("cli.help.run"))
    sub.add_parser("migrate", help=arg_help("cli.help.migrate"))
    cli_deadlines.add_parsers(sub)
    cli_scores.add_parsers(sub)
    cli_sheets.add_parsers(sub)
    cli_term.add_parsers(sub)
    cli_polls.add_parsers(sub)
    ops_cli.add_parsers(sub)
    return parser


async def _import(app: App, path: Path) -> int:
    t = Catalog()
    try:
        spec = load_block_file(path)
    except BlockFileError as error:
        print(t("cli.file_error", path=path), file=sys.stderr)
        print(str(error), file=sys.stderr)
        return 2
    beside = cli_sheets.read_beside(spec, path)  # the criteria file the block names, if it lies beside
    if beside is None:
        return 2
    async with app.uow() as uow:
        result = await import_block(uow, beside.block, app.config.secret, app.clock.now())
        sheet_line = await cli_sheets.import_beside(uow, result.block_id, beside, app.clock.now())
        await uow.commit()
    print(t("cli.imported", block=spec.name, year=spec.year, added=result.units_added,
            updated=result.units_updated, retired=result.units_retired, dl_added=result.deadlines_added,
            dl_updated=result.deadlines_updated))
    if sheet_line:
        print(sheet_line)
    return 0


async def pick_block(app: App, wanted: str | None) -> int | None:
    t = Catalog()
    async with app.uow() as uow:
        blocks = await uow.directory.blocks()
    if not blocks:
        print(t("cli.no_block"), file=sys.stderr)
        return None
    if wanted is None:
        if len(blocks) == 1:
            return blocks[0].id
        print(t("cli.pick_block"), file=sys.stderr)
        for b in blocks:
            print(f"  {b.id}: {b.name} ({b.province})", file=sys.stderr)
        return None
    for b in blocks:
        if str(b.id) == wanted or b.name.casefold() == wanted.casefold():
            return b.id
    print(t("cli.unknown_block", block=wanted), file=sys.stderr)
    return None


async def _invites(app: App, wanted: str | None, as_json: bool) -> int:
    block_id = await pick_block(app, wanted)
    if block_id is None:
        return 2
    if not as_json:
        from bot.sandbox_cli import invite_text

        print(await invite_text(app, block_id))
        return 0
    async with app.uow() as uow:
        lines = await invite_book.invite_lines(uow, app.config.secret, block_id, app.clock.now())
        await uow.commit()
    rows = [{"role": ln.role, "unit_code": ln.unit_code, "unit_name": ln.unit_name, "code": display_code(ln.code),
             "link": deep_link(app.config.bot_username, ln.code)} for ln in lines]
    print(json.dumps(rows, ensure_ascii=False, indent=2))
    return 0


async def _chat(app: App, style: str, user: str, wanted: str | None, web_too: bool = False) -> int:
    from bot.sandbox_cli import run_sandbox

    code = await _sample_if_empty(app)
    if code:
        return code
    block_id = await pick_block(app, wanted)
    if not web_too:
        await run_sandbox(app, block_id, style, user)
        return 0
    from bot.web import LOCAL_HOST, WebSandboxChannel, build_web_app, start_web

    channel, port, runner = WebSandboxChannel(style=style), app.settings.web_port, None
    try:  # the browser sandbox is a bonus: a taken port leaves the terminal one running
        runner = await start_web(build_web_app(app, channel), LOCAL_HOST, port)
        print(Catalog()("meeting.sandbox_started", url=f"http://{LOCAL_HOST}:{port}/"))
    except OSError as error:
        print(Catalog()("meeting.sandbox_unavailable", host=LOCAL_HOST, port=port, reason=error.strerror or error),
              file=sys.stderr)
    try:
        await run_sandbox(app, block_id, style, user, channel)
    finally:
        if runner is not None:
            await runner.cleanup()
    return 0


async def _sample_if_empty(app: App) -> int:
    """The sandbox's database starts with the sample block (never the real one: see bot/sandbox_db.py)."""
    async with app.uow() as uow:
        empty = not await uow.directory.blocks()
    if not empty:
        return 0
    code = await _import(app, SAMPLE)
    if not code:
        print(Catalog()("cli.demo_loaded", path=app.settings.data_dir / sandbox_db.FILE_NAME))
    return code


async def _run(app: App) -> int:
    settings = app.settings
    if settings.telegram_token or settings.zalo_token:
        from bot.runner import run_platforms  # aiogram takes seconds to import: only when it is needed
        from bot.startup import explained

        return await explained(run_platforms(app))  # a taken port, a refused token: one line, exit 2
    code = await _sample_if_empty(app)
    if code:
        return code
    block_id = await pick_block(app, None)
    if block_id is not None:
        from bot.sandbox_cli import invite_text

        print(await invite_text(app, block_id))
    collector.tune()
    return await _chat(app, "telegram", "thuongtruc", None, web_too=True)  # and in the browser


async def _main(args: argparse.Namespace) -> int:
    settings = ops_cli.load_settings()
    if settings is None:
        return 2
    logs.configure(settings)
    if args.command in ops_cli.COMMANDS:  # before App.create: these must not migrate the database
        return await ops_cli.run(settings, args)
    try:
        app = await App.create(sandbox_db.sandbox_settings(settings, args.command))
    except catalog.CatalogError:
        print(Catalog()("cli.texts_broken", problems="\n  ".join(catalog.problems())), file=sys.stderr)
        return 2
    try:
        if args.command == "block":
            return await _import(app, args.path)
        if args.command == "invites":
            return await _invites(app, args.block, args.json)
        if args.command == "chat":
            return await _chat(app, args.style, args.user, args.block)
        if args.command == "run":
            return await _run(app)
        if args.command in cli_deadlines.COMMANDS:
            return await cli_deadlines.run(app, args, pick_block)
        if args.command in cli_scores.COMMANDS:
            return await cli_scores.run(app, args, pick_block)
        if args.command in cli_sheets.COMMANDS:
            return await cli_sheets.run(app, args, pick_block)
        if args.command in cli_term.COMMANDS:
            return await cli_term.run(app, args, pick_block)
        if args.command in cli_polls.COMMANDS:
            return await cli_polls.run(app, args, pick_block)
        return 0  # migrate: App.create already upgraded the schema
    finally:
        await app.close()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return asyncio.run(_main(args))
    except KeyboardInterrupt:
        return 130
