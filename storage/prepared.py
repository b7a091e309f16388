"""The few statements every update runs: Core statements built once, run through SQLAlchemy's public API.

Each is an ordinary SQLAlchemy Core statement made at import. SQLAlchemy compiles it once per dialect
and keeps it in the engine's compiled cache (the statement's cache key is the same at every run), so a
run costs the cache lookup, the parameters' and results' type conversions and the round trip. Rows come
back as plain tuples: no ORM compile state, no object loading, no identity map, no flush. The session's
connection is asked for once per transaction (each ask is a hand-off to SQLAlchemy's greenlet).
A dropped connection surfaces as SQLAlchemy's own `DBAPIError` with `connection_invalidated`, which
the dispatcher already treats as a lost connection.

No statement, parameter or row is ever logged here (ballot secrecy, DESIGN.md principle 8).
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Table, bindparam, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.sql import ColumnElement, Delete, Insert, Select, Update

_HELD = "thidua.prepared.connection"  # where a session keeps its transaction's connection for the next statement


async def _connection(session: AsyncSession) -> AsyncConnection:
    """The session's connection in its current transaction, asked of SQLAlchemy once per transaction."""
    transaction = session.sync_session.get_transaction()
    known = session.info.get(_HELD)
    if known is not None and transaction is not None and known[0]() is transaction and transaction.is_active:
        held: AsyncConnection = known[1]
        return held
    connection = await session.connection()
    begun = session.sync_session.get_transaction()
    if begun is not None:  # weakly: the transaction refers to the session, whose info this is
        session.info[_HELD] = (weakref.ref(begun), connection)
    return connection


class Prepared:
    """One Core statement (select, insert, update, delete), its parameters given by name at each run. A
    required parameter left out is refused by SQLAlchemy (`StatementError`), never bound as NULL."""

    def __init__(self, statement: Select[Any] | Insert | Update | Delete) -> None:
        self.statement = statement

    async def all(self, session: AsyncSession, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        result = await (await _connection(session)).execute(self.statement, dict(params))
        return [tuple(row) for row in result.all()]

    async def first(self, session: AsyncSession, params: Mapping[str, Any]) -> tuple[Any, ...] | None:
        found = await self.all(session, params)
        return found[0] if found else None

    async def execute(self, session: AsyncSession, params: Mapping[str, Any]) -> int:
        """Run a data-changing statement; how many rows it changed (the result's `rowcount`)."""
        result = await (await _connection(session)).execute(self.statement, dict(params))
        return int(result.rowcount)


class Updates:
    """UPDATE <table> SET <the columns given> WHERE <key>: a write of just what changed, one statement per
    set of columns (there are few)."""

    def __init__(self, table: Table, key: ColumnElement[bool]) -> None:
        self.table, self.key = table, key
        self._made: dict[frozenset[str], Prepared] = {}

    def of(self, columns: frozenset[str]) -> Prepared:
        statement = self._made.get(columns)
        if statement is None:
            statement = Prepared(update(self.table).where(self.key).values({c: bindparam(c) for c in sorted(columns)}))
            self._made[columns] = statement
        return statement
