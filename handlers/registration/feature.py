"""Registration: invite codes, the registration conversation, the secretariat's directory of contacts."""

from __future__ import annotations

from handlers.core import commands
from handlers.core.context import Context, Feature, Flow, GlobalOption, MenuEntry
from handlers.core.messages import Reply
from handlers.core.roles import ROLE_OBSERVER, ROLE_SECRETARIAT
from handlers.registration import group_link
from handlers.registration.flows import contacts, register
from handlers.registration.rules.codes import normalize_code
from storage.models import Contact

STAFF = frozenset({ROLE_SECRETARIAT, ROLE_OBSERVER})
SECRETARIAT = frozenset({ROLE_SECRETARIAT})


async def start(ctx: Context, arg: str) -> list[Reply]:
    """/start CODE (a deep link sends it too); a bare /start is /help."""
    if arg:
        ctx.end()
        return await register.start_with_code(ctx, arg)
    return await commands.help_(ctx, "")


async def typed_code(ctx: Context, text: str) -> list[Reply] | None:
    return await register.start_with_code(ctx, text) if normalize_code(text) else None


async def _units(ctx: Context, me: Contact, only_missing: bool) -> list[Reply]:
    if me.role not in STAFF:
        return await commands.not_on_menu(ctx)
    return await contacts.list_units(ctx, me.block_id, only_missing=only_missing)


async def _start(ctx: Context, me: Contact, flow: str) -> list[Reply]:
    if me.role != ROLE_SECRETARIAT:
        return [Reply(ctx.t("not_allowed"))]
    return await contacts.start(ctx, flow, me.block_id)


async def _all_units(ctx: Context, me: Contact) -> list[Reply]:
    return await _units(ctx, me, only_missing=False)


async def _missing_units(ctx: Context, me: Contact) -> list[Reply]:
    return await _units(ctx, me, only_missing=True)


async def _revoke(ctx: Context, me: Contact) -> list[Reply]:
    return await _start(ctx, me, contacts.REVOKE)


async def _rotate(ctx: Context, me: Contact) -> list[Reply]:
    return await _start(ctx, me, contacts.ROTATE)


FEATURE = Feature(
    "registration",
    commands={"start": start, "nhomkhoi": group_link.in_private},
    flows=(Flow(register.FLOW, register.ask, register.answer, register.STEPS),
           Flow(contacts.REVOKE, contacts.ask, contacts.answer, contacts.REVOKE_STEPS),
           Flow(contacts.ROTATE, contacts.ask, contacts.answer, contacts.ROTATE_STEPS)),
    menu=(MenuEntry("m.units", "menu.units", STAFF, 1, _all_units),
          MenuEntry("m.missing", "menu.missing", STAFF, 2, _missing_units),
          MenuEntry("m.revoke", "menu.revoke", SECRETARIAT, 3, _revoke),
          MenuEntry("m.rotate", "menu.rotate", SECRETARIAT, 4, _rotate)),
    on_text=typed_code,
    global_options=(GlobalOption(group_link.GLOBAL_GROUP, group_link.act),),
    group_commands={"nhomkhoi": group_link.command},
)
