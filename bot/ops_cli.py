"""The operator's commands that must not touch the schema: `thidua doctor`, `backup`, `restore`.

They run before the App is built, since building it migrates the database: a doctor would always
find the schema current, and a restore needs the database as it is.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bot.cli_help import arg_help
from bot.settings import Settings
from handlers.core.catalog import Catalog

COMMANDS = ("doctor", "backup", "restore")


def load_settings() -> Settings | None:
    """The settings, or None after one line per bad variable on stderr."""
    try:
        return Settings()
    except ValidationError as error:
        t = Catalog()
        for problem in error.errors():
            variable = "THIDUA_" + "_".join(str(part) for part in problem["loc"]).upper()
            print(t("doctor.bad_setting", variable=variable, reason=problem["msg"]), file=sys.stderr)
        return None


def add_parsers(sub: Any) -> None:
    sub.add_parser("doctor", help=arg_help("cli.help.doctor"))
    backup = sub.add_parser("backup", help=arg_help("cli.help.backup"))
    backup.add_argument("path", type=Path, help=arg_help("cli.help.backup_path"))
    restore = sub.add_parser("restore", help=arg_help("cli.help.restore"))
    restore.add_argument("path", type=Path, help=arg_help("cli.help.restore_path"))


async def run(settings: Settings, args: argparse.Namespace) -> int:
    if args.command == "doctor":
        from bot.doctor import run_doctor

        return await run_doctor(settings)
    from bot import backup

    if args.command == "backup":
        return await backup.backup(settings, args.path)
    return await backup.restore(settings, args.path)
