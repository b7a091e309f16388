"""The Alembic migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, inspect
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import SQLModel

import storage.models  # noqa: F401  (registers every table on SQLModel.metadata)
from storage import migrate
from tests.conftest import drop_schema, make_engine


@pytest.fixture
async def engine(db_kind: str) -> AsyncIterator[AsyncEngine]:
    engine, schema = await make_engine(db_kind)
    try:
        yield engine
    finally:
        await engine.dispose()
        await drop_schema(schema)


def _diff(conn: Connection) -> list[Any]:
    context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": False})
    return list(compare_metadata(context, SQLModel.metadata))


def _tables(conn: Connection) -> set[str]:
    return set(inspect(conn).get_table_names())


async def test_migrated_database_matches_the_models(engine: AsyncEngine) -> None:
    await migrate.upgrade(engine)
    async with engine.connect() as conn:
        diff = await conn.run_sync(_diff)
        tables = await conn.run_sync(_tables)
    assert diff == []
    assert set(SQLModel.metadata.tables) <= tables
    assert "alembic_version" in tables


async def test_the_comparison_would_notice_a_missing_table(engine: AsyncEngine) -> None:
    await migrate.upgrade(engine)
    async with engine.begin() as conn:
        await conn.exec_driver_sql("DROP TABLE audit_log")
    async with engine.connect() as conn:
        diff = await conn.run_sync(_diff)
    added = [d[1].name for d in diff if d[0] == "add_table"]
    assert added == ["audit_log"]


async def test_downgrade_to_base_then_upgrade_again(engine: AsyncEngine) -> None:
    await migrate.upgrade(engine)
    await migrate.downgrade(engine, "base")
    async with engine.connect() as conn:
        left = await conn.run_sync(_tables)
    assert left <= {"alembic_version"}
    await migrate.upgrade(engine)
    await migrate.upgrade(engine)  # already at head: nothing to do, no error
    async with engine.connect() as conn:
        diff = await conn.run_sync(_diff)
        tables = await conn.run_sync(_tables)
    assert diff == []
    assert set(SQLModel.metadata.tables) <= tables
