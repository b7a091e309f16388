"""The projector page in headless Chromium: the turnout rises as ballots arrive, without a reload;
the results appear after the close; a wrong token is a 404; nothing is loaded from elsewhere."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.app import App
from handlers.core.catalog import text
from handlers.voting.flows.meeting import screen_path
from tests.conftest import ROOT
from tests.e2e.browser import chromium, served
from tests.helpers import cast_test_ballot, close_test_poll, open_test_poll

SCREENSHOT = ROOT / "artifacts" / "meeting-screen.png"
WAIT = 20_000  # ms: how long the page may take to show what the server already has (not a timing test)


@pytest.fixture
async def browser() -> AsyncIterator[Any]:
    async with chromium() as launched:
        yield launched


async def term_of(app: App, block_id: int) -> int:
    async with app.uow() as uow:
        term = await uow.directory.current_term(block_id)
    assert term is not None and term.id is not None
    return term.id


async def test_turnout_rises_live_then_the_results(app: App, block_id: int, browser: Any) -> None:
    from playwright.async_api import expect

    poll = await open_test_poll(app, block_id, ["YTE", "GDDT", "BDT"],
                                question="Đề nghị tặng Cờ thi đua của Chính phủ năm 2026")
    async with served(app) as base:
        page = await browser.new_page(viewport={"width": 1920, "height": 1080})
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        url = base + screen_path(app.config.secret, await term_of(app, block_id))
        response = await page.goto(url)
        assert response is not None and response.status == 200
        turnout = page.locator("#turnout")
        await expect(page.locator("#question")).to_have_text("Đề nghị tặng Cờ thi đua của Chính phủ năm 2026")
        await expect(page.locator("#status")).to_have_text(text("meeting.status_open"))
        await expect(turnout).to_have_text(text("meeting.turnout", members=11, voted=0), timeout=WAIT)
        await page.evaluate("window.notReloaded = true")

        await cast_test_ballot(app, block_id, poll, "BHXH", ["YTE"])
        await expect(turnout).to_have_text(text("meeting.turnout", members=11, voted=1), timeout=WAIT)
        await cast_test_ballot(app, block_id, poll, "KHCN", ["YTE"])
        await cast_test_ballot(app, block_id, poll, "TTTT", ["GDDT"])
        await expect(turnout).to_have_text(text("meeting.turnout", members=11, voted=3), timeout=WAIT)
        assert await page.evaluate("window.notReloaded === true")
        await expect(page.locator("#result")).to_be_hidden()

        for voter in ("CDCD", "VHTTDL", "YTE", "BDT", "PTTH", "LDTBXH"):
            await cast_test_ballot(app, block_id, poll, voter, ["YTE"] if voter != "LDTBXH" else [])
        await close_test_poll(app, poll)
        rows = page.locator("#rows li")
        await expect(rows).to_have_count(3, timeout=WAIT)
        await expect(page.locator("#status")).to_have_text(text("meeting.status_closed"))
        await expect(rows.nth(0)).to_contain_text("Sở Y tế")
        await expect(rows.nth(0)).to_contain_text("7 phiếu · 63,64%")
        await expect(rows.nth(0)).to_contain_text(text("meeting.elected_mark"))
        await expect(rows.nth(1)).to_contain_text("Sở Giáo dục và Đào tạo1 phiếu · 9,09%")
        await expect(rows.nth(1)).not_to_contain_text(text("minutes.note_elected"))
        await expect(page.locator("#ballots")).to_have_text(text("meeting.ballots", blank=1, members=11, returned=9))
        await expect(page.locator("#live")).to_be_hidden()
        assert await page.evaluate("window.notReloaded === true")
        bar = await rows.nth(0).locator(".bar").bounding_box()
        track = await rows.nth(0).locator(".track").bounding_box()
        assert bar is not None and track is not None and 0.6 < bar["width"] / track["width"] < 0.67

        SCREENSHOT.parent.mkdir(exist_ok=True)
        await page.screenshot(path=str(SCREENSHOT), full_page=True)
        assert SCREENSHOT.stat().st_size > 10_000

        assert requests and all(r.startswith(base + "/") for r in requests), requests  # nothing from elsewhere
        await page.close()


async def test_a_wrong_token_is_a_404_and_no_poll_says_so(app: App, block_id: int, browser: Any) -> None:
    from playwright.async_api import expect

    term = await term_of(app, block_id)
    async with served(app) as base:
        page = await browser.new_page()
        wrong = await page.goto(f"{base}/man-hinh/{term}/{'a' * 32}")
        assert wrong is not None and wrong.status == 404
        assert "Màn hình" not in await page.content()
        await page.goto(base + screen_path(app.config.secret, term))
        await expect(page.locator("#message")).to_have_text(text("meeting.no_poll"), timeout=WAIT)
        await expect(page.locator("#live")).to_be_hidden()
        await page.close()
