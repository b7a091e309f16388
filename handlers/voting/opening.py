"""Opening a prepared poll (a service): the member count is frozen, then every unit contact gets the ballot.

`uow.polls.open` is a conditional UPDATE, so two secretariat members tapping "open" at once open it
once and the ballots go out once. One poll of a term is open at a time: the units' phones show one
question, the meeting screen one turnout.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from handlers.core import group
from handlers.core.catalog import DEFAULT_LANG, Catalog
from handlers.core.clock import format_local
from handlers.core.group import GROUP_LANG
from handlers.core.messages import Choice, Notice
from handlers.core.service import Actor
from handlers.voting.ballot_state import GLOBAL_VOTE, VOTER_ROLES
from handlers.voting.setup import member_units
from storage.models_vote import DRAFT, OPEN, Poll
from storage.uow import UnitOfWork


@dataclass(frozen=True)
class Opened:
    poll: Poll
    members: int
    ballots: int  # units reached: one ballot per unit, however many of its contacts got the notice
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class Refused:
    why: str  # not_found | not_draft | other_open | no_members | not_closed | no_tie | runoff_exists
    poll_id: int  # the poll the refusal is about (the open one, the existing runoff)
    question: str = ""

    def text(self, t: Catalog) -> str:
        if self.why == "not_draft":
            return t("poll.open.not_draft", id=self.poll_id)
        if self.why == "other_open":
            return t("poll.open.other_open", id=self.poll_id, question=self.question)
        if self.why == "no_members":
            return t("poll.open.no_members")
        if self.why == "not_closed":
            return t("poll.runoff.not_closed", id=self.poll_id)
        if self.why == "no_tie":
            return t("poll.runoff.no_tie", id=self.poll_id)
        if self.why == "runoff_exists":
            return t("poll.runoff.exists", id=self.poll_id)
        return t("poll.not_found", id=self.poll_id)


async def open_poll(uow: UnitOfWork, now: datetime, actor: Actor, poll_id: int) -> Opened | Refused:
    poll = await uow.polls.get(poll_id)
    term = await uow.polls.term(poll, lock=True) if poll is not None else None  # one opening per term at a time
    poll = await uow.polls.get(poll_id, lock=True) if term is not None else None
    if poll is None or poll.id is None or term is None or term.id is None:
        return Refused("not_found", poll_id)
    if poll.status != DRAFT:
        return Refused("not_draft", poll.id)
    busy = [p for p in await uow.polls.of_term(term.id, OPEN) if p.id != poll.id]
    if busy:
        return Refused("other_open", busy[0].id or 0, busy[0].question)
    members = len(await member_units(uow, term.block_id))
    if members == 0:
        return Refused("no_members", poll.id)
    if not await uow.polls.open(poll.id, now, members):
        return Refused("not_draft", poll.id)
    notices, reached = await ballots_for(uow, now, poll, actor.chat)
    block = await uow.directory.block(term.block_id)
    group_t = Catalog(GROUP_LANG)
    closes = group_t("vote.notice_closes", at=format_local(poll.closes_at)) if poll.closes_at else ""
    await group.post(uow, term.block_id, group_t("vote.group_opened", question=poll.question, members=members,
                                                 block=block.name if block else "", closes=closes), now)
    uow.audit.record(now, actor.audit, "poll_open", term.block_id, poll_id=poll.id, members=members,
                     ballots=reached, notices=len(notices))
    return Opened(poll, members, reached, tuple(notices))


async def ballots_for(uow: UnitOfWork, now: datetime, poll: Poll,
                      opener: tuple[str, str] | None) -> tuple[list[Notice], int]:
    """The ballot's notice to every chat of the poll's voters, each in its own language, with the button that
    opens the ballot; a typed 1 on Zalo opens it too (the opener's own menu stays). Also the number of units
    reached: a unit has one ballot, whichever of its contacts casts it."""
    assert poll.id is not None
    block_id = await uow.votes.block_of(poll)
    if block_id is None:
        return [], 0
    block = await uow.directory.block(block_id)
    units = {u.id: u.name for u in await uow.directory.units(block_id)}
    voters = {c.id: c for c in await uow.directory.active_contacts(block_id)
              if c.role in VOTER_ROLES and c.unit_id in units and c.id is not None}
    accounts = await uow.directory.accounts(list(voters))
    chats = list(dict.fromkeys((a.channel, a.chat_id, voters[a.contact_id].unit_id) for a in accounts))
    langs = await uow.dialogs.langs([(channel, chat_id) for channel, chat_id, _unit in chats])
    option = f"{GLOBAL_VOTE}{poll.id}"
    notices: list[Notice] = []
    offers: dict[str, list[tuple[str, str]]] = {}
    for channel, chat_id, unit_id in chats:
        t = Catalog(langs.get((channel, chat_id), DEFAULT_LANG))
        closes = t("vote.notice_closes", at=format_local(poll.closes_at)) if poll.closes_at else ""
        text = t("vote.notice", question=poll.question, block=block.name if block else "",
                 unit=units.get(unit_id, "?"), seats=poll.seats, max=poll.max_choices, closes=closes)
        label = t("vote.open_ballot")
        notices.append(Notice(channel, chat_id, text, (Choice(option, label),)))
        if (channel, chat_id) != opener:
            offers.setdefault(label, []).append((channel, chat_id))
    for label, offered in offers.items():
        await uow.dialogs.offer_menu(offered, [[option, label]], now, skip_busy=True)
    return notices, len({unit_id for _channel, _chat_id, unit_id in chats})
