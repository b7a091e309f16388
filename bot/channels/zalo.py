"""The Zalo channel: text only, menus as numbered lines, long polling or an authenticated webhook.

Wire facts (URL form, update and answer shapes) are listed in `bot.channels.zalo_api`. Here:

- An update becomes an `Incoming` keyed by `message.message_id` (unique per message; Zalo has no
  separate update id and no offset). A webhook body wraps the update as `{"ok": true, "result": …}`;
  getUpdates returns the update itself. Both are accepted.
- Only `message.text.received` carries text. A photo becomes a file the bot holds (bot.channels.zalo_photo)
  when the channel has a `PhotoKeeper`. Stickers, `message.unsupported.received`, any other event and a
  photo not kept become an `unsupported` `Incoming`: one short answer, the conversation stays at its step.
  The channel never sets `option`: a typed "1" is mapped to an option by the core (pending choices).
- Logs name an update by id and kind only: the text may hold an invite code.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import traceback
from collections.abc import Callable, Coroutine
from dataclasses import replace
from typing import Any, Final, TypeVar

from aiohttp import web

from bot.channels.base import DeliveryError, IncomingHandler, NotStored
from bot.channels.parts import PART_GAP, SentParts, between_parts
from bot.channels.zalo_api import TEXT_LIMIT, ZaloAPIError, ZaloClient, ZaloError
from bot.channels.zalo_convert import CHANNEL, describe_update, update_to_incoming
from bot.channels.zalo_photo import PhotoKeeper
from bot.rendering import as_plain_text, split_text, utf16_len
from handlers.core.messages import Document, Reply

__all__ = ["CHANNEL", "DEFAULT_RETRY_AFTER", "SECRET_HEADER", "ZaloChannel", "add_webhook_route", "delivery_error",
           "describe_update", "update_to_incoming"]

logger = logging.getLogger(__name__)

SECRET_HEADER: Final = "X-Bot-Api-Secret-Token"
DEFAULT_RETRY_AFTER: Final = 1.0  # a 429 without a hint still means "slow down"
PERMANENT_CODES: Final = frozenset({400, 403, 404})  # bad or unreachable chat: retrying cannot help
UNREACHABLE_CODES: Final = frozenset({403, 404})  # the person blocked the bot or is gone (a 400 is our fault)

T = TypeVar("T")


def delivery_error(exc: ZaloError) -> DeliveryError:
    """Map a client error to the runtime's `DeliveryError` (rate limit, transient or permanent)."""
    if not isinstance(exc, ZaloAPIError):
        return DeliveryError(str(exc))
    if exc.status == 429 or exc.error_code == 429:
        retry_after = exc.retry_after if exc.retry_after is not None else DEFAULT_RETRY_AFTER
        return DeliveryError(str(exc), retry_after=retry_after)
    if exc.status >= 500:
        return DeliveryError(str(exc))
    return DeliveryError(str(exc), permanent=exc.code in PERMANENT_CODES, unreachable=exc.code in UNREACHABLE_CODES)


class ZaloChannel:
    name = CHANNEL
    text_limit = TEXT_LIMIT

    def __init__(
        self,
        client: ZaloClient,
        *,
        document_unavailable_text: str,
        document_link: Callable[[Document], str | None] | None = None,
        photos: PhotoKeeper | None = None,
        part_gap: float = PART_GAP,
        poll_timeout: float = 30.0,
        backoff_initial: float = 1.0,
        backoff_max: float = 60.0,
    ) -> None:
        self.client = client
        self._document_unavailable_text = document_unavailable_text
        self._document_link = document_link  # a signed link to a file the bot holds (bot.web.file_links)
        self.photos = photos  # keeps a photo sent as a file (a submission's evidence)
        self.part_gap = part_gap  # a long reply's parts go 1 a second to the chat
        self._poll_timeout = poll_timeout
        self._backoff_initial = backoff_initial
        self._backoff_max = backoff_max
        self._stopping = asyncio.Event()
        self._sent_parts = SentParts()

    async def send(self, chat_id: str, reply: Reply, version: int) -> None:
        """Send the reply as text (menu numbered below), split at line boundaries, parts in order."""
        del version  # numbered menus carry no version: the core checks typed numbers itself
        if reply.document is not None:
            link = self._document_link(reply.document) if self._document_link is not None else None
            note = link or self._document_unavailable_text
            reply = replace(reply, text=f"{reply.text}\n\n{note}" if reply.text else note)
        parts = [part for part in split_text(as_plain_text(reply), self.text_limit, utf16_len) if part.strip()]
        key = self._sent_parts.key(chat_id, parts)
        start = self._sent_parts.first_unsent(key)  # a resend skips what went out
        for index in range(start, len(parts)):
            await between_parts(self.part_gap, index == start)
            try:
                await self.client.send_message(chat_id, parts[index])
            except ZaloError as exc:
                raise delivery_error(exc) from exc
            self._sent_parts.sent(key, index + 1)
        self._sent_parts.finished(key)

    async def run_polling(self, on_incoming: IncomingHandler) -> None:
        """Long-poll until `stop()`; a failing update or handler is logged and skipped."""
        try:
            await self._delete_webhook()
            delay = self._backoff_initial
            while not self._stopping.is_set():
                try:
                    update = await self._unless_stopped(self.client.get_updates(self._poll_timeout))
                except _Stopped:
                    break
                except Exception as exc:
                    logger.warning("Zalo polling failed (%s); retrying in %.1fs", _reason(exc), delay)
                    await self._sleep(delay)
                    delay = min(delay * 2, self._backoff_max)
                    continue
                delay = self._backoff_initial
                if update is not None:
                    await self._dispatch(update, on_incoming)
        finally:
            self._stopping.clear()

    def stop(self) -> None:
        """End `run_polling` promptly (an in-flight long poll is abandoned)."""
        self._stopping.set()

    def webhook_app(
        self, on_incoming: IncomingHandler, *, secret_token: str, path: str = "/zalo/webhook"
    ) -> web.Application:
        app = web.Application()
        add_webhook_route(app, on_incoming, secret_token=secret_token, path=path, photos=self.photos)
        return app

    async def close(self) -> None:
        await self.client.close()
        if self.photos is not None:
            await self.photos.close()

    async def _delete_webhook(self) -> None:
        try:
            await self.client.delete_webhook()
        except Exception as exc:
            logger.warning("Could not delete the Zalo webhook before polling (%s)", _reason(exc))

    async def _dispatch(self, update: dict[str, Any], on_incoming: IncomingHandler) -> None:
        """Hand one update on. Zalo's getUpdates has no offset: an update it returned is gone from Zalo,
        so one that cannot be stored is tried again here, with backoff, before the next poll."""
        update_id, kind = describe_update(update)
        incoming = update_to_incoming(update)
        if incoming is None:
            logger.warning("Skipped Zalo update %s (%s): not a message", update_id, kind)
            return
        incoming = await self.photos.keep(incoming, update) if self.photos is not None else incoming
        delay = self._backoff_initial
        while True:
            try:
                await on_incoming(incoming)
                return
            except NotStored:
                if self._stopping.is_set():
                    logger.error("Zalo update %s could not be stored before the stop: it is lost", update_id)
                    return
                logger.warning("Zalo update %s could not be stored; trying again in %.1f s", update_id, delay)
                await self._sleep(delay)
                delay = min(delay * 2, self._backoff_max)
            except Exception as exc:
                _log_handler_failure(update_id, kind, exc)
                return

    async def _unless_stopped(self, coro: Coroutine[Any, Any, T]) -> T:
        task = asyncio.ensure_future(coro)
        stopper = asyncio.ensure_future(self._stopping.wait())
        try:
            await asyncio.wait({task, stopper}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopper.cancel()
            if not task.done():
                task.cancel()
                await asyncio.wait({task})
        if task.cancelled():
            raise _Stopped
        return task.result()

    async def _sleep(self, seconds: float) -> None:
        try:
            await asyncio.wait_for(self._stopping.wait(), seconds)
        except TimeoutError:
            pass


def add_webhook_route(app: web.Application, on_incoming: IncomingHandler, *, secret_token: str,
                      path: str = "/zalo/webhook", photos: PhotoKeeper | None = None) -> None:
    """Add `POST path`: checks `X-Bot-Api-Secret-Token` (401), parses JSON (400), hands the update on.

    Answers 200 once `on_incoming` returned (also for events that are not messages): the runtime passes
    a handler that only stores the update, so Zalo is answered at once (after fetching a photo, which
    Zalo's URL may not keep for long). 503 when it could not be stored,
    500 when it raised otherwise, so that Zalo delivers the update again (the core de-duplicates by id).
    """
    if not 8 <= len(secret_token) <= 256:
        raise ValueError("the Zalo webhook secret must have 8 to 256 characters")
    expected = secret_token.encode()

    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode("utf-8", "replace")
        if not hmac.compare_digest(given, expected):
            logger.warning("Rejected a Zalo webhook call with a wrong or missing secret")
            return web.json_response({"ok": False, "description": "unauthorized"}, status=401)
        try:
            body: object = await request.json()
        except ValueError:
            return web.json_response({"ok": False, "description": "body is not JSON"}, status=400)
        update_id, kind = describe_update(body)
        incoming = update_to_incoming(body)
        if incoming is None:
            logger.info("Ignored Zalo webhook update %s (%s): not a message", update_id, kind)
            return web.json_response({"ok": True})
        incoming = await photos.keep(incoming, body) if photos is not None else incoming
        try:
            await on_incoming(incoming)
        except NotStored:
            return web.json_response({"ok": False, "description": "not stored"}, status=503,
                                     headers={"Retry-After": "5"})
        except Exception as exc:
            _log_handler_failure(update_id, kind, exc)
            return web.json_response({"ok": False, "description": "not handled"}, status=500)
        return web.json_response({"ok": True})

    app.router.add_post(path, receive)


class _Stopped(Exception):
    pass


def _reason(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, ZaloError) else type(exc).__name__


def _log_handler_failure(update_id: str, kind: str, exc: Exception) -> None:
    # The exception's message may quote the user's text: log its type and where it came from only.
    frames = "".join(traceback.format_tb(exc.__traceback__))
    logger.error("Handling Zalo update %s (%s) failed: %s\n%s", update_id, kind, type(exc).__name__, frames)
