"""Signed, expiring links to files the bot made (exports, minutes) for people whose platform cannot
receive a document (Zalo's bot API sends text only) or for files over a platform's size limit.

A file is kept in the data directory (`files/<id>.bin` and its `<id>.json`: name, type, size), so a
restart keeps its links working. A link is `/files/<id>/<expires>/<signature>`: the signature is an
HMAC-SHA256 over the id and the expiry (Unix seconds) with a key derived from the bot's secret key, so a
link cannot be forged or extended. A wrong, forged or expired link gets the same plain 404 as any unknown
address (as the meeting screen does): nothing hints at why.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from aiohttp import web

from handlers.core.catalog import text
from handlers.core.messages import Document
from handlers.deadlines.rules.submission_input import format_size

DEFAULT_DAYS = 7
_ID = re.compile(r"[0-9a-f]{32}")
_SIGNATURE = re.compile(r"[A-Za-z0-9_-]{43}")
ROUTE = "/files/{file_id}/{expires}/{signature}"


@dataclass(frozen=True, slots=True)
class StoredFile:
    file_id: str
    filename: str
    mime: str
    size: int


def link_key(secret: bytes) -> bytes:
    """A key for links only, so a link's signature tells nothing about the secret key or other uses of it."""
    return hmac.new(secret, b"thidua file links v1", hashlib.sha256).digest()


def sign(key: bytes, file_id: str, expires: int) -> str:
    digest = hmac.new(key, f"{file_id}:{expires}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def signed_path(key: bytes, file_id: str, expires: int) -> str:
    return f"/files/{file_id}/{expires}/{sign(key, file_id, expires)}"


def verify(key: bytes, file_id: str, expires: str, signature: str, now: float) -> bool:
    """True when the link was signed with `key` and has not expired (constant-time comparison)."""
    if not (_ID.fullmatch(file_id) and expires.isdecimal() and len(expires) <= 12 and _SIGNATURE.fullmatch(signature)):
        return False
    expected = sign(key, file_id, int(expires))
    return hmac.compare_digest(expected, signature) and int(expires) > now


class FileStore:
    """Files kept on disk under `root`, by a random id (never the name a person gave them)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def put(self, filename: str, content: bytes, mime: str) -> StoredFile:
        self.root.mkdir(parents=True, exist_ok=True)
        stored = StoredFile(uuid.uuid4().hex, filename, mime, len(content))
        (self.root / f"{stored.file_id}.bin").write_bytes(content)
        meta = {"filename": filename, "mime": mime, "size": len(content)}
        (self.root / f"{stored.file_id}.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        return stored

    def get(self, file_id: str) -> tuple[StoredFile, Path] | None:
        if not _ID.fullmatch(file_id):
            return None
        path, meta_path = self.root / f"{file_id}.bin", self.root / f"{file_id}.json"
        if not path.is_file() or not meta_path.is_file():
            return None
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        return StoredFile(file_id, str(meta["filename"]), str(meta["mime"]), int(meta["size"])), path


class FileLinker:
    """Keeps a file the bot made and answers the line that links to it, for a channel that cannot send it."""

    def __init__(self, store: FileStore, key: bytes, public_base: str, days: int = DEFAULT_DAYS,
                 now: Callable[[], float] = time.time, lang: str = "vi") -> None:
        self.store, self.key, self.base, self.days, self.now, self.lang = store, key, public_base, days, now, lang

    def line(self, document: Document) -> str | None:
        """The link's line (file name, size, address, last day); None for a file the bot does not hold.
        A document with content is kept first; one with a `file_id` is linked if the store has it (a photo
        received on Zalo, bot.channels.zalo_photo), never for another platform's file id."""
        if document.file_id is not None:
            found = self.store.get(document.file_id)
            if found is None:
                return None
            stored = found[0]
        elif document.content:
            stored = self.store.put(document.filename, document.content, document.mime)
        else:
            return None
        expires = int(self.now()) + self.days * 86_400
        until = time.strftime("%d/%m/%Y", time.gmtime(expires))
        return text("file_link", self.lang, name=document.filename, size=format_size(stored.size),
                    url=self.base.rstrip("/") + signed_path(self.key, stored.file_id, expires), until=until)


STORE_KEY = web.AppKey("file_store", FileStore)
LINK_KEY = web.AppKey("file_link_key", bytes)
NOW_KEY: web.AppKey[Callable[[], float]] = web.AppKey("file_link_now")


def add_file_routes(app: web.Application, store: FileStore, key: bytes,
                    now: Callable[[], float] = time.time) -> None:
    """`GET /files/<id>/<expires>/<signature>`: the file as a download, or a plain 404."""
    app[STORE_KEY], app[LINK_KEY], app[NOW_KEY] = store, key, now
    app.router.add_get(ROUTE, _serve)


async def _serve(request: web.Request) -> web.StreamResponse:
    info = request.match_info
    app = request.app
    if not verify(app[LINK_KEY], info["file_id"], info["expires"], info["signature"], app[NOW_KEY]()):
        raise web.HTTPNotFound()
    found = app[STORE_KEY].get(info["file_id"])
    if found is None:
        raise web.HTTPNotFound()
    stored, path = found
    headers = {
        "Content-Type": stored.mime,
        "Content-Disposition": content_disposition(stored.filename),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
    }
    return web.FileResponse(path, headers=headers)


def content_disposition(filename: str) -> str:
    """An attachment header any browser reads: an ASCII fallback plus the UTF-8 name (RFC 6266 / 5987)."""
    fallback = "".join(c if c.isascii() and (c.isalnum() or c in "._- ") else "_" for c in filename) or "file"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"
