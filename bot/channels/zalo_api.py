"""A thin client of the Zalo Bot API (Zalo Bot Platform) over aiohttp.

API facts relied on (official docs https://bot.zaloplatforms.com/docs/ , formerly bot.zapps.me/docs,
as mirrored in public repositories; the rest from public client code that talks to the real API):

- Every method is `POST {base}/bot{TOKEN}/{method}` with a JSON body; base is
  `https://bot-api.zaloplatforms.com`. The token sits in the URL path, so a URL is never logged.
- Every answer is `{"ok": bool, "result": ..., "error_code": int, "description": str}`.
- `getUpdates {"timeout": "<seconds>"}` long-polls (default 30 s) and returns ONE update as
  `result` (not a list, and there is no offset: the server hands each update out once). When
  nothing arrived it answers `{"ok": false, "error_code": 408, "description": "Request timeout"}`,
  seen with HTTP 408 and with HTTP 200: both mean "no update".
- An update is `{"event_name": "message.text.received" | "message.image.received" |
  "message.sticker.received" | "message.unsupported.received", "message": {"message_id": str,
  "date": ms, "from": {"id", "display_name", "is_bot"}, "chat": {"id", "chat_type":
  "PRIVATE" | "GROUP"}, "text"?, "photo"?, "caption"?, "sticker"?}}`.
- `sendMessage {"chat_id", "text"}`: text of 1 to 2000 characters; result `{"message_id", "date"}`.
  The docs do not say which unit counts: we count UTF-16 code units (an emoji such as 📝 counts two),
  the stricter reading, so a split part is never refused for its length.
- `sendChatAction {"chat_id", "action": "typing" | "upload_photo"}`.
- `getMe` → `{"id", "account_name", "account_type", "can_join_groups"}`.
- `setWebhook {"url", "secret_token"}` (secret 8 to 256 characters, sent back by Zalo in the
  `X-Bot-Api-Secret-Token` header); `getWebhookInfo` / `deleteWebhook` → `{"url", "updated_at"}`.
  A bot without webhook has been seen answering `getWebhookInfo` with HTTP 404: read as no webhook.
- `getUpdates` does not work while a webhook is set: delete it before polling.

Not documented, so read defensively: the shape of a rate-limit answer (HTTP 429 or error_code 429;
`retry_after` taken from the `Retry-After` header, `parameters.retry_after` or `retry_after`).
"""

from __future__ import annotations

import logging
import math
from typing import Any, Final

import aiohttp

from bot.rendering import utf16_len

logger = logging.getLogger(__name__)

DEFAULT_BASE_URL: Final = "https://bot-api.zaloplatforms.com"
TEXT_LIMIT: Final = 2000  # counted in UTF-16 code units, as JavaScript does: the stricter reading
NO_UPDATE: Final = 408


class ZaloError(Exception):
    """Base of the client's errors; messages never contain the token or a URL."""

    def __init__(self, method: str, message: str) -> None:
        super().__init__(f"{method}: {message}")
        self.method = method


class ZaloAPIError(ZaloError):
    """The API answered with an error (`ok: false`, an HTTP error status, or a body that is not JSON)."""

    def __init__(
        self,
        method: str,
        *,
        error_code: int | None,
        description: str,
        status: int,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(method, f"error {error_code} (HTTP {status}): {description}")
        self.error_code = error_code
        self.description = description
        self.status = status
        self.retry_after = retry_after

    @property
    def code(self) -> int:
        """`error_code` when the API gave one, else the HTTP status."""
        return self.error_code if self.error_code is not None else self.status


class ZaloNetworkError(ZaloError):
    """The request never got an answer: connection failure or timeout."""


class ZaloClient:
    """One bot's connection to the Zalo Bot API. Create it anywhere; the HTTP session opens lazily."""

    def __init__(
        self,
        token: str,
        *,
        base_url: str = DEFAULT_BASE_URL,
        request_timeout: float = 20.0,
        session: aiohttp.ClientSession | None = None,
    ) -> None:
        if not token:
            raise ValueError("a Zalo bot token is required")
        self._token = token
        self.base_url = base_url.rstrip("/")
        self._request_timeout = request_timeout
        self._session = session
        self._owns_session = session is None

    def __repr__(self) -> str:
        return f"ZaloClient(base_url={self.base_url!r})"

    async def __aenter__(self) -> ZaloClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        if self._owns_session and self._session is not None:
            await self._session.close()
            self._session = None

    async def get_me(self) -> dict[str, Any]:
        return _as_dict(await self.call("getMe"))

    async def get_updates(self, timeout: float = 30.0) -> dict[str, Any] | None:  # noqa: ASYNC109
        """Long-poll for at most `timeout` seconds; one update, or None when none arrived.

        `timeout` is the API's own parameter (how long the server holds the request), not a
        cancellation deadline, hence the name.
        """
        try:
            result = await self.call(
                "getUpdates", {"timeout": f"{timeout:g}"}, http_timeout=timeout + self._request_timeout
            )
        except ZaloAPIError as exc:
            if exc.code == NO_UPDATE:
                return None
            raise
        return result if isinstance(result, dict) and result else None

    async def set_webhook(self, url: str, secret_token: str) -> dict[str, Any]:
        if not 8 <= len(secret_token) <= 256:
            raise ValueError("the webhook secret must have 8 to 256 characters")
        return _as_dict(await self.call("setWebhook", {"url": url, "secret_token": secret_token}))

    async def delete_webhook(self) -> dict[str, Any]:
        return _as_dict(await self.call("deleteWebhook"))

    async def get_webhook_info(self) -> dict[str, Any]:
        try:
            return _as_dict(await self.call("getWebhookInfo"))
        except ZaloAPIError as exc:
            if exc.code == 404:
                return {"url": ""}
            raise

    async def send_message(self, chat_id: str, text: str) -> dict[str, Any]:
        if not 1 <= (units := utf16_len(text)) <= TEXT_LIMIT:
            raise ValueError(f"Zalo texts have 1 to {TEXT_LIMIT} UTF-16 code units, got {units}")
        return _as_dict(await self.call("sendMessage", {"chat_id": chat_id, "text": text}))

    async def send_chat_action(self, chat_id: str, action: str = "typing") -> None:
        await self.call("sendChatAction", {"chat_id": chat_id, "action": action})

    async def call(
        self, method: str, payload: dict[str, Any] | None = None, *, http_timeout: float | None = None
    ) -> Any:
        """POST one method; returns `result` or raises `ZaloAPIError` / `ZaloNetworkError`."""
        url = f"{self.base_url}/bot{self._token}/{method}"
        timeout = aiohttp.ClientTimeout(total=http_timeout or self._request_timeout)
        try:
            async with self._get_session().post(url, json=payload or {}, timeout=timeout) as response:
                status = response.status
                retry_header = response.headers.get("Retry-After")
                try:
                    body: Any = await response.json(content_type=None)
                except ValueError:
                    body = None
        except (TimeoutError, aiohttp.ClientError) as exc:
            # aiohttp's messages may carry the URL, hence the token: keep only the kind of failure.
            logger.debug("Zalo %s failed: %s", method, type(exc).__name__)
            raise ZaloNetworkError(method, type(exc).__name__) from None
        if isinstance(body, dict) and body.get("ok") is True and status < 400:
            return body.get("result")
        raise _api_error(method, status, body, retry_header)

    def _get_session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession()
            self._owns_session = True
        return self._session


def _api_error(method: str, status: int, body: Any, retry_header: str | None) -> ZaloAPIError:
    if not isinstance(body, dict):
        return ZaloAPIError(method, error_code=None, description="answer is not a JSON object", status=status)
    code = _as_int(body.get("error_code"))
    description = body.get("description")
    parameters = body.get("parameters")
    retry_after = _as_seconds(retry_header)
    if retry_after is None and isinstance(parameters, dict):
        retry_after = _as_seconds(parameters.get("retry_after"))
    if retry_after is None:
        retry_after = _as_seconds(body.get("retry_after"))
    return ZaloAPIError(
        method,
        error_code=code,
        description=description if isinstance(description, str) else "no description",
        status=status,
        retry_after=retry_after,
    )


def _as_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return None


def _as_seconds(value: object) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        seconds = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return seconds if math.isfinite(seconds) and seconds >= 0 else None


def _as_dict(result: Any) -> dict[str, Any]:
    return result if isinstance(result, dict) else {}
