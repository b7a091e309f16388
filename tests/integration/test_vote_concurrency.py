"""Ballots at the same instant, through the dispatcher, on SQLite and PostgreSQL (real concurrency: the
updates of different chats run in their own transactions at once): two contacts of one unit confirming
together, one update delivered twice, and every unit confirming together (the last one closes the poll,
exactly once, with every ballot counted)."""

from __future__ import annotations

import asyncio
import uuid

from sqlmodel import func, select

from bot.app import App
from bot.channels.sandbox import CHANNEL, Sandbox
from handlers.core.catalog import VI, template
from storage.models import ChatAccount, Contact
from storage.models_vote import CLOSED, Ballot, PollVoter
from tests.conftest import sandbox_for
from tests.helpers import deliver, open_poll

ROUNDS = 4
REVIEW = template("vote.review").split("{question}")[0]  # «Mời kiểm tra lại phiếu bầu — »


async def add_contacts(app: App, block_id: int, per_unit: dict[str, list[str]]) -> None:
    """Registered contacts (straight into the directory: registration is tested elsewhere)."""
    async with app.uow() as uow:
        units = {u.code: u.id for u in await uow.directory.units(block_id)}
        for code, users in per_unit.items():
            for user in users:
                contact = Contact(block_id=block_id, unit_id=units[code], role="unit", full_name=user.title(),
                                  position="Chuyên viên", phone="0900000000", registered_at=app.clock.now())
                uow.session.add(contact)
                await uow.session.flush()
                assert contact.id is not None
                chat = Sandbox.chat_of(user)
                uow.session.add(ChatAccount(contact_id=contact.id, channel=CHANNEL, user_id=chat, chat_id=chat))
        await uow.commit()


async def ready_to_confirm(sb: Sandbox, user: str, poll_id: int, pick: str, candidates: int = 1) -> None:
    """Open the ballot, choose, review (the button after the candidates): the next "1" confirms."""
    await sb.press(user, f"g.vote.{poll_id}", 0)
    await sb.say(user, pick)
    assert (await sb.say(user, str(candidates + 1)))[0].startswith(REVIEW)


async def rows(app: App, poll_id: int) -> tuple[int, int]:
    async with app.uow() as uow:
        ballots = (await uow.session.exec(
            select(func.count()).select_from(Ballot).where(Ballot.poll_id == poll_id))).one()
        voters = (await uow.session.exec(
            select(func.count()).select_from(PollVoter).where(PollVoter.poll_id == poll_id))).one()
    return int(ballots), int(voters)


async def test_two_contacts_of_one_unit_confirm_at_the_same_instant(app: App, block_id: int) -> None:
    sb = sandbox_for(app)
    await add_contacts(app, block_id, {"YTE": ["binh", "an"]})
    for n in range(ROUNDS):
        poll_id = await open_poll(app, block_id, f"Câu hỏi {n}", candidates=["GDDT"])
        await deliver(app)
        await ready_to_confirm(sb, "binh", poll_id, "1")
        await ready_to_confirm(sb, "an", poll_id, "1")
        sb.inbox("binh"), sb.inbox("an")
        first, second = await asyncio.gather(sb.say("binh", "1"), sb.say("an", "1"))
        replies = [*first, *second]
        assert VI["internal_error"] not in replies
        cast = [r for r in replies if "Mã biên nhận" in r]
        already = [r for r in replies if r.startswith("Sở Y tế đã bỏ phiếu cho")]
        assert (len(cast), len(already)) == (1, 1), replies
        assert await rows(app, poll_id) == (1, 1)


async def test_the_same_confirmation_delivered_twice_at_once(app: App, block_id: int) -> None:
    sb = sandbox_for(app)
    await add_contacts(app, block_id, {"YTE": ["binh"]})
    for n in range(ROUNDS):
        poll_id = await open_poll(app, block_id, f"Câu hỏi {n}", candidates=["GDDT"])
        await ready_to_confirm(sb, "binh", poll_id, "1")
        update = sb.incoming("binh", "1", update_id=uuid.uuid4().hex)  # the "Xác nhận" button, sent twice
        handled = await asyncio.gather(app.dispatcher.handle(update), app.dispatcher.handle(update))
        assert sorted(len(replies) for replies in handled) == [0, 1]  # the redelivery is skipped
        assert await rows(app, poll_id) == (1, 1)


async def test_every_unit_confirms_at_once_and_the_last_closes_the_poll(app: App, block_id: int) -> None:
    sb = sandbox_for(app)
    async with app.uow() as uow:
        codes = [u.code for u in await uow.directory.units(block_id)]
    users = {code: [f"u{code.lower()}"] for code in codes}
    await add_contacts(app, block_id, users)
    poll_id = await open_poll(app, block_id, "Bầu Trưởng Khối năm 2027", candidates=["YTE", "GDDT"])
    for code in codes:
        await ready_to_confirm(sb, users[code][0], poll_id, "1", candidates=2)
    results = await asyncio.gather(*(sb.say(users[code][0], "1") for code in codes))
    replies = [r for each in results for r in each]
    assert VI["internal_error"] not in replies
    assert sum("Mã biên nhận" in r for r in replies) == len(codes)
    assert await rows(app, poll_id) == (len(codes), len(codes))
    async with app.uow() as uow:
        poll = await uow.polls.get(poll_id)
    assert poll is not None and poll.status == CLOSED and poll.result is not None
    assert poll.result["returned"] == len(codes)  # closed once, after the last ballot, counting them all


async def test_a_ballot_and_the_close_at_the_same_instant(app: App, block_id: int) -> None:
    """The secretariat closes while a unit confirms: the ballot is either counted or refused, never lost."""
    from handlers.core.service import Actor
    from handlers.voting.closing import SECRETARIAT, close_poll

    sb = sandbox_for(app)
    await add_contacts(app, block_id, {"YTE": ["binh"]})
    for n in range(ROUNDS):
        poll_id = await open_poll(app, block_id, f"Câu hỏi {n}", candidates=["GDDT"])
        await ready_to_confirm(sb, "binh", poll_id, "1")

        async def closing(poll: int = poll_id, round_: int = n) -> bool:
            async with app.uow() as uow:
                done = await close_poll(uow, app.clock.now(), Actor(f"closer-{round_}", ("test", "closer")), poll,
                                        SECRETARIAT)
                await uow.commit()
                return done is not None

        replies, closed = await asyncio.gather(sb.say("binh", "1"), closing())
        assert closed
        async with app.uow() as uow:
            poll = await uow.polls.get(poll_id)
        assert poll is not None and poll.result is not None
        ballots, voters = await rows(app, poll_id)
        if "Mã biên nhận" in replies[0]:
            assert (ballots, voters, poll.result["returned"]) == (1, 1, 1)
        else:
            assert replies[0].startswith("Cuộc bỏ phiếu «Câu hỏi")
            assert (ballots, voters, poll.result["returned"]) == (0, 0, 0)
