"""The bot's web server: the meeting screen, health and metrics always, the web sandbox when no
platform token is set, and the platforms' webhooks when configured (bot/runner.py adds those routes)."""

from __future__ import annotations

import logging

from aiohttp import web

from bot.app import App
from bot.web.file_links import FileStore, add_file_routes, link_key
from bot.web.health import add_health_routes
from bot.web.pages import add_static_route
from bot.web.sandbox import add_sandbox_routes
from bot.web.sandbox_channel import WebSandboxChannel
from bot.web.screen import APP_KEY, add_screen_routes

__all__ = ["LOCAL_HOST", "WebSandboxChannel", "build_web_app", "start_web"]
log = logging.getLogger(__name__)
LOCAL_HOST = "127.0.0.1"


def build_web_app(app: App, sandbox: WebSandboxChannel | None = None) -> web.Application:
    web_app = web.Application(client_max_size=64 * 1024)
    web_app[APP_KEY] = app
    add_static_route(web_app)
    add_screen_routes(web_app)
    add_health_routes(web_app)
    add_file_routes(web_app, FileStore(app.settings.data_dir / "files"), link_key(app.config.secret))
    if sandbox is not None:
        add_sandbox_routes(web_app, sandbox)
    return web_app


async def start_web(web_app: web.Application, host: str, port: int) -> web.AppRunner:
    """Serve until the runner is cleaned up; raises OSError when the port is taken."""
    runner = web.AppRunner(web_app, access_log=None)  # access lines would carry the screen's token
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
    except BaseException:
        await runner.cleanup()
        raise
    log.info("web server on %s:%s", host, port)
    return runner
