"""The secretariat's directory work in chat: units and contacts, revoking, rotating codes."""

from __future__ import annotations

from handlers.core import people
from handlers.core.clock import format_local
from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.core.roles import ROLE_OBSERVER, ROLE_SECRETARIAT, ROLE_UNIT
from handlers.core.validation import format_phone
from handlers.registration import invite_book
from handlers.registration.rules.codes import INVITE_KEYS, deep_link, display_code
from storage.models import Contact

REVOKE, ROTATE = "revoke", "rotate"
REVOKE_STEPS = frozenset({"pick_unit", "pick_contact", "confirm"})
ROTATE_STEPS = frozenset({"pick_unit", "confirm"})


async def list_units(ctx: Context, block_id: int, only_missing: bool = False) -> list[Reply]:
    t, d = ctx.t, ctx.uow.directory
    term = await d.current_term(block_id)
    units = await d.units(block_id)
    by_unit: dict[int | None, list[Contact]] = {}
    for c in await people.listed_contacts(ctx, block_id):  # the head unit's secretariat staff included
        by_unit.setdefault(c.unit_id, []).append(c)
    done = sum(1 for u in units if by_unit.get(u.id))
    blocked = await d.unreachable_contacts(block_id)
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
        for c in contacts:
            lines.append(t("units_contact", name=c.full_name, position=c.position, phone=format_phone(c.phone),
                           tag=t("tag.secretariat") if c.role == ROLE_SECRETARIAT else ""))
            if (since := blocked.get(c.id or 0)) is not None:  # reminders skip them: the secretariat should call
                lines.append(t("units_blocked", since=format_local(since)))
        lines += [] if contacts else [t("units_none")]
    return [Reply("\n".join(lines))]


async def start(ctx: Context, flow: str, block_id: int) -> list[Reply]:
    if flow == REVOKE and not await _units_with_contacts(ctx, block_id) and not await _role_groups(ctx, block_id):
        return [Reply(ctx.t("revoke_no_contacts"))]
    ctx.begin(flow, "pick_unit", block_id=block_id)
    return [await ask(ctx)]


async def _units_with_contacts(ctx: Context, block_id: int) -> list[tuple[str, str]]:
    d = ctx.uow.directory
    covered = {c.unit_id for c in await d.active_contacts(block_id, ROLE_UNIT)}
    return [(f"u{u.id}", f"{u.code} – {u.name}") for u in await d.units(block_id) if u.id in covered]


async def _role_groups(ctx: Context, block_id: int, everyone: bool = False) -> list[tuple[str, str]]:
    """The secretariat and the observer as pseudo-units: their people can be revoked (not oneself)
    and their codes rotated, so a leaked admin code or a departed officer can be shut out."""
    me = await people.secretariat_for(ctx, block_id)
    groups = []
    for role in (ROLE_SECRETARIAT, ROLE_OBSERVER):
        others = [c for c in await ctx.uow.directory.active_contacts(block_id, role) if me is None or c.id != me.id]
        if everyone or others:
            groups.append((f"r.{role}", ctx.t(INVITE_KEYS[role])))
    return groups


async def _who(ctx: Context) -> str:
    role = ctx.data.get("role", ROLE_UNIT)
    return await people.unit_name(ctx, ctx.data["unit_id"]) if role == ROLE_UNIT else ctx.t(INVITE_KEYS[role])


async def ask(ctx: Context) -> Reply:
    t, data, step, flow = ctx.t, ctx.data, ctx.state.step, ctx.state.flow
    d = ctx.uow.directory
    if step == "pick_unit":
        if flow == REVOKE:
            options = await _units_with_contacts(ctx, data["block_id"])
        else:
            options = [(f"u{u.id}", f"{u.code} – {u.name}") for u in await d.units(data["block_id"])]
        options += await _role_groups(ctx, data["block_id"], everyone=flow == ROTATE)
        key = "revoke_pick_unit" if flow == REVOKE else "rotate_pick_unit"
        return Reply(t(key), ctx.choices(*options, ("cancel", t("cancel"))))
    unit = await _who(ctx)
    if step == "pick_contact":
        me = await people.secretariat_for(ctx, data["block_id"])
        contacts = [c for c in await d.active_contacts(data["block_id"], data.get("role", ROLE_UNIT))
                    if (c.unit_id == data["unit_id"] or data.get("role", ROLE_UNIT) != ROLE_UNIT)
                    and (me is None or c.id != me.id)]
        options = [(f"c{c.id}", f"{c.full_name} ({c.position}, {format_phone(c.phone)})") for c in contacts]
        return Reply(t("revoke_pick_contact", unit=unit), ctx.choices(*options, ("cancel", t("cancel"))))
    if flow == REVOKE:
        contact = await d.contact(data["contact_id"])
        text = t("revoke_confirm", name=contact.full_name if contact else "?", unit=unit)
        return Reply(text, ctx.choices(("confirm", t("confirm")), ("confirm_rotate", t("revoke_and_rotate")),
                                       ("cancel", t("cancel"))))
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
    if step == "pick_unit" and option in (f"r.{ROLE_SECRETARIAT}", f"r.{ROLE_OBSERVER}"):
        ctx.goto("pick_contact" if ctx.state.flow == REVOKE else "confirm", unit_id=None, role=option[2:])
        return [await ask(ctx)]
    if step == "pick_unit" and option.startswith("u") and option[1:].isdigit():
        unit = await ctx.uow.directory.unit(int(option[1:]))
        if unit is not None and unit.block_id == data["block_id"]:
            ctx.goto("pick_contact" if ctx.state.flow == REVOKE else "confirm", unit_id=unit.id)
            return [await ask(ctx)]
    elif step == "pick_contact" and option.startswith("c") and option[1:].isdigit():
        contact = await ctx.uow.directory.contact(int(option[1:]))
        role = data.get("role", ROLE_UNIT)
        me = await people.secretariat_for(ctx, data["block_id"])
        mine = role != ROLE_UNIT or (contact is not None and contact.unit_id == data["unit_id"])
        if (contact is not None and contact.block_id == data["block_id"] and contact.role == role and mine
                and contact.id != (me.id if me else None)):
            ctx.goto("confirm", contact_id=contact.id)
            return [await ask(ctx)]
    elif step == "confirm" and option == "confirm":
        return await (_revoke(ctx) if ctx.state.flow == REVOKE else _rotate(ctx))
    elif step == "confirm" and option == "confirm_rotate" and ctx.state.flow == REVOKE:
        data = dict(ctx.data)
        replies = await _revoke(ctx)
        ctx.state.data = data  # _revoke ended the flow; the rotation needs the same unit
        return replies + await _rotate(ctx)
    return [Reply(t("choose_from_menu")), await ask(ctx)]


async def _revoke(ctx: Context) -> list[Reply]:
    t, data, d = ctx.t, ctx.data, ctx.uow.directory
    contact = await d.contact(data["contact_id"])
    unit = await _who(ctx)
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
    done = t("revoke_done", name=contact.full_name, unit=unit)
    others = [c for c in await d.active_contacts(contact.block_id, contact.role)
              if c.unit_id == contact.unit_id and c.id != contact.id]
    if contact.role == ROLE_UNIT and not others:  # nobody left to remind: the secretariat must know
        done += "\n" + t("revoke_last_contact", unit=unit)
    return [Reply(done)]


async def _rotate(ctx: Context) -> list[Reply]:
    t, data = ctx.t, ctx.data
    unit = await _who(ctx)
    role = data.get("role", ROLE_UNIT)
    code = await invite_book.rotate(ctx.uow, ctx.config.secret, data["block_id"], role, data["unit_id"], ctx.now)
    actor = await people.secretariat_for(ctx, data["block_id"])
    ctx.uow.audit.record(ctx.now, f"contact:{actor.id if actor else '?'}", "rotate_code", data["block_id"],
                         unit_id=data["unit_id"], role=role)
    ctx.end()
    return [Reply(t("rotate_done", unit=unit, code=display_code(code),
                    link=deep_link(ctx.config.bot_username, code)))]
