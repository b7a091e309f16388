"""Headless Chromium for the web tests: Debian's `chromium` driven by Playwright (never a downloaded
browser), and the app's web server on a free port of 127.0.0.1.

Without chromium or Playwright the browser tests skip and say why, except when
THIDUA_REQUIRE_BROWSER=1 (which `.ci/run` sets): then they fail, so CI cannot pass without them.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from bot.app import App
from bot.web import LOCAL_HOST, WebSandboxChannel, build_web_app, start_web

CHROMIUM = Path(os.environ.get("THIDUA_TEST_CHROMIUM", "/usr/bin/chromium"))
REQUIRE_BROWSER = os.environ.get("THIDUA_REQUIRE_BROWSER") == "1"  # read at import: conftest clears THIDUA_*


def _missing(reason: str) -> None:
    if REQUIRE_BROWSER:
        pytest.fail(f"headless Chromium required (THIDUA_REQUIRE_BROWSER=1): {reason}")
    pytest.skip(reason)


def _check() -> None:
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} not found (apt-get install chromium)")
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        _missing("the playwright package is not installed (pip install -e '.[dev]')")


@asynccontextmanager
async def chromium() -> AsyncIterator[Any]:
    """A Playwright Browser (typed loosely: Playwright is a test-only dependency)."""
    _check()
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM))
        try:
            yield browser
        finally:
            await browser.close()


@asynccontextmanager
async def served(app: App, sandbox: WebSandboxChannel | None = None) -> AsyncIterator[str]:
    """The app's web server on a free port; yields its base URL."""
    runner = await start_web(build_web_app(app, sandbox), LOCAL_HOST, 0)
    try:
        port = runner.addresses[0][1]
        yield f"http://{LOCAL_HOST}:{port}"
    finally:
        await runner.cleanup()
