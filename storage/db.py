"""Engine and sessions: SQLite (WAL) in ./data by default, PostgreSQL through a URL."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession


def normalize_url(url: str | None, data_dir: Path) -> str:
    """`postgresql://…` gets the asyncpg driver; no URL means SQLite in the data folder."""
    if not url:
        data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite+aiosqlite:///{(data_dir / 'thidua.db').resolve()}"
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+asyncpg")
    elif parsed.drivername == "sqlite":
        parsed = parsed.set(drivername="sqlite+aiosqlite")
    return parsed.render_as_string(hide_password=False)


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    if url.startswith("sqlite"):
        engine = create_async_engine(url, connect_args={"timeout": 30}, **kwargs)
        _tune_sqlite(engine)
        return engine
    # No overflow: a connection opened beyond pool_size is closed again when returned, so every burst of
    # updates paid for new connections (each with asyncpg's own setup queries) that one event loop could
    # not use in parallel anyway; with 20 kept, a burst queues for one instead. A long queue must not
    # drop an update (SQLAlchemy gives up after 30 s by default), hence the generous wait.
    kwargs.setdefault("pool_size", 20)
    kwargs.setdefault("max_overflow", 0)
    kwargs.setdefault("pool_timeout", 300)
    # No ping before each checkout: it cost a round trip per update. A connection that died (a server
    # restart) fails its first statement instead; SQLAlchemy then drops every connection of the pool made
    # before that moment, and the dispatcher runs the update again on a new one (`is_lost_connection`).
    return create_async_engine(url, **kwargs)


class LostConnection(Exception):
    """The database connection broke under a statement run on the driver (`storage/prepared.py`)."""


def is_lost_connection(error: BaseException) -> bool:
    """The database connection broke under the transaction (nothing of it was committed, or it is unknown):
    worth one more try on a fresh connection."""
    return isinstance(error, LostConnection) or (isinstance(error, DBAPIError) and error.connection_invalidated)


def _tune_sqlite(engine: AsyncEngine) -> None:
    """WAL, foreign keys, and BEGIN IMMEDIATE so two writers queue instead of failing to upgrade a lock."""

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # let SQLAlchemy's begin event issue BEGIN itself
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("isolation_level") != "AUTOCOMMIT":
            conn.exec_driver_sql("BEGIN IMMEDIATE")


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)


def is_postgres(engine: AsyncEngine) -> bool:
    return engine.dialect.name == "postgresql"


T = TypeVar("T")


class Writers:
    """On SQLite every transaction is a writer (BEGIN IMMEDIATE), so only one runs at a time anyway: this
    process's transactions queue on an asyncio lock instead of in SQLite's busy handler, which polls with
    sleeps of up to 100 ms and so leaves the database idle between two transactions of a burst. On
    PostgreSQL transactions run side by side."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._lock: asyncio.Lock | None = asyncio.Lock() if engine.dialect.name == "sqlite" else None

    async def run(self, work: Callable[[], Awaitable[T]]) -> T:
        if self._lock is None:
            return await work()
        async with self._lock:
            return await work()
