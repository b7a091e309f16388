"""A fake Zalo Bot API: a real aiohttp server on 127.0.0.1 that answers like bot-api.zaloplatforms.com.

    async with FakeZaloAPI() as zalo:
        client = ZaloClient(zalo.token, base_url=zalo.base_url)
        update_id = zalo.push_text("u1", "/start ABC")      # the user writes
        ...                                                 # the bot polls, answers
        assert await zalo.next_message("u1") == "Xin chào"  # what the user saw

Same URL form (`POST /bot<token>/<method>`) and answer shapes as the real API (see
`bot.channels.zalo_api`): getUpdates long-polls, hands out one update per call and answers the
408 "Request timeout" error when none arrived; sendMessage refuses texts outside 1..2000 UTF-16 code
units (the stricter reading of "characters").
Where the real API's wording is undocumented (texts of 400/403 errors, the 429 body) the fake
chooses a plausible one; clients should depend on codes, not descriptions.

With `deliver_webhooks=True`, a webhook set with setWebhook really receives the queued updates as
`{"ok": true, "result": update}` with the secret header, each posted again until the bot answers 2xx
(tests/fakes/webhook_pusher.py).
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from aiohttp import web

from tests.fakes.webhook_pusher import WebhookPusher

TEXT_LIMIT = 2000
_METHODS = frozenset(
    {
        "getMe",
        "getUpdates",
        "setWebhook",
        "deleteWebhook",
        "getWebhookInfo",
        "sendMessage",
        "sendChatAction",
        "sendPhoto",
        "sendSticker",
    }
)


@dataclass
class _Fault:
    status: int
    retry_after: float | None


class FakeZaloAPI:
    """Fake server plus test controls. Start it with `await start()` or `async with`.

    Users write: `push_text`, `push_non_text`, `push_raw`, `push_again` (queue updates for getUpdates).
    The bot did: `sent`, `sent_to`, `wait_sent`, `next_message`, `chat_actions`, `calls`, `webhook_url`.
    Faults: `fail_next(method, n, status=429|500, retry_after=...)`, `unreachable.add(chat_id)` (403, as when the
    user blocked the bot; lifted when they write again).
    """

    def __init__(self, token: str = "1234567890:fake-zalo-token", *, idle_http_status: int = 408,
                 deliver_webhooks: bool = False) -> None:
        self.token = token
        self.idle_http_status = idle_http_status  # 408 or 200: the real API has been seen with both
        self.sent: list[tuple[str, str]] = []  # (chat_id, text) of every accepted sendMessage, in order
        self.chat_actions: list[tuple[str, str]] = []  # (chat_id, action)
        self.calls: list[str] = []  # method names, in order (with the right token only)
        self.webhook_url = ""
        self.webhook_secret = ""
        self.unreachable: set[str] = set()  # chats whose sendMessage fails with 403
        self._queue: deque[dict[str, Any]] = deque()
        self.photos: dict[str, tuple[bytes, str]] = {}  # served at /photos/<name>: (content, mime)
        self._by_id: dict[str, dict[str, Any]] = {}
        self._faults: dict[str, deque[_Fault | None]] = {}  # None: that call goes through
        self._ids = itertools.count(1)
        self._read: dict[str, int] = {}
        self._pushed = asyncio.Event()
        self._sent_changed = asyncio.Event()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self._base_url = ""
        self.pusher = WebhookPusher(self._webhook_pending, self._webhook_delivered, "X-Bot-Api-Secret-Token") \
            if deliver_webhooks else None

    # -- lifecycle ------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """`http://127.0.0.1:<port>`: pass it to `ZaloClient(base_url=...)`."""
        if not self._base_url:
            raise RuntimeError("FakeZaloAPI is not started")
        return self._base_url

    async def start(self) -> FakeZaloAPI:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        app.router.add_get("/photos/{name}", self._photo)  # stands for Zalo's CDN
        # No access log: it would print request paths, which hold the token.
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        self._base_url = f"http://{host}:{port}"
        return self

    async def stop(self) -> None:
        if self.pusher is not None:
            await self.pusher.stop()
        self._closing = True
        self._pulse_pushed()  # long polls answer at once
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeZaloAPI:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # -- what users do --------------------------------------------------------------------------

    def push_text(
        self,
        user_id: str,
        text: str,
        chat_id: str | None = None,
        *,
        display_name: str | None = None,
        is_bot: bool = False,
    ) -> str:
        """Queue a text message from `user_id` (private chat = user id by default; a group's `chat_type`
        is GROUP; another bot when `is_bot`); returns its id. A user who writes can receive again: their chat
        leaves `unreachable`."""
        self.unreachable.discard(chat_id or user_id)
        return self._push_message(user_id, "message.text.received", {"text": text}, chat_id, display_name, is_bot)

    def push_non_text(
        self,
        user_id: str,
        kind: str = "sticker",
        chat_id: str | None = None,
        *,
        display_name: str | None = None,
    ) -> str:
        """Queue an `image`, `sticker` or `unsupported` message (no text); returns its id."""
        extra = {
            "image": {"photo": "https://example.invalid/photo.jpg", "caption": ""},
            "sticker": {"sticker": "0e078a2fb66a5f34067b", "url": "https://example.invalid/sticker.png"},
        }.get(kind, {})
        return self._push_message(user_id, f"message.{kind}.received", extra, chat_id, display_name)

    def push_photo(self, user_id: str, content: bytes, caption: str = "", *, mime: str = "image/jpeg") -> str:
        """Queue a `message.image.received` whose `photo` URL this fake serves (`content` as `mime`)."""
        name = f"{len(self.photos) + 1}.jpg"
        self.photos[name] = (content, mime)
        extra = {"photo": f"{self.base_url}/photos/{name}", "caption": caption}
        return self._push_message(user_id, "message.image.received", extra, None, None)

    async def _photo(self, request: web.Request) -> web.Response:
        found = self.photos.get(request.match_info["name"])
        if found is None:
            return web.Response(status=404)
        return web.Response(body=found[0], content_type=found[1])

    def push_raw(self, update: dict[str, Any]) -> None:
        """Queue any update exactly as given (malformed ones too)."""
        self._queue.append(update)
        message = update.get("message")
        if isinstance(message, dict) and isinstance(message.get("message_id"), str):
            self._by_id[message["message_id"]] = update
        self._pulse_pushed()

    def push_again(self, update_id: str) -> None:
        """Deliver an already pushed update once more, identical (Zalo may redeliver)."""
        self._queue.append(self._by_id[update_id])
        self._pulse_pushed()

    @property
    def pending(self) -> int:
        """Updates queued and not yet handed out by getUpdates."""
        return len(self._queue)

    # -- what the bot did -----------------------------------------------------------------------

    def sent_to(self, chat_id: str) -> list[str]:
        """Texts sent to one chat, in order."""
        return [text for chat, text in self.sent if chat == chat_id]

    async def wait_sent(self, count: int, timeout: float = 15) -> list[tuple[str, str]]:  # noqa: ASYNC109
        """Wait until at least `count` messages were sent in all; returns `sent`."""
        await self._wait_until(lambda: len(self.sent) >= count, timeout, f"{count} sent messages")
        return self.sent

    async def next_message(self, chat_id: str, timeout: float = 15) -> str:  # noqa: ASYNC109
        """The next message to `chat_id` not yet returned by this method (waits for it)."""
        index = self._read.get(chat_id, 0)
        await self._wait_until(
            lambda: len(self.sent_to(chat_id)) > index, timeout, f"message #{index + 1} to {chat_id}"
        )
        self._read[chat_id] = index + 1
        return self.sent_to(chat_id)[index]

    # -- faults ---------------------------------------------------------------------------------

    def fail_next(
        self, method: str, n: int = 1, *, status: int = 429, retry_after: float | None = None
    ) -> None:
        """The next `n` calls of `method` fail with HTTP `status` (429 carries `retry_after`)."""
        if method not in _METHODS:
            raise ValueError(f"unknown Zalo method {method!r}")
        self._faults.setdefault(method, deque()).extend(_Fault(status, retry_after) for _ in range(n))

    def fail_after(self, method: str, ok: int, *, status: int = 500) -> None:
        """The next `ok` calls of `method` go through, the one after fails (a later part of a long reply)."""
        if method not in _METHODS:
            raise ValueError(f"unknown Zalo method {method!r}")
        self._faults.setdefault(method, deque()).extend([*([None] * ok), _Fault(status, None)])

    # -- the server -----------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        if method not in _METHODS:
            return _error(404, "Not Found")
        self.calls.append(method)
        faults = self._faults.get(method)
        if faults and (fault := faults.popleft()) is not None:
            return _fault(fault)
        try:
            body = await request.json()
        except ValueError:
            return _error(400, "Bad Request: body is not JSON")
        if not isinstance(body, dict):
            return _error(400, "Bad Request: body is not a JSON object")
        handler: Callable[[dict[str, Any]], Any] = getattr(self, f"_m_{method}")
        answer: web.Response = await handler(body)
        return answer

    async def _m_getMe(self, body: dict[str, Any]) -> web.Response:
        bot_id = self.token.split(":", 1)[0]
        return _ok(
            {"id": bot_id, "account_name": "bot.FakeZalo", "account_type": "BASIC", "can_join_groups": False}
        )

    async def _m_getUpdates(self, body: dict[str, Any]) -> web.Response:
        if self.webhook_url:
            return _error(400, "Bad Request: a webhook is set; call deleteWebhook before getUpdates")
        try:
            timeout = min(max(float(body.get("timeout", 30)), 0.0), 60.0)
        except (TypeError, ValueError):
            return _error(400, "Bad Request: timeout must be a number of seconds")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not self._queue and not self._closing and loop.time() < deadline:
            try:
                await asyncio.wait_for(self._pushed.wait(), deadline - loop.time())
            except TimeoutError:
                break
        if self._queue:
            return _ok(self._queue.popleft())
        return _error(408, "Request timeout", http_status=self.idle_http_status)

    async def _m_setWebhook(self, body: dict[str, Any]) -> web.Response:
        url, secret = body.get("url"), body.get("secret_token")
        if not isinstance(url, str) or not url:
            return _error(400, "Bad Request: url is required")
        if not isinstance(secret, str) or not 8 <= len(secret) <= 256:
            return _error(400, "Bad Request: secret_token must have 8 to 256 characters")
        self.webhook_url, self.webhook_secret = url, secret
        if self.pusher is not None:
            self.pusher.start(url, secret)
        return _ok({"url": url, "updated_at": _now_ms()})

    async def _m_deleteWebhook(self, body: dict[str, Any]) -> web.Response:
        self.webhook_url, self.webhook_secret = "", ""
        return _ok({"url": "", "updated_at": _now_ms()})

    async def _m_getWebhookInfo(self, body: dict[str, Any]) -> web.Response:
        return _ok({"url": self.webhook_url, "updated_at": _now_ms()})

    async def _m_sendMessage(self, body: dict[str, Any]) -> web.Response:
        chat_id, text = body.get("chat_id"), body.get("text")
        if not isinstance(chat_id, str) or not chat_id:
            return _error(400, "Bad Request: chat_id is required")
        if not isinstance(text, str) or not 1 <= len(text.encode("utf-16-le")) // 2 <= TEXT_LIMIT:
            return _error(400, f"Bad Request: text must have 1 to {TEXT_LIMIT} UTF-16 code units")
        if chat_id in self.unreachable:
            return _error(403, "Forbidden: the user cannot receive messages from this bot")
        self.sent.append((chat_id, text))
        self._sent_changed.set()
        self._sent_changed = asyncio.Event()
        return _ok({"message_id": self._new_id(), "date": _now_ms()})

    async def _m_sendChatAction(self, body: dict[str, Any]) -> web.Response:
        chat_id, action = body.get("chat_id"), body.get("action")
        if not isinstance(chat_id, str) or action not in ("typing", "upload_photo"):
            return _error(400, "Bad Request: chat_id and a known action are required")
        self.chat_actions.append((chat_id, action))
        return web.json_response({"ok": True})

    async def _m_sendPhoto(self, body: dict[str, Any]) -> web.Response:
        return _error(400, "Bad Request: the fake does not send photos")

    _m_sendSticker = _m_sendPhoto

    # -- helpers --------------------------------------------------------------------------------

    def _push_message(
        self,
        user_id: str,
        event: str,
        fields: dict[str, Any],
        chat_id: str | None,
        display_name: str | None,
        is_bot: bool = False,
    ) -> str:
        message_id = self._new_id()
        message = {
            "from": {"id": user_id, "display_name": display_name or f"User {user_id}", "is_bot": is_bot},
            "chat": {
                "id": chat_id or user_id,
                "chat_type": "PRIVATE" if chat_id in (None, user_id) else "GROUP",
            },
            "message_id": message_id,
            "date": _now_ms(),
            **fields,
        }
        self.push_raw({"event_name": event, "message": message})
        return message_id

    def _new_id(self) -> str:
        return f"{next(self._ids):020x}"  # the real ids are 20 hex digits

    def _pulse_pushed(self) -> None:
        self._pushed.set()
        self._pushed = asyncio.Event()
        if self.pusher is not None:
            self.pusher.poke()

    def _webhook_pending(self) -> list[tuple[Any, str, dict[str, Any]]]:
        if not self.webhook_url:
            return []
        return [(id(update), _chat_of(update), {"ok": True, "result": update}) for update in self._queue]

    def _webhook_delivered(self, key: Any) -> None:
        self._queue = deque(update for update in self._queue if id(update) != key)

    async def _wait_until(self, done: Callable[[], bool], within: float, what: str) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while not done():
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(f"timed out waiting for {what}; sent so far: {self.sent!r}")
            try:
                await asyncio.wait_for(self._sent_changed.wait(), remaining)
            except TimeoutError:
                continue


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def _error(code: int, description: str, *, http_status: int | None = None) -> web.Response:
    body = {"ok": False, "error_code": code, "description": description}
    return web.json_response(body, status=http_status or code)


def _fault(fault: _Fault) -> web.Response:
    if fault.status != 429:
        return _error(fault.status, HTTPStatus(fault.status).phrase)
    body: dict[str, Any] = {"ok": False, "error_code": 429, "description": "Too Many Requests"}
    headers = {}
    if fault.retry_after is not None:
        body["parameters"] = {"retry_after": fault.retry_after}
        headers["Retry-After"] = f"{fault.retry_after:g}"
    return web.json_response(body, status=429, headers=headers)


def _now_ms() -> int:
    return int(time.time() * 1000)


def _chat_of(update: dict[str, Any]) -> str:
    message = update.get("message")
    chat = message.get("chat") if isinstance(message, dict) else None
    return str(chat.get("id")) if isinstance(chat, dict) else "?"
