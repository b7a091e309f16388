"""Running the bot on the platforms that have a token: long polling, or webhooks behind one web server."""

from __future__ import annotations

import hashlib
import hmac
import logging

from aiohttp import web

from bot import collector, startup
from bot.app import App
from bot.channels.telegram import TelegramChannel
from bot.channels.zalo import ZaloChannel
from bot.channels.zalo_api import ZaloClient
from bot.channels.zalo_photo import PhotoKeeper
from bot.web import build_web_app
from bot.web.file_links import FileLinker, FileStore, link_key
from bot.worker import Worker
from handlers.core.catalog import Catalog

log = logging.getLogger(__name__)
# Telegram's command menu
COMMANDS = ("menu", "nop", "chamdiem", "bophieu", "trangthai", "diem", "baucu", "toi", "huy", "help")


def build_channels(app: App) -> tuple[TelegramChannel | None, ZaloChannel | None]:
    s, t = app.settings, Catalog()
    telegram = zalo = None
    links = FileLinker(FileStore(s.data_dir / "files"), link_key(app.config.secret), s.public_base(),
                       s.file_link_days)
    if s.telegram_token is not None:
        telegram = TelegramChannel(
            s.telegram_token.get_secret_value(), contact_button_label=t("contact_button"),
            api_url=s.telegram_api_url, commands=[(c, t(f"cmd.{c}")) for c in COMMANDS], document_link=links.line,
        )
        app.add_channel(telegram)
    if s.zalo_token is not None:
        client = ZaloClient(s.zalo_token.get_secret_value(), base_url=s.zalo_api_url)
        photos = PhotoKeeper(links.store, app.config.max_file_bytes)  # a photo as a submission's file
        zalo = ZaloChannel(client, document_unavailable_text=t("document_unavailable"), document_link=links.line,
                           photos=photos)
        app.add_channel(zalo)
    return telegram, zalo


async def run_platforms(app: App) -> None:
    """Serve until SIGTERM or SIGINT (bot/worker.py says what a worker does and how it stops)."""
    telegram, zalo = build_channels(app)
    await startup.check_platforms(app, telegram, zalo)  # a refused token or an unreachable platform: one line
    collector.tune()  # once aiogram and the channels exist, so they are frozen too
    webhooks = bool(app.settings.webhook_base_url)
    for channel in (telegram, zalo) if webhooks else ():
        if channel is not None:
            app.channels_started[channel.name] = False  # until its webhook is set
    worker = Worker(app, telegram, zalo, polling=not webhooks)
    worker.listen_for_signals()
    await worker.start()
    names = ", ".join(c.name for c in (telegram, zalo) if c is not None)
    runner = await _serve_web(app, telegram, zalo)  # the meeting screen always, webhooks when configured
    try:
        if webhooks:
            await startup.set_webhooks(app, telegram, zalo, webhook_secret(app))
            for channel in (telegram, zalo):
                if channel is not None:
                    app.channels_started[channel.name] = True
        print(Catalog()("cli.running", channels=names), flush=True)
        await worker.run()
    finally:
        await runner.cleanup()


def webhook_secret(app: App) -> str:
    """The same on every worker (derived from the secret key) unless set explicitly."""
    if app.settings.webhook_secret is not None:
        return app.settings.webhook_secret.get_secret_value()
    return hmac.new(app.config.secret, b"webhook-secret", hashlib.sha256).hexdigest()[:48]


async def _serve_web(app: App, telegram: TelegramChannel | None, zalo: ZaloChannel | None) -> web.AppRunner:
    s = app.settings
    web_app = build_web_app(app)
    if s.webhook_base_url:
        secret = webhook_secret(app)
        if telegram is not None:
            telegram.add_webhook_route(web_app, app.dispatcher.handle, "/telegram/webhook", secret)
        if zalo is not None:
            from bot.channels.zalo import add_webhook_route

            # Zalo is answered once the update is stored; it is handled right after (bot/dispatcher.py)
            add_webhook_route(web_app, app.dispatcher.accept_one, secret_token=secret, path="/zalo/webhook",
                              photos=zalo.photos)
    return await startup.start_web(web_app, s.web_host, s.web_port)  # a taken port: one line, exit 2
