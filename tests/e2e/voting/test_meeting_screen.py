"""The projector page in headless Chromium: the turnout rises as ballots arrive, without a reload;
the results appear after the close; a wrong token is a 404; nothing is loaded from elsewhere."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from bot.app import App
from handlers.core.catalog import Catalog
from handlers.voting.flows.meeting import screen_path
from tests.conftest import ROOT
from tests.e2e.browser import chromium, served
from tests.helpers import cast_test_ballot, close_test_poll, open_test_poll

SCREENSHOT = ROOT / "artifacts" / "meeting-screen.png"
VI = Catalog("vi")
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
        await expect(page.locator("#status")).to_have_text(VI("meeting.status_open"))
        await expect(turnout).to_have_text(VI("meeting.turnout", voted=0, members=11), timeout=WAIT)
        blank_rule = page.locator("#blank-rule")  # the poll's rule for blank ballots, the default here
        await expect(blank_rule).to_have_text(VI("poll.blank.valid"))
        await page.evaluate("window.notReloaded = true")

        await cast_test_ballot(app, block_id, poll, "BHXH", ["YTE"])
        await expect(turnout).to_have_text(VI("meeting.turnout", voted=1, members=11), timeout=WAIT)
        await cast_test_ballot(app, block_id, poll, "KHCN", ["YTE"])
        await cast_test_ballot(app, block_id, poll, "TTTT", ["GDDT"])
        await expect(turnout).to_have_text(VI("meeting.turnout", voted=3, members=11), timeout=WAIT)
        assert await page.evaluate("window.notReloaded === true")
        await expect(page.locator("#result")).to_be_hidden()

        for voter in ("CDCD", "VHTTDL", "YTE", "BDT", "PTTH", "LDTBXH"):
            await cast_test_ballot(app, block_id, poll, voter, ["YTE"] if voter != "LDTBXH" else [])
        await close_test_poll(app, poll)
        rows = page.locator("#rows li")
        await expect(rows).to_have_count(3, timeout=WAIT)
        await expect(page.locator("#status")).to_have_text(VI("meeting.status_closed"))
        await expect(rows.nth(0)).to_contain_text("Sở Y tế")
        await expect(rows.nth(0)).to_contain_text(VI("meeting.votes", votes=7, pct="63,64"))
        await expect(rows.nth(0)).to_contain_text(VI("meeting.elected_mark"))
        await expect(rows.nth(1)).to_contain_text("Sở Giáo dục và Đào tạo" + VI("meeting.votes", votes=1, pct="9,09"))
        elected_word = VI("meeting.elected_mark").split(" ", 1)[1]  # «Trúng cử», without its mark
        await expect(rows.nth(1)).not_to_contain_text(elected_word)
        await expect(page.locator("#ballots")).to_have_text(
            VI("meeting.ballots", members=11, returned=9, valid=9, invalid=0, blank=1))
        await expect(blank_rule).to_have_text(VI("poll.blank.valid"))
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
        await expect(page.locator("#message")).to_have_text(VI("meeting.no_poll"), timeout=WAIT)
        await expect(page.locator("#live")).to_be_hidden()
        await page.close()


EXTRA_UNITS = {"TNMT": "Sở Tài nguyên và Môi trường", "XD": "Sở Xây dựng", "GTVT": "Sở Giao thông vận tải",
               "NNPTNT": "Sở Nông nghiệp và Phát triển nông thôn", "TP": "Sở Tư pháp",
               "LMHTX": "Liên minh Hợp tác xã tỉnh"}


async def test_seventeen_candidates_fit_a_1920x1080_projector(app: App, block_id: int, browser: Any) -> None:
    """A 17-unit block: while voting the quorum target shows; after the close every candidate, the rule
    and the tie note are on the screen without scrolling."""
    from playwright.async_api import expect

    from storage.models import Unit

    async with app.uow() as uow:
        for code, name in EXTRA_UNITS.items():
            uow._session.add(Unit(block_id=block_id, code=code, name=name))  # type: ignore[union-attr]
        await uow.commit()
    async with app.uow() as uow:
        codes = [u.code for u in await uow.directory.units(block_id)]
    assert len(codes) == 17
    poll = await open_test_poll(app, block_id, codes, seats=2, blank_valid=False,
                                question="Bình xét các đơn vị đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh năm 2026")
    async with served(app) as base:
        page = await browser.new_page(viewport={"width": 1920, "height": 1080})
        await page.goto(base + screen_path(app.config.secret, await term_of(app, block_id)))
        await expect(page.locator("#quorum")).to_have_text(
            VI("meeting.quorum_target", need=12, members=17), timeout=WAIT)
        await expect(page.locator("#quorum")).to_be_in_viewport()
        await expect(page.locator("#blank-rule")).to_have_text(VI("poll.blank.invalid"))  # as Luật Bầu cử
        pairs = [[codes[0], codes[1]]] * 6 + [[codes[0], codes[2]]] * 6 + [[codes[1], codes[2]]] * 4 + [[]]
        for voter, choices in zip(codes, pairs, strict=True):  # 12, 10, 10: a tie for the second seat; one blank
            await cast_test_ballot(app, block_id, poll, voter, choices)
        await close_test_poll(app, poll)
        rows = page.locator("#rows li")
        await expect(rows).to_have_count(17, timeout=WAIT)
        notes = page.locator("#notes li")
        await expect(notes).to_have_count(2)
        await page.wait_for_timeout(300)
        for i in (0, 16):
            await expect(rows.nth(i).locator(".name")).to_be_in_viewport(ratio=1)
            await expect(rows.nth(i).locator(".label")).to_be_in_viewport(ratio=1)
        await expect(notes.nth(0)).to_be_in_viewport(ratio=1)  # the rule
        await expect(notes.nth(1)).to_be_in_viewport(ratio=1)  # the tie note
        await expect(notes.nth(1)).to_have_text(VI("meeting.tied_note", seats=1))
        await expect(page.locator("#ballots")).to_have_text(
            VI("meeting.ballots", members=17, returned=17, valid=16, invalid=1, blank=1))
        await expect(page.locator("#blank-rule")).to_have_text(VI("poll.blank.invalid"))
        await expect(page.locator("#blank-rule")).to_be_in_viewport(ratio=1)
        assert await page.evaluate("document.documentElement.scrollHeight <= window.innerHeight")
        await page.screenshot(path=str(SCREENSHOT.with_name("meeting-screen-17.png")))
        await page.close()
