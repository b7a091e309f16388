"""What the bot says in a group chat: conversations stay private, so a command there gets a pointer.

A few commands are about the group itself (`/nhomkhoi`, features' `group_commands`) and are answered there.
The group never gets a conversation of its own: plain text, pressed buttons and commands the bot does not
know (another bot's) are ignored, and a known command is answered with one short line that sends the
person to the private chat (a deep link on Telegram, carrying a `/start` code so it is not typed again).
"""

from __future__ import annotations

import re
from datetime import datetime

from handlers.core.context import Context
from handlers.core.messages import Reply
from storage.uow import UnitOfWork

GROUP_LANG = "vi"  # what the bot posts to a group is for the whole block: Vietnamese, whoever reads it
_START_PAYLOAD = re.compile(r"[A-Za-z0-9_-]{1,64}")  # what Telegram accepts after ?start=


def private_link(bot_username: str, command: str, arg: str) -> str:
    """The Telegram link to the private chat; `/start CODE` keeps its code (a valid start payload only)."""
    link = f"https://t.me/{bot_username}"
    if command == "start" and _START_PAYLOAD.fullmatch(arg):
        return f"{link}?start={arg}"
    return link


async def answer(ctx: Context) -> list[Reply]:
    """The answer to one update in a group: a pointer for a known command, nothing otherwise."""
    if ctx.incoming.migrate_to is not None:
        await ctx.uow.groups.move(ctx.incoming.channel, ctx.incoming.chat_id, ctx.incoming.migrate_to)
        return []
    text = (ctx.incoming.text or "").strip()
    if ctx.incoming.option is not None or not text.startswith("/"):
        return []
    name, _, arg = text[1:].partition(" ")
    command = name.split("@")[0].lower()
    if (in_group := ctx.features.group_commands.get(command)) is not None:
        return await in_group(ctx, arg.strip())  # about the group itself (linking it)
    if command not in ctx.features.commands:
        return []
    if ctx.incoming.channel in ctx.config.deep_link_channels:
        link = private_link(ctx.config.bot_username, command, arg.strip())
        return [Reply(ctx.t("group_pointer_link", link=link))]
    return [Reply(ctx.t("group_pointer"))]


async def post(uow: UnitOfWork, block_id: int, text: str, now: datetime) -> int:
    """Queue `text` (Vietnamese, for the whole block: never a secret, a score or a person's details) to every
    group chat linked to the block; returns how many. The outbox keeps Telegram's 20 posts a minute a group."""
    groups = await uow.groups.of_block(block_id)
    for group in groups:
        uow.outbox.add(group.channel, group.chat_id, text, now)
    return len(groups)
