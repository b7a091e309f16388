"""The web sandbox in headless Chromium, read as a transcript: the secretariat and a unit's contact
register side by side in two panes with invite codes, pressing real buttons; the secretariat's pane
gets the notice that the unit registered, and `/manhinh` gives the projector link."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.app import App
from bot.web import WebSandboxChannel
from handlers.core.catalog import text
from handlers.voting.flows.meeting import screen_path
from tests.conftest import ROOT
from tests.e2e.browser import chromium, served
from tests.helpers import codes, deliver

SCREENSHOT = ROOT / "artifacts" / "web-sandbox.png"
WAIT = 20_000  # ms: how long a pane may take to show a reply the server already sent (not a timing test)
BLOCK = "Khối thi đua Văn hóa - Xã hội"
CHECK_DETAILS = text("reg_summary", where="", name="", position="", phone="").splitlines()[0]  # the summary's head
BINH_REGISTERED = text("notice_registered", name="Trần Văn Bình", position="Chuyên viên", phone="0987 654 321",
                       role_text=text("role.unit", unit="Sở Y tế"), done=2, total=11)


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    async with chromium() as launched:
        yield launched


class Pane:
    """One user's pane of the page: type, press a button, read the last bubble."""

    def __init__(self, page: Any, index: int) -> None:
        self.node = page.locator(".pane").nth(index)

    async def say(self, text: str) -> None:
        box = self.node.locator(".text")
        await box.fill(text)
        await box.press("Enter")

    async def press(self, label: str) -> None:
        await self.node.locator(".log li.bot").last.get_by_role("button", name=label, exact=True).click()

    async def expect_last(self, text: str) -> None:
        from playwright.async_api import expect

        await expect(self.node.locator(".log li.bot").last).to_contain_text(text, timeout=WAIT)

    async def register(self, first: str, name: str, position: str, phone: str) -> None:
        await self.expect_last(first)
        await self.press(text("yes"))
        await self.expect_last(text("reg_ask_name"))
        await self.say(name)
        await self.expect_last(text("reg_ask_position"))
        await self.say(position)
        await self.expect_last(text("reg_ask_phone"))
        await self.say(phone)
        await self.expect_last(CHECK_DETAILS)
        await self.press(text("confirm"))


async def test_two_users_register_side_by_side_and_one_is_told(app: App, block_id: int, browser: Any) -> None:
    from playwright.async_api import expect

    channel = WebSandboxChannel()
    app.add_channel(channel)  # replies and outbox notices to sandbox chats land in the page
    c = await codes(app, block_id)
    async with served(app, channel) as base:
        page = await browser.new_page(viewport={"width": 1400, "height": 900})
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        await page.goto(base + "/")
        await expect(page.locator(".pane")).to_have_count(3)
        await expect(page.locator(".pane .name").nth(0)).to_have_value("thuongtruc")
        hoa, binh = Pane(page, 0), Pane(page, 1)
        await page.locator(".pane .name").nth(1).fill("binh")
        await page.locator(".pane .name").nth(1).dispatch_event("change")

        await hoa.say(f"/start {c['secretariat']}")
        await hoa.register(text("reg_confirm_secretariat", block=BLOCK, unit="Bảo hiểm Xã hội tỉnh"),
                           "Nguyễn Thị Hoa", "Chánh Văn phòng", "0912 345 678")
        await hoa.expect_last(text("reg_done_secretariat", block=BLOCK))

        await page.locator("#invites summary").click()  # the unit's code, copied from the list into binh's pane
        await binh.node.locator(".text").focus()
        await page.locator("#blocks button", has_text=c["YTE"]).click()
        await expect(binh.node.locator(".text")).to_have_value(f"/start {c['YTE']}")
        await binh.node.locator(".text").press("Enter")
        await binh.register(text("reg_confirm_unit", unit="Sở Y tế", block=BLOCK), "Trần Văn Bình", "Chuyên viên",
                            "0987654321")
        await binh.expect_last(text("reg_done_unit", unit="Sở Y tế", block=BLOCK))
        await expect(hoa.node.locator(".log")).not_to_contain_text("🆕")  # not before the outbox runs

        assert await deliver(app) == 1  # the outbox, as the scheduler would
        await hoa.expect_last(BINH_REGISTERED)
        await expect(binh.node.locator(".log")).not_to_contain_text("🆕")

        await hoa.say("/manhinh")
        await hoa.expect_last(screen_path(app.config.secret, await current_term(app, block_id)))
        await expect(page.locator(".pane").nth(2).locator(".log li")).to_have_count(0)  # the third user saw nothing

        await page.locator("#add-pane").click()
        await expect(page.locator(".pane")).to_have_count(4)
        SCREENSHOT.parent.mkdir(exist_ok=True)
        await page.screenshot(path=str(SCREENSHOT))
        assert all(r.startswith(base + "/") for r in requests), requests
        await page.close()


async def current_term(app: App, block_id: int) -> int:
    async with app.uow() as uow:
        term = await uow.directory.current_term(block_id)
    assert term is not None and term.id is not None
    return term.id
