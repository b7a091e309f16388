"""storage/prepared.py and the chat state it carries: what its Core statements read and write is what the ORM would."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import StatementError

from bot.app import App
from storage.dialogs import ChatState
from storage.models import Assessment, AssessmentLine, DialogState
from storage.prepared import Prepared
from tests.helpers import import_sample_sheet

WHEN = datetime(2026, 11, 23, 2, 30, 15, 123456, tzinfo=UTC)
DATA = {"contact_id": 7, "sheet_id": 3, "note": "Minh chứng: Quyết định số 12/QĐ-UBND", "codes": ["1.1", "2.3"]}


async def test_a_state_read_on_the_driver_equals_the_orm_row(app: App) -> None:
    async with app.uow() as uow:
        uow.session.add(DialogState(channel="telegram", chat_id="-100", flow="score", step="explain", data=DATA,
                                    choices=[["skip", "Bỏ qua"]], version=41, lang="en", updated_at=WHEN))
        await uow.commit()
    async with app.uow() as uow:
        await uow.inbox.begin("telegram", "u1", "c", WHEN)  # the update's first statement begins the transaction
        state = await uow.dialogs.load_for_update("telegram", "-100", WHEN)
        orm = await uow.dialogs.get("telegram", "-100")
    assert orm is not None
    assert (state.flow, state.step, state.data, state.choices, state.version, state.lang, state.updated_at) == (
        orm.flow, orm.step, orm.data, orm.choices, orm.version, orm.lang, orm.updated_at)
    assert state.updated_at == WHEN and state.updated_at.tzinfo is not None and state.data == DATA


async def test_only_what_changed_is_written_and_a_change_in_place_counts(app: App) -> None:
    async with app.uow() as uow:
        await uow.inbox.begin("zalo", "u1", "c", WHEN)
        state = await uow.dialogs.load_for_update("zalo", "42", WHEN)  # a chat's first update creates its row
        assert (state.flow, state.version, state.data) == (None, 0, {})
        assert state.changed() == {}
        state.data["sheet_id"] = 3  # changed in place, not reassigned
        state.step, state.version = "score", 1
        assert set(state.changed()) == {"data", "step", "version"}
        await uow.dialogs.save(state)
        assert state.changed() == {}
        # another writer's change to a column this update did not touch is kept
        await (await uow.session.connection()).execute(
            update(DialogState).where(DialogState.chat_id == "42").values(lang="en"))  # type: ignore[arg-type]
        state.flow = "scoring"
        await uow.dialogs.save(state)
        await uow.commit()
    async with app.uow() as uow:
        row = await uow.dialogs.get("zalo", "42")
    assert row is not None
    assert (row.flow, row.step, row.data, row.version, row.lang) == ("scoring", "score", {"sheet_id": 3}, 1, "en")


async def test_a_new_state_writes_every_column() -> None:
    state = ChatState(channel="offline", chat_id="cli", updated_at=WHEN)
    assert set(state.changed()) == {"flow", "step", "data", "choices", "version", "lang", "updated_at"}


async def test_a_statement_first_in_its_transaction_still_rolls_back(app: App) -> None:
    """asyncpg's adapter begins lazily: a prepared statement first in a session must not run outside it."""
    bump = Prepared(update(DialogState).where(DialogState.chat_id == bindparam("chat"))  # type: ignore[arg-type]
                    .values(version=DialogState.version + 1))
    async with app.uow() as uow:
        uow.session.add(DialogState(channel="sandbox", chat_id="c", version=5, updated_at=WHEN))
        await uow.commit()
    async with app.uow() as uow:
        assert await bump.execute(uow.session, {"chat": "c"}) == 1
        assert await bump.execute(uow.session, {"chat": "c"}) == 1  # now on the driver, same transaction
        assert await bump.execute(uow.session, {"chat": "nobody"}) == 0
        # not committed: the unit of work rolls back on exit
    async with app.uow() as uow:
        row = await uow.dialogs.get("sandbox", "c")
    assert row is not None and row.version == 5


async def test_numbers_and_nulls_come_back_as_the_orm_reads_them(app: App, block_id: int) -> None:
    sheet_id = await import_sample_sheet(app, block_id)
    async with app.uow() as uow:
        unit = (await uow.directory.units(block_id))[0]
        uow.session.add(Assessment(id=900, sheet_id=sheet_id, unit_id=unit.id, status="draft", updated_at=WHEN,
                                   late=False))
        uow.session.add(AssessmentLine(assessment_id=900, criterion_code="1.1", self_score=Decimal("24.5"),
                                       updated_at=WHEN))
        uow.session.add(AssessmentLine(assessment_id=900, criterion_code="1.2", self_score=None, updated_at=WHEN))
        await uow.commit()
    lines = Prepared(select(AssessmentLine.criterion_code, AssessmentLine.self_score, AssessmentLine.updated_at)
                     .where(AssessmentLine.assessment_id == bindparam("a"))  # type: ignore[arg-type]
                     .order_by(AssessmentLine.criterion_code))
    async with app.uow() as uow:
        await uow.inbox.begin("sandbox", "u9", "c", WHEN)
        found = await lines.all(uow.session, {"a": 900})
        again = await lines.all(uow.session, {"a": 900})  # the second run converts with what the first learnt
        orm = [(line.criterion_code, line.self_score, line.updated_at)
               for line in (await uow.scoring.lines(900)).values()]
    assert found == again == sorted(orm)
    assert found[0] == ("1.1", Decimal("24.5"), WHEN) and isinstance(found[0][1], Decimal)
    assert found[1][1] is None


async def test_a_missing_parameter_is_refused_not_bound_as_null(app: App) -> None:
    touch = Prepared(update(DialogState).where(DialogState.chat_id == bindparam("chat"))  # type: ignore[arg-type]
                     .values(lang=bindparam("lang")))
    async with app.uow() as uow:
        await uow.inbox.begin("sandbox", "u5", "c", WHEN)  # on the driver from here
        with pytest.raises(StatementError, match="lang"):
            await touch.execute(uow.session, {"chat": "c"})
