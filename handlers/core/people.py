"""Questions about people that several features ask: who is this, of which unit, who runs the block."""

from __future__ import annotations

from collections.abc import Callable

from handlers.core.catalog import Catalog
from handlers.core.context import Context
from handlers.core.roles import ROLE_KEYS, ROLE_OBSERVER, ROLE_SECRETARIAT, ROLE_UNIT
from storage.models import Contact


async def registration_in_block(ctx: Context, block_id: int) -> Contact | None:
    return next((c for c in await ctx.registrations() if c.block_id == block_id), None)


def acts_for_unit(contact: Contact) -> bool:
    """Hands in a unit's reports and self-assessment: the unit's contacts, and the head unit's own staff,
    who are the secretariat (the head unit is a member unit too)."""
    return contact.unit_id is not None and contact.role in (ROLE_UNIT, ROLE_SECRETARIAT)


async def primary(ctx: Context) -> Contact | None:
    """The registration a menu acts on: the secretariat one if any, else a unit's (newest first), else the
    newest: a contact who also follows other blocks keeps the contact's menu (/trangthai and /diem show
    the blocks followed too)."""
    regs = await ctx.registrations()
    for role in (ROLE_SECRETARIAT, ROLE_UNIT):
        found = next((c for c in regs if c.role == role), None)
        if found is not None:
            return found
    return regs[0] if regs else None


async def observed(ctx: Context) -> list[Contact]:
    """The sender's observer registrations, one per block followed, in the order they were made."""
    return sorted((c for c in await ctx.registrations() if c.role == ROLE_OBSERVER), key=lambda c: c.id or 0)


async def staff_blocks(ctx: Context) -> list[Contact]:
    """The blocks the sender reads as a whole: the secretariat's first (as before), then those followed."""
    regs = await ctx.registrations()
    return [*(c for c in regs if c.role == ROLE_SECRETARIAT), *await observed(ctx)]


async def block_names(ctx: Context, contacts: list[Contact]) -> str:
    return "; ".join([await block_name(ctx, c.block_id) for c in contacts])


async def secretariat_for(ctx: Context, block_id: int) -> Contact | None:
    """The sender's secretariat registration in this block; None means not allowed."""
    return next(
        (c for c in await ctx.registrations() if c.block_id == block_id and c.role == ROLE_SECRETARIAT), None
    )


async def block_name(ctx: Context, block_id: int) -> str:
    block = await ctx.uow.directory.block(block_id)
    return block.name if block else "?"


async def unit_name(ctx: Context, unit_id: int | None) -> str:
    unit = await ctx.uow.directory.unit(unit_id) if unit_id is not None else None
    return unit.name if unit else "?"


async def role_text(ctx: Context, contact: Contact) -> str:
    return ctx.t(ROLE_KEYS[contact.role], unit=await unit_name(ctx, contact.unit_id))


async def listed_contacts(ctx: Context, block_id: int) -> list[Contact]:
    """The people the block's lists show and count as a unit's contacts: its unit contacts and its own staff
    who are the secretariat (the head unit's), who receive its reminders and submit for it. For lists only:
    roles and revocation still go by the role."""
    return [c for c in await ctx.uow.directory.active_contacts(block_id) if acts_for_unit(c)]


async def coverage(ctx: Context, block_id: int) -> tuple[int, int]:
    """(units with at least one contact, the head unit's secretariat staff included; units) of the block."""
    units = await ctx.uow.directory.units(block_id)
    covered = {c.unit_id for c in await listed_contacts(ctx, block_id)}
    return sum(1 for u in units if u.id in covered), len(units)


async def same_person(
    ctx: Context, block_id: int, role: str, unit_id: int | None, phone: str
) -> Contact | None:
    for contact in await ctx.uow.directory.active_contacts(block_id, role):
        if contact.unit_id == unit_id and contact.phone == phone:
            return contact
    return None


Message = str | Callable[[Catalog], str]


async def notify_contacts(ctx: Context, contacts: list[Contact], message: Message) -> None:
    """Queue a notice to every chat of these contacts; a callable is rendered in each recipient's
    own language (the one their chat uses), not the sender's."""
    ids = [c.id for c in contacts if c.id is not None]
    accounts = await ctx.uow.directory.accounts(ids)
    langs = await ctx.uow.dialogs.langs([(a.channel, a.chat_id) for a in accounts]) if callable(message) else {}
    for account in accounts:
        text = message(Catalog(langs.get((account.channel, account.chat_id), "vi"))) if callable(message) else message
        ctx.notify(account.channel, account.chat_id, text)


async def notify_secretariat(ctx: Context, block_id: int, text: Message, exclude_contact: int | None = None) -> None:
    staff = await ctx.uow.directory.active_contacts(block_id, ROLE_SECRETARIAT)
    await notify_contacts(ctx, [c for c in staff if c.id != exclude_contact], text)
