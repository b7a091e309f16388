"""THIDUA_LOG_FORMAT=json: one JSON object per line, and no configured secret in any line."""

from __future__ import annotations

import asyncio
import json
import logging
import signal
import sys
from pathlib import Path

from bot.logs import JsonFormatter, secrets_of
from bot.settings import Settings
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.ops_helpers import THIDUA, free_port, process_env, thidua

FIELDS = {"time", "level", "logger", "message"}


async def test_a_start_up_logs_json_lines_without_the_token(tmp_path: Path) -> None:
    api = FakeTelegramAPI()
    await api.start()
    api.fail_next("getMe", 1, status=502)  # a retried call: a warning that names the failure
    env = process_env(tmp_path, {"THIDUA_LOG_FORMAT": "json", "THIDUA_LOG_LEVEL": "DEBUG",
                                 "THIDUA_TELEGRAM_TOKEN": api.token, "THIDUA_TELEGRAM_API_URL": api.base_url,
                                 "THIDUA_SECRET_KEY": "a-secret-key-for-the-log-test"})
    process = await asyncio.create_subprocess_exec(*THIDUA, "run", cwd=tmp_path, env=env,
                                                   stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    assert process.stderr is not None
    # read as it comes: DEBUG lines (every migration's statements) overflow a pipe's 64 KiB buffer long before
    # the first getUpdates, and a process blocked on a full pipe never gets there
    reading = asyncio.create_task(process.stderr.read())
    try:
        await api.wait_for(lambda: any(method == "getUpdates" for method, _ in api.calls), timeout=60)
    finally:
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 30)
        err = await asyncio.wait_for(reading, 30)
        await api.stop()
    text = err.decode()
    lines = [json.loads(line) for line in text.splitlines() if line.strip()]
    assert lines and all(FIELDS <= set(entry) for entry in lines), text[:2000]
    loggers = {entry["logger"] for entry in lines}
    assert {"bot.startup", "bot.web"} <= loggers, loggers
    assert any(entry["level"] == "WARNING" and "out of reach" in entry["message"] for entry in lines)
    assert api.token not in text and api.token.split(":")[1] not in text
    assert "a-secret-key-for-the-log-test" not in text


def test_the_formatter_hides_secrets_in_messages_and_tracebacks() -> None:
    settings = Settings(telegram_token="123456:SECRET-telegram", zalo_token="zalo-SECRET-token",
                        database_url="postgresql://thidua:pg-SECRET-pw@db:5432/thidua", _env_file=None)  # type: ignore[call-arg]
    formatter = JsonFormatter(secrets_of(settings))
    try:
        raise RuntimeError("GET https://api.telegram.org/bot123456:SECRET-telegram/getMe failed")
    except RuntimeError:
        record = logging.LogRecord("aiohttp.client", logging.ERROR, __file__, 1, "calling %s with %s", (
            "https://bot-api.zaloplatforms.com/botzalo-SECRET-token/getMe", "pg-SECRET-pw"), None)
        record.exc_info = sys.exc_info()
    entry = json.loads(formatter.format(record))
    assert entry["level"] == "ERROR" and entry["logger"] == "aiohttp.client"
    assert entry["message"] == "calling https://bot-api.zaloplatforms.com/bot<secret>/getMe with <secret>"
    assert "RuntimeError" in entry["exception"] and "/bot<secret>/getMe" in entry["exception"]
    assert "SECRET" not in json.dumps(entry)


def test_a_failed_start_up_says_so_in_json_too(tmp_path: Path) -> None:
    done = thidua(["run"], tmp_path, extra_env={
        "THIDUA_LOG_FORMAT": "json", "THIDUA_TELEGRAM_TOKEN": "123456:some-token",
        "THIDUA_TELEGRAM_API_URL": f"http://127.0.0.1:{free_port()}", "THIDUA_STARTUP_RETRY_SECONDS": "0"})
    assert done.returncode == 75
    entries = [json.loads(line) for line in done.stderr.splitlines()]
    assert entries[-1]["level"] == "CRITICAL" and entries[-1]["logger"] == "bot.startup"
    assert entries[-1]["message"].startswith("Không khởi động được: không kết nối được Telegram")
    assert "some-token" not in done.stderr
