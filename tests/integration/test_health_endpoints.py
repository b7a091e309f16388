"""/healthz, /readyz and /metrics over real HTTP, on SQLite and PostgreSQL, ready and not."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from bot.app import App
from bot.settings import Settings
from bot.web import build_web_app, start_web
from handlers.core.clock import FrozenClock
from storage import db
from storage.health import code_revision
from storage.models_messages import InboxUpdate
from tests.conftest import drop_schema, make_engine


@asynccontextmanager
async def served(app: App) -> AsyncIterator[str]:
    runner = await start_web(build_web_app(app), "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    finally:
        await runner.cleanup()


async def get(url: str) -> tuple[int, Any, str]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        body = await response.text()
        is_json = response.content_type == "application/json"
        return response.status, (await response.json() if is_json else None), body


async def test_ready_with_the_outbox_backlog_channels_and_leadership(app: App, clock: FrozenClock) -> None:
    async with served(app) as base:
        status, body, _ = await get(f"{base}/healthz")
        assert status == 200 and body["status"] == "ok"
        status, body, _ = await get(f"{base}/readyz")
        assert status == 200, body
        assert body["ready"] is True and body["reasons"] == []
        assert body["database"] == {"reachable": True}
        assert body["migrations"] == {"current": True, "database": code_revision(), "code": code_revision()}
        assert body["outbox"] == {"backlog": 0, "oldest_seconds": 0.0}
        assert body["inbox"] == {"backlog": 0}
        assert body["leader"] is False and body["channels"] == {}

        async with app.uow() as uow:
            uow.outbox.add("telegram", "42", "một", clock.now() - timedelta(seconds=90))
            uow.outbox.add("telegram", "43", "hai", clock.now() - timedelta(seconds=30))
            sent = uow.outbox.add("telegram", "44", "đã gửi", clock.now() - timedelta(hours=5))
            uow.outbox.mark_sent(sent, clock.now())
            uow.session.add(InboxUpdate(channel="zalo", update_id="u-1", chat_id="42", payload={"text": "…"},
                                        received_at=clock.now()))
            uow.session.add(InboxUpdate(channel="zalo", update_id="u-0", chat_id="42", received_at=clock.now(),
                                        processed_at=clock.now()))
            await uow.commit()
        app.leader, app.channels_started = True, {"telegram": True}
        status, body, _ = await get(f"{base}/readyz")
        assert status == 200
        assert body["outbox"] == {"backlog": 2, "oldest_seconds": 90.0}
        assert body["inbox"] == {"backlog": 1}
        assert body["leader"] is True and body["channels"] == {"telegram": True}

        status, _, text = await get(f"{base}/metrics")
        assert status == 200
        families = list(text_string_to_metric_families(text))
        values = {s.name: s.value for family in families for s in family.samples}
        assert values["thidua_outbox_backlog"] == 2
        assert values["thidua_outbox_oldest_seconds"] == 90
        assert values["thidua_scheduler_leader"] == 1
        assert values["thidua_inbox_backlog"] == 1
        assert {"thidua_updates", "thidua_update_seconds", "thidua_sends", "thidua_reminders_planned",
                "thidua_inbox_backlog"} <= {family.name for family in families}

        app.channels_started["zalo"] = False  # the runner has not got Zalo going (yet)
        status, body, _ = await get(f"{base}/readyz")
        assert status == 503 and body["ready"] is False
        assert body["reasons"] == ["channel zalo not started"]


def _unreachable(kind: str, tmp_path: Path) -> str:
    if kind == "sqlite":  # a file that is no database (a damaged disk, a wrong path)
        (tmp_path / "not-a-database.db").write_bytes(b"\x00garbage" * 1000)
        return f"sqlite+aiosqlite:///{tmp_path / 'not-a-database.db'}"
    return "postgresql+asyncpg://postgres:hunter2-password@127.0.0.1:1/test"  # nothing listens on port 1


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
async def test_not_ready_when_the_database_is_unreachable(kind: str, tmp_path: Path, clock: FrozenClock) -> None:
    url = _unreachable(kind, tmp_path)
    settings = Settings(data_dir=tmp_path / "data", secret_key="k" * 16, database_url=url, _env_file=None)  # type: ignore[call-arg]
    app = await App.create(settings, clock=clock, run_migrations=False, engine=db.create_engine(url))
    try:
        async with served(app) as base:
            status, body, _ = await get(f"{base}/healthz")
            assert status == 200  # alive: restarting it would not bring the database back
            status, body, text = await get(f"{base}/readyz")
            assert status == 503
            assert body["ready"] is False and body["database"] == {"reachable": False}
            [reason] = body["reasons"]
            assert reason.startswith("database unreachable: "), reason
            assert "hunter2" not in text
            status, _, _ = await get(f"{base}/metrics")
            assert status == 200  # the counters are still worth scraping
    finally:
        await app.close()


async def test_not_ready_before_the_migrations(db_kind: str, settings: Settings, clock: FrozenClock) -> None:
    engine, schema = await make_engine(db_kind)
    app = await App.create(settings, clock=clock, run_migrations=False, engine=engine)
    try:
        async with served(app) as base:
            status, body, _ = await get(f"{base}/readyz")
            assert status == 503
            assert body["migrations"] == {"current": False, "database": None, "code": code_revision()}
            assert body["reasons"] == [f"migrations not current: database at none, code at {code_revision()} "
                                       "(run `thidua migrate`)"]
    finally:
        await app.close()
        await drop_schema(schema)


async def test_planned_reminders_are_counted(app: App, block_id: int, clock: FrozenClock) -> None:
    from scheduler.metrics import REGISTRY

    before = REGISTRY.get_sample_value("thidua_reminders_planned_total") or 0.0
    clock._now = datetime(2026, 11, 25, 1, 10, tzinfo=UTC)  # Wednesday 08:10 in Hà Nội: reminders are due
    result = await app.plan_reminders()
    assert result.reminders > 0
    assert REGISTRY.get_sample_value("thidua_reminders_planned_total") == before + result.reminders
