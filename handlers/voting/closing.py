"""Closing a poll: by the secretariat, at its time limit, or when every member unit has voted.

The close is one conditional UPDATE (storage/polls.py), so a click, the timer and the last ballot can
all try at once and exactly one closes it. The poll row is locked first, so a ballot being cast (it holds
a share lock on the poll row until it commits, storage/votes.py) is either counted or refused, never
lost. The last ballot's own close does not wait for that lock (it already holds a share of it, and
waiting could deadlock with a secretariat closing at the same instant): when the row is busy it leaves
the close to whoever holds it, or to the timer, which closes fully voted polls too.
The result goes to every active contact of the block, each in their language; the secretariat also
gets the published ballots (receipt hashes) and one-tap buttons for the minutes and, after a tie at
the last seat, the runoff. Ballots of the poll still being filled in lose their selection at the close,
so no unconfirmed choice stays in a chat's dialog state; their next step says the poll has closed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from handlers.core import group
from handlers.core.catalog import DEFAULT_LANG, Catalog
from handlers.core.group import GROUP_LANG
from handlers.core.messages import Choice, Notice
from handlers.core.roles import ROLE_SECRETARIAT
from handlers.core.service import Actor
from handlers.voting.ballot_state import FLOW as BALLOT_FLOW
from handlers.voting.ballot_state import SELECTION
from handlers.voting.result_text import (
    MINUTES,
    RECEIPTS,
    RUNOFF,
    global_option,
    receipts_summary,
    result_text,
    unit_names,
)
from handlers.voting.rules.count import Count, count
from storage.models import Contact
from storage.models_vote import OPEN, Poll
from storage.uow import UnitOfWork

SECRETARIAT, TIME_LIMIT, ALL_VOTED = "secretariat", "time_limit", "all_voted"
WHY = (SECRETARIAT, TIME_LIMIT, ALL_VOTED)


@dataclass(frozen=True)
class Closed:
    poll: Poll
    count: Count
    block_id: int
    block: str
    notices: list[Notice] = field(default_factory=list)


async def close_poll(uow: UnitOfWork, now: datetime, actor: Actor, poll_id: int, why: str) -> Closed | None:
    """Close the poll if it should close for this reason; None when it was not (or no longer) to close.

    `why`: "secretariat" (a person decided; the caller checked the role), "time_limit" (closes only
    once its time has passed), "all_voted" (closes only when every member unit has voted; the unit
    side calls this after each ballot). The secretariat who closes it in chat (`actor.chat`) gets the
    result as the reply, not as a notice."""
    if why not in WHY:
        raise ValueError(f"unknown reason to close: {why}")
    poll = await uow.polls.get(poll_id, lock=True, skip_locked=why == ALL_VOTED)
    if poll is None or poll.id is None or poll.status != OPEN:
        return None
    members = poll.member_count or 0
    if why == TIME_LIMIT and (poll.closes_at is None or poll.closes_at > now):
        return None
    if why == ALL_VOTED and (members <= 0 or await uow.polls.turnout(poll.id) < members):
        return None
    term = await uow.polls.term(poll)
    if term is None:
        return None
    result = await count_of(uow, poll)
    if not await uow.polls.close(poll.id, now, result.to_json()):
        return None
    await uow.dialogs.forget_selection(BALLOT_FLOW, "poll_id", poll.id, SELECTION, actor.chat)
    uow.audit.record(now, actor.audit if why == SECRETARIAT else why, "poll_close", term.block_id, poll_id=poll.id,
                     why=why, returned=result.returned, members=members)
    block = await uow.directory.block(term.block_id)
    closed = Closed(poll, result, term.block_id, block.name if block else "?")
    closed.notices.extend(await announce(uow, now, closed, actor.chat if why == SECRETARIAT else None))
    names = await unit_names(uow, term.block_id)  # the group gets the units' result, never the receipts
    await group.post(uow, term.block_id, result_text(Catalog(GROUP_LANG), poll, result, names, closed.block), now)
    return closed


async def count_of(uow: UnitOfWork, poll: Poll) -> Count:
    """The count of a poll's ballots under the poll's own rules: the one place any close computes it."""
    assert poll.id is not None
    return count(await uow.polls.candidates(poll.id), await uow.polls.ballots(poll.id), poll.member_count or 0,
                 poll.seats, poll.threshold_pct, (poll.quorum_num, poll.quorum_den), poll.blank_valid)


async def announce(uow: UnitOfWork, now: datetime, closed: Closed, sender: tuple[str, str] | None) -> list[Notice]:
    """The result to every active contact but the `sender`; the secretariat's copy carries the receipts and
    buttons."""
    poll = closed.poll
    assert poll.id is not None
    names = await unit_names(uow, closed.block_id)
    contacts = await uow.directory.active_contacts(closed.block_id)
    hashes = await uow.polls.receipt_hashes(poll.id)
    others = [c for c in contacts if c.role != ROLE_SECRETARIAT]
    staff = [c for c in contacts if c.role == ROLE_SECRETARIAT]
    return [*await _tell(uow, now, others, lambda t: result_text(t, poll, closed.count, names, closed.block), sender),
            *await _tell(uow, now, staff, lambda t: secretariat_text(t, closed, names, hashes), sender,
                         lambda t: secretariat_buttons(t, closed))]


def secretariat_text(t: Catalog, closed: Closed, names: dict[int, str], hashes: list[str]) -> str:
    return "\n\n".join((result_text(t, closed.poll, closed.count, names, closed.block),
                        receipts_summary(t, closed.poll, len(hashes)), t("poll.closed_staff_hint")))


def secretariat_buttons(t: Catalog, closed: Closed) -> tuple[Choice, ...]:
    poll_id = closed.poll.id or 0
    buttons = [Choice(global_option(MINUTES, poll_id), t("poll.action.minutes"))]
    if closed.count.tied and closed.count.quorum_met:
        buttons.append(Choice(global_option(RUNOFF, poll_id), t("poll.action.runoff")))
    buttons.append(Choice(global_option(RECEIPTS, poll_id), t("poll.action.receipts")))
    return tuple(buttons)


async def _tell(uow: UnitOfWork, now: datetime, contacts: list[Contact], render: Callable[[Catalog], str],
                sender: tuple[str, str] | None, buttons: Callable[[Catalog], tuple[Choice, ...]] | None = None,
                ) -> list[Notice]:
    """Each contact's chats, each in its language, with buttons in that language too."""
    accounts = await uow.directory.accounts([c.id for c in contacts if c.id is not None])
    chats = [(a.channel, a.chat_id) for a in accounts if (a.channel, a.chat_id) != sender]
    langs = await uow.dialogs.langs(chats)
    notices: list[Notice] = []
    menus: dict[tuple[Choice, ...], list[tuple[str, str]]] = {}
    for channel, chat_id in chats:
        t = Catalog(langs.get((channel, chat_id), DEFAULT_LANG))
        choices = buttons(t) if buttons else ()
        notices.append(Notice(channel, chat_id, render(t), choices))
        if choices:
            menus.setdefault(choices, []).append((channel, chat_id))
    for choices, offered in menus.items():  # idle chats: on Zalo a typed 1 or 2 picks from this menu
        await uow.dialogs.offer_menu(offered, [[c.id, c.label] for c in choices], now, skip_busy=True)
    return notices
