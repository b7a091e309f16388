"""Planning reminders and digests: decides who is due a reminder now and writes it to the outbox.

Idempotent: a reminder is keyed (deadline, revision, unit, slot) and a digest (deadline, revision,
slot), so a repeated or late tick does nothing twice; the planner holds no state of its own, so a
restart neither repeats nor skips a reminder. Missed slots are handled by `current_slot`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from handlers.core.catalog import DEFAULT_LANG, Catalog
from handlers.core.clock import format_local
from handlers.core.group import GROUP_LANG
from handlers.core.roles import ROLE_SECRETARIAT
from handlers.deadlines import status as deadline_status
from handlers.deadlines.due_text import due_text
from handlers.deadlines.flows.submit import GLOBAL_SUBMIT
from handlers.deadlines.plan import policy_of
from handlers.deadlines.rules.reminder_policy import DIGEST_EVENING, Slot, current_slot
from handlers.deadlines.rules.workdays import (
    at_local,
    effective_due,
    in_office_hours,
    is_working_day,
    local_day,
    working_days_between,
)
from storage.models import Block, ChatAccount, Contact, Deadline, Unit
from storage.uow import UnitOfWork

Offered = dict[tuple[str, str], list[list[str]]]  # per chat, the reminder choices of this tick
Blocked = tuple[str, str, datetime]  # a contact the bot cannot reach: unit name, person's name, since when
OVERDUE_HORIZON = timedelta(days=60)  # older deadlines have no slot left to send
CHUNK = 200  # deadlines per transaction
EVENING = "digest_due_evening"
LANG_CHUNK = 500  # chats per language lookup


@dataclass
class Sent:
    """What a deadline's reminders of this tick reached, for its digest."""

    reminders: int = 0
    messages: int = 0
    no_contact: list[str] = field(default_factory=list)  # units with no contact registered
    all_blocked: list[str] = field(default_factory=list)  # units whose every contact blocked the bot
    blocked: list[Blocked] = field(default_factory=list)  # the contacts who blocked it, by unit


@dataclass
class Reach:
    """The reminded units' contacts: the chats to write to, and the people the bot cannot reach."""

    chats: dict[int, list[tuple[str, str]]] = field(default_factory=dict)  # by unit id
    contacts: dict[int, int] = field(default_factory=dict)  # by unit id: how many contacts it has
    blocked: dict[int, list[tuple[str, datetime]]] = field(default_factory=dict)  # by unit id: name, since


@dataclass
class PlanResult:
    reminders: int = 0
    messages: int = 0
    digests: int = 0


async def plan_tick(sessions: async_sessionmaker[AsyncSession], now: datetime) -> PlanResult:
    result = PlanResult()
    plans: dict[int, Slot | None] = {}  # per deadline: its reminder slot now, or None for the due evening
    async with UnitOfWork(sessions) as uow:
        live = await uow.deadlines.live_with_blocks(due_after=now - OVERDUE_HORIZON)
        slots: dict[tuple[object, ...], Slot | None] = {}  # many deadlines share a due time and a policy
        office = in_office_hours(now)
        by_slot: dict[str, list[int]] = {}
        for deadline, _t, block in live:
            if deadline.closed_at is not None or deadline.id is None:
                continue
            slot = _slot_of(deadline, block, now, slots) if office else None
            if slot is not None:
                by_slot.setdefault(slot.name, []).append(deadline.id)
                plans[deadline.id] = slot
            elif _due_evening(deadline, now):
                by_slot.setdefault(EVENING, []).append(deadline.id)
                plans[deadline.id] = None
        # "anything new?": set-based, so a tick that finds nothing costs a few statements
        pending: set[int] = set()
        for name, ids in by_slot.items():
            if name == EVENING:
                pending |= await uow.deadlines.without_digest(EVENING, ids)
            else:
                pending |= await uow.deadlines.with_units_to_remind(name, ids)
    todo = [(d, b) for d, _t, b in live if d.id in pending]  # read-only copies, detached, in deadline order
    offered: Offered = {}
    for start in range(0, len(todo), CHUNK):
        async with UnitOfWork(sessions) as uow:
            chunk = todo[start:start + CHUNK]
            sent = await _remind_chunk(uow, [(d, plans[d.id or 0]) for d, _b in chunk], now, offered)
            for deadline, block in chunk:
                await _plan_deadline(uow, deadline, block, plans[deadline.id or 0], sent, now, result)
            await uow.commit()
    return result


def _slot_of(deadline: Deadline, block: Block, now: datetime,
             cache: dict[tuple[object, ...], Slot | None]) -> Slot | None:
    key = (deadline.due_at, repr(deadline.reminder_policy), repr(block.reminder_policy))
    if key not in cache:
        cache[key] = current_slot(deadline.due_at, policy_of(deadline, block), now)
    return cache[key]


async def _plan_deadline(uow: UnitOfWork, deadline: Deadline, block: Block, slot: Slot | None,
                         sent: dict[int, Sent], now: datetime, result: PlanResult) -> None:
    if slot is not None:
        reached = sent.get(deadline.id or 0, Sent())
        result.reminders += reached.reminders
        result.messages += reached.messages
        # the morning's digest goes with the morning's reminders (same transaction, so never one alone)
        if reached.reminders and await _digest(uow, deadline, block, f"digest_{slot.name}", now, reached):
            result.digests += 1
    elif await _digest(uow, deadline, block, EVENING, now):
        result.digests += 1


def _short(title: str, limit: int = 40) -> str:
    return title if len(title) <= limit else title[: limit - 1].rsplit(" ", 1)[0] + "…"  # whole words


def _due_evening(deadline: Deadline, now: datetime) -> bool:
    effective = effective_due(deadline.due_at)
    day = local_day(effective)
    start = max(at_local(day, DIGEST_EVENING), effective)
    return is_working_day(day) and local_day(now) == day and now >= start


def reminder_text(t: Catalog, deadline: Deadline, slot: Slot, unit_name: str, now: datetime) -> str:
    """The working days are counted to the effective due day (a day off moves it to the next working
    day), so a reminder never says «còn 0 ngày làm việc»: on the due day it says it is the last day."""
    today, due_day = local_day(now), local_day(effective_due(deadline.due_at))
    due = due_text(t, deadline.due_at)
    left = working_days_between(today, due_day)
    if slot.overdue:
        body = t("remind.overdue", title=deadline.title, due=due, days=working_days_between(due_day, today),
                 unit=unit_name)
    elif slot.name == "due_day" or left <= 0:
        body = t("remind.due_day", title=deadline.title, due=due, unit=unit_name)
    else:
        body = t("remind.before", title=deadline.title, due=due, days=left, unit=unit_name)
    return f"{body}\n{t('remind.hint')}"


async def _remind_chunk(uow: UnitOfWork, items: list[tuple[Deadline, Slot | None]], now: datetime,
                        offered: Offered) -> dict[int, Sent]:
    """Per deadline: (reminders, messages, names of units no contact could be reminded for). A chunk's
    reads and writes are a few statements in all, not a few per deadline.

    A chat reminded of several deadlines in one morning gets, with each reminder, the choices of
    all of them so far, so that on Zalo "1" and "2" each open their own deadline."""
    by_slot: dict[str, list[int]] = {}
    for deadline, slot in items:
        if slot is not None and deadline.id is not None:
            by_slot.setdefault(slot.name, []).append(deadline.id)
    units_of: dict[int, list[Unit]] = {}
    for name, ids in by_slot.items():
        for deadline_id, unit in await uow.deadlines.units_to_remind_many(name, ids):
            units_of.setdefault(deadline_id, []).append(unit)
    unit_ids = sorted({u.id for units in units_of.values() for u in units if u.id is not None})
    reach = await _reach(uow, unit_ids)
    by_unit = reach.chats
    chats = list(dict.fromkeys(c for chats in by_unit.values() for c in chats))
    langs: dict[tuple[str, str], str] = {}
    for start in range(0, len(chats), LANG_CHUNK):  # a long IN list of pairs is too deep for PostgreSQL
        langs |= await uow.dialogs.langs(chats[start:start + LANG_CHUNK])
    reminders: list[dict[str, object]] = []
    messages: list[dict[str, object]] = []
    recipients: dict[tuple[str, str], None] = {}
    sent: dict[int, Sent] = {}
    for deadline, slot in items:
        units = units_of.get(deadline.id or 0, [])
        if slot is None or not units:
            continue
        first_message = len(messages)
        for unit in units:
            assert unit.id is not None
            chats = by_unit.get(unit.id, [])
            reminders.append({"deadline_id": deadline.id, "revision": deadline.revision, "unit_id": unit.id,
                              "slot": slot.name, "planned_at": now, "recipients": len(chats)})
            for chat_key in chats:  # each chat in its own language (`/lang`)
                t = Catalog(langs.get(chat_key, DEFAULT_LANG))
                choice = [f"{GLOBAL_SUBMIT}{deadline.id}", t("remind.submit_now", title=_short(deadline.title))]
                menu = offered.setdefault(chat_key, [])
                if choice not in menu:
                    menu.append(choice)
                messages.append({"channel": chat_key[0], "chat_id": chat_key[1],
                                 "text": reminder_text(t, deadline, slot, unit.name, now), "choices": list(menu),
                                 "version": 0, "created_at": now, "not_before": now, "attempts": 0,
                                 "deadline_id": deadline.id, "unit_id": unit.id})
                recipients[chat_key] = None
        sent[deadline.id or 0] = Sent(
            len(units), len(messages) - first_message,
            no_contact=[u.name for u in units if not reach.contacts.get(u.id or 0)],
            all_blocked=[u.name for u in units if reach.contacts.get(u.id or 0) and not by_unit.get(u.id or 0)],
            blocked=[(u.name, name, since) for u in units for name, since in reach.blocked.get(u.id or 0, [])])
    await uow.deadlines.add_reminders(reminders, messages)
    by_menu: dict[str, tuple[list[list[str]], list[tuple[str, str]]]] = {}
    for chat_key in recipients:  # one UPDATE per distinct menu, not per chat
        menu = offered[chat_key]
        by_menu.setdefault(repr(menu), (menu, []))[1].append(chat_key)
    for menu, chats_of_menu in by_menu.values():
        await uow.dialogs.offer_menu(chats_of_menu, menu, now, skip_busy=False)
    return sent


async def _reach(uow: UnitOfWork, unit_ids: list[int]) -> Reach:
    """Who of these units' contacts can be written to. A blocked account is skipped; a person none of whose
    accounts can be reached is named in the digest, since when the last of them closed."""
    reach = Reach()
    accounts: dict[int, list[ChatAccount]] = {}
    people: dict[int, Contact] = {}
    for contact, account in await uow.deadlines.unit_accounts(unit_ids):
        people[contact.id or 0] = contact
        accounts.setdefault(contact.id or 0, []).append(account)
        if account.unreachable_since is None:
            reach.chats.setdefault(contact.unit_id or 0, []).append((account.channel, account.chat_id))
    for contact_id, mine in accounts.items():
        unit_id = people[contact_id].unit_id or 0
        reach.contacts[unit_id] = reach.contacts.get(unit_id, 0) + 1
        marks = [a.unreachable_since for a in mine]
        if all(marks):
            reach.blocked.setdefault(unit_id, []).append((people[contact_id].full_name, max(m for m in marks if m)))
    return reach


async def _digest(uow: UnitOfWork, deadline: Deadline, block: Block, slot: str, now: datetime,
                  reached: Sent | None = None) -> bool:
    assert block.id is not None
    accounts = [a for a in await uow.directory.accounts_of_role(block.id, ROLE_SECRETARIAT)
                if a.unreachable_since is None]  # a secretary who blocked the bot gets no digest either
    groups = await uow.groups.of_block(block.id) if slot != "digest_due_evening" else []
    if not accounts and not groups:
        return False
    status = await deadline_status.status_of(uow, deadline, block.id)
    if not status.missing or not await uow.deadlines.record_digest(deadline, slot, now):
        return False
    if groups:  # the block's group sees the units still missing (units only, never a person), in Vietnamese
        group_t = Catalog(GROUP_LANG)
        post = f"{group_t('grp_morning', block=block.name)}\n{deadline_status.render(group_t, status)}"
        for group in groups:
            uow.outbox.add(group.channel, group.chat_id, post, now)
    langs = await uow.dialogs.langs([(a.channel, a.chat_id) for a in accounts])
    for account in accounts:  # each secretariat member in their own language
        t = Catalog(langs.get((account.channel, account.chat_id), DEFAULT_LANG))
        text = f"{t('digest.header', block=block.name, now=format_local(now))}\n{deadline_status.render(t, status)}"
        if reached is not None:
            text += _unreached(t, reached)
        uow.outbox.add(account.channel, account.chat_id, text, now)
    return True


def _unreached(t: Catalog, reached: Sent) -> str:
    """The digest's lines on who the reminders did not reach: the secretariat must call them."""
    lines = []
    if reached.no_contact:  # a unit with no contact hears nothing
        lines.append(t("digest.unreachable", units="; ".join(reached.no_contact)))
    if reached.all_blocked:  # nor does one whose every contact blocked the bot
        lines.append(t("digest.all_blocked", units="; ".join(reached.all_blocked)))
    if reached.blocked:
        people = [t("digest.blocked_person", unit=unit, name=name, since=format_local(since))
                  for unit, name, since in reached.blocked]
        lines.append(t("digest.blocked", people="; ".join(people)))
    return "".join(f"\n{line}" for line in lines)
