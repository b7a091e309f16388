"""What the projector shows, as JSON: the turnout while a poll is open, the count once it is closed.

Built only from the poll, the number of units that have voted and the stored count: nothing here
reads who has voted or any ballot, so the page cannot leak either. Texts are rendered here, from the
catalog, so the page's script only places them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from handlers.core.catalog import Catalog
from handlers.scoring.rules.scores import show
from handlers.voting.result_text import blank_rule
from handlers.voting.rules.count import Count
from storage.models_vote import CLOSED, OPEN, Poll
from storage.uow import UnitOfWork

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def current_poll(polls: list[Poll]) -> Poll | None:
    """The open poll (the latest opened, should there be several), else the last one closed."""
    opened = [p for p in polls if p.status == OPEN]
    if opened:
        return max(opened, key=lambda p: (_aware(p.opened_at), p.id or 0))
    closed = [p for p in polls if p.status == CLOSED]
    return max(closed, key=lambda p: (_aware(p.closed_at), p.id or 0)) if closed else None


async def screen_data(uow: UnitOfWork, term_id: int, now: datetime, t: Catalog) -> dict[str, Any] | None:
    """None when the term does not exist (the page answers 404 then, as for a wrong token)."""
    term = await uow.directory.term_by_id(term_id)
    if term is None:
        return None
    block = await uow.directory.block(term.block_id)
    base: dict[str, Any] = {"block": block.name if block else "", "year": term.year, "title": t("meeting.page_title")}
    poll = current_poll(await uow.polls.of_term(term_id))
    if poll is None or poll.id is None:
        return {**base, "state": "none", "message": t("meeting.no_poll")}
    members = poll.member_count or 0
    voted = await uow.polls.turnout(poll.id)
    data = {**base, "poll_id": poll.id, "question": poll.question, "voted": voted, "members": members,
            "turnout": t("meeting.turnout", voted=voted, members=members),
            "blank_rule": blank_rule(t, poll.blank_valid)}
    if poll.status == OPEN:
        left = None
        if poll.closes_at is not None:
            left = max(0, int((_aware(poll.closes_at) - now).total_seconds()))
        need = -(-members * poll.quorum_num // poll.quorum_den) if poll.quorum_den else 0  # ceiling
        quorum = t("meeting.quorum_target", need=need, members=members) if need else ""
        return {**data, "state": "open", "status": t("meeting.status_open"), "seconds_left": left,
                "time_left": t("meeting.time_left"), "quorum": quorum}
    data |= {"state": "closed", "status": t("meeting.status_closed")}
    if poll.result is None:
        return data
    return {**data, **await _results(uow, term.block_id, poll, Count.from_json(poll.result), t)}


async def _results(uow: UnitOfWork, block_id: int, poll: Poll, count: Count, t: Catalog) -> dict[str, Any]:
    names = {u.id: u.name for u in await uow.directory.units(block_id, include_inactive=True)}
    rows = [{"name": names.get(tally.unit_id, "?"), "votes": tally.votes, "width": min(float(tally.pct), 100.0),
             "label": t("meeting.votes", votes=tally.votes, pct=show(tally.pct)),
             "elected": tally.elected, "tied": tally.tied} for tally in count.tallies]
    notes = [t("meeting.rule", seats=poll.seats, threshold=poll.threshold_pct, members=count.members)]
    if not count.quorum_met:
        notes.append(t("meeting.quorum_not_met", returned=count.returned, members=count.members,
                       num=poll.quorum_num, den=poll.quorum_den))
    elif count.tied_seats:
        notes.append(t("meeting.tied_note", seats=count.tied_seats))
    elif not count.elected:
        notes.append(t("meeting.none_elected"))
    return {"rows": rows, "valid": count.quorum_met, "notes": notes,
            "ballots": t("meeting.ballots", members=count.members, returned=count.returned, valid=count.valid,
                         invalid=count.invalid, blank=count.blank),
            "blank_rule": blank_rule(t, count.blank_valid),
            "elected_mark": t("meeting.elected_mark"), "tied_mark": t("meeting.tied_mark")}


def _aware(moment: datetime | None) -> datetime:
    """SQLite gives naive datetimes back; they were stored in UTC."""
    if moment is None:
        return EPOCH
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
