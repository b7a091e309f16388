"""The command line's help texts (`thidua --help`, `thidua poll create --help`): from the catalog.

They are Vietnamese like the rest of the operator's output (`cli-help-…` in handlers/core/texts), so an
office worker corrects them in the same file as the chat's texts. argparse formats a help text with `%`,
so a text's own `%` signs are doubled here: a `%` typed into the file can never break `--help`.
"""

from __future__ import annotations

from handlers.core.catalog import Catalog


def arg_help(key: str) -> str:
    return Catalog()(key).replace("%", "%%")
