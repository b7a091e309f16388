"""Two workers on one PostgreSQL: one leads (schedules, long-polls), the other stands by. The leader's lock
connection is cut: it stops leading at once, the other takes over after its grace period, and at no moment
do both lead. Only the leader polls Telegram, so the two never fight over getUpdates (no 409), and every
message written during the switch is answered exactly once."""

from __future__ import annotations

import asyncio
import re
import signal
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from storage import db
from tests.conftest import PG_URL
from tests.fakes.telegram_api import FakeTelegramAPI
from tests.faults.conftest import Report
from tests.faults.processes import WorkerProcess, worker_env

LEADS = "this worker leads"
STEPS_DOWN = "stops leading"
_STAMP = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) .*?(this worker leads|stops leading)", re.M)


def leadership(worker: WorkerProcess) -> list[tuple[datetime, datetime | None]]:
    """The worker's leading intervals, from its log."""
    intervals: list[tuple[datetime, datetime | None]] = []
    for stamp, what in _STAMP.findall(worker.log_text()):
        at = datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S,%f")
        if what == LEADS:
            intervals.append((at, None))
        elif intervals and intervals[-1][1] is None:
            intervals[-1] = (intervals[-1][0], at)
    return intervals


def overlap(a: list[tuple[datetime, datetime | None]], b: list[tuple[datetime, datetime | None]]) -> bool:
    far = datetime.max
    return any(s1 < (e2 or far) and s2 < (e1 or far) for s1, e1 in a for s2, e2 in b)


async def cut_the_leaders_lock(database: str) -> None:
    """What a broken network or a restarted connection does to the session holding the leader lock."""
    admin = db.create_engine(PG_URL.rsplit("/", 1)[0] + f"/{database}", pool_size=1, max_overflow=0)
    async with admin.begin() as conn:
        pids = (await conn.execute(text(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 2 AND objid = 0 AND granted "
            "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"))).scalars().all()
        assert len(pids) == 1, pids
        await conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pids[0]})
    await admin.dispose()


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
async def test_a_lost_lock_never_leaves_two_leaders(
        tmp_path: Path, database_url: str, report: Report) -> None:
    telegram = FakeTelegramAPI()
    await telegram.start()
    database = database_url.rsplit("/", 1)[1]
    first = WorkerProcess(worker_env(tmp_path, database_url, telegram.base_url, telegram.token),
                          tmp_path / "first.log", "first")
    second = WorkerProcess(worker_env(tmp_path, database_url, telegram.base_url, telegram.token),
                           tmp_path / "second.log", "second")
    users = [9101 + n for n in range(6)]
    try:
        await first.start()
        await first.wait_log(LEADS)
        await second.start()
        for user in users:
            telegram.push_text(user, "/help")
        await telegram.wait_sent(len(users), timeout=30)
        assert LEADS not in second.log_text()  # it stands by

        await cut_the_leaders_lock(database)
        for user in users:  # written while nobody leads
            telegram.push_text(user, "/help")
        await first.wait_log(STEPS_DOWN, timeout=15)
        await second.wait_log(LEADS, timeout=30)
        await telegram.wait_sent(2 * len(users), timeout=30)
        await asyncio.sleep(2.0)  # long enough for the first to have come back and to stand by
        for user in users:
            telegram.push_text(user, "/help")
        await telegram.wait_sent(3 * len(users), timeout=30)
        await asyncio.sleep(1.0)  # a duplicate would come now
        assert await second.stop(signal.SIGTERM) == 0
        assert await first.stop(signal.SIGTERM) == 0
    finally:
        first.kill()
        second.kill()
        await telegram.stop()
    answers = Counter(str(record["chat_id"]) for record in telegram.sent)
    a, b = leadership(first), leadership(second)
    report(fault="leader's lock connection cut (2 workers)", database="PostgreSQL", updates=3 * len(users),
           lost=sum(max(0, 3 - answers[str(u)]) for u in users),
           duplicates=sum(max(0, n - 3) for n in answers.values()), bound=0,
           two_leaders_at_once=overlap(a, b), getupdates_conflicts=telegram.conflicts)
    assert len(a) == 1 and a[0][1] is not None  # the first led once, and stopped when its lock was gone
    assert len(b) == 1 and b[0][0] > a[0][1]  # the second took over after that, not before
    assert not overlap(a, b)
    assert telegram.conflicts == 0  # never two getUpdates at once
    assert answers == {str(u): 3 for u in users}
