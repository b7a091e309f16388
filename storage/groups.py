"""The block's linked group chats: link, unlink, find, and follow a Telegram group that became a supergroup."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models_groups import GroupChat


class Groups:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def by_chat(self, channel: str, chat_id: str) -> GroupChat | None:
        result = await self.session.exec(
            select(GroupChat).where(GroupChat.channel == channel, GroupChat.chat_id == chat_id))
        return result.first()

    async def of_block(self, block_id: int) -> list[GroupChat]:
        result = await self.session.exec(
            select(GroupChat).where(GroupChat.block_id == block_id).order_by(col(GroupChat.id)))
        return list(result.all())

    async def link(self, block_id: int, channel: str, chat_id: str, contact_id: int, now: datetime) -> GroupChat:
        """Link the chat to the block (moving it from another block if it was linked there)."""
        row = await self.by_chat(channel, chat_id)
        if row is None:
            row = GroupChat(block_id=block_id, channel=channel, chat_id=chat_id, linked_by=contact_id, linked_at=now)
        else:
            row.block_id, row.linked_by, row.linked_at = block_id, contact_id, now
        self.session.add(row)
        await self.session.flush()
        return row

    async def unlink(self, channel: str, chat_id: str) -> bool:
        row = await self.by_chat(channel, chat_id)
        if row is None:
            return False
        await self.session.delete(row)
        await self.session.flush()
        return True

    async def move(self, channel: str, old_chat_id: str, new_chat_id: str) -> bool:
        """A group that got a new id (a Telegram group upgraded to a supergroup) keeps its link."""
        row = await self.by_chat(channel, old_chat_id)
        if row is None or await self.by_chat(channel, new_chat_id) is not None:
            return False
        row.chat_id = new_chat_id
        self.session.add(row)
        await self.session.flush()
        return True
