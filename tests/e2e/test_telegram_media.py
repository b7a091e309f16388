"""A photo, sticker or voice note over Telegram is no answer: the person is asked the step again."""

from __future__ import annotations

from bot.app import App
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.helpers import codes

HOA = 1001
ASK_NAME = "Mời nhập họ và tên của bạn (ví dụ: Nguyễn Thị Hoa)."
ASK_NAME_AGAIN = "Họ và tên cần từ 2 đến 100 ký tự, có chữ cái và không chứa lệnh hay đường dẫn. Mời nhập lại."


async def test_a_photo_at_the_name_step_gets_the_step_asked_again(app: App, block_id: int, tg: FakeTelegramAPI) -> None:
    c = await codes(app, block_id)
    tg.push_text(HOA, f"/start {c['secretariat']}")
    consent = await tg.next_message(HOA)
    tg.push_callback(HOA, next(data for label, data in consent["buttons"] if label == "Đồng ý"))
    assert (await tg.next_message(HOA))["text"] == ASK_NAME

    tg.push_photo(HOA, caption="Nguyễn Thị Hoa")  # neither the photo nor its caption is the answer
    assert (await tg.next_message(HOA))["text"] == ASK_NAME_AGAIN

    tg.push_text(HOA, "Nguyễn Thị Hoa")  # still at the name step: a typed name goes on as usual
    assert "chức vụ" in (await tg.next_message(HOA))["text"]
