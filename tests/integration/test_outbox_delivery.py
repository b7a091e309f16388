"""scheduler/delivery.py against a fake platform: retry_after, backoff, giving up, order, exactly once."""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from datetime import timedelta

import pytest
from sqlmodel import select

from bot.app import App
from handlers.core.clock import FrozenClock
from handlers.core.messages import DeliveryError, Reply
from scheduler.delivery import MAX_ATTEMPTS, OutboxDelivery, backoff
from storage.models import OutboxMessage

CHANNEL = "fake"


class FakePlatform:
    """Sends succeed unless `script[text]` still holds errors to raise, one per attempt."""

    def __init__(self) -> None:
        self.script: dict[str, list[Exception]] = {}
        self.sent: list[tuple[str, str]] = []
        self.tries: Counter[str] = Counter()

    async def send(self, channel: str, chat_id: str, reply: Reply, version: int) -> None:
        assert channel == CHANNEL
        self.tries[reply.text] += 1
        errors = self.script.get(reply.text)
        if errors:
            raise errors.pop(0)
        self.sent.append((chat_id, reply.text))

    def texts(self, chat_id: str) -> list[str]:
        return [text for chat, text in self.sent if chat == chat_id]


@pytest.fixture
def platform() -> FakePlatform:
    return FakePlatform()


@pytest.fixture
def delivery(app: App, clock: FrozenClock, platform: FakePlatform) -> OutboxDelivery:
    return OutboxDelivery(app.sessions, clock, platform.send, {CHANNEL: 1000.0})


async def queue(app: App, chat_id: str, *texts: str) -> None:
    async with app.uow() as uow:
        for text in texts:
            uow.outbox.add(CHANNEL, chat_id, text, app.clock.now())
        await uow.commit()


async def row(app: App, text: str) -> OutboxMessage:
    async with app.uow() as uow:
        return (await uow.session.exec(select(OutboxMessage).where(OutboxMessage.text == text))).one()


async def pending(app: App) -> list[OutboxMessage]:
    async with app.uow() as uow:
        return await uow.outbox.pending()


def transient() -> DeliveryError:
    return DeliveryError("502 Bad Gateway")


async def test_a_message_is_sent_and_marked(app: App, delivery: OutboxDelivery, platform: FakePlatform) -> None:
    await queue(app, "a", "Nhắc hạn nộp báo cáo")
    assert await delivery.run_once() == 1
    assert platform.sent == [("a", "Nhắc hạn nộp báo cáo")]
    sent = await row(app, "Nhắc hạn nộp báo cáo")
    assert sent.sent_at == app.clock.now() and sent.attempts == 1
    assert await delivery.run_once() == 0
    assert platform.tries["Nhắc hạn nộp báo cáo"] == 1


async def test_retry_after_is_honoured(app: App, delivery: OutboxDelivery, platform: FakePlatform,
                                       clock: FrozenClock) -> None:
    platform.script["m1"] = [DeliveryError("Too Many Requests", retry_after=30)]
    await queue(app, "a", "m1")
    assert await delivery.run_once() == 0
    assert (await row(app, "m1")).not_before == clock.now() + timedelta(seconds=30)

    clock.advance(timedelta(seconds=29))
    assert await delivery.run_once() == 0
    assert platform.tries["m1"] == 1  # not even tried before the platform allows it

    clock.advance(timedelta(seconds=1))
    assert await delivery.run_once() == 1
    assert platform.sent == [("a", "m1")]
    assert (await row(app, "m1")).attempts == 2


@pytest.mark.parametrize("error", [transient(), ConnectionResetError("reset by peer")])
async def test_transient_errors_are_retried_with_growing_backoff(
    app: App, delivery: OutboxDelivery, platform: FakePlatform, clock: FrozenClock, error: Exception
) -> None:
    platform.script["m1"] = [error, error, error]
    await queue(app, "a", "m1")
    for attempt in range(3):
        assert await delivery.run_once() == 0
        failed = await row(app, "m1")
        assert failed.attempts == attempt + 1 and failed.failed_at is None and failed.last_error
        wait = failed.not_before - clock.now()
        assert wait == backoff(attempt)
        clock.advance(wait - timedelta(milliseconds=1))
        assert await delivery.run_once() == 0
        assert platform.tries["m1"] == attempt + 1  # not retried early
        clock.advance(timedelta(milliseconds=1))
    assert await delivery.run_once() == 1
    assert platform.sent == [("a", "m1")]
    assert backoff(0) < backoff(1) < backoff(2) <= backoff(50) == timedelta(seconds=600)


async def test_permanent_errors_give_up(app: App, delivery: OutboxDelivery, platform: FakePlatform,
                                       clock: FrozenClock) -> None:
    platform.script["m1"] = [DeliveryError("Forbidden: bot was blocked by the user", permanent=True)]
    await queue(app, "a", "m1")
    await queue(app, "b", "m2")
    assert await delivery.run_once() == 1
    failed = await row(app, "m1")
    assert failed.failed_at == clock.now() and failed.sent_at is None
    assert "blocked" in (failed.last_error or "")
    clock.advance(timedelta(days=1))
    assert await delivery.run_once() == 0
    assert platform.tries["m1"] == 1
    assert platform.sent == [("b", "m2")]
    # a chat that gave up does not hold back its later messages
    await queue(app, "a", "m3")
    assert await delivery.run_once() == 1
    assert platform.texts("a") == ["m3"]


async def test_too_many_transient_failures_give_up(app: App, delivery: OutboxDelivery, platform: FakePlatform,
                                                   clock: FrozenClock) -> None:
    platform.script["m1"] = [transient() for _ in range(MAX_ATTEMPTS + 5)]
    await queue(app, "a", "m1")
    for _ in range(MAX_ATTEMPTS + 5):
        await delivery.run_once()
        clock.advance(timedelta(minutes=11))
    gave_up = await row(app, "m1")
    assert platform.tries["m1"] == MAX_ATTEMPTS == gave_up.attempts
    assert gave_up.failed_at is not None and gave_up.sent_at is None


async def test_later_messages_of_a_chat_wait_for_an_earlier_failed_one(
    app: App, delivery: OutboxDelivery, platform: FakePlatform, clock: FrozenClock
) -> None:
    platform.script["a1"] = [transient(), transient()]
    await queue(app, "a", "a1", "a2", "a3")
    await queue(app, "b", "b1")
    assert await delivery.run_once() == 1
    assert platform.sent == [("b", "b1")]  # another chat is not held back
    assert platform.tries["a2"] == platform.tries["a3"] == 0

    # a message decided after the failure must not overtake it either
    await queue(app, "a", "a4")
    for _ in range(10):
        clock.advance(timedelta(milliseconds=500))
        await delivery.run_once()
        if platform.texts("a") and platform.texts("a")[0] != "a1":
            break
    assert platform.texts("a") == ["a1", "a2", "a3", "a4"]


async def test_a_message_queued_during_retry_after_waits(
    app: App, delivery: OutboxDelivery, platform: FakePlatform, clock: FrozenClock
) -> None:
    platform.script["a1"] = [DeliveryError("Too Many Requests", retry_after=30)]
    await queue(app, "a", "a1")
    await delivery.run_once()
    await queue(app, "a", "a2")
    clock.advance(timedelta(seconds=1))
    await delivery.run_once()
    assert platform.sent == []  # a2 waits for a1
    clock.advance(timedelta(seconds=30))
    await delivery.run_once()
    assert platform.texts("a") == ["a1", "a2"]


async def test_two_workers_never_send_a_message_twice(app: App, clock: FrozenClock, platform: FakePlatform) -> None:
    texts = [f"m{i}" for i in range(30)]
    for i, text in enumerate(texts):
        await queue(app, f"chat{i % 4}", text)
    workers = [OutboxDelivery(app.sessions, clock, platform.send, {CHANNEL: 1000.0}, batch=10) for _ in range(3)]
    for _ in range(5):
        await asyncio.gather(*(w.run_once() for w in workers))
    assert sorted(text for _, text in platform.sent) == sorted(texts)
    assert max(platform.tries.values()) == 1


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_every_message_is_delivered_exactly_once_in_order(
    app: App, delivery: OutboxDelivery, platform: FakePlatform, clock: FrozenClock, seed: int
) -> None:
    rng = random.Random(seed)
    expected: dict[str, list[str]] = {}
    for i in range(30):
        chat = f"chat{rng.randrange(5)}"
        text = f"{chat}-m{i}"
        expected.setdefault(chat, []).append(text)
        errors: list[Exception] = []
        for _ in range(rng.choice([0, 0, 0, 1, 2, 3])):
            errors.append(rng.choice([transient(), DeliveryError("429", retry_after=rng.choice([1, 5, 20])),
                                      TimeoutError("slow")]))
        platform.script[text] = errors
        await queue(app, chat, text)
        if rng.random() < 0.3:  # the loop runs while new messages keep arriving
            await delivery.run_once()
            clock.advance(timedelta(seconds=rng.choice([0.5, 1, 3])))
    for _ in range(200):
        if not await pending(app):
            break
        await delivery.run_once()
        clock.advance(timedelta(seconds=1))
    assert await pending(app) == []
    assert Counter(text for _, text in platform.sent) == Counter(t for texts in expected.values() for t in texts)
    for chat, texts in expected.items():
        assert platform.texts(chat) == texts, chat
