"""Several workers: only one runs the scheduler (a PostgreSQL advisory lock), and all of them agree
on the webhook secret without configuration."""

from __future__ import annotations

from bot.app import App
from bot.runner import webhook_secret
from tests.conftest import drop_schema, make_engine


async def test_one_scheduler_among_workers(app: App, db_kind: str, settings, clock) -> None:  # type: ignore[no-untyped-def]
    assert await app.hold_scheduler_lock()
    if db_kind == "sqlite":
        return  # one process per SQLite file: nothing to share
    engine, schema = await make_engine("postgres")
    other = await App.create(settings, clock=clock, engine=engine, run_migrations=False)
    try:
        assert not await other.hold_scheduler_lock()  # the first worker holds it
        await app.close()  # the first worker stops: its session ends, the lock is free
        assert await other.hold_scheduler_lock()
    finally:
        await other.close()
        await drop_schema(schema)
    assert webhook_secret(other) == webhook_secret(app) and len(webhook_secret(app)) == 48
