"""Submitting over Zalo with a photo: the unit photographs its signed report and sends it in the chat; the
channel fetches the photo from Zalo's URL and keeps it; the secretariat on Zalo gets the notice with a signed
link to it. A photo over the limit is refused with its size. Real Zalo channel, fake Zalo API."""

from __future__ import annotations

import asyncio
import dataclasses
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlmodel import select

from bot.app import App
from bot.channels.zalo import ZaloChannel
from bot.channels.zalo_api import ZaloClient
from bot.channels.zalo_photo import PhotoKeeper
from bot.web.file_links import FileLinker, FileStore, link_key, verify
from handlers.core.catalog import text
from handlers.core.messages import Incoming
from handlers.deadlines.rules.submission_input import format_size
from storage.models import Submission
from tests.e2e.conftest import ZaloChat
from tests.e2e.deadlines.conftest import YEAR_END, numbered
from tests.fakes.zalo_api import FakeZaloAPI
from tests.helpers import codes, deliver

PHOTO = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 400 + b"\xff\xd9"  # a JPEG's markers around 100 KB
LIMIT = 200_000
PUBLIC = "https://thidua.example.vn"


@pytest.fixture
async def zalo_photos(app: App, tmp_path: Path) -> AsyncIterator[tuple[ZaloChat, FileStore]]:
    """The Zalo channel as `thidua run` builds it: photos kept in the file store, files sent as signed links."""
    handled: asyncio.Queue[Incoming] = asyncio.Queue()
    app.dispatcher.config = dataclasses.replace(app.config, max_file_bytes=LIMIT)
    store = FileStore(tmp_path / "files")
    links = FileLinker(store, link_key(app.config.secret), PUBLIC)

    async def handle(incoming: Incoming) -> None:
        await app.dispatcher.handle(incoming)
        handled.put_nowait(incoming)

    async with FakeZaloAPI() as fake:
        client = ZaloClient(fake.token, base_url=fake.base_url, request_timeout=3)
        channel = ZaloChannel(client, document_unavailable_text="(tệp)", document_link=links.line,
                              photos=PhotoKeeper(store, LIMIT), poll_timeout=0.2, backoff_initial=0.01,
                              backoff_max=0.05)
        app.add_channel(channel)
        task = asyncio.create_task(channel.run_polling(handle))
        try:
            yield ZaloChat(fake, handled), store
        finally:
            channel.stop()
            await asyncio.wait_for(task, 3)
            await channel.close()


async def send_photo(zalo: ZaloChat, user: str, content: bytes, caption: str = "") -> list[str]:
    seen = len(zalo.api.sent_to(user))
    zalo.api.push_photo(user, content, caption)
    await asyncio.wait_for(zalo.handled.get(), 10)
    return zalo.api.sent_to(user)[seen:]


async def test_unit_submits_its_signed_report_as_a_photo(app: App, block_id: int,
                                                         zalo_photos: tuple[ZaloChat, FileStore]) -> None:
    zalo, store = zalo_photos
    c = await codes(app, block_id)
    for answer in (c["secretariat"], "1", "Nguyễn Thị Hoa", "Chánh Văn phòng", "0912345678", "1"):
        await zalo.say("hoa", answer)
    for answer in (c["YTE"], "1", "Trần Văn Bình", "Chuyên viên", "0987654321", "1"):
        await zalo.say("binh", answer)
    await deliver(app)

    assert (await zalo.say("binh", "/nop"))[0].startswith(text("sub.pick", unit="Sở Y tế"))
    assert await zalo.say("binh", "3") == [
        text("sub.intro", title=YEAR_END, due="30/11/2026 17:00"),
        numbered(f"{text('sub.ask_method')}\n{text('sub.photo_here')}", text("sub.method_dispatch"), text("cancel"))]
    big = await send_photo(zalo, "binh", PHOTO * 3, "Báo cáo quá lớn")
    assert big[0] == text("sub.file_too_big", name="Báo cáo quá lớn.jpg", size=format_size(3 * len(PHOTO)),
                          max=format_size(LIMIT))

    name = "Báo cáo tổng kết 2026 - Sở Y tế.jpg"
    summary = await send_photo(zalo, "binh", PHOTO, "Báo cáo tổng kết 2026 / Sở Y tế")  # a caption names it
    size = format_size(len(PHOTO))
    assert summary == [numbered(text("sub.file_summary", unit="Sở Y tế", title=YEAR_END, name=name, size=size),
                                text("sub.confirm"), text("sub.other_file"), text("cancel"))]
    done = await zalo.say("binh", "1")
    what = text("sub.what_file", name=name, size=size)
    assert done[0] == text("sub.done_on_time", unit="Sở Y tế", title=YEAR_END, what=what, at="23/11/2026 09:00",
                           due="30/11/2026 17:00")

    async with app.uow() as uow:
        row = (await uow.session.exec(select(Submission))).one()
    kept = store.get(row.file_id or "")
    assert kept is not None and kept[1].read_bytes() == PHOTO and row.mime == "image/jpeg"

    await deliver(app)
    notice = zalo.api.sent_to("hoa")[-1]
    assert notice.startswith(text("sub.notice", unit="Sở Y tế", title=YEAR_END, timing=text("sub.notice_on_time"),
                                  what=what, replaced="", done=1, total=11))
    link = re.search(rf"{re.escape(PUBLIC)}/files/([0-9a-f]{{32}})/(\d+)/([\w-]{{43}})", notice)
    assert link is not None and link.group(1) == row.file_id  # the very photo, behind a signed link
    assert verify(link_key(app.config.secret), link.group(1), link.group(2), link.group(3), 0)
