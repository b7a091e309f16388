"""A fake Telegram Bot API server: real HTTP on 127.0.0.1, answers shaped like Telegram's.

Point the bot at it with `TelegramChannel(api.token, api_url=api.base_url, ...)`, then play the
users' side::

    api = FakeTelegramAPI()
    await api.start()
    api.push_text(42, "/start ABC")              # user 42 writes to the bot
    msg = await api.next_message(42)             # what the bot answered in chat 42
    assert msg["text"].startswith("Xin chào")
    api.push_callback(42, msg["buttons"][0][1])  # press the first inline button
    await api.stop()

Every record in `sent` is a dict: `method`, `chat_id` (str), `message_id`, `text` (None for a
document), `reply_markup` (dict or None), `buttons` (inline buttons as `[(label, data), ...]`),
`document` (file name or None), `document_content` (bytes or None), `caption`, `at` (when the
server accepted it, `time.monotonic()`).

Flood control, off unless asked for: `FakeTelegramAPI(flood_limit=30, per_chat_limit=1.0)` or
`set_flood_limits(...)` makes sendMessage/sendDocument beyond the limits answer 429 with
`retry_after`, as Telegram does, and count them in `flood_rejections`. The limits are sliding windows
over accepted sends, measured on `time.monotonic()`; rejected calls do not count.

Blocking: `push_my_chat_member(user, "kicked")` is the user blocking the bot (the update Telegram sends), after
which every send to their private chat answers 403 "Forbidden: bot was blocked by the user"; "member" (the
user unblocks or restarts the bot), or any message the user writes, lifts it (`blocked` holds who blocked).

Faults: `fail_next(method, n, status=...)` answers the next `n` calls of `method` with an error. To
inject one at a given call rather than at a given moment, set `on_call`: it is called with the method
and how many calls of it arrived so far (this one included) before the call is answered, so a
`fail_next` made there already applies to this call. `send_delay` (seconds) holds every send that long
before it is accepted, as a slow network does, so that sends are in flight.

As Telegram does: a getUpdates while another one is still waiting ends the waiting one with 409
("terminated by other getUpdates request"), counted in `conflicts` when its client was still there to
get it. With `deliver_webhooks=True`, a webhook set with setWebhook really receives the updates
(tests/fakes/webhook_pusher.py): each posted until the bot answers 2xx, in order per chat.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import itertools
import json
import math
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from aiohttp import web

from tests.fakes.webhook_pusher import WebhookPusher

Json = dict[str, Any]

BOT_ID = 123456
DEFAULT_TOKEN = f"{BOT_ID}:TEST-fake-token"

_DESCRIPTIONS = {
    400: "Bad Request: chat not found",
    403: "Forbidden: bot was blocked by the user",
    500: "Internal Server Error",
    502: "Bad Gateway",
}


@dataclass
class _Fault:
    remaining: int
    status: int
    retry_after: int
    description: str | None


@dataclass
class _SlidingWindow:
    """At most `count` accepted sends in any `period` seconds."""

    count: int
    period: float
    accepted: deque[float] = field(default_factory=deque)

    def retry_in(self, now: float) -> float:
        """0 when one more send fits now, else seconds until it would."""
        while self.accepted and self.accepted[0] <= now - self.period:
            self.accepted.popleft()
        if len(self.accepted) < self.count:
            return 0.0
        return self.accepted[len(self.accepted) - self.count] + self.period - now


class FakeTelegramAPI:
    """Serves `/bot{token}/{method}`; the test pushes updates and reads what the bot sent."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = "thidua_test_bot",
        flood_limit: int | None = None,
        per_chat_limit: float | None = None,
        group_limit: int | None = None,
        group_period: float = 60.0,
        deliver_webhooks: bool = False,
        webhook_connections: int = 1,
    ) -> None:
        self.token = token
        self.bot_username = bot_username
        self.sent: list[Json] = []
        """Every sendMessage/sendDocument, in order (see the module docstring for the keys)."""
        self.calls: list[tuple[str, Json]] = []
        """Every API call as (method, parameters), failed ones included."""
        self.on_call: Callable[[str, int], None] | None = None
        """Called as each call arrives, before faults apply: (method, calls of it so far, this one included)."""
        self._call_counts: dict[str, int] = {}
        self.commands: list[Json] = []
        """The command menu last set with setMyCommands (`[{"command": ..., "description": ...}]`)."""
        self.callback_answers: list[Json] = []
        self.edited_markups: list[Json] = []
        self.chat_actions: list[Json] = []
        self.webhook_url = ""
        self.webhook_secret: str | None = None
        self.webhook_last_error: str | None = None
        """When set, getWebhookInfo reports it as `last_error_message`, as Telegram does after failed deliveries."""
        self.set_my_commands_fails = False
        """When True, setMyCommands answers 400, as with an invalid command."""
        self._pending: list[Json] = []
        self._forced: list[Json] = []  # re-deliveries that ignore the offset
        self._history: dict[int, Json] = {}
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1)
        self._faults: dict[str, _Fault] = {}
        self._users: dict[int, tuple[str, str | None]] = {}
        self._cursors: dict[str, int] = {}
        self._changed = asyncio.Event()  # replaced by a fresh one on every change, see _tick
        self._closing = False
        self._runner: web.AppRunner | None = None
        self._port = 0
        self.blocked: set[int] = set()
        """Users who blocked the bot: a send to their private chat answers 403."""
        self.flood_rejections = 0
        """sendMessage/sendDocument calls answered 429 because they went beyond the flood limits."""
        self.flood_rejected: list[Json] = []
        """Each such call: `chat_id`, `at` (monotonic), `limit` ("overall", "chat" or "group")."""
        self._overall: _SlidingWindow | None = None
        self._chat_limit: tuple[int, float] | None = None
        self._group_limit: tuple[int, float] | None = None
        self._chat_windows: dict[str, _SlidingWindow] = {}
        self._group_windows: dict[str, _SlidingWindow] = {}
        self.set_flood_limits(flood_limit, per_chat_limit, group_limit, group_period)
        self.conflicts = 0
        """getUpdates calls answered 409 because a newer one came while they waited."""
        self._poll: asyncio.Future[bool] | None = None  # the getUpdates waiting now; set when a newer one ends it
        self.send_delay = 0.0
        self.in_flight = 0
        """sendMessage/sendDocument calls received and not yet answered (see `send_delay`)."""
        self.pusher = WebhookPusher(self._webhook_pending, self._webhook_delivered, "X-Telegram-Bot-Api-Secret-Token",
                                    connections=webhook_connections) if deliver_webhooks else None

    # -- server ---------------------------------------------------------------------------------

    async def start(self) -> None:
        """Listen on 127.0.0.1 on a free port."""
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._serve)
        self._runner = web.AppRunner(app, shutdown_timeout=1.0)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self._port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        """End pending long polls and close the server."""
        if self.pusher is not None:
            await self.pusher.stop()
        self._closing = True
        self._tick()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def base_url(self) -> str:
        """`http://127.0.0.1:<port>`, for `TelegramAPIServer.from_base` / `api_url=`."""
        return f"http://127.0.0.1:{self._port}"

    # -- the users' side ------------------------------------------------------------------------

    def set_user(self, user_id: int, first_name: str, last_name: str | None = None) -> None:
        """Name a user (default: first name `User<id>`)."""
        self._users[user_id] = (first_name, last_name)

    def push_text(self, user_id: int, text: str, chat_id: int | None = None, *, is_bot: bool = False) -> int:
        """User `user_id` writes `text` (in their private chat unless `chat_id`; another bot when `is_bot`);
        returns the update_id."""
        self.blocked.discard(user_id)  # writing to the bot means it is not blocked (any more)
        message = self._message(user_id, chat_id)
        message["text"] = text
        message["from"]["is_bot"] = is_bot
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        return self._push_message(message)

    def push_my_chat_member(self, user_id: int, status: str = "kicked") -> int:
        """The bot's status in user `user_id`'s private chat changes: "kicked" (the user blocked the bot) or
        "member" (unblocked it, or pressed Restart); returns the update_id."""
        old, new = ("member", "kicked") if status == "kicked" else ("kicked", status)
        (self.blocked.add if status == "kicked" else self.blocked.discard)(user_id)
        change = {
            "chat": self._chat(user_id, user_id),
            "from": self._user(user_id),
            "date": int(time.time()),
            "old_chat_member": _member(self._bot_user(), old),
            "new_chat_member": _member(self._bot_user(), new),
        }
        return self.push_raw({"update_id": next(self._update_ids), "my_chat_member": change})

    def push_migration(self, user_id: int, chat_id: int, new_chat_id: int) -> int:
        """Group `chat_id` is upgraded to supergroup `new_chat_id` (the service message in the old group)."""
        message = self._message(user_id, chat_id)
        message["migrate_to_chat_id"] = new_chat_id
        return self._push_message(message)

    def push_contact(self, user_id: int, phone: str, contact_user_id: int | Literal["own"] | None = "own") -> int:
        """User shares a contact card: their own by default (the share-phone button), another
        Telegram user's with an int, a card of nobody on Telegram with None."""
        message = self._message(user_id, None)
        first, last = self._name(user_id)
        contact: Json = {"phone_number": phone, "first_name": first}
        if last:
            contact["last_name"] = last
        if contact_user_id is not None:
            contact["user_id"] = user_id if contact_user_id == "own" else contact_user_id
        message["contact"] = contact
        return self._push_message(message)

    def push_document(self, user_id: int, file_name: str, mime: str, size: int) -> int:
        """User sends a file; its file_id is `file-<update_id>`."""
        message = self._message(user_id, None)
        update_id = next(self._update_ids)
        message["document"] = {
            "file_id": f"file-{update_id}",
            "file_unique_id": f"uniq-{update_id}",
            "file_name": file_name,
            "mime_type": mime,
            "file_size": size,
        }
        return self.push_raw({"update_id": update_id, "message": message})

    def push_photo(self, user_id: int, caption: str | None = None) -> int:
        """User sends a photo (no text, no document; a caption if given); returns the update_id."""
        message = self._message(user_id, None)
        update_id = next(self._update_ids)
        message["photo"] = [
            {
                "file_id": f"photo-{update_id}-{size}",
                "file_unique_id": f"uniq-photo-{update_id}-{size}",
                "width": size,
                "height": size,
                "file_size": size * 40,
            }
            for size in (90, 320, 800)
        ]
        if caption is not None:
            message["caption"] = caption
        return self.push_raw({"update_id": update_id, "message": message})

    def push_callback(self, user_id: int, data: str, message_id: int | None = None, chat_id: int | None = None) -> int:
        """User presses an inline button with callback `data`, by default on the bot's last message
        to that chat."""
        chat = chat_id if chat_id is not None else user_id
        if message_id is None:
            mine = self.sent_to(chat)
            message_id = mine[-1]["message_id"] if mine else 1
        update_id = next(self._update_ids)
        query = {
            "id": f"cq-{update_id}",
            "from": self._user(user_id),
            "chat_instance": f"ci-{chat}",
            "data": data,
            "message": {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": self._chat(chat, user_id),
                "from": self._bot_user(),
                "text": "…",
            },
        }
        return self.push_raw({"update_id": update_id, "callback_query": query})

    def push_raw(self, update: Json) -> int:
        """Queue any update dict as is (malformed ones too); gives it the next update_id if it has
        none, and returns its update_id."""
        update = dict(update)
        if "update_id" not in update:
            update["update_id"] = next(self._update_ids)
        update_id = update["update_id"]
        if not _is_int(update_id):
            self._forced.append(update)  # no offset can confirm it: deliver it once
            self._tick()
            return -1
        self._history[update_id] = copy.deepcopy(update)
        self._pending.append(update)
        self._tick()
        return int(update_id)

    def push_update_again(self, update_id: int) -> None:
        """Deliver an already pushed update once more, identical, even if the bot has confirmed it
        (as Telegram does after a crash before the offset was confirmed)."""
        self._forced.append(copy.deepcopy(self._history[update_id]))
        self._tick()

    def pushed(self, update_id: int) -> Json:
        """A copy of the update pushed as `update_id`, e.g. to post it to a webhook instead."""
        return copy.deepcopy(self._history[update_id])

    @property
    def pending_updates(self) -> int:
        """Updates queued and not yet confirmed by the bot."""
        return len(self._pending) + len(self._forced)

    # -- what the bot did -----------------------------------------------------------------------

    def sent_to(self, chat_id: int | str) -> list[Json]:
        """Everything sent to one chat, in order."""
        return [record for record in self.sent if record["chat_id"] == str(chat_id)]

    async def wait_sent(self, count: int, timeout: float = 15) -> list[Json]:  # noqa: ASYNC109
        """Wait until at least `count` messages were sent in all; returns `sent`."""
        await self._wait_for(lambda: len(self.sent) >= count, timeout, f"{count} sent messages")
        return self.sent

    async def next_message(self, chat_id: int | str, timeout: float = 15) -> Json:  # noqa: ASYNC109
        """The next message to `chat_id` that this helper has not returned yet (waits for it)."""
        key = str(chat_id)
        await self._wait_for(lambda: len(self.sent_to(key)) > self._cursors.get(key, 0), timeout, f"a message to {key}")
        index = self._cursors.get(key, 0)
        self._cursors[key] = index + 1
        return self.sent_to(key)[index]

    def mark_read(self, chat_id: int | str) -> None:
        """Skip everything sent to `chat_id` so far: `next_message` returns what comes after."""
        self._cursors[str(chat_id)] = len(self.sent_to(chat_id))

    async def wait_for(self, predicate: Callable[[], bool], timeout: float = 15) -> None:  # noqa: ASYNC109
        """Wait until `predicate()` holds; it is checked after every API call and push."""
        await self._wait_for(predicate, timeout, "a condition")

    # -- faults ---------------------------------------------------------------------------------

    def fail_next(
        self, method: str, n: int = 1, status: int = 429, retry_after: int = 1, description: str | None = None
    ) -> None:
        """Answer the next `n` calls of `method` with an error as Telegram words it: 429 carries
        `parameters.retry_after`; 400 says "chat not found", 403 "bot was blocked by the user"."""
        self._faults[method] = _Fault(n, status, retry_after, description)

    def set_flood_limits(
        self,
        flood_limit: int | None = 30,
        per_chat_limit: float | None = 1.0,
        group_limit: int | None = 20,
        group_period: float = 60.0,
    ) -> None:
        """Enforce Telegram's flood limits (None switches one off): `flood_limit` sends per second
        overall, `per_chat_limit` sends per second to one chat, and `group_limit` sends per
        `group_period` seconds to one group (a negative chat id)."""
        self._overall = _SlidingWindow(flood_limit, 1.0) if flood_limit else None
        if per_chat_limit:
            count = max(1, math.floor(per_chat_limit))
            self._chat_limit = (count, count / per_chat_limit)
        else:
            self._chat_limit = None
        self._group_limit = (group_limit, group_period) if group_limit else None
        self._chat_windows.clear()
        self._group_windows.clear()

    # -- HTTP -----------------------------------------------------------------------------------

    async def _serve(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = await _read_params(request)
        self.calls.append((method, params))
        self._call_counts[method] = count = self._call_counts.get(method, 0) + 1
        if self.on_call is not None:
            self.on_call(method, count)
        self._tick()
        try:
            if request.match_info["token"] != self.token:
                return _error(401, "Unauthorized")
            if method == "getUpdates":
                return await self._get_updates(params, request)
            fault = self._faults.get(method)
            if fault is not None and fault.remaining > 0:
                fault.remaining -= 1
                return _fault_response(fault)
            handler = self._handlers().get(method)
            if handler is None:
                return _error(404, "Not Found: method not found")
            result = await handler(params)
            if isinstance(result, web.Response):
                return result
            return web.json_response({"ok": True, "result": result})
        finally:
            self._tick()

    def _handlers(self) -> dict[str, Callable[[Json], Awaitable[Any]]]:
        return {
            "getMe": self._get_me,
            "sendMessage": lambda params: self._send("sendMessage", params),
            "sendDocument": lambda params: self._send("sendDocument", params),
            "answerCallbackQuery": self._answer_callback,
            "editMessageReplyMarkup": self._edit_markup,
            "setMyCommands": self._set_my_commands,
            "deleteWebhook": self._delete_webhook,
            "setWebhook": self._set_webhook,
            "getWebhookInfo": self._webhook_info,
            "sendChatAction": self._chat_action,
        }

    async def _get_me(self, params: Json) -> Json:
        return {**self._bot_user(), "can_join_groups": True, "can_read_all_group_messages": False}

    async def _get_updates(self, params: Json, request: web.Request) -> web.Response:
        fault = self._faults.get("getUpdates")
        if fault is not None and fault.remaining > 0:
            fault.remaining -= 1
            return _fault_response(fault)
        if self.webhook_url:
            return _error(409, "Conflict: can't use getUpdates method while webhook is active")
        if self._poll is not None and not self._poll.done():
            self._poll.set_result(True)  # a newer request ends the one waiting, as on Telegram
        poll = self._poll = asyncio.get_running_loop().create_future()
        try:
            offset = _int(params.get("offset"))
            limit = _int(params.get("limit")) or 100
            timeout = float(_int(params.get("timeout")) or 0)
            if offset:  # confirms every update below it, as on Telegram
                self._pending = [u for u in self._pending if u["update_id"] >= offset]
                self._tick()
            with contextlib.suppress(TimeoutError):
                await self._until(lambda: bool(self._pending or self._forced or self._closing or poll.done()),
                                  timeout)
            if poll.done():
                if request.transport is not None and not request.transport.is_closing():
                    self.conflicts += 1
                return _error(409, "Conflict: terminated by other getUpdates request; "
                                   "make sure that only one bot instance is running")
            batch, self._forced = (self._forced + self._pending)[:limit], []
            return web.json_response({"ok": True, "result": batch})
        finally:
            if self._poll is poll:
                self._poll = None

    async def _send(self, method: str, params: Json) -> Any:
        if self.send_delay:
            self.in_flight += 1
            try:
                await asyncio.sleep(self.send_delay)
            finally:
                self.in_flight -= 1
        chat_id = str(params.get("chat_id"))
        if not chat_id.lstrip("-").isdigit():
            return _error(400, "Bad Request: chat not found")
        if int(chat_id) in self.blocked:
            return _error(403, _DESCRIPTIONS[403])
        now = time.monotonic()
        flooded = self._flood_check(chat_id, now)
        if flooded is not None:
            return flooded
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self._chat(int(chat_id), int(chat_id)),
            "from": self._bot_user(),
        }
        markup = _json_param(params.get("reply_markup"))
        record: Json = {
            "method": method,
            "chat_id": chat_id,
            "message_id": message["message_id"],
            "text": params.get("text"),
            "reply_markup": markup,
            "buttons": _inline_buttons(markup),
            "document": None,
            "document_content": None,
            "caption": params.get("caption"),
            "at": now,
        }
        if method == "sendDocument":
            name, content = _file(params, "document")
            record["document"], record["document_content"] = name, content
            message["document"] = {
                "file_id": f"sent-{message['message_id']}",
                "file_unique_id": f"sent-uniq-{message['message_id']}",
                "file_name": name,
                "file_size": len(content or b""),
            }
        else:
            message["text"] = record["text"] or ""
        if markup and "inline_keyboard" in markup:
            message["reply_markup"] = markup  # Telegram echoes inline keyboards only
        self.sent.append(record)
        return message

    def _flood_check(self, chat_id: str, now: float) -> web.Response | None:
        """A 429 if one more send to `chat_id` breaks a limit; else the send is counted and None."""
        windows: list[tuple[str, _SlidingWindow]] = []
        if self._overall is not None:
            windows.append(("overall", self._overall))
        if self._chat_limit is not None:
            windows.append(("chat", self._chat_windows.setdefault(chat_id, _SlidingWindow(*self._chat_limit))))
        if self._group_limit is not None and chat_id.startswith("-"):
            windows.append(("group", self._group_windows.setdefault(chat_id, _SlidingWindow(*self._group_limit))))
        waits = [(window.retry_in(now), name) for name, window in windows]
        wait, limit = max(waits, default=(0.0, ""))
        if wait > 0:
            self.flood_rejections += 1
            self.flood_rejected.append({"chat_id": chat_id, "at": now, "limit": limit})
            retry_after = max(1, math.ceil(wait))
            return _error(429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after})
        for _, window in windows:
            window.accepted.append(now)
        return None

    async def _answer_callback(self, params: Json) -> bool:
        self.callback_answers.append(params)
        return True

    async def _edit_markup(self, params: Json) -> Json:
        self.edited_markups.append(params)
        chat_id = _int(params.get("chat_id")) or 0
        return {
            "message_id": _int(params.get("message_id")) or 0,
            "date": int(time.time()),
            "chat": self._chat(chat_id, chat_id),
            "from": self._bot_user(),
            "text": "…",
        }

    async def _set_my_commands(self, params: Json) -> Any:
        if self.set_my_commands_fails:
            return _error(400, "Bad Request: BOT_COMMAND_INVALID")
        self.commands = _json_param(params.get("commands")) or []
        return True

    async def _delete_webhook(self, params: Json) -> bool:
        self.webhook_url, self.webhook_secret = "", None
        if self.pusher is not None:
            self.pusher.poke()
        if str(params.get("drop_pending_updates", "")).lower() == "true":
            self._pending.clear()
        return True

    async def _set_webhook(self, params: Json) -> bool:
        self.webhook_url = str(params.get("url", ""))
        self.webhook_secret = params.get("secret_token")
        if self.pusher is not None and self.webhook_url:
            self.pusher.start(self.webhook_url, self.webhook_secret or "")
        return True

    async def _webhook_info(self, params: Json) -> Json:
        info: Json = {"url": self.webhook_url, "has_custom_certificate": False, "pending_update_count": 0}
        if self.webhook_last_error is not None:
            info |= {"last_error_date": int(time.time()), "last_error_message": self.webhook_last_error}
        return info

    async def _chat_action(self, params: Json) -> bool:
        self.chat_actions.append(params)
        return True

    # -- helpers --------------------------------------------------------------------------------

    def _name(self, user_id: int) -> tuple[str, str | None]:
        return self._users.get(user_id, (f"User{user_id}", None))

    def _user(self, user_id: int) -> Json:
        first, last = self._name(user_id)
        user: Json = {"id": user_id, "is_bot": False, "first_name": first, "language_code": "vi"}
        if last:
            user["last_name"] = last
        return user

    def _bot_user(self) -> Json:
        return {
            "id": int(self.token.split(":")[0]),
            "is_bot": True,
            "first_name": "Thi đua",
            "username": self.bot_username,
        }

    def _chat(self, chat_id: int, user_id: int) -> Json:
        if chat_id == user_id and chat_id > 0:
            first, last = self._name(user_id)
            chat: Json = {"id": chat_id, "type": "private", "first_name": first}
            if last:
                chat["last_name"] = last
            return chat
        return {"id": chat_id, "type": "group", "title": f"Group {chat_id}"}

    def _message(self, user_id: int, chat_id: int | None) -> Json:
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": self._chat(chat_id if chat_id is not None else user_id, user_id),
            "from": self._user(user_id),
        }

    def _push_message(self, message: Json) -> int:
        return self.push_raw({"update_id": next(self._update_ids), "message": message})

    def _tick(self) -> None:
        """Wake everybody waiting for a change (pushes are synchronous, hence no Condition)."""
        self._changed.set()
        self._changed = asyncio.Event()
        if self.pusher is not None:
            self.pusher.poke()

    def _webhook_pending(self) -> list[tuple[Any, str, Json]]:
        if not self.webhook_url:
            return []
        return [(u["update_id"], _chat_of(u), u) for u in self._pending]

    def _webhook_delivered(self, update_id: Any) -> None:
        self._pending = [u for u in self._pending if u["update_id"] != update_id]
        self._tick()

    async def _until(self, predicate: Callable[[], bool], seconds: float) -> None:
        async with asyncio.timeout(seconds):
            while not predicate():
                await self._changed.wait()

    async def _wait_for(self, predicate: Callable[[], bool], seconds: float, what: str) -> None:
        try:
            await self._until(predicate, seconds)
        except TimeoutError:
            raise AssertionError(f"timed out after {seconds} s waiting for {what}; sent: {self.sent}") from None


def _chat_of(update: Json) -> str:
    """The chat an update belongs to, for delivering a chat's updates in order."""
    for kind in ("message", "edited_message", "callback_query", "my_chat_member"):
        part = update.get(kind)
        if isinstance(part, dict):
            message = part.get("message") if kind == "callback_query" else part
            chat = message.get("chat") if isinstance(message, dict) else None
            if isinstance(chat, dict):
                return str(chat.get("id"))
            sender = part.get("from")
            if isinstance(sender, dict):
                return str(sender.get("id"))
    return str(update.get("update_id"))


def _member(user: Json, status: str) -> Json:
    member: Json = {"user": user, "status": status}
    return member | {"until_date": 0} if status == "kicked" else member


async def _read_params(request: web.Request) -> Json:
    """Parameters from the query string and a JSON, urlencoded or multipart body."""
    params: Json = dict(request.query)
    if request.content_type == "application/json":
        body = await request.json()
        if isinstance(body, dict):
            params.update(body)
    elif request.can_read_body:
        form = await request.post()
        for key, value in form.items():
            params[key] = value
    return params


def _file(params: Json, field: str) -> tuple[str | None, bytes | None]:
    value = params.get(field)
    if isinstance(value, str) and value.startswith("attach://"):
        value = params.get(value.removeprefix("attach://"))
    if isinstance(value, web.FileField):
        return value.filename, value.file.read()
    return (str(value) if value is not None else None), None  # a file_id or URL


def _json_param(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _inline_buttons(markup: Any) -> list[tuple[str, str]]:
    if not isinstance(markup, dict):
        return []
    rows = markup.get("inline_keyboard") or []
    return [(b.get("text", ""), b.get("callback_data", "")) for row in rows for b in row]


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _int(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _error(status: int, description: str, parameters: Json | None = None) -> web.Response:
    body: Json = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return web.json_response(body, status=status)


def _fault_response(fault: _Fault) -> web.Response:
    if fault.status == 429:
        description = fault.description or f"Too Many Requests: retry after {fault.retry_after}"
        return _error(429, description, {"retry_after": fault.retry_after})
    return _error(fault.status, fault.description or _DESCRIPTIONS.get(fault.status, "Error"))
