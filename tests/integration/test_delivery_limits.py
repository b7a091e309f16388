"""The outbox within the platforms' limits: order and one send at a time per chat under concurrency,
per-chat and per-group spacing and the overall limit as the fake Bot API measures them, the whole
channel pausing on 429, a run handing back what it had no time for.

Timing is only ever asserted as spacing or counts within a window, never as speed.
"""

from __future__ import annotations

import asyncio
import itertools
import random
from collections import Counter
from collections.abc import AsyncIterator, Callable, Sequence
from datetime import timedelta

import pytest
from sqlmodel import col, select

from bot.app import App
from bot.channels.telegram import TelegramChannel
from handlers.core.clock import Clock, FrozenClock, SystemClock
from handlers.core.messages import DeliveryError, Reply
from scheduler.delivery import OutboxDelivery
from scheduler.rate_limits import ChannelLimits, Limit, Window
from storage.models import OutboxMessage
from tests.fakes.telegram_api import FakeTelegramAPI

FAKE = "fake"


async def queue(app: App, channel: str, chat_id: str, *texts: str, clock: Clock | None = None) -> None:
    async with app.uow() as uow:
        for text in texts:
            uow.outbox.add(channel, chat_id, text, (clock or app.clock).now())
        await uow.commit()


async def all_rows(app: App) -> list[OutboxMessage]:
    async with app.uow() as uow:
        return list((await uow.session.exec(select(OutboxMessage).order_by(col(OutboxMessage.id)))).all())


async def drain(delivery: OutboxDelivery, done: Callable[[], bool], runs: int = 200) -> None:
    for _ in range(runs):
        if done():
            return
        if not await delivery.run_once():
            await asyncio.sleep(0.05)  # what is left waits for a chat's spacing, in real time
    assert done(), "the outbox did not empty"


def most_in_window(times: Sequence[float], period: float) -> int:
    """The most sends any `period`-long window holds."""
    ordered = sorted(times)
    return max((sum(1 for t in ordered[i:] if t < start + period) for i, start in enumerate(ordered)), default=0)


# -- the limiter alone, on a hand-moved monotonic clock -------------------------------------------


def test_a_window_counts_sends_in_flight_and_frees_a_place_a_period_after_the_answer() -> None:
    now = [100.0]
    window = Window(Limit(2, 1.0), lambda: now[0])
    assert window.wait() == 0.0
    window.start()
    window.start()
    assert window.wait() is None  # full, and only an answer can make room
    now[0] = 100.3
    window.finish()
    assert window.wait() == pytest.approx(1.0)  # a period after that answer, not after its request
    now[0] = 101.3
    assert window.wait() == 0.0
    window.finish()
    assert window.wait() == 0.0 and not window.idle()
    now[0] = 102.4
    assert window.idle()


def test_a_rate_becomes_a_whole_count_per_period() -> None:
    assert Limit.per_second(29) == Limit(29, 1.0)
    assert Limit.per_second(0.5) == Limit(1, 2.0)
    assert Limit.per_second(2.5) == Limit(2, 0.8)


# -- order and concurrency ----------------------------------------------------------------------


class SlowPlatform:
    """Answers after a random pause; records who was in flight, and raises `errors[text]` once."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.sent: list[tuple[str, str]] = []
        self.in_flight: Counter[str] = Counter()
        self.most_at_once = 0
        self.most_at_once_per_chat = 0
        self.errors: dict[str, DeliveryError] = {}
        self.started: list[str] = []

    async def send(self, channel: str, chat_id: str, reply: Reply, version: int) -> None:
        self.started.append(reply.text)
        self.in_flight[chat_id] += 1
        self.most_at_once = max(self.most_at_once, sum(self.in_flight.values()))
        self.most_at_once_per_chat = max(self.most_at_once_per_chat, self.in_flight[chat_id])
        try:
            await asyncio.sleep(self.rng.uniform(0, 0.02))
            if (error := self.errors.pop(reply.text, None)) is not None:
                raise error
            self.sent.append((chat_id, reply.text))
        finally:
            self.in_flight[chat_id] -= 1


async def test_chats_are_served_concurrently_each_in_order_and_one_send_at_a_time(
    app: App, clock: FrozenClock
) -> None:
    platform = SlowPlatform(seed=7)
    expected: dict[str, list[str]] = {}
    for i in range(60):
        chat = f"chat{i % 12}"
        expected.setdefault(chat, []).append(f"{chat}-{i}")
        await queue(app, FAKE, chat, f"{chat}-{i}")
    platform.errors["chat3-15"] = DeliveryError("502 Bad Gateway")  # its chat's later rows must wait
    delivery = OutboxDelivery(app.sessions, clock, platform.send, {FAKE: 1000.0}, batch=25)

    for _ in range(20):
        await delivery.run_once()
        clock.advance(timedelta(seconds=1))
    assert Counter(platform.sent) == Counter((c, t) for c, texts in expected.items() for t in texts)
    for chat, texts in expected.items():
        assert [text for c, text in platform.sent if c == chat] == texts, chat
    assert platform.most_at_once_per_chat == 1
    assert platform.most_at_once > 1  # different chats did go concurrently


async def test_a_429_pauses_the_whole_channel_for_retry_after(app: App, clock: FrozenClock) -> None:
    platform = SlowPlatform(seed=1)
    platform.errors["a1"] = DeliveryError("Too Many Requests: retry after 5", retry_after=5)
    await queue(app, FAKE, "a", "a1", "a2")
    for chat in "bcd":
        await queue(app, FAKE, chat, f"{chat}1")
    # one send at a time, so nothing else is in flight when the 429 comes
    delivery = OutboxDelivery(app.sessions, clock, platform.send, {FAKE: ChannelLimits(Limit(1, 0.01))})

    assert await delivery.run_once() == 0
    assert platform.started == ["a1"]  # no other chat was tried after the 429
    assert delivery.paused_until[FAKE] == clock.now() + timedelta(seconds=5)
    rows = {row.text: row for row in await all_rows(app)}
    assert rows["a1"].attempts == 1 and rows["a1"].not_before == clock.now() + timedelta(seconds=5)
    assert all(rows[t].attempts == 0 for t in ("a2", "b1", "c1", "d1"))  # waiting is not an attempt

    clock.advance(timedelta(seconds=4))
    await queue(app, FAKE, "e", "e1")  # decided during the pause: waits too
    assert await delivery.run_once() == 0
    assert platform.started == ["a1"]

    clock.advance(timedelta(seconds=1))
    assert await delivery.run_once() == 6
    assert [text for chat, text in platform.sent if chat == "a"] == ["a1", "a2"]
    assert all(row.sent_at is not None for row in await all_rows(app))


async def test_a_run_hands_back_untried_what_it_had_no_time_for(app: App, clock: FrozenClock) -> None:
    platform = SlowPlatform(seed=2)
    for i in range(20):
        await queue(app, FAKE, f"chat{i}", f"m{i}")
    delivery = OutboxDelivery(app.sessions, clock, platform.send, {FAKE: 5.0}, budget=0.3)

    first = await delivery.run_once()
    assert 0 < first < 20
    left = [row for row in await all_rows(app) if row.sent_at is None]
    assert len(left) == 20 - first
    assert all(row.attempts == 0 and row.not_before <= clock.now() for row in left)  # due again, untried

    await drain(delivery, lambda: len(platform.sent) == 20)
    assert sorted(text for _, text in platform.sent) == sorted(f"m{i}" for i in range(20))


# -- against the fake Bot API, which measures and enforces the limits -------------------------------


@pytest.fixture
async def telegram(app: App) -> AsyncIterator[FakeTelegramAPI]:
    api = FakeTelegramAPI()
    await api.start()
    app.add_channel(TelegramChannel(api.token, api_url=api.base_url, contact_button_label="📱"))
    yield api
    await api.stop()


def times(api: FakeTelegramAPI, chat_id: str) -> list[float]:
    return [record["at"] for record in api.sent_to(chat_id)]


async def test_messages_to_one_chat_are_a_second_apart(app: App, telegram: FakeTelegramAPI) -> None:
    telegram.set_flood_limits(flood_limit=30, per_chat_limit=1.0)
    real = SystemClock()
    for chat in ("101", "102", "103"):
        await queue(app, "telegram", chat, *(f"{chat}-{n}" for n in range(3)), clock=real)
    delivery = OutboxDelivery(app.sessions, real, app.send, {"telegram": 30.0})

    await drain(delivery, lambda: len(telegram.sent) == 9)
    assert telegram.flood_rejections == 0
    for chat in ("101", "102", "103"):
        assert [record["text"] for record in telegram.sent_to(chat)] == [f"{chat}-{n}" for n in range(3)]
        at = times(telegram, chat)
        assert all(later - earlier >= 1.0 for earlier, later in itertools.pairwise(at)), at


async def test_a_group_gets_no_more_than_its_limit(app: App, telegram: FakeTelegramAPI) -> None:
    # Telegram's 20 a minute, scaled down to 2 in 1.5 s so the test is short
    telegram.set_flood_limits(flood_limit=30, per_chat_limit=5.0, group_limit=2, group_period=1.5)
    limits = ChannelLimits(Limit(30, 1.0), per_chat=Limit(1, 0.2), per_group=Limit(2, 1.5))
    real = SystemClock()
    await queue(app, "telegram", "-100200", *(f"g{n}" for n in range(5)), clock=real)
    await queue(app, "telegram", "201", *(f"p{n}" for n in range(5)), clock=real)
    delivery = OutboxDelivery(app.sessions, real, app.send, {"telegram": limits})

    await drain(delivery, lambda: len(telegram.sent) == 10)
    assert telegram.flood_rejections == 0
    assert [record["text"] for record in telegram.sent_to("-100200")] == [f"g{n}" for n in range(5)]
    assert most_in_window(times(telegram, "-100200"), 1.5) <= 2
    assert most_in_window(times(telegram, "201"), 1.5) > 2  # a private chat is not held to the group limit


async def test_the_overall_limit_holds_in_every_sliding_second(app: App, telegram: FakeTelegramAPI) -> None:
    telegram.set_flood_limits(flood_limit=10, per_chat_limit=1.0)
    real = SystemClock()
    for i in range(25):
        await queue(app, "telegram", str(300 + i), f"m{i}", clock=real)
    delivery = OutboxDelivery(app.sessions, real, app.send, {"telegram": 10.0})

    await drain(delivery, lambda: len(telegram.sent) == 25)
    assert telegram.flood_rejections == 0
    assert most_in_window([record["at"] for record in telegram.sent], 1.0) <= 10


async def test_the_fake_rejects_a_flood_as_telegram_does(app: App, telegram: FakeTelegramAPI) -> None:
    telegram.set_flood_limits(flood_limit=None, per_chat_limit=1.0)
    channel = app.channels["telegram"]
    await channel.send("401", Reply("one"), 0)
    with pytest.raises(DeliveryError) as caught:
        await channel.send("401", Reply("two"), 0)
    assert caught.value.retry_after == 1 and not caught.value.permanent
    assert telegram.flood_rejections == 1 and telegram.flood_rejected[0]["limit"] == "chat"
    await channel.send("402", Reply("another chat"), 0)
    assert [record["text"] for record in telegram.sent] == ["one", "another chat"]
