"""The web sandbox's HTTP side: a message goes through the real dispatcher and comes back to the
right user; buttons keep their ids; an export is a download; other sites and bad input are refused."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import App
from bot.web import WebSandboxChannel, build_web_app
from handlers.core.catalog import text
from handlers.core.messages import Document, Reply
from tests.helpers import codes

Client = TestClient[object, object]


@pytest.fixture
def channel(app: App) -> WebSandboxChannel:
    web_channel = WebSandboxChannel()
    app.add_channel(web_channel)
    return web_channel


@pytest.fixture
async def client(app: App, channel: WebSandboxChannel) -> AsyncIterator[Client]:
    async with TestClient(TestServer(build_web_app(app, channel))) as test_client:
        yield test_client


async def messages(client: Client, after: int = 0) -> list[dict[str, object]]:
    data = await (await client.get(f"/api/messages?after={after}")).json()
    result: list[dict[str, object]] = data["messages"]
    return result


async def test_a_chat_through_the_dispatcher_with_buttons(app: App, block_id: int, client: Client) -> None:
    c = await codes(app, block_id)
    sent = await client.post("/api/send", json={"user": "hoa", "text": f"/start {c['secretariat']}"})
    assert sent.status == 200
    [ask] = await messages(client)
    confirm = text("reg_confirm_secretariat", block="Khối thi đua Văn hóa - Xã hội", unit="Bảo hiểm Xã hội tỉnh")
    assert ask["user"] == "hoa" and ask["text"] == confirm
    choices = ask["choices"]
    assert isinstance(choices, list) and [ch["label"] for ch in choices] == [text("yes"), text("no")]
    await client.post("/api/send", json={"user": "hoa", "option": choices[0]["id"], "version": ask["version"]})
    [name] = await messages(client, after=1)
    assert name["text"] == text("reg_ask_name") and name["seq"] == 2
    await client.post("/api/send", json={"user": "binh", "text": "xin chào"})
    [guest] = await messages(client, after=2)
    assert guest["user"] == "binh"  # another user's chat, not hoa's

    page = await client.get("/")
    assert page.status == 200 and text("meeting.sandbox_title") in await page.text()
    invites = await (await client.get("/api/invites")).json()
    [block] = invites["blocks"]
    assert {"who": "YTE", "name": "Sở Y tế", "code": c["YTE"]} in block["codes"]
    assert block["screen"].startswith("/man-hinh/")
    assert (await client.get(block["screen"])).status == 200


async def test_documents_are_downloads(app: App, client: Client, channel: WebSandboxChannel) -> None:
    await channel.send("sb-hoa", Reply("Bảng tổng hợp", document=Document("tong hop.xlsx", b"PK\x03\x04xlsx",
                                                                            "application/vnd.ms-excel")), 1)
    [item] = await messages(client)
    assert item["document"] == "tong hop.xlsx" and isinstance(item["file"], str)
    download = await client.get(item["file"])
    assert download.status == 200 and await download.read() == b"PK\x03\x04xlsx"
    assert download.headers["Content-Disposition"] == "attachment; filename*=UTF-8''tong%20hop.xlsx"
    assert (await client.get("/files/khong-co")).status == 404
    assert channel.delivered[-1].document == "tong hop.xlsx"  # the terminal sandbox sees it too


async def test_other_sites_and_bad_input_are_refused(client: Client, channel: WebSandboxChannel) -> None:
    rebinding = await client.post("/api/send", json={"user": "hoa", "text": "/menu"},
                                  headers={"Host": "evil.example:8080"})
    assert rebinding.status == 403
    form = await client.post("/api/send", data={"user": "hoa", "text": "/menu"})  # a cross-site form post
    assert form.status == 415
    assert (await client.post("/api/send", json={"user": "a b", "text": "/menu"})).status == 400
    assert (await client.post("/api/send", json={"user": "x" * 33, "text": "/menu"})).status == 400
    assert (await client.post("/api/send", json={"user": "hoa"})).status == 400
    assert (await client.post("/api/send", json=["hoa"])).status == 400
    assert (await client.post("/api/send", data="{", headers={"Content-Type": "application/json"})).status == 400
    assert (await client.get("/api/messages?after=-1")).status == 200
    assert channel.messages == []
