"""The meeting screen: a read-only page for the projector at `/man-hinh/<term id>/<token>`.

The token is the HMAC of the term id (handlers/voting/flows/meeting.py); a wrong one, or an unknown term, answers
the same plain 404 as any unknown address, so the link cannot be guessed and nothing hints at why.
The page asks `…/data` every two seconds for the turnout and, after the close, the count.
"""

from __future__ import annotations

from aiohttp import web

from bot.app import App
from bot.web.pages import HEADERS, page
from bot.web.screen_view import screen_data
from handlers.core.catalog import Catalog
from handlers.voting.flows.meeting import token_matches

APP_KEY = web.AppKey("thidua_app", App)


def _term_id(request: web.Request) -> int:
    raw, token = request.match_info["term_id"], request.match_info["token"]
    app = request.app[APP_KEY]
    if not (raw.isascii() and raw.isdecimal() and len(raw) <= 12) or len(token) > 64:
        raise web.HTTPNotFound()
    if not token_matches(app.config.secret, int(raw), token):
        raise web.HTTPNotFound()
    return int(raw)


def _catalog(request: web.Request) -> Catalog:
    return Catalog(request.query.get("lang", "vi"))


async def _data(request: web.Request, term_id: int) -> dict[str, object]:
    app = request.app[APP_KEY]
    async with app.uow() as uow:
        data = await screen_data(uow, term_id, app.clock.now(), _catalog(request))
    if data is None:
        raise web.HTTPNotFound()
    return data


async def screen_page(request: web.Request) -> web.Response:
    term_id = _term_id(request)
    await _data(request, term_id)  # an unknown term is a 404 like a wrong token
    t = _catalog(request)
    return page("screen.html", t, {"lang": t.lang})


async def screen_json(request: web.Request) -> web.Response:
    data = await _data(request, _term_id(request))
    return web.json_response(data, headers=HEADERS)


def add_screen_routes(web_app: web.Application) -> None:
    web_app.router.add_get("/man-hinh/{term_id}/{token}", screen_page)
    web_app.router.add_get("/man-hinh/{term_id}/{token}/data", screen_json)
