"""The outbox through aiogram over real HTTP to a Bot API that floods, fails and enforces its limits:
every message arrives exactly once, in its chat's order, and the limits are never broken."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest

from bot.app import App
from handlers.core.clock import FrozenClock
from tests.fakes.telegram_api import FakeTelegramAPI

CHATS = [str(5000 + n) for n in range(19)] + ["-1009000"]  # 19 people and a group
# sendMessage call number (1-based) → (status, how many calls from it on answer it). Counted by call,
# not by delivery run, so every fault happens however the sends fall into runs: there are at least 40
# calls (one per message), and no fault overlaps the next.
FAULTS = {
    1: (429, 3),
    8: (500, 4),
    17: (502, 2),
    25: (429, 2),
    33: (500, 3),
}
FAILED_CALLS = sum(calls for _, calls in FAULTS.values())


@pytest.fixture
def telegram(limited_telegram: FakeTelegramAPI) -> FakeTelegramAPI:
    return limited_telegram


async def test_every_message_arrives_exactly_once_through_429s_and_5xx(
    app: App, clock: FrozenClock, telegram: FakeTelegramAPI
) -> None:
    expected: dict[str, list[str]] = {}
    async with app.uow() as uow:
        for round_ in range(2):
            for chat in CHATS:
                text = f"Nhắc hạn {round_ + 1} cho {chat}"
                expected.setdefault(chat, []).append(text)
                uow.outbox.add("telegram", chat, text, clock.now())
        await uow.commit()
    injected: list[int] = []

    def inject(method: str, count: int) -> None:
        if method == "sendMessage" and count in FAULTS:
            status, calls = FAULTS[count]
            telegram.fail_next("sendMessage", calls, status=status, retry_after=1)
            injected.append(status)

    telegram.on_call = inject
    delivery = app.delivery()  # one for all runs, as the scheduler holds it

    for _ in range(120):
        await delivery.run_once()
        async with app.uow() as uow:
            if not await uow.outbox.pending():
                break
        clock.advance(timedelta(seconds=1))

    async with app.uow() as uow:
        assert await uow.outbox.pending() == []
    attempts = [method for method, _ in telegram.calls if method == "sendMessage"]
    assert injected == [status for status, _ in FAULTS.values()]  # 429, 500 and 502 all happened
    assert telegram.flood_rejections == 0  # the delivery itself never went beyond the limits
    assert len(attempts) - len(telegram.sent) == FAILED_CALLS  # every failed call was one of ours
    delivered = Counter((record["chat_id"], record["text"]) for record in telegram.sent)
    assert delivered == Counter((chat, text) for chat, texts in expected.items() for text in texts)
    assert max(delivered.values()) == 1
    for chat, texts in expected.items():
        assert [record["text"] for record in telegram.sent_to(chat)] == texts, chat
