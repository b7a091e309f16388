"""The aiohttp route Telegram posts updates to in webhook mode."""

from __future__ import annotations

import hmac
import logging
from collections.abc import Awaitable, Callable

from aiogram import Bot
from aiogram.types import Update
from aiohttp import web
from pydantic import ValidationError

from bot.channels.base import NotStored

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"

UpdateHandler = Callable[[Update], Awaitable[None]]


def add_webhook_route(app: web.Application, bot: Bot, handle: UpdateHandler, path: str, secret_token: str) -> None:
    """Serve POST `path`: check the secret token, parse the update, hand it to `handle`.

    An update that is valid JSON but not a readable update is acknowledged (200) and skipped, as in
    polling, because Telegram would otherwise redeliver it and hold back the chat's next updates. An
    update that could not be stored (the database is unreachable, or the worker is stopping) gets 503,
    so Telegram delivers it again later.
    """
    if not secret_token:
        raise ValueError("a Telegram webhook needs a secret token")
    expected = secret_token.encode()

    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, expected):
            logger.warning("Telegram webhook: wrong or missing secret token (from %s)", request.remote)
            return web.Response(status=401)
        try:
            data = await request.json()
        except ValueError:
            logger.warning("Telegram webhook: body is not JSON")
            return web.Response(status=400)
        if not isinstance(data, dict):
            logger.warning("Telegram webhook: body is not a JSON object")
            return web.Response(status=400)
        try:
            update = Update.model_validate(data, context={"bot": bot})
        except ValidationError:
            logger.warning("Skipping a malformed Telegram update id=%s", data.get("update_id"))
            return web.Response(status=200)
        try:
            await handle(update)
        except NotStored:
            return web.Response(status=503, headers={"Retry-After": "5"})
        return web.Response(status=200)

    app.router.add_post(path, receive)
