"""Reminders as people see them: planned at 08:00, delivered through the outbox, answered by a tap
(Telegram style) or a typed number (Zalo style), and the secretariat's digest."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.app import App
from bot.channels.sandbox import Sandbox
from handlers.core.catalog import VI, text
from handlers.core.clock import FrozenClock
from tests.conftest import sandbox_for
from tests.e2e.deadlines.conftest import BLOCK, SELF_ASSESSMENT, YEAR_END, buttons, numbered
from tests.e2e.registration.test_registration_sandbox import register
from tests.helpers import codes, deliver

WED_0810 = datetime(2026, 11, 25, 1, 10, tzinfo=UTC)  # Wednesday 25/11/2026 08:10 in Hà Nội: 3 working days left
YEAR_END_SHORT = "Báo cáo tổng kết công tác thi đua năm…"  # the title cut at a word to fit a button
FIRST_LINE_SELF = text("remind.before", title=SELF_ASSESSMENT, due="", days=0, unit="").split("\n")[0]
SUBMIT_NOW = (text("remind.submit_now", title=YEAR_END_SHORT), text("remind.submit_now", title=SELF_ASSESSMENT))



def year_end_reminder(unit: str) -> str:
    """The year-end report's reminder on Wednesday, three working days before it is due."""
    body = text("remind.before", title=YEAR_END, due="30/11/2026 17:00", days=3, unit=unit)
    return buttons(f"{body}\n{text('remind.hint')}", SUBMIT_NOW[0])


async def test_reminder_tap_opens_the_submission(app: App, block_id: int, sandbox: Sandbox,
                                                 clock: FrozenClock) -> None:
    c = await codes(app, block_id)
    await register(sandbox, "tt", c["secretariat"], "Nguyễn Thị Hoa", "Chánh Văn phòng", "0912345678")
    await register(sandbox, "yte", c["YTE"], "Trần Văn Bình", "Chuyên viên", "0987654321")
    await deliver(app)
    sandbox.inbox("tt")

    clock._now = WED_0810
    result = await app.plan_reminders()
    # 2 deadlines × 11 units; messages to YTE's contact and to the secretariat, who are the head unit's staff
    assert (result.reminders, result.messages, result.digests) == (22, 4, 2)
    again = await app.plan_reminders()
    assert (again.reminders, again.messages, again.digests) == (0, 0, 0)  # idempotent
    await deliver(app)
    got = sandbox.inbox("yte")
    assert len(got) == 2
    assert got[0] == year_end_reminder("Sở Y tế")
    assert got[1].endswith(buttons("", *SUBMIT_NOW))
    to_staff = sandbox.inbox("tt")
    reminders = [m for m in to_staff if m.startswith("⏰")]
    assert len(reminders) == 2 and reminders[0] == year_end_reminder("Bảo hiểm Xã hội tỉnh")  # its own unit's
    digests = [m for m in to_staff if not m.startswith("⏰")]
    assert len(digests) == 2
    assert digests[0].startswith(text("digest.header", block=BLOCK, now="25/11/2026 08:10"))
    assert text("status.counts", done=0, total=11, on_time=0, late=0) in digests[0]
    unreachable = VI["digest.unreachable"].split("{units}")[0].strip()
    assert unreachable in digests[0] and "Sở Y tế" not in digests[0].split("⚠️")[1]
    assert "Bảo hiểm Xã hội tỉnh" not in digests[0].split("⚠️")[1]  # reached through its staff

    out = await sandbox.say("yte", "2")  # taps «Nộp ngay: Bảng tự chấm điểm…» on the latest reminder
    assert out[0].startswith(text("sub.intro", title=SELF_ASSESSMENT, due="30/11/2026 17:00"))


async def test_zalo_number_answers_the_reminder_and_submitters_are_skipped(app: App, block_id: int,
                                                                          clock: FrozenClock) -> None:
    zalo = sandbox_for(app, "zalo")
    c = await codes(app, block_id)
    await register_zalo(zalo, "ld", c["LDTBXH"])
    await register_zalo(zalo, "bdt", c["BDT"])
    clock._now = WED_0810
    # BDT submits the year-end report by dispatch before the reminders are planned
    await zalo.say("bdt", "/nop")
    out = await zalo.say("bdt", "3")  # the year-end report is the third open deadline
    assert YEAR_END in out[0]
    for said in ("2", "125/BC-BDT", "20/11/2026", "1"):
        out = await zalo.say("bdt", said)
    assert text("sub.notice_on_time") in out[0]

    await app.plan_reminders()
    await deliver(app)
    to_bdt = zalo.inbox("bdt")
    assert [m.split("\n")[0] for m in to_bdt] == [FIRST_LINE_SELF]
    to_ld = zalo.inbox("ld")
    assert len(to_ld) == 2 and to_ld[-1].endswith(numbered("", *SUBMIT_NOW))
    out = await zalo.say("ld", "1")  # each typed number opens its own deadline
    assert out[0].startswith(text("sub.intro", title=YEAR_END, due="30/11/2026 17:00"))


async def register_zalo(sb: Sandbox, user: str, code: str) -> None:
    for said in (code, "1", "Lê Văn Nam", "Chuyên viên", "0977000111", "1"):
        out = await sb.say(user, said)
    assert out[0].startswith("✅")


async def test_a_queued_reminder_is_dropped_when_the_unit_submits_first(app: App, block_id: int,
                                                                        clock: FrozenClock) -> None:
    zalo = sandbox_for(app, "zalo")
    c = await codes(app, block_id)
    await register_zalo(zalo, "bdt", c["BDT"])
    clock._now = WED_0810
    await app.plan_reminders()  # two reminders queued for BDT, not yet delivered
    await zalo.say("bdt", "/nop")
    for said in ("3", "2", "125/BC-BDT", "20/11/2026", "1"):  # the year-end report, by dispatch
        out = await zalo.say("bdt", said)
    assert text("sub.notice_on_time") in out[0]
    await deliver(app)
    assert [m.split("\n")[0] for m in zalo.inbox("bdt")] == [FIRST_LINE_SELF]
