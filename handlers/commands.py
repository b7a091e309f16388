"""Commands that work at any step: /start, /help, /menu, /toi, /huy, /lang."""

from __future__ import annotations

from handlers import (
    admin,
    deadline_admin,
    deadline_status,
    people,
    polls,
    registration,
    scoring,
    scoring_admin,
    submissions,
)
from handlers.chat import Reply
from handlers.clock import format_local
from handlers.context import Context
from handlers.invites import ROLE_OBSERVER, ROLE_SECRETARIAT
from handlers.validation import format_phone

MENU_UNITS, MENU_MISSING, MENU_REVOKE, MENU_ROTATE, MENU_WHOAMI = (
    "m.units", "m.missing", "m.revoke", "m.rotate", "m.whoami")
MENU_SUBMIT, MENU_STATUS, MENU_DEADLINES = "m.submit", "m.status", "m.deadlines"
MENU_SCORE_ADMIN = "m.score_admin"
MENU_SCORE = "m.score"
MENU_POLLS = "m.polls"


async def menu(ctx: Context) -> Reply:
    t = ctx.t
    me = await people.primary(ctx)
    if me is None:
        return Reply(t("menu_guest"))
    block = await people.block_name(ctx, me.block_id)
    keys: tuple[str, ...]
    if me.role == ROLE_SECRETARIAT:
        keys = (MENU_UNITS, MENU_MISSING, MENU_REVOKE, MENU_ROTATE, MENU_STATUS, MENU_DEADLINES, MENU_SCORE_ADMIN,
                MENU_POLLS, MENU_WHOAMI)
        return Reply(t("menu_secretariat", block=block), ctx.choices(*((k, t(f"menu.{k[2:]}")) for k in keys)))
    if me.role == ROLE_OBSERVER:
        keys = (MENU_UNITS, MENU_MISSING, MENU_STATUS, MENU_SCORE_ADMIN, MENU_POLLS, MENU_WHOAMI)
        return Reply(t("menu_observer", block=block), ctx.choices(*((k, t(f"menu.{k[2:]}")) for k in keys)))
    unit = await people.unit_name(ctx, me.unit_id)
    keys = (MENU_SUBMIT, MENU_SCORE, MENU_STATUS, MENU_WHOAMI)
    return Reply(t("menu_unit", unit=unit, block=block), ctx.choices(*((k, t(f"menu.{k[2:]}")) for k in keys)))


async def on_menu_choice(ctx: Context) -> list[Reply]:
    me = await people.primary(ctx)
    option = ctx.option
    if option == MENU_WHOAMI:
        return await whoami(ctx, "")
    if me is None:
        return [Reply(ctx.t("not_registered_any"))]
    if option == MENU_STATUS:
        return await deadline_status.command(ctx, "")
    if option == MENU_SUBMIT and me.role == "unit":
        return await submissions.command(ctx, "")
    if option == MENU_SCORE and me.role == "unit":
        return await scoring.command(ctx, "")
    if option == MENU_DEADLINES:
        if me.role != ROLE_SECRETARIAT:
            return [Reply(ctx.t("not_allowed"))]
        return await deadline_admin.command(ctx, "")
    if option == MENU_SCORE_ADMIN:  # the observer reads; the flow checks the role at every step
        return await scoring_admin.command(ctx, "")
    if option == MENU_POLLS:  # the observer reads; the flow checks the role at every step
        return await polls.command(ctx, "")
    if option in (MENU_UNITS, MENU_MISSING) and me.role in (ROLE_SECRETARIAT, ROLE_OBSERVER):
        return await admin.list_units(ctx, me.block_id, only_missing=option == MENU_MISSING)
    if option in (MENU_REVOKE, MENU_ROTATE):
        if me.role != ROLE_SECRETARIAT:
            return [Reply(ctx.t("not_allowed"))]
        return await admin.start(ctx, admin.REVOKE if option == MENU_REVOKE else admin.ROTATE, me.block_id)
    return [Reply(ctx.t("choose_from_menu")), await menu(ctx)]


async def start(ctx: Context, arg: str) -> list[Reply]:
    if arg:
        ctx.end()
        return await registration.start_with_code(ctx, arg)
    return await help_(ctx, "")


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
    return [Reply("\n".join(lines))]


async def lang(ctx: Context, arg: str) -> list[Reply]:
    choice = arg.strip().lower()
    if choice not in ("vi", "en"):
        return [Reply(ctx.t("lang_usage"))]
    ctx.state.lang = choice
    return [Reply(ctx.t("lang_set"))]
