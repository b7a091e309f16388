"""`thidua doctor` against the fake Bot APIs over real HTTP, a real SQLite database and real sockets."""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.app import App
from bot.cli import main
from bot.doctor import run_doctor
from bot.settings import Settings
from handlers.core import catalog
from handlers.core.catalog import text
from storage.health import code_revision
from tests.cli_helpers import cli_env, run
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.fakes.zalo_api import FakeZaloAPI
from tests.ops_helpers import free_port

CUT = "\x00"  # a value the test cannot know (an operating system's reason): the text is compared up to it


def opening(key: str, **values: Any) -> str:
    """A catalog text up to the value given as CUT."""
    return text(key, **values).split(CUT)[0]


@pytest.fixture
async def zalo() -> AsyncIterator[FakeZaloAPI]:
    async with FakeZaloAPI() as api:
        yield api


async def migrated(tmp_path: Path) -> Path:
    """A data folder as `thidua migrate` leaves it: the database at head and a secret key file (0600)."""
    settings = Settings(data_dir=tmp_path / "data", _env_file=None)  # type: ignore[call-arg]
    app = await App.create(settings)
    await app.close()
    return settings.data_dir


def settings_for(data: Path, telegram: FakeTelegramAPI | None, zalo: FakeZaloAPI | None, **extra: Any) -> Settings:
    values: dict[str, Any] = {"data_dir": data, "web_port": free_port()}
    if telegram is not None:
        values |= {"telegram_token": telegram.token, "telegram_api_url": telegram.base_url,
                   "telegram_bot_username": telegram.bot_username}
    if zalo is not None:
        values |= {"zalo_token": zalo.token, "zalo_api_url": zalo.base_url}
    return Settings(**(values | extra), _env_file=None)  # type: ignore[call-arg]


async def doctor(settings: Settings, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = await run_doctor(settings)
    return code, capsys.readouterr().out.splitlines()


async def test_all_good_with_both_platforms_in_webhook_mode(tmp_path: Path, telegram: FakeTelegramAPI,
                                                            zalo: FakeZaloAPI,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    data = await migrated(tmp_path)
    base = "https://bot.example.gov.vn"
    telegram.webhook_url = f"{base}/telegram/webhook"
    settings = settings_for(data, telegram, zalo, webhook_base_url=base)
    code, lines = await doctor(settings, capsys)
    assert code == 0, lines
    assert all(line.startswith("✓") for line in lines[:-1]), lines
    assert lines[-1] == text("doctor.summary_ok")
    said = "\n".join(lines)
    assert text("doctor.telegram_ok", username="thidua_test_bot") in said
    assert text("doctor.zalo_ok", name="bot.FakeZalo") in said
    assert "✓ " + text("doctor.webhook_ok", platform="Telegram", url=f"{base}/telegram/webhook", pending=0) in lines
    assert "✓ " + text("doctor.webhook_unset", platform="Zalo", expected=f"{base}/zalo/webhook") in lines
    assert "✓ " + text("doctor.migrations_ok", revision=code_revision()) in lines
    assert "✓ " + text("doctor.secret_ok", path=data / "secret.key") in lines
    assert [m for m, _ in telegram.calls] == ["getMe", "getWebhookInfo"]  # it asks, and changes nothing
    assert telegram.token not in said and zalo.token not in said


async def test_each_problem_says_what_to_fix(tmp_path: Path, telegram: FakeTelegramAPI, zalo: FakeZaloAPI,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    data = await migrated(tmp_path)
    os.chmod(data / "secret.key", 0o644)
    telegram.webhook_url = "https://old-server.example/telegram/webhook"
    zalo_settings = {"zalo_token": "999:not-the-token"}
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = int(busy.getsockname()[1])
        settings = settings_for(data, telegram, zalo, webhook_base_url="http://bot.example.gov.vn",
                                telegram_bot_username="someone_else_bot", web_port=port, **zalo_settings)
        code, lines = await doctor(settings, capsys)
    assert code == 1
    failed = [line for line in lines if line.startswith("✗")]
    assert lines[-1] == text("doctor.summary_failed", failed=len(failed), total=len(lines) - 1)
    expected = [
        text("doctor.webhook_not_https", base="http://bot.example.gov.vn"),
        text("doctor.secret_mode", path=data / "secret.key", mode="644"),
        text("doctor.username_differs", username="thidua_test_bot", configured="someone_else_bot"),
        text("doctor.webhook_elsewhere", platform="Telegram", url="https://old-server.example/telegram/webhook",
             expected="http://bot.example.gov.vn/telegram/webhook"),
        text("doctor.token_refused", platform="Zalo", reason="Unauthorized", variable="THIDUA_ZALO_TOKEN"),
        opening("doctor.port_busy", host="127.0.0.1", port=port, reason=CUT),
    ]
    for part in expected:
        assert sum(part in line for line in failed) == 1, (part, failed)
    assert len(failed) == len(expected)


async def test_a_refused_token_an_unreachable_platform_and_a_failing_webhook(
        tmp_path: Path, telegram: FakeTelegramAPI, capsys: pytest.CaptureFixture[str]) -> None:
    data = await migrated(tmp_path)
    refused = settings_for(data, telegram, None, telegram_token="123456:wrong-token")
    code, lines = await doctor(refused, capsys)
    assert code == 1
    assert "✗ " + text("doctor.token_refused", platform="Telegram", reason="Unauthorized",
                       variable="THIDUA_TELEGRAM_TOKEN") in lines

    closed = free_port()
    away = settings_for(data, telegram, None, telegram_api_url=f"http://127.0.0.1:{closed}")
    code, lines = await doctor(away, capsys)
    assert code == 1
    unreachable = opening("doctor.platform_unreachable", platform="Telegram", api=f"http://127.0.0.1:{closed}",
                          reason=CUT)
    assert any(line.startswith(f"✗ {unreachable}") for line in lines)

    telegram.webhook_url = "https://bot.example.gov.vn/telegram/webhook"
    telegram.webhook_last_error = "Wrong response from the webhook: 502 Bad Gateway"
    failing = settings_for(data, telegram, None, webhook_base_url="https://bot.example.gov.vn")
    code, lines = await doctor(failing, capsys)
    assert code == 1
    assert ("✗ " + text("doctor.webhook_error", platform="Telegram",
                        reason="Wrong response from the webhook: 502 Bad Gateway")) in lines


async def test_a_fresh_folder_needs_migrate_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = settings_for(tmp_path / "data", None, None)
    code, lines = await doctor(settings, capsys)
    assert code == 1
    assert "✗ " + text("doctor.db_missing", path=tmp_path / "data" / "thidua.db") in lines
    assert "✗ " + text("doctor.secret_missing", path=tmp_path / "data" / "secret.key") in lines
    assert not (tmp_path / "data" / "thidua.db").exists()  # the doctor creates nothing


def test_bad_settings_are_named_by_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    cli_env(tmp_path, monkeypatch)
    monkeypatch.setenv("THIDUA_WEB_PORT", "tám nghìn")
    assert main(["doctor"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(opening("doctor.bad_setting", variable="THIDUA_WEB_PORT", reason=CUT))
    assert len(err.splitlines()) == 1


def test_doctor_and_migrate_from_the_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    cli_env(tmp_path, monkeypatch)
    monkeypatch.delenv("THIDUA_SECRET_KEY")
    monkeypatch.setenv("THIDUA_WEB_PORT", str(free_port()))
    assert main(["doctor"]) == 1  # nothing there yet
    capsys.readouterr()
    assert main(["migrate"]) == 0
    assert main(["doctor"]) == 0, capsys.readouterr().out
    assert capsys.readouterr().out.endswith(text("doctor.summary_ok") + "\n")


async def test_a_database_url_that_cannot_be_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    settings = settings_for(tmp_path / "data", None, None, database_url="not a url at all")
    code, lines = await doctor(settings, capsys)
    assert code == 1
    assert lines[0] == "✗ " + text("doctor.bad_database_url")
    assert not any("not a url at all" in line for line in lines)  # it may hold a password: never echoed


@pytest.fixture
def broken_texts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The catalog read from a copy of the real files, in which an office worker lost a `}` on line 3."""
    copy = tmp_path / "handlers"
    for source in catalog.files("vi") + catalog.files("en"):
        target = copy / source.parent.parent.name / "texts" / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
    edited = copy / "core" / "texts" / "vi.ftl"
    lines = edited.read_text(encoding="utf-8").splitlines()
    lines.insert(2, "cli-demo_loaded = Đã nạp khối mẫu vào { $path.")
    edited.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(catalog, "TEXTS", copy)
    catalog._load.cache_clear()
    yield edited
    monkeypatch.undo()
    catalog._load.cache_clear()


async def test_a_broken_text_file_is_named_with_its_line(tmp_path: Path, broken_texts: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = await doctor(settings_for(tmp_path / "data", None, None), capsys)
    assert code == 1
    at = lines.index(f"✗ {text('doctor.texts_broken', problems='').splitlines()[0]}")
    assert lines[at + 1].strip().startswith(f"{broken_texts}:3: cannot read"), lines


def test_the_bot_does_not_start_on_a_broken_text_file(tmp_path: Path, broken_texts: Path,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    cli_env(tmp_path, monkeypatch)
    code, _, said = run(capsys, "migrate")
    assert code == 2
    assert said.startswith(text("cli.texts_broken", problems="").splitlines()[0]), said
    assert f"{broken_texts}:3: cannot read" in said
