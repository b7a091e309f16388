"""Ballots and who has voted, kept apart (storage/models_vote.py says how).

Casting is ordered so that a concurrent close, a second contact of the same unit and the last voter
cannot deadlock or lose a ballot on PostgreSQL:

1. the unit's `PollVoter` row is inserted first (insert-ignore): a second contact of the same unit
   waits here on the first one's row, holding nothing else, and then learns the unit has voted;
2. only then the poll row is read FOR SHARE (the closer takes it FOR UPDATE), so a close either
   happens before (the ballot is refused and the voter row removed) or waits for the ballot;
3. the ballot goes in; `all_voted` is asked last, under a per-poll advisory lock, so that of the last
   few voters committing at once one always sees every other's voter row.

On SQLite BEGIN IMMEDIATE serialises whole transactions, which gives the same guarantees.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func as sa_func
from sqlalchemy import select as sa_select
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlmodel import col, delete, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import ChatAccount, Contact, Term
from storage.models_vote import OPEN, Ballot, Poll, PollVoter
from storage.upsert import insert_ignore

RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: nothing to misread
RECEIPT_LENGTH = 12  # 60 bits; not 10, so a receipt is never mistaken for an invite code
_ADVISORY_CLASS = 0x766F7465  # "vote": the first key of pg_advisory_xact_lock(int, int)

CAST, ALREADY, CLOSED, MISSING = "cast", "already", "closed", "missing"


def new_receipt_code() -> str:
    return "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(RECEIPT_LENGTH))


def receipt_hash(code: str) -> str:
    """What is stored and published. Unkeyed on purpose: anyone can check the published list."""
    return hashlib.sha256(code.encode("ascii")).hexdigest()


def is_open_at(poll: Poll, now: datetime) -> bool:
    """Open and not past its time limit (the timer may not have closed it yet)."""
    return poll.status == OPEN and (poll.closes_at is None or now < poll.closes_at)


@dataclass(frozen=True)
class Cast:
    """The outcome of casting: `receipt` only when `outcome == CAST` (shown once, never stored)."""

    outcome: str
    poll: Poll | None
    receipt: str | None = None


class Votes:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def cast(self, poll_id: int, unit_id: int, choices: Sequence[int], now: datetime) -> Cast:
        """One ballot for the unit, or why not. Nothing is written unless the outcome is CAST."""
        fresh = select(Poll).where(Poll.id == poll_id).execution_options(populate_existing=True)
        poll = (await self.session.exec(fresh)).first()
        if poll is None:
            return Cast(MISSING, None)
        if not is_open_at(poll, now):
            return Cast(CLOSED, poll)
        if not await insert_ignore(self.session, PollVoter, {"poll_id": poll_id, "unit_id": unit_id}):
            return Cast(ALREADY, poll)
        poll = (await self.session.exec(fresh.with_for_update(read=True))).one()
        if not is_open_at(poll, now):  # closed while we waited: the count did not include us
            await (await self.session.connection()).execute(
                delete(PollVoter).where(col(PollVoter.poll_id) == poll_id, col(PollVoter.unit_id) == unit_id))
            return Cast(CLOSED, poll)
        code = new_receipt_code()
        connection = await self.session.connection()  # Core: the ballot never sits in the ORM identity map
        await connection.execute(Ballot.__table__.insert().values(  # type: ignore[attr-defined]
            receipt_hash=receipt_hash(code), poll_id=poll_id, choices=sorted(set(choices))))
        return Cast(CAST, poll, code)

    async def all_voted(self, poll_id: int, member_count: int) -> bool:
        """Has every member unit voted? Asked after a cast, in its transaction (see the module's notes)."""
        connection = await self.session.connection()
        if self._dialect() == "postgresql":
            await connection.execute(text("SELECT pg_advisory_xact_lock(:cls, :poll)"),
                                     {"cls": _ADVISORY_CLASS, "poll": poll_id})
        stmt = sa_select(sa_func.count()).select_from(PollVoter).where(col(PollVoter.poll_id) == poll_id)
        voted = int((await connection.execute(stmt)).scalar_one())
        return voted >= member_count

    async def has_voted(self, poll_id: int, unit_id: int) -> bool:
        stmt = select(func.count()).select_from(PollVoter).where(PollVoter.poll_id == poll_id,
                                                                  PollVoter.unit_id == unit_id)
        return int((await self.session.exec(stmt)).one()) > 0

    async def poll_of_receipt(self, receipt_hash_hex: str) -> Poll | None:
        """The poll whose count holds a ballot with this receipt hash (never its choices)."""
        stmt = select(Poll).join(Ballot, col(Ballot.poll_id) == col(Poll.id)).where(
            Ballot.receipt_hash == receipt_hash_hex)
        return (await self.session.exec(stmt)).first()

    async def unit_chats(self, unit_id: int, roles: Sequence[str]) -> list[tuple[str, str]]:
        """The chats of a unit's active contacts in these roles: who is told that the unit has voted."""
        stmt = (select(ChatAccount.channel, ChatAccount.chat_id)
                .join(Contact, col(Contact.id) == col(ChatAccount.contact_id))
                .where(Contact.unit_id == unit_id, col(Contact.role).in_(roles), col(Contact.revoked_at).is_(None))
                .order_by(col(ChatAccount.id)))
        return list(dict.fromkeys((channel, chat) for channel, chat in (await self.session.exec(stmt)).all()))

    async def block_of(self, poll: Poll) -> int | None:
        term = await self.session.get(Term, poll.term_id)
        return term.block_id if term is not None else None

    async def open_polls(self, block_id: int) -> list[Poll]:
        """The block's open polls (of any of its terms: a poll belongs to the term it was prepared in)."""
        stmt = (select(Poll).join(Term, col(Term.id) == col(Poll.term_id))
                .where(Term.block_id == block_id, Poll.status == OPEN).order_by(col(Poll.id)))
        return list((await self.session.exec(stmt)).all())

    def _dialect(self) -> str:
        bind = self.session.bind
        return bind.dialect.name if bind is not None else "sqlite"


class _NoSqlValues(logging.Filter):
    """Drops what a database library would log of the values it sends or reads: SQLAlchemy's result rows
    (at DEBUG), and aiosqlite's calls, whose repr holds the statement's parameters."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("sqlalchemy.engine"):
            return record.levelno >= logging.INFO  # SQL text stays; rows (DEBUG) go
        if isinstance(record.args, tuple):
            record.args = tuple(f"{getattr(a.func, '__name__', 'call')}(…)" if isinstance(a, functools.partial)
                                else a for a in record.args)
        return True


def keep_ballots_out_of_logs(engine: AsyncEngine) -> None:
    """Choices never reach a log line, even with every logger at DEBUG (DESIGN.md, principle 8): the engine
    hides statement parameters, and the database libraries' own debug lines lose their values.
    Called by the composition root; doing it twice changes nothing."""
    engine.sync_engine.hide_parameters = True
    for name in ("aiosqlite", "sqlalchemy.engine.Engine"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, _NoSqlValues) for f in logger.filters):
            logger.addFilter(_NoSqlValues())
