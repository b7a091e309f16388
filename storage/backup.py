"""Consistent copies of the database and their restoration: SQLite through its online backup API (a
running bot may keep writing), PostgreSQL through `pg_dump` / `pg_restore` of the schema the
application uses (its `search_path`, `public` unless set otherwise).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy import Connection, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage import migrate

VERSION_TABLE = "alembic_version"
Engine = AsyncEngine  # for the runtime, which names no SQLAlchemy type itself


class BackupError(Exception):
    """What went wrong, in the words of the tool or the database; `missing` names a program to install."""

    def __init__(self, detail: str, missing: str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.missing = missing


FAILURES: tuple[type[Exception], ...] = (BackupError, SQLAlchemyError, OSError)  # what a backup or restore may meet


def is_sqlite(engine: AsyncEngine) -> bool:
    return engine.dialect.name == "sqlite"


def sqlite_file(engine: AsyncEngine) -> Path:
    return Path(engine.url.database or "")


def _sqlite_copy(source: Path, target: Path) -> None:
    with contextlib.closing(sqlite3.connect(source)) as src, contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)  # all pages in one step: a snapshot consistent even while the bot writes


async def sqlite_copy(source: Path, target: Path) -> None:
    await asyncio.to_thread(_sqlite_copy, source, target)


async def schema(engine: AsyncEngine) -> str:
    """The PostgreSQL schema the application's tables live in: the first of its search_path."""
    async with engine.connect() as conn:
        path = str(await conn.scalar(text("select current_setting('search_path')")))
    for entry in (part.strip().strip('"') for part in path.split(",")):
        if entry and entry != "$user":
            return entry
    return "public"


async def row_counts(engine: AsyncEngine) -> dict[str, int]:
    """Rows of every table of the application's schema (alembic's own table included)."""

    def tables(conn: Connection) -> list[str]:
        if conn.dialect.name == "sqlite":
            query = "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'"
            return sorted(str(n) for n in conn.execute(text(query)).scalars())
        query = ("select table_name from information_schema.tables where table_type = 'BASE TABLE' "
                 "and table_schema = :schema")
        return sorted(str(n) for n in conn.execute(text(query), {"schema": wanted}).scalars())

    wanted = "" if is_sqlite(engine) else await schema(engine)
    counts: dict[str, int] = {}
    async with engine.connect() as conn:
        quote = conn.dialect.identifier_preparer.quote
        for table in await conn.run_sync(tables):
            counts[table] = int(await conn.scalar(text(f"select count(*) from {quote(table)}")) or 0)
        await conn.rollback()
    return counts


def holding_rows(counts: dict[str, int]) -> dict[str, int]:
    """The tables with data: a database whose only rows say which migration it is at counts as empty."""
    return {table: n for table, n in counts.items() if n and table != VERSION_TABLE}


async def clear_empty_schema(engine: AsyncEngine) -> None:
    """Remove the (empty) tables of a migrated database, so a dump can create them as they were."""
    await migrate.downgrade(engine, "base")
    async with engine.begin() as conn:
        await conn.execute(text(f"drop table if exists {VERSION_TABLE}"))


def _libpq(url: URL) -> tuple[list[str], dict[str, str]]:
    """Connection arguments for pg_dump / pg_restore; the password goes in the environment, never argv."""
    args = ["--host", url.host or "localhost", "--port", str(url.port or 5432), "--dbname", url.database or ""]
    if url.username:
        args += ["--username", url.username]
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    ssl = url.query.get("sslmode") or url.query.get("ssl")
    if isinstance(ssl, str):
        env["PGSSLMODE"] = {"true": "require", "false": "disable"}.get(ssl, ssl)
    return args, env


async def _run(program: str, *args: str, env: dict[str, str]) -> str:
    path = shutil.which(program)
    if path is None:
        raise BackupError(f"{program} not found", missing=program)
    process = await asyncio.create_subprocess_exec(path, *args, env=env, stdout=asyncio.subprocess.PIPE,
                                                   stderr=asyncio.subprocess.PIPE)
    out, err = await process.communicate()
    if process.returncode != 0:
        lines = [line for line in err.decode(errors="replace").splitlines() if line.strip()]
        raise BackupError(lines[-1] if lines else f"{program} exited with {process.returncode}")
    return out.decode(errors="replace")


async def pg_dump(engine: AsyncEngine, target: Path) -> str:
    """Dump the application's schema to `target` (custom format); returns the schema's name."""
    name = await schema(engine)
    args, env = _libpq(engine.url)
    await _run("pg_dump", *args, "--format=custom", f"--schema={name}", "--no-owner", "--no-privileges",
               f"--file={target}", env=env)
    return name


async def schema_exists(engine: AsyncEngine, name: str) -> bool:
    async with engine.connect() as conn:
        found = await conn.scalar(text("select 1 from pg_namespace where nspname = :name"), {"name": name})
    return found is not None


async def pg_restore(engine: AsyncEngine, dump: Path, name: str) -> None:
    """Restore the dump in one transaction; a schema that exists already (`public` always does) is kept."""
    args, env = _libpq(engine.url)
    listing = await _run("pg_restore", "--list", str(dump), env=env)
    if await schema_exists(engine, name):
        skip = (f"SCHEMA - {name} ", f"COMMENT - SCHEMA {name} ")
        listing = "\n".join(line for line in listing.splitlines() if not any(s in line for s in skip))
    with tempfile.TemporaryDirectory() as folder:  # the backup itself may sit on a read-only medium
        items = Path(folder) / "items.list"
        items.write_text(listing, encoding="utf-8")
        await _run("pg_restore", *args, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                   f"--use-list={items}", str(dump), env=env)
