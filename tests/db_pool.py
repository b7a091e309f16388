"""Migrated databases for the `app` fixture, made once per test process and reused (issue 11: the suite's time).

Running Alembic for every test cost each PostgreSQL test a new schema of some hundred relation files
(tables, indexes, TOAST), which the server then has to fsync at every checkpoint, and a DROP SCHEMA that
unlinks them again; on SQLite it cost the whole migration chain per test. Now:

- SQLite: the chain runs once per process into a template file; each test gets a copy of it.
- PostgreSQL: a schema that a test is done with is emptied (every row deleted, every sequence set back to 1)
  and handed to the next test. A schema whose tables are not exactly the code's (a test that changed the
  schema) or that cannot be emptied at once is dropped instead, never reused.

Every test still starts from a database that Alembic made and that holds no row, and `App.create` still runs
`migrate.upgrade` on it (a no-op at head). Tests that need an empty, unmigrated database keep `make_engine`.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import tempfile
import uuid
import zlib
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import SQLModel

import storage.models  # noqa: F401  (every table in SQLModel.metadata)
from storage import db, migrate

_template: Path | None = None
_free_schemas: list[str] = []
_all_schemas: set[str] = set()
_DELETE_ORDER = [table.name for table in reversed(SQLModel.metadata.sorted_tables)]  # children first


async def _sqlite_template() -> Path:
    global _template
    if _template is None:
        path = Path(tempfile.mkdtemp(prefix="thidua-template-")) / "migrated.db"
        engine = db.create_engine(f"sqlite+aiosqlite:///{path}")
        await migrate.upgrade(engine)
        await engine.dispose()  # the WAL is checkpointed into the file on the last close
        _template = path
    return _template


def pg_engine(url: str, schema: str) -> AsyncEngine:
    """The test's engine on its schema. A commit does not wait for the WAL to reach the disk
    (synchronous_commit=off): what another session sees, and when, is unchanged; only a crash of the
    server itself could lose the last commits, and no test crashes the test server."""
    settings = {"search_path": schema, "synchronous_commit": "off"}
    return db.create_engine(url, connect_args={"server_settings": settings})


async def migrated_sqlite(tmp: Path) -> AsyncEngine:
    path = tmp / f"{uuid.uuid4().hex}.db"
    shutil.copyfile(await _sqlite_template(), path)
    return db.create_engine(f"sqlite+aiosqlite:///{path}")


async def migrated_postgres(url: str) -> tuple[AsyncEngine, str]:
    """An empty schema at Alembic's head: one a test handed back, or a new one."""
    if _free_schemas:
        schema = _free_schemas.pop()
        return pg_engine(url, schema), schema
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = db.create_engine(url, pool_size=1, max_overflow=0)
    async with admin.begin() as conn:
        await conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    await admin.dispose()
    _all_schemas.add(schema)
    engine = pg_engine(url, schema)
    await migrate.upgrade(engine)
    return engine, schema


def _emptying(schema: str) -> str:
    deletes = "".join(f'DELETE FROM "{schema}"."{table}";\n' for table in _DELETE_ORDER)
    return (f"SET LOCAL lock_timeout = '2s';\nSET LOCAL synchronous_commit = off;\n{deletes}"
            "SELECT setval(format('%I.%I', schemaname, sequencename)::regclass, 1, false) "
            f"FROM pg_sequences WHERE schemaname = '{schema}';")


async def give_back(url: str, schema: str) -> None:
    """Empty the schema for the next test (its engine is disposed), or drop it if it is not as Alembic left it."""
    admin = db.create_engine(url, pool_size=1, max_overflow=0)
    try:
        async with admin.begin() as conn:
            tables = set((await conn.execute(text(
                "SELECT tablename FROM pg_tables WHERE schemaname = :s"), {"s": schema})).scalars())
            if tables != {*_DELETE_ORDER, "alembic_version"}:
                raise LookupError(f"schema {schema} is not the code's: {sorted(tables)}")
            database = await conn.scalar(text("SELECT current_database()"))
            namespace = zlib.crc32(f"thidua:{database}:{schema}".encode()) & 0x7FFF_FFFF  # storage/locks.py's
            if await conn.scalar(text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                                      "AND classid = :ns"), {"ns": namespace}):
                raise LookupError(f"a session left open still holds a worker's lock in {schema}")
            raw = (await conn.get_raw_connection()).driver_connection
            assert raw is not None
            await raw.execute(_emptying(schema))  # one round trip: a script of plain statements, no parameters
        _free_schemas.append(schema)
    except Exception:  # anything odd: this schema is not reused (dropped now, or at the end of the process)
        with contextlib.suppress(Exception):
            async with admin.begin() as conn:
                await conn.execute(text("SET LOCAL lock_timeout = '5s'"))
                await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            _all_schemas.discard(schema)
    finally:
        await admin.dispose()


def drop_all(url: str) -> None:
    """At the end of the process: the pooled schemas go, and so does the SQLite template."""
    if _template is not None:
        shutil.rmtree(_template.parent, ignore_errors=True)
    if not _all_schemas:
        return

    async def go() -> None:
        admin = db.create_engine(url, pool_size=1, max_overflow=0)
        try:
            async with admin.begin() as conn:
                for schema in sorted(_all_schemas):
                    await conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        finally:
            await admin.dispose()

    asyncio.run(go())
    _all_schemas.clear()
    _free_schemas.clear()
