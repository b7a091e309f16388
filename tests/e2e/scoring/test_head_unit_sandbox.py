"""The head unit is a member unit too: its staff, who are the secretariat, hand in its own reports and score
its own sheet, with no second registration; before and after the handover. Read as chat transcripts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlmodel import select

from bot.app import App
from bot.channels.sandbox import Sandbox
from handlers.core.catalog import VI
from storage.models import Assessment, AssessmentLine, Contact, Unit
from tests.helpers import codes, import_sample_sheet, register

HEAD = "Bảo hiểm Xã hội tỉnh"  # BHXH heads the sample block in 2026


async def _line(app: App, unit_code: str, code: str) -> AssessmentLine | None:
    async with app.uow() as uow:
        unit = (await uow.session.exec(select(Unit).where(Unit.code == unit_code))).one()
        found = (await uow.session.exec(
            select(AssessmentLine).join(Assessment, AssessmentLine.assessment_id == Assessment.id)  # type: ignore[arg-type]
            .where(Assessment.unit_id == unit.id, AssessmentLine.criterion_code == code))).first()
    return found


async def _contact(app: App, name: str) -> Contact:
    async with app.uow() as uow:
        return (await uow.session.exec(select(Contact).where(Contact.full_name == name))).one()


async def test_the_secretariat_scores_and_submits_for_the_head_unit(app: App, block_id: int, sandbox: Sandbox) -> None:
    sb = sandbox
    c = await codes(app, block_id)
    await import_sample_sheet(app, block_id)
    await register(sb, "lan", c["secretariat"], "Lê Thị Lan", "0911 111 111")
    await register(sb, "minh", c["secretariat"], "Phạm Văn Minh", "0922 222 222")
    await register(sb, "an", c["observer"], "Nguyễn Văn An", "0933 333 333")
    assert "/chamdiem" in (await sb.say("lan", "/help"))[0]

    overview = (await sb.say("lan", "/chamdiem"))[0]
    assert overview.startswith(f"📋 Bảng tiêu chí chấm điểm thi đua năm 2026\nĐơn vị: {HEAD}\n")
    assert (await sb.say("lan", "1"))[0].split("\n")[1].startswith("1.1 — ")  # ▶️ from 1.1
    assert (await sb.say("lan", "24,5"))[0].startswith("✅ Đã lưu 1.1: 24,5 điểm.")
    line = await _line(app, "BHXH", "1.1")
    lan = await _contact(app, "Lê Thị Lan")
    assert line is not None and line.self_score == Decimal("24.5") and line.updated_by == lan.id

    # a colleague in the secretariat continues the same draft: it belongs to the unit
    assert "đã chấm 1/4 tiêu chí" in (await sb.say("minh", "/chamdiem"))[0]

    deadlines = await sb.say("lan", "/nop")
    assert deadlines and HEAD in deadlines[0] and deadlines[0] != VI["sub.not_unit"]

    # the observer still may not
    assert await sb.say("an", "/chamdiem") == [VI["score.not_unit"]]
    assert await sb.say("an", "/nop") == [VI["sub.not_unit"]]


async def test_after_the_handover_the_new_head_units_contact_still_scores_it(
    app: App, block_id: int, sandbox: Sandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.cli_term import _handover

    sb = sandbox
    c = await codes(app, block_id)
    await register(sb, "cuc", c["CDNDTNT"], "Đỗ Thị Cúc", "0944 444 444")
    assert await _handover(app, block_id, 2026, "CDNDTNT", "YTE") == 0
    capsys.readouterr()
    assert (await sb.say("cuc", "/help"))[0] == VI["help_secretariat"]  # now the secretariat
    await import_sample_sheet(app, block_id)  # the new term's sheet
    overview = (await sb.say("cuc", "/chamdiem"))[0]
    assert overview.startswith("📋 Bảng tiêu chí chấm điểm thi đua năm 2026\nĐơn vị: "
                               "Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh\n")
