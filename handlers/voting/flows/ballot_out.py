"""The ballot's way in: /bophieu, and the button of the notice every voter got when the poll opened
(`opening.ballots_for`)."""

from __future__ import annotations

from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.voting.ballot_state import GLOBAL_VOTE as GLOBAL_VOTE
from handlers.voting.flows import ballot as vote


async def command(ctx: Context, arg: str = "") -> list[Reply]:
    """/bophieu: the ballot of the open poll the sender's unit has not voted in (a list when several)."""
    return await vote.pick(ctx)


async def from_notice(ctx: Context, poll_id: int) -> list[Reply]:
    """The notice's "open the ballot" button, pressed or typed."""
    return await vote.start(ctx, poll_id)
