"""Which workers are alive, and which one leads: PostgreSQL session advisory locks on one connection.

Each worker holds, on a connection of its own for its whole life, a lock named by its worker number
(presence) and, while it leads the scheduler, the leader lock. A lock lives exactly as long as the
session that holds it: when a worker dies, or its connection is cut, the server drops both at once.
So the set of live workers is read from `pg_locks`, and the outbox rows leased by a dead worker can be
taken back at once instead of waiting for their lease to run out.

Locks are namespaced by database and schema (two deployments, or two test schemas, in one database
never see each other). On SQLite there is one process per database: it is alive and it leads.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import zlib

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

log = logging.getLogger(__name__)
LEADER = 0  # the leader lock's second key; workers are numbered from 1
CONFIRM_TIMEOUT = 1.0  # seconds: a lock that cannot be confirmed in this time counts as lost

_HELD = text("""
    SELECT count(*) FROM pg_locks
    WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND granted
      AND classid = :ns AND objid = :key AND objsubid = 2""")
LIVE_WORKERS = """
    SELECT objid::bigint FROM pg_locks
    WHERE locktype = 'advisory' AND granted AND objsubid = 2 AND classid = {ns} AND objid <> 0
      AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"""


def new_worker_number() -> int:
    return 1 + secrets.randbelow(2**31 - 2)


class Presence:
    """This worker's connection: its presence lock, and the leader lock when it wins it."""

    def __init__(self, engine: AsyncEngine, worker: int | None = None) -> None:
        self.engine = engine
        self.worker = worker or new_worker_number()
        self.postgres = engine.dialect.name == "postgresql"
        self.namespace = 0
        self._conn: AsyncConnection | None = None
        self._leading = False
        self._lock = asyncio.Lock()  # one statement at a time on the connection

    async def start(self) -> None:
        """Take the presence lock (PostgreSQL); raises when the database is unreachable."""
        if not self.postgres:
            return
        async with self._lock:
            if self._conn is None:
                await self._connect()

    async def _connect(self) -> None:
        conn = await self.engine.connect()
        try:
            db, schema = (await conn.execute(text("SELECT current_database(), current_schema()"))).one()
            self.namespace = zlib.crc32(f"thidua:{db}:{schema}".encode()) & 0x7FFF_FFFF
            await conn.execute(text("SELECT pg_advisory_lock(:ns, :key)"), {"ns": self.namespace, "key": self.worker})
            await conn.commit()  # the lock belongs to the session, not to a transaction
        except BaseException:
            await conn.close()
            raise
        self._conn = conn

    async def try_lead(self) -> bool:
        """Win the leader lock if nobody holds it."""
        if not self.postgres:
            self._leading = True
            return True
        async with self._lock:
            try:
                if self._conn is None:
                    await self._connect()
                assert self._conn is not None
                won = await self._conn.scalar(text("SELECT pg_try_advisory_lock(:ns, :key)"),
                                              {"ns": self.namespace, "key": LEADER})
                await self._conn.commit()
            except Exception as error:
                log.warning("could not ask for the scheduler lock: %s", type(error).__name__)
                await self._drop()
                return False
            self._leading = bool(won)
            return self._leading

    async def confirm_lead(self) -> bool:
        """Whether this worker still holds the leader lock, asked of the server on the lock's connection."""
        if not self.postgres:
            return self._leading
        if not self._leading:
            return False
        async with self._lock:
            try:
                assert self._conn is not None
                held = await asyncio.wait_for(
                    self._conn.scalar(_HELD, {"ns": self.namespace, "key": LEADER}), CONFIRM_TIMEOUT)
                await self._conn.commit()
            except Exception as error:  # the connection is gone, or the server does not answer in time
                log.warning("the scheduler lock's connection failed: %s", type(error).__name__)
                await self._drop()
                held = 0
            if not held:
                self._leading = False
            return bool(held)

    async def release_lead(self) -> None:
        if not self._leading:
            return
        self._leading = False
        if not self.postgres or self._conn is None:
            return
        async with self._lock:
            try:
                await self._conn.execute(text("SELECT pg_advisory_unlock(:ns, :key)"),
                                         {"ns": self.namespace, "key": LEADER})
                await self._conn.commit()
            except Exception:
                await self._drop()

    async def _drop(self) -> None:
        """Close a broken connection: the server releases whatever it still held."""
        self._leading = False
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                await conn.close()
            except Exception:  # a broken connection fails its close too; nothing is left to release
                log.debug("closing the lock connection failed")

    async def close(self) -> None:
        """Release every lock of this worker (the session ends)."""
        async with self._lock:
            await self._drop()

    @property
    def connected(self) -> bool:
        return not self.postgres or self._conn is not None

    async def ensure(self) -> None:
        """After a cut connection: come back under the same worker number (its leases are still its own)."""
        if self.postgres and self._conn is None:
            async with self._lock:
                if self._conn is None:
                    await self._connect()
