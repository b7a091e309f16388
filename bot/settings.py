"""Settings from THIDUA_* environment variables (and an optional .env file). Secrets are SecretStr,
so they never show in a log line or a repr."""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path
from typing import Literal

from pydantic import SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]{8,256}")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="THIDUA_", env_file=".env", extra="ignore",
                                      hide_input_in_errors=True)  # a refused value may be a secret

    data_dir: Path = Path("data")
    database_url: SecretStr | None = None
    secret_key: SecretStr | None = None
    log_level: str = "INFO"
    log_format: Literal["text", "json"] = "text"  # json: one object per line, for a log collector

    telegram_token: SecretStr | None = None
    telegram_api_url: str | None = None
    telegram_bot_username: str = "thidua_bot"
    zalo_token: SecretStr | None = None
    zalo_api_url: str = "https://bot-api.zaloplatforms.com"

    webhook_base_url: str | None = None  # e.g. https://bot.example.gov.vn; unset = long polling
    webhook_secret: SecretStr | None = None
    web_host: str = "127.0.0.1"
    web_port: int = 8080
    file_link_days: int = 7  # how long a signed link to an export or minutes works (files for Zalo users)
    public_url: str | None = None  # how people reach the web server (projector link); unset: http://host:port

    shutdown_seconds: float = 20.0  # SIGTERM: how long to finish the updates and sends in flight
    startup_retry_seconds: float = 60.0  # how long an unreachable platform is retried at start-up
    outbox_interval_seconds: float = 2.0
    planner_interval_seconds: float = 60.0
    # messages per second overall. The outbox never lets more than this many requests touch any one
    # second (round trip included), so 29 stays under Telegram's 30 however the network bunches them.
    telegram_rate: float = 29.0
    zalo_rate: float = 5.0  # Zalo publishes no figure: kept conservative

    @field_validator("webhook_secret")
    @classmethod
    def _webhook_secret_is_accepted(cls, value: SecretStr | None) -> SecretStr | None:
        """Telegram takes 1–256 characters of A-Z, a-z, 0-9, _ and -; Zalo wants at least 8: one secret
        serves both, so a bad one stops the start-up here rather than at a refused setWebhook."""
        if value is not None and not _WEBHOOK_SECRET.fullmatch(value.get_secret_value()):
            raise ValueError("THIDUA_WEBHOOK_SECRET must be 8 to 256 characters from A-Z, a-z, 0-9, _ and -")
        return value

    def secret_bytes(self) -> bytes:
        """The key invite codes are derived from; created once in the data folder when not given."""
        if self.secret_key is not None:
            return self.secret_key.get_secret_value().encode()
        path = self.data_dir / "secret.key"
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_hex(32))
        return path.read_text().strip().encode()

    def public_base(self) -> str:
        """The base of links to the web server: THIDUA_PUBLIC_URL, else where it listens."""
        return (self.public_url or f"http://{self.web_host}:{self.web_port}").rstrip("/")

    def database(self) -> str | None:
        return self.database_url.get_secret_value() if self.database_url else None
