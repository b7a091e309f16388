"""Re-importing a block file that moves a due date is a move like any other: reminders are planned
anew (revision), late flags re-read, and the units' contacts are told."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from sqlmodel import select

from bot.app import App
from handlers.term.block_file.read import load_block_file
from handlers.term.block_import import import_block
from storage.models import ChatAccount, Contact, Deadline, OutboxMessage
from tests.conftest import SAMPLE_BLOCK


async def test_reimport_with_a_new_due_date_moves_the_deadline(app: App, block_id: int) -> None:
    now = app.clock.now()
    async with app.uow() as uow:
        unit = (await uow.directory.units(block_id))[0]
        contact = Contact(block_id=block_id, unit_id=unit.id, role="unit", full_name="Cán bộ", position="CV",
                          phone="0912345678", registered_at=now)
        uow.session.add(contact)
        await uow.flush()
        assert contact.id is not None
        uow.session.add(ChatAccount(contact_id=contact.id, channel="sandbox", user_id="u1", chat_id="sb-u1"))
        await uow.commit()

    spec = load_block_file(SAMPLE_BLOCK)
    async with app.uow() as uow:
        again = await import_block(uow, spec, app.config.secret, now)
        await uow.commit()
    assert (again.deadlines_added, again.deadlines_updated) == (0, 0)

    moved = tuple(dataclasses.replace(d, due=d.due + timedelta(days=7)) if d.kind == "year_end_report" else d
                  for d in spec.deadlines)
    async with app.uow() as uow:
        result = await import_block(uow, dataclasses.replace(spec, deadlines=moved), app.config.secret, now)
        await uow.commit()
    assert result.deadlines_updated == 1
    async with app.uow() as uow:
        year_end = (await uow.session.exec(select(Deadline).where(Deadline.kind == "year_end_report"))).one()
        notices = (await uow.session.exec(select(OutboxMessage).where(OutboxMessage.chat_id == "sb-u1"))).all()
    assert year_end.revision == 2
    assert year_end.due_at == next(d.due for d in moved if d.kind == "year_end_report")
    assert len(notices) == 1 and "07/12/2026" in notices[0].text
