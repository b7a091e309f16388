"""The static front end (plain HTML, CSS and JS in `static/`, no build step) and its few headers.

Texts are put into the HTML on the server (`{{key}}` → the catalog's text, escaped), so the
browser needs nothing but this server: no font, script or stylesheet from anywhere else, which the
Content-Security-Policy also enforces.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

from aiohttp import web

STATIC = Path(__file__).resolve().parent / "static"
_SLOT = re.compile(r"\{\{([a-z_.]+)\}\}")
TYPES = {".css": "text/css", ".js": "text/javascript", ".html": "text/html"}
HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                               "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",  # the screen's link holds its token
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
}


@cache
def _read(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def page(name: str, text: Callable[[str], str], extra: dict[str, str] | None = None) -> web.Response:
    """An HTML page with every `{{key}}` slot filled: a catalog key, or a value from `extra`."""
    values = extra or {}

    def fill(match: re.Match[str]) -> str:
        key = match.group(1)
        return html.escape(values[key] if key in values else text(key))

    return web.Response(text=_SLOT.sub(fill, _read(name)), content_type="text/html", headers=HEADERS)


async def static_file(request: web.Request) -> web.Response:
    name = request.match_info["name"]
    suffix = Path(name).suffix
    if "/" in name or suffix not in (".css", ".js") or not (STATIC / name).is_file():
        raise web.HTTPNotFound()
    return web.Response(text=_read(name), content_type=TYPES[suffix], headers={"Cache-Control": "no-cache"})


def add_static_route(web_app: web.Application) -> None:
    web_app.router.add_get("/static/{name}", static_file)
