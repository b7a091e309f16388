"""Closing polls nobody closed: at their time limit, or when every unit has voted but the closing
check of the last ballots raced (two casts at once, each seeing the other not yet committed).

Idempotent and safe with several workers: each close is a conditional UPDATE on an open poll
(storage/polls.py), so a poll closed by the secretariat, by the last ballot or by another worker
is simply skipped. One transaction per poll, so one failure does not hold back the others.
The same tick posts the turnout of the polls still open to their block's group, when it is due.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from handlers.core.clock import Clock
from handlers.core.context import HandlerConfig
from handlers.core.service import Actor, queue_notices
from handlers.voting import turnout
from handlers.voting.closing import ALL_VOTED, TIME_LIMIT, close_poll
from storage.uow import UnitOfWork

log = logging.getLogger(__name__)
INTERVAL_SECONDS = 15
ACTOR = "poll_timer"


async def close_due_polls(sessions: async_sessionmaker[AsyncSession], clock: Clock, config: HandlerConfig) -> int:
    """Close what is due; returns how many polls this run closed. (`config` is kept for the runner's call.)"""
    now = clock.now()
    async with UnitOfWork(sessions) as uow:
        due = [(p.id, TIME_LIMIT) for p in await uow.polls.due_to_close(now) if p.id is not None]
        full = [(p.id, ALL_VOTED) for p in await uow.polls.all_voted() if p.id is not None]
    todo = list(dict(full + due).items())  # the time limit wins when both hold: it was due first
    closed = 0
    for poll_id, why in todo:
        try:
            async with UnitOfWork(sessions) as uow:
                done = await close_poll(uow, now, Actor(ACTOR), poll_id, why)
                if done is not None:
                    queue_notices(uow, done.notices, now)
                    await uow.commit()
                    closed += 1
                    log.info("poll %s closed (%s)", poll_id, why)
        except Exception:  # the next run tries again
            log.exception("closing poll %s failed", poll_id)
    await post_turnouts(sessions, now)
    return closed


async def post_turnouts(sessions: async_sessionmaker[AsyncSession], now: datetime) -> int:
    """The turnout of each poll still open, to the block's group when it is due (handlers.voting.rules.turnout)."""
    async with UnitOfWork(sessions) as uow:
        polls = await turnout.open_poll_ids(uow)
    posted = 0
    for poll_id in polls:
        try:
            async with UnitOfWork(sessions) as uow:
                if await turnout.post_turnout(uow, now, poll_id):
                    await uow.commit()
                    posted += 1
        except Exception:  # the next run tries again
            log.exception("posting the turnout of poll %s failed", poll_id)
    return posted
