"""PostgreSQL stops answering while people write to the bot: no update acknowledged is lost.

The worker reaches PostgreSQL through a proxy the test cuts for a few seconds (connections broken, new
ones refused), while eight people each send five messages. Polling: the offset stays before the first
update not stored, and polling backs off. Webhook: the worker answers 503 and the platform posts the
update again. Either way every message gets exactly one answer once the database is back.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import time
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.conftest import REQUIRE_PG, _pg_reachable
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.faults.conftest import Report
from tests.faults.processes import WorkerProcess, free_port, fresh_postgres_database, postgres_url, worker_env
from tests.faults.proxy import CuttableProxy

PEOPLE = 8
MESSAGES = 5
FIRST_USER = 8101
OUTAGE = 3.0  # seconds


@pytest.fixture
async def database() -> AsyncIterator[str]:
    reason = await _pg_reachable()
    if reason is not None:
        if REQUIRE_PG:
            pytest.fail(f"PostgreSQL required but unreachable: {reason}")
        pytest.skip(f"PostgreSQL unreachable: {reason}")
    async with fresh_postgres_database() as name:
        yield name


async def traffic(telegram: FakeTelegramAPI, proxy: CuttableProxy) -> float:
    """Everybody writes, one message every 0.15 s each; the database goes away after the first second.
    Returns when the outage ended (monotonic)."""
    async def person(user: int) -> None:
        for _ in range(MESSAGES):
            telegram.push_text(user, "/help")
            await asyncio.sleep(0.15 * PEOPLE / 2)

    writers = [asyncio.create_task(person(FIRST_USER + n)) for n in range(PEOPLE)]
    await asyncio.sleep(1.0)
    await proxy.cut()
    await asyncio.sleep(OUTAGE)
    await proxy.restore()
    ended = time.monotonic()
    await asyncio.gather(*writers)
    return ended


def answered(telegram: FakeTelegramAPI) -> Counter[str]:
    return Counter(str(record["chat_id"]) for record in telegram.sent)


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_no_update_is_lost_while_the_database_is_away(
        tmp_path: Path, database: str, mode: str, report: Report) -> None:
    telegram = FakeTelegramAPI(deliver_webhooks=mode == "webhook")
    await telegram.start()
    proxy = CuttableProxy()
    await proxy.start()
    extra = {}
    if mode == "webhook":
        port = free_port()
        extra = {"THIDUA_WEB_PORT": str(port), "THIDUA_WEBHOOK_BASE_URL": f"http://127.0.0.1:{port}"}
    env = worker_env(tmp_path, postgres_url(database, proxy.port), telegram.base_url, telegram.token, **extra)
    worker = WorkerProcess(env, tmp_path / "worker.log")
    try:
        await worker.start()
        await worker.wait_log("this worker leads")
        ended = await traffic(telegram, proxy)
        want = {str(FIRST_USER + n): MESSAGES for n in range(PEOPLE)}
        with contextlib.suppress(AssertionError):
            await telegram.wait_for(lambda: answered(telegram) == want, timeout=60)
        caught_up = time.monotonic() - ended
        await asyncio.sleep(1.0)  # a duplicate would come now
        got = answered(telegram)
        assert await worker.stop(signal.SIGTERM) == 0
    finally:
        worker.kill()
        await proxy.stop()
        await telegram.stop()
    lost = sum(max(0, MESSAGES - got.get(chat, 0)) for chat in want)
    duplicates = sum(max(0, n - MESSAGES) for n in got.values())
    refused = sum(telegram.pusher.stats.refused.values()) if telegram.pusher is not None else None
    report(fault=f"PostgreSQL refusing connections for {OUTAGE:.0f} s ({mode})", database="PostgreSQL",
           updates=PEOPLE * MESSAGES, lost=lost, duplicates=duplicates, bound=0, webhook_503s=refused,
           caught_up_after_s=round(caught_up, 1))
    assert lost == 0, got
    assert duplicates == 0, got
    if mode == "webhook":
        assert refused, "the outage should have been answered with 503 at least once"
