"""INSERT … ON CONFLICT DO NOTHING for both dialects, used where a race must not raise."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert
from sqlmodel import SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession


@cache
def _statement(dialect: str, table: Table) -> Insert:
    """Built once per table: the values come as parameters, so each call skips building the
    statement and its cache key (the dispatcher runs one per update)."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(table).on_conflict_do_nothing()


async def insert_ignore(session: AsyncSession, model: type[SQLModel], values: dict[str, Any]) -> bool:
    """True when the row was inserted, False when it already existed."""
    table = model.__table__  # type: ignore[attr-defined]
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    connection = await session.connection()  # a Core statement: rowcount, and no ORM warning
    result = await connection.execute(_statement(dialect, table), values)
    return bool(result.rowcount)
