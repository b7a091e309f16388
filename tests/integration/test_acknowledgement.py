"""Channels acknowledge an update only once it is stored, over real HTTP to the fake Bot APIs; and the fakes
behave as the platforms do where that matters (a second getUpdates, a webhook answered with an error)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web

from bot.channels.base import NotStored
from bot.channels.telegram import TelegramChannel
from bot.channels.zalo import ZaloChannel, add_webhook_route
from bot.channels.zalo_api import ZaloClient
from handlers.core.messages import Incoming
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.fakes.zalo_api import FakeZaloAPI

SECRET = "webhook-secret-123"


class Storage:
    """The runtime's side: refuses to store while `down`, records what it stored, in order."""

    def __init__(self) -> None:
        self.down = False
        self.stored: list[str] = []
        self.refused = 0

    async def __call__(self, incoming: Incoming) -> None:
        if self.down:
            self.refused += 1
            raise NotStored("database unreachable")
        self.stored.append(incoming.text or "")


async def until(condition: object, within: float = 10) -> None:
    for _ in range(int(within / 0.01)):
        if condition():  # type: ignore[operator]
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition not reached in time")


@pytest.fixture
async def api() -> AsyncIterator[FakeTelegramAPI]:
    fake = FakeTelegramAPI()
    await fake.start()
    yield fake
    await fake.stop()


def telegram_channel(api: FakeTelegramAPI) -> TelegramChannel:
    return TelegramChannel(api.token, api_url=api.base_url, contact_button_label="Gửi số", polling_timeout=1)


async def test_polling_confirms_nothing_that_was_not_stored(api: FakeTelegramAPI) -> None:
    channel, storage = telegram_channel(api), Storage()
    storage.down = True
    for n in range(3):
        api.push_text(100 + n, f"tin {n}")
    task = asyncio.create_task(channel.run_polling(storage))
    try:
        await until(lambda: storage.refused >= 3)
        assert api.pending_updates == 3  # the offset never moved past them
        storage.down = False
        await until(lambda: len(storage.stored) == 3)
        await until(lambda: api.pending_updates == 0)  # confirmed by the next poll, once stored
    finally:
        await channel.stop()
        await asyncio.wait_for(task, 5)
        await channel.close()
    assert sorted(storage.stored) == ["tin 0", "tin 1", "tin 2"]


async def test_a_chat_stops_at_its_first_update_not_stored(api: FakeTelegramAPI) -> None:
    """Later updates of the chat are not handled before it: they come again with it, in order."""
    channel = telegram_channel(api)
    seen: list[str] = []
    failed = {"once": False}

    async def flaky(incoming: Incoming) -> None:
        if incoming.text == "một" and not failed["once"]:
            failed["once"] = True
            raise NotStored("database unreachable")
        seen.append(incoming.text or "")

    for text in ("một", "hai", "ba"):
        api.push_text(200, text)
    task = asyncio.create_task(channel.run_polling(flaky))
    try:
        await until(lambda: len(seen) == 3)
    finally:
        await channel.stop()
        await asyncio.wait_for(task, 5)
        await channel.close()
    assert seen == ["một", "hai", "ba"]


async def test_a_second_getupdates_ends_the_first_with_409(api: FakeTelegramAPI) -> None:
    url = f"{api.base_url}/bot{api.token}/getUpdates"
    async with aiohttp.ClientSession() as session:
        first = asyncio.ensure_future(session.post(url, json={"timeout": 5}))
        await until(lambda: api._poll is not None)
        async with session.post(url, json={"timeout": 0}) as second:
            assert second.status == 200
        async with await first as answer:
            body = await answer.json()
    assert answer.status == 409 and "terminated by other getUpdates request" in body["description"]
    assert api.conflicts == 1


async def test_a_webhook_answered_503_is_posted_again_until_2xx() -> None:
    answers = [503, 500, 200, 200]
    got: list[int] = []

    async def hook(request: web.Request) -> web.Response:
        assert request.headers["X-Telegram-Bot-Api-Secret-Token"] == SECRET
        got.append((await request.json())["update_id"])
        return web.Response(status=answers.pop(0))

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    api = FakeTelegramAPI(deliver_webhooks=True)
    await api.start()
    try:
        first, second = api.push_text(1, "a"), api.push_text(1, "b")
        async with aiohttp.ClientSession() as session:
            await session.post(f"{api.base_url}/bot{api.token}/setWebhook",
                               json={"url": f"http://127.0.0.1:{port}/hook", "secret_token": SECRET})
        await until(lambda: len(got) == 4)
    finally:
        await api.stop()
        await runner.cleanup()
    assert got == [first, first, first, second]  # in order, the first again until it was taken
    assert api.pending_updates == 0
    assert api.pusher is not None and api.pusher.stats.refused == {503: 1, 500: 1}


async def test_zalo_webhook_answers_503_when_the_update_cannot_be_stored() -> None:
    storage = Storage()
    app = web.Application()
    add_webhook_route(app, storage, secret_token=SECRET)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    port = runner.addresses[0][1]
    async with FakeZaloAPI(deliver_webhooks=True) as zalo:
        try:
            storage.down = True
            zalo.push_text("u1", "xin chào")
            client = ZaloClient(zalo.token, base_url=zalo.base_url)
            await client.set_webhook(f"http://127.0.0.1:{port}/zalo/webhook", SECRET)
            await until(lambda: storage.refused >= 2)
            assert zalo.pending == 1
            storage.down = False
            await until(lambda: storage.stored == ["xin chào"])
            await until(lambda: zalo.pending == 0)
            await client.close()
        finally:
            await runner.cleanup()
    assert zalo.pusher is not None and zalo.pusher.stats.refused.get(503, 0) >= 2


async def test_zalo_polling_keeps_an_update_it_could_not_store() -> None:
    """Zalo's getUpdates has no offset: the channel holds the update and tries again before polling on."""
    storage = Storage()
    async with FakeZaloAPI() as zalo:
        channel = ZaloChannel(ZaloClient(zalo.token, base_url=zalo.base_url), document_unavailable_text="-",
                              poll_timeout=0.2, backoff_initial=0.05, backoff_max=0.1)
        storage.down = True
        zalo.push_text("u1", "một")
        zalo.push_text("u1", "hai")
        task = asyncio.create_task(channel.run_polling(storage))
        try:
            await until(lambda: storage.refused >= 3)
            assert zalo.pending == 1  # the second is not fetched while the first waits
            storage.down = False
            await until(lambda: storage.stored == ["một", "hai"])
        finally:
            channel.stop()
            await asyncio.wait_for(task, 5)
            await channel.close()
