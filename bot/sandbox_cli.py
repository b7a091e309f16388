"""`thidua chat`: talk to the bot in the terminal as several people, Telegram or Zalo style."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import replace

from bot.app import App
from bot.channels.sandbox import Delivered, Sandbox, SandboxChannel, render
from handlers.core.catalog import Catalog
from handlers.registration import invite_book
from handlers.registration.rules.codes import INVITE_KEYS, deep_link, display_code


async def invite_text(app: App, block_id: int) -> str:
    t = Catalog()
    async with app.uow() as uow:
        block = await uow.directory.block(block_id)
        term = await uow.directory.current_term(block_id)
        lines = await invite_book.invite_lines(uow, app.config.secret, block_id, app.clock.now())
        await uow.commit()
    out = [t("cli.invites_header", block=block.name if block else "?", year=term.year if term else "?")]
    for line in lines:
        who = line.unit_code or t(INVITE_KEYS[line.role])
        name = f" {line.unit_name}" if line.unit_name else ""
        link = deep_link(app.config.bot_username, line.code)
        out.append(f"  {who:<10}{name}\n      {display_code(line.code)}   {link}")
    return "\n".join(out)


SHUTDOWN_WAIT_SECONDS = 10.0


async def run_sandbox(app: App, block_id: int | None, style: str = "telegram", user: str = "thuongtruc",
                      channel: SandboxChannel | None = None) -> None:
    """`channel`: one the web sandbox also shows (`thidua run`), so both see the same chats."""
    t = Catalog()
    channel = channel or SandboxChannel(style=style)
    if style == "zalo":  # like Zalo, the Zalo-style sandbox receives no files
        app.dispatcher.config = replace(app.config, file_channels=app.config.file_channels - {channel.name})
    app.add_channel(channel)
    sandbox = Sandbox(app.dispatcher.handle, channel)
    current = [user]

    def show(item: Delivered) -> None:
        who = item.chat_id.removeprefix("sb-")
        prefix = "🤖 " if who == current[0] else f"🤖 {t('cli.sandbox_to', user=who)}: "
        print(prefix + render(item, style).replace("\n", "\n   "))

    channel.listeners.append(show)
    scheduler = app.scheduler()
    scheduler.start()
    print(t("cli.sandbox_intro", style=style, user=user))
    try:
        while True:
            try:
                line = (await asyncio.to_thread(input, f"\n{current[0]}> ")).strip()
            except EOFError:
                break
            if not line:
                continue
            if line in ("/thoat", "/quit", "/exit"):
                break
            if line.startswith("/as "):
                current[0] = line[4:].strip() or current[0]
                print(t("cli.sandbox_as", user=current[0]))
                continue
            if line == "/ma" and block_id is not None:
                print(await invite_text(app, block_id))
                continue
            if line.startswith("/sdt "):
                await sandbox.share_phone(current[0], line[5:].strip())
            else:
                await sandbox.say(current[0], line)
            sandbox.inbox(current[0])
            await asyncio.sleep(0)
    finally:
        # A reminder tick under way finishes instead of being cancelled mid-transaction (a traceback).
        with contextlib.suppress(Exception):
            scheduler.pause()
        if app.jobs_running:
            await asyncio.wait(set(app.jobs_running), timeout=SHUTDOWN_WAIT_SECONDS)
        with contextlib.suppress(Exception):
            scheduler.shutdown(wait=False)
