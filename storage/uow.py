"""Unit of work: one transaction, with the repositories that act inside it."""

from __future__ import annotations

import logging
from types import TracebackType

from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.audit import Audit
from storage.deadlines import Deadlines
from storage.dialogs import Dialogs
from storage.directory import Directory
from storage.groups import Groups
from storage.inbox import Inbox
from storage.outbox import Outbox
from storage.polls import Polls
from storage.scoring import Scoring
from storage.scoring_reports import ScoringReports
from storage.votes import Votes

log = logging.getLogger(__name__)


class UnitOfWork:
    directory: Directory
    dialogs: Dialogs
    inbox: Inbox
    outbox: Outbox
    audit: Audit
    deadlines: Deadlines
    scoring: Scoring
    scoring_reports: ScoringReports
    polls: Polls
    votes: Votes
    groups: Groups

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self._sessions = sessions
        self._session: AsyncSession | None = None

    async def __aenter__(self) -> UnitOfWork:
        self._session = self._sessions()
        self.directory = Directory(self._session)
        self.dialogs = Dialogs(self._session)
        self.inbox = Inbox(self._session)
        self.outbox = Outbox(self._session)
        self.audit = Audit(self._session)
        self.deadlines = Deadlines(self._session)
        self.scoring = Scoring(self._session)
        self.scoring_reports = ScoringReports(self._session)
        self.polls = Polls(self._session)
        self.votes = Votes(self._session)
        self.groups = Groups(self._session)
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self._session is not None
        # close() rolls back whatever was not committed and detaches rows with their loaded values,
        # so what a caller read stays readable after the unit of work.
        try:
            await self._session.close()
        except Exception:
            if exc is None:
                raise
            # a broken connection fails its rollback too: the error that broke the work is the one to see
            log.warning("closing the session after %s failed as well", type(exc).__name__)
        finally:
            self._session = None

    @property
    def session(self) -> AsyncSession:
        assert self._session is not None, "use the unit of work inside `async with`"
        return self._session

    async def commit(self) -> None:
        await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()

    async def flush(self) -> None:
        await self.session.flush()
