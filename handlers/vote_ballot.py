"""The ballot goes out: when the secretariat opens a poll, every chat of every voter of every member
unit gets a notice with a button that opens the ballot; /bophieu opens it again at any time."""

from __future__ import annotations

from handlers import vote
from handlers.catalog import Catalog
from handlers.chat import Choice, Notice, Reply
from handlers.clock import format_local
from handlers.context import Context
from handlers.vote_access import VOTER_ROLES
from storage.models_vote import Poll

GLOBAL_VOTE = "g.vote."  # the notice's button: valid whatever the chat's dialog version


async def send_ballots(ctx: Context, poll: Poll) -> int:
    """Queue the ballot's notice to every chat of the poll's voters, each in its own language; returns how
    many were queued. Called by the poll side in the transaction that opens the poll."""
    assert poll.id is not None
    uow = ctx.uow
    block_id = await uow.votes.block_of(poll)
    if block_id is None:
        return 0
    block = await uow.directory.block(block_id)
    units = {u.id: u.name for u in await uow.directory.units(block_id)}
    voters = {c.id: c for c in await uow.directory.active_contacts(block_id)
              if c.role in VOTER_ROLES and c.unit_id in units and c.id is not None}
    accounts = await uow.directory.accounts(list(voters))
    chats = list(dict.fromkeys((a.channel, a.chat_id, voters[a.contact_id].unit_id) for a in accounts))
    langs = await uow.dialogs.langs([(channel, chat_id) for channel, chat_id, _unit in chats])
    option = f"{GLOBAL_VOTE}{poll.id}"
    offers: dict[str, list[tuple[str, str]]] = {}
    for channel, chat_id, unit_id in chats:
        t = Catalog(langs.get((channel, chat_id), "vi"))
        closes = t("vote.notice_closes", at=format_local(poll.closes_at)) if poll.closes_at else ""
        text = t("vote.notice", question=poll.question, block=block.name if block else "",
                 unit=units.get(unit_id, "?"), seats=poll.seats, max=poll.max_choices, closes=closes)
        label = t("vote.open_ballot")
        ctx.notices.append(Notice(channel, chat_id, text, (Choice(option, label),)))
        if (channel, chat_id) != (ctx.incoming.channel, ctx.incoming.chat_id):  # the opener's own menu stays
            offers.setdefault(label, []).append((channel, chat_id))
    for label, offered in offers.items():  # a typed 1 on Zalo opens the ballot
        await uow.votes.offer_ballot(offered, [[option, label]], ctx.now)
    return len(chats)


async def command(ctx: Context, arg: str = "") -> list[Reply]:
    """/bophieu: the ballot of the open poll the sender's unit has not voted in (a list when several)."""
    return await vote.pick(ctx)


async def from_notice(ctx: Context, poll_id: int) -> list[Reply]:
    """The notice's "open the ballot" button, pressed or typed."""
    return await vote.start(ctx, poll_id)
