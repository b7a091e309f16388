"""Voting over Telegram: aiogram talks real HTTP to a fake Bot API. The ballot's notice carries an "open the
ballot" button that works whatever happened in the chat since; each candidate is a ☐/☑ button; a button
of an older ballot message has expired; the receipt comes once."""

from __future__ import annotations

import re
from typing import Any

from sqlmodel import select

from bot.app import App
from handlers.core.catalog import text
from storage.models_vote import Ballot
from tests.e2e.voting import poll_texts
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.helpers import codes, deliver, open_poll

LAN = 3003
QUESTION = "Bầu 2 đơn vị đề nghị UBND tỉnh tặng Bằng khen năm 2026"
NAMES = ["Sở Y tế", "Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo", "Bảo hiểm Xã hội tỉnh"]


def on(name: str) -> str:
    return text("vote.mark_on", name=name)  # «☑ Sở Y tế»


def off(name: str) -> str:
    return text("vote.mark_off", name=name)  # «☐ Sở Y tế»


def button(message: dict[str, Any], label: str) -> str:
    return str(next(data for said, data in message["buttons"] if said == label))


def labels(message: dict[str, Any]) -> list[str]:
    return [said for said, _ in message["buttons"]]


async def test_buttons_toggle_review_confirm(app: App, block_id: int, tg: FakeTelegramAPI) -> None:
    tg.set_user(LAN, "Lan", "Lê")
    tg.push_text(LAN, f"/start {(await codes(app, block_id))['YTE']}")
    for step in ("Đồng ý", "Lê Thị Lan", "Chuyên viên", "0903 111 222", text("confirm")):
        message = await tg.next_message(LAN)
        if message["buttons"]:
            tg.push_callback(LAN, button(message, step))
        else:
            tg.push_text(LAN, step)
    assert (await tg.next_message(LAN))["text"].startswith("✅ Đã đăng ký bạn")

    poll_id = await open_poll(app, block_id, QUESTION, seats=2, candidates=["YTE", "VHTTDL", "GDDT", "BHXH"])
    await deliver(app)
    notice = await tg.next_message(LAN)
    assert notice["text"] == poll_texts.notice(QUESTION, "Khối thi đua Văn hóa - Xã hội", "Sở Y tế", seats=2, most=2)
    assert labels(notice) == [text("vote.open_ballot")] and button(notice,
                                                                   text("vote.open_ballot")).endswith(f":g.vote.{poll_id}")

    tg.push_text(LAN, "/menu")  # the chat moves on; the notice's button still opens the ballot
    await tg.next_message(LAN)
    tg.push_callback(LAN, button(notice, text("vote.open_ballot")))
    ballot = await tg.next_message(LAN)
    assert ballot["text"] == poll_texts.ballot(QUESTION, "Sở Y tế", NAMES, []).split("\n[1]")[0]  # buttons apart
    assert labels(ballot) == [*(off(name) for name in NAMES), text("vote.review_button"), text("vote.blank_button"),
                              text("vote.later")]
    assert all(len(data.encode()) <= 64 for _, data in ballot["buttons"])

    tg.push_callback(LAN, button(ballot, off(NAMES[2])))
    ballot = await tg.next_message(LAN)
    assert text("vote.chosen", count=1, max=2, names=NAMES[2]) in ballot["text"]
    tg.push_callback(LAN, button(ballot, off(NAMES[0])))
    ballot = await tg.next_message(LAN)
    assert labels(ballot)[:4] == [on(NAMES[0]), off(NAMES[1]), on(NAMES[2]), off(NAMES[3])]
    older = ballot
    tg.push_callback(LAN, button(ballot, off(NAMES[3])))
    too_many = text("vote.too_many", max=2)
    assert (await tg.next_message(LAN))["text"] == too_many
    ballot = await tg.next_message(LAN)
    tg.push_callback(LAN, button(ballot, on(NAMES[0])))  # unchosen
    ballot = await tg.next_message(LAN)
    assert labels(ballot)[0] == off(NAMES[0])
    tg.push_callback(LAN, button(older, on(NAMES[0])))  # a button of an older ballot: expired, acts on nothing
    assert (await tg.next_message(LAN))["text"] == text("menu_expired")
    ballot = await tg.next_message(LAN)
    assert text("vote.chosen", count=1, max=2, names=NAMES[2]) in ballot["text"]

    tg.push_text(LAN, "1 3")  # typing works on Telegram too
    ballot = await tg.next_message(LAN)
    assert text("vote.chosen", count=2, max=2, names=f"{NAMES[0]}, {NAMES[2]}") in ballot["text"]
    tg.push_callback(LAN, button(ballot, text("vote.review_button")))
    review = await tg.next_message(LAN)
    assert review["text"] == poll_texts.review(QUESTION, "Sở Y tế", NAMES, [1, 3]).split("\n[1]")[0]
    assert labels(review) == [text("vote.confirm"), text("vote.edit"), text("vote.later")]
    tg.push_callback(LAN, button(review, text("vote.confirm")))
    cast = await tg.next_message(LAN)
    assert re.search(r"Mã biên nhận: [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\n", cast["text"])
    assert cast["buttons"] == []

    tg.push_callback(LAN, button(review, text("vote.confirm")))  # a double tap casts nothing more
    assert (await tg.next_message(LAN))["text"] == text("menu_expired")
    async with app.uow() as uow:
        ids = {u.code: u.id or 0 for u in await uow.directory.units(block_id)}
        assert [b.choices for b in (await uow.session.exec(select(Ballot))).all()] == [
            sorted([ids["YTE"], ids["GDDT"]])]
