"""Scoring over Telegram: aiogram talks real HTTP to a fake Bot API. Quick answers are inline buttons; a typed
number is a score even when it is also the number of a button; the evidence is a document."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from openpyxl import load_workbook
from sqlmodel import select

from bot.app import App
from handlers.core.catalog import text
from storage.models import Assessment
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.helpers import codes, import_sample_sheet
from tests.integration.test_scoring_exports import seed

LAN = 3003


def button(message: dict[str, Any], label: str) -> str:
    return next(data for said, data in message["buttons"] if said == label)


async def register(tg: FakeTelegramAPI, user: int, code: str, answers: tuple[str, ...]) -> None:
    """/start CODE, then each answer: a button's label pressed, or typed where the step has no buttons."""
    tg.push_text(user, f"/start {code}")
    for step in answers:
        message = await tg.next_message(user)
        if message["buttons"]:
            tg.push_callback(user, button(message, step))
        else:
            tg.push_text(user, step)
    assert (await tg.next_message(user))["text"].startswith("✅ Đã đăng ký bạn")


async def test_quick_answers_typed_numbers_and_evidence(app: App, block_id: int, tg: FakeTelegramAPI) -> None:
    await import_sample_sheet(app, block_id)
    tg.set_user(LAN, "Lan", "Lê")
    await register(tg, LAN, (await codes(app, block_id))["YTE"],
                   ("Đồng ý", "Lê Thị Lan", "Chuyên viên", "0903 111 222", text("confirm")))

    tg.push_text(LAN, "/chamdiem")
    overview = await tg.next_message(LAN)
    assert all(len(data.encode()) <= 64 for _, data in overview["buttons"])
    tg.push_callback(LAN, button(overview, text("score.opt_continue", code="1.1")))
    ask = await tg.next_message(LAN)
    skip, top = text("score.opt_skip"), text("score.quick_max", max=25)
    assert [label for label, _ in ask["buttons"]] == [
        top, text("score.quick_zero"), skip, text("score.opt_back"), text("score.opt_jump"), text("score.opt_overview")]

    tg.push_callback(LAN, button(ask, top))
    explain = await tg.next_message(LAN)
    assert explain["text"].startswith(text("score.saved", code="1.1", score=25))
    tg.push_callback(LAN, button(explain, skip))
    evidence = await tg.next_message(LAN)
    assert evidence["text"].startswith(text("score.ask_evidence", code="1.1", max="20 MB"))
    tg.push_document(LAN, "quyet-dinh.pdf", "application/pdf", 80_000)
    ask = await tg.next_message(LAN)
    section_i = text("score.head_section", code="I", title="")
    assert ask["text"].startswith(f'{text("score.evidence_saved", name="quyet-dinh.pdf", code="1.1")}\n\n{section_i}')

    tg.push_text(LAN, "3")  # the number of the "Bỏ qua" button, typed: a score
    assert (await tg.next_message(LAN))["text"].startswith(text("score.saved", code="1.2", score=3))
    tg.push_callback(LAN, button(ask, skip))  # an older message's button: expired, acts on nothing
    assert (await tg.next_message(LAN))["text"] == text("menu_expired")
    await tg.next_message(LAN)

    async with app.uow() as uow:
        row = (await uow.session.exec(select(Assessment))).one()
        assert row.id is not None
        lines = await uow.scoring.lines(row.id)
    assert lines["1.1"].self_score == 25 and lines["1.2"].self_score == 3
    assert lines["1.1"].evidence_name == "quyet-dinh.pdf" and lines["1.1"].evidence_file_id


HOA = 3001


async def test_the_secretariat_gets_the_exports_as_documents(app: App, block_id: int, tg: FakeTelegramAPI) -> None:
    """/diem on Telegram: the summary and a unit's sheet arrive as .xlsx documents, ranked, with the step's
    number format; the actions come back under them."""
    await seed(app, block_id)
    tg.set_user(HOA, "Hoa", "Nguyễn")
    await register(tg, HOA, (await codes(app, block_id))["secretariat"],
                   ("Đồng ý", "Nguyễn Thị Hoa", "Chánh Văn phòng", "0912 345 678", text("confirm")))

    tg.push_text(HOA, "/diem")
    overview = await tg.next_message(HOA)
    assert overview["text"].startswith("📊 Điểm thi đua năm 2026")
    tg.push_callback(HOA, button(overview, text("sca.action.export")))
    caption = await tg.next_message(HOA)  # the text, then the document
    caption_head = text("sca.x.summary_caption", year=2026, block="Khối thi đua Văn hóa - Xã hội", now="\0", done=0,
                        total=0).split("\0")[0]
    assert caption["text"].startswith(caption_head)
    summary = await tg.next_message(HOA)
    assert (summary["method"], summary["document"]) == ("sendDocument", "tong-hop-diem-2026.xlsx")
    book = load_workbook(BytesIO(summary["document_content"]))
    ranking = book[text("sca.x.sheet_ranking")]
    assert [ranking.cell(5 + i, 3).value for i in range(3)] == [
        "Sở Giáo dục và Đào tạo", "Bảo hiểm Xã hội tỉnh", "Sở Y tế"]
    assert ranking.cell(5, 5).number_format == "0.0"  # the sample sheet's step of 0,5
    after = await tg.next_message(HOA)
    assert after["text"] == text("sca.next_action")

    tg.push_callback(HOA, button(after, text("sca.action.export_unit")))
    tg.push_callback(HOA, button(await tg.next_message(HOA), "Sở Y tế"))
    assert (await tg.next_message(HOA))["text"].startswith("📎 ")
    sheet = await tg.next_message(HOA)
    assert (sheet["method"], sheet["document"]) == ("sendDocument", "bang-tu-cham-yte-2026.xlsx")
    assert load_workbook(BytesIO(sheet["document_content"])).properties.identifier.startswith("thidua-unit-sheet:YTE:")
