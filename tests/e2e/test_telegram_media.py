"""A photo, sticker or voice note is no answer: one short line says so, and the step (its buttons too) stays."""

from __future__ import annotations

from bot.app import App
from handlers.core.catalog import text
from tests.e2e.conftest import ZaloChat
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.helpers import codes

HOA = 1001
ASK_NAME = text("reg_ask_name")
ASK_POSITION = text("reg_ask_position")
YES = text("yes")
UNSUPPORTED = text("unsupported_message", "vi")


async def test_a_photo_gets_one_short_answer_and_the_step_stays(app: App, block_id: int,
                                                                tg: FakeTelegramAPI) -> None:
    c = await codes(app, block_id)
    tg.push_text(HOA, f"/start {c['secretariat']}")
    consent = await tg.next_message(HOA)

    tg.push_photo(HOA)  # a photo while the consent buttons are pending
    assert (await tg.next_message(HOA))["text"] == UNSUPPORTED
    tg.push_callback(HOA, next(data for label, data in consent["buttons"] if label == YES),
                     message_id=consent["message_id"])  # the earlier buttons still answer
    assert (await tg.next_message(HOA))["text"] == ASK_NAME

    tg.push_photo(HOA, caption="Nguyễn Thị Hoa")  # neither the photo nor its caption is the answer
    assert (await tg.next_message(HOA))["text"] == UNSUPPORTED

    tg.push_text(HOA, "Nguyễn Thị Hoa")  # still at the name step: a typed name goes on as usual
    assert (await tg.next_message(HOA))["text"] == ASK_POSITION


async def test_zalo_stickers_and_unsupported_messages_get_one_short_answer_each(app: App, block_id: int,
                                                                                zalo: ZaloChat) -> None:
    c = await codes(app, block_id)
    consent = await zalo.say("hoa", c["secretariat"])
    assert consent and f"\n1. {YES}\n" in consent[-1]

    assert await zalo.send_non_text("hoa", "sticker") == [UNSUPPORTED]
    assert await zalo.send_non_text("hoa", "unsupported") == [UNSUPPORTED]  # once each, never the step again
    assert await zalo.say("hoa", "1") == [ASK_NAME]  # the numbered consent menu still answers
    assert await zalo.send_non_text("hoa", "unsupported") == [UNSUPPORTED]
    assert await zalo.say("hoa", "Nguyễn Thị Hoa") == [ASK_POSITION]
