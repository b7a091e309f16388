"""Registration of a contact with an invite code: confirm the unit, name, position, phone, summary."""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Final

from handlers.core import people
from handlers.core.catalog import Catalog
from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.core.roles import ROLE_KEYS, ROLE_OBSERVER, ROLE_SECRETARIAT
from handlers.core.validation import format_phone, person_name, position, vn_phone
from handlers.registration.rules.codes import code_hash, normalize_code
from storage.models import ChatAccount, Contact

FLOW = "register"
CONFIRM_KEYS: Final = {
    "observer": "reg_confirm_observer", "secretariat": "reg_confirm_secretariat", "unit": "reg_confirm_unit",
}
DONE_KEYS: Final = {"observer": "reg_done_observer", "secretariat": "reg_done_secretariat", "unit": "reg_done_unit"}
REG_BAD_KEYS: Final = {"name": "reg_bad_name", "position": "reg_bad_position"}
STEPS = frozenset({"confirm", "name", "position", "phone", "summary"})


async def start_with_code(ctx: Context, raw: str) -> list[Reply]:
    t = ctx.t
    window = timedelta(minutes=ctx.config.failed_code_window_minutes)
    failures = await ctx.uow.dialogs.recent_failures(ctx.incoming.channel, ctx.incoming.chat_id, ctx.now - window)
    if len(failures) >= ctx.config.max_failed_codes:
        wait = failures[-ctx.config.max_failed_codes] + window - ctx.now
        return [Reply(t("code_throttled", minutes=max(1, math.ceil(wait.total_seconds() / 60))))]
    code = normalize_code(raw)
    invite = await ctx.uow.directory.invite_by_hash(code_hash(ctx.config.secret, code)) if code else None
    if invite is None or invite.revoked_at is not None:
        await ctx.uow.dialogs.add_failure(ctx.incoming.channel, ctx.incoming.chat_id, ctx.now)
        key = "code_malformed" if code is None else "code_unknown" if invite is None else "code_revoked"
        return [Reply(t(key))]
    existing = await people.registration_in_block(ctx, invite.block_id)
    if existing is not None:
        return [Reply(t("already_registered", role_text=await people.role_text(ctx, existing),
                        block=await people.block_name(ctx, invite.block_id)))]
    ctx.begin(FLOW, "confirm", invite_id=invite.id, block_id=invite.block_id, unit_id=invite.unit_id,
              role=invite.role)
    return [await ask(ctx)]


async def ask(ctx: Context) -> Reply:
    t, data, step = ctx.t, ctx.data, ctx.state.step
    if step == "confirm":
        block = await people.block_name(ctx, data["block_id"])
        if (known := await _observer_elsewhere(ctx)) is not None:  # one officer follows several blocks
            text = t("reg_confirm_observer_more", block=block, blocks=await people.block_names(ctx, known),
                     name=known[0].full_name, phone=format_phone(known[0].phone))
            return Reply(text, ctx.choices(("yes", t("yes")), ("no", t("no"))))
        unit = await people.unit_name(ctx, await _unit_id(ctx))
        return Reply(t(CONFIRM_KEYS[data['role']], unit=unit, block=block),
                     ctx.choices(("yes", t("yes")), ("no", t("no"))))
    if step == "name":
        return Reply(t("reg_ask_name"))
    if step == "position":
        return Reply(t("reg_ask_position"))
    if step == "phone":
        return Reply(t("reg_ask_phone"), ask_contact=True)
    unit_id = await _unit_id(ctx)
    if unit_id is None:  # the observer belongs to no member unit: the summary names the block it follows
        where = t("reg_summary_observer", block=await people.block_name(ctx, data["block_id"]))
    else:
        where = t("reg_summary_unit", unit=await people.unit_name(ctx, unit_id))
    return Reply(
        t("reg_summary", where=where, name=data["name"], position=data["position"], phone=format_phone(data["phone"])),
        ctx.choices(("confirm", t("confirm")), ("redo", t("redo")), ("cancel", t("cancel"))),
    )


async def answer(ctx: Context) -> list[Reply]:
    t, step = ctx.t, ctx.state.step
    if step == "confirm":
        if ctx.option == "yes":
            if (known := await _observer_elsewhere(ctx)) is not None:  # the details they gave the first time
                me = known[-1]
                ctx.goto("summary", name=me.full_name, position=me.position, phone=me.phone)
                return await _finish(ctx)
            ctx.goto("name")
            return [await ask(ctx)]
        if ctx.option == "no":
            ctx.end()
            return [Reply(t("reg_declined"))]
        return [Reply(t("choose_from_menu")), await ask(ctx)]
    if step in ("name", "position"):
        check = person_name if step == "name" else position
        value = check(ctx.text) if ctx.text else None
        if value is None:
            return [Reply(t(REG_BAD_KEYS[step]))]
        ctx.goto("position" if step == "name" else "phone", **{step: value})
        return [await ask(ctx)]
    if step == "phone":
        phone = vn_phone(ctx.incoming.contact_phone or ctx.text or "")
        if phone is None:
            return [Reply(t("reg_bad_phone")), await ask(ctx)]
        ctx.goto("summary", phone=phone)
        return [await ask(ctx)]
    if ctx.option == "confirm":
        return await _finish(ctx)
    if ctx.option == "redo":
        ctx.goto("name")
        return [await ask(ctx)]
    if ctx.option == "cancel":
        ctx.end()
        return [Reply(t("cancelled"))]
    return [Reply(t("choose_from_menu")), await ask(ctx)]


async def _observer_elsewhere(ctx: Context) -> list[Contact] | None:
    """An observer's code redeemed by someone who already follows other blocks: their registrations there."""
    if ctx.data["role"] != ROLE_OBSERVER:
        return None
    return [c for c in await people.observed(ctx) if c.block_id != ctx.data["block_id"]] or None


async def _unit_id(ctx: Context) -> int | None:
    """A unit's code names the unit; the secretariat's code names the current head unit."""
    if ctx.data["role"] == ROLE_SECRETARIAT:
        term = await ctx.uow.directory.current_term(ctx.data["block_id"])
        return term.head_unit_id if term else None
    unit_id: int | None = ctx.data["unit_id"]
    return unit_id


async def _finish(ctx: Context) -> list[Reply]:
    t, data, d = ctx.t, ctx.data, ctx.uow.directory
    invite = await ctx.uow.directory.invite(data["invite_id"])
    if invite is None or invite.revoked_at is not None:
        ctx.end()
        return [Reply(t("reg_code_gone"))]
    block_id = data["block_id"]
    existing = await people.registration_in_block(ctx, block_id)
    if existing is not None:
        ctx.end()
        return [Reply(t("already_registered", role_text=await people.role_text(ctx, existing),
                        block=await people.block_name(ctx, block_id)))]
    unit_id = await _unit_id(ctx)
    contact = await people.same_person(ctx, block_id, data["role"], unit_id, data["phone"])
    if contact is None:
        contact = Contact(block_id=block_id, unit_id=unit_id, role=data["role"], full_name=data["name"],
                          position=data["position"], phone=data["phone"], registered_at=ctx.now)
    else:  # the same person from another channel: one contact, one more chat account
        contact.full_name, contact.position = data["name"], data["position"]
    d.add(contact)
    await d.flush()
    assert contact.id is not None
    d.add(ChatAccount(contact_id=contact.id, channel=ctx.incoming.channel, user_id=ctx.incoming.user_id,
                      chat_id=ctx.incoming.chat_id))
    ctx.uow.audit.record(ctx.now, f"contact:{contact.id}", "register", block_id, role=data["role"], unit_id=unit_id)
    ctx.forget_registrations()
    done, total = await people.coverage(ctx, block_id)
    unit_of_contact = await people.unit_name(ctx, contact.unit_id)

    def notice(tr: Catalog) -> str:  # in each secretariat member's own language
        return tr("notice_registered", name=contact.full_name, position=contact.position,
                  phone=format_phone(contact.phone), role_text=tr(ROLE_KEYS[contact.role], unit=unit_of_contact),
                  done=done, total=total)
    await people.notify_secretariat(ctx, block_id, notice, exclude_contact=contact.id)
    block = await people.block_name(ctx, block_id)
    ctx.end()
    unit = await people.unit_name(ctx, unit_id)
    followed = await people.observed(ctx) if contact.role == ROLE_OBSERVER else []
    if len(followed) > 1:  # one more block followed, the others kept: say which ones now
        return [Reply(t("reg_done_observer_more", block=block, count=len(followed),
                        blocks=await people.block_names(ctx, followed)))]
    return [Reply(t(DONE_KEYS[contact.role], unit=unit, block=block))]
