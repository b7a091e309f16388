"""Commands that work at any step (/help, /menu, /toi, /huy, /lang) and the main menu, whose entries the
features register (`Feature.menu`); this module knows none of them."""

from __future__ import annotations

from handlers.core import people
from handlers.core.clock import format_local
from handlers.core.context import Command, Context
from handlers.core.messages import Reply
from handlers.core.roles import ROLE_OBSERVER, ROLE_SECRETARIAT
from handlers.core.validation import format_phone

MENU_WHOAMI = "m.whoami"


async def menu(ctx: Context) -> Reply:
    t = ctx.t
    me = await people.primary(ctx)
    if me is None:
        return Reply(t("menu_guest"))
    block = await people.block_name(ctx, me.block_id)
    entries = [(e.option, t(e.label)) for e in ctx.features.menu if me.role in e.roles]
    entries.append((MENU_WHOAMI, t("menu.whoami")))
    if me.role == ROLE_SECRETARIAT:
        return Reply(t("menu_secretariat", block=block), ctx.choices(*entries))
    if me.role == ROLE_OBSERVER:
        followed = await people.observed(ctx)
        if len(followed) > 1:  # the lists of units and the polls are the newest block's; status and scores all
            return Reply(t("menu_observer_many", count=len(followed), blocks=await people.block_names(ctx, followed),
                           block=block), ctx.choices(*entries))
        return Reply(t("menu_observer", block=block), ctx.choices(*entries))
    unit = await people.unit_name(ctx, me.unit_id)
    return Reply(t("menu_unit", unit=unit, block=block), ctx.choices(*entries))


async def on_menu_choice(ctx: Context) -> list[Reply]:
    me = await people.primary(ctx)
    option = ctx.option
    if option == MENU_WHOAMI:
        return await whoami(ctx, "")
    if me is None:
        return [Reply(ctx.t("not_registered_any"))]
    entry = ctx.features.options.get(option or "")
    if entry is not None:
        return await entry.act(ctx, me)
    return await not_on_menu(ctx)


async def not_on_menu(ctx: Context) -> list[Reply]:
    return [Reply(ctx.t("choose_from_menu")), await menu(ctx)]


async def help_(ctx: Context, _arg: str) -> list[Reply]:
    me = await people.primary(ctx)
    key = "help_guest" if me is None else {ROLE_SECRETARIAT: "help_secretariat", ROLE_OBSERVER: "help_observer"}.get(
        me.role, "help_unit")
    return [Reply(ctx.t(key)), *([await menu(ctx)] if me is not None and ctx.state.flow is None else [])]


async def show_menu(ctx: Context, _arg: str) -> list[Reply]:
    ctx.end()
    return [await menu(ctx)]


async def cancel(ctx: Context, _arg: str) -> list[Reply]:
    if ctx.state.flow is None:
        return [Reply(ctx.t("nothing_to_cancel"))]
    ctx.end()
    return [Reply(ctx.t("cancelled")), await menu(ctx)]


async def whoami(ctx: Context, _arg: str) -> list[Reply]:
    t = ctx.t
    regs = await ctx.registrations()
    if not regs:
        return [Reply(t("whoami_none"))]
    lines = [t("whoami_header")]
    for c in regs:
        lines.append(t("whoami_line", name=c.full_name, position=c.position, role_text=await people.role_text(ctx, c),
                       block=await people.block_name(ctx, c.block_id), phone=format_phone(c.phone),
                       date=format_local(c.registered_at)))
    followed = await people.observed(ctx)
    if len(followed) > 1:
        lines.append(t("whoami_following", count=len(followed), blocks=await people.block_names(ctx, followed)))
    return [Reply("\n".join(lines))]


async def lang(ctx: Context, arg: str) -> list[Reply]:
    choice = arg.strip().lower()
    if choice not in ("vi", "en"):
        return [Reply(ctx.t("lang_usage"))]
    ctx.state.lang = choice
    return [Reply(ctx.t("lang_set"))]


COMMANDS: dict[str, Command] = {
    "help": help_, "trogiup": help_, "menu": show_menu, "toi": whoami, "huy": cancel, "cancel": cancel, "lang": lang,
}
