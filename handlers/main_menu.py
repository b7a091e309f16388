"""The main menu for flows that end on it.

`handlers.commands` builds the menus from every flow, so a flow that imported it at the top would make an
import cycle; this module imports it only when the menu is asked for.
"""

from __future__ import annotations

from handlers.chat import Reply
from handlers.context import Context


async def main_menu(ctx: Context) -> Reply:
    from handlers import commands

    return await commands.menu(ctx)
