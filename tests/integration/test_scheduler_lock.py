"""Several workers: only one runs the scheduler (a PostgreSQL advisory lock, per database and schema), a
lost lock is noticed, and all of them agree on the webhook secret without configuration."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bot.app import App
from bot.runner import webhook_secret
from bot.settings import Settings
from handlers.core.clock import FrozenClock
from storage import db
from tests.conftest import PG_URL, drop_schema, make_engine


async def _same_schema(app: App, settings: Settings, clock: FrozenClock) -> App:
    async with app.engine.connect() as conn:
        schema = await conn.scalar(text("SELECT current_schema()"))
    engine = db.create_engine(PG_URL, connect_args={"server_settings": {"search_path": str(schema)}})
    return await App.create(settings, clock=clock, engine=engine, run_migrations=False)


async def test_one_scheduler_among_workers(app: App, db_kind: str, settings: Settings, clock: FrozenClock) -> None:
    assert await app.hold_scheduler_lock()
    assert await app.presence.confirm_lead()
    if db_kind == "sqlite":
        return  # one process per SQLite file: nothing to share
    other = await _same_schema(app, settings, clock)
    try:
        assert not await other.hold_scheduler_lock()  # the first worker holds it
        assert not await other.presence.confirm_lead()
        await app.close()  # the first worker stops: its session ends, the lock is free
        assert await other.hold_scheduler_lock()
        assert await other.presence.confirm_lead()
    finally:
        await other.close()
    assert webhook_secret(other) == webhook_secret(app) and len(webhook_secret(app)) == 48


async def test_a_deployment_in_another_schema_has_its_own_leader(
        app: App, db_kind: str, settings: Settings, clock: FrozenClock) -> None:
    if db_kind == "sqlite":
        pytest.skip("schemas: PostgreSQL")
    assert await app.hold_scheduler_lock()
    engine, schema = await make_engine("postgres")
    elsewhere = await App.create(settings, clock=clock, engine=engine)
    try:
        assert await elsewhere.hold_scheduler_lock()
    finally:
        await elsewhere.close()
        await drop_schema(schema)


async def test_a_leader_whose_lock_connection_is_cut_knows_it(
        app: App, db_kind: str, settings: Settings, clock: FrozenClock) -> None:
    if db_kind == "sqlite":
        pytest.skip("a server that ends a session: PostgreSQL")
    assert await app.hold_scheduler_lock()
    admin = db.create_engine(PG_URL, pool_size=1, max_overflow=0)
    async with admin.begin() as conn:  # what a cut network or a server restart does to the lock's session
        pids = (await conn.execute(text(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = :ns AND objid = 0"),
            {"ns": app.presence.namespace})).scalars().all()
        assert len(pids) == 1
        await conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pids[0]})
    await admin.dispose()
    assert not await app.presence.confirm_lead()
    other = await _same_schema(app, settings, clock)
    try:
        assert await other.hold_scheduler_lock()  # free for another worker at once
        assert not await app.hold_scheduler_lock()  # and the first one, back on a new connection, stands by
    finally:
        await other.close()
