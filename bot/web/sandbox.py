"""The web sandbox at http://127.0.0.1:<port>/: several people chat with the bot side by side.

Each pane is one user (`sb-<name>`, like `thidua chat`); what it sends goes through the real
dispatcher, and replies and outbox notices land in `WebSandboxChannel`, which the page asks for
every second. Only served when no platform token is set, and only on 127.0.0.1: anybody who can
reach it can speak as anybody. Requests from other sites are refused (Host check, JSON body).
"""

from __future__ import annotations

import re
import uuid
from urllib.parse import quote

from aiohttp import web
from aiohttp.typedefs import Handler

from bot.web.pages import page
from bot.web.sandbox_channel import WebSandboxChannel
from bot.web.screen import APP_KEY
from handlers.core.catalog import Catalog
from handlers.core.messages import Incoming
from handlers.registration import invite_book
from handlers.registration.rules.codes import INVITE_KEYS, display_code
from handlers.voting.flows.meeting import screen_path

CHANNEL_KEY = web.AppKey("thidua_sandbox", WebSandboxChannel)
USER = re.compile(r"^[\w-]{1,32}$")
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")


@web.middleware
async def local_only(request: web.Request, handler: Handler) -> web.StreamResponse:
    """DNS rebinding: a page of another site resolved to 127.0.0.1 still sends its own Host."""
    if (request.host.rsplit(":", 1)[0] if request.host else "") not in LOCAL_HOSTS:
        raise web.HTTPForbidden()
    return await handler(request)


async def home(request: web.Request) -> web.Response:
    return page("sandbox.html", Catalog())


async def messages(request: web.Request) -> web.Response:
    after = request.query.get("after", "0")
    seq = int(after) if after.isascii() and after.isdecimal() and len(after) < 10 else 0
    channel = request.app[CHANNEL_KEY]
    items = channel.since(seq)
    return web.json_response({"messages": [m.to_json() for m in items], "last": seq + len(items)})


async def send(request: web.Request) -> web.Response:
    t = Catalog()
    if request.content_type != "application/json":  # a form from another site cannot set it without CORS
        raise web.HTTPUnsupportedMediaType()
    try:
        body = await request.json()
    except ValueError:
        raise web.HTTPBadRequest() from None
    user = body.get("user") if isinstance(body, dict) else None
    if not isinstance(user, str) or not USER.match(user):
        return web.json_response({"error": t("meeting.sandbox_bad_name")}, status=400)
    text, option, version = body.get("text"), body.get("option"), body.get("version")
    chat = f"sb-{user}"
    incoming = Incoming(channel=request.app[CHANNEL_KEY].name, chat_id=chat, user_id=chat, update_id=uuid.uuid4().hex,
                        text=text[:4096] if isinstance(text, str) and text.strip() else None,
                        option=option if isinstance(option, str) else None,
                        version=version if isinstance(version, int) else None, display_name=user)
    if incoming.text is None and incoming.option is None:
        raise web.HTTPBadRequest()
    await request.app[APP_KEY].dispatcher.handle(incoming)
    return web.json_response({"ok": True})


async def download(request: web.Request) -> web.Response:
    document = request.app[CHANNEL_KEY].files.get(request.match_info["key"])
    if document is None:
        raise web.HTTPNotFound()
    return web.Response(body=document.content, content_type=document.mime,
                        headers={"Content-Disposition": _attachment(document.filename)})


async def invites(request: web.Request) -> web.Response:
    """The invite codes a newcomer needs, and the meeting screens to open beside the chats."""
    app, t = request.app[APP_KEY], Catalog()
    blocks: list[dict[str, object]] = []
    async with app.uow() as uow:
        for block in await uow.directory.blocks():
            assert block.id is not None
            lines = await invite_book.invite_lines(uow, app.config.secret, block.id, app.clock.now())
            term = await uow.directory.current_term(block.id)
            codes = [{"who": ln.unit_code or t(INVITE_KEYS[ln.role]), "name": ln.unit_name or "",
                      "code": display_code(ln.code)} for ln in lines]
            screen = screen_path(app.config.secret, term.id) if term is not None and term.id is not None else None
            blocks.append({"name": block.name, "codes": codes, "screen": screen})
        await uow.commit()
    return web.json_response({"blocks": blocks, "screen_label": t("meeting.sandbox_screen")})


def _attachment(filename: str) -> str:
    return f"attachment; filename*=UTF-8''{quote(filename)}"


def add_sandbox_routes(web_app: web.Application, channel: WebSandboxChannel) -> None:
    web_app[CHANNEL_KEY] = channel
    web_app.middlewares.append(local_only)
    web_app.router.add_get("/", home)
    web_app.router.add_get("/api/messages", messages)
    web_app.router.add_post("/api/send", send)
    web_app.router.add_get("/api/invites", invites)
    web_app.router.add_get("/files/{key}", download)
