"""The Zalo channel talking real HTTP to the fake Zalo Bot API."""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.channels.base import DeliveryError
from bot.channels.zalo import DEFAULT_RETRY_AFTER, ZaloChannel
from bot.channels.zalo_api import ZaloAPIError, ZaloClient
from bot.channels.zalo_photo import PhotoKeeper
from bot.web.file_links import FileLinker, FileStore, add_file_routes, link_key
from handlers.core.catalog import text as catalog_text
from handlers.core.messages import Choice, Document, Incoming, Reply
from tests.fakes.zalo_api import FakeZaloAPI

DOC_NOTE = "(document available on Telegram/CLI)"
SECRET = "webhook-secret-123"


class Inbox:
    """An `on_incoming` that records what it got and can be told to fail."""

    def __init__(self, fail_on: Callable[[Incoming], bool] = lambda _: False) -> None:
        self.items: list[Incoming] = []
        self.fail_on = fail_on

    async def __call__(self, incoming: Incoming) -> None:
        self.items.append(incoming)
        if self.fail_on(incoming):
            raise ValueError(f"cannot handle {incoming.text}")

    async def wait(self, count: int, within: float = 3) -> list[Incoming]:
        await until(lambda: len(self.items) >= count, within)
        return self.items


async def until(condition: Callable[[], bool], within: float = 3) -> None:
    for _ in range(int(within / 0.01)):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition not reached in time")


def make_channel(zalo: FakeZaloAPI, **options: Any) -> ZaloChannel:
    client = ZaloClient(zalo.token, base_url=zalo.base_url, request_timeout=3)
    settings: dict[str, Any] = {"poll_timeout": 0.2, "backoff_initial": 0.01, "backoff_max": 0.05, **options}
    return ZaloChannel(client, document_unavailable_text=DOC_NOTE, **settings)


@pytest.fixture
async def zalo() -> AsyncIterator[FakeZaloAPI]:
    async with FakeZaloAPI() as fake:
        yield fake


@pytest.fixture
async def channel(zalo: FakeZaloAPI) -> AsyncIterator[ZaloChannel]:
    channel = make_channel(zalo)
    yield channel
    await channel.close()


@asynccontextmanager
async def polling(channel: ZaloChannel, inbox: Inbox) -> AsyncIterator[asyncio.Task[None]]:
    task = asyncio.create_task(channel.run_polling(inbox))
    try:
        yield task
    finally:
        channel.stop()
        await asyncio.wait_for(task, 2)


# -- receiving ------------------------------------------------------------------------------------


async def test_polling_deletes_the_webhook_then_delivers_text(
    zalo: FakeZaloAPI, channel: ZaloChannel
) -> None:
    await channel.client.set_webhook("https://example.test/zalo", SECRET)  # would block getUpdates
    inbox = Inbox()
    async with polling(channel, inbox):
        update_id = zalo.push_text("u1", "Xin chào", display_name="Lan")
        [incoming] = await inbox.wait(1)
    assert incoming == Incoming(
        channel="zalo", chat_id="u1", user_id="u1", update_id=update_id, text="Xin chào", display_name="Lan"
    )
    assert zalo.calls[:2] == ["setWebhook", "deleteWebhook"] and zalo.webhook_url == ""


@pytest.mark.parametrize("idle_http_status", [408, 200])
async def test_idle_polls_are_not_errors(idle_http_status: int, caplog: pytest.LogCaptureFixture) -> None:
    async with FakeZaloAPI(idle_http_status=idle_http_status) as zalo:
        channel = make_channel(zalo, backoff_initial=5)  # a poll taken for an error would stall 5 s
        inbox = Inbox()
        async with polling(channel, inbox):
            await until(lambda: zalo.calls.count("getUpdates") >= 3)
            zalo.push_text("u1", "còn đó không?")
            [incoming] = await inbox.wait(1, within=2)
        await channel.close()
    assert incoming.text == "còn đó không?"
    assert "polling failed" not in caplog.text


async def test_malformed_updates_are_skipped(
    zalo: FakeZaloAPI, channel: ZaloChannel, caplog: pytest.LogCaptureFixture
) -> None:
    zalo.push_raw({"event_name": "message.text.received", "message": {"text": "no ids here"}})
    zalo.push_raw({"event_name": "user.follow"})
    zalo.push_raw({"message": ["not", "a", "dict"]})
    update_id = zalo.push_text("u2", "sau đó")
    inbox = Inbox()
    async with polling(channel, inbox):
        await inbox.wait(1)
        await until(lambda: zalo.pending == 0)
        await asyncio.sleep(0.1)
    assert [(i.update_id, i.text) for i in inbox.items] == [(update_id, "sau đó")]
    assert caplog.text.count("Skipped Zalo update") == 3
    assert "no ids here" not in caplog.text


async def test_failing_handler_is_logged_without_text_and_polling_goes_on(
    zalo: FakeZaloAPI, channel: ZaloChannel, caplog: pytest.LogCaptureFixture
) -> None:
    bad_id = zalo.push_text("u1", "/start INVITE-7QX9-SECRET")
    zalo.push_text("u1", "tiếp")
    inbox = Inbox(fail_on=lambda incoming: incoming.update_id == bad_id)
    async with polling(channel, inbox):
        items = await inbox.wait(2)
    assert [i.text for i in items] == ["/start INVITE-7QX9-SECRET", "tiếp"]
    assert f"Handling Zalo update {bad_id} (message.text.received) failed: ValueError" in caplog.text
    assert "INVITE-7QX9-SECRET" not in caplog.text


async def test_non_text_message_arrives_without_text(zalo: FakeZaloAPI, channel: ZaloChannel) -> None:
    zalo.push_non_text("u1", "sticker")
    inbox = Inbox()
    async with polling(channel, inbox):
        [incoming] = await inbox.wait(1)
    assert (incoming.chat_id, incoming.text, incoming.option, incoming.unsupported) == ("u1", None, None, True)


async def test_redelivered_update_keeps_its_id(zalo: FakeZaloAPI, channel: ZaloChannel) -> None:
    update_id = zalo.push_text("u1", "1")
    zalo.push_again(update_id)
    inbox = Inbox()
    async with polling(channel, inbox):
        first, second = await inbox.wait(2)
    assert first == second and first.update_id == update_id


async def test_polling_backs_off_on_server_errors_and_recovers(
    zalo: FakeZaloAPI, channel: ZaloChannel, caplog: pytest.LogCaptureFixture
) -> None:
    zalo.fail_next("getUpdates", 3, status=500)
    zalo.push_text("u1", "vẫn tới")
    inbox = Inbox()
    async with polling(channel, inbox):
        [incoming] = await inbox.wait(1)
    assert incoming.text == "vẫn tới"
    assert caplog.text.count("Zalo polling failed") == 3


async def test_stop_ends_a_long_poll_promptly(zalo: FakeZaloAPI) -> None:
    channel = make_channel(zalo, poll_timeout=30)
    task = asyncio.create_task(channel.run_polling(Inbox()))
    await until(lambda: "getUpdates" in zalo.calls)
    channel.stop()
    await asyncio.wait_for(task, 1)
    await channel.close()
    assert task.done() and task.exception() is None


# -- sending --------------------------------------------------------------------------------------


async def test_choices_arrive_as_one_numbered_message(zalo: FakeZaloAPI, channel: ZaloChannel) -> None:
    reply = Reply("Chọn đơn vị", choices=(Choice("a", "A"), Choice("b", "B")))
    await channel.send("u1", reply, version=3)
    assert zalo.sent == [("u1", "Chọn đơn vị\n\n1. A\n2. B")]


async def test_long_reply_is_split_at_line_boundaries(zalo: FakeZaloAPI, channel: ZaloChannel) -> None:
    lines = [f"{i:03d} " + "chữ " * 11 + "x" * 1 for i in range(90)]
    text = "\n".join(lines)
    assert 4400 < len(text) <= 4500
    await channel.send("u1", Reply(text), version=1)
    parts = zalo.sent_to("u1")
    assert len(parts) == 3
    assert all(len(part) <= 2000 for part in parts)
    assert "\n".join(parts) == text
    assert all(line in lines for part in parts for line in part.split("\n"))


async def test_document_becomes_a_note_above_the_menu(zalo: FakeZaloAPI, channel: ZaloChannel) -> None:
    reply = Reply("Báo cáo đã sẵn sàng", choices=(Choice("ok", "Xong"),), document=Document("bc.docx", b"x"))
    await channel.send("u1", reply, version=1)
    assert zalo.sent_to("u1") == [f"Báo cáo đã sẵn sàng\n\n{DOC_NOTE}\n\n1. Xong"]


async def test_a_file_the_bot_made_reaches_zalo_as_a_signed_link_that_serves_it(zalo: FakeZaloAPI,
                                                                                  tmp_path: Path) -> None:
    key = link_key(b"k" * 32)
    links = FileLinker(FileStore(tmp_path), key, "https://bot.example.vn/", days=7, now=lambda: 1_800_000_000)
    channel = make_channel(zalo, document_link=links.line)
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    content = b"PK" + b"x" * 3000
    await channel.send("u1", Reply("Bảng tổng hợp", document=Document("Tong-hop.xlsx", content, xlsx)), version=1)
    await channel.close()

    [message] = zalo.sent_to("u1")
    url = message.split(": ", 1)[1].split(" ", 1)[0]
    assert message == "Bảng tổng hợp\n\n" + catalog_text("file_link", "vi", name="Tong-hop.xlsx", size="3 KB", url=url,
                                                   until="22/01/2027")
    assert url.startswith("https://bot.example.vn/files/")
    web_app = web.Application()
    add_file_routes(web_app, FileStore(tmp_path), key, now=lambda: 1_800_000_000)
    async with TestClient(TestServer(web_app)) as client:
        served = await client.get(url.removeprefix("https://bot.example.vn"))
        assert (served.status, await served.read(), served.headers["Content-Type"]) == (200, content, xlsx)
        forged = url[:-4] + ("AAAA" if not url.endswith("AAAA") else "BBBB")
        assert (await client.get(forged.removeprefix("https://bot.example.vn"))).status == 404


async def test_a_file_only_the_platform_holds_still_gets_the_note(zalo: FakeZaloAPI, tmp_path: Path) -> None:
    links = FileLinker(FileStore(tmp_path), link_key(b"k" * 32), "https://bot.example.vn")
    channel = make_channel(zalo, document_link=links.line)
    await channel.send("u1", Reply("Báo cáo", document=Document("bc.pdf", file_id="tg-file-1")), version=1)
    await channel.close()
    assert zalo.sent_to("u1") == [f"Báo cáo\n\n{DOC_NOTE}"]


async def test_a_resend_after_a_later_part_failed_starts_at_that_part(zalo: FakeZaloAPI,
                                                                       channel: ZaloChannel) -> None:
    lines = [f"{i:03d} 📝 " + "x" * 40 for i in range(100)]  # three parts under 2,000 UTF-16 units
    reply = Reply("\n".join(lines))
    zalo.fail_after("sendMessage", ok=1)  # the first part goes out, the second fails
    with pytest.raises(DeliveryError):
        await channel.send("u1", reply, version=1)
    [first] = zalo.sent_to("u1")

    await channel.send("u1", reply, version=1)  # the outbox sends the reply again

    parts = zalo.sent_to("u1")
    assert parts[0] == first and len(parts) == 3 and parts.count(first) == 1  # the first part never twice
    assert "\n".join(parts).split("\n") == lines
    await channel.send("u1", reply, version=1)  # the same text later: whole again
    assert len(zalo.sent_to("u1")) == 6


async def test_rate_limit_gives_retry_after(zalo: FakeZaloAPI, channel: ZaloChannel) -> None:
    zalo.fail_next("sendMessage", status=429, retry_after=7)
    with pytest.raises(DeliveryError) as caught:
        await channel.send("u1", Reply("hello"), version=1)
    assert (caught.value.retry_after, caught.value.permanent) == (7, False)
    zalo.fail_next("sendMessage", status=429)
    with pytest.raises(DeliveryError) as caught:
        await channel.send("u1", Reply("hello"), version=1)
    assert caught.value.retry_after == DEFAULT_RETRY_AFTER
    assert zalo.sent == []


async def test_server_error_is_transient(zalo: FakeZaloAPI, channel: ZaloChannel) -> None:
    zalo.fail_next("sendMessage", status=500)
    with pytest.raises(DeliveryError) as caught:
        await channel.send("u1", Reply("hello"), version=1)
    assert (caught.value.retry_after, caught.value.permanent) == (None, False)
    await channel.send("u1", Reply("hello"), version=1)  # the next try goes through
    assert zalo.sent == [("u1", "hello")]


async def test_unreachable_chat_is_permanent(zalo: FakeZaloAPI, channel: ZaloChannel) -> None:
    zalo.unreachable.add("gone")
    with pytest.raises(DeliveryError) as caught:
        await channel.send("gone", Reply("hello"), version=1)
    assert caught.value.permanent and caught.value.retry_after is None


async def test_network_failure_is_transient() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = ZaloClient("1:t", base_url=f"http://127.0.0.1:{port}", request_timeout=2)
    channel = ZaloChannel(client, document_unavailable_text=DOC_NOTE)
    with pytest.raises(DeliveryError) as caught:
        await channel.send("u1", Reply("hello"), version=1)
    await channel.close()
    assert not caught.value.permanent and caught.value.retry_after is None


async def test_client_refuses_over_long_text_and_the_fake_does_too(
    zalo: FakeZaloAPI, channel: ZaloChannel
) -> None:
    with pytest.raises(ValueError):
        await channel.client.send_message("u1", "x" * 2001)
    with pytest.raises(ZaloAPIError) as caught:
        await channel.client.call("sendMessage", {"chat_id": "u1", "text": "x" * 2001})
    assert caught.value.code == 400
    assert zalo.sent == []


async def test_client_methods_round_trip(zalo: FakeZaloAPI, channel: ZaloChannel) -> None:
    client = channel.client
    assert (await client.get_me())["id"] == "1234567890"
    await client.set_webhook("https://example.test/zalo", SECRET)
    assert (await client.get_webhook_info())["url"] == "https://example.test/zalo"
    await client.delete_webhook()
    assert (await client.get_webhook_info())["url"] == ""
    await client.send_chat_action("u1", "typing")
    assert zalo.chat_actions == [("u1", "typing")]
    assert await client.get_updates(0.1) is None
    assert zalo.token not in repr(client)


async def test_long_poll_honours_its_timeout_and_wakes_on_push(
    zalo: FakeZaloAPI, channel: ZaloChannel
) -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    assert await channel.client.get_updates(0.3) is None
    assert loop.time() - started >= 0.25
    poll = asyncio.create_task(channel.client.get_updates(5))
    await until(lambda: "getUpdates" in zalo.calls[1:])
    update_id = zalo.push_text("u1", "đây")
    update = await asyncio.wait_for(poll, 1)
    assert update is not None and update["message"]["message_id"] == update_id


async def test_fake_reads_messages_per_chat_in_order(zalo: FakeZaloAPI, channel: ZaloChannel) -> None:
    for chat_id, text in [("u1", "một"), ("u2", "hai"), ("u1", "ba")]:
        await channel.send(chat_id, Reply(text), version=1)
    assert await zalo.wait_sent(3) == [("u1", "một"), ("u2", "hai"), ("u1", "ba")]
    assert [await zalo.next_message("u1"), await zalo.next_message("u1")] == ["một", "ba"]
    assert await zalo.next_message("u2") == "hai"
    with pytest.raises(AssertionError):
        await zalo.next_message("u1", timeout=0.05)
    with pytest.raises(ValueError):
        zalo.fail_next("sendMesage")


# -- webhook --------------------------------------------------------------------------------------


async def test_webhook_checks_the_secret(zalo: FakeZaloAPI, channel: ZaloChannel) -> None:
    inbox = Inbox()
    update = {
        "event_name": "message.text.received",
        "message": {"from": {"id": "u1"}, "chat": {"id": "u1"}, "message_id": "m1", "text": "hi"},
    }
    async with TestClient(TestServer(channel.webhook_app(inbox, secret_token=SECRET, path="/zalo"))) as http:
        missing = await http.post("/zalo", json={"ok": True, "result": update})
        wrong = await http.post(
            "/zalo", json={"ok": True, "result": update}, headers={"X-Bot-Api-Secret-Token": "wrong-secret"}
        )
        assert (missing.status, wrong.status, inbox.items) == (401, 401, [])
        bad_json = await http.post("/zalo", data=b"{not json", headers={"X-Bot-Api-Secret-Token": SECRET})
        right = await http.post(
            "/zalo", json={"ok": True, "result": update}, headers={"X-Bot-Api-Secret-Token": SECRET}
        )
        assert (bad_json.status, right.status) == (400, 200)
    assert [(i.update_id, i.text) for i in inbox.items] == [("m1", "hi")]


async def test_webhook_answers_500_when_the_handler_fails(channel: ZaloChannel) -> None:
    inbox = Inbox(fail_on=lambda _: True)
    update = {"message": {"from": {"id": "u1"}, "chat": {"id": "u1"}, "message_id": "m1", "text": "hi"}}
    async with TestClient(TestServer(channel.webhook_app(inbox, secret_token=SECRET))) as http:
        answer = await http.post("/zalo/webhook", json=update, headers={"X-Bot-Api-Secret-Token": SECRET})
    assert answer.status == 500 and len(inbox.items) == 1


def test_webhook_refuses_a_short_secret(channel: ZaloChannel) -> None:
    with pytest.raises(ValueError):
        channel.webhook_app(Inbox(), secret_token="short")


# -- secrets --------------------------------------------------------------------------------------


async def test_token_never_appears_in_logs_or_errors(
    zalo: FakeZaloAPI, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    channel = make_channel(zalo)
    errors: list[Exception] = []
    zalo.fail_next("deleteWebhook", status=500)
    zalo.fail_next("getUpdates", 2, status=429, retry_after=0)
    zalo.push_raw({"event_name": "message.text.received"})
    zalo.push_text("u1", "xin chào")
    inbox = Inbox(fail_on=lambda _: True)
    async with polling(channel, inbox):
        await inbox.wait(1)
    for status in (429, 500):
        zalo.fail_next("sendMessage", status=status)
        with pytest.raises(DeliveryError) as caught:
            await channel.send("u1", Reply("hello"), version=1)
        errors.append(caught.value)
    await zalo.stop()  # now every call is a network failure
    with pytest.raises(DeliveryError) as caught:
        await channel.send("u1", Reply("hello"), version=1)
    errors.append(caught.value)
    await channel.close()
    secret_part = zalo.token.split(":", 1)[1]
    assert "Zalo polling failed" in caplog.text and "sendMessage" in str(errors[0])
    assert secret_part not in caplog.text
    assert all(secret_part not in f"{e!s} {e.__cause__!s} {e.__cause__!r}" for e in errors)


async def test_webhook_keeps_a_photo_and_skips_one_it_cannot_fetch(zalo: FakeZaloAPI, tmp_path: Path) -> None:
    """A photo is fetched before the update is handed on (Zalo's URL may not last); one that cannot be
    fetched stays an unsupported message; a group's photos are not fetched at all."""
    store = FileStore(tmp_path / "files")
    channel = make_channel(zalo, photos=PhotoKeeper(store, 1_000_000))
    inbox = Inbox()
    zalo.photos["a.jpg"] = (b"\xff\xd8photo\xff\xd9", "image/jpeg")

    def photo(message_id: str, url: str, chat: str = "u1") -> dict[str, Any]:
        return {"event_name": "message.image.received",
                "message": {"from": {"id": "u1"}, "message_id": message_id, "photo": url,
                            "chat": {"id": chat, "chat_type": "PRIVATE" if chat == "u1" else "GROUP"},
                            "caption": "Công văn 7/UBND"}}

    headers = {"X-Bot-Api-Secret-Token": SECRET}
    async with TestClient(TestServer(channel.webhook_app(inbox, secret_token=SECRET))) as http:
        for update in (photo("m1", f"{zalo.base_url}/photos/a.jpg"), photo("m2", f"{zalo.base_url}/photos/gone.jpg"),
                       photo("m3", f"{zalo.base_url}/photos/a.jpg", chat="g1")):
            assert (await http.post("/zalo/webhook", json=update, headers=headers)).status == 200
    await channel.close()
    kept, missing, in_group = inbox.items
    assert kept.file is not None and not kept.unsupported and kept.file.filename == "Công văn 7-UBND.jpg"
    found = store.get(kept.file.file_id)
    assert found is not None and found[1].read_bytes() == b"\xff\xd8photo\xff\xd9"
    assert missing.unsupported and missing.file is None
    assert in_group.unsupported and in_group.file is None and in_group.group
