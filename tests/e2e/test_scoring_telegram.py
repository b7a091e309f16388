"""Scoring over Telegram: aiogram talks real HTTP to a fake Bot API. Quick answers are inline buttons; a typed
number is a score even when it is also the number of a button; the evidence is a document."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from bot.app import App
from storage.models import Assessment
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.helpers import codes, import_sample_sheet

LAN = 3003


def button(message: dict[str, Any], label: str) -> str:
    return next(data for text, data in message["buttons"] if text == label)


async def test_quick_answers_typed_numbers_and_evidence(app: App, block_id: int, tg: FakeTelegramAPI) -> None:
    await import_sample_sheet(app, block_id)
    tg.set_user(LAN, "Lan", "Lê")
    tg.push_text(LAN, f"/start {(await codes(app, block_id))['YTE']}")
    for step in ("Đồng ý", "Lê Thị Lan", "Chuyên viên", "0903 111 222", "Xác nhận"):
        message = await tg.next_message(LAN)
        if message["buttons"]:
            tg.push_callback(LAN, button(message, step))
        else:
            tg.push_text(LAN, step)
    assert (await tg.next_message(LAN))["text"].startswith("✅ Đã đăng ký bạn")

    tg.push_text(LAN, "/chamdiem")
    overview = await tg.next_message(LAN)
    assert all(len(data.encode()) <= 64 for _, data in overview["buttons"])
    tg.push_callback(LAN, button(overview, "▶️ Tiếp tục từ 1.1"))
    ask = await tg.next_message(LAN)
    assert [label for label, _ in ask["buttons"]] == [
        "Tối đa: 25 điểm", "0 điểm", "Bỏ qua", "Quay lại", "Chuyển tiêu chí", "Tổng quan"]

    tg.push_callback(LAN, button(ask, "Tối đa: 25 điểm"))
    explain = await tg.next_message(LAN)
    assert explain["text"].startswith("✅ Đã lưu 1.1: 25 điểm.")
    tg.push_callback(LAN, button(explain, "Bỏ qua"))
    evidence = await tg.next_message(LAN)
    assert evidence["text"].startswith("Gửi tệp minh chứng cho 1.1")
    tg.push_document(LAN, "quyet-dinh.pdf", "application/pdf", 80_000)
    ask = await tg.next_message(LAN)
    assert ask["text"].startswith("📎 Đã lưu tệp minh chứng quyet-dinh.pdf cho 1.1.\n\nPhần I.")

    tg.push_text(LAN, "3")  # the number of the "Bỏ qua" button, typed: a score
    assert (await tg.next_message(LAN))["text"].startswith("✅ Đã lưu 1.2: 3 điểm.")
    tg.push_callback(LAN, button(ask, "Bỏ qua"))  # an older message's button: expired, acts on nothing
    assert (await tg.next_message(LAN))["text"] == "Menu này đã hết hạn. Mời bạn chọn lại ở menu mới nhất:"
    await tg.next_message(LAN)

    async with app.uow() as uow:
        row = (await uow.session.exec(select(Assessment))).one()
        assert row.id is not None
        lines = await uow.scoring.lines(row.id)
    assert lines["1.1"].self_score == 25 and lines["1.2"].self_score == 3
    assert lines["1.1"].evidence_name == "quyet-dinh.pdf" and lines["1.1"].evidence_file_id
