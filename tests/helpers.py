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


async def import_sample_sheet(app: App, block_id: int) -> int:
    """Import samples/criteria-2026.yaml into the block's current term (the `block_id` fixture does not);
    returns the active sheet's id. Importing it again changes nothing."""
    from handlers.criteria_file import load_criteria_file
    from handlers.sheet_import import import_sheet
    from tests.conftest import ROOT

    spec = load_criteria_file(ROOT / "samples" / "criteria-2026.yaml")
    async with app.uow() as uow:
        result = await import_sheet(uow, block_id, spec, app.clock.now())
        await uow.commit()
    return result.sheet_id
