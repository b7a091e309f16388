"""A whole year of the sample block: every reminder goes to the expected units on the expected days.

The clock moves through 2026, ticking the planner twice a day (08:00 and 14:00 in Hà Nội). Units
submit along the way; the bot is down for a day in June and restarts (a new App on the same
database). The expected table is written by hand from the calendar: 7, 3 and 1 working days
before, the due morning, then every 2 working days, 3 times, all counted from the effective due day
(a deadline on a Sunday runs to the Monday).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import select

from bot.app import App
from handlers.core.catalog import text
from handlers.core.clock import FrozenClock
from handlers.deadlines.rules.workdays import at_local, effective_due, is_working_day, local_day
from storage.models import ChatAccount, Contact, Deadline, OutboxMessage, Reminder, Submission, Unit
from tests.conftest import SAMPLE_BLOCK

CUT = "\x00"


def after_due(key: str, days: int) -> str:
    """What a reminder says after the due date: how many working days are left, or how many late."""
    return text(key, title="", due=CUT, days=days, unit="").split("\n")[1].split(CUT)[1]


ALL = {"BHXH", "CDNDTNT", "CDCD", "VHTTDL", "TTTT", "KHCN", "YTE", "BDT", "GDDT", "PTTH", "LDTBXH"}

# (local date, deadline kind, slot) -> units reminded
EXPECTED: dict[tuple[str, str, str], set[str]] = {
    ("05/03", "covenant", "before_7"): ALL,
    ("11/03", "covenant", "before_3"): ALL,
    ("13/03", "covenant", "before_1"): {"YTE", "BDT"},  # the others submitted on 12/03
    # 15/03 is a Sunday: the deadline runs to Monday 16/03 (Bộ luật Dân sự, Điều 148), reminded that morning
    ("16/03", "covenant", "due_day"): {"YTE", "BDT"},
    ("18/03", "covenant", "overdue_1"): {"YTE", "BDT"},  # YTE submits late at 10:00, after this reminder
    ("20/03", "covenant", "overdue_2"): {"BDT"},
    ("24/03", "covenant", "overdue_3"): {"BDT"},
    ("04/06", "six_month_report", "before_7"): ALL,
    ("10/06", "six_month_report", "before_3"): ALL,
    ("12/06", "six_month_report", "before_1"): {"PTTH"},
    ("15/06", "six_month_report", "due_day"): {"PTTH"},
    ("18/06", "six_month_report", "overdue_1"): {"PTTH"},  # due 17/06 while the bot was down: sent once on return
    ("19/06", "six_month_report", "overdue_2"): {"PTTH"},
    ("23/06", "six_month_report", "overdue_3"): {"PTTH"},
    ("18/11", "year_end_report", "before_7"): ALL,
    ("25/11", "year_end_report", "before_3"): ALL,  # 24/11 is Vietnam Cultural Day, a holiday
    ("27/11", "year_end_report", "before_1"): {"GDDT"},
    ("30/11", "year_end_report", "due_day"): {"GDDT"},
    ("02/12", "year_end_report", "overdue_1"): {"GDDT"},
    ("04/12", "year_end_report", "overdue_2"): {"GDDT"},
    ("08/12", "year_end_report", "overdue_3"): {"GDDT"},
    ("18/11", "self_assessment", "before_7"): ALL,
    ("25/11", "self_assessment", "before_3"): ALL,
    ("27/11", "self_assessment", "before_1"): ALL,
    ("30/11", "self_assessment", "due_day"): ALL,
    ("02/12", "self_assessment", "overdue_1"): ALL,
    ("04/12", "self_assessment", "overdue_2"): ALL,
    ("08/12", "self_assessment", "overdue_3"): ALL,
}

# (local date, deadline kind) -> units submitting that day at 10:00
SUBMISSIONS: dict[tuple[str, str], set[str]] = {
    ("12/03", "covenant"): ALL - {"YTE", "BDT"},
    ("18/03", "covenant"): {"YTE"},
    ("11/06", "six_month_report"): ALL - {"PTTH"},
    ("26/11", "year_end_report"): ALL - {"GDDT"},
}
DOWN = (datetime(2026, 6, 17, 0, 0, tzinfo=UTC), datetime(2026, 6, 18, 2, 30, tzinfo=UTC))  # back 18/06 09:30


def day_of(text: str) -> date:
    d, m = text.split("/")
    return date(2026, int(m), int(d))


async def setup_contacts(app: App, block_id: int) -> dict[int, str]:
    """One contact per unit, two for YTE, and one secretariat member, on the sandbox channel;
    returns unit codes by id."""
    async with app.uow() as uow:
        units = await uow.directory.units(block_id)
        for unit in units:
            for n in range(2 if unit.code == "YTE" else 1):
                contact = Contact(block_id=block_id, unit_id=unit.id, role="unit", full_name=f"Cán bộ {unit.code}",
                                  position="Chuyên viên", phone="0912345678", registered_at=app.clock.now())
                uow.session.add(contact)
                await uow.flush()
                assert contact.id is not None
                uow.session.add(ChatAccount(contact_id=contact.id, channel="sandbox", user_id=f"{unit.code}{n}",
                                            chat_id=f"sb-{unit.code}{n}"))
        staff = Contact(block_id=block_id, unit_id=units[0].id, role="secretariat", full_name="Thường trực",
                        position="Chánh Văn phòng", phone="0912000000", registered_at=app.clock.now())
        uow.session.add(staff)
        await uow.flush()
        assert staff.id is not None
        uow.session.add(ChatAccount(contact_id=staff.id, channel="sandbox", user_id="tt", chat_id="sb-tt"))
        await uow.commit()
    return {u.id: u.code for u in units if u.id is not None}


async def submit(app: App, block_id: int, kind: str, codes: set[str], when: datetime) -> None:
    async with app.uow() as uow:
        deadline = (await uow.session.exec(select(Deadline).where(Deadline.kind == kind))).one()
        for unit in await uow.directory.units(block_id):
            if unit.code in codes:
                assert unit.id is not None and deadline.id is not None
                await uow.deadlines.submit(Submission(deadline_id=deadline.id, unit_id=unit.id, kind="dispatch",
                                                      dispatch_no="1/BC", submitted_at=when,
                                                      late=when > effective_due(deadline.due_at)))
        await uow.commit()


async def test_a_year_of_reminders(app: App, settings, clock: FrozenClock) -> None:  # type: ignore[no-untyped-def]
    from handlers.term.block_file.read import load_block_file
    from handlers.term.block_import import import_block

    clock._now = datetime(2026, 1, 1, tzinfo=UTC)
    async with app.uow() as uow:
        block_id = (await import_block(uow, load_block_file(SAMPLE_BLOCK), app.config.secret, clock.now())).block_id
        await uow.commit()
    codes = await setup_contacts(app, block_id)

    current = app
    day = date(2026, 1, 1)
    while day <= date(2026, 12, 31):
        for at in (time(8, 0), time(10, 0), time(14, 0), time(18, 0)):
            moment = at_local(day, at).astimezone(UTC)
            clock._now = moment
            if DOWN[0] <= moment < DOWN[1]:
                continue
            if moment >= DOWN[1] and current is app:  # the restart: a new App on the same database
                current = await App.create(settings, clock=clock, engine=app.engine)
            if at == time(10, 0):
                for (when, kind), units in SUBMISSIONS.items():
                    if day_of(when) == day:
                        await submit(current, block_id, kind, units, moment)
                continue
            await current.plan_reminders()
        day += timedelta(days=1)
    async with app.uow() as uow:
        reminders = list((await uow.session.exec(select(Reminder))).all())
        kinds = {d.id: d.kind for d in (await uow.session.exec(select(Deadline))).all()}
        outbox = list((await uow.session.exec(select(OutboxMessage))).all())
        units = {u.id: u for u in (await uow.session.exec(select(Unit))).all()}

    got: dict[tuple[str, str, str], set[str]] = {}
    for r in reminders:
        local = local_day(r.planned_at)
        assert is_working_day(local), f"reminder on a day off: {local}"
        key = (local.strftime("%d/%m"), kinds[r.deadline_id], r.slot)
        assert codes[r.unit_id] not in got.get(key, set()), f"twice: {key}"
        got.setdefault(key, set()).add(codes[r.unit_id])
    assert got == EXPECTED

    # every contact of each reminded unit got one message per reminder, all on working days at office hours
    reminder_messages = [m for m in outbox if m.choices]
    per_unit = {code: (2 if code == "YTE" else 1) for code in ALL}
    async with app.uow() as uow:
        staff = (await uow.session.exec(select(Contact).where(Contact.role == "secretariat"))).one()
    head = codes[staff.unit_id or 0]
    per_unit[head] += 1  # the head unit's staff are the secretariat: its own deadlines reach them too
    assert len(reminder_messages) == sum(per_unit[c] for units_ in EXPECTED.values() for c in units_)
    for m in reminder_messages:
        local = m.created_at.astimezone(at_local(date(2026, 1, 1), time(0)).tzinfo)
        assert is_working_day(local.date()) and time(8, 0) <= local.time() < time(17, 0)
    assert any(after_due("remind.before", 7) in m.text for m in reminder_messages)
    assert any(after_due("remind.overdue", 2) in m.text for m in reminder_messages)
    assert all(m.choices[0][0].startswith("g.submit.") for m in reminder_messages)
    assert units  # loaded

    # the secretariat's digests: each reminder morning, and the evening of each due day (a working day)
    to_staff = [m for m in reminder_messages if m.chat_id == "sb-tt"]
    assert len(to_staff) == sum(1 for units_ in EXPECTED.values() if head in units_) > 0
    digests = [m for m in outbox if m.chat_id == "sb-tt" and not m.choices]
    digest = text("digest.header", block="Khối thi đua Văn hóa - Xã hội", now=CUT).split(CUT)[0]  # the sample block
    assert all(m.text.startswith(digest) for m in digests)
    evenings = [m for m in digests if m.created_at.astimezone(UTC).hour == 11]  # 18:00 in Hà Nội
    evening_days = sorted(local_day(m.created_at).strftime("%m/%d") for m in evenings)
    assert evening_days == ["03/16", "06/15", "11/30", "11/30"]
    assert len(digests) == len(EXPECTED) + len(evenings)
    assert any(text("status.missing", units="Sở Giáo dục và Đào tạo") in m.text for m in evenings)
    if current is not app:
        await current.close()
