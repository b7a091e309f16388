"""`thidua deadline …` and `thidua export …` against a real SQLite database in a temporary data folder.

The command line runs on the system clock, so the dates typed here are computed from today.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from bot.cli import main
from handlers.core.catalog import text
from handlers.deadlines.rules.workdays import is_working_day, next_working_day
from storage.models import ChatAccount, Contact
from tests.cli_helpers import cli_env, db, run
from tests.conftest import SAMPLE_BLOCK

BLOCK = "Khối thi đua Văn hóa - Xã hội"  # the sample block and its deadlines' titles
COVENANT = "Đăng ký giao ước và chủ đề thi đua năm 2026"
SIX_MONTH = "Báo cáo sơ kết 6 tháng đầu năm 2026"
YEAR_END = "Báo cáo tổng kết công tác thi đua năm 2026"
SELF_ASSESSMENT = "Bảng tự chấm điểm thi đua năm 2026"
KINDS = ("covenant", "six_month_report", "year_end_report", "self_assessment", "custom")
KIND = {kind: text(f"dl.kind.{kind}") for kind in KINDS}
KIND_NAMES = ", ".join(f"{kind} ({KIND[kind]})" for kind in KINDS)  # how the command line lists them
TOLD_1 = text("dl.told", count=1)
CUT = "\x00"


def up_to(key: str, placeholder: str, **values: object) -> str:
    """A catalog text's beginning, up to where `placeholder` goes (for a value the test cannot know)."""
    return text(key, **values, **{placeholder: CUT}).split(CUT)[0]


def due_effective(due: str, effective: str) -> str:
    return text("dl.due_effective", due=due, effective=effective)


def weekday(day: date) -> str:
    return text(f"dl.weekday.{day.weekday()}")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    data = cli_env(tmp_path, monkeypatch)
    assert main(["block", "import", str(SAMPLE_BLOCK)]) == 0
    capsys.readouterr()
    return data


def working_day(after_days: int) -> date:
    day = date.today() + timedelta(days=after_days)
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def sunday(after_days: int) -> date:
    day = date.today() + timedelta(days=after_days)
    while day.weekday() != 6:
        day += timedelta(days=1)
    return day


def dmy(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def add_unit_contact(unit_code: str, chat_id: str) -> None:
    async def action(uow: Any) -> None:
        [block] = await uow.directory.blocks()
        unit = await uow.directory.unit_by_code(block.id, unit_code)
        contact = Contact(block_id=block.id, unit_id=unit.id, role="unit", full_name="Trần Văn Bình",
                          position="Chuyên viên", phone="0987654321", registered_at=datetime.now().astimezone())
        uow.directory.add(contact)
        await uow.directory.flush()
        assert contact.id is not None
        uow.directory.add(ChatAccount(contact_id=contact.id, channel="telegram", user_id=chat_id, chat_id=chat_id))

    db(action)


def speaks_english(chat_id: str) -> None:
    async def action(uow: Any) -> None:
        state = await uow.dialogs.load_for_update("telegram", chat_id, datetime.now().astimezone())
        state.lang = "en"
        await uow.dialogs.save(state)

    db(action)


def outbox() -> list[tuple[str, str]]:
    async def action(uow: Any) -> list[tuple[str, str]]:
        return [(m.chat_id, m.text) for m in await uow.outbox.pending()]

    result: list[tuple[str, str]] = db(action)
    return result


def audit() -> list[tuple[str, str]]:
    async def action(uow: Any) -> list[tuple[str, str]]:
        return [(e.actor, e.action) for e in await uow.audit.entries()
                if e.action not in ("import_block", "import_sheet")]

    result: list[tuple[str, str]] = db(action)
    return result


def listed(number: int, due: str, kind: str, title: str, tags: str = "") -> str:
    """A deadline's line in `thidua deadline list`, none of the 11 units having submitted."""
    return text("dl.cli.list_line", id=number, due=due, kind=KIND[kind], title=title, done=0, total=11, tags=tags)


def test_list(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "deadline", "list")
    assert code == 0
    assert out.splitlines() == [
        text("dl.cli.list_header", year=2026, block=BLOCK),
        listed(1, due_effective("15/03/2026 17:00", "16/03/2026 17:00"), "covenant", COVENANT),  # a Sunday
        listed(2, "15/06/2026 17:00", "six_month_report", SIX_MONTH),
        listed(3, "30/11/2026 17:00", "year_end_report", YEAR_END),
        listed(4, "30/11/2026 17:00", "self_assessment", SELF_ASSESSMENT),
    ]
    assert run(capsys, "deadline", "list", "--block", BLOCK)[1] == out
    assert run(capsys, "deadline", "list", "--block", "1")[1] == out


def test_add_tells_the_units(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_unit_contact("YTE", "777")
    due = working_day(30)
    code, out, err = run(capsys, "deadline", "add", "--kind", KIND["custom"], "--title", "  Báo cáo chuyên đề  ",
                         "--due", f"{dmy(due)} 10:00")  # the kind by its name, as the operator reads it
    assert (code, err) == (0, "")
    assert out == text("dl.cli.added", id=5, title="Báo cáo chuyên đề", kind=KIND["custom"], due=f"{dmy(due)} 10:00",
                       told=TOLD_1) + "\n"
    assert listed(5, f"{dmy(due)} 10:00", "custom", "Báo cáo chuyên đề") in run(capsys, "deadline", "list")[1]
    assert outbox() == [("777", text("dl.notice_added", block=BLOCK, title="Báo cáo chuyên đề",
                                     due=f"{dmy(due)} 10:00"))]
    assert audit() == [("operator", "add_deadline")]
    # the kind's code works too, and a date alone means 17:00; the same title and kind again is refused
    code, out, _ = run(capsys, "deadline", "add", "--kind", "covenant", "--title", "Giao ước bổ sung",
                       "--due", dmy(due))
    assert code == 0 and out == text("dl.cli.added", id=6, title="Giao ước bổ sung", kind=KIND["covenant"],
                                     due=f"{dmy(due)} 17:00", told=TOLD_1) + "\n"
    code, _, err = run(capsys, "deadline", "add", "--kind", "custom", "--title", "báo cáo CHUYÊN ĐỀ", "--due", dmy(due))
    assert code == 2
    assert err == text("dl.cli.title_taken", year=2026, kind=KIND["custom"], title="báo cáo CHUYÊN ĐỀ") + "\n"


def planned(day: date, what: str, past: bool = True) -> str:
    """A reminder morning's line in the schedule."""
    return text("dl.plan_line", weekday=weekday(day), at=f"{dmy(day)} 08:00", what=what,
                past=text("dl.plan_past") if past else "")


def test_schedule_prints_each_deadlines_reminder_mornings(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The plan, written by hand: the covenant is due on Sunday 15/03/2026, so it runs to Monday 16/03."""
    code, out, err = run(capsys, "deadline", "schedule")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == text("dl.plan_title", block=BLOCK)
    start = lines.index(text("dl.plan_header", title=COVENANT, due=due_effective("15/03/2026 17:00",
                                                                                 "16/03/2026 17:00")))
    before, due_day, overdue = (lambda n: text("dl.plan_before", n=n), text("dl.plan_due_day"),
                                lambda n: text("dl.plan_overdue", n=n))
    assert lines[start + 1:start + 8] == [
        planned(date(2026, 3, 5), before(7)),
        planned(date(2026, 3, 11), before(3)),
        planned(date(2026, 3, 13), before(1)),
        planned(date(2026, 3, 16), due_day),
        planned(date(2026, 3, 18), overdue(1)),
        planned(date(2026, 3, 20), overdue(2)),
        planned(date(2026, 3, 24), overdue(3)),
    ]
    new = working_day(40)
    assert run(capsys, "deadline", "add", "--kind", "custom", "--title", "Báo cáo quý IV", "--due", dmy(new))[0] == 0
    out = run(capsys, "deadline", "schedule")[1]
    assert text("dl.plan_header", title="Báo cáo quý IV", due=f"{dmy(new)} 17:00") in out.splitlines()
    assert planned(new, text("dl.plan_due_day"), past=False) in out.splitlines()


def test_move_cancel_close_reopen(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_unit_contact("GDDT", "888")
    new = working_day(40)
    code, out, err = run(capsys, "deadline", "move", "3", "--due", f"{dmy(new)} 16:30")
    assert (code, err) == (0, "")
    assert out == text("dl.cli.moved", id=3, title=YEAR_END, old="30/11/2026 17:00", new=f"{dmy(new)} 16:30",
                       told=TOLD_1) + "\n"
    assert outbox() == [("888", text("dl.notice_moved", block=BLOCK, title=YEAR_END, old="30/11/2026 17:00",
                                     new=f"{dmy(new)} 16:30"))]
    # a Sunday is taken with a note
    code, out, err = run(capsys, "deadline", "move", "#3", "--due", dmy(sunday(50)))
    monday = dmy(next_working_day(sunday(50)))
    assert code == 0 and err == (text("dl.cli.warn_weekend", date=dmy(sunday(50)), weekday=text("dl.weekday.6"))
                                 + " " + text("dl.warn_effective", effective=f"{monday} 17:00") + "\n")
    assert out == text("dl.cli.moved", id=3, title=YEAR_END, old=f"{dmy(new)} 16:30", new=f"{dmy(sunday(50))} 17:00",
                       told=TOLD_1) + "\n"

    speaks_english("888")
    assert run(capsys, "deadline", "cancel", "4")[:2] == (
        0, text("dl.cli.cancelled", id=4, title=SELF_ASSESSMENT, told=TOLD_1) + "\n")
    assert outbox()[-1] == ("888", text("dl.notice_cancelled", "en", block=BLOCK, title=SELF_ASSESSMENT,
                                        due="30/11/2026 17:00"))  # in the contact's language
    assert run(capsys, "deadline", "cancel", "4") == (
        2, "", text("dl.cli.is_cancelled", id=4, title=SELF_ASSESSMENT) + "\n")
    assert run(capsys, "deadline", "move", "4", "--due", dmy(new))[0] == 2
    assert run(capsys, "deadline", "close", "1")[:2] == (0, text("dl.cli.closed", id=1, title=COVENANT) + "\n")
    assert run(capsys, "deadline", "close", "1")[2] == text("dl.cli.already_closed", id=1, title=COVENANT) + "\n"
    listing = {ln.split()[0]: ln for ln in run(capsys, "deadline", "list")[1].splitlines()[1:]}
    assert listing["#1"] == listed(1, due_effective("15/03/2026 17:00", "16/03/2026 17:00"), "covenant", COVENANT,
                                   text("dl.cli.tag_closed"))
    assert listing["#4"] == listed(4, "30/11/2026 17:00", "self_assessment", SELF_ASSESSMENT,
                                   text("dl.cli.tag_cancelled"))
    assert listing["#3"] == listed(3, due_effective(f"{dmy(sunday(50))} 17:00", f"{monday} 17:00"), "year_end_report",
                                   YEAR_END)
    assert run(capsys, "deadline", "reopen", "1")[:2] == (0, text("dl.cli.reopened", id=1, title=COVENANT) + "\n")
    assert [a for a in audit()] == [("operator", a) for a in (
        "move_deadline", "move_deadline", "cancel_deadline", "close_deadline", "reopen_deadline")]
    assert len(outbox()) == 3


MISSING = text("dl.cli.missing", arg="--due", hint=text("dl.cli.hint_due")) + "\n"


@pytest.mark.parametrize(("argv", "error"), [
    (["deadline", "add", "--title", "Báo cáo", "--due", "01/01/2099"],
     text("dl.cli.missing", arg="--kind", hint=text("dl.cli.hint_kind", kinds=KIND_NAMES)) + "\n"),
    (["deadline", "add", "--kind", "báo cáo", "--title", "Báo cáo", "--due", "01/01/2099"],
     text("dl.cli.bad_kind", value="báo cáo", kinds=KIND_NAMES) + "\n"),
    (["deadline", "add", "--kind", "custom", "--due", "01/01/2099"],
     text("dl.cli.missing", arg="--title", hint=text("dl.cli.hint_title")) + "\n"),
    (["deadline", "add", "--kind", "custom", "--title", "ab", "--due", "01/01/2099"],
     text("dl.cli.bad_title", value="ab") + "\n"),
    (["deadline", "add", "--kind", "custom", "--title", "Báo cáo"], MISSING),
    (["deadline", "add", "--kind", "custom", "--title", "Báo cáo", "--due", "32/13/2026"],
     text("dl.cli.due_no_such_day", value="32/13/2026") + "\n"),
    (["deadline", "add", "--kind", "custom", "--title", "Báo cáo", "--due", "cuối tháng"],
     text("dl.cli.bad_due", value="cuối tháng") + "\n"),
    (["deadline", "add", "--kind", "custom", "--title", "Báo cáo", "--due", "01/01/2020 08:00"],
     up_to("dl.cli.due_past", "now", due="01/01/2020 08:00")),  # now: the system clock's
    (["deadline", "add", "--kind", "custom", "--title", "Báo cáo", "--due", "01/01/2099", "--block", "9"],
     text("cli.unknown_block", block="9") + "\n"),
    (["deadline", "move", "abc", "--due", "01/01/2099"], text("dl.cli.bad_id", arg="ID", value="abc") + "\n"),
    (["deadline", "move", "99", "--due", "01/01/2099"], text("dl.cli.unknown_id", arg="ID", id=99) + "\n"),
    (["deadline", "move", "3"], MISSING),
    (["deadline", "move", "3", "--due", "15/06/2021"], up_to("dl.cli.due_past", "now", due="15/06/2021 17:00")),
    (["deadline", "cancel", "-"], text("dl.cli.bad_id", arg="ID", value="-") + "\n"),
    (["deadline", "reopen", "1"], text("dl.cli.not_closed", id=1, title=COVENANT) + "\n"),
    (["deadline", "policy", "--before", "7,x"], text("dl.cli.bad_before", value="7,x") + "\n"),
    (["deadline", "policy", "--before", "0"], text("dl.cli.bad_before", value="0") + "\n"),
    (["deadline", "policy", "--overdue-every", "0"], text("dl.cli.bad_overdue_every", value="0") + "\n"),
    (["deadline", "policy", "--overdue-times", "99"], text("dl.cli.bad_overdue_times", value="99") + "\n"),
    (["deadline", "policy", "--deadline", "x", "--overdue-times", "1"],
     text("dl.cli.bad_id", arg="--deadline", value="x") + "\n"),
    (["deadline", "policy", "--deadline", "42", "--overdue-times", "1"],
     text("dl.cli.unknown_id", arg="--deadline", id=42) + "\n"),
    (["export", "submissions"], text("dl.cli.missing", arg="--out", hint=text("dl.cli.hint_out")) + "\n"),
    (["export", "submissions", "--out", "bao-cao.csv"], text("export.cli.bad_out", value="bao-cao.csv") + "\n"),
    (["export", "themes", "--out", "khong-co/chu-de.xlsx"], text("export.cli.no_dir", dir="khong-co") + "\n"),
])
def test_bad_arguments_change_nothing(data_dir: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
                                      error: str) -> None:
    add_unit_contact("YTE", "777")
    before = run(capsys, "deadline", "list")[1]
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith(error)
    assert run(capsys, "deadline", "list")[1] == before
    assert audit() == [] and outbox() == []
    assert not list(data_dir.parent.glob("*.xlsx"))


def test_policy_on_the_block_and_on_a_deadline(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    of_block = text("dl.cli.policy_block", block=BLOCK)
    shown = text("dl.cli.policy", target=of_block, before="7, 3, 1", due_day=text("dl.cli.yes"), every=2,
                 times=3) + "\n"
    assert run(capsys, "deadline", "policy") == (0, shown, "")
    assert audit() == []  # showing changes nothing

    code, out, _ = run(capsys, "deadline", "policy", "--before", "5, 2,5", "--overdue-every", "3", "--no-due-day")
    assert code == 0
    assert out == (text("dl.cli.policy", target=of_block, before="5, 2", due_day=text("dl.cli.no"), every=3, times=3)
                   + "\n" + text("dl.cli.policy_saved") + "\n")
    code, out, _ = run(capsys, "deadline", "policy", "--deadline", "3", "--overdue-times", "1", "--before", "")
    assert code == 0
    assert out == (text("dl.cli.policy", target=text("dl.cli.policy_deadline", id=3, title=YEAR_END),
                        before=text("dl.cli.policy_no_before"), due_day=text("dl.cli.no"), every=3, times=1)
                   + "\n" + text("dl.cli.policy_saved") + "\n")
    assert run(capsys, "deadline", "policy", "--deadline", "3", "--block", "9")[2] == text(
        "cli.unknown_block", block="9") + "\n"

    async def stored(uow: Any) -> tuple[Any, Any, Any]:
        [block] = await uow.directory.blocks()
        return (block.reminder_policy, (await uow.deadlines.get(3)).reminder_policy,
                (await uow.deadlines.get(4)).reminder_policy)

    assert db(stored) == (
        {"before": [5, 2], "due_day": False, "overdue_every": 3, "overdue_times": 3},
        {"before": [], "due_day": False, "overdue_every": 3, "overdue_times": 1},
        None,
    )
    assert audit() == [("operator", "set_reminder_policy")] * 2


def test_exports(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "tinh-hinh.xlsx"
    assert run(capsys, "export", "submissions", "--out", str(out_file)) == (
        0, text("export.cli.written_submissions", path=out_file, units=11, deadlines=4) + "\n", "")
    sheet = load_workbook(out_file).active
    assert sheet["A1"].value == text("export.submissions_title", block=BLOCK.upper(), year=2026)
    assert [sheet.cell(r, 2).value for r in (6, 16)] == ["BHXH", "LDTBXH"]
    assert sheet.cell(6, 5).value == text("export.missing")

    themes = tmp_path / "chu-de.XLSX"
    assert run(capsys, "export", "themes", "--out", str(themes), "--block", BLOCK) == (
        0, text("export.cli.written_themes", path=themes, done=0, total=11) + "\n", "")
    assert load_workbook(themes).active.cell(4, 3).value == text("export.col_theme")
    assert audit() == [("operator", "export")] * 2
