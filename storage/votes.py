"""Ballots and who has voted, kept apart (storage/models_vote.py says how)."""

from __future__ import annotations

from sqlmodel.ext.asyncio.session import AsyncSession


class Votes:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session
