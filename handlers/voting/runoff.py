"""The runoff after a tie at the last seat: one tap creates AND opens it.

Candidates are the tied units, seats the seats left (`Count.tied_seats`), every other rule the same
as the poll it settles. The parent row is locked while checking for an existing runoff, so two taps
(or two secretariat members) make one runoff.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from handlers.core.catalog import DEFAULT_LANG, Catalog
from handlers.core.service import Actor
from handlers.voting.opening import Opened, Refused, open_poll
from handlers.voting.rules.count import Count
from handlers.voting.setup import create, draft_of
from storage.models_vote import CLOSED
from storage.uow import UnitOfWork


async def start_runoff(uow: UnitOfWork, now: datetime, actor: Actor, poll_id: int) -> Opened | Refused:
    parent = await uow.polls.get(poll_id, lock=True)
    term = await uow.polls.term(parent) if parent is not None else None
    if parent is None or parent.id is None or term is None:
        return Refused("not_found", poll_id)
    if parent.status != CLOSED or parent.result is None:
        return Refused("not_closed", parent.id)
    tally = Count.from_json(parent.result)
    if not tally.tied or not tally.quorum_met:
        return Refused("no_tie", parent.id)
    existing = await uow.polls.runoffs(parent.id)
    if existing:
        return Refused("runoff_exists", existing[0].id or 0)
    base = draft_of(parent, tally.tied)
    # the question is a record (the ballot, the screen, the minutes): in Vietnamese, whoever taps
    draft = replace(base, question=Catalog(DEFAULT_LANG)("poll.runoff.question", question=parent.question)[:500],
                    seats=tally.tied_seats, max_choices=min(base.max_choices, tally.tied_seats), runoff_of=parent.id)
    poll = await create(uow, term, draft, now, actor.audit, actor.contact_id)
    assert poll.id is not None
    return await open_poll(uow, now, actor, poll.id)
