"""One update in, replies out: commands first, then a global option, then the active flow, then the menu.

Everything it dispatches to comes from the features registered in `ctx.features` (handlers/features.py);
the router itself knows no feature.
"""

from __future__ import annotations

from handlers.core import commands, group
from handlers.core.context import Context
from handlers.core.messages import Reply


def resolve_input(ctx: Context) -> bool:
    """Fill ctx.option / ctx.text from the update; False when a pressed option is stale."""
    incoming, pending = ctx.incoming, ctx.state.choices
    ids = [item[0] for item in pending]
    if incoming.option is not None:
        if ctx.features.global_option(incoming.option) is not None:
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
    flow = ctx.features.flows.get(ctx.state.flow or "")
    if flow is not None:
        return await flow.ask(ctx)
    return await commands.menu(ctx)


async def route(ctx: Context) -> list[Reply]:
    incoming = ctx.incoming
    if incoming.blocked is not None:  # blocked or unblocked: nothing to answer (a blocked chat gets nothing)
        since = ctx.now if incoming.blocked else None
        await ctx.uow.directory.set_unreachable(incoming.channel, incoming.chat_id, since)
        return []
    if ctx.state.unreachable:  # the person writes again: reminders reach them again
        await ctx.uow.directory.set_unreachable(incoming.channel, incoming.chat_id, None)
    if ctx.incoming.group:
        return await group.answer(ctx)  # never a conversation in a group
    if ctx.incoming.unsupported:
        # One short answer, not the step asked again: a burst of stickers must not flood the chat
        # with prompts, and the step (its pending choices too) stays as it was.
        return [Reply(ctx.t("unsupported_message"))]
    if not resolve_input(ctx):
        return [Reply(ctx.t("menu_expired")), await current_prompt(ctx)]
    text = ctx.text
    if text and text.startswith("/"):
        name, _, arg = text[1:].partition(" ")
        command = ctx.features.commands.get(name.split("@")[0].lower())
        if command is not None:
            return await command(ctx, arg.strip())
        if ctx.state.flow is None:
            return [Reply(ctx.t("unknown_command", command=name.split("@")[0][:30]))]
    found = ctx.features.global_option(ctx.option) if ctx.option else None
    if found is not None and (replies := await found[0].act(ctx, found[1])) is not None:
        return replies
    flow = ctx.features.flows.get(ctx.state.flow or "")
    if flow is not None:
        return await flow.answer(ctx)
    if ctx.option is not None:
        return await commands.on_menu_choice(ctx)
    for on_text in ctx.features.text_handlers:
        if text and (replies := await on_text(ctx, text)) is not None:
            return replies
    if not await ctx.registrations():
        return [Reply(ctx.t("guest_hint"))]
    return [await commands.menu(ctx)]
