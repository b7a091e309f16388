"""Voting: the year-end polls, the secret ballot, the count, the runoff, the minutes, the meeting screen."""

from __future__ import annotations

from handlers.core.context import Context, Feature, Flow, GlobalOption, MenuEntry
from handlers.core.messages import Reply
from handlers.core.roles import ROLE_OBSERVER, ROLE_SECRETARIAT
from handlers.voting.flows import ballot, ballot_out, meeting, polls, receipt
from storage.models import Contact


async def _polls(ctx: Context, me: Contact) -> list[Reply]:
    return await polls.command(ctx, "")  # the observer reads; the flow checks the role at every step


async def _ballot(ctx: Context, poll: str) -> list[Reply] | None:
    if not (poll.isascii() and poll.isdecimal() and len(poll) <= 12):  # Polls.get bounds it
        return None
    return await ballot_out.from_notice(ctx, int(poll))


async def _poll_option(ctx: Context, rest: str) -> list[Reply]:
    return await polls.on_global_option(ctx, polls.GLOBAL_POLL + rest)


FEATURE = Feature(
    "voting",
    commands={"manhinh": meeting.command, "bophieu": ballot_out.command, "kiemtra": receipt.command,
              "baucu": polls.command},
    flows=(Flow(ballot.FLOW, ballot.ask, ballot.answer, ballot.STEPS),
           Flow(polls.FLOW, polls.ask, polls.answer, polls.STEPS)),
    menu=(MenuEntry("m.polls", "menu.polls", frozenset({ROLE_SECRETARIAT, ROLE_OBSERVER}), 10, _polls),),
    global_options=(GlobalOption(ballot_out.GLOBAL_VOTE, _ballot), GlobalOption(polls.GLOBAL_POLL, _poll_option)),
)
