"""Registration over the Zalo channel: the real ZaloChannel long-polls a fake Zalo Bot API over HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.app import App
from bot.channels.zalo import ZaloChannel
from bot.channels.zalo_api import ZaloClient
from handlers.core.catalog import text
from tests.fakes.zalo_api import FakeZaloAPI
from tests.helpers import codes, deliver


@pytest.fixture
async def zalo(app: App) -> AsyncIterator[FakeZaloAPI]:
    async with FakeZaloAPI() as fake:
        client = ZaloClient(fake.token, base_url=fake.base_url, request_timeout=3)
        channel = ZaloChannel(client, document_unavailable_text="(tệp)", poll_timeout=0.2,
                              backoff_initial=0.01, backoff_max=0.05)
        app.add_channel(channel)
        task = asyncio.create_task(channel.run_polling(app.dispatcher.handle))
        try:
            yield fake
        finally:
            channel.stop()
            await asyncio.wait_for(task, 3)
            await channel.close()


async def test_unit_contact_registers_by_typing_code_and_numbers(app: App, block_id: int,
                                                                 zalo: FakeZaloAPI) -> None:
    c = await codes(app, block_id)
    # the secretariat registers first, so that it is told about the unit's contact
    for said in (c["secretariat"], "1", "Nguyễn Thị Hoa", "Chánh Văn phòng", "0912345678", "1"):
        zalo.push_text("hoa", said)
        await zalo.next_message("hoa")
    assert "Thường trực" in zalo.sent_to("hoa")[-1]

    zalo.push_text("lan", c["KHCN"].lower().replace("-", " "))
    assert await zalo.next_message("lan") == (
        "Mã mời của đơn vị:\nSở Khoa học và Công nghệ\nKhối thi đua Văn hóa - Xã hội\n\n"
        "Bạn là cán bộ đầu mối thi đua của đơn vị này?\n\n1. Đồng ý\n2. Không"
    )
    zalo.push_text("lan", "3")  # not on the menu
    assert await zalo.next_message("lan") == text("choose_from_menu")
    assert (await zalo.next_message("lan")).endswith("1. Đồng ý\n2. Không")
    zalo.push_text("lan", "1")
    assert await zalo.next_message("lan") == text("reg_ask_name")
    zalo.push_text("lan", "Lê Thị Lan")
    assert (await zalo.next_message("lan")).startswith("Mời nhập chức vụ")
    zalo.push_text("lan", "Phó Chánh Văn phòng")
    assert (await zalo.next_message("lan")).startswith("Mời gửi số điện thoại")
    zalo.push_text("lan", "12345")
    assert (await zalo.next_message("lan")).startswith("Số điện thoại chưa đúng.")
    assert (await zalo.next_message("lan")).startswith("Mời gửi số điện thoại")
    zalo.push_text("lan", "0203 3871 234")
    summary = await zalo.next_message("lan")
    assert "• Điện thoại: 0203 3871 234" in summary and summary.endswith("1. Xác nhận\n2. Nhập lại\n3. Hủy")
    update = zalo.push_text("lan", "1")
    assert (await zalo.next_message("lan")).startswith("✅ Đã đăng ký bạn là đầu mối thi đua của Sở Khoa học")

    zalo.push_again(update)  # Zalo redelivers the confirmation: it must act once
    await asyncio.sleep(0.5)
    assert len(zalo.sent_to("lan")) == 10

    assert await deliver(app) == 1
    assert (await zalo.next_message("hoa")).startswith("🆕 Lê Thị Lan (Phó Chánh Văn phòng, 0203 3871 234)")

    zalo.push_text("lan", "/toi")
    assert "đầu mối của Sở Khoa học và Công nghệ" in await zalo.next_message("lan")
