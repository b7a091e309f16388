"""`thidua doctor`: one line per check, ✓ or ✗ with what to fix; exit 0 only when every check passes.

It reads and asks, and changes nothing: no migration, no database file created, no webhook set.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from datetime import UTC, datetime

from bot import platform_probe as probe
from bot.logs import redact
from bot.settings import Settings
from handlers.core import catalog
from handlers.core.catalog import Catalog
from storage import db, health, urls

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True)
class Check:
    ok: bool
    line: str


def where(settings: Settings) -> str:
    """The database as an operator names it, without the password."""
    return urls.where(settings.database(), settings.data_dir)


def check_settings(settings: Settings, t: Catalog) -> list[Check]:
    try:
        database = where(settings)
    except urls.BadURL:
        return [Check(False, t("doctor.bad_database_url"))]
    mode = (t("doctor.mode_webhook", base=settings.webhook_base_url) if settings.webhook_base_url
            else t("doctor.mode_polling") if settings.telegram_token or settings.zalo_token
            else t("doctor.mode_sandbox"))
    checks = [Check(True, t("doctor.settings_ok", database=database, host=settings.web_host,
                            port=settings.web_port, mode=mode))]
    base = settings.webhook_base_url
    if base is not None and not base.startswith("https://") and _host_of(base) not in LOCAL_HOSTS:
        checks.append(Check(False, t("doctor.webhook_not_https", base=base)))
    return checks


def _host_of(url: str) -> str:
    return url.split("://", 1)[-1].split("/", 1)[0].rsplit(":", 1)[0].strip("[]")


async def check_database(settings: Settings, t: Catalog) -> list[Check]:
    url = settings.database()
    if not url and not (settings.data_dir / "thidua.db").exists():
        return [Check(False, t("doctor.db_missing", path=settings.data_dir / "thidua.db"))]
    engine = db.create_engine(db.normalize_url(url, settings.data_dir))
    try:
        found = await health.check(engine, datetime.now(UTC), timeout=5.0)
    finally:
        await engine.dispose()
    if found.error is not None:
        return [Check(False, t("doctor.db_unreachable", where=where(settings), reason=redact(found.error, settings)))]
    checks = [Check(True, t("doctor.db_ok", where=where(settings)))]
    m = found.migrations
    if m is not None and m.current:
        checks.append(Check(True, t("doctor.migrations_ok", revision=m.code)))
    elif m is not None:
        checks.append(Check(False, t("doctor.migrations_behind", database=m.database or "—", code=m.code)))
    return checks


def check_texts(t: Catalog) -> Check:
    """The Fluent files an office worker may have edited: the bot refuses to start on a broken one."""
    problems = catalog.problems()
    if problems:
        return Check(False, t("doctor.texts_broken", problems="\n  ".join(problems)))
    return Check(True, t("doctor.texts_ok", count=len(catalog.keys())))


def check_secret(settings: Settings, t: Catalog) -> Check:
    if settings.secret_key is not None:
        return Check(True, t("doctor.secret_env"))
    path = settings.data_dir / "secret.key"
    if not path.exists():
        return Check(False, t("doctor.secret_missing", path=path))
    try:
        content = path.read_text().strip()
    except OSError as error:
        return Check(False, t("doctor.secret_unreadable", path=path, reason=error.strerror or error))
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        return Check(False, t("doctor.secret_mode", path=path, mode=f"{mode:o}"))
    if len(content) < 16:
        return Check(False, t("doctor.secret_short", path=path))
    return Check(True, t("doctor.secret_ok", path=path))


def check_port(settings: Settings, t: Catalog) -> Check:
    from bot.startup import bind_error

    error = bind_error(settings.web_host, settings.web_port)
    if error is not None:
        return Check(False, t("doctor.port_busy", host=settings.web_host, port=settings.web_port,
                              reason=error.strerror or error))
    return Check(True, t("doctor.port_ok", host=settings.web_host, port=settings.web_port))


def _problem(t: Catalog, platform: str, problem: probe.PlatformProblem, variable: str, api: str) -> Check:
    if problem.kind == "token":
        return Check(False, t("doctor.token_refused", platform=platform, variable=variable, reason=problem.detail))
    if problem.kind == "unreachable":
        return Check(False, t("doctor.platform_unreachable", platform=platform, api=api, reason=problem.detail))
    return Check(False, t("doctor.platform_refused", platform=platform, reason=problem.detail))


def _webhook(t: Catalog, platform: str, hook: probe.Webhook, expected: str | None) -> Check:
    if expected is None:
        if hook.url:
            return Check(False, t("doctor.webhook_while_polling", platform=platform, url=hook.url))
        return Check(True, t("doctor.webhook_none", platform=platform))
    if hook.url and hook.url != expected:
        return Check(False, t("doctor.webhook_elsewhere", platform=platform, url=hook.url, expected=expected))
    if hook.last_error:
        return Check(False, t("doctor.webhook_error", platform=platform, reason=hook.last_error))
    if not hook.url:
        return Check(True, t("doctor.webhook_unset", platform=platform, expected=expected))
    return Check(True, t("doctor.webhook_ok", platform=platform, url=hook.url, pending=hook.pending))


async def check_telegram(settings: Settings, t: Catalog, expected: str | None) -> list[Check]:
    from aiogram import Bot
    from aiogram.client.session.aiohttp import AiohttpSession
    from aiogram.client.telegram import TelegramAPIServer
    from aiogram.utils.token import TokenValidationError

    assert settings.telegram_token is not None
    api = settings.telegram_api_url or "https://api.telegram.org"
    session = AiohttpSession(api=TelegramAPIServer.from_base(api))
    try:
        bot = Bot(settings.telegram_token.get_secret_value(), session=session)
    except TokenValidationError:
        await session.close()
        return [Check(False, t("doctor.token_refused", platform="Telegram", variable="THIDUA_TELEGRAM_TOKEN",
                               reason="malformed"))]
    try:
        username = await probe.telegram_username(bot)
        checks = [Check(True, t("doctor.telegram_ok", username=username))]
        if username.casefold() != settings.telegram_bot_username.casefold():
            checks.append(Check(False, t("doctor.username_differs", username=username,
                                         configured=settings.telegram_bot_username)))
        checks.append(_webhook(t, "Telegram", await probe.telegram_webhook(bot), expected))
        return checks
    except probe.PlatformProblem as problem:
        return [_problem(t, "Telegram", problem, "THIDUA_TELEGRAM_TOKEN", api)]
    finally:
        await session.close()


async def check_zalo(settings: Settings, t: Catalog, expected: str | None) -> list[Check]:
    from bot.channels.zalo_api import ZaloClient

    assert settings.zalo_token is not None
    async with ZaloClient(settings.zalo_token.get_secret_value(), base_url=settings.zalo_api_url,
                          request_timeout=probe.TIMEOUT) as client:
        try:
            name = await probe.zalo_name(client)
            return [Check(True, t("doctor.zalo_ok", name=name)),
                    _webhook(t, "Zalo", await probe.zalo_webhook(client), expected)]
        except probe.PlatformProblem as problem:
            return [_problem(t, "Zalo", problem, "THIDUA_ZALO_TOKEN", settings.zalo_api_url)]


async def run_doctor(settings: Settings) -> int:
    t = Catalog()
    base = (settings.webhook_base_url or "").rstrip("/") or None
    checks = check_settings(settings, t)
    if checks[0].ok:  # a database URL that cannot be read cannot be tried either
        checks += await check_database(settings, t)
    checks.append(check_secret(settings, t))
    if settings.telegram_token is not None:
        checks += await check_telegram(settings, t, f"{base}/telegram/webhook" if base else None)
    if settings.zalo_token is not None:
        checks += await check_zalo(settings, t, f"{base}/zalo/webhook" if base else None)
    if settings.telegram_token is None and settings.zalo_token is None:
        checks.append(Check(True, t("doctor.no_token")))
    checks.append(check_port(settings, t))
    checks.append(check_texts(t))
    for check in checks:
        print(f"{'✓' if check.ok else '✗'} {check.line}")
    failed = sum(1 for c in checks if not c.ok)
    print(t("doctor.summary_ok") if not failed else t("doctor.summary_failed", failed=failed, total=len(checks)))
    return 0 if not failed else 1

