"""`thidua run` as a real process, the way an operator runs it, for the fault suite."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import sys
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from storage import db
from tests.conftest import PG_URL

ROOT = Path(__file__).resolve().parents[2]
THIDUA = [sys.executable, "-c", "import sys; from bot.cli import main; sys.exit(main(sys.argv[1:]))"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.asynccontextmanager
async def fresh_postgres_database() -> AsyncIterator[str]:
    """A new, empty PostgreSQL database (not a schema: a process takes its address as a plain URL)."""
    name = f"thidua_fault_{uuid.uuid4().hex[:10]}"
    admin = db.create_engine(PG_URL, pool_size=1, max_overflow=0, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield name
    finally:
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


def postgres_url(database: str, port: int = 5432) -> str:
    return f"postgresql://postgres@127.0.0.1:{port}/{database}"


@dataclass
class WorkerProcess:
    """One `thidua run`; its log (stderr) is kept in `log_path` and read for events."""

    env: dict[str, str]
    log_path: Path
    name: str = "worker"
    process: asyncio.subprocess.Process | None = None
    started_at: float = 0.0
    stdout: list[str] = field(default_factory=list)

    async def start(self, ready_timeout: float = 60) -> None:
        env = {**{k: v for k, v in os.environ.items() if not k.startswith("THIDUA_")}, **self.env}
        self.started_at = time.monotonic()
        self.log = self.log_path.open("ab")
        self.process = await asyncio.create_subprocess_exec(
            *THIDUA, "run", cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE, stderr=self.log)
        assert self.process.stdout is not None
        line = await asyncio.wait_for(self.process.stdout.readline(), ready_timeout)
        if not line:
            raise AssertionError(f"{self.name} exited before it was ready:\n{self.log_text()}")
        self.stdout.append(line.decode())
        asyncio.get_running_loop().create_task(self._drain())

    async def _drain(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        while line := await self.process.stdout.readline():
            self.stdout.append(line.decode())

    def send(self, sig: signal.Signals) -> None:
        assert self.process is not None
        self.process.send_signal(sig)

    async def wait(self, timeout: float = 40) -> int:  # noqa: ASYNC109
        assert self.process is not None
        code = await asyncio.wait_for(self.process.wait(), timeout)
        self.log.close()
        return code

    async def stop(self, sig: signal.Signals = signal.SIGTERM, timeout: float = 40) -> int:  # noqa: ASYNC109
        if self.process is None or self.process.returncode is not None:
            return self.process.returncode if self.process and self.process.returncode is not None else 0
        self.send(sig)
        return await self.wait(timeout)

    def kill(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.kill()

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    async def wait_log(self, needle: str, timeout: float = 30) -> None:  # noqa: ASYNC109
        deadline = time.monotonic() + timeout
        while needle not in self.log_text():
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.name}: no {needle!r} in its log within {timeout} s:\n{self.log_text()}")
            await asyncio.sleep(0.05)


def worker_env(tmp: Path, database_url: str | None, telegram_api: str, token: str, **extra: str) -> dict[str, str]:
    env = {
        "THIDUA_DATA_DIR": str(tmp / "data"),
        "THIDUA_SECRET_KEY": "fault-suite-secret",
        "THIDUA_TELEGRAM_TOKEN": token,
        "THIDUA_TELEGRAM_API_URL": telegram_api,
        "THIDUA_WEB_PORT": str(free_port()),
        "THIDUA_OUTBOX_INTERVAL_SECONDS": "0.5",
        "THIDUA_LOG_LEVEL": "INFO",
        "PYTHONUNBUFFERED": "1",
    }
    if database_url is not None:
        env["THIDUA_DATABASE_URL"] = database_url
    env.update(extra)
    return env
