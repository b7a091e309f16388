"""Submitting over Telegram: aiogram talks real HTTP to a fake Bot API; the unit uploads a PDF, and the
secretariat receives the notice and the same file (by its file_id) from the outbox."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from bot.app import App
from handlers.core.catalog import text
from storage.models import Submission
from tests.e2e.deadlines.conftest import BLOCK, REGISTERED, SELF_ASSESSMENT, YEAR_END
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.helpers import codes, deliver

HOA, BINH = 1001, 2002


def button(message: dict[str, Any], label: str) -> str:
    """The callback data of the button whose label starts with `label`."""
    return str(next(data for said, data in message["buttons"] if said.startswith(label)))


async def register(tg: FakeTelegramAPI, user: int, code: str, name: str, phone: str) -> None:
    tg.push_text(user, f"/start {code}")
    tg.push_callback(user, button(await tg.next_message(user), text("yes")))
    await tg.next_message(user)
    tg.push_text(user, name)
    await tg.next_message(user)
    tg.push_text(user, "Chuyên viên")
    await tg.next_message(user)
    tg.push_text(user, phone)
    tg.push_callback(user, button(await tg.next_message(user), text("confirm")))
    assert (await tg.next_message(user))["text"].startswith(REGISTERED)


async def test_unit_uploads_a_pdf_and_the_secretariat_gets_it(app: App, block_id: int, tg: FakeTelegramAPI) -> None:
    c = await codes(app, block_id)
    await register(tg, HOA, c["secretariat"], "Nguyễn Thị Hoa", "0912 345 678")
    await register(tg, BINH, c["YTE"], "Trần Văn Bình", "0987 654 321")
    assert await deliver(app) == 1
    assert (await tg.next_message(HOA))["text"].startswith("🆕 Trần Văn Bình")

    tg.push_text(BINH, "/nop")
    pick = await tg.next_message(BINH)
    assert pick["text"] == text("sub.pick", unit="Sở Y tế")
    assert [label for label, _ in pick["buttons"]][2:] == [
        text("sub.label", title=YEAR_END, due="30/11/2026 17:00"),
        text("sub.label", title=SELF_ASSESSMENT, due="30/11/2026 17:00"), text("cancel")]
    assert all(len(data.encode()) <= 64 for _, data in pick["buttons"])
    tg.push_callback(BINH, button(pick, YEAR_END))
    assert (await tg.next_message(BINH))["text"] == text("sub.intro", title=YEAR_END, due="30/11/2026 17:00")
    method = await tg.next_message(BINH)
    assert [label for label, _ in method["buttons"]] == [text("sub.method_file"), text("sub.method_dispatch"),
                                                         text("cancel")]
    tg.push_callback(BINH, button(method, text("sub.method_file")))
    assert (await tg.next_message(BINH))["text"] == text("sub.ask_file", max="20 MB")

    tg.push_document(BINH, "virus.exe", "application/x-msdownload", 4_000)
    assert (await tg.next_message(BINH))["text"] == text("sub.file_bad_type", name="virus.exe")
    await tg.next_message(BINH)
    upload = tg.push_document(BINH, "Bao cao tong ket 2026.pdf", "application/pdf", 2_400_000)
    summary = await tg.next_message(BINH)
    assert summary["text"] == text("sub.file_summary", unit="Sở Y tế", title=YEAR_END,
                                   name="Bao cao tong ket 2026.pdf", size="2,3 MB")
    tg.push_callback(BINH, button(summary, text("sub.confirm")))
    done = await tg.next_message(BINH)
    what = text("sub.what_file", name="Bao cao tong ket 2026.pdf", size="2,3 MB")
    assert done["text"] == text("sub.done_on_time", unit="Sở Y tế", title=YEAR_END, what=what, at="23/11/2026 09:00",
                                due="30/11/2026 17:00")
    assert (await tg.next_message(BINH))["text"] == text("menu_unit", unit="Sở Y tế", block=BLOCK)

    async with app.uow() as uow:
        row = (await uow.session.exec(select(Submission))).one()
    assert (row.kind, row.file_id, row.size, row.late) == ("document", f"file-{upload}", 2_400_000, False)

    assert await deliver(app) == 1
    notice = await tg.next_message(HOA)
    assert (notice["method"], notice["text"]) == (
        "sendMessage", text("sub.notice", unit="Sở Y tế", title=YEAR_END, timing=text("sub.notice_on_time"),
                            what=what, replaced="", done=1, total=11))
    forwarded = await tg.next_message(HOA)
    assert (forwarded["method"], forwarded["document"]) == ("sendDocument", f"file-{upload}")
