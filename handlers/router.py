"""One update in, replies out: commands first, then the active flow, then the menu."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from types import ModuleType

import handlers.meeting as meeting
from handlers import (
    admin,
    commands,
    deadline_admin,
    deadline_status,
    handover_chat,
    polls,
    registration,
    scoring,
    scoring_admin,
    submissions,
    vote,
    vote_ballot,
    vote_receipt,
)
from handlers.chat import Reply
from handlers.context import Context
from handlers.invites import normalize_code

Command = Callable[[Context, str], Awaitable[list[Reply]]]

COMMANDS: dict[str, Command] = {
    "start": commands.start,
    "help": commands.help_,
    "trogiup": commands.help_,
    "menu": commands.show_menu,
    "toi": commands.whoami,
    "huy": commands.cancel,
    "cancel": commands.cancel,
    "lang": commands.lang,
    "nop": submissions.command,
    "trangthai": deadline_status.command,
    "hannop": deadline_admin.command,
    "diem": scoring_admin.command,
    "chamdiem": scoring.command,
    "manhinh": meeting.command,
    "bophieu": vote_ballot.command,
    "kiemtra": vote_receipt.command,
    "bangiao": handover_chat.command,
    "baucu": polls.command,
}

FLOWS: dict[str, ModuleType] = {
    registration.FLOW: registration,
    admin.REVOKE: admin,
    admin.ROTATE: admin,
    handover_chat.FLOW: handover_chat,
    submissions.FLOW: submissions,
    deadline_admin.FLOW: deadline_admin,
    scoring_admin.FLOW: scoring_admin,
    scoring.FLOW: scoring,
    vote.FLOW: vote,
    polls.FLOW: polls,
}
GLOBAL_SUBMIT = "g.submit."  # a reminder's button: valid whatever the chat's dialog version
GLOBAL_VOTE = vote_ballot.GLOBAL_VOTE  # a ballot notice's button, likewise
GLOBAL_POLL = polls.GLOBAL_POLL  # the buttons of a poll's result notice (minutes, runoff), likewise


def resolve_input(ctx: Context) -> bool:
    """Fill ctx.option / ctx.text from the update; False when a pressed option is stale."""
    incoming, pending = ctx.incoming, ctx.state.choices
    ids = [item[0] for item in pending]
    if incoming.option is not None:
        if incoming.option.startswith((GLOBAL_SUBMIT, GLOBAL_VOTE, GLOBAL_POLL)):
            ctx.option = incoming.option
            return True
        if incoming.version == ctx.state.version and incoming.option in ids:
            ctx.option = incoming.option
            return True
        return False
    text = (incoming.text or "").strip()
    if text.isdecimal() and len(text) <= 4 and 1 <= int(text) <= len(pending):  # int("²") and huge numbers raise
        ctx.option = ids[int(text) - 1]
    elif text and (match := [item[0] for item in pending if item[1].casefold() == text.casefold()]):
        ctx.option = match[0]
    else:
        ctx.text = text or None
    return True


async def current_prompt(ctx: Context) -> Reply:
    flow = FLOWS.get(ctx.state.flow or "")
    if flow is not None:
        prompt: Reply = await flow.ask(ctx)
        return prompt
    return await commands.menu(ctx)


async def route(ctx: Context) -> list[Reply]:
    if not resolve_input(ctx):
        return [Reply(ctx.t("menu_expired")), await current_prompt(ctx)]
    text = ctx.text
    if text and text.startswith("/"):
        name, _, arg = text[1:].partition(" ")
        command = COMMANDS.get(name.split("@")[0].lower())
        if command is not None:
            return await command(ctx, arg.strip())
        if ctx.state.flow is None:
            return [Reply(ctx.t("unknown_command", command=name.split("@")[0][:30]))]
    target = ctx.option[len(GLOBAL_SUBMIT):] if ctx.option and ctx.option.startswith(GLOBAL_SUBMIT) else ""
    if target.isascii() and target.isdecimal() and len(target) <= 9:  # fits a 32-bit key
        ctx.end()
        return await submissions.from_reminder(ctx, int(target))
    ballot = ctx.option[len(GLOBAL_VOTE):] if ctx.option and ctx.option.startswith(GLOBAL_VOTE) else ""
    if ballot.isascii() and ballot.isdecimal() and len(ballot) <= 12:  # Polls.get bounds it
        return await vote_ballot.from_notice(ctx, int(ballot))
    if ctx.option and ctx.option.startswith(GLOBAL_POLL):
        return await polls.on_global_option(ctx, ctx.option)
    flow = FLOWS.get(ctx.state.flow or "")
    if flow is not None:
        replies: list[Reply] = await flow.answer(ctx)
        return replies
    if ctx.option is not None:
        return await commands.on_menu_choice(ctx)
    if text and normalize_code(text):
        return await registration.start_with_code(ctx, text)
    if not await ctx.registrations():
        return [Reply(ctx.t("guest_hint"))]
    return [await commands.menu(ctx)]
