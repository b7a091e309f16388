"""Telegram channel (aiogram 3): sends replies with inline buttons, receives updates by polling or webhook."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import replace

import aiohttp
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramAPIError,
    TelegramBadRequest,
    TelegramEntityTooLarge,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import (
    AnswerCallbackQuery,
    DeleteWebhook,
    EditMessageReplyMarkup,
    GetUpdates,
    SendDocument,
    SendMessage,
    SetMyCommands,
    SetWebhook,
)
from aiogram.methods.base import Response
from aiogram.types import BotCommand, BufferedInputFile, CallbackQuery, Update
from aiohttp import web

from bot.channels.base import DeliveryError, IncomingHandler, NotStored
from bot.channels.parts import PART_GAP, SentParts, between_parts
from bot.channels.telegram_convert import CHANNEL, chat_key, reply_markup, to_incoming, update_kind
from bot.channels.telegram_polling import ALLOWED_UPDATES, fetch_updates
from bot.channels.telegram_webhook import add_webhook_route
from bot.rendering import split_text
from handlers.core.messages import Document, Reply

logger = logging.getLogger(__name__)

UPLOAD_LIMIT = 50 * 1024 * 1024  # bytes a bot may upload through the Bot API
MAX_BACKOFF = 30.0  # seconds between failed polls at most

# aiogram reads every answer as `Response[<what the method returns>]`, a generic pydantic class that
# pydantic caches only weakly: each garbage collection dropped it and the next answer built it again,
# which cost more CPU than the rest of sending a message. Held here for the methods this channel calls.
_RESPONSE_TYPES = tuple(
    Response[method.__returning__]  # type: ignore[name-defined]
    for method in (SendMessage, SendDocument, GetUpdates, AnswerCallbackQuery, EditMessageReplyMarkup,
                   DeleteWebhook, SetMyCommands, SetWebhook)
)


class TelegramChannel:
    name = CHANNEL
    text_limit = 4096

    def __init__(
        self,
        token: str,
        *,
        contact_button_label: str,
        api_url: str | None = None,
        commands: Sequence[tuple[str, str]] = (),
        polling_timeout: int = 30,
        document_link: Callable[[Document], str | None] | None = None,
        part_gap: float = PART_GAP,
    ) -> None:
        """`api_url` is a self-hosted Bot API server (`http://127.0.0.1:8081`); None is Telegram's own."""
        session = AiohttpSession(api=TelegramAPIServer.from_base(api_url)) if api_url else AiohttpSession()
        self.bot = Bot(token, session=session)
        self._contact_label = contact_button_label
        self._commands = [BotCommand(command=c, description=d) for c, d in commands]
        self._polling_timeout = polling_timeout
        self._document_link = document_link  # for a file over the Bot API's upload limit (bot.web.file_links)
        self._stop = asyncio.Event()
        self._sent_parts = SentParts()
        self.part_gap = part_gap  # a long reply's parts keep Telegram's 1 message a second per chat

    # -- sending -------------------------------------------------------------------------------

    async def send(self, chat_id: str, reply: Reply, version: int) -> None:
        """Deliver one reply; raises `DeliveryError` saying whether and when to retry."""
        target: int | str = int(chat_id) if chat_id.lstrip("-").isdigit() else chat_id
        markup = reply_markup(reply, version, self._contact_label)
        if (doc := reply.document) is not None and len(doc.content) > UPLOAD_LIMIT and self._document_link:
            link = self._document_link(doc)  # too big to upload: a signed link to the bot's web server instead
            if link is not None:
                reply = replace(reply, text=f"{reply.text}\n\n{link}" if reply.text else link, document=None)
        parts = [part for part in split_text(reply.text, self.text_limit) if part.strip()]
        key = self._sent_parts.key(chat_id, [*parts, reply.document.filename if reply.document else ""])
        start = self._sent_parts.first_unsent(key)  # a resend skips the parts that already went out
        async with _delivery(self.bot.token):
            for index in range(start, len(parts)):
                await between_parts(self.part_gap, index == start)
                last = index == len(parts) - 1
                await self.bot.send_message(chat_id=target, text=parts[index], reply_markup=markup if last else None)
                self._sent_parts.sent(key, index + 1)
            if (doc := reply.document) is not None:
                await between_parts(self.part_gap, start >= len(parts))
                upload = doc.file_id or BufferedInputFile(doc.content, filename=doc.filename)
                await self.bot.send_document(chat_id=target, document=upload, reply_markup=None if parts else markup)
        self._sent_parts.finished(key)
        if not parts and reply.document is None:
            logger.warning("Nothing to send to a Telegram chat: the reply is empty")

    # -- receiving -----------------------------------------------------------------------------

    async def handle_update(self, update: Update, on_incoming: IncomingHandler) -> None:
        """Convert one update and pass it on. Raises only `NotStored` (the update must not be acknowledged);
        any other failure is logged, so one bad update cannot stop the bot."""
        try:
            incoming = to_incoming(update)
        except Exception:
            logger.warning("Skipping a malformed Telegram update id=%s", update.update_id)
            incoming = None
        else:
            if incoming is None:  # the bot added to or removed from a group is routine, not a warning
                level = logging.INFO if update.my_chat_member is not None else logging.WARNING
                logger.log(level, "Skipping Telegram update id=%s of kind %s", update.update_id, update_kind(update))
        if update.callback_query is not None:  # answered even when skipped: its spinner must not hang
            await self._acknowledge(update.callback_query, remove_keyboard=incoming is not None)
        if incoming is None:
            return
        try:
            await on_incoming(incoming)
        except NotStored:
            raise
        except Exception:
            logger.exception("Handling Telegram update id=%s failed", update.update_id)

    async def _acknowledge(self, query: CallbackQuery, *, remove_keyboard: bool = True) -> None:
        # The answer stops the button's spinner; removing the keyboard makes a second tap impossible
        # (the core ignores stale taps anyway, so both are best effort).
        try:
            await self.bot.answer_callback_query(callback_query_id=query.id)
        except Exception as error:
            logger.warning("Could not answer Telegram callback query: %s", type(error).__name__)
        if query.message is None or not remove_keyboard:
            return
        try:
            await self.bot.edit_message_reply_markup(chat_id=query.message.chat.id, message_id=query.message.message_id)
        except Exception as error:
            logger.info("Could not remove an inline keyboard: %s", type(error).__name__)

    async def run_polling(self, on_incoming: IncomingHandler) -> None:
        """Long-poll until `stop()` (or cancellation).

        The updates of one batch run concurrently across chats and in order within a chat. The next
        poll, which confirms the batch to Telegram, waits until the whole batch is handled, so an
        update is never confirmed before it is stored. When some could not be stored (the database is
        unreachable), the next poll confirms only the updates before the first of them, after a backoff:
        Telegram sends it again, and the ones after it too (those already stored are skipped).
        """
        await self._prepare_polling()
        stopped = asyncio.ensure_future(self._stop.wait())
        fetch: asyncio.Future[tuple[list[Update], int | None]] | None = None
        offset: int | None = None
        delay = 0.0
        try:
            while not self._stop.is_set():
                fetch = asyncio.ensure_future(fetch_updates(self.bot, offset, self._polling_timeout))
                await asyncio.wait({fetch, stopped}, return_when=asyncio.FIRST_COMPLETED)
                if not fetch.done():
                    break
                try:
                    updates, offset = fetch.result()
                except Exception as error:
                    delay = min(max(delay * 2, 1.0), MAX_BACKOFF)
                    logger.error(
                        "Polling Telegram failed (%s); retrying in %.0f s",
                        _describe(error, self.bot.token),
                        delay,
                    )
                    await asyncio.wait({stopped}, timeout=delay)
                    continue
                refused = await self._handle_batch(updates, on_incoming)
                if not refused:
                    delay = 0.0
                    continue
                offset = min(refused)
                delay = min(max(delay * 2, 1.0), MAX_BACKOFF)
                logger.warning("%d Telegram updates could not be stored; asking for them again in %.0f s",
                               len(refused), delay)
                await asyncio.wait({stopped}, timeout=delay)
        finally:
            for future in (fetch, stopped):
                if future is not None and not future.done():
                    future.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await future
            self._stop.clear()  # so the channel can poll again
        logger.info("Telegram polling stopped")

    async def _handle_batch(self, updates: list[Update], on_incoming: IncomingHandler) -> list[int]:
        """Handle a batch; returns the ids of the updates not stored (a chat stops at its first one)."""
        by_chat: dict[str, list[Update]] = {}
        for update in updates:
            by_chat.setdefault(chat_key(update), []).append(update)
        refused: list[int] = []

        async def in_order(chat_updates: list[Update]) -> None:
            for index, update in enumerate(chat_updates):
                try:
                    await self.handle_update(update, on_incoming)
                except NotStored:
                    refused.extend(u.update_id for u in chat_updates[index:])
                    return

        await asyncio.gather(*(in_order(chat_updates) for chat_updates in by_chat.values()))
        return refused

    async def stop(self) -> None:
        """Make `run_polling` return: at once when waiting, after the current update otherwise."""
        self._stop.set()

    async def _prepare_polling(self) -> None:
        try:
            await self.bot.delete_webhook(drop_pending_updates=False)
        except Exception as error:
            logger.warning("Could not delete the Telegram webhook: %s", _describe(error, self.bot.token))
        await self.set_commands()

    async def set_commands(self) -> None:
        """Publish the command menu; a failure is logged, since the bot works without it."""
        if not self._commands:
            return
        try:
            await self.bot.set_my_commands(commands=self._commands)
        except Exception as error:
            logger.warning("Could not set the Telegram command menu: %s", _describe(error, self.bot.token))

    # -- webhook mode --------------------------------------------------------------------------

    def add_webhook_route(
        self, app: web.Application, on_incoming: IncomingHandler, path: str, secret_token: str
    ) -> None:
        """Serve Telegram's webhook POSTs at `path` of an existing aiohttp app."""

        async def handle(update: Update) -> None:
            await self.handle_update(update, on_incoming)  # NotStored: the route answers 503

        add_webhook_route(app, self.bot, handle, path, secret_token)

    def webhook_app(self, on_incoming: IncomingHandler, path: str, secret_token: str) -> web.Application:
        """A stand-alone aiohttp app serving only the webhook route."""
        app = web.Application()
        self.add_webhook_route(app, on_incoming, path, secret_token)
        return app

    async def set_webhook(self, url: str, secret_token: str) -> None:
        """Ask Telegram to post updates to `url` with `secret_token` in the secret header."""
        async with _delivery(self.bot.token):
            await self.bot.set_webhook(url=url, secret_token=secret_token, allowed_updates=ALLOWED_UPDATES)

    async def close(self) -> None:
        await self.bot.session.close()


@contextlib.asynccontextmanager
async def _delivery(token: str) -> AsyncIterator[None]:
    """Turn aiogram's and aiohttp's errors into `DeliveryError`s the outbox knows how to retry."""
    try:
        yield
    except TelegramRetryAfter as error:
        raise DeliveryError(_describe(error, token), retry_after=float(error.retry_after)) from error
    except TelegramForbiddenError as error:  # blocked by the user (or kicked from a group): nobody to reach there
        raise DeliveryError(_describe(error, token), unreachable=True) from error
    # TelegramEntityTooLarge before the network errors: it is one of them, but resending cannot help;
    # TelegramBadRequest: chat not found, invalid markup: the same request would fail again
    except (TelegramEntityTooLarge, TelegramBadRequest, TelegramMigrateToChat) as error:
        raise DeliveryError(_describe(error, token), permanent=True) from error
    except (
        TelegramServerError,
        TelegramNetworkError,
        TelegramAPIError,
        ClientDecodeError,
        aiohttp.ClientError,
        TimeoutError,
    ) as error:
        raise DeliveryError(_describe(error, token)) from error


def _describe(error: BaseException, token: str) -> str:
    """Telegram's own description of an error; never the request, which may hold a message text.

    aiohttp's messages can quote the URL, which holds the token, hence the scrubbing.
    """
    if isinstance(error, TelegramAPIError):
        return f"{type(error).__name__}: {error.message}".replace(token, "<token>")
    return type(error).__name__
