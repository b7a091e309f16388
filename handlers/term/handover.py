"""The handover: after the head and deputy polls, the block starts its next term in one step.

Shared by the chat (/bangiao, handlers.term.flows.handover) and the command line (`thidua term handover`).
`plan` reads what the handover would do and refuses with a catalog text when it cannot be done; `carry_out`
does it in the caller's transaction: the new current term (year + 1) with the elected head and deputy, the
old term kept (its deadlines, scores and polls stay attached to it), the secretariat moved from the old
head unit's staff to the new head unit's contacts, the secretariat invite code rotated, the yearly
deadlines copied, everyone told (the new secretariat also of what was carried over and what was
not: handlers.term.carry_over), the block's group told, and an audit entry. A second handover of the same
year is refused.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from handlers.core import group
from handlers.core.catalog import Catalog
from handlers.core.group import GROUP_LANG
from handlers.core.roles import ROLE_SECRETARIAT, ROLE_UNIT
from handlers.registration import invite_book
from handlers.term import carry_over
from handlers.term.carry_over import CarryOver
from handlers.term.deadline_copy import CopiedDeadlines, copy_cycle
from handlers.voting.rules.count import Count
from storage.models import Block, Contact, Term, Unit
from storage.models_vote import CLOSED, OPEN
from storage.uow import UnitOfWork

HEAD, DEPUTY = "head", "deputy"
Tell = Callable[[list[Contact], Callable[[Catalog], str]], Awaitable[None]]

HANDOVER_KIND_KEYS: Final = {"deputy": "handover.kind.deputy", "head": "handover.kind.head"}


class HandoverRefused(Exception):
    """Why the handover cannot happen now, worded in whichever language the caller reads."""

    def __init__(self, render: Callable[[Catalog], str]) -> None:
        super().__init__("handover refused")
        self.text = render


def _role(t: Catalog, kind: str) -> str:
    return t(HANDOVER_KIND_KEYS[kind])


@dataclass(frozen=True)
class Plan:
    block: Block
    term: Term  # the current term, handed over
    head: Unit
    deputy: Unit
    head_poll: int | None  # the poll that elected it; None when the operator named the unit
    deputy_poll: int | None
    newcomers: int  # contacts of the new head unit who will run the block

    @property
    def year(self) -> int:
        return self.term.year + 1


@dataclass(frozen=True)
class Outcome:
    term: Term  # the new current term
    code: str  # the new secretariat invite code (never stored: only its hash is)
    promoted: list[Contact]
    demoted: list[Contact]
    deadlines: CopiedDeadlines
    told: int
    carried: CarryOver | None  # what the new term has from the old one, and what it does not


async def _elected(uow: UnitOfWork, term: Term, kind: str) -> tuple[int, int]:
    """(unit id, poll id) from the term's last counted poll of this kind."""
    assert term.id is not None
    polls = [p for p in await uow.polls.of_term(term.id) if p.kind == kind]
    still_open = [p for p in polls if p.status == OPEN]
    if still_open:
        poll = still_open[0].id
        raise HandoverRefused(lambda t: t("handover.poll_open", role=_role(t, kind), poll=poll))
    counted = [p for p in polls if p.status == CLOSED and p.result is not None]
    if not counted:
        year = term.year
        raise HandoverRefused(lambda t: t("handover.no_poll", role=_role(t, kind), year=year))
    last = max(counted, key=lambda p: p.id or 0)  # a runoff or a new vote comes after the poll it replaces
    assert last.result is not None and last.id is not None
    count = Count.from_json(last.result)
    poll, elected = last.id, len(count.elected)
    if not count.quorum_met:
        raise HandoverRefused(lambda t: t("handover.poll_invalid", role=_role(t, kind), poll=poll))
    if count.tied:
        raise HandoverRefused(lambda t: t("handover.poll_tied", role=_role(t, kind), poll=poll))
    if elected != 1:
        raise HandoverRefused(lambda t: t("handover.poll_undecided", role=_role(t, kind), poll=poll, count=elected))
    return count.elected[0], last.id


async def _unit(uow: UnitOfWork, block: Block, code: str | None, unit_id: int | None) -> Unit:
    assert block.id is not None
    unit = (await uow.directory.unit_by_code(block.id, code.strip().upper()) if code is not None
            else await uow.directory.unit(unit_id) if unit_id is not None else None)
    if unit is None or not unit.active or unit.block_id != block.id:
        shown, name = code if code is not None else f"#{unit_id}", block.name
        raise HandoverRefused(lambda t: t("handover.unknown_unit", code=shown, block=name))
    return unit


def _done_already(block: str, year: int) -> HandoverRefused:
    return HandoverRefused(lambda t: t("handover.done_already", block=block, year=year))


async def _handed_into(uow: UnitOfWork, block_id: int, year: int) -> bool:
    return any(e.action == "handover" and e.detail.get("year") == year for e in await uow.audit.entries(block_id))


async def plan(uow: UnitOfWork, block_id: int, *, year: int | None = None, head_code: str | None = None,
               deputy_code: str | None = None, lock: bool = False) -> Plan:
    """What a handover would do now; HandoverRefused when it cannot. `year` is the year handed over
    (a check for the operator); `lock` holds the current term until the transaction ends."""
    d = uow.directory
    block = await d.block(block_id)
    assert block is not None and block.id is not None
    term = await (d.lock_current_term(block_id) if lock else d.current_term(block_id))
    name = block.name
    if term is None or term.id is None:
        raise HandoverRefused(lambda t: t("handover.no_term", block=name))
    current = term.year
    if year is not None and year != current:
        if await _handed_into(uow, block_id, year + 1):
            raise _done_already(name, year + 1)
        raise HandoverRefused(lambda t: t("handover.year_mismatch", block=name, current=current, year=year))
    if await d.term(block_id, current + 1) is not None:
        raise _done_already(name, current + 1)
    elections = [p for p in await uow.polls.of_term(term.id) if p.kind in (HEAD, DEPUTY)]
    if year is None and not elections and await _handed_into(uow, block_id, current):
        raise _done_already(name, current)  # the same command run again after the handover
    head_poll = deputy_poll = None
    if head_code is None:
        head_id, head_poll = await _elected(uow, term, HEAD)
    head = await _unit(uow, block, head_code, None if head_code is not None else head_id)
    if deputy_code is None:
        deputy_id, deputy_poll = await _elected(uow, term, DEPUTY)
    deputy = await _unit(uow, block, deputy_code, None if deputy_code is not None else deputy_id)
    if head.id == deputy.id:
        unit = head.name
        raise HandoverRefused(lambda t: t("handover.same_unit", unit=unit))
    staff = await d.active_contacts(block_id)
    newcomers = sum(1 for c in staff if c.unit_id == head.id and c.role in (ROLE_UNIT, ROLE_SECRETARIAT))
    return Plan(block, term, head, deputy, head_poll, deputy_poll, newcomers)


async def _move_secretariat(uow: UnitOfWork, plan: Plan, now: datetime) -> tuple[list[Contact], list[Contact]]:
    """The old secretariat become contacts of their own unit; the new head unit's contacts the secretariat."""
    d = uow.directory
    assert plan.block.id is not None
    demoted = []
    for contact in await d.active_contacts(plan.block.id, ROLE_SECRETARIAT):
        contact.unit_id = contact.unit_id or plan.term.head_unit_id
        if contact.unit_id is None:  # nobody's contact: nothing to go back to
            contact.revoked_at = now
        contact.role = ROLE_UNIT
        d.add(contact)
        demoted.append(contact)
    await d.flush()
    promoted = [c for c in await d.active_contacts(plan.block.id, ROLE_UNIT) if c.unit_id == plan.head.id]
    for contact in promoted:
        contact.role = ROLE_SECRETARIAT
        d.add(contact)
    await d.flush()
    again = {c.id for c in promoted}  # the head unit re-elected: its staff stay the secretariat
    return promoted, [c for c in demoted if c.id not in again and c.revoked_at is None]


async def carry_out(uow: UnitOfWork, secret: bytes, plan: Plan, now: datetime, actor: str, tell: Tell,
                    exclude_contact: int | None = None) -> Outcome:
    """Do the handover in the caller's transaction (the caller commits); `tell` queues the notices."""
    d, block, old = uow.directory, plan.block, plan.term
    assert block.id is not None and plan.head.id is not None
    old.is_current = False
    d.add(old)
    await d.flush()  # one current term at a time, also for a reader between the two statements
    new = Term(block_id=block.id, year=plan.year, head_unit_id=plan.head.id, deputy_unit_id=plan.deputy.id,
               is_current=True)
    d.add(new)
    await d.flush()
    promoted, demoted = await _move_secretariat(uow, plan, now)
    code = await invite_book.rotate(uow, secret, block.id, ROLE_SECRETARIAT, None, now)
    copied = await copy_cycle(uow, old, new, now)
    carried = await carry_over.read(uow, block.id)
    uow.audit.record(now, actor, "handover", block.id, year=plan.year, from_year=old.year, old_term_id=old.id,
                     new_term_id=new.id, head_unit_id=plan.head.id, deputy_unit_id=plan.deputy.id,
                     head_poll=plan.head_poll, deputy_poll=plan.deputy_poll,
                     promoted=[c.id for c in promoted], demoted=[c.id for c in demoted],
                     deadlines=len(copied.created))
    told = await _tell_everyone(uow, plan, copied, promoted, demoted, tell, exclude_contact, carried)
    await group.post(uow, block.id, Catalog(GROUP_LANG)("handover.group_post", block=block.name, year=plan.year,
                                                        head=plan.head.name, deputy=plan.deputy.name), now)
    return Outcome(new, code, promoted, demoted, copied, told, carried)


async def _tell_everyone(uow: UnitOfWork, plan: Plan, copied: CopiedDeadlines, promoted: list[Contact],
                         demoted: list[Contact], tell: Tell, exclude_contact: int | None,
                         carried: CarryOver | None) -> int:
    """One message per person, in their own language: the news, and what changes for them."""
    assert plan.block.id is not None
    block, year, head, deputy = plan.block.name, plan.year, plan.head.name, plan.deputy.name
    units = {u.id: u.name for u in await uow.directory.units(plan.block.id, include_inactive=True)}

    def news(t: Catalog, deadlines: bool = True) -> str:
        text = t("handover.notice_all", block=block, year=year, head=head, deputy=deputy)
        if copied.created and deadlines:
            text += "\n" + t("handover.deadlines", count=len(copied.created), year=year)
        return text

    everyone = [c for c in await uow.directory.active_contacts(plan.block.id) if c.id != exclude_contact]
    new_ids = {c.id for c in promoted}
    old_by_unit: dict[int | None, list[Contact]] = {}
    for c in demoted:
        if c.id != exclude_contact:
            old_by_unit.setdefault(c.unit_id, []).append(c)
    old_ids = {c.id for staff in old_by_unit.values() for c in staff}
    await tell([c for c in everyone if c.id not in new_ids | old_ids], news)
    await tell([c for c in everyone if c.id in new_ids],
               lambda t: "\n".join([news(t, carried is None),
                                    t("handover.notice_new_secretariat", block=block, year=year),
                                    *carried_lines(t, carried)]))
    for unit_id, staff in old_by_unit.items():
        await tell(staff, _with_old_unit(news, head, units.get(unit_id, "?")))
    return len(everyone)


def carried_lines(t: Catalog, carried: CarryOver | None, cycle: bool = True) -> list[str]:
    """What was carried over and what was not, with the offer to copy the rest."""
    if carried is None:
        return []
    offer = [t("handover.carry.offer", year=carried.new.year)] if carried.pending else []
    return [*carry_over.summary(t, carried, cycle), *offer]


def _with_old_unit(news: Callable[[Catalog], str], head: str, unit: str) -> Callable[[Catalog], str]:
    return lambda t: news(t) + "\n" + t("handover.notice_old_secretariat", head=head, unit=unit)
