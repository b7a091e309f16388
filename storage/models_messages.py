"""The two message tables: updates in (the inbox) and messages out (the outbox)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel


class InboxUpdate(SQLModel, table=True):
    """Every update the bot acknowledged to a platform, keyed by (channel, update id).

    An update is acknowledged (webhook 2xx, polling offset) only once its row is committed. Most rows are
    written by the transaction that also handles the update (`processed_at` set at once); an update that is
    stored ahead of handling (the Zalo webhook) keeps its `Incoming` in `payload` until a worker handles it,
    in arrival order per chat, and then the payload is cleared: a ballot's button must not stay next to
    its chat id. Handled rows stay a while as the de-duplication record, then `prune` removes them.
    """

    __tablename__ = "inbox_update"
    __table_args__ = (
        UniqueConstraint("channel", "update_id", name="uq_inbox_channel_update"),
        Index("ix_inbox_waiting", "processed_at", "id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=20)
    update_id: str = Field(max_length=64)
    chat_id: str = Field(max_length=64)
    payload: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    received_at: datetime = Field(index=True)
    processed_at: datetime | None = None


class OutboxMessage(SQLModel, table=True):
    """Every message the bot sends, replies included, written by the transaction that decides it.

    A row being sent is leased: `not_before` pushed ahead and `lease_owner` naming the worker. A worker
    that dies leaves its leases to be taken back (`Outbox.reclaim`), so its unsent rows go out again
    within seconds of the restart, not when the lease runs out.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_pending", "sent_at", "not_before"),
                      Index("ix_outbox_lease_owner", "lease_owner"))
    id: int | None = Field(default=None, primary_key=True)
    channel: str = Field(max_length=20)
    chat_id: str = Field(max_length=64)
    text: str
    choices: list[list[str]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    version: int = 0
    created_at: datetime
    not_before: datetime
    attempts: int = 0
    sent_at: datetime | None = None
    failed_at: datetime | None = None  # given up (permanent error or too many attempts)
    last_error: str | None = Field(default=None, max_length=300)
    document_file_id: str | None = Field(default=None, max_length=200)  # a platform-held file to forward
    document_name: str | None = Field(default=None, max_length=255)
    document_content: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))  # made here
    document_mime: str | None = Field(default=None, max_length=100)
    ask_contact: bool = False  # a reply that offers the share-phone button
    number_input: bool = False  # a reply whose step asks for a number (Reply.number_input)
    lease_owner: int | None = None  # the worker sending it now (see storage/locks.py)
    # set on reminders, so that one still queued is dropped when the unit submits or the deadline changes
    deadline_id: int | None = Field(default=None, index=True)
    unit_id: int | None = None
