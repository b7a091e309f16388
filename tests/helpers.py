"""Small helpers the tests share: invite codes of the sample block, delivering the outbox."""

from __future__ import annotations

from bot.app import App
from handlers import invite_book
from handlers.invites import display_code


async def codes(app: App, block_id: int) -> dict[str, str]:
    """Display codes by unit code, plus `secretariat` and `observer`."""
    async with app.uow() as uow:
        lines = await invite_book.invite_lines(uow, app.config.secret, block_id, app.clock.now())
        await uow.commit()
    return {(ln.unit_code or ln.role): display_code(ln.code) for ln in lines}


async def deliver(app: App) -> int:
    return await app.delivery().run_once()
