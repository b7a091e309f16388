"""The block's group chats: where the bot posts what the whole block should see (never a secret or a score)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel


class GroupChat(SQLModel, table=True):
    """A group chat linked to a block on one channel; a chat belongs to one block at most."""

    __tablename__ = "group_chat"
    __table_args__ = (UniqueConstraint("channel", "chat_id", name="uq_group_chat"),)
    id: int | None = Field(default=None, primary_key=True)
    block_id: int = Field(foreign_key="block.id", index=True)
    channel: str = Field(max_length=20)
    chat_id: str = Field(max_length=64)
    title: str | None = Field(default=None, max_length=200)
    linked_by: int = Field(foreign_key="contact.id")
    linked_at: datetime
