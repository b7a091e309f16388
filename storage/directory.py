"""Who is who: blocks, terms, units, contacts, their chat accounts, invite codes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import update
from sqlmodel import col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import Block, ChatAccount, Contact, Deadline, InviteCode, Term, Unit


class Directory:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    # blocks and terms
    async def blocks(self) -> list[Block]:
        return list((await self.session.exec(select(Block).order_by(col(Block.id)))).all())

    async def block(self, block_id: int) -> Block | None:
        return await self.session.get(Block, block_id)

    async def block_by_name(self, name: str, province: str) -> Block | None:
        stmt = select(Block).where(Block.name == name, Block.province == province)
        return (await self.session.exec(stmt)).first()

    async def current_term(self, block_id: int) -> Term | None:
        stmt = select(Term).where(Term.block_id == block_id, col(Term.is_current).is_(True))
        return (await self.session.exec(stmt)).first()

    async def term(self, block_id: int, year: int) -> Term | None:
        stmt = select(Term).where(Term.block_id == block_id, Term.year == year)
        return (await self.session.exec(stmt)).first()

    async def term_by_id(self, term_id: int) -> Term | None:
        return await self.session.get(Term, term_id)

    async def lock_current_term(self, block_id: int) -> Term | None:
        """The current term, row-locked on PostgreSQL (SQLite's BEGIN IMMEDIATE already serialises
        writers), so two handovers of one block queue and the second sees the first's outcome."""
        stmt = (select(Term).where(Term.block_id == block_id, col(Term.is_current).is_(True))
                .with_for_update().execution_options(populate_existing=True))
        term = (await self.session.exec(stmt)).first()
        if term is None:  # the row we waited for stopped being current; its successor is visible to a new read
            term = await self.current_term(block_id)
        return term

    async def lock_term(self, block_id: int, year: int | None = None) -> Term | None:
        """The term of that year (default: the current one), row-locked on PostgreSQL, for changes that
        must not race within one term (a sheet's next version)."""
        stmt = select(Term).where(Term.block_id == block_id)
        stmt = stmt.where(Term.year == year) if year is not None else stmt.where(col(Term.is_current).is_(True))
        return (await self.session.exec(stmt.order_by(col(Term.year).desc()).with_for_update())).first()

    async def terms(self, block_id: int) -> list[Term]:
        stmt = select(Term).where(Term.block_id == block_id).order_by(col(Term.year))
        return list((await self.session.exec(stmt)).all())

    def add(self, row: Block | Term | Unit | Contact | ChatAccount | InviteCode | Deadline) -> None:
        self.session.add(row)

    async def flush(self) -> None:
        await self.session.flush()

    # units
    async def units(self, block_id: int, include_inactive: bool = False) -> list[Unit]:
        stmt = select(Unit).where(Unit.block_id == block_id)
        if not include_inactive:
            stmt = stmt.where(col(Unit.active).is_(True))
        return list((await self.session.exec(stmt.order_by(col(Unit.id)))).all())

    async def unit(self, unit_id: int) -> Unit | None:
        return await self.session.get(Unit, unit_id)

    async def unit_by_code(self, block_id: int, code: str) -> Unit | None:
        stmt = select(Unit).where(Unit.block_id == block_id, Unit.code == code)
        return (await self.session.exec(stmt)).first()

    # contacts
    async def contact(self, contact_id: int) -> Contact | None:
        return await self.session.get(Contact, contact_id)

    async def active_contacts(self, block_id: int, role: str | None = None) -> list[Contact]:
        stmt = select(Contact).where(Contact.block_id == block_id, col(Contact.revoked_at).is_(None))
        if role is not None:
            stmt = stmt.where(Contact.role == role)
        return list((await self.session.exec(stmt.order_by(col(Contact.id)))).all())

    async def contacts_of_user(self, channel: str, user_id: str) -> list[Contact]:
        """The person's active registrations, one per block at most, newest first."""
        stmt = (
            select(Contact)
            .join(ChatAccount, col(ChatAccount.contact_id) == col(Contact.id))
            .where(ChatAccount.channel == channel, ChatAccount.user_id == user_id,
                   col(Contact.revoked_at).is_(None))
            .order_by(col(Contact.id).desc())
        )
        return list((await self.session.exec(stmt)).all())

    async def accounts_of_role(self, block_id: int, role: str) -> list[ChatAccount]:
        """Chat accounts of a block's active contacts in one role (e.g. the secretariat)."""
        stmt = (
            select(ChatAccount)
            .join(Contact, col(Contact.id) == col(ChatAccount.contact_id))
            .where(Contact.block_id == block_id, Contact.role == role, col(Contact.revoked_at).is_(None))
            .order_by(col(ChatAccount.id))
        )
        return list((await self.session.exec(stmt)).all())

    async def accounts(self, contact_ids: list[int]) -> list[ChatAccount]:
        if not contact_ids:
            return []
        stmt = select(ChatAccount).where(col(ChatAccount.contact_id).in_(contact_ids))
        return list((await self.session.exec(stmt.order_by(col(ChatAccount.id)))).all())

    # reachability
    async def set_unreachable(self, channel: str, chat_id: str, since: datetime | None) -> int:
        """Mark the accounts of this private chat unreachable from `since` (an earlier mark stays: the
        digest says since when), or reachable again with None. How many accounts changed."""
        stmt: Any = update(ChatAccount).where(col(ChatAccount.channel) == channel, col(ChatAccount.chat_id) == chat_id)
        if since is None:
            stmt = stmt.where(col(ChatAccount.unreachable_since).is_not(None)).values(unreachable_since=None)
        else:
            stmt = stmt.where(col(ChatAccount.unreachable_since).is_(None)).values(unreachable_since=since)
        result = await (await self.session.connection()).execute(stmt)
        return int(result.rowcount)

    async def unreachable_contacts(self, block_id: int) -> dict[int, datetime]:
        """The block's active contacts none of whose accounts the bot can reach, with since when (the
        latest of their accounts' marks: the moment the last way to reach them closed)."""
        stmt = (
            select(ChatAccount.contact_id, func.count(), func.count(col(ChatAccount.unreachable_since)),
                   func.max(ChatAccount.unreachable_since))
            .join(Contact, col(Contact.id) == col(ChatAccount.contact_id))
            .where(Contact.block_id == block_id, col(Contact.revoked_at).is_(None))
            .group_by(col(ChatAccount.contact_id))
        )
        rows = (await self.session.exec(stmt)).all()
        return {contact_id: since for contact_id, total, marked, since in rows if total == marked and since}

    # invite codes
    async def invite(self, invite_id: int) -> InviteCode | None:
        return await self.session.get(InviteCode, invite_id)

    async def invite_by_hash(self, code_hash: str) -> InviteCode | None:
        stmt = select(InviteCode).where(InviteCode.code_hash == code_hash)
        return (await self.session.exec(stmt)).first()

    async def live_invites(self, block_id: int) -> list[InviteCode]:
        stmt = select(InviteCode).where(InviteCode.block_id == block_id, col(InviteCode.revoked_at).is_(None))
        return list((await self.session.exec(stmt.order_by(col(InviteCode.id)))).all())

    async def live_invite(self, block_id: int, role: str, unit_id: int | None) -> InviteCode | None:
        stmt = select(InviteCode).where(
            InviteCode.block_id == block_id, InviteCode.role == role, InviteCode.unit_id == unit_id,
            col(InviteCode.revoked_at).is_(None),
        )
        return (await self.session.exec(stmt)).first()

    async def last_generation(self, block_id: int, role: str, unit_id: int | None) -> int:
        stmt = select(InviteCode.generation).where(
            InviteCode.block_id == block_id, InviteCode.role == role, InviteCode.unit_id == unit_id
        )
        return max((await self.session.exec(stmt)).all(), default=0)

    def revoke_invite(self, invite: InviteCode, now: datetime) -> None:
        invite.revoked_at = now
        self.session.add(invite)

    # deadlines
    async def deadlines(self, term_id: int) -> list[Deadline]:
        stmt = select(Deadline).where(Deadline.term_id == term_id).order_by(col(Deadline.due_at))
        return list((await self.session.exec(stmt)).all())
