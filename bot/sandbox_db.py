"""The sandbox has a database of its own (`data/sandbox.db`), so the sample block and the contacts
registered while trying the bot out never reach the database a block really uses, SQLite or
PostgreSQL alike. `thidua chat` is always the sandbox; `thidua run` is the sandbox only when no
platform token is set (with a token it runs the real bot on the real database and imports nothing).
"""

from __future__ import annotations

from pydantic import SecretStr

from bot.settings import Settings

FILE_NAME = "sandbox.db"


def is_sandbox(settings: Settings, command: str) -> bool:
    return command == "chat" or (command == "run" and not (settings.telegram_token or settings.zalo_token))


def sandbox_settings(settings: Settings, command: str) -> Settings:
    """The settings `command` runs with: the sandbox's own SQLite file for the sandbox, else as given."""
    if not is_sandbox(settings, command):
        return settings
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    url = f"sqlite+aiosqlite:///{(settings.data_dir / FILE_NAME).resolve()}"
    return settings.model_copy(update={"database_url": SecretStr(url)})
