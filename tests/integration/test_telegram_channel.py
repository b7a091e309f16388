"""TelegramChannel against a fake Bot API server, over real HTTP through aiogram."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.channels import telegram as telegram_module
from bot.channels.base import DeliveryError
from bot.channels.telegram import TelegramChannel
from bot.rendering import encode_callback
from bot.web.file_links import FileLinker, FileStore, link_key
from handlers.core.catalog import text
from handlers.core.messages import Choice, Document, FileRef, Incoming, Reply
from tests.fakes.telegram_api import FakeTelegramAPI

CONTACT_LABEL = "Chia sẻ số điện thoại"
SECRET = "s3cret-token_ABC"
USER = 42

Client = TestClient[web.Request, web.Application]


class Inbox:
    """The runtime's side: collects what the channel hands over."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[Incoming] = asyncio.Queue()
        self.fail_first = False

    async def __call__(self, incoming: Incoming) -> None:
        await self.queue.put(incoming)
        if self.fail_first:
            self.fail_first = False
            raise RuntimeError("handler crashed")

    async def next(self) -> Incoming:
        return await asyncio.wait_for(self.queue.get(), 5)


@pytest.fixture
async def api() -> AsyncIterator[FakeTelegramAPI]:
    fake = FakeTelegramAPI()
    await fake.start()
    yield fake
    await fake.stop()


def make_channel(api_url: str, token: str, polling_timeout: int = 1) -> TelegramChannel:
    return TelegramChannel(
        token,
        api_url=api_url,
        contact_button_label=CONTACT_LABEL,
        commands=[("menu", text("cmd.menu")), ("help", text("cmd.help"))],  # as bot/runner.py gives them
        polling_timeout=polling_timeout,
    )


@pytest.fixture
async def channel(api: FakeTelegramAPI) -> AsyncIterator[TelegramChannel]:
    ch = make_channel(api.base_url, api.token)
    yield ch
    await ch.close()


@pytest.fixture
async def inbox(channel: TelegramChannel) -> AsyncIterator[Inbox]:
    box = Inbox()
    task = asyncio.create_task(channel.run_polling(box))
    yield box
    await channel.stop()
    await asyncio.wait_for(task, 5)


# -- receiving -------------------------------------------------------------------------------------


async def test_text_message_arrives_with_sender_and_update_id(api: FakeTelegramAPI, inbox: Inbox) -> None:
    api.set_user(USER, "An", "Nguyễn Văn")
    update_id = api.push_text(USER, "/start ABC123")

    incoming = await inbox.next()

    assert incoming == Incoming(
        channel="telegram",
        chat_id=str(USER),
        user_id=str(USER),
        update_id=str(update_id),
        text="/start ABC123",
        display_name="An Nguyễn Văn",
    )


async def test_group_command_loses_the_bot_mention(api: FakeTelegramAPI, inbox: Inbox) -> None:
    api.push_text(USER, "/start@thidua_test_bot XYZ", chat_id=-1001)

    incoming = await inbox.next()

    assert (incoming.chat_id, incoming.user_id, incoming.text) == ("-1001", str(USER), "/start XYZ")


async def test_own_contact_gives_the_phone(api: FakeTelegramAPI, inbox: Inbox) -> None:
    api.push_contact(USER, "84901234567")

    incoming = await inbox.next()

    assert incoming.contact_phone == "84901234567"
    assert incoming.text is None


@pytest.mark.parametrize("card_owner", [777, None], ids=["another-user", "not-on-telegram"])
async def test_somebody_elses_contact_gives_no_phone(
    api: FakeTelegramAPI, inbox: Inbox, card_owner: int | None
) -> None:
    update_id = api.push_contact(USER, "84900000000", contact_user_id=card_owner)

    incoming = await inbox.next()

    assert incoming.update_id == str(update_id)
    assert (incoming.contact_phone, incoming.text, incoming.option, incoming.file) == (None, None, None, None)


async def test_document_arrives_as_file_reference(api: FakeTelegramAPI, inbox: Inbox) -> None:
    update_id = api.push_document(USER, "bao-cao.xlsx", "application/vnd.ms-excel", 2048)

    incoming = await inbox.next()

    assert incoming.file == FileRef(f"file-{update_id}", "bao-cao.xlsx", "application/vnd.ms-excel", 2048)
    assert incoming.text is None


async def test_photo_arrives_as_an_unsupported_message(api: FakeTelegramAPI, inbox: Inbox) -> None:
    api.set_user(USER, "An")
    update_id = api.push_photo(USER, caption="Nguyễn Văn An")  # a caption is not an answer

    incoming = await inbox.next()

    assert incoming == Incoming(
        channel="telegram", chat_id=str(USER), user_id=str(USER), update_id=str(update_id), display_name="An",
        unsupported=True,
    )
    assert (incoming.text, incoming.file, incoming.contact_phone, incoming.option) == (None, None, None, None)


@pytest.mark.parametrize(
    "content",
    [
        {
            "sticker": {
                "file_id": "s1",
                "file_unique_id": "u1",
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
            }
        },
        {"voice": {"file_id": "v1", "file_unique_id": "u2", "duration": 3}},
        {"location": {"latitude": 21.03, "longitude": 105.85}},
    ],
    ids=["sticker", "voice", "location"],
)
async def test_other_media_arrive_as_unsupported_messages(
    api: FakeTelegramAPI, inbox: Inbox, content: dict[str, object]
) -> None:
    chat = {"id": USER, "type": "private", "first_name": "An"}
    sender = {"id": USER, "is_bot": False, "first_name": "An"}
    update_id = api.push_raw({"message": {"message_id": 9, "date": 0, "chat": chat, "from": sender, **content}})

    incoming = await inbox.next()

    assert (incoming.update_id, incoming.user_id) == (str(update_id), str(USER))
    assert (incoming.text, incoming.file, incoming.unsupported) == (None, None, True)


async def test_service_messages_are_still_ignored(api: FakeTelegramAPI, inbox: Inbox) -> None:
    group = {"id": -1001, "type": "group", "title": "Khối"}
    sender = {"id": USER, "is_bot": False, "first_name": "An"}
    joined = {"id": 777, "is_bot": False, "first_name": "Bình"}
    api.push_raw({"message": {"message_id": 7, "date": 0, "chat": group, "from": sender, "new_chat_members": [joined]}})
    api.push_raw({"message": {"message_id": 8, "date": 0, "chat": group, "from": sender, "new_chat_title": "Khối 2"}})
    api.push_text(USER, "xin chào")

    incoming = await inbox.next()

    assert incoming.text == "xin chào"
    await api.wait_for(lambda: api.pending_updates == 0)
    assert inbox.queue.empty()


async def test_a_person_blocking_and_unblocking_the_bot_arrives_by_polling(
    api: FakeTelegramAPI, inbox: Inbox
) -> None:
    api.push_my_chat_member(USER, "kicked")
    blocked = await inbox.next()
    assert (blocked.chat_id, blocked.user_id, blocked.blocked, blocked.text) == (str(USER), str(USER), True, None)
    api.push_my_chat_member(USER, "member")
    assert (await inbox.next()).blocked is False
    asked = [str(p.get("allowed_updates")) for method, p in api.calls if method == "getUpdates"]
    assert asked and all("my_chat_member" in a for a in asked)


async def test_a_blocked_chat_answers_403_until_the_person_comes_back(
    api: FakeTelegramAPI, channel: TelegramChannel
) -> None:
    api.push_my_chat_member(USER, "kicked")
    with pytest.raises(DeliveryError) as caught:
        await channel.send(str(USER), Reply("⏰ Nhắc việc"), 1)
    assert caught.value.unreachable and "blocked by the user" in str(caught.value)
    api.push_text(USER, "/menu")  # writing again unblocks
    await channel.send(str(USER), Reply("⏰ Nhắc việc"), 1)
    assert [m["text"] for m in api.sent] == ["⏰ Nhắc việc"]


async def test_callback_round_trips_version_and_option_and_is_answered(
    api: FakeTelegramAPI, channel: TelegramChannel, inbox: Inbox
) -> None:
    await channel.send(str(USER), Reply("Chọn:", choices=(Choice("yes", "Có"), Choice("no", "Không"))), 7)
    menu = await api.next_message(USER)
    update_id = api.push_callback(USER, menu["buttons"][1][1])

    incoming = await inbox.next()

    assert (incoming.option, incoming.version, incoming.text) == ("no", 7, None)
    assert (incoming.chat_id, incoming.user_id, incoming.update_id) == (str(USER), str(USER), str(update_id))
    assert [a["callback_query_id"] for a in api.callback_answers] == [f"cq-{update_id}"]
    assert [int(e["message_id"]) for e in api.edited_markups] == [menu["message_id"]]
    assert "reply_markup" not in api.edited_markups[0]  # no markup = keyboard removed


async def test_callbacks_that_are_not_ours_are_still_answered(api: FakeTelegramAPI, inbox: Inbox) -> None:
    sender = {"id": USER, "is_bot": False, "first_name": "An"}
    inline = api.push_raw({"callback_query": {"id": "cq-inline", "from": sender, "chat_instance": "ci",
                                              "inline_message_id": "im-1", "data": "x"}})  # no message
    game = api.push_raw({"callback_query": {"id": "cq-game", "from": sender, "chat_instance": "ci",
                                            "game_short_name": "g"}})  # no data
    api.push_text(USER, "xin chào")

    incoming = await inbox.next()

    assert incoming.text == "xin chào" and inline and game
    for _ in range(100):  # the skipped callbacks are another chat's: they may be answered a little later
        if len(api.callback_answers) == 2:
            break
        await asyncio.sleep(0.02)
    assert {a["callback_query_id"] for a in api.callback_answers} == {"cq-inline", "cq-game"}  # no hung spinner
    assert api.edited_markups == []


async def test_unversioned_callback_data_comes_back_as_option(api: FakeTelegramAPI, inbox: Inbox) -> None:
    api.push_callback(USER, "legacy-button")

    incoming = await inbox.next()

    assert (incoming.option, incoming.version) == ("legacy-button", None)


async def test_malformed_updates_are_skipped_and_the_next_one_arrives(api: FakeTelegramAPI, inbox: Inbox) -> None:
    api.push_raw({"message": {"message_id": "not-a-number", "chat": "?"}})  # unreadable by aiogram
    api.push_raw({"message": {"message_id": 5, "date": 0, "chat": {"id": 1, "type": "channel"}}})  # no sender
    api.push_raw({"edited_message": {"message_id": 6, "date": 0, "chat": {"id": 1, "type": "private"}}})
    api.push_raw({"brand_new_update_kind": {"x": 1}})
    api.push_text(USER, "xin chào")

    incoming = await inbox.next()

    assert incoming.text == "xin chào"
    await api.wait_for(lambda: api.pending_updates == 0)  # the offset moved past all of them
    assert inbox.queue.empty()


async def test_message_texts_never_reach_the_logs(
    api: FakeTelegramAPI, inbox: Inbox, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "INVITE-7F3K9Q"
    api.push_raw({"message": {"message_id": "bad", "text": secret}})  # the whole batch fails to parse
    api.push_raw({"edited_message": {"message_id": 6, "date": 0, "chat": {"id": 1, "type": "private"}, "text": secret}})
    inbox.fail_first = True
    api.push_text(USER, secret)

    assert (await inbox.next()).text == secret
    await api.wait_for(lambda: api.pending_updates == 0)

    assert any("Skipping" in r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING)
    assert not [r for r in caplog.records if r.levelno >= logging.INFO and secret in r.getMessage()]


async def test_redelivered_update_keeps_its_update_id(api: FakeTelegramAPI, inbox: Inbox) -> None:
    update_id = api.push_text(USER, "một lần")
    first = await inbox.next()
    api.push_update_again(update_id)

    again = await inbox.next()

    assert again == first


async def test_chats_run_concurrently_and_each_chat_in_order(api: FakeTelegramAPI, channel: TelegramChannel) -> None:
    other_chat_done = asyncio.Event()
    seen: list[tuple[str, str | None]] = []

    async def handler(incoming: Incoming) -> None:
        if incoming.text == "A1":  # holds chat A until chat B got through
            await asyncio.wait_for(other_chat_done.wait(), 5)
        seen.append((incoming.chat_id, incoming.text))
        if incoming.chat_id == "2":
            other_chat_done.set()

    api.push_text(1, "A1")
    api.push_text(1, "A2")
    api.push_text(2, "B1")
    task = asyncio.create_task(channel.run_polling(handler))
    try:
        await api.wait_for(lambda: api.pending_updates == 0)
        assert seen == [("2", "B1"), ("1", "A1"), ("1", "A2")]
    finally:
        await channel.stop()
        await asyncio.wait_for(task, 5)


async def test_a_crashing_handler_does_not_stop_polling(api: FakeTelegramAPI, inbox: Inbox) -> None:
    inbox.fail_first = True
    api.push_text(USER, "một")
    api.push_text(USER, "hai")

    assert (await inbox.next()).text == "một"
    assert (await inbox.next()).text == "hai"


async def test_polling_deletes_webhook_then_sets_commands(api: FakeTelegramAPI, inbox: Inbox) -> None:
    api.push_text(USER, "hi")
    await inbox.next()

    methods = [method for method, _ in api.calls]
    assert methods.index("deleteWebhook") < methods.index("setMyCommands") < methods.index("getUpdates")
    assert api.commands == [
        {"command": "menu", "description": text("cmd.menu")},
        {"command": "help", "description": text("cmd.help")},
    ]


async def test_failing_set_my_commands_does_not_stop_polling(api: FakeTelegramAPI) -> None:
    api.set_my_commands_fails = True
    channel = make_channel(api.base_url, api.token)
    box = Inbox()
    task = asyncio.create_task(channel.run_polling(box))
    try:
        api.push_text(USER, "vẫn chạy")
        assert (await box.next()).text == "vẫn chạy"
        assert "setMyCommands" in [method for method, _ in api.calls]
        assert api.commands == []
    finally:
        await channel.stop()
        await asyncio.wait_for(task, 5)
        await channel.close()


async def test_stop_ends_a_long_poll_at_once(api: FakeTelegramAPI) -> None:
    channel = make_channel(api.base_url, api.token, polling_timeout=30)
    task = asyncio.create_task(channel.run_polling(Inbox()))
    try:
        await api.wait_for(lambda: any(method == "getUpdates" for method, _ in api.calls))
        await channel.stop()
        await asyncio.wait_for(task, 2)
        assert task.done() and task.exception() is None
    finally:
        task.cancel()
        await channel.close()


# -- sending ---------------------------------------------------------------------------------------


async def test_choices_render_as_inline_buttons_one_per_row(api: FakeTelegramAPI, channel: TelegramChannel) -> None:
    await channel.send(
        str(USER), Reply("Chọn đơn vị", choices=(Choice("u1", "Sở Tư pháp"), Choice("u2", "Sở Y tế"))), 3
    )

    msg = await api.next_message(USER)

    assert msg["text"] == "Chọn đơn vị"
    assert msg["reply_markup"] == {
        "inline_keyboard": [
            [{"text": "Sở Tư pháp", "callback_data": encode_callback(3, "u1")}],
            [{"text": "Sở Y tế", "callback_data": encode_callback(3, "u2")}],
        ]
    }


async def test_ask_contact_renders_a_one_time_contact_keyboard(api: FakeTelegramAPI, channel: TelegramChannel) -> None:
    await channel.send(str(USER), Reply("Cho xin số điện thoại", ask_contact=True), 1)

    markup = (await api.next_message(USER))["reply_markup"]

    assert markup["keyboard"] == [[{"text": CONTACT_LABEL, "request_contact": True}]]
    assert markup["one_time_keyboard"] is True


async def test_ask_contact_with_choices_offers_them_as_keyboard_buttons(
    api: FakeTelegramAPI, channel: TelegramChannel
) -> None:
    await channel.send(str(USER), Reply("Số điện thoại?", choices=(Choice("skip", "Bỏ qua"),), ask_contact=True), 1)

    markup = (await api.next_message(USER))["reply_markup"]

    assert markup["keyboard"] == [[{"text": CONTACT_LABEL, "request_contact": True}], [{"text": "Bỏ qua"}]]


async def test_plain_reply_removes_an_old_reply_keyboard(api: FakeTelegramAPI, channel: TelegramChannel) -> None:
    await channel.send(str(USER), Reply("Cảm ơn"), 1)

    assert (await api.next_message(USER))["reply_markup"] == {"remove_keyboard": True}


async def test_a_resend_after_the_document_failed_does_not_repeat_the_text(api: FakeTelegramAPI,
                                                                           channel: TelegramChannel) -> None:
    reply = Reply("Biên bản họp", document=Document("bien-ban.docx", b"PK doc", "application/msword"))
    api.fail_next("sendDocument", status=500)
    with pytest.raises(DeliveryError):
        await channel.send(str(USER), reply, 1)
    await channel.send(str(USER), reply, 1)  # the outbox's resend

    first, second = await api.next_message(USER), await api.next_message(USER)
    assert (first["method"], first["text"]) == ("sendMessage", "Biên bản họp")
    assert (second["method"], second["document"]) == ("sendDocument", "bien-ban.docx")
    assert [m["method"] for m in api.sent_to(USER)] == ["sendMessage", "sendDocument"]  # the text once


async def test_long_reply_is_split_at_a_line_boundary(api: FakeTelegramAPI, channel: TelegramChannel) -> None:
    lines = [f"{i:03d} " + "x" * 45 for i in range(100)]  # 100 lines of 49 characters
    text = "\n".join(lines)
    assert 4096 < len(text) <= 5000

    await channel.send(str(USER), Reply(text, choices=(Choice("ok", "OK"),)), 2)
    first, second = await api.next_message(USER), await api.next_message(USER)

    assert len(api.sent_to(USER)) == 2
    assert all(len(part["text"]) <= 4096 for part in (first, second))
    assert first["text"].split("\n") == lines[: len(first["text"].split("\n"))]
    assert f"{first['text']}\n{second['text']}" == text
    assert first["reply_markup"] is None
    assert second["buttons"] == [("OK", encode_callback(2, "ok"))]


async def test_document_follows_its_text(api: FakeTelegramAPI, channel: TelegramChannel) -> None:
    doc = Document("bao-cao.docx", b"PK\x03\x04 content", "application/msword")
    await channel.send(str(USER), Reply("Báo cáo đính kèm", document=doc), 1)

    text, file = await api.next_message(USER), await api.next_message(USER)

    assert (text["method"], text["text"]) == ("sendMessage", "Báo cáo đính kèm")
    assert (file["method"], file["document"], file["document_content"]) == (
        "sendDocument",
        "bao-cao.docx",
        b"PK\x03\x04 content",
    )


async def test_a_document_over_the_upload_limit_goes_as_a_signed_link(
    api: FakeTelegramAPI, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(telegram_module, "UPLOAD_LIMIT", 10)  # stands for the Bot API's 50 MB
    links = FileLinker(FileStore(tmp_path), link_key(b"k" * 32), "https://bot.example.vn", now=lambda: 1_800_000_000)
    channel = TelegramChannel(api.token, api_url=api.base_url, contact_button_label=CONTACT_LABEL,
                              document_link=links.line)
    try:
        await channel.send(str(USER), Reply("Bảng tổng hợp", document=Document("tong-hop.xlsx", b"x" * 2048)), 1)
        small = Document("nho.xlsx", b"tiny")
        await channel.send(str(USER), Reply("Nhỏ", document=small), 1)
        big, text, file = [await api.next_message(USER) for _ in range(3)]
    finally:
        await channel.close()

    assert big["method"] == "sendMessage" and big["text"].startswith("Bảng tổng hợp\n\n📎 tong-hop.xlsx (2 KB): ")
    assert "https://bot.example.vn/files/" in big["text"]
    assert (text["text"], file["method"], file["document"]) == ("Nhỏ", "sendDocument", "nho.xlsx")  # under: uploaded


@pytest.mark.parametrize(
    ("status", "retry_after", "permanent", "unreachable"),
    [(429, 3.0, False, False), (500, None, False, False), (502, None, False, False), (403, None, True, True),
     (400, None, True, False)],
)
async def test_send_errors_become_delivery_errors(
    api: FakeTelegramAPI,
    channel: TelegramChannel,
    status: int,
    retry_after: float | None,
    permanent: bool,
    unreachable: bool,
) -> None:
    api.fail_next("sendMessage", status=status, retry_after=3)

    with pytest.raises(DeliveryError) as caught:
        await channel.send(str(USER), Reply("xin chào"), 1)

    assert (caught.value.retry_after, caught.value.permanent) == (retry_after, permanent)
    assert caught.value.unreachable is unreachable  # 403: the person blocked the bot
    assert api.sent == []
    await channel.send(str(USER), Reply("xin chào"), 1)  # the fault was for one call only
    assert len(api.sent) == 1


async def test_unreachable_server_is_a_transient_delivery_error() -> None:
    channel = make_channel("http://127.0.0.1:1", "123456:TEST-fake-token")
    try:
        with pytest.raises(DeliveryError) as caught:
            await channel.send(str(USER), Reply("xin chào"), 1)
        assert (caught.value.retry_after, caught.value.permanent) == (None, False)
        assert "TEST-fake-token" not in str(caught.value)
    finally:
        await channel.close()


# -- webhook ---------------------------------------------------------------------------------------


@pytest.fixture
async def webhook(api: FakeTelegramAPI, channel: TelegramChannel) -> AsyncIterator[tuple[Client, Inbox]]:
    box = Inbox()
    client: Client = TestClient(TestServer(channel.webhook_app(box, "/telegram/hook", SECRET)))
    await client.start_server()
    yield client, box
    await client.close()


@pytest.mark.parametrize("headers", [{}, {"X-Telegram-Bot-Api-Secret-Token": "guess"}], ids=["missing", "wrong"])
async def test_webhook_refuses_a_wrong_secret(
    api: FakeTelegramAPI, webhook: tuple[Client, Inbox], headers: dict[str, str]
) -> None:
    client, box = webhook
    update = api.pushed(api.push_text(USER, "/start CODE"))

    response = await client.post("/telegram/hook", json=update, headers=headers)

    assert response.status == 401
    await asyncio.sleep(0.05)
    assert box.queue.empty()


async def test_webhook_delivers_an_update_once(api: FakeTelegramAPI, webhook: tuple[Client, Inbox]) -> None:
    client, box = webhook
    update_id = api.push_text(USER, "/start CODE")

    response = await client.post(
        "/telegram/hook", json=api.pushed(update_id), headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
    )

    assert response.status == 200
    incoming = await box.next()
    assert (incoming.update_id, incoming.text) == (str(update_id), "/start CODE")
    assert box.queue.empty()


async def test_webhook_delivers_a_person_blocking_the_bot(api: FakeTelegramAPI,
                                                          webhook: tuple[Client, Inbox]) -> None:
    client, box = webhook
    update_id = api.push_my_chat_member(USER, "kicked")

    response = await client.post(
        "/telegram/hook", json=api.pushed(update_id), headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
    )

    assert response.status == 200
    incoming = await box.next()
    assert (incoming.update_id, incoming.chat_id, incoming.blocked) == (str(update_id), str(USER), True)


async def test_webhook_rejects_a_body_that_is_not_json(webhook: tuple[Client, Inbox]) -> None:
    client, box = webhook

    response = await client.post(
        "/telegram/hook", data=b"{not json", headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
    )

    assert response.status == 400
    assert box.queue.empty()


async def test_set_webhook_registers_url_and_secret(api: FakeTelegramAPI, channel: TelegramChannel) -> None:
    await channel.set_webhook("https://bot.example.vn/telegram/hook", SECRET)

    assert (api.webhook_url, api.webhook_secret) == ("https://bot.example.vn/telegram/hook", SECRET)
    assert "my_chat_member" in str(next(p for m, p in api.calls if m == "setWebhook").get("allowed_updates"))


def test_the_answer_types_aiogram_builds_are_kept_across_garbage_collections() -> None:
    """pydantic caches `Response[T]` weakly; rebuilt after each collection, it cost more than a send."""
    import gc
    import weakref

    from aiogram.methods import GetUpdates, SendMessage
    from aiogram.methods.base import Response

    import bot.channels.telegram  # noqa: F401  (the channel holds them)

    for method in (SendMessage, GetUpdates):
        built = weakref.ref(Response[method.__returning__])  # type: ignore[name-defined]
        gc.collect()
        assert built() is not None
