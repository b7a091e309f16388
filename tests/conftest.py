"""Shared fixtures: the app on SQLite and on PostgreSQL, a moved clock, the sandbox, the sample block."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import App
from bot.channels.sandbox import Sandbox, SandboxChannel
from bot.settings import Settings
from handlers.core.clock import FrozenClock
from handlers.term.block_file.read import load_block_file
from handlers.term.block_import import import_block
from storage import db
from tests import db_pool

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_BLOCK = ROOT / "samples" / "block-vhxh.yaml"
PG_URL = os.environ.get("THIDUA_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
REQUIRE_PG = os.environ.get("THIDUA_REQUIRE_POSTGRES") == "1"
START = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)  # Monday 09:00 in Hà Nội

# Timing is never a pass/fail condition: hypothesis's 200 ms per example failed random property tests on a
# loaded machine, while the same examples pass alone.
hypothesis_settings.register_profile("thidua", deadline=None)
hypothesis_settings.load_profile("thidua")


async def _pg_reachable() -> str | None:
    engine = db.create_engine(PG_URL, pool_size=1, max_overflow=0)
    try:
        async with engine.connect() as conn:
            await conn.execute(text("select 1"))
        return None
    except Exception as error:  # the reason is shown in the skip message
        return f"{type(error).__name__}: {error}"
    finally:
        await engine.dispose()


_pg_seen: list[bool] = []  # reached once in this process: not asked again before every test


async def _require_pg() -> None:
    if _pg_seen:
        return
    reason = await _pg_reachable()
    if reason is not None:
        if REQUIRE_PG:
            pytest.fail(f"PostgreSQL required (THIDUA_REQUIRE_POSTGRES=1) but unreachable at {PG_URL}: {reason}")
        pytest.skip(f"PostgreSQL unreachable at {PG_URL}: {reason}")
    _pg_seen.append(True)


async def make_engine(kind: str) -> tuple[AsyncEngine, str | None]:
    """A fresh empty database: a temporary SQLite file, or a new PostgreSQL schema."""
    if kind == "sqlite":
        path = Path(os.environ["THIDUA_TEST_TMP"]) / f"{uuid.uuid4().hex}.db"
        return db.create_engine(f"sqlite+aiosqlite:///{path}"), None
    await _require_pg()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = db.create_engine(PG_URL, pool_size=1, max_overflow=0)
    async with admin.begin() as conn:
        await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    await admin.dispose()
    engine = db.create_engine(PG_URL, connect_args={"server_settings": {"search_path": schema}})
    return engine, schema


async def drop_schema(schema: str | None) -> None:
    if schema is None:
        return
    admin = db.create_engine(PG_URL, pool_size=1, max_overflow=0)
    async with admin.begin() as conn:
        await conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    await admin.dispose()


@pytest.fixture(autouse=True)
def _tmp_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_TEST_TMP", str(tmp_path))
    for key in list(os.environ):
        if key.startswith("THIDUA_") and key not in ("THIDUA_TEST_TMP", "THIDUA_TEST_POSTGRES_URL",
                                                     "THIDUA_REQUIRE_POSTGRES"):
            monkeypatch.delenv(key)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(START)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", secret_key="test-secret-key", _env_file=None)  # type: ignore[call-arg]


@pytest.fixture(params=["sqlite", "postgres"])
def db_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


async def migrated_engine(kind: str) -> tuple[AsyncEngine, str | None]:
    """A database at Alembic's head holding no row, from this process's pool (tests/db_pool.py)."""
    if kind == "sqlite":
        return await db_pool.migrated_sqlite(Path(os.environ["THIDUA_TEST_TMP"])), None
    await _require_pg()
    engine, schema = await db_pool.migrated_postgres(PG_URL)
    return engine, schema


@pytest.fixture
async def app(request: pytest.FixtureRequest, db_kind: str, settings: Settings,
              clock: FrozenClock) -> AsyncIterator[App]:
    engine, schema = await migrated_engine(db_kind)
    application = await App.create(settings, clock=clock, engine=engine)
    if request.node.get_closest_marker("paced_replies") is None:
        # Replies keep each chat's 1 message/s in real seconds: a transcript of 20 replies to one chat would
        # wait 20 s for nothing it checks. The tests marked `paced_replies` check that pacing; the outbox's
        # delivery stays paced everywhere, as before.
        assert application.dispatcher.pacers is not None
        application.dispatcher.pacers.platforms = frozenset()
    try:
        yield application
    finally:
        await application.close()
        if schema is not None:
            await db_pool.give_back(PG_URL, schema)


# The tests that run for many seconds each (real processes, long transcripts), longest first (issue 11).
# `make test` runs `-n 3 --dist worksteal`: worker k is first handed the k-th of three contiguous parts of
# the list and, once done, takes half of what another still has queued. So each part starts with a third
# of the long tests: every worker begins with them, and none is left running one alone at the end.
LONG = ("tests/faults/", "tests/integration/test_deploy.py", "tests/integration/test_startup.py",
        "tests/integration/test_logs.py", "tests/e2e/voting/test_meeting_screen.py", "tests/e2e/test_web_sandbox.py",
        "tests/e2e/voting/test_conference.py", "tests/e2e/test_sandbox_terminal.py",
        "tests/e2e/term/test_year_sandbox.py", "tests/e2e/test_reply_pacing_telegram.py",
        "tests/e2e/groups/test_group_turnout_handover.py")


def _rank(item: pytest.Item) -> int:
    return next((n for n, prefix in enumerate(LONG) if item.nodeid.startswith(prefix)), len(LONG))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    workers = max(1, int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")))
    ordered = sorted(items, key=_rank)  # stable: the rest keeps its order
    long = [item for item in ordered if _rank(item) < len(LONG)]
    rest = ordered[len(long):]
    placed: list[pytest.Item] = []
    for k in range(workers):  # the parts as xdist's worksteal cuts them: what is left, shared by who is left
        size = (len(items) - len(placed)) // (workers - k)
        mine = long[k::workers]
        taken = len(placed) - sum(len(long[j::workers]) for j in range(k))
        placed += mine + rest[taken:taken + max(0, size - len(mine))]
    taken = len(placed) - len(long)
    items[:] = placed + rest[taken:]


def pytest_sessionfinish(session: pytest.Session) -> None:
    db_pool.drop_all(PG_URL)


@pytest.fixture
async def block_id(app: App) -> int:
    async with app.uow() as uow:
        result = await import_block(uow, load_block_file(SAMPLE_BLOCK), app.config.secret, app.clock.now())
        await uow.commit()
    return result.block_id


def sandbox_for(app: App, style: str = "telegram") -> Sandbox:
    channel = SandboxChannel(style=style)
    app.add_channel(channel)
    return Sandbox(app.dispatcher.handle, channel)


@pytest.fixture
def sandbox(app: App) -> Sandbox:
    return sandbox_for(app, "telegram")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    _summary_reliability(terminalreporter)
    _summary_skips(terminalreporter)


def _summary_skips(terminalreporter: pytest.TerminalReporter) -> None:
    """Say loudly what was skipped and why: a PostgreSQL or Chromium that is not there skips half the suite,
    which a passing run must not hide (.ci/run turns those skips into failures)."""
    skipped = terminalreporter.stats.get("skipped", [])
    if not skipped:
        return
    reasons: dict[str, int] = {}
    for report in skipped:
        longrepr = report.longrepr
        reason = str(longrepr[2]) if isinstance(longrepr, tuple) else str(longrepr)
        reason = reason.removeprefix("Skipped: ")
        reasons[reason] = reasons.get(reason, 0) + 1
    write = terminalreporter.write_line
    write("")
    write("!" * 100, red=True, bold=True)
    write(f"!!! {len(skipped)} TEST(S) SKIPPED: they did not run. Why:", red=True, bold=True)
    for reason, count in sorted(reasons.items(), key=lambda item: -item[1]):
        write(f"!!!   {count:4d} × {reason}", red=True, bold=True)
    write("!!! THIDUA_REQUIRE_POSTGRES=1 / THIDUA_REQUIRE_BROWSER=1 (as .ci/run sets) turn missing ones into failures.",
          red=True, bold=True)
    write("!" * 100, red=True, bold=True)


def _summary_reliability(terminalreporter: pytest.TerminalReporter) -> None:
    """The fault suite's counts (tests/faults), one line per scenario: what the README's Reliability table says."""
    import json

    rows = []
    for kind in ("passed", "failed"):
        for report in terminalreporter.stats.get(kind, []):
            for name, value in getattr(report, "user_properties", ()):
                if name == "reliability" and report.when == "call":
                    rows.append((kind, json.loads(str(value))))
    if not rows:
        return
    write = terminalreporter.write_line
    write("")
    write("Reliability (tests/faults): what was lost and what was sent twice", bold=True)
    for kind, counts in sorted(rows, key=lambda row: (str(row[1].get("fault")), str(row[1].get("database")))):
        detail = ", ".join(f"{k}={v}" for k, v in counts.items() if k not in ("fault", "database"))
        write(f"  {'✓' if kind == 'passed' else '✗'} {counts.get('fault')} [{counts.get('database')}]: {detail}")
