"""A whole emulation year of a second block (not the sample), read as a chat transcript: the secretariat
imports its block file with the command line, everyone registers, the clock walks every day from January
2026 to March 2027 with the scheduler's reminder ticks at 08:10 and 17:40, units submit (on time, late, on
the working day after a holiday, a supplement after the deadline), the block votes and hands over, and the
new head unit's staff, now the secretariat, are reminded of their own unit's deadlines.

The reminder days below are written by hand from the calendar, not computed: 7, 3 and 1 working days before
the (effective) due day, the due morning, then every 2 working days while overdue, 3 times. Days off: Tết
16–20/02/2026; 31/08/2026 (moved from Saturday 22/08/2026, which is worked); 01–02/09/2026 National Day;
24/11/2026 Ngày Văn hóa Việt Nam; weekends. A deadline on 02/09/2026 ends on Thursday 03/09/2026.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.app import App
from bot.channels.sandbox import Sandbox
from bot.cli import _import as cli_import
from handlers.core.catalog import template, text
from handlers.core.clock import LOCAL_TZ, FrozenClock
from tests.helpers import cast_test_ballot, close_test_poll, codes, deliver, open_test_poll, register

BLOCK_FILE = Path(__file__).with_name("cum-lao-cai-2026.yaml")
BLOCK = "Cụm thi đua các huyện, thị xã, thành phố tỉnh Lào Cai"
COVENANT = "Đăng ký giao ước thi đua năm 2026"
SIX_MONTH = "Báo cáo sơ kết 6 tháng đầu năm 2026"
NATIONAL_DAY = "Báo cáo kết quả thi đua chào mừng Quốc khánh 2/9 năm 2026"
EIGHT_MONTHS = "Báo cáo nhanh công tác thi đua 8 tháng năm 2026"
YEAR_END = "Báo cáo tổng kết công tác thi đua năm 2026"
COVENANT_2027 = "Đăng ký giao ước thi đua năm 2027"
REMINDER_DAYS = {  # what Văn Bàn, which never submits, is reminded of, and when
    COVENANT: ["06/02/2026", "12/02/2026", "23/02/2026", "24/02/2026", "26/02/2026", "02/03/2026", "04/03/2026"],
    SIX_MONTH: ["01/07/2026", "07/07/2026", "09/07/2026", "10/07/2026", "14/07/2026", "16/07/2026", "20/07/2026"],
    NATIONAL_DAY: ["14/08/2026", "20/08/2026", "22/08/2026", "24/08/2026", "26/08/2026", "28/08/2026",
                   "04/09/2026"],
    EIGHT_MONTHS: ["21/08/2026", "26/08/2026", "28/08/2026", "03/09/2026", "07/09/2026", "09/09/2026",
                   "11/09/2026"],
    YEAR_END: ["18/11/2026", "25/11/2026", "27/11/2026", "30/11/2026", "02/12/2026", "04/12/2026", "08/12/2026"],
    COVENANT_2027: ["15/02/2027", "19/02/2027", "23/02/2027", "24/02/2027", "26/02/2027", "02/03/2027",
                    "04/03/2027"],
}
PEOPLE = {  # sandbox user: (unit code, name, phone)
    "luc": ("VBAN", "Đặng Văn Lực", "0912 600 601"),
    "my": ("SAPA", "Sùng Thị Mỷ", "0912 600 602"),
    "pao": ("BXAT", "Lý Văn Páo", "0912 600 603"),
    "chu": ("MKHUONG", "Vàng Seo Chứ", "0912 600 604"),
    "thang": ("BHA", "Hoàng Văn Thắng", "0912 600 605"),
    "hang": ("BYEN", "Nguyễn Thị Hằng", "0912 600 606"),
    "duc": ("TPLC", "Trần Minh Đức", "0912 600 607"),
}
UNITS = [("BTHANG", "UBND huyện Bảo Thắng"), ("SAPA", "UBND thị xã Sa Pa"), ("TPLC", "UBND thành phố Lào Cai"),
         ("BXAT", "UBND huyện Bát Xát"), ("MKHUONG", "UBND huyện Mường Khương"), ("SMCAI", "UBND huyện Si Ma Cai"),
         ("BHA", "UBND huyện Bắc Hà"), ("BYEN", "UBND huyện Bảo Yên"), ("VBAN", "UBND huyện Văn Bàn")]
MAI = ("BTHANG", "Hoàng Thị Mai", "0912 600 600")
# each reminder's first line up to its title («⏰ Nhắc việc: …»)
REMINDER_OPENINGS = tuple(template(key).split("{title}")[0] for key in ("remind.before", "remind.due_day",
                                                                          "remind.overdue"))


def not_submitted(unit: str) -> str:
    """A reminder's last line, «Đơn vị … chưa nộp.»"""
    return text("remind.before", title="", due="", days=0, unit=unit).split("\n")[-1]


def local(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=LOCAL_TZ).astimezone(UTC)


def reminded_of(message: str) -> str | None:
    first = message.split("\n")[0]
    return next((first.removeprefix(o) for o in REMINDER_OPENINGS if first.startswith(o)), None)


def directory(head: str, deputy: str, secretariat: set[str]) -> str:
    """The secretariat's «Danh sách đơn vị và đầu mối»: each unit's people, the secretariat's staff under their own
    unit (so the head unit is never «chưa có đầu mối»); only Si Ma Cai has nobody."""
    tags = {head: text("tag.head"), deputy: text("tag.deputy")}
    lines = [text("units_header", block=BLOCK, done=8, total=9)]
    for i, (code, name) in enumerate(UNITS, 1):
        lines.append(text("units_line", i=i, code=code, name=name, tag=tags.get(code, "")))
        lines += [text("units_contact", name=person, position="Chuyên viên", phone=phone,
                       tag=text("tag.secretariat") if user in secretariat else "")
                  for user, (unit, person, phone) in {"mai": MAI, **PEOPLE}.items() if unit == code]
        lines += [] if code != "SMCAI" else [text("units_none")]
    return "\n".join(lines)


async def open_directory(sb: Sandbox, user: str, item: str = "menu.units") -> list[str]:
    """/menu, then the item with this label (typed as its number)."""
    menu = (await ask(sb, user, "/menu"))[0]
    return await sb.say(user, menu.split(f"] {text(item)}\n")[0].rsplit("[", 1)[1])


def planned(plan: str) -> dict[str, list[str]]:
    """The reminder mornings /hannop lich announces, per deadline."""
    found = {}
    for part in plan.split("\n• ")[1:]:
        found[part.split(", hạn ")[0]] = re.findall(r"(\d\d/\d\d/\d{4}) 08:00", part)
    return found


class Year:
    """The clock walked day by day: a reminder tick and a delivery at 08:10 and at 17:40 of every day,
    weekends and holidays included (the planner must stay quiet on those). Văn Bàn's reminders are noted."""

    def __init__(self, app: App, sb: Sandbox, clock: FrozenClock, first: date) -> None:
        self.app, self.sb, self.clock = app, sb, clock
        self.day, self.evening_done = first - timedelta(days=1), True
        self.seen: dict[str, list[str]] = {}
        self.said: dict[tuple[str, str], str] = {}  # (title, day): the reminder's lines, its buttons left out

    async def tick(self, day: date, at: time) -> None:
        self.clock._now = local(day, at)
        await self.app.plan_reminders()
        await deliver(self.app)
        for message in self.sb.inbox("luc"):
            title = reminded_of(message)
            if title is not None:
                self.seen.setdefault(title, []).append(day.strftime("%d/%m/%Y"))
                self.said[title, day.strftime("%d/%m/%Y")] = message.split("\n[")[0]

    async def until(self, day: date, at: time = time(10, 0)) -> None:
        """Live every tick up to `day`'s morning one; the clock then stays at `day` `at` for what people do."""
        if not self.evening_done:
            await self.tick(self.day, time(17, 40))
        while self.day < day:
            self.day += timedelta(days=1)
            await self.tick(self.day, time(8, 10))
            if self.day < day:
                await self.tick(self.day, time(17, 40))
        self.evening_done = False
        self.clock._now = local(day, at)


async def ask(sb: Sandbox, user: str, said: str) -> list[str]:
    """The replies to what the user says, after what the scheduler had sent them meanwhile."""
    sb.inbox(user)
    return await sb.say(user, said)


async def submit_dispatch(sb: Sandbox, user: str, pick: str, number: str, issued: str) -> list[str]:
    """/nop, the deadline's number in the list, «Đã gửi qua đường công văn», its number and date, confirm."""
    await ask(sb, user, "/nop")
    intro = await sb.say(user, pick)
    for said in ("2", number, issued):
        await sb.say(user, said)
    return intro + await sb.say(user, "1")


async def sign_covenant(sb: Sandbox, user: str, theme: str) -> list[str]:
    for said in ("/nop", "1", theme):
        await ask(sb, user, said)
    return await sb.say(user, "1")


async def elect(app: App, block_id: int, kind: str, winner: str) -> None:
    poll = await open_test_poll(app, block_id, ["SAPA", "BYEN"], question=f"Bầu {kind} năm 2027", kind=kind)
    for voter in ("BTHANG", "SAPA", "TPLC", "BXAT", "MKHUONG", "BHA", "BYEN"):  # 7 of 9: quorum, over half
        await cast_test_ballot(app, block_id, poll, voter, [winner])
    await close_test_poll(app, poll)


async def test_a_year_of_a_second_block(app: App, sandbox: Sandbox, clock: FrozenClock,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    sb = sandbox
    clock._now = local(date(2026, 1, 5), time(9, 0))  # Monday 05/01/2026: the guidance letter is out
    assert await cli_import(app, BLOCK_FILE) == 0
    assert capsys.readouterr().out.startswith(text("cli.imported", block=BLOCK, year=2026, added=9, updated=0,
                                                   retired=0, dl_added=5, dl_updated=0))
    async with app.uow() as uow:
        [block] = [b for b in await uow.directory.blocks() if b.name == BLOCK]
    assert block.id is not None
    block_id = block.id
    c = await codes(app, block_id)
    await register(sb, "mai", c["secretariat"], "Hoàng Thị Mai", "0912 600 600")  # of Bảo Thắng, the head unit
    for user, (unit, name, phone) in PEOPLE.items():
        await register(sb, user, c[unit], name, phone)
    await register(sb, "hung", c["observer"], "Phạm Quốc Hưng", "0912 600 699")
    await deliver(app)
    assert sb.inbox("mai")[-1].endswith("Đơn vị đã có đầu mối: 8/9.")  # Bảo Thắng through its secretariat
    assert await open_directory(sb, "mai") == [directory("BTHANG", "SAPA", {"mai"})]
    assert await open_directory(sb, "hung") == [directory("BTHANG", "SAPA", {"mai"})]  # the provincial board's
    plan = (await ask(sb, "mai", "/hannop lich"))[0]  # what the secretariat is told before the year starts
    assert "Thứ Bảy 22/08/2026 08:00: nhắc trước 1 ngày làm việc" in plan
    assert planned(plan) == {title: days for title, days in REMINDER_DAYS.items() if title != COVENANT_2027}
    year = Year(app, sb, clock, date(2026, 1, 5))

    # --- the covenant, due Tuesday 24/02/2026, just after Tết ----------------------------------------
    await year.until(date(2026, 2, 6))
    to_mai = sb.inbox("mai")
    assert [reminded_of(m) for m in to_mai if reminded_of(m)] == [COVENANT]
    assert not_submitted("UBND huyện Bảo Thắng") in to_mai[0]  # the head unit's own reminder
    [digest] = [m for m in to_mai if m.startswith("📋")]
    assert digest.endswith(text("digest.unreachable", units="UBND huyện Si Ma Cai"))  # not Bảo Thắng
    await year.until(date(2026, 2, 10))
    for user in ("my", "pao", "chu", "thang", "hang", "duc"):
        done = await sign_covenant(sb, user, "Đoàn kết, đổi mới, phát triển bền vững vùng cao")
        assert done[0].startswith(template("sub.done_on_time").split("{unit}")[0]), done
    await year.until(date(2026, 2, 25))
    assert (await sign_covenant(sb, "mai", "Kỷ cương, trách nhiệm, hiệu quả"))[0].startswith(
        "⚠️ Đã ghi nhận UBND huyện Bảo Thắng nộp")  # the day after: late

    # --- the six-month report and two reports around the 2/9 holidays --------------------------------
    await year.until(date(2026, 7, 8))
    for user in ("my", "pao", "chu", "thang", "hang", "duc", "mai"):
        assert (await submit_dispatch(sb, user, "2", "45/BC-UBND", "07/07/2026"))[-2].startswith("✅")
    await year.until(date(2026, 8, 20))
    assert (await submit_dispatch(sb, "pao", "3", "102/BC-UBND", "19/08/2026"))[-2].startswith(
        "✅ Đã ghi nhận UBND huyện Bát Xát nộp")
    await year.until(date(2026, 8, 27))  # after the due day: a supplement, Bát Xát stays on time
    out = await submit_dispatch(sb, "pao", "3", "108/BC-UBND", "27/08/2026")
    assert out[0].endswith(text("sub.intro_supplement"))
    assert out[-2].endswith(text("sub.done_supplement"))
    assert text("sub.done_on_time", unit="", title="", what="", at="27/08/2026 10:00",
                due="24/08/2026 17:00").split("\n")[1] in out[-2]  # «Nộp lúc …, đúng hạn (hạn …).»

    effective = "02/09/2026 17:00, hạn thực tế 03/09/2026 17:00 do trùng ngày nghỉ"
    await year.until(date(2026, 9, 3))  # the working day after the holiday: still on time
    out = await submit_dispatch(sb, "chu", "4", "115/BC-UBND", "03/09/2026")
    assert out[0].startswith(text("sub.intro", title=EIGHT_MONTHS, due=effective))
    assert out[-2] == text("sub.done_on_time", unit="UBND huyện Mường Khương", title=EIGHT_MONTHS,
                           what="công văn số 115/BC-UBND ngày 03/09/2026", at="03/09/2026 10:00", due=effective)
    await year.until(date(2026, 9, 4))
    out = await submit_dispatch(sb, "thang", "4", "88/BC-UBND", "04/09/2026")
    assert out[-2] == text("sub.done_late", unit="UBND huyện Bắc Hà", title=EIGHT_MONTHS,
                           what="công văn số 88/BC-UBND ngày 04/09/2026", at="04/09/2026 10:00", due=effective)
    status = (await ask(sb, "hung", "/trangthai"))[0]  # the provincial board's view
    assert text("status.deadline", title=EIGHT_MONTHS, due=effective) in status
    assert text("status.counts", done=2, total=9, on_time=1, late=1) in status
    assert text("status.counts", done=1, total=9, on_time=1, late=0) in status  # the 2/9 report: Bát Xát
    assert text("status.unit_supplement", title=NATIONAL_DAY, due="24/08/2026 17:00", at="27/08/2026 10:00") in (
        await ask(sb, "pao", "/trangthai"))[0]

    # --- the year-end report, the vote and the handover ---------------------------------------------
    await year.until(date(2026, 11, 26))
    for user in ("my", "pao", "chu", "thang", "hang", "duc", "mai"):
        assert (await submit_dispatch(sb, user, "5", "210/BC-UBND", "25/11/2026"))[-2].startswith("✅")
    await year.until(date(2026, 12, 15))
    await elect(app, block_id, "head", "SAPA")
    await elect(app, block_id, "deputy", "BYEN")
    assert (await ask(sb, "mai", "/bangiao"))[0].startswith("🔁 Bàn giao sang năm thi đua 2027")
    [done] = await sb.say("mai", "1")
    assert done.startswith(text("handover.done", year=2027, head="UBND thị xã Sa Pa", deputy="UBND huyện Bảo Yên",
                                moved=1))
    assert text("handover.deadline_shifted", title="Báo cáo sơ kết 6 tháng đầu năm 2027", old="10/07/2027",
                new="12/07/2027") in done  # a Saturday in 2027: the Monday after
    await deliver(app)
    assert text("handover.notice_new_secretariat", block=BLOCK, year=2027) in sb.inbox("my")[-1]
    assert await open_directory(sb, "my") == [directory("SAPA", "BYEN", {"my"})]
    assert await open_directory(sb, "my", "menu.missing") == [
        text("missing_header", count=1, total=9) + "\n"
        + text("units_line", i=1, code="SMCAI", name=UNITS[5][1], tag="")]
    for user in ("mai", "my", "hung"):
        sb.inbox(user)

    # --- 2027: Sa Pa's staff run the block and are reminded of Sa Pa's own covenant ------------------
    await year.until(date(2027, 2, 15))
    to_my = sb.inbox("my")
    [reminder] = [m for m in to_my if reminded_of(m)]
    assert reminder.startswith(f"{REMINDER_OPENINGS[0]}{COVENANT_2027}\n")
    assert not_submitted("UBND thị xã Sa Pa") in reminder.split("\n")
    [digest] = [m for m in to_my if m.startswith("📋")]
    assert digest.startswith(text("digest.header", block=BLOCK, now="15/02/2027 08:10"))
    assert digest.endswith(text("digest.unreachable", units="UBND huyện Si Ma Cai"))  # Sa Pa is reached
    to_mai = sb.inbox("mai")
    assert next(m for m in to_mai if reminded_of(m)).split("\n")[2] == (
        not_submitted("UBND huyện Bảo Thắng"))  # Mai, back to her unit's contact, reminded as such
    assert not [m for m in to_mai if m.startswith("📋")]  # and the secretariat's digest is no longer hers
    await year.until(date(2027, 3, 10))
    assert year.seen == REMINDER_DAYS
    effective = "02/09/2026 17:00, hạn thực tế 03/09/2026 17:00 do trùng ngày nghỉ"
    unit = "UBND huyện Văn Bàn"
    assert year.said[NATIONAL_DAY, "22/08/2026"] == text("remind.before", title=NATIONAL_DAY, due="24/08/2026 17:00",
                                                         days=1, unit=unit) + "\n" + text("remind.hint")
    assert year.said[NATIONAL_DAY, "04/09/2026"].startswith(text(  # 25–28/08 and 03–04/09: six working days
        "remind.overdue", title=NATIONAL_DAY, due="24/08/2026 17:00", days=6, unit=unit))
    assert year.said[EIGHT_MONTHS, "28/08/2026"].startswith(text(  # 31/08–02/09 are off
        "remind.before", title=EIGHT_MONTHS, due=effective, days=1, unit=unit))
    assert year.said[EIGHT_MONTHS, "03/09/2026"].startswith(text(
        "remind.due_day", title=EIGHT_MONTHS, due=effective, unit=unit))
    assert year.said[COVENANT, "12/02/2026"].startswith(text(  # 13/02, 23/02, 24/02: Tết in between
        "remind.before", title=COVENANT, due="24/02/2026 17:00", days=3, unit=unit))
