"""Start-up that explains: against the fake Bot APIs over real HTTP, each way `thidua run` cannot start
ends in one line on stderr with what to fix and its exit code; a platform that fails for a moment is
retried with backoff."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path
from typing import Any

import pytest

from bot.app import App
from bot.runner import run_platforms
from bot.settings import Settings
from bot.startup import CONFIG_ERROR, TEMPORARY, explained
from handlers.core.catalog import text
from handlers.core.clock import FrozenClock
from tests.conftest import make_engine
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.fakes.zalo_api import FakeZaloAPI
from tests.ops_helpers import free_port, thidua

CUT = "\x00"  # a value the test cannot know (the system's or the platform's reason)


def around(key: str, **values: Any) -> tuple[str, str]:
    """A catalog text before and after the value given as CUT."""
    before, after = text(key, **values).split(CUT)
    return before, after


CANNOT_START = around("startup.bad_token", platform=CUT, reason="", variable="")[0]  # every start-up line's opening
SAMPLE_LOADED = around("cli.demo_loaded", path=CUT)[0]
NO_BLOCK = text("cli.no_block")


async def start(tmp_path: Path, clock: FrozenClock, api: FakeTelegramAPI | None, **extra: Any) -> App:
    values: dict[str, Any] = {"data_dir": tmp_path / "data", "secret_key": "startup-secret", "web_port": free_port(),
                              "startup_retry_seconds": 5.0}
    if api is not None:
        values |= {"telegram_token": api.token, "telegram_api_url": api.base_url}
    settings = Settings(**(values | extra), _env_file=None)  # type: ignore[call-arg]
    engine, _ = await make_engine("sqlite")
    return await App.create(settings, clock=clock, engine=engine)


async def settle() -> None:
    """Let a scheduler job the run started end before the database closes: the runner stops the scheduler
    without waiting for it, and a job cancelled when the test's loop closes can hang on its connection."""
    jobs = {t for t in asyncio.all_tasks() if getattr(t.get_coro(), "__qualname__", "") == "run_coroutine_job"}
    if jobs:
        await asyncio.wait(jobs, timeout=10)


async def fails(app: App, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        code = await asyncio.wait_for(explained(run_platforms(app)), 30)
    finally:
        await settle()
        await app.close()
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1, err  # one line, no traceback
    return code, err.strip()


async def test_a_taken_port(tmp_path: Path, clock: FrozenClock, telegram: FakeTelegramAPI,
                            capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = int(busy.getsockname()[1])
        code, line = await fails(await start(tmp_path, clock, telegram, web_port=port), capsys)
    assert code == CONFIG_ERROR
    before, after = around("startup.port_taken", host="127.0.0.1", port=port, reason=CUT)
    assert line.startswith(before) and line.endswith(after)


@pytest.mark.parametrize("token", ["123456:wrong-token", "not a token at all"])
async def test_a_refused_or_malformed_token(token: str, tmp_path: Path, clock: FrozenClock,
                                            telegram: FakeTelegramAPI, capsys: pytest.CaptureFixture[str]) -> None:
    code, line = await fails(await start(tmp_path, clock, telegram, telegram_token=token), capsys)
    assert code == CONFIG_ERROR
    before, after = around("startup.bad_token", platform="Telegram", reason=CUT, variable="THIDUA_TELEGRAM_TOKEN")
    assert line.startswith(before) and line.endswith(after) and token not in line


async def test_a_refused_telegram_webhook_gives_telegrams_reason(tmp_path: Path, clock: FrozenClock,
                                                                 telegram: FakeTelegramAPI,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    reason = "Bad Request: bad webhook: An HTTPS URL must be provided for webhook"
    telegram.fail_next("setWebhook", 1, status=400, description=reason)
    app = await start(tmp_path, clock, telegram, webhook_base_url="http://bot.example.gov.vn")
    code, line = await fails(app, capsys)
    assert code == CONFIG_ERROR
    assert line == text("startup.refused", platform="Telegram", what="setWebhook http://bot.example.gov.vn/telegram/webhook",
                        reason=reason)


async def test_a_refused_zalo_webhook(tmp_path: Path, clock: FrozenClock, capsys: pytest.CaptureFixture[str]) -> None:
    async with FakeZaloAPI() as zalo:
        zalo.fail_next("setWebhook", 1, status=400)
        app = await start(tmp_path, clock, None, zalo_token=zalo.token, zalo_api_url=zalo.base_url,
                          webhook_base_url="https://bot.example.gov.vn")
        code, line = await fails(app, capsys)
    assert code == CONFIG_ERROR
    assert line.startswith(around("startup.refused", platform="Zalo",
                                  what="setWebhook https://bot.example.gov.vn/zalo/webhook", reason=CUT)[0])


async def test_an_unreachable_platform_is_retried_then_named(tmp_path: Path, clock: FrozenClock,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    closed = free_port()
    app = await start(tmp_path, clock, None, telegram_token="123456:some-token",
                      telegram_api_url=f"http://127.0.0.1:{closed}", startup_retry_seconds=2.5)
    loop = asyncio.get_running_loop()
    began = loop.time()
    code, line = await fails(app, capsys)
    assert loop.time() - began >= 1.0  # tried again (after 1 s, then 2 s would pass the budget)
    assert code == TEMPORARY
    before, after = around("startup.unreachable", platform="Telegram", api=f"http://127.0.0.1:{closed}", reason=CUT)
    assert line.startswith(before) and line.endswith(after)


async def test_a_platform_failing_for_a_moment_is_retried_with_backoff(tmp_path: Path, clock: FrozenClock,
                                                                       telegram: FakeTelegramAPI,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    telegram.fail_next("getMe", 2, status=502)
    app = await start(tmp_path, clock, telegram)
    run = asyncio.create_task(explained(run_platforms(app)))
    try:
        await telegram.wait_for(lambda: any(method == "getUpdates" for method, _ in telegram.calls), timeout=15)
        assert [m for m, _ in telegram.calls][:3] == ["getMe", "getMe", "getMe"]  # 2 failures, then it starts
        assert not run.done()
    finally:
        run.cancel()
        await asyncio.gather(run, return_exceptions=True)
        await settle()
        await app.close()
    assert CANNOT_START not in capsys.readouterr().err


def test_with_a_token_the_sample_is_never_imported(tmp_path: Path) -> None:
    env = {"THIDUA_TELEGRAM_TOKEN": "123456:some-token", "THIDUA_TELEGRAM_API_URL": f"http://127.0.0.1:{free_port()}",
           "THIDUA_STARTUP_RETRY_SECONDS": "0", "THIDUA_LOG_LEVEL": "ERROR"}
    done = thidua(["run"], tmp_path, extra_env=env)
    assert done.returncode == TEMPORARY
    before, after = around("startup.unreachable", platform="Telegram", api=env["THIDUA_TELEGRAM_API_URL"], reason=CUT)
    assert done.stderr.startswith(before) and done.stderr.rstrip("\n").endswith(after)
    assert SAMPLE_LOADED not in done.stdout
    assert not (tmp_path / "data" / "sandbox.db").exists()
    listed = thidua(["invites"], tmp_path)
    assert listed.returncode == 2 and NO_BLOCK in listed.stderr


def test_the_sandbox_keeps_to_its_own_database(tmp_path: Path) -> None:
    done = thidua(["run"], tmp_path, stdin="/thoat\n")
    assert done.returncode == 0, done.stderr
    assert text("cli.demo_loaded", path=tmp_path / "data" / "sandbox.db") in done.stdout
    assert (tmp_path / "data" / "sandbox.db").exists()
    listed = thidua(["invites"], tmp_path)  # the real database has no block: the sample stayed in the sandbox
    assert listed.returncode == 2 and NO_BLOCK in listed.stderr
    chat = thidua(["chat"], tmp_path, stdin="/thoat\n")
    assert chat.returncode == 0 and SAMPLE_LOADED not in chat.stdout  # the sandbox's database already has it
