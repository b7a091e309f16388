"""A worker delivering the outbox is stopped (SIGTERM, Ctrl+C) or killed (kill -9), then started again.

55 notices wait in the outbox for 55 chats; the fake Bot API enforces Telegram's limits and takes 0.1 s to
accept a send, so several sends are in flight when the signal comes. Stopped: nothing is sent twice, the
rest goes out after the restart. Killed: nothing is lost, and only the sends in flight at that instant may
go out again, at most one per concurrent sender (`IN_FLIGHT`).
"""

from __future__ import annotations

import asyncio
import signal
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.app import App
from bot.settings import Settings
from scheduler.delivery import IN_FLIGHT
from storage import db
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.faults.conftest import Report
from tests.faults.processes import WorkerProcess, worker_env

NOTICES = 55
FIRST_CHAT = 7001


async def seed_outbox(tmp: Path, database_url: str | None) -> None:
    settings = Settings(data_dir=tmp / "data", database_url=database_url, secret_key="fault-suite-secret",
                        _env_file=None)  # type: ignore[call-arg]
    app = await App.create(settings)
    try:
        async with app.uow() as uow:
            for n in range(NOTICES):
                uow.outbox.add("telegram", str(FIRST_CHAT + n), f"Thông báo số {n + 1}", app.clock.now())
            await uow.commit()
    finally:
        await app.close()


def counts(telegram: FakeTelegramAPI) -> Counter[str]:
    return Counter(str(record["text"]) for record in telegram.sent)


async def wait_until(predicate: object, timeout: float, what: str) -> None:  # noqa: ASYNC109
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def unrecorded(tmp: Path, database_url: str | None, telegram: FakeTelegramAPI) -> int:
    """Sends the platform accepted whose row is not marked sent: the sends in flight when the worker stopped."""
    engine = db.create_engine(db.normalize_url(database_url, tmp / "data"))
    try:
        async with engine.connect() as conn:
            unsent = set((await conn.execute(text("SELECT text FROM outbox WHERE sent_at IS NULL"))).scalars())
    finally:
        await engine.dispose()
    return len(unsent & set(counts(telegram)))


async def unsent_rows(tmp: Path, database_url: str | None) -> int:
    engine = db.create_engine(db.normalize_url(database_url, tmp / "data"))
    try:
        async with engine.connect() as conn:
            query = text("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL")
            return int((await conn.execute(query)).scalar_one())
    finally:
        await engine.dispose()


async def deliver_with_a_stop(tmp: Path, database_url: str | None, telegram: FakeTelegramAPI,
                              sig: signal.Signals) -> tuple[int, int, int, float]:
    """Returns (accepted before the stop, the first worker's exit code, sends in flight at the stop (accepted
    and not recorded), seconds the restarted worker took to send the rest once it was up)."""
    await seed_outbox(tmp, database_url)
    telegram.send_delay = 0.1
    env = worker_env(tmp, database_url, telegram.base_url, telegram.token)
    first = WorkerProcess(env, tmp / "worker-1.log", "first")
    await first.start()
    await wait_until(lambda: len(telegram.sent) >= 20, 60, "20 notices sent")
    before = len(telegram.sent)
    first.send(sig)
    code = await first.wait()
    await telegram.wait_for(lambda: telegram.in_flight == 0)  # requests the worker left behind are answered
    in_flight = await unrecorded(tmp, database_url, telegram)
    second = WorkerProcess(env, tmp / "worker-2.log", "second")
    await second.start()
    restarted = time.monotonic()
    await wait_until(lambda: len(counts(telegram)) == NOTICES, 60, "every notice sent")
    took = time.monotonic() - restarted
    # The rows in flight at a kill are resent once their lease runs out, which may be after every text has
    # arrived once: wait until the outbox holds nothing unsent, so each repeat is counted.
    deadline = time.monotonic() + 60
    while await unsent_rows(tmp, database_url):
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the outbox to be drained")
        await asyncio.sleep(0.1)
    await telegram.wait_for(lambda: telegram.in_flight == 0)
    await asyncio.sleep(1.0)  # a duplicate would come now
    assert await second.stop(signal.SIGTERM) == 0, second.log_text()
    return before, code, in_flight, took


@pytest.mark.parametrize(("database_url", "sig"), [("sqlite", signal.SIGINT), ("postgres", signal.SIGTERM)],
                         indirect=["database_url"], ids=["sqlite-SIGINT", "postgres-SIGTERM"])
async def test_a_stopped_worker_sends_nothing_twice_and_loses_nothing(
        tmp_path: Path, database_url: str | None, sig: signal.Signals, telegram: FakeTelegramAPI,
        report: Report) -> None:
    before, code, in_flight, took = await deliver_with_a_stop(tmp_path, database_url, telegram, sig)
    sent = counts(telegram)
    duplicates = sum(n - 1 for n in sent.values())
    lost = NOTICES - len(sent)
    report(fault=f"{sig.name} during delivery", database="SQLite" if database_url is None else "PostgreSQL",
           messages=NOTICES, lost=lost, duplicates=duplicates, bound=0, exit_code=code,
           rest_sent_after_restart_s=round(took, 1))
    assert code == 0
    assert 20 <= before < NOTICES  # the stop came in the middle of the delivery
    assert in_flight == 0  # every accepted send was recorded before the exit
    assert duplicates == 0, sent.most_common(3)
    assert lost == 0
    assert telegram.flood_rejections == 0


@pytest.mark.parametrize("database_url", ["sqlite", "postgres"], indirect=True)
async def test_a_killed_worker_loses_nothing_and_repeats_at_most_what_was_in_flight(
        tmp_path: Path, database_url: str | None, telegram: FakeTelegramAPI, report: Report) -> None:
    _before, code, in_flight, took = await deliver_with_a_stop(tmp_path, database_url, telegram, signal.SIGKILL)
    sent = counts(telegram)
    duplicates = sum(n - 1 for n in sent.values())
    lost = NOTICES - len(sent)
    report(fault="kill -9 during delivery", database="SQLite" if database_url is None else "PostgreSQL",
           messages=NOTICES, lost=lost, duplicates=duplicates, bound=IN_FLIGHT, in_flight_at_the_kill=in_flight,
           exit_code=code, rest_sent_after_restart_s=round(took, 1))
    assert code == -signal.SIGKILL
    assert lost == 0
    assert duplicates == in_flight <= IN_FLIGHT, sent.most_common(IN_FLIGHT + 1)  # those, and only those
    assert max(sent.values()) <= 2
