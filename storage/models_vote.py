"""The year-end vote: polls, their candidates, who has voted, and the ballots, kept apart.

Secrecy (DESIGN.md, principle 8): `PollVoter` says which unit has voted, `Ballot` says what was voted,
and nothing joins them: the ballot has no unit, no timestamp and no sequential id (its key is the hash
of a random receipt code), and on SQLite both tables are WITHOUT ROWID so not even the physical row
order tells the order of arrival. Only a unit's receipt code, which the bot never stores, finds its
ballot.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

POLL_KINDS = ("flag", "certificate", "head", "deputy", "custom")
DRAFT, OPEN, CLOSED = "draft", "open", "closed"


class Poll(SQLModel, table=True):
    """One question put to the block's member units; prepared, opened, closed, counted."""

    id: int | None = Field(default=None, primary_key=True)
    term_id: int = Field(foreign_key="term.id", index=True)
    kind: str = Field(max_length=12)  # flag | certificate | head | deputy | custom
    question: str = Field(max_length=500)
    seats: int = 1  # N: how many are elected at most
    max_choices: int = 1  # how many a ballot may choose (default: seats)
    allow_self: bool = True  # may a unit vote for itself
    blank_valid: bool = True  # a blank ballot (no name chosen) is a valid ballot (else: an invalid one)
    threshold_pct: int = 50  # elected when votes > this % of all member units
    quorum_num: int = 2  # the poll is valid when ballots >= quorum_num/quorum_den of member units
    quorum_den: int = 3
    time_limit_min: int | None = None  # closes by itself this many minutes after opening
    place: str = Field(default="", max_length=200)  # where the meeting is held, for the minutes
    status: str = Field(default=DRAFT, max_length=8)  # draft | open | closed
    runoff_of: int | None = Field(default=None, foreign_key="poll.id")
    member_count: int | None = None  # member units when opened: the base of every percentage
    created_at: datetime
    created_by: int | None = Field(default=None, foreign_key="contact.id")
    opened_at: datetime | None = None
    closes_at: datetime | None = None
    closed_at: datetime | None = None
    result: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))  # the count
    turnout_posted: int = Field(default=0, sa_column_kwargs={"server_default": "0"})  # last count told the group
    turnout_posted_at: datetime | None = None  # when (None: not since the opening post)


class PollCandidate(SQLModel, table=True):
    __tablename__ = "poll_candidate"
    __table_args__ = (UniqueConstraint("poll_id", "unit_id", name="uq_candidate_poll_unit"),)
    id: int | None = Field(default=None, primary_key=True)
    poll_id: int = Field(foreign_key="poll.id", index=True)
    unit_id: int = Field(foreign_key="unit.id")
    position: int  # the order on the ballot (1-based, as typed on Zalo)


class PollVoter(SQLModel, table=True):
    """That a unit has voted in a poll: its primary key is what makes one ballot per unit."""

    __tablename__ = "poll_voter"
    __table_args__ = {"sqlite_with_rowid": False}
    poll_id: int = Field(foreign_key="poll.id", primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", primary_key=True)


class Ballot(SQLModel, table=True):
    """What was voted, and nothing about who: `choices` are candidate unit ids, [] for a blank ballot."""

    __table_args__ = {"sqlite_with_rowid": False}
    receipt_hash: str = Field(primary_key=True, max_length=64)  # sha256 hex of the receipt code
    poll_id: int = Field(foreign_key="poll.id", index=True)
    choices: list[int] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))

