"""Start-up that explains (DESIGN principle 11): every way `thidua run` can fail to start ends in one
line saying what to fix, never a traceback.

- A configuration error (a taken or forbidden web port, a token the platform refuses, a webhook the
  platform refuses, with its own reason) exits with 2 at once: waiting would not fix it.
- A platform out of reach (network down, DNS, its 5xx or 429) is retried with backoff for
  THIDUA_STARTUP_RETRY_SECONDS; if it is still out of reach, the exit code is 75 (EX_TEMPFAIL), so a
  supervisor (systemd, compose) starts it again later.
"""

from __future__ import annotations

import asyncio
import errno
import logging
import socket
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar

from aiohttp import web

from bot import platform_probe as probe
from bot.app import App
from bot.logs import json_lines
from bot.web import start_web as _start_web
from handlers.core.catalog import Catalog

if TYPE_CHECKING:
    from bot.channels.telegram import TelegramChannel
    from bot.channels.zalo import ZaloChannel

log = logging.getLogger(__name__)
CONFIG_ERROR, TEMPORARY = 2, 75
T = TypeVar("T")
TOKEN_VARIABLES = {"telegram": "THIDUA_TELEGRAM_TOKEN", "zalo": "THIDUA_ZALO_TOKEN"}


class StartupError(Exception):
    def __init__(self, line: str, exit_code: int) -> None:
        super().__init__(line)
        self.line = line
        self.exit_code = exit_code


async def explained(start: Awaitable[None]) -> int:
    """Run `start`; a StartupError (or a malformed token) becomes its line on stderr and an exit code."""
    from aiogram.utils.token import TokenValidationError

    try:
        await start
    except StartupError as error:
        _tell(error.line)
        return error.exit_code
    except TokenValidationError:
        _tell(Catalog()("startup.bad_token", platform="Telegram", variable=TOKEN_VARIABLES["telegram"],
                        reason="malformed"))
        return CONFIG_ERROR
    return 0


def _tell(line: str) -> None:
    """The one line on stderr: as a JSON log entry when the logs are JSON, so a collector can read it."""
    if json_lines():
        log.critical(line)
    else:
        print(line, file=sys.stderr)


async def with_retries(platform: str, action: Callable[[], Awaitable[T]], budget: float) -> T:
    """`action()`, again after 1, 2, 4… s (at most 30) while the platform is out of reach, for `budget` s."""
    loop = asyncio.get_running_loop()
    deadline, delay = loop.time() + budget, 1.0
    while True:
        try:
            return await action()
        except probe.PlatformProblem as problem:
            if not problem.transient or loop.time() + delay > deadline:
                raise
            log.warning("%s is out of reach at start-up (%s); trying again in %.0f s", platform, problem.detail, delay)
            await asyncio.sleep(delay)
            delay = min(delay * 2, 30.0)


def _failure(platform: str, problem: probe.PlatformProblem, api: str, what: str) -> StartupError:
    t = Catalog()
    if problem.kind == "token":
        return StartupError(t("startup.bad_token", platform=platform.capitalize(),
                              variable=TOKEN_VARIABLES[platform], reason=problem.detail), CONFIG_ERROR)
    if problem.kind == "unreachable":
        return StartupError(t("startup.unreachable", platform=platform.capitalize(), api=api,
                              reason=problem.detail), TEMPORARY)
    return StartupError(t("startup.refused", platform=platform.capitalize(), what=what, reason=problem.detail),
                        CONFIG_ERROR)


async def check_platforms(app: App, telegram: TelegramChannel | None, zalo: ZaloChannel | None) -> None:
    """Before anything starts (the scheduler, the web server): the web port is free, and each token
    passes getMe."""
    check_port(app.settings.web_host, app.settings.web_port)
    budget = app.settings.startup_retry_seconds
    if telegram is not None:
        api = app.settings.telegram_api_url or "https://api.telegram.org"
        try:
            name = await with_retries("Telegram", lambda: probe.telegram_username(telegram.bot), budget)
        except probe.PlatformProblem as problem:
            raise _failure("telegram", problem, api, "getMe") from None
        log.info("Telegram: the bot is @%s", name)
    if zalo is not None:
        try:
            name = await with_retries("Zalo", lambda: probe.zalo_name(zalo.client), budget)
        except probe.PlatformProblem as problem:
            raise _failure("zalo", problem, app.settings.zalo_api_url, "getMe") from None
        log.info("Zalo: the bot is %s", name)


async def set_webhooks(app: App, telegram: TelegramChannel | None, zalo: ZaloChannel | None, secret: str) -> None:
    """Register both webhooks; a refusal names the platform's reason (an HTTP URL, a bad certificate…)."""
    base = (app.settings.webhook_base_url or "").rstrip("/")
    budget = app.settings.startup_retry_seconds
    if telegram is not None:
        url = f"{base}/telegram/webhook"
        try:
            await with_retries("Telegram", lambda: probe.set_telegram_webhook(telegram.bot, url, secret), budget)
        except probe.PlatformProblem as problem:
            raise _failure("telegram", problem, app.settings.telegram_api_url or "https://api.telegram.org",
                           f"setWebhook {url}") from None
        await telegram.set_commands()
    if zalo is not None:
        url = f"{base}/zalo/webhook"
        try:
            await with_retries("Zalo", lambda: probe.set_zalo_webhook(zalo.client, url, secret), budget)
        except probe.PlatformProblem as problem:
            raise _failure("zalo", problem, app.settings.zalo_api_url, f"setWebhook {url}") from None
    log.info("webhooks served on %s:%s", app.settings.web_host, app.settings.web_port)


def _port_error(host: str, port: int, error: OSError) -> StartupError:
    key = "startup.port_taken" if error.errno == errno.EADDRINUSE else "startup.port_unusable"
    return StartupError(Catalog()(key, host=host, port=port, reason=error.strerror or error), CONFIG_ERROR)


def bind_error(host: str, port: int) -> OSError | None:
    """Why the address cannot be bound as aiohttp binds it (SO_REUSEADDR), or None; it is released at once."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe_socket:
        probe_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe_socket.bind((host, port))
        except OSError as error:
            return error
    return None


def check_port(host: str, port: int) -> None:
    error = bind_error(host, port)
    if error is not None:
        raise _port_error(host, port, error)


async def start_web(web_app: web.Application, host: str, port: int) -> web.AppRunner:
    """The web server, or one line on why the address cannot be used (taken since `check_port`)."""
    try:
        return await _start_web(web_app, host, port)
    except OSError as error:
        raise _port_error(host, port, error) from None
