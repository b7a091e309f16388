"""INSERT … ON CONFLICT DO NOTHING for both dialects, used where a race must not raise."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import SQLModel
from sqlmodel.ext.asyncio.session import AsyncSession


async def insert_ignore(session: AsyncSession, model: type[SQLModel], values: dict[str, Any]) -> bool:
    """True when the row was inserted, False when it already existed."""
    table = model.__table__  # type: ignore[attr-defined]
    dialect = session.bind.dialect.name if session.bind is not None else "sqlite"
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(table).values(**values).on_conflict_do_nothing()
    connection = await session.connection()  # a Core statement: rowcount, and no ORM warning
    result = await connection.execute(stmt)
    return bool(result.rowcount)
