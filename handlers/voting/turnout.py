"""Posting an open poll's turnout to the block's group (a service; the poll timer calls it).

Only the count goes out («Đã có 9/17 đơn vị bỏ phiếu»), never which units voted or how. The count
posted is recorded on the poll by a conditional UPDATE, so a repeated or concurrent run posts it once.
"""

from __future__ import annotations

from datetime import datetime

from handlers.core import group
from handlers.core.catalog import Catalog
from handlers.core.group import GROUP_LANG
from handlers.voting.rules.turnout import QUORUM, turnout_post
from storage.models_vote import OPEN
from storage.uow import UnitOfWork


async def open_poll_ids(uow: UnitOfWork) -> list[int]:
    return [p.id for p in await uow.polls.open_polls() if p.id is not None]


async def post_turnout(uow: UnitOfWork, now: datetime, poll_id: int) -> bool:
    """Queue the poll's turnout to the block's groups if it is due; True when it was queued."""
    poll = await uow.polls.get(poll_id)
    if poll is None or poll.id is None or poll.status != OPEN or poll.opened_at is None:
        return False
    members, voted = poll.member_count or 0, await uow.polls.turnout(poll.id)
    last = poll.turnout_posted_at or poll.opened_at
    why = turnout_post(voted, members, poll.turnout_posted, last, now, (poll.quorum_num, poll.quorum_den))
    term = await uow.polls.term(poll) if why is not None else None
    if why is None or term is None or not await uow.polls.turnout_posted(poll.id, voted, now):
        return False
    block = await uow.directory.block(term.block_id)
    t = Catalog(GROUP_LANG)
    text = t("vote.group_turnout", block=block.name if block else "", question=poll.question, voted=voted,
             members=members)
    if why == QUORUM:
        text += "\n" + t("vote.group_quorum")
    return await group.post(uow, term.block_id, text, now) > 0
