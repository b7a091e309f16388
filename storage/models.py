"""Tables. Datetimes are aware UTC (SQLModel's UTCDateTime stores them so on SQLite too)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Column, Index, Numeric, UniqueConstraint
from sqlmodel import Field, SQLModel


class Block(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("name", "province", name="uq_block_name_province"),)
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    province: str = Field(max_length=100)
    created_at: datetime
    reminder_policy: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))


class Term(SQLModel, table=True):
    """One emulation year of a block; the head unit's staff are its secretariat."""

    __table_args__ = (UniqueConstraint("block_id", "year", name="uq_term_block_year"),)
    id: int | None = Field(default=None, primary_key=True)
    block_id: int = Field(foreign_key="block.id", index=True)
    year: int
    head_unit_id: int | None = Field(default=None, foreign_key="unit.id")
    deputy_unit_id: int | None = Field(default=None, foreign_key="unit.id")
    is_current: bool = True


class Unit(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("block_id", "code", name="uq_unit_block_code"),)
    id: int | None = Field(default=None, primary_key=True)
    block_id: int = Field(foreign_key="block.id", index=True)
    code: str = Field(max_length=20)
    name: str = Field(max_length=300)
    active: bool = True


class Contact(SQLModel, table=True):
    """A person registered in a block: a unit's contact, the secretariat or the provincial observer."""

    id: int | None = Field(default=None, primary_key=True)
    block_id: int = Field(foreign_key="block.id", index=True)
    unit_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    role: str = Field(max_length=20)  # unit | secretariat | observer
    full_name: str = Field(max_length=200)
    position: str = Field(max_length=200)
    phone: str = Field(max_length=20)
    registered_at: datetime
    revoked_at: datetime | None = None


class ChatAccount(SQLModel, table=True):
    """How a contact is reached: one row per channel account."""

    __tablename__ = "chat_account"
    __table_args__ = (
        UniqueConstraint("contact_id", "channel", "user_id", name="uq_chat_account"),
        Index("ix_chat_account_user", "channel", "user_id"),
        Index("ix_chat_account_chat", "channel", "chat_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    contact_id: int = Field(foreign_key="contact.id", index=True)
    channel: str = Field(max_length=20)
    user_id: str = Field(max_length=64)
    chat_id: str = Field(max_length=64)
    # Since when the person cannot get the bot's messages here (they blocked it; the platform refused a send
    # for good). Reminders skip the account and the digest names the person; any message from them clears it.
    unreachable_since: datetime | None = None


class InviteCode(SQLModel, table=True):
    """Only a keyed hash is stored; the code itself is derived from the secret key and `generation`."""

    __tablename__ = "invite_code"
    id: int | None = Field(default=None, primary_key=True)
    block_id: int = Field(foreign_key="block.id", index=True)
    unit_id: int | None = Field(default=None, foreign_key="unit.id")
    role: str = Field(max_length=20)
    generation: int = 1
    code_hash: str = Field(max_length=64, unique=True)
    created_at: datetime
    revoked_at: datetime | None = None


class FailedAttempt(SQLModel, table=True):
    """Wrong invite codes, kept so that throttling survives a restart."""

    __tablename__ = "failed_attempt"
    __table_args__ = (Index("ix_failed_attempt_chat", "channel", "chat_id", "at"),)
    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=20)
    chat_id: str = Field(max_length=64)
    at: datetime


class DialogState(SQLModel, table=True):
    __tablename__ = "dialog_state"
    channel: str = Field(primary_key=True, max_length=20)
    chat_id: str = Field(primary_key=True, max_length=64)
    flow: str | None = Field(default=None, max_length=40)
    step: str | None = Field(default=None, max_length=40)
    data: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    choices: list[list[str]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    version: int = 0
    lang: str = Field(default="vi", max_length=5)
    updated_at: datetime


class AuditLog(SQLModel, table=True):
    __tablename__ = "audit_log"
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(index=True)
    block_id: int | None = Field(default=None, foreign_key="block.id")
    actor: str = Field(max_length=100)  # "operator" or "contact:<id>"
    action: str = Field(max_length=60)
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class Deadline(SQLModel, table=True):
    """A due date of the term (covenant, reports, self-assessment); reminders build on it."""

    __table_args__ = (UniqueConstraint("term_id", "kind", "title", name="uq_deadline_term_kind_title"),)
    id: int | None = Field(default=None, primary_key=True)
    term_id: int = Field(foreign_key="term.id", index=True)
    kind: str = Field(max_length=30)
    title: str = Field(max_length=300)
    due_at: datetime
    sheet: str | None = Field(default=None, max_length=200)
    cancelled_at: datetime | None = None
    closed_at: datetime | None = None  # no more submissions, late ones included, until reopened
    revision: int = 1  # bumped when the due date moves, so reminders are planned anew
    reminder_policy: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))


class Submission(SQLModel, table=True):
    """What a unit handed in for a deadline; a resubmission supersedes the previous row (history kept)."""

    __table_args__ = (Index("ix_submission_deadline_unit", "deadline_id", "unit_id"),)
    id: int | None = Field(default=None, primary_key=True)
    deadline_id: int = Field(foreign_key="deadline.id")
    unit_id: int = Field(foreign_key="unit.id", index=True)
    contact_id: int | None = Field(default=None, foreign_key="contact.id")
    kind: str = Field(max_length=20)  # document | dispatch | theme | assessment
    file_id: str | None = Field(default=None, max_length=200)
    file_name: str | None = Field(default=None, max_length=255)
    mime: str | None = Field(default=None, max_length=100)
    size: int | None = None
    dispatch_no: str | None = Field(default=None, max_length=60)
    dispatch_date: datetime | None = None
    theme: str | None = Field(default=None, max_length=500)
    submitted_at: datetime
    late: bool = False
    superseded_at: datetime | None = None


class Reminder(SQLModel, table=True):
    """One reminder slot sent to one unit; the unique key makes planning idempotent."""

    __table_args__ = (
        UniqueConstraint("deadline_id", "revision", "unit_id", "slot", name="uq_reminder_slot"),
    )
    id: int | None = Field(default=None, primary_key=True)
    deadline_id: int = Field(foreign_key="deadline.id", index=True)
    revision: int
    unit_id: int = Field(foreign_key="unit.id")
    slot: str = Field(max_length=20)
    planned_at: datetime
    recipients: int = 0


class Digest(SQLModel, table=True):
    """A status digest sent to the secretariat for one deadline slot (reminder day or due evening)."""

    __table_args__ = (UniqueConstraint("deadline_id", "revision", "slot", name="uq_digest_slot"),)
    id: int | None = Field(default=None, primary_key=True)
    deadline_id: int = Field(foreign_key="deadline.id", index=True)
    revision: int
    slot: str = Field(max_length=20)
    planned_at: datetime


class CriteriaSheet(SQLModel, table=True):
    """A scoring sheet adopted by a block for a term; re-importing after units started makes a new version."""

    __tablename__ = "criteria_sheet"
    __table_args__ = (UniqueConstraint("term_id", "version", name="uq_sheet_term_version"),)
    id: int | None = Field(default=None, primary_key=True)
    term_id: int = Field(foreign_key="term.id", index=True)
    version: int = 1
    title: str = Field(max_length=300)
    step: Decimal = Field(sa_column=Column(Numeric(8, 2), nullable=False))
    active: bool = True
    created_at: datetime


class Criterion(SQLModel, table=True):
    """One line of a sheet: a base criterion, a bonus or a deduction, in sheet order."""

    __table_args__ = (UniqueConstraint("sheet_id", "code", name="uq_criterion_sheet_code"),)
    id: int | None = Field(default=None, primary_key=True)
    sheet_id: int = Field(foreign_key="criteria_sheet.id", index=True)
    kind: str = Field(max_length=12)  # base | bonus | deduction
    section_code: str = Field(default="", max_length=20)
    section_title: str = Field(default="", max_length=300)
    code: str = Field(max_length=20)
    text: str = Field(max_length=500)
    max_score: Decimal = Field(sa_column=Column(Numeric(8, 2), nullable=False))
    position: int


ASSESSMENT_DRAFT, ASSESSMENT_SUBMITTED = "draft", "submitted"  # Assessment.status


class Assessment(SQLModel, table=True):
    """A unit's self-assessment against one sheet: a shared draft of the unit until submitted."""

    __table_args__ = (UniqueConstraint("sheet_id", "unit_id", name="uq_assessment_sheet_unit"),)
    id: int | None = Field(default=None, primary_key=True)
    sheet_id: int = Field(foreign_key="criteria_sheet.id", index=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    status: str = Field(default="draft", max_length=12)  # draft | submitted
    updated_at: datetime
    updated_by: int | None = Field(default=None, foreign_key="contact.id")
    submitted_at: datetime | None = None
    submitted_by: int | None = Field(default=None, foreign_key="contact.id")
    late: bool = False
    reopened_reason: str | None = Field(default=None, max_length=300)


class AssessmentLine(SQLModel, table=True):
    """One criterion of a unit's assessment: self score, explanation, evidence, and the cross-check."""

    __tablename__ = "assessment_line"
    __table_args__ = (UniqueConstraint("assessment_id", "criterion_code", name="uq_line_assessment_code"),)
    id: int | None = Field(default=None, primary_key=True)
    assessment_id: int = Field(foreign_key="assessment.id", index=True)
    criterion_code: str = Field(max_length=20)
    self_score: Decimal | None = Field(default=None, sa_column=Column(Numeric(8, 2), nullable=True))
    explanation: str | None = Field(default=None, max_length=500)
    evidence_file_id: str | None = Field(default=None, max_length=200)
    evidence_name: str | None = Field(default=None, max_length=255)
    checked_score: Decimal | None = Field(default=None, sa_column=Column(Numeric(8, 2), nullable=True))
    check_reason: str | None = Field(default=None, max_length=300)
    updated_at: datetime
    updated_by: int | None = Field(default=None, foreign_key="contact.id")


from storage.models_groups import GroupChat as GroupChat  # noqa: E402  (the block's group chats)
from storage.models_messages import InboxUpdate as InboxUpdate  # noqa: E402  (updates in, messages out)
from storage.models_messages import OutboxMessage as OutboxMessage  # noqa: E402
from storage.models_vote import Ballot, Poll, PollCandidate, PollVoter  # noqa: E402, F401  (the vote tables)
