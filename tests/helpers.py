"""Small helpers the tests share: invite codes of the sample block, registering, delivering the outbox."""

from __future__ import annotations

from bot.app import App
from bot.channels.sandbox import Sandbox
from handlers.registration import invite_book
from handlers.registration.rules.codes import display_code


async def codes(app: App, block_id: int) -> dict[str, str]:
    """Display codes by unit code, plus `secretariat` and `observer`."""
    async with app.uow() as uow:
        lines = await invite_book.invite_lines(uow, app.config.secret, block_id, app.clock.now())
        await uow.commit()
    return {(ln.unit_code or ln.role): display_code(ln.code) for ln in lines}


async def register(sb: Sandbox, user: str, code: str, name: str, phone: str) -> None:
    """Register `user` in the sandbox with an invite code (position «Chuyên viên»), confirming the summary."""
    for text in (f"/start {code}", "1", name, "Chuyên viên", phone):
        await sb.say(user, text)
    assert (await sb.say(user, "1"))[0].startswith("✅ Đã đăng ký bạn"), user


async def deliver(app: App) -> int:
    """One outbox run, as the scheduler's. The replies sent so far are recorded first: a test moves its clock
    past their lease at once, which real time never does within the milliseconds a record takes (else the
    run would find a reply whose record is still in flight and send it again)."""
    await app.dispatcher.sender.recorded()
    return await app.delivery().run_once()


async def import_sample_sheet(app: App, block_id: int) -> int:
    """Import samples/criteria-2026.yaml into the block's current term (the `block_id` fixture does not);
    returns the active sheet's id. Importing it again changes nothing."""
    from handlers.scoring.sheet_file.read import load_criteria_file
    from handlers.scoring.sheet_import import import_sheet
    from tests.conftest import ROOT

    spec = load_criteria_file(ROOT / "samples" / "criteria-2026.yaml")
    async with app.uow() as uow:
        result = await import_sheet(uow, block_id, spec, app.clock.now())
        await uow.commit()
    return result.sheet_id


async def open_test_poll(app: App, block_id: int, candidates: list[str], seats: int = 1,
                         question: str = "Đề nghị tặng Cờ thi đua của Chính phủ", time_limit_min: int | None = None,
                         kind: str = "flag", blank_valid: bool = True) -> int:
    """A poll of the block's current term with these candidates (unit codes), opened now for every
    member unit; the way the secretariat's flow leaves it (storage level)."""
    from storage.models_vote import Poll

    async with app.uow() as uow:
        term = await uow.directory.current_term(block_id)
        assert term is not None and term.id is not None
        units = await uow.directory.units(block_id)
        ids = {u.code: u.id for u in units}
        poll = await uow.polls.create(Poll(term_id=term.id, kind=kind, question=question, seats=seats,
                                           max_choices=seats, time_limit_min=time_limit_min, blank_valid=blank_valid,
                                           created_at=app.clock.now()), [ids[c] or 0 for c in candidates])
        assert poll.id is not None
        assert await uow.polls.open(poll.id, app.clock.now(), len(units))
        await uow.commit()
        return poll.id


async def cast_test_ballot(app: App, block_id: int, poll_id: int, voter: str, choices: list[str]) -> None:
    """One unit's ballot (voter and choices are unit codes), through the ballot store as a unit casts it."""
    async with app.uow() as uow:
        ids = {u.code: u.id for u in await uow.directory.units(block_id)}
        result = await uow.votes.cast(poll_id, ids[voter] or 0, [ids[c] or 0 for c in choices], app.clock.now())
        assert result.outcome == "cast", result.outcome
        await uow.commit()


async def close_test_poll(app: App, poll_id: int) -> None:
    """Count the ballots and close, as the secretariat's close does (the page reads Poll.result)."""
    from handlers.voting.closing import count_of

    async with app.uow() as uow:
        poll = await uow.polls.get(poll_id, lock=True)
        assert poll is not None and poll.member_count is not None
        result = await count_of(uow, poll)
        assert await uow.polls.close(poll_id, app.clock.now(), result.to_json())
        await uow.commit()



async def open_poll(app: App, block_id: int, question: str = "Bầu đơn vị dẫn đầu phong trào thi đua năm 2026",
                    seats: int = 1, max_choices: int | None = None, candidates: list[str] | None = None,
                    allow_self: bool = True, time_limit_min: int | None = None, blank_valid: bool = True) -> int:
    """A poll of the block's current term, prepared and opened with its ballots queued in the outbox, as
    the secretariat's side does it (without its chat flow); `candidates` are unit codes (default: all)."""
    from handlers.core.service import queue_notices
    from handlers.voting.opening import ballots_for
    from storage.models_vote import Poll

    now = app.clock.now()
    async with app.uow() as uow:
        term = await uow.directory.current_term(block_id)
        units = await uow.directory.units(block_id)
        by_code = {u.code: u.id for u in units if u.id is not None}
        chosen = [by_code[c] for c in candidates] if candidates else list(by_code.values())
        assert term is not None and term.id is not None
        poll = await uow.polls.create(Poll(term_id=term.id, kind="custom", question=question, seats=seats,
                                           max_choices=max_choices or seats, allow_self=allow_self,
                                           blank_valid=blank_valid, time_limit_min=time_limit_min, created_at=now),
                                      chosen)
        assert poll.id is not None and await uow.polls.open(poll.id, now, len(units))
        queue_notices(uow, (await ballots_for(uow, now, poll, None))[0], now)
        await uow.commit()
        return poll.id
