"""Casting a confirmed ballot: one per unit, the receipt shown once, the unit's other contacts told, and the
poll closed when the last member unit has voted.

Nothing here writes who chose what next to who voted: the ballot row (storage/votes.py) has no unit and
no time, the notices only say that the unit has voted, and nothing is logged or audited.
"""

from __future__ import annotations

from handlers.core.catalog import Catalog
from handlers.core.context import Context
from handlers.core.messages import Notice, Reply
from handlers.core.service import Actor
from handlers.voting.ballot_state import VOTER_ROLES
from handlers.voting.closing import ALL_VOTED, close_poll
from handlers.voting.flows.ballot_access import Voting, closed_text
from handlers.voting.rules.vote_input import display_receipt
from storage.votes import ALREADY, CAST, CLOSED


async def cast(ctx: Context, voting: Voting, positions: list[int]) -> list[Reply]:
    """The flow ends whatever happens, so the selection leaves the dialog state in this transaction."""
    poll = voting.poll
    assert poll.id is not None
    choices = [voting.candidates[p - 1] for p in positions if 1 <= p <= len(voting.candidates)]
    ctx.end()
    if len(choices) > poll.max_choices or any(p in voting.forbidden for p in positions):
        return [Reply(ctx.t("vote.too_many", max=poll.max_choices))]  # the flow refused it already; never cast it
    others = await _other_chats(ctx, voting)  # read before casting: keeps the locked tail of the cast short
    result = await ctx.uow.votes.cast(poll.id, voting.unit_id, choices, ctx.now)
    if result.outcome == ALREADY:
        return [Reply(ctx.t("vote.already", unit=voting.unit, question=poll.question))]
    if result.outcome == CLOSED and result.poll is not None:
        return [Reply(closed_text(ctx, result.poll))]
    if result.outcome != CAST or result.receipt is None:
        return [Reply(ctx.t("vote.gone"))]
    for channel, chat_id, lang in others:
        text = Catalog(lang)("vote.unit_voted", unit=voting.unit, question=poll.question,
                             name=voting.contact.full_name)
        ctx.notices.append(Notice(channel, chat_id, text))
    code = display_receipt(result.receipt)
    reply = Reply(ctx.t("vote.cast", unit=voting.unit, question=poll.question, code=code), secret=True)
    if poll.member_count and await ctx.uow.votes.all_voted(poll.id, poll.member_count):
        closed = await close_poll(ctx.uow, ctx.now, Actor.in_chat(ctx.incoming, ALL_VOTED), poll.id, ALL_VOTED)
        if closed is not None:  # the count goes to everyone; it checked again that every unit has voted
            ctx.notices.extend(closed.notices)
    return [reply]


async def _other_chats(ctx: Context, voting: Voting) -> list[tuple[str, str, str]]:
    """Every chat of the unit's voters but this one, with the language it uses."""
    here = (ctx.incoming.channel, ctx.incoming.chat_id)
    chats = [chat for chat in await ctx.uow.votes.unit_chats(voting.unit_id, VOTER_ROLES) if chat != here]
    langs = await ctx.uow.dialogs.langs(chats)
    return [(channel, chat_id, langs.get((channel, chat_id), "vi")) for channel, chat_id in chats]


