"""Fixtures of the integration tests that several modules share."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.fakes.telegram_api import FakeTelegramAPI


@pytest.fixture
async def telegram() -> AsyncIterator[FakeTelegramAPI]:
    """A fake Telegram Bot API on a free port of 127.0.0.1."""
    api = FakeTelegramAPI()
    await api.start()
    yield api
    await api.stop()
