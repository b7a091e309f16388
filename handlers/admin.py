"""The secretariat's directory work in chat: units and contacts, revoking, rotating codes."""

from __future__ import annotations

from handlers import invite_book, people
from handlers.chat import Reply
from handlers.context import Context
from handlers.invites import ROLE_UNIT, deep_link, display_code
from handlers.validation import format_phone
from storage.models import Contact

REVOKE, ROTATE = "revoke", "rotate"


async def list_units(ctx: Context, block_id: int, only_missing: bool = False) -> list[Reply]:
    t, d = ctx.t, ctx.uow.directory
    term = await d.current_term(block_id)
    units = await d.units(block_id)
    by_unit: dict[int | None, list[Contact]] = {}
    for c in await d.active_contacts(block_id, ROLE_UNIT):
        by_unit.setdefault(c.unit_id, []).append(c)
    done = sum(1 for u in units if by_unit.get(u.id))
    block = await people.block_name(ctx, block_id)
    if only_missing:
        missing = [u for u in units if not by_unit.get(u.id)]
        if not missing:
            return [Reply(t("missing_none", total=len(units)))]
        lines = [t("missing_header", count=len(missing), total=len(units))]
        lines += [t("units_line", i=i, code=u.code, name=u.name, tag="") for i, u in enumerate(missing, 1)]
        return [Reply("\n".join(lines))]
    lines = [t("units_header", block=block, done=done, total=len(units))]
    for i, u in enumerate(units, 1):
        tag = t("tag.head") if term and u.id == term.head_unit_id else (
            t("tag.deputy") if term and u.id == term.deputy_unit_id else "")
        lines.append(t("units_line", i=i, code=u.code, name=u.name, tag=tag))
        contacts = by_unit.get(u.id, [])
        lines += [t("units_contact", name=c.full_name, position=c.position, phone=format_phone(c.phone))
                  for c in contacts] or [t("units_none")]
    return [Reply("\n".join(lines))]


async def start(ctx: Context, flow: str, block_id: int) -> list[Reply]:
    if flow == REVOKE and not await _units_with_contacts(ctx, block_id):
        return [Reply(ctx.t("revoke_no_contacts"))]
    ctx.begin(flow, "pick_unit", block_id=block_id)
    return [await ask(ctx)]


async def _units_with_contacts(ctx: Context, block_id: int) -> list[tuple[str, str]]:
    d = ctx.uow.directory
    covered = {c.unit_id for c in await d.active_contacts(block_id, ROLE_UNIT)}
    return [(f"u{u.id}", f"{u.code} – {u.name}") for u in await d.units(block_id) if u.id in covered]


async def ask(ctx: Context) -> Reply:
    t, data, step, flow = ctx.t, ctx.data, ctx.state.step, ctx.state.flow
    d = ctx.uow.directory
    if step == "pick_unit":
        if flow == REVOKE:
            options = await _units_with_contacts(ctx, data["block_id"])
        else:
            options = [(f"u{u.id}", f"{u.code} – {u.name}") for u in await d.units(data["block_id"])]
        key = "revoke_pick_unit" if flow == REVOKE else "rotate_pick_unit"
        return Reply(t(key), ctx.choices(*options, ("cancel", t("cancel"))))
    unit = await people.unit_name(ctx, data["unit_id"])
    if step == "pick_contact":
        contacts = [c for c in await d.active_contacts(data["block_id"], ROLE_UNIT) if c.unit_id == data["unit_id"]]
        options = [(f"c{c.id}", f"{c.full_name} ({c.position}, {format_phone(c.phone)})") for c in contacts]
        return Reply(t("revoke_pick_contact", unit=unit), ctx.choices(*options, ("cancel", t("cancel"))))
    if flow == REVOKE:
        contact = await d.contact(data["contact_id"])
        text = t("revoke_confirm", name=contact.full_name if contact else "?", unit=unit)
    else:
        text = t("rotate_confirm", unit=unit)
    return Reply(text, ctx.choices(("confirm", t("confirm")), ("cancel", t("cancel"))))


async def answer(ctx: Context) -> list[Reply]:
    t, data, step = ctx.t, ctx.data, ctx.state.step
    if await people.secretariat_for(ctx, data["block_id"]) is None:  # role checked on every step
        ctx.end()
        return [Reply(t("not_allowed"))]
    if ctx.option == "cancel":
        ctx.end()
        return [Reply(t("cancelled"))]
    option = ctx.option or ""
    if step == "pick_unit" and option.startswith("u") and option[1:].isdigit():
        unit = await ctx.uow.directory.unit(int(option[1:]))
        if unit is not None and unit.block_id == data["block_id"]:
            ctx.goto("pick_contact" if ctx.state.flow == REVOKE else "confirm", unit_id=unit.id)
            return [await ask(ctx)]
    elif step == "pick_contact" and option.startswith("c") and option[1:].isdigit():
        contact = await ctx.uow.directory.contact(int(option[1:]))
        if contact is not None and contact.unit_id == data["unit_id"] and contact.block_id == data["block_id"]:
            ctx.goto("confirm", contact_id=contact.id)
            return [await ask(ctx)]
    elif step == "confirm" and option == "confirm":
        return await (_revoke(ctx) if ctx.state.flow == REVOKE else _rotate(ctx))
    return [Reply(t("choose_from_menu")), await ask(ctx)]


async def _revoke(ctx: Context) -> list[Reply]:
    t, data, d = ctx.t, ctx.data, ctx.uow.directory
    contact = await d.contact(data["contact_id"])
    unit = await people.unit_name(ctx, data["unit_id"])
    ctx.end()
    if contact is None or contact.revoked_at is not None:
        return [Reply(t("revoke_gone"))]
    contact.revoked_at = ctx.now
    d.add(contact)
    actor = await people.secretariat_for(ctx, contact.block_id)
    ctx.uow.audit.record(ctx.now, f"contact:{actor.id if actor else '?'}", "revoke_contact", contact.block_id,
                         contact_id=contact.id, unit_id=contact.unit_id)
    block = await people.block_name(ctx, contact.block_id)
    await people.notify_contacts(ctx, [contact], lambda tr: tr("notice_revoked", unit=unit, block=block))
    return [Reply(t("revoke_done", name=contact.full_name, unit=unit))]


async def _rotate(ctx: Context) -> list[Reply]:
    t, data = ctx.t, ctx.data
    unit = await people.unit_name(ctx, data["unit_id"])
    code = await invite_book.rotate(ctx.uow, ctx.config.secret, data["block_id"], ROLE_UNIT, data["unit_id"], ctx.now)
    actor = await people.secretariat_for(ctx, data["block_id"])
    ctx.uow.audit.record(ctx.now, f"contact:{actor.id if actor else '?'}", "rotate_code", data["block_id"],
                         unit_id=data["unit_id"])
    ctx.end()
    return [Reply(t("rotate_done", unit=unit, code=display_code(code),
                    link=deep_link(ctx.config.bot_username, code)))]
