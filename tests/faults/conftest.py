"""The fault suite: real `thidua run` processes against the fake Bot API, stopped, killed and cut off
from their database; each test records what was lost and what was sent twice (`report`), and the run
prints those counts at its end (tests/conftest.py), as the README's Reliability table shows them."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from tests.conftest import REQUIRE_PG, _pg_reachable
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.faults.processes import fresh_postgres_database, postgres_url

Report = Callable[..., None]


@pytest.fixture
def report(record_property: Callable[[str, object], None]) -> Report:
    def write(**counts: object) -> None:
        record_property("reliability", json.dumps(counts, ensure_ascii=False))
    return write


@pytest.fixture
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str | None]:
    """`None` for SQLite (the worker's own file in its data folder), else a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield None
        return
    reason = await _pg_reachable()
    if reason is not None:
        if REQUIRE_PG:
            pytest.fail(f"PostgreSQL required but unreachable: {reason}")
        pytest.skip(f"PostgreSQL unreachable: {reason}")
    async with fresh_postgres_database() as name:
        yield postgres_url(name)


@pytest.fixture
async def telegram() -> AsyncIterator[FakeTelegramAPI]:
    api = FakeTelegramAPI(flood_limit=30, per_chat_limit=1.0)
    await api.start()
    try:
        yield api
    finally:
        await api.stop()
