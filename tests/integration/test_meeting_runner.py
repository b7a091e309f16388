"""`thidua run` with a platform token: the web server runs beside long polling, so the meeting screen
is served even without webhooks; the web sandbox is not (a token means real users)."""

from __future__ import annotations

import asyncio
import socket

import aiohttp
from pydantic import SecretStr

from bot.app import App
from bot.runner import run_platforms
from handlers.voting.flows.meeting import screen_path
from tests.fakes.telegram_api import FakeTelegramAPI


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def get_status(session: aiohttp.ClientSession, url: str) -> int:
    """The status, once the server is up (it starts in the background task)."""
    for _ in range(300):
        try:
            async with session.get(url) as response:
                return response.status
        except aiohttp.ClientConnectionError:
            await asyncio.sleep(0.1)
    raise AssertionError(f"nothing answered at {url}")


async def test_the_meeting_screen_is_served_while_the_bot_long_polls(app: App, block_id: int) -> None:
    fake = FakeTelegramAPI()
    await fake.start()
    port = free_port()
    app.settings = app.settings.model_copy(update={"telegram_token": SecretStr(fake.token),
                                                   "telegram_api_url": fake.base_url, "web_port": port})
    async with app.uow() as uow:
        term = await uow.directory.current_term(block_id)
    assert term is not None and term.id is not None
    task = asyncio.create_task(run_platforms(app))
    try:
        base = f"http://127.0.0.1:{port}"
        async with aiohttp.ClientSession() as session:
            assert await get_status(session, base + screen_path(app.config.secret, term.id)) == 200
            assert await get_status(session, base + f"/man-hinh/{term.id}/{'f' * 32}") == 404
            assert await get_status(session, base + "/") == 404  # no web sandbox beside real platforms
            assert await get_status(session, base + "/telegram/webhook") == 404  # long polling: no webhook route
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        await fake.stop()
