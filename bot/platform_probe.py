"""Asking Telegram and Zalo who the bot is and where its webhook points, with every failure sorted
into what an operator can act on: a refused token, a platform out of reach (worth retrying), or a
request the platform refused with its own reason. Used by `thidua doctor` and the start-up.

Messages carry the platform's own words and never the token (it sits in the API's URLs).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import aiohttp

from bot.channels.zalo_api import ZaloAPIError, ZaloClient, ZaloNetworkError

if TYPE_CHECKING:
    from aiogram import Bot

Kind = Literal["token", "unreachable", "refused"]
TIMEOUT = 10  # seconds for one request: a start-up or a doctor run must not hang on a dead network


class PlatformProblem(Exception):
    def __init__(self, kind: Kind, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail

    @property
    def transient(self) -> bool:
        return self.kind == "unreachable"


@dataclass(frozen=True)
class Webhook:
    url: str
    last_error: str | None = None  # the platform's own words about its last failed delivery
    pending: int = 0


@contextlib.asynccontextmanager
async def _telegram(token: str) -> AsyncIterator[None]:
    # aiogram costs seconds of CPU to import: only a run or a doctor with a Telegram token pays for it
    from aiogram.exceptions import (
        TelegramAPIError,
        TelegramNetworkError,
        TelegramRetryAfter,
        TelegramServerError,
        TelegramUnauthorizedError,
    )

    try:
        yield
    except TelegramUnauthorizedError as error:
        raise PlatformProblem("token", error.message) from None
    except (TelegramNetworkError, TelegramServerError, TelegramRetryAfter) as error:
        raise PlatformProblem("unreachable", _scrub(f"{type(error).__name__}: {error.message}", token)) from None
    except TelegramAPIError as error:
        raise PlatformProblem("refused", _scrub(error.message, token)) from None
    except (aiohttp.ClientError, TimeoutError, OSError) as error:
        raise PlatformProblem("unreachable", type(error).__name__) from None


@contextlib.asynccontextmanager
async def _zalo() -> AsyncIterator[None]:
    try:
        yield
    except ZaloNetworkError as error:
        raise PlatformProblem("unreachable", str(error)) from None
    except ZaloAPIError as error:
        if error.code == 401:
            raise PlatformProblem("token", error.description) from None
        if error.code == 429 or error.status >= 500:
            raise PlatformProblem("unreachable", error.description) from None
        raise PlatformProblem("refused", error.description) from None


async def telegram_username(bot: Bot) -> str:
    async with _telegram(bot.token):
        me = await bot.get_me(request_timeout=TIMEOUT)
    return me.username or ""


async def telegram_webhook(bot: Bot) -> Webhook:
    async with _telegram(bot.token):
        info = await bot.get_webhook_info(request_timeout=TIMEOUT)
    return Webhook(info.url, info.last_error_message, info.pending_update_count)


async def set_telegram_webhook(bot: Bot, url: str, secret: str) -> None:
    from bot.channels.telegram_polling import ALLOWED_UPDATES  # aiogram: see _telegram

    async with _telegram(bot.token):
        await bot.set_webhook(url=url, secret_token=secret, allowed_updates=ALLOWED_UPDATES, request_timeout=TIMEOUT)


async def zalo_name(client: ZaloClient) -> str:
    async with _zalo():
        me = await client.get_me()
    return str(me.get("account_name") or me.get("display_name") or me.get("id") or "")


async def zalo_webhook(client: ZaloClient) -> Webhook:
    async with _zalo():
        info = await client.get_webhook_info()
    return Webhook(str(info.get("url") or ""))


async def set_zalo_webhook(client: ZaloClient, url: str, secret: str) -> None:
    async with _zalo():
        await client.set_webhook(url, secret)


def _scrub(text: str, token: str) -> str:
    return text.replace(token, "<token>") if token else text
