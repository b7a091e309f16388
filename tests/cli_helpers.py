"""What the command-line tests share: a data folder of their own, running `thidua`, reading its database."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import pytest

from bot.app import App
from bot.cli import main
from bot.settings import Settings
from handlers.core.clock import SystemClock
from storage.uow import UnitOfWork

T = TypeVar("T")


def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The command line's settings for a test: its own data folder and key, no stray .env read."""
    monkeypatch.setenv("THIDUA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("THIDUA_SECRET_KEY", "cli-test-secret")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "data"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`thidua ARGV…`: its exit code, standard output and standard error."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def db(action: Callable[[UnitOfWork], Awaitable[T]]) -> T:
    """Run `action(uow)` against the command line's database, and commit."""

    async def go() -> T:
        app = await App.create(Settings(), clock=SystemClock())
        try:
            async with app.uow() as uow:
                result = await action(uow)
                await uow.commit()
                return result
        finally:
            await app.close()

    return asyncio.run(go())
