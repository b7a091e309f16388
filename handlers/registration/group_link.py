"""Linking the block's group chat: `/nhomkhoi` sent in the group, confirmed in the secretariat's private chat.

The group's command only asks: the confirmation (buttons, or their numbers on Zalo) goes to the private chat
of the secretariat who sent it, so a member of the group cannot link or unlink it by pressing a button there.
The press is checked again (still the block's secretariat) before anything changes. The group is told in
Vietnamese, whatever the secretariat's language, since it is the whole block's.
"""

from __future__ import annotations

from handlers.core.catalog import Catalog
from handlers.core.context import Context
from handlers.core.group import GROUP_LANG
from handlers.core.messages import Choice, Notice, Reply
from handlers.core.roles import ROLE_SECRETARIAT
from storage.models import Contact

GLOBAL_GROUP = "g.grp."  # g.grp.link:<block>:<chat> | g.grp.unlink:<block>:<chat> | g.grp.keep


async def _secretariat(ctx: Context, block_id: int | None = None) -> Contact | None:
    return next((me for me in await ctx.registrations()
                 if me.role == ROLE_SECRETARIAT and block_id in (None, me.block_id)), None)


async def command(ctx: Context, arg: str) -> list[Reply]:
    """/nhomkhoi in a group: ask the secretariat who sent it, in their private chat, to link or unlink it."""
    del arg
    incoming = ctx.incoming
    me = await _secretariat(ctx)
    if me is None or me.id is None:
        return [Reply(ctx.t("grp.not_allowed"))]
    accounts = [a for a in await ctx.uow.directory.accounts([me.id]) if a.channel == incoming.channel]
    if not accounts:
        return [Reply(ctx.t("grp.not_allowed"))]
    block = await ctx.uow.directory.block(me.block_id)
    block_name = block.name if block is not None else ""
    linked = await ctx.uow.groups.by_chat(incoming.channel, incoming.chat_id)
    target = f"{me.block_id}:{incoming.chat_id}"
    if linked is not None and linked.block_id == me.block_id:
        question, choice = ctx.t("grp.confirm_unlink", block=block_name), ctx.t("grp.unlink_button")
        option = f"{GLOBAL_GROUP}unlink:{target}"
    else:
        question, choice = ctx.t("grp.confirm_link", block=block_name), ctx.t("grp.link_button")
        option = f"{GLOBAL_GROUP}link:{target}"
    choices = (Choice(option, choice), Choice(f"{GLOBAL_GROUP}keep", ctx.t("grp.keep_button")))
    private = accounts[0].chat_id
    ctx.notices.append(Notice(channel=incoming.channel, chat_id=private, text=question, choices=choices))
    await ctx.uow.dialogs.offer_menu([(incoming.channel, private)], [[c.id, c.label] for c in choices],
                                     ctx.now, skip_busy=True)  # so that a typed number picks on Zalo
    return [Reply(ctx.t("grp.check_private"))]


async def in_private(ctx: Context, arg: str) -> list[Reply]:
    """/nhomkhoi in a private chat: it is sent in the group to link."""
    del arg
    return [Reply(ctx.t("grp.only_in_group"))]


async def act(ctx: Context, rest: str) -> list[Reply] | None:
    """A press of the private confirmation's button."""
    if rest == "keep":
        return [Reply(ctx.t("grp.kept"))]
    action, _, target = rest.partition(":")
    block_text, _, chat_id = target.partition(":")
    if action not in ("link", "unlink") or not block_text.isdecimal() or not chat_id:
        return None
    me = await _secretariat(ctx, int(block_text))
    if me is None or me.id is None:
        return [Reply(ctx.t("not_allowed"))]
    block = await ctx.uow.directory.block(me.block_id)
    block_name = block.name if block is not None else ""
    channel = ctx.incoming.channel
    if action == "link":
        await ctx.uow.groups.link(me.block_id, channel, chat_id, me.id, ctx.now)
        ctx.notify(channel, chat_id, Catalog(GROUP_LANG)("grp.linked_post", block=block_name))
        return [Reply(ctx.t("grp.linked", block=block_name))]
    linked = await ctx.uow.groups.by_chat(channel, chat_id)
    if linked is None or linked.block_id != me.block_id:
        return [Reply(ctx.t("grp.kept"))]
    await ctx.uow.groups.unlink(channel, chat_id)
    ctx.notify(channel, chat_id, Catalog(GROUP_LANG)("grp.unlinked_post", block=block_name))
    return [Reply(ctx.t("grp.unlinked", block=block_name))]
