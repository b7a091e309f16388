"""Logging for an operator: plain lines, or one JSON object per line with THIDUA_LOG_FORMAT=json.

The code never logs a message text or a ballot, and tokens are SecretStr. As a last guard, every
line (the exception's traceback included) has the configured secrets replaced by `<secret>`: a
library that quotes a request URL would otherwise print a bot token, which sits in Telegram's and
Zalo's URLs.
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime

from bot.settings import Settings
from storage import urls

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
QUIET = ("alembic", "apscheduler", "aiogram.event")  # routine chatter, not news for an operator


def secrets_of(settings: Settings) -> list[str]:
    """Every secret value a log line must never show (the database password included)."""
    found = [s.get_secret_value() for s in (settings.telegram_token, settings.zalo_token, settings.webhook_secret,
                                            settings.secret_key) if s is not None]
    password = urls.password(settings.database())
    if password:
        found.append(password)
    return [s for s in found if len(s) >= 4]


def redact(text: str, settings: Settings) -> str:
    for secret in secrets_of(settings):
        text = text.replace(secret, "<secret>")
    return text


class _Redacting(logging.Formatter):
    def __init__(self, secrets: list[str], fmt: str | None = None) -> None:
        super().__init__(fmt)
        self._secrets = secrets

    def scrub(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "<secret>")
        return text

    def format(self, record: logging.LogRecord) -> str:
        return self.scrub(super().format(record))


class JsonFormatter(_Redacting):
    """time (UTC, ISO 8601), level, logger, message and, when there is one, exception."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": self.scrub(record.getMessage()),
        }
        if record.exc_info:
            entry["exception"] = self.scrub(self.formatException(record.exc_info))
        elif record.exc_text:
            entry["exception"] = self.scrub(record.exc_text)
        return json.dumps(entry, ensure_ascii=False)


def json_lines() -> bool:
    """Whether standard error carries JSON lines, so a line for the operator must be one too."""
    return any(isinstance(h.formatter, JsonFormatter) for h in logging.getLogger().handlers)


def configure(settings: Settings) -> None:
    """Log to standard error as the settings say. Like `logging.basicConfig`, it leaves a root logger
    that already has handlers alone (pytest's capture, a second call)."""
    handler = logging.StreamHandler()
    secrets = secrets_of(settings)
    handler.setFormatter(JsonFormatter(secrets) if settings.log_format == "json" else _Redacting(secrets, TEXT_FORMAT))
    logging.basicConfig(level=settings.log_level.upper(), handlers=[handler])
    root = logging.getLogger()
    for noisy in QUIET:
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
