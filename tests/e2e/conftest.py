"""End-to-end fixtures: the real Telegram and Zalo channels polling fake platform APIs started by the test."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from bot.app import App
from bot.channels.telegram import TelegramChannel
from bot.channels.zalo import ZaloChannel
from bot.channels.zalo_api import ZaloClient
from handlers.core.catalog import text
from handlers.core.messages import Incoming
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.fakes.zalo_api import FakeZaloAPI


@pytest.fixture
async def tg(app: App) -> AsyncIterator[FakeTelegramAPI]:
    fake = FakeTelegramAPI()
    await fake.start()
    channel = TelegramChannel(fake.token, api_url=fake.base_url, contact_button_label=text("contact_button"),
                              commands=[("menu", text("cmd.menu"))], polling_timeout=1)
    app.add_channel(channel)
    task = asyncio.create_task(channel.run_polling(app.dispatcher.handle))
    try:
        yield fake
    finally:
        await channel.stop()
        await asyncio.wait_for(task, 5)
        await channel.close()
        await fake.stop()


@dataclass
class ZaloChat:
    """The fake Zalo API plus a signal per handled update, so that a step's replies are all in."""

    api: FakeZaloAPI
    handled: asyncio.Queue[Incoming]

    async def say(self, user: str, text: str) -> list[str]:
        seen = len(self.api.sent_to(user))
        self.api.push_text(user, text)
        await asyncio.wait_for(self.handled.get(), 10)
        return self.api.sent_to(user)[seen:]

    async def send_non_text(self, user: str, kind: str) -> list[str]:
        """The person sends an `image`, `sticker` or `unsupported` message; the bot's answers to it."""
        seen = len(self.api.sent_to(user))
        self.api.push_non_text(user, kind)
        await asyncio.wait_for(self.handled.get(), 10)
        return self.api.sent_to(user)[seen:]


@pytest.fixture
async def limited_telegram(app: App) -> AsyncIterator[FakeTelegramAPI]:
    """A Bot API that refuses what Telegram would (30 a second, 1 a second per chat, 20 a minute per group);
    the app sends to it, nothing polls it."""
    api = FakeTelegramAPI(flood_limit=30, per_chat_limit=1.0, group_limit=20)
    await api.start()
    app.add_channel(TelegramChannel(api.token, api_url=api.base_url, contact_button_label="📱"))
    yield api
    await api.stop()


@pytest.fixture
async def zalo(app: App) -> AsyncIterator[ZaloChat]:
    handled: asyncio.Queue[Incoming] = asyncio.Queue()

    async def handle(incoming: Incoming) -> None:
        await app.dispatcher.handle(incoming)
        handled.put_nowait(incoming)

    async with FakeZaloAPI() as fake:
        client = ZaloClient(fake.token, base_url=fake.base_url, request_timeout=3)
        channel = ZaloChannel(client, document_unavailable_text="(tệp)", poll_timeout=0.2, backoff_initial=0.01,
                              backoff_max=0.05)
        app.add_channel(channel)
        task = asyncio.create_task(channel.run_polling(handle))
        try:
            yield ZaloChat(fake, handled)
        finally:
            channel.stop()
            await asyncio.wait_for(task, 3)
            await channel.close()
