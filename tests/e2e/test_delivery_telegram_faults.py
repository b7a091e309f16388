"""The outbox through aiogram over real HTTP to a Bot API that floods, fails and enforces its limits:
every message arrives exactly once, in its chat's order, and the limits are never broken."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from bot.app import App
from bot.channels.telegram import TelegramChannel
from handlers.clock import FrozenClock
from tests.fakes.telegram_api import FakeTelegramAPI

CHATS = [str(5000 + n) for n in range(19)] + ["-1009000"]  # 19 people and a group
FAULTS = {  # run number → (status, how many sendMessage calls answer it)
    0: (429, 3),
    2: (500, 4),
    3: (502, 2),
    5: (429, 2),
    7: (500, 3),
}


@pytest.fixture
async def telegram(app: App) -> AsyncIterator[FakeTelegramAPI]:
    api = FakeTelegramAPI(flood_limit=30, per_chat_limit=1.0, group_limit=20)
    await api.start()
    app.add_channel(TelegramChannel(api.token, api_url=api.base_url, contact_button_label="📱"))
    yield api
    await api.stop()


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
    delivery = app.delivery()  # one for all runs, as the scheduler holds it

    for run in range(120):
        if run in FAULTS:
            status, calls = FAULTS[run]
            telegram.fail_next("sendMessage", calls, status=status, retry_after=1)
        await delivery.run_once()
        async with app.uow() as uow:
            if not await uow.outbox.pending():
                break
        clock.advance(timedelta(seconds=1))

    async with app.uow() as uow:
        assert await uow.outbox.pending() == []
    attempts = [method for method, _ in telegram.calls if method == "sendMessage"]
    assert len(attempts) - len(telegram.sent) >= 3 + 4 + 2  # the faults of the first runs did happen
    delivered = Counter((record["chat_id"], record["text"]) for record in telegram.sent)
    assert delivered == Counter((chat, text) for chat, texts in expected.items() for text in texts)
    assert max(delivered.values()) == 1
    for chat, texts in expected.items():
        assert [record["text"] for record in telegram.sent_to(chat)] == texts, chat
    assert telegram.flood_rejections == 0  # the delivery itself never went beyond the limits
