"""Polls in the database, on SQLite and PostgreSQL: prepared, opened (ballots queued), closed by the
secretariat, by the time limit (the scheduler job) or when all have voted; the count stored, the result
queued to every contact; a runoff after a tie; two closes at once close once."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.app import App
from handlers.core.catalog import Catalog, text
from handlers.core.clock import FrozenClock
from handlers.core.service import Actor, queue_notices
from handlers.voting.closing import ALL_VOTED, SECRETARIAT, TIME_LIMIT, close_poll
from handlers.voting.opening import Opened, Refused, open_poll
from handlers.voting.result_text import RUNOFF, global_option
from handlers.voting.rules.count import Count
from handlers.voting.runoff import start_runoff
from handlers.voting.setup import create, member_units, new_draft
from scheduler.poll_timer import close_due_polls
from storage.models import ChatAccount, Contact
from storage.models_vote import CLOSED, DRAFT, OPEN
from tests.e2e.voting.poll_texts import result_line
from tests.helpers import cast_test_ballot

BLOCK = "Khối thi đua Văn hóa - Xã hội"
FLAG = text("poll.question.flag", year=2026)  # the question a new draft proposes
PEOPLE = (("secretariat", "BHXH", "hoa"), ("unit", "YTE", "binh"), ("unit", "GDDT", "an"), ("observer", None, "lan"))


async def seat_people(app: App, block_id: int) -> None:
    """A secretariat member, two unit contacts and the observer, each with one sandbox chat."""
    async with app.uow() as uow:
        for role, code, chat in PEOPLE:
            unit = await uow.directory.unit_by_code(block_id, code) if code else None
            contact = Contact(block_id=block_id, unit_id=unit.id if unit else None, role=role, full_name=chat,
                              position="Chuyên viên", phone="0912345678", registered_at=app.clock.now())
            uow.directory.add(contact)
            await uow.directory.flush()
            assert contact.id is not None
            uow.session.add(ChatAccount(contact_id=contact.id, channel="sandbox", user_id=chat, chat_id=f"sb-{chat}"))
        await uow.commit()


async def prepare(app: App, block_id: int, codes: list[str] | None = None, seats: int = 1,
                  minutes: int | None = None, kind: str = "flag") -> int:
    async with app.uow() as uow:
        term = await uow.directory.current_term(block_id)
        assert term is not None
        ids = {u.code: u.id or 0 for u in await uow.directory.units(block_id)}
        candidates = [ids[c] for c in codes] if codes else await member_units(uow, block_id)
        draft = new_draft(Catalog(), kind, term.year, candidates).with_seats(seats)
        draft.time_limit_min = minutes
        poll = await create(uow, term, draft, app.clock.now(), "test")
        await uow.commit()
        assert poll.id is not None
        return poll.id

TEST = Actor("test")


async def open_(app: App, poll_id: int) -> Opened | Refused:
    async with app.uow() as uow:
        outcome = await open_poll(uow, app.clock.now(), TEST, poll_id)
        if isinstance(outcome, Opened):
            queue_notices(uow, list(outcome.notices), app.clock.now())
        await uow.commit()
    return outcome


async def close_(app: App, poll_id: int, why: str) -> bool:
    async with app.uow() as uow:
        closed = await close_poll(uow, app.clock.now(), TEST, poll_id, why)
        queue_notices(uow, closed.notices if closed else [], app.clock.now())
        await uow.commit()
    return closed is not None


async def outbox(app: App, chat: str) -> list[tuple[str, list[list[str]]]]:
    async with app.uow() as uow:
        return [(m.text, m.choices) for m in await uow.outbox.pending(f"sb-{chat}")]


async def test_open_freezes_members_queues_ballots_and_refuses_a_second_open(app: App, block_id: int) -> None:
    await seat_people(app, block_id)
    first = await prepare(app, block_id)
    second = await prepare(app, block_id, ["YTE", "GDDT"])
    opened = await open_(app, first)
    assert isinstance(opened, Opened) and opened.members == 11
    assert opened.ballots == 3  # hoa (for the head unit), binh, an; never the observer
    assert [len(await outbox(app, c)) for c in ("hoa", "binh", "an", "lan")] == [1, 1, 1, 0]
    again = await open_(app, first)
    assert isinstance(again, Refused) and again.why == "not_draft"
    busy = await open_(app, second)  # one open poll at a time
    assert isinstance(busy, Refused) and busy.why == "other_open" and busy.poll_id == first
    async with app.uow() as uow:
        poll, other = await uow.polls.get(first), await uow.polls.get(second)
        assert poll is not None and poll.status == OPEN and poll.member_count == 11
        assert other is not None and other.status == DRAFT
    assert len(await outbox(app, "binh")) == 1  # no ballot went out twice


async def test_close_by_the_secretariat_counts_stores_and_tells_everyone(app: App, block_id: int) -> None:
    await seat_people(app, block_id)
    async with app.uow() as uow:  # An reads the bot in English
        state = await uow.dialogs.load_for_update("sandbox", "sb-an", app.clock.now())
        state.lang = "en"
        await uow.dialogs.save(state)
        await uow.commit()
    poll_id = await prepare(app, block_id, ["YTE", "GDDT", "TTTT"])
    await open_(app, poll_id)
    for voter in ("BHXH", "CDNDTNT", "CDCD", "VHTTDL", "TTTT", "KHCN", "YTE"):
        await cast_test_ballot(app, block_id, poll_id, voter, ["YTE"])
    await cast_test_ballot(app, block_id, poll_id, "BDT", [])
    assert not await close_(app, poll_id, ALL_VOTED)  # 8/11: not everyone
    assert not await close_(app, poll_id, TIME_LIMIT)  # no time limit at all
    assert await close_(app, poll_id, SECRETARIAT)
    assert not await close_(app, poll_id, SECRETARIAT)  # closed once
    async with app.uow() as uow:
        poll = await uow.polls.get(poll_id)
        assert poll is not None and poll.status == CLOSED and poll.result is not None
        count = Count.from_json(poll.result)
    assert (count.members, count.returned, count.blank, count.quorum_met) == (11, 8, 1, True)
    assert (count.tallies[0].votes, count.tallies[0].elected) == (7, True)
    unit_text, _ = (await outbox(app, "binh"))[-1]
    assert unit_text.startswith(text("poll.result_header", id=poll_id, block=BLOCK, question=FLAG))
    assert result_line(1, "Sở Y tế", 7, "63,64", "elected") in unit_text.splitlines()
    assert text("poll.result_elected", units="Sở Y tế") in unit_text.splitlines() and "mã băm" not in unit_text
    staff_text, staff_buttons = (await outbox(app, "hoa"))[-1]
    assert text("poll.receipts_counted", id=poll_id, count=8) in staff_text and "/kiemtra" in staff_text
    assert [b[0] for b in staff_buttons] == [f"g.poll.minutes.{poll_id}", f"g.poll.receipts.{poll_id}"]
    observer_text, _ = (await outbox(app, "lan"))[-1]
    assert observer_text == unit_text
    english, _ = (await outbox(app, "an"))[-1]
    assert english.startswith(text("poll.result_header", "en", id=poll_id, block=BLOCK, question=FLAG))
    assert text("poll.result_line", "en", n=1, unit="Sở Y tế", votes=7, pct="63.64",
                mark=text("poll.mark_elected", "en")) in english.splitlines()


async def test_the_timer_closes_at_the_time_limit_and_not_before(app: App, block_id: int,
                                                                 clock: FrozenClock) -> None:
    await seat_people(app, block_id)
    poll_id = await prepare(app, block_id, ["YTE", "GDDT"], minutes=10)
    await open_(app, poll_id)
    await cast_test_ballot(app, block_id, poll_id, "YTE", ["GDDT"])
    clock.advance(timedelta(minutes=9, seconds=59))
    assert await close_due_polls(app.sessions, app.clock, app.config) == 0
    assert not await close_(app, poll_id, TIME_LIMIT)
    clock.advance(timedelta(seconds=1))
    assert await close_due_polls(app.sessions, app.clock, app.config) == 1
    assert await close_due_polls(app.sessions, app.clock, app.config) == 0  # idempotent
    async with app.uow() as uow:
        poll = await uow.polls.get(poll_id)
        assert poll is not None and poll.status == CLOSED and poll.result is not None
        count = Count.from_json(poll.result)
    assert (count.returned, count.quorum_met, count.elected) == (1, False, [])
    text, _ = (await outbox(app, "an"))[-1]
    assert "⚠️ Không đủ túc số — kết quả không hợp lệ (1/11 đơn vị bỏ phiếu, cần ít nhất 8)." in text
    async with app.uow() as uow:
        assert [e.detail["why"] for e in await uow.audit.entries(block_id) if e.action == "poll_close"] == [TIME_LIMIT]


async def test_all_voted_closes_and_the_timer_is_the_safety_net(app: App, block_id: int) -> None:
    poll_id = await prepare(app, block_id, ["YTE", "GDDT"])
    await open_(app, poll_id)
    async with app.uow() as uow:
        codes = [u.code for u in await uow.directory.units(block_id)]
    for voter in codes:  # cast as the store does, without the unit side's close: as if the last two raced
        await cast_test_ballot(app, block_id, poll_id, voter, ["GDDT"])
    assert await close_due_polls(app.sessions, app.clock, app.config) == 1
    assert not await close_(app, poll_id, ALL_VOTED)
    async with app.uow() as uow:
        poll = await uow.polls.get(poll_id)
        assert poll is not None and poll.result is not None
        assert Count.from_json(poll.result).returned == 11


async def test_two_opens_at_once_open_once_and_queue_the_ballots_once(app: App, block_id: int) -> None:
    await seat_people(app, block_id)
    poll_id = await prepare(app, block_id, ["YTE", "GDDT"])
    outcomes = await asyncio.gather(*(open_(app, poll_id) for _ in range(3)))
    assert sorted(type(o).__name__ for o in outcomes) == ["Opened", "Refused", "Refused"]
    assert [len(await outbox(app, c)) for c in ("hoa", "binh", "an")] == [1, 1, 1]


async def test_two_closes_at_once_close_once(app: App, block_id: int) -> None:
    await seat_people(app, block_id)
    poll_id = await prepare(app, block_id, ["YTE", "GDDT"])
    await open_(app, poll_id)
    results = await asyncio.gather(*(close_(app, poll_id, SECRETARIAT) for _ in range(4)))
    assert sorted(results) == [False, False, False, True]
    header = text("poll.result_header", id=poll_id, block=BLOCK, question=FLAG)
    texts = [t for t, _ in await outbox(app, "binh") if t.startswith(header)]
    assert len(texts) == 1


async def test_a_tie_at_the_last_seat_gives_one_runoff_between_the_tied(app: App, block_id: int) -> None:
    await seat_people(app, block_id)
    poll_id = await prepare(app, block_id, ["YTE", "GDDT", "TTTT", "KHCN"], seats=2, kind="certificate")
    await open_(app, poll_id)
    ballots = {"BHXH": ["YTE", "GDDT"], "CDNDTNT": ["YTE", "GDDT"], "CDCD": ["YTE", "GDDT"],
               "VHTTDL": ["YTE", "GDDT"], "TTTT": ["YTE", "GDDT"], "KHCN": ["YTE", "TTTT"],
               "YTE": ["TTTT", "GDDT"], "BDT": ["YTE", "TTTT"], "GDDT": ["YTE", "TTTT"], "PTTH": ["TTTT"],
               "LDTBXH": ["TTTT"]}
    for voter, choices in ballots.items():
        await cast_test_ballot(app, block_id, poll_id, voter, choices)
    assert await close_(app, poll_id, SECRETARIAT)
    _text, buttons = (await outbox(app, "hoa"))[-1]
    assert [global_option(RUNOFF, poll_id)] == [b[0] for b in buttons if "runoff" in b[0]]
    async with app.uow() as uow:
        # the runoff's question is written in Vietnamese whoever taps (the service knows no tapper's language)
        outcomes = [await start_runoff(uow, app.clock.now(), TEST, poll_id),
                    await start_runoff(uow, app.clock.now(), TEST, poll_id)]
        for outcome in outcomes:
            if isinstance(outcome, Opened):
                queue_notices(uow, list(outcome.notices), app.clock.now())
        await uow.commit()
    runoff, again = outcomes
    assert isinstance(runoff, Opened) and isinstance(again, Refused) and again.why == "runoff_exists"
    async with app.uow() as uow:
        parent = await uow.polls.get(poll_id)
        assert parent is not None and parent.result is not None
        count = Count.from_json(parent.result)
        ids = {u.id: u.code for u in await uow.directory.units(block_id)}
        assert [ids[u] for u in count.elected] == ["YTE"] and count.tied_seats == 1
        assert sorted(ids[u] for u in count.tied) == ["GDDT", "TTTT"]
        assert runoff.poll.runoff_of == poll_id and runoff.poll.status == OPEN
        assert (runoff.poll.seats, runoff.poll.max_choices, runoff.poll.kind) == (1, 1, "certificate")
        assert sorted(ids[u] for u in await uow.polls.candidates(runoff.poll.id or 0)) == ["GDDT", "TTTT"]
        assert runoff.poll.question == text("poll.runoff.question",
                                            question=text("poll.question.certificate", year=2026))
