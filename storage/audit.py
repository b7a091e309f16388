"""Audit log of admin actions (who did what to whom, never a secret)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import AuditLog


class Audit:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def record(self, at: datetime, actor: str, action: str, block_id: int | None, **detail: Any) -> None:
        self.session.add(AuditLog(at=at, actor=actor, action=action, block_id=block_id, detail=detail))

    async def entries(self, block_id: int | None = None) -> list[AuditLog]:
        stmt = select(AuditLog).order_by(col(AuditLog.id))
        if block_id is not None:
            stmt = stmt.where(AuditLog.block_id == block_id)
        return list((await self.session.exec(stmt)).all())
