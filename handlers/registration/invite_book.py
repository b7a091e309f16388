"""Issuing, listing and rotating a block's invite codes (one per unit, secretariat, observer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from handlers.core.roles import ROLE_OBSERVER, ROLE_SECRETARIAT, ROLE_UNIT
from handlers.registration.rules.codes import code_hash, derive_code
from storage.models import InviteCode
from storage.uow import UnitOfWork


@dataclass(frozen=True)
class InviteLine:
    role: str
    unit_code: str | None
    unit_name: str | None
    code: str


async def _issue(uow: UnitOfWork, secret: bytes, block_id: int, role: str, unit_id: int | None,
                 now: datetime) -> str:
    generation = await uow.directory.last_generation(block_id, role, unit_id) + 1
    code = derive_code(secret, block_id, role, unit_id, generation)
    uow.directory.add(InviteCode(block_id=block_id, unit_id=unit_id, role=role, generation=generation,
                                 code_hash=code_hash(secret, code), created_at=now))
    await uow.directory.flush()
    return code


async def rotate(uow: UnitOfWork, secret: bytes, block_id: int, role: str, unit_id: int | None,
                 now: datetime) -> str:
    live = await uow.directory.live_invite(block_id, role, unit_id)
    if live is not None:
        uow.directory.revoke_invite(live, now)
    return await _issue(uow, secret, block_id, role, unit_id, now)


async def current_code(uow: UnitOfWork, secret: bytes, block_id: int, role: str, unit_id: int | None,
                       now: datetime) -> str:
    """The live code, issued if missing; re-issued if the secret key changed since (old one unusable)."""
    live = await uow.directory.live_invite(block_id, role, unit_id)
    if live is not None:
        code = derive_code(secret, block_id, role, unit_id, live.generation)
        if code_hash(secret, code) == live.code_hash:
            return code
    return await rotate(uow, secret, block_id, role, unit_id, now)


async def invite_lines(uow: UnitOfWork, secret: bytes, block_id: int, now: datetime) -> list[InviteLine]:
    lines = [
        InviteLine(ROLE_SECRETARIAT, None, None,
                   await current_code(uow, secret, block_id, ROLE_SECRETARIAT, None, now)),
        InviteLine(ROLE_OBSERVER, None, None, await current_code(uow, secret, block_id, ROLE_OBSERVER, None, now)),
    ]
    for unit in await uow.directory.units(block_id):
        assert unit.id is not None
        code = await current_code(uow, secret, block_id, ROLE_UNIT, unit.id, now)
        lines.append(InviteLine(ROLE_UNIT, unit.code, unit.name, code))
    return lines
