"""Replies sent at once and the outbox's notices share one limiter per channel: a burst of both, to the same
chats, against a Bot API that enforces Telegram's limits (30 a second, 1 a second per chat), is never
refused, and the parts of a long notice keep 1 a second too."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from datetime import timedelta

import pytest

from bot.app import App
from handlers.core.clock import FrozenClock
from handlers.core.messages import Incoming
from tests.fakes.telegram_api import FakeTelegramAPI

pytestmark = pytest.mark.paced_replies

USERS = [7000 + n for n in range(12)]
SAID = ("/start", "/help", "/lang")  # each answered at once, in the chat's order
LONG = "\n".join(f"Dòng {n}: nhắc hạn nộp báo cáo tổng kết công tác thi đua năm 2026." for n in range(160))


@pytest.fixture
def telegram(limited_telegram: FakeTelegramAPI) -> FakeTelegramAPI:
    return limited_telegram


async def test_a_burst_of_replies_and_notices_keeps_the_limits(app: App, clock: FrozenClock,
                                                               telegram: FakeTelegramAPI) -> None:
    async with app.uow() as uow:  # notices already waiting for the same chats, one of them long
        for user in USERS:
            uow.outbox.add("telegram", str(user), f"Thông báo cho {user}", clock.now())
        uow.outbox.add("telegram", str(USERS[0]), LONG, clock.now())
        await uow.commit()
    delivery = app.delivery()  # as the worker holds it

    async def chat(user: int) -> None:
        for n, said in enumerate(SAID):
            await app.dispatcher.handle(Incoming("telegram", str(user), str(user), f"{user}-{n}", text=said))

    async def deliver() -> None:
        for _ in range(60):
            await delivery.run_once()
            async with app.uow() as uow:
                if not await uow.outbox.pending():
                    return
            clock.advance(timedelta(seconds=1))
            await asyncio.sleep(0.1)

    started = time.monotonic()
    await asyncio.gather(deliver(), *(chat(user) for user in USERS))
    await app.dispatcher.sender.recorded()  # the last replies' records are written in the background
    await deliver()
    async with app.uow() as uow:
        assert await uow.outbox.pending() == []

    assert telegram.flood_rejections == 0, telegram.flood_rejected
    per_chat = Counter(record["chat_id"] for record in telegram.sent)
    assert min(per_chat[str(user)] for user in USERS) >= len(SAID) + 1  # every reply and notice arrived
    long_parts = [r for r in telegram.sent_to(USERS[0]) if r["text"].startswith("Dòng")]
    assert len(long_parts) >= 2 and "\n".join(r["text"] for r in long_parts) == LONG
    assert time.monotonic() - started >= len(long_parts)  # 1 a second to the chat, parts included
