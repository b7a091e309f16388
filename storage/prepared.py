"""The few statements every update runs, executed on the database driver's own connection.

For a small statement, SQLAlchemy's execution path (the ORM's compile state and result loading, result
metadata, events, the driver adapter's hand-offs) costs several times the database round trip itself,
and every update runs a handful of them (the issue 4 benchmark: a scoring answer cost 7–16 ms of CPU,
mostly there). A `Prepared` statement is an ordinary SQLAlchemy Core statement compiled once per
dialect; it runs on the driver connection (asyncpg, aiosqlite) of the session's transaction, with
SQLAlchemy's own type conversions for parameters and results, so it reads and writes exactly what the
ORM would. It never begins a transaction itself: when the session's transaction has not yet started
on the driver (asyncpg's adapter begins lazily, at its first statement), the statement goes through
SQLAlchemy instead, which begins it.

No statement, parameter or row is ever logged here (ballot secrecy, DESIGN.md principle 8).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, bindparam, update
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.sql import ColumnElement, Delete, Insert, Select, Update
from sqlalchemy.sql.compiler import SQLCompiler

from storage.db import LostConnection

Processor = Callable[[Any], Any] | None
_AFFECTED = re.compile(r"(?:UPDATE|DELETE|INSERT \d+|SELECT) (\d+)")

_HELD = "thidua.prepared.connection"  # where a session keeps its transaction's connections for the next statement
# How many statements ran on the driver, for the benchmark's count (SQLAlchemy's events do not see them).
executed = 0


async def _connection(session: AsyncSession) -> tuple[AsyncConnection, Any]:
    """The session's connection and its driver connection, asked of SQLAlchemy once per transaction (each
    ask is a hand-off between the event loop and SQLAlchemy's greenlet, which cost as much as a statement)."""
    transaction = session.sync_session.get_transaction()
    known = session.info.get(_HELD)
    if known is not None and transaction is not None and known[0]() is transaction and transaction.is_active:
        return known[1], known[2]
    connection = await session.connection()
    driver = (await connection.get_raw_connection()).driver_connection
    begun = session.sync_session.get_transaction()
    if begun is not None:  # weakly: the transaction refers to the session, whose info this is
        session.info[_HELD] = (weakref.ref(begun), connection, driver)
    return connection, driver


@dataclass(frozen=True)
class _Compiled:
    sql: str
    names: tuple[str, ...]  # the bound parameters in positional order
    required: frozenset[str]  # those the statement gives no value of its own
    defaults: Mapping[str, Any]  # values written into the statement itself
    binds: tuple[Processor, ...]
    results: Sequence[Processor] | None  # built at the first run, when the driver has named the column types


class Prepared:
    """One Core statement (select, insert, update), its parameters given by name at each run."""

    def __init__(self, statement: Select[Any] | Insert | Update | Delete) -> None:
        self.statement = statement
        self._compiled: dict[str, _Compiled] = {}
        columns: Sequence[ColumnElement[Any]] = getattr(statement, "exported_columns", ())
        self._columns = list(columns)

    async def all(self, session: AsyncSession, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        return (await self._run(session, params, rows=True))[0]

    async def first(self, session: AsyncSession, params: Mapping[str, Any]) -> tuple[Any, ...] | None:
        found = await self.all(session, params)
        return found[0] if found else None

    async def execute(self, session: AsyncSession, params: Mapping[str, Any]) -> int:
        """Run a data-changing statement; how many rows it changed."""
        return (await self._run(session, params, rows=False))[1]

    async def _run(self, session: AsyncSession, params: Mapping[str, Any], rows: bool
                   ) -> tuple[list[tuple[Any, ...]], int]:
        global executed
        connection, driver = await _connection(session)
        dialect = connection.dialect
        if dialect.name == "postgresql":
            started = bool(driver.is_in_transaction())
        else:
            started = bool(driver.in_transaction)
        if not started:  # let SQLAlchemy begin the transaction, the way it does for its own statements
            result = await connection.execute(self.statement, dict(params))
            return ([tuple(r) for r in result.all()] if rows else []), result.rowcount
        compiled = self._compile(dialect)
        missing = compiled.required - params.keys()
        if missing:  # as SQLAlchemy does: a misspelt name must not bind NULL
            raise KeyError(f"parameters missing: {', '.join(sorted(missing))}")
        args = [compiled.defaults[name] if name not in params else params[name] for name in compiled.names]
        args = [p(a) if p is not None else a for p, a in zip(compiled.binds, args, strict=True)]
        executed += 1
        try:
            return await self._on_driver(driver, dialect, compiled, args, rows)
        except Exception as error:
            if dialect.name == "postgresql" and driver.is_closed():
                await connection.invalidate()  # the pool must not hand it out again
                raise LostConnection("connection lost under a prepared statement") from error
            raise

    async def _on_driver(self, driver: Any, dialect: Dialect, compiled: _Compiled, args: list[Any], rows: bool
                         ) -> tuple[list[tuple[Any, ...]], int]:
        if dialect.name == "postgresql":
            if compiled.results is None:
                compiled = await self._describe_pg(driver, compiled, dialect)
            if rows:
                found = await driver.fetch(compiled.sql, *args)
                return self._convert(compiled, found), len(found)
            status = await driver.execute(compiled.sql, *args)
            match = _AFFECTED.match(status or "")
            return [], int(match.group(1)) if match else -1
        before = driver.total_changes
        found = list(await driver.execute_fetchall(compiled.sql, args))
        if compiled.results is None:
            compiled = self._describe(dialect, compiled, [None] * len(self._columns))
        return self._convert(compiled, found), driver.total_changes - before

    def _compile(self, dialect: Dialect) -> _Compiled:
        known = self._compiled.get(dialect.name)
        if known is not None:
            return known
        compiled = self.statement.compile(dialect=dialect)
        assert isinstance(compiled, SQLCompiler)
        if any(bind.expanding for bind in compiled.binds.values()):
            raise ValueError("IN (…) lists vary in length: not a statement to prepare")
        names = tuple(compiled.positiontup or ())
        binds = tuple(compiled.binds[n].type.dialect_impl(dialect).bind_processor(dialect) for n in names)
        defaults = {n: compiled.binds[n].effective_value for n in names}
        required = frozenset(n for n in names if compiled.binds[n].required)
        made = _Compiled(compiled.string, names, required, defaults, binds, None)
        self._compiled[dialect.name] = made
        return made

    async def _describe_pg(self, driver: Any, compiled: _Compiled, dialect: Dialect) -> _Compiled:
        """asyncpg names each result column's type (an OID), which some of SQLAlchemy's conversions need."""
        statement = await driver.prepare(compiled.sql)
        return self._describe(dialect, compiled, [a.type.oid for a in statement.get_attributes()])

    def _describe(self, dialect: Dialect, compiled: _Compiled, types: list[Any]) -> _Compiled:
        results = [c.type.dialect_impl(dialect).result_processor(dialect, t)
                   for c, t in zip(self._columns, types, strict=True)]
        made = _Compiled(compiled.sql, compiled.names, compiled.required, compiled.defaults, compiled.binds,
                         results)
        self._compiled[dialect.name] = made
        return made

    @staticmethod
    def _convert(compiled: _Compiled, found: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
        procs = compiled.results or []
        if not any(procs):
            return [tuple(row) for row in found]
        return [tuple(p(v) if p is not None else v for p, v in zip(procs, row, strict=True)) for row in found]


class Updates:
    """UPDATE <table> SET <the columns given> WHERE <key>: a write of just what changed, one prepared
    statement per set of columns (there are few)."""

    def __init__(self, table: Table, key: ColumnElement[bool]) -> None:
        self.table, self.key = table, key
        self._made: dict[frozenset[str], Prepared] = {}

    def of(self, columns: frozenset[str]) -> Prepared:
        statement = self._made.get(columns)
        if statement is None:
            statement = Prepared(update(self.table).where(self.key).values({c: bindparam(c) for c in sorted(columns)}))
            self._made[columns] = statement
        return statement
