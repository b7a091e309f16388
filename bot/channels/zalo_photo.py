"""A photo sent on Zalo (a signed report or official dispatch, photographed) becomes a file the bot holds.

`message.image.received` carries the photo as a URL on Zalo's servers (`message.photo`) and an optional
`message.caption` (bot.channels.zalo_api). The channel downloads it before the update is handed on and
keeps it in the bot's file store (bot.web.file_links), so the `Incoming` carries a `FileRef` whose id is
the stored file's: the submission flow takes it as it takes a Telegram document, and the secretariat on
Zalo gets it as a signed link. Zalo's URL may not live long, so the photo is fetched at once. A photo
over the size limit keeps its size (the flow answers that it is too big); one that cannot be fetched
leaves the update unsupported (one short answer, as before).
"""

from __future__ import annotations

import asyncio
import logging
import re
from dataclasses import replace
from typing import Final

import aiohttp

from bot.web.file_links import FileStore
from handlers.core.messages import FileRef, Incoming

log = logging.getLogger(__name__)

IMAGE_EVENT: Final = "message.image.received"
_MIMES: Final = {"image/jpeg": "jpg", "image/jpg": "jpg", "image/png": "png"}
_NAME_MAX: Final = 80
_UNSAFE = re.compile(r"[\x00-\x1f\\/:*?\"<>|]+")


def photo_of(update: object) -> tuple[str, str] | None:
    """(URL, caption) of an image message; None for anything else."""
    if isinstance(update, dict) and "message" not in update and isinstance(update.get("result"), dict):
        update = update["result"]
    if not isinstance(update, dict) or update.get("event_name") != IMAGE_EVENT:
        return None
    message = update.get("message")
    url = message.get("photo") if isinstance(message, dict) else None
    if not isinstance(message, dict) or not isinstance(url, str) or not url.startswith(("https://", "http://")):
        return None
    caption = message.get("caption")
    return url, caption.strip() if isinstance(caption, str) else ""


def photo_name(caption: str, message_id: str, ext: str) -> str:
    """The caption, when there is one, names the file («Công văn 123-SYT.jpg»); else the message's id."""
    stem = _UNSAFE.sub("-", caption).strip(" .-")[:_NAME_MAX].strip()
    return f"{stem or _UNSAFE.sub('-', f'anh-zalo-{message_id[:16]}')}.{ext}"


class PhotoKeeper:
    def __init__(self, store: FileStore, max_bytes: int, timeout: float = 20.0) -> None:
        self.store, self.max_bytes, self.timeout = store, max_bytes, timeout
        self._session: aiohttp.ClientSession | None = None

    async def keep(self, incoming: Incoming, update: object) -> Incoming:
        """The update's photo as a stored file on `incoming`; `incoming` unchanged when there is none."""
        photo = photo_of(update)
        if photo is None or incoming.file is not None or incoming.group:  # a group's photos are not ours
            return incoming
        url, caption = photo
        try:
            content, mime, size = await self._fetch(url)
        except (aiohttp.ClientError, TimeoutError, ValueError) as error:
            log.warning("could not fetch a Zalo photo (%s)", type(error).__name__)
            return incoming
        name = photo_name(caption, incoming.update_id, _MIMES.get(mime, "jpg"))
        if content is None:  # too big: the flow says so, with its size
            return replace(incoming, unsupported=False, file=FileRef("", name, mime, size))
        stored = await asyncio.to_thread(self.store.put, name, content, mime)
        return replace(incoming, unsupported=False, file=FileRef(stored.file_id, name, mime, stored.size))

    async def _fetch(self, url: str) -> tuple[bytes | None, str, int]:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout))
        async with self._session.get(url) as response:
            response.raise_for_status()
            mime = response.content_type.lower() if response.content_type in _MIMES else "image/jpeg"
            if (response.content_length or 0) > self.max_bytes:
                return None, mime, response.content_length or 0
            body = bytearray()
            async for chunk in response.content.iter_chunked(64 * 1024):
                body += chunk
                if len(body) > self.max_bytes:
                    return None, mime, len(body)
        if not body:
            raise ValueError("empty photo")
        return bytes(body), mime, len(body)

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

