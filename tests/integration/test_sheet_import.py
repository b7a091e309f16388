"""Attaching a criteria sheet to a block's term, on SQLite and PostgreSQL: versions, idempotence, notices."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from sqlmodel import col, select

from bot.app import App
from handlers.core.catalog import text
from handlers.scoring.sheet_file.read import CriterionSpec, SheetSpec, load_criteria_file
from handlers.scoring.sheet_import import (
    CREATED,
    NEW_VERSION,
    REPLACED,
    UNCHANGED,
    NoTerm,
    SheetImportResult,
    import_sheet,
    stored_sheet,
)
from storage.models import Assessment, Block, CriteriaSheet, Criterion, Deadline, Submission
from tests.conftest import ROOT, sandbox_for
from tests.helpers import codes, deliver, import_sample_sheet, register

SAMPLE = load_criteria_file(ROOT / "samples" / "criteria-2026.yaml")
TITLE = "Bảng tiêu chí chấm điểm thi đua năm 2026"


def changed(spec: SheetSpec = SAMPLE) -> SheetSpec:
    """The sample with 1.1 worth 20 and 1.2 worth 15: the same total, another sheet."""
    first = spec.sections[0]
    criteria = (dataclasses.replace(first.criteria[0], max=Decimal(20)),
                dataclasses.replace(first.criteria[1], max=Decimal(15)), *first.criteria[2:])
    return dataclasses.replace(spec, sections=(dataclasses.replace(first, criteria=criteria), *spec.sections[1:]))


async def run(app: App, block_id: int, spec: SheetSpec) -> SheetImportResult:
    async with app.uow() as uow:
        result = await import_sheet(uow, block_id, spec, app.clock.now())
        await uow.commit()
    return result


async def sheets(app: App) -> list[CriteriaSheet]:
    async with app.uow() as uow:
        return list((await uow.session.exec(select(CriteriaSheet).order_by(col(CriteriaSheet.version)))).all())


async def criteria(app: App, sheet_id: int) -> list[Criterion]:
    async with app.uow() as uow:
        stmt = select(Criterion).where(Criterion.sheet_id == sheet_id).order_by(col(Criterion.position))
        return list((await uow.session.exec(stmt)).all())


async def audit(app: App) -> list[dict[str, object]]:
    async with app.uow() as uow:
        return [e.detail for e in await uow.audit.entries() if e.action == "import_sheet" and e.actor == "operator"]


async def start_scoring(app: App, block_id: int, unit_code: str, sheet_id: int) -> None:
    async with app.uow() as uow:
        unit = await uow.directory.unit_by_code(block_id, unit_code)
        assert unit is not None and unit.id is not None
        uow.session.add(Assessment(sheet_id=sheet_id, unit_id=unit.id, updated_at=app.clock.now()))
        await uow.commit()


async def test_first_import_is_version_one_and_links_the_deadline(app: App, block_id: int) -> None:
    result = await run(app, block_id, SAMPLE)
    assert (result.action, result.version, result.year, result.deadlines_linked) == (CREATED, 1, 2026, 1)
    [sheet] = await sheets(app)
    assert (sheet.id, sheet.title, sheet.step, sheet.active) == (result.sheet_id, TITLE, Decimal("0.5"), True)
    rows = await criteria(app, result.sheet_id)
    assert [r.position for r in rows] == list(range(1, 17))
    assert [(r.kind, r.section_code, r.code, r.max_score) for r in rows[:1] + rows[11:]] == [
        ("base", "I", "1.1", 25), ("base", "IV", "4.2", 5), ("bonus", "", "T1", 10), ("bonus", "", "T2", 5),
        ("deduction", "", "D1", 5), ("deduction", "", "D2", 10)]
    assert rows[4].section_title == "Công tác xây dựng Đảng, chính quyền và các đoàn thể"
    assert sum(r.max_score for r in rows if r.kind == "base") == 100
    async with app.uow() as uow:
        deadline = (await uow.session.exec(select(Deadline).where(Deadline.kind == "self_assessment"))).one()
        stored = await stored_sheet(uow, block_id)
    assert deadline.sheet == TITLE
    assert stored is not None and stored.spec == SAMPLE and stored.older_versions == ()
    assert all(isinstance(line.criterion.max, Decimal) for line in stored.spec.lines())
    assert [(d["result"], d["version"], d["criteria"]) for d in await audit(app)] == [(CREATED, 1, 16)]


async def test_reimport_changes_nothing(app: App, block_id: int) -> None:
    sheet_id = await import_sample_sheet(app, block_id)
    before = [(r.id, r.code) for r in await criteria(app, sheet_id)]
    assert await import_sample_sheet(app, block_id) == sheet_id
    result = await run(app, block_id, SAMPLE)
    assert (result.action, result.sheet_id, result.version, result.deadlines_linked) == (UNCHANGED, sheet_id, 1, 0)
    assert [(r.id, r.code) for r in await criteria(app, sheet_id)] == before
    assert len(await sheets(app)) == 1 and len(await audit(app)) == 1


async def test_a_change_before_anyone_started_replaces_in_place(app: App, block_id: int) -> None:
    sheet_id = await import_sample_sheet(app, block_id)
    other = dataclasses.replace(changed(), title="Bảng tiêu chí (sửa)", step=Decimal("0.25"),
                                bonus=(CriterionSpec("T9", "Thưởng mới", Decimal("2.5")),))
    result = await run(app, block_id, other)
    assert (result.action, result.sheet_id, result.version) == (REPLACED, sheet_id, 1)
    [sheet] = await sheets(app)
    assert (sheet.title, sheet.step, sheet.active) == ("Bảng tiêu chí (sửa)", Decimal("0.25"), True)
    rows = await criteria(app, sheet_id)
    assert [(r.code, r.max_score) for r in rows[:2]] == [("1.1", 20), ("1.2", 15)]
    assert [r.code for r in rows if r.kind == "bonus"] == ["T9"] and len(rows) == 15
    async with app.uow() as uow:
        stored = await stored_sheet(uow, block_id)
    assert stored is not None and stored.spec == other
    assert (await run(app, block_id, other)).action == UNCHANGED
    assert [d["result"] for d in await audit(app)] == [CREATED, REPLACED]


async def test_a_change_after_units_started_is_a_new_version_and_they_are_told(app: App, block_id: int) -> None:
    sb = sandbox_for(app)
    c = await codes(app, block_id)
    await register(sb, "binh", c["YTE"], "Trần Văn Bình", "0987 654 321")
    await register(sb, "an", c["YTE"], "Lê Thị An", "0912 000 111")
    await register(sb, "cuong", c["GDDT"], "Đỗ Mạnh Cường", "0903 111 222")
    await deliver(app)
    for user in ("binh", "an", "cuong"):
        sb.inbox(user)
    first = await import_sample_sheet(app, block_id)
    await start_scoring(app, block_id, "YTE", first)

    result = await run(app, block_id, changed())
    assert (result.action, result.version, result.previous_version) == (NEW_VERSION, 2, 1)
    assert (result.units_started, result.contacts_told) == (1, 2)
    old, new = await sheets(app)
    assert (old.id, old.version, old.active) == (first, 1, False)
    assert (new.id, new.version, new.active) == (result.sheet_id, 2, True)
    assert [(r.code, r.max_score) for r in (await criteria(app, first))[:2]] == [("1.1", 25), ("1.2", 10)]
    assert [(r.code, r.max_score) for r in (await criteria(app, new.id or 0))[:2]] == [("1.1", 20), ("1.2", 15)]
    async with app.uow() as uow:
        stored = await stored_sheet(uow, block_id)
    assert stored is not None and stored.sheet.version == 2 and stored.older_versions == (1,)

    assert await deliver(app) == 2
    notice = ("📋 Khối thi đua Văn hóa - Xã hội: bảng tiêu chí chấm điểm «Bảng tiêu chí chấm điểm thi đua năm 2026» "
              "vừa được cập nhật (phiên bản 2). Mời Sở Y tế kiểm tra lại bản tự chấm điểm đang làm theo bảng mới "
              "(lệnh /chamdiem).")
    assert sb.inbox("binh") == [notice] and sb.inbox("an") == [notice]
    assert sb.inbox("cuong") == []  # Sở Giáo dục had not started
    [*_, entry] = await audit(app)
    assert (entry["result"], entry["previous_version"], entry["contacts_told"]) == (NEW_VERSION, 1, 2)

    # the same file again: nothing new, nobody told twice
    assert (await run(app, block_id, changed())).action == UNCHANGED
    assert await deliver(app) == 0 and len(await sheets(app)) == 2
    # a change to version 2, which no unit has started on, is made in place
    assert (await run(app, block_id, SAMPLE)).action == REPLACED
    assert [(s.version, s.active) for s in await sheets(app)] == [(1, False), (2, True)]


async def test_a_unit_that_had_submitted_is_asked_to_submit_again(app: App, block_id: int) -> None:
    """Its submission on the old version no longer counts for the deadline (kept as history); a unit that was
    only scoring is told to check its draft."""
    sb = sandbox_for(app)
    c = await codes(app, block_id)
    await register(sb, "binh", c["YTE"], "Trần Văn Bình", "0987 654 321")
    await register(sb, "cuong", c["GDDT"], "Đỗ Mạnh Cường", "0903 111 222")
    await deliver(app)
    first = await import_sample_sheet(app, block_id)
    await start_scoring(app, block_id, "GDDT", first)
    now = app.clock.now()
    async with app.uow() as uow:
        yte = await uow.directory.unit_by_code(block_id, "YTE")
        assert yte is not None and yte.id is not None
        deadline = (await uow.session.exec(select(Deadline).where(Deadline.kind == "self_assessment"))).one()
        assert deadline.id is not None
        uow.session.add(Assessment(sheet_id=first, unit_id=yte.id, status="submitted", updated_at=now,
                                   submitted_at=now))
        uow.session.add(Submission(deadline_id=deadline.id, unit_id=yte.id, kind="assessment", submitted_at=now))
        uow.session.add(Submission(deadline_id=deadline.id, unit_id=yte.id, kind="dispatch", submitted_at=now,
                                   superseded_at=now))  # an older row: history, left alone
        await uow.commit()

    result = await run(app, block_id, changed())
    assert (result.action, result.units_started, result.units_resubmit, result.contacts_told) == (NEW_VERSION, 2, 1, 2)
    async with app.uow() as uow:
        assert await uow.deadlines.current_submissions([deadline.id]) == []
        history = await uow.deadlines.submission_history(deadline.id, yte.id)
    assert [(row.kind, row.superseded_at is not None) for row in history] == [("assessment", True), ("dispatch", True)]
    [*_, entry] = await audit(app)
    assert (entry["units_started"], entry["units_resubmit"]) == (2, 1)

    assert await deliver(app) == 2
    block, title = "Khối thi đua Văn hóa - Xã hội", "Bảng tiêu chí chấm điểm thi đua năm 2026"
    assert sb.inbox("binh") == [text("sheet.notice_resubmit", block=block, title=title, version=2, unit="Sở Y tế")]
    assert sb.inbox("cuong") == [text("sheet.notice_new_version", block=block, title=title, version=2,
                                      unit="Sở Giáo dục và Đào tạo")]


async def test_a_block_without_a_term_has_no_sheet(app: App) -> None:
    async with app.uow() as uow:
        block = Block(name="Khối trống", province="Bắc Kạn", created_at=app.clock.now())
        uow.directory.add(block)
        await uow.commit()
        assert block.id is not None
    with pytest.raises(NoTerm):
        await run(app, block.id, SAMPLE)
    async with app.uow() as uow:
        with pytest.raises(NoTerm):
            await stored_sheet(uow, block.id)
    assert await sheets(app) == []
