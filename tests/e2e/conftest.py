"""End-to-end fixtures: the real Telegram channel polling a fake Bot API started by the test."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.app import App
from bot.channels.telegram import TelegramChannel
from tests.fakes.telegram_api import FakeTelegramAPI


@pytest.fixture
async def tg(app: App) -> AsyncIterator[FakeTelegramAPI]:
    fake = FakeTelegramAPI()
    await fake.start()
    channel = TelegramChannel(fake.token, api_url=fake.base_url, contact_button_label="📱 Gửi số điện thoại của tôi",
                              commands=[("menu", "Menu chính")], polling_timeout=1)
    app.add_channel(channel)
    task = asyncio.create_task(channel.run_polling(app.dispatcher.handle))
    try:
        yield fake
    finally:
        await channel.stop()
        await asyncio.wait_for(task, 5)
        await channel.close()
        await fake.stop()
