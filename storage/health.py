"""What `/readyz`, `/metrics` and `thidua doctor` ask the database: is it there, is its schema the
code's, and how far behind is the outbox. Each answer comes within a short timeout, so a probe never
hangs on a database that does not answer."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, func, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlmodel import col, select

from storage.migrate import alembic_config
from storage.models_messages import InboxUpdate, OutboxMessage

DEFAULT_TIMEOUT = 3.0  # seconds: a load balancer's probe is usually given 5


@dataclass(frozen=True)
class Migrations:
    database: str | None  # the revision the database is at (None: never migrated)
    code: str  # the head revision this code brings

    @property
    def current(self) -> bool:
        return self.database == self.code


@dataclass(frozen=True)
class OutboxState:
    backlog: int  # neither sent nor given up
    oldest_seconds: float  # age of the oldest of them; 0 when there is none


@dataclass(frozen=True)
class DatabaseHealth:
    error: str | None  # why the database could not be asked; None when it answered
    migrations: Migrations | None = None
    outbox: OutboxState | None = None
    inbox_backlog: int | None = None  # updates stored and not yet handled


@cache
def code_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations have a head"
    return head


async def check(engine: AsyncEngine, now: datetime, timeout: float = DEFAULT_TIMEOUT) -> DatabaseHealth:  # noqa: ASYNC109
    """Reachable, migrations, outbox: one connection, at most `timeout` seconds."""
    try:
        async with asyncio.timeout(timeout):
            async with engine.connect() as conn:
                await conn.execute(text("select 1"))
                migrations = await migration_state(conn)
                current = migrations.current
                outbox = await outbox_state(conn, now) if current else None
                inbox = await inbox_backlog(conn) if current else None
                await conn.rollback()
    except TimeoutError:
        return DatabaseHealth(f"no answer within {timeout:g} s")
    except Exception as error:  # any failure to connect or query is the answer itself
        return DatabaseHealth(describe(error))
    return DatabaseHealth(None, migrations, outbox, inbox)


async def migration_state(conn: AsyncConnection) -> Migrations:
    def current(sync: Connection) -> str | None:
        return MigrationContext.configure(sync).get_current_revision()

    return Migrations(await conn.run_sync(current), code_revision())


async def outbox_state(conn: AsyncConnection, now: datetime) -> OutboxState:
    pending = (col(OutboxMessage.sent_at).is_(None), col(OutboxMessage.failed_at).is_(None))
    stmt = select(func.count(), func.min(OutboxMessage.created_at)).where(*pending)
    count, oldest = (await conn.execute(stmt)).one()
    if oldest is None:
        return OutboxState(int(count), 0.0)
    if oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=UTC)
    return OutboxState(int(count), max(0.0, (now - oldest).total_seconds()))


async def inbox_backlog(conn: AsyncConnection) -> int:
    stmt = select(func.count()).select_from(InboxUpdate).where(col(InboxUpdate.processed_at).is_(None))
    return int((await conn.execute(stmt)).scalar_one())


def describe(error: BaseException) -> str:
    """The driver's own words, on one line: SQLAlchemy's wrapper adds the statement and a link."""
    cause = getattr(error, "orig", None) or error
    first = (str(cause).strip().splitlines() or [""])[0]
    return f"{type(cause).__name__}: {first}"[:300] if first else type(cause).__name__
