"""Every statement a bot's engine sends to its database, as the driver sees it, counted and (on demand)
recorded for the floor (bench/floor.py).

It sits below any framework, so it needs nothing from the code it watches: on PostgreSQL an
asyncpg `connection_class` (asyncpg's public hook; SQLAlchemy passes it through `connect_args`) sees
each statement, BEGIN and COMMIT included, as it is sent, with its parameters; on SQLite aiosqlite's
`set_trace_callback` (installed when SQLAlchemy opens a connection, before the engine's own set-up, so the
connection's PRAGMAs are seen too) sees each statement with its parameters written in.

A record is (connection number, SQL, parameters); on SQLite the parameters are () as they are in the SQL.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from functools import partial
from typing import Any

import asyncpg  # type: ignore[import-untyped]
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

Record = tuple[int, str, tuple[Any, ...]]


class StatementLog:
    def __init__(self) -> None:
        self.count = 0  # statements sent since start (the connections' set-up excluded)
        self.recording: list[Record] | None = None
        self.setup: dict[int, list[str]] = {}  # per connection, what it ran before its first transaction
        self._setting_up: set[int] = set()
        self._numbers = itertools.count(1)

    def new_connection(self) -> int:
        number = next(self._numbers)
        self.setup[number] = []
        self._setting_up.add(number)
        return number

    def note(self, connection: int, sql: str, args: Sequence[Any] = ()) -> None:
        if connection in self._setting_up:
            if not sql.lstrip().upper().startswith("BEGIN"):
                self.setup[connection].append(sql)
                return
            self._setting_up.discard(connection)  # its first transaction: from here on, the bot's own work
        self.count += 1
        if self.recording is not None:
            self.recording.append((connection, sql, tuple(args)))


LOG = StatementLog()


class _TracedStatement:
    """asyncpg's PreparedStatement, noting each execution (SQLAlchemy prepares once, runs many times)."""

    def __init__(self, statement: Any, connection: int) -> None:
        self._statement, self._connection = statement, connection

    def __getattr__(self, name: str) -> Any:
        return getattr(self._statement, name)

    async def fetch(self, *args: Any, **kwargs: Any) -> Any:
        LOG.note(self._connection, self._statement.get_query(), args)
        return await self._statement.fetch(*args, **kwargs)

    async def fetchrow(self, *args: Any, **kwargs: Any) -> Any:
        LOG.note(self._connection, self._statement.get_query(), args)
        return await self._statement.fetchrow(*args, **kwargs)

    async def cursor(self, *args: Any, **kwargs: Any) -> Any:
        LOG.note(self._connection, self._statement.get_query(), args)
        return await self._statement.cursor(*args, **kwargs)

    async def executemany(self, args: Any, **kwargs: Any) -> Any:
        for one in args:
            LOG.note(self._connection, self._statement.get_query(), one)
        return await self._statement.executemany(args, **kwargs)


class TracedConnection(asyncpg.Connection):  # type: ignore[misc]
    """An asyncpg connection that notes every statement it is asked to send."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._bench_number = LOG.new_connection()

    async def execute(self, query: str, *args: Any, **kwargs: Any) -> Any:
        LOG.note(self._bench_number, query, args)
        return await super().execute(query, *args, **kwargs)

    async def fetch(self, query: str, *args: Any, **kwargs: Any) -> Any:
        LOG.note(self._bench_number, query, args)
        return await super().fetch(query, *args, **kwargs)

    async def fetchrow(self, query: str, *args: Any, **kwargs: Any) -> Any:
        LOG.note(self._bench_number, query, args)
        return await super().fetchrow(query, *args, **kwargs)

    async def fetchval(self, query: str, *args: Any, **kwargs: Any) -> Any:
        LOG.note(self._bench_number, query, args)
        return await super().fetchval(query, *args, **kwargs)

    async def executemany(self, command: str, args: Any, **kwargs: Any) -> Any:
        for one in args:
            LOG.note(self._bench_number, command, one)
        return await super().executemany(command, args, **kwargs)

    async def prepare(self, query: str, **kwargs: Any) -> Any:
        return _TracedStatement(await super().prepare(query, **kwargs), self._bench_number)


def postgres_connect_args(schema: str, application_name: str) -> dict[str, Any]:
    """For `create_async_engine(..., connect_args=...)`: the schema, a name to find the backends by, the log."""
    return {"server_settings": {"search_path": schema, "application_name": application_name},
            "connection_class": TracedConnection}


def watch_sqlite(engine: AsyncEngine) -> None:
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        number = LOG.new_connection()
        dbapi_connection.run_async(lambda driver: driver.set_trace_callback(partial(LOG.note, number)))

    event.listen(engine.sync_engine, "connect", on_connect, insert=True)
