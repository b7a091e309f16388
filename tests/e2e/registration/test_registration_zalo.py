"""Registration over the Zalo channel: the real ZaloChannel long-polls a fake Zalo Bot API over HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.app import App
from bot.channels.zalo import ZaloChannel
from bot.channels.zalo_api import ZaloClient
from handlers.core.catalog import text
from tests.e2e.registration.conftest import numbered
from tests.fakes.zalo_api import FakeZaloAPI
from tests.helpers import codes, deliver

BLOCK = "Khối thi đua Văn hóa - Xã hội"  # the sample block
KHCN = "Sở Khoa học và Công nghệ"
YES_NO = (text("yes"), text("no"))


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
    assert zalo.sent_to("hoa")[-1] == text("reg_done_secretariat", block=BLOCK)

    zalo.push_text("lan", c["KHCN"].lower().replace("-", " "))
    assert await zalo.next_message("lan") == numbered(text("reg_confirm_unit", unit=KHCN, block=BLOCK), *YES_NO)
    zalo.push_text("lan", "3")  # not on the menu
    assert await zalo.next_message("lan") == text("choose_from_menu")
    assert (await zalo.next_message("lan")).endswith(numbered("", *YES_NO))
    zalo.push_text("lan", "1")
    assert await zalo.next_message("lan") == text("reg_ask_name")
    zalo.push_text("lan", "Lê Thị Lan")
    assert await zalo.next_message("lan") == text("reg_ask_position")
    zalo.push_text("lan", "Phó Chánh Văn phòng")
    assert await zalo.next_message("lan") == text("reg_ask_phone")
    zalo.push_text("lan", "12345")
    assert await zalo.next_message("lan") == text("reg_bad_phone")
    assert await zalo.next_message("lan") == text("reg_ask_phone")
    zalo.push_text("lan", "0203 3871 234")
    summary = await zalo.next_message("lan")
    assert summary == numbered(text("reg_summary", where=text("reg_summary_unit", unit=KHCN), name="Lê Thị Lan",
                                    position="Phó Chánh Văn phòng", phone="0203 3871 234"),
                               text("confirm"), text("redo"), text("cancel"))
    update = zalo.push_text("lan", "1")
    assert await zalo.next_message("lan") == text("reg_done_unit", unit=KHCN, block=BLOCK)

    zalo.push_again(update)  # Zalo redelivers the confirmation: it must act once
    await asyncio.sleep(0.5)
    assert len(zalo.sent_to("lan")) == 10

    assert await deliver(app) == 1
    assert await zalo.next_message("hoa") == text(
        "notice_registered", name="Lê Thị Lan", position="Phó Chánh Văn phòng", phone="0203 3871 234",
        role_text=text("role.unit", unit=KHCN), done=2, total=11)

    zalo.push_text("lan", "/toi")
    assert text("role.unit", unit=KHCN) in await zalo.next_message("lan")
