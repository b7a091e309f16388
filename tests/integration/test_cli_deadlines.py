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
from handlers.deadlines.rules.workdays import is_working_day
from storage.models import ChatAccount, Contact
from tests.cli_helpers import cli_env, db, run
from tests.conftest import SAMPLE_BLOCK

BLOCK = "Khối thi đua Văn hóa - Xã hội"
YEAR_END = "Báo cáo tổng kết công tác thi đua năm 2026"


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


def test_list(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "deadline", "list")
    assert code == 0
    assert out.splitlines() == [
        f"Hạn nộp năm 2026 của {BLOCK}:",
        "  #1  15/03/2026 17:00  Giao ước thi đua: Đăng ký giao ước và chủ đề thi đua năm 2026 (đã nộp 0/11)",
        "  #2  15/06/2026 17:00  Báo cáo sơ kết 6 tháng: Báo cáo sơ kết 6 tháng đầu năm 2026 (đã nộp 0/11)",
        f"  #3  30/11/2026 17:00  Báo cáo tổng kết năm: {YEAR_END} (đã nộp 0/11)",
        "  #4  30/11/2026 17:00  Bảng tự chấm điểm: Bảng tự chấm điểm thi đua năm 2026 (đã nộp 0/11)",
    ]
    assert run(capsys, "deadline", "list", "--block", BLOCK)[1] == out
    assert run(capsys, "deadline", "list", "--block", "1")[1] == out


def test_add_tells_the_units(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_unit_contact("YTE", "777")
    due = working_day(30)
    code, out, err = run(capsys, "deadline", "add", "--kind", "Khác", "--title", "  Báo cáo chuyên đề  ",
                         "--due", f"{dmy(due)} 10:00")
    assert (code, err) == (0, "")
    assert out == (f"Đã thêm hạn nộp #5: Báo cáo chuyên đề (Khác), hạn {dmy(due)} 10:00. "
                   "Đã gửi thông báo tới 1 đầu mối của các đơn vị.\n")
    assert f"  #5  {dmy(due)} 10:00  Khác: Báo cáo chuyên đề (đã nộp 0/11)" in run(capsys, "deadline", "list")[1]
    assert outbox() == [("777", f"📅 Thường trực {BLOCK} thông báo hạn nộp mới: Báo cáo chuyên đề, "
                                f"hạn {dmy(due)} 10:00.")]
    assert audit() == [("operator", "add_deadline")]
    # the kind's code works too, and a date alone means 17:00; the same title and kind again is refused
    code, out, _ = run(capsys, "deadline", "add", "--kind", "covenant", "--title", "Giao ước bổ sung",
                       "--due", dmy(due))
    assert code == 0 and f"hạn {dmy(due)} 17:00" in out
    code, _, err = run(capsys, "deadline", "add", "--kind", "custom", "--title", "báo cáo CHUYÊN ĐỀ", "--due", dmy(due))
    assert code == 2
    assert err == "--title: năm 2026 đã có hạn nộp loại «Khác» tên «báo cáo CHUYÊN ĐỀ».\n"


def test_move_cancel_close_reopen(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_unit_contact("GDDT", "888")
    new = working_day(40)
    code, out, err = run(capsys, "deadline", "move", "3", "--due", f"{dmy(new)} 16:30")
    assert (code, err) == (0, "")
    assert out == (f"Đã dời hạn nộp #3 «{YEAR_END}» từ 30/11/2026 17:00 sang {dmy(new)} 16:30. "
                   "Đã gửi thông báo tới 1 đầu mối của các đơn vị.\n")
    assert outbox() == [("888", f"📅 Thường trực {BLOCK} dời hạn nộp «{YEAR_END}» từ 30/11/2026 17:00 "
                                f"sang {dmy(new)} 16:30.")]
    # a Sunday is taken with a note
    code, out, err = run(capsys, "deadline", "move", "#3", "--due", dmy(sunday(50)))
    assert code == 0 and err == f"Lưu ý: {dmy(sunday(50))} là Chủ nhật, không phải ngày làm việc.\n"
    assert out.startswith(f"Đã dời hạn nộp #3 «{YEAR_END}» từ {dmy(new)} 16:30 sang {dmy(sunday(50))} 17:00.")

    speaks_english("888")
    assert run(capsys, "deadline", "cancel", "4")[:2] == (
        0, "Đã hủy hạn nộp #4 «Bảng tự chấm điểm thi đua năm 2026». Đã gửi thông báo tới 1 đầu mối của các đơn vị.\n")
    assert outbox()[-1] == ("888", f"❌ The secretariat of {BLOCK} cancelled «Bảng tự chấm điểm thi đua năm 2026» "
                                   "(due 30/11/2026 17:00). Nothing needs to be submitted for it.")
    assert run(capsys, "deadline", "cancel", "4") == (
        2, "", "Hạn nộp #4 «Bảng tự chấm điểm thi đua năm 2026» đã bị hủy; không thay đổi gì.\n")
    assert run(capsys, "deadline", "move", "4", "--due", dmy(new))[0] == 2
    assert run(capsys, "deadline", "close", "1")[:2] == (
        0, "Đã khóa hạn nộp #1 «Đăng ký giao ước và chủ đề thi đua năm 2026»: không nhận thêm bài nộp, "
           "kể cả nộp muộn.\n")
    assert run(capsys, "deadline", "close", "1")[2] == (
        "Hạn nộp #1 «Đăng ký giao ước và chủ đề thi đua năm 2026» đã khóa từ trước; không thay đổi gì.\n")
    listing = {ln.split()[0]: ln for ln in run(capsys, "deadline", "list")[1].splitlines()[1:]}
    assert listing["#1"].endswith("(đã nộp 0/11) [đã khóa]")
    assert listing["#4"].endswith("(đã nộp 0/11) [đã hủy]")
    assert listing["#3"].startswith(f"  #3  {dmy(sunday(50))} 17:00  Báo cáo tổng kết năm")
    assert run(capsys, "deadline", "reopen", "1")[:2] == (
        0, "Đã mở lại hạn nộp #1 «Đăng ký giao ước và chủ đề thi đua năm 2026».\n")
    assert [a for a in audit()] == [("operator", a) for a in (
        "move_deadline", "move_deadline", "cancel_deadline", "close_deadline", "reopen_deadline")]
    assert len(outbox()) == 3


MISSING = "Thiếu --due: hạn nộp dạng \"dd/mm/yyyy HH:MM\" (giờ Việt Nam) hoặc \"dd/mm/yyyy\" (17:00).\n"


@pytest.mark.parametrize(("argv", "error"), [
    (["deadline", "add", "--title", "Báo cáo", "--due", "01/01/2099"], "Thiếu --kind: loại hạn nộp, một trong: "
     "covenant (Giao ước thi đua), six_month_report (Báo cáo sơ kết 6 tháng), year_end_report (Báo cáo tổng kết "
     "năm), self_assessment (Bảng tự chấm điểm), custom (Khác).\n"),
    (["deadline", "add", "--kind", "báo cáo", "--title", "Báo cáo", "--due", "01/01/2099"],
     "--kind không hợp lệ: «báo cáo». Dùng một trong: covenant (Giao ước thi đua), six_month_report (Báo cáo sơ kết "
     "6 tháng), year_end_report (Báo cáo tổng kết năm), self_assessment (Bảng tự chấm điểm), custom (Khác).\n"),
    (["deadline", "add", "--kind", "custom", "--due", "01/01/2099"],
     "Thiếu --title: tên hạn nộp, từ 3 đến 300 ký tự.\n"),
    (["deadline", "add", "--kind", "custom", "--title", "ab", "--due", "01/01/2099"],
     "--title không hợp lệ: «ab». Tên cần từ 3 đến 300 ký tự, có chữ cái và không bắt đầu bằng dấu /.\n"),
    (["deadline", "add", "--kind", "custom", "--title", "Báo cáo"], MISSING),
    (["deadline", "add", "--kind", "custom", "--title", "Báo cáo", "--due", "32/13/2026"],
     "--due không có thật: «32/13/2026» (ngày, tháng hoặc giờ không hợp lệ).\n"),
    (["deadline", "add", "--kind", "custom", "--title", "Báo cáo", "--due", "cuối tháng"],
     "--due không đọc được: «cuối tháng». Dùng dạng \"dd/mm/yyyy HH:MM\", ví dụ \"30/11/2026 17:00\", hoặc "
     "\"dd/mm/yyyy\" (hạn là 17:00).\n"),
    (["deadline", "add", "--kind", "custom", "--title", "Báo cáo", "--due", "01/01/2020 08:00"],
     "--due đã qua: 01/01/2020 08:00 (bây giờ là "),
    (["deadline", "add", "--kind", "custom", "--title", "Báo cáo", "--due", "01/01/2099", "--block", "9"],
     "Không tìm thấy khối 9.\n"),
    (["deadline", "move", "abc", "--due", "01/01/2099"],
     "ID không hợp lệ: «abc». Mã số hạn nộp là số nguyên, xem bằng: thidua deadline list\n"),
    (["deadline", "move", "99", "--due", "01/01/2099"],
     "ID: không có hạn nộp #99. Xem mã số bằng: thidua deadline list\n"),
    (["deadline", "move", "3"], MISSING),
    (["deadline", "move", "3", "--due", "15/06/2021"], "--due đã qua: 15/06/2021 17:00"),
    (["deadline", "cancel", "-"], "ID không hợp lệ: «-»."),
    (["deadline", "reopen", "1"], "Hạn nộp #1 «Đăng ký giao ước và chủ đề thi đua năm 2026» đang mở; "
                                  "không có gì để mở lại.\n"),
    (["deadline", "policy", "--before", "7,x"], "--before không hợp lệ: «7,x». Cần các số ngày làm việc trước hạn "
     "từ 1 đến 60, cách nhau bởi dấu phẩy (ví dụ 7,3,1); để trống (\"\") để không nhắc trước hạn.\n"),
    (["deadline", "policy", "--before", "0"], "--before không hợp lệ: «0»."),
    (["deadline", "policy", "--overdue-every", "0"],
     "--overdue-every không hợp lệ: «0». Cần một số nguyên từ 1 đến 30 (ngày làm việc).\n"),
    (["deadline", "policy", "--overdue-times", "99"],
     "--overdue-times không hợp lệ: «99». Cần một số nguyên từ 0 đến 20.\n"),
    (["deadline", "policy", "--deadline", "x", "--overdue-times", "1"], "--deadline không hợp lệ: «x»."),
    (["deadline", "policy", "--deadline", "42", "--overdue-times", "1"], "--deadline: không có hạn nộp #42."),
    (["export", "submissions"], "Thiếu --out: đường dẫn tệp .xlsx sẽ ghi.\n"),
    (["export", "submissions", "--out", "bao-cao.csv"], "--out phải là một tệp .xlsx: «bao-cao.csv».\n"),
    (["export", "themes", "--out", "khong-co/chu-de.xlsx"], "--out: thư mục khong-co không tồn tại.\n"),
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
    shown = (f"Lịch nhắc chung của {BLOCK}: nhắc trước hạn 7, 3, 1 ngày làm việc; nhắc sáng ngày hạn: có; quá hạn "
             "nhắc mỗi 2 ngày làm việc, tối đa 3 lần. Nhắc lúc 08:00 các ngày làm việc.\n")
    assert run(capsys, "deadline", "policy") == (0, shown, "")
    assert audit() == []  # showing changes nothing

    code, out, _ = run(capsys, "deadline", "policy", "--before", "5, 2,5", "--overdue-every", "3", "--no-due-day")
    assert code == 0
    assert out == (f"Lịch nhắc chung của {BLOCK}: nhắc trước hạn 5, 2 ngày làm việc; nhắc sáng ngày hạn: không; quá "
                   "hạn nhắc mỗi 3 ngày làm việc, tối đa 3 lần. Nhắc lúc 08:00 các ngày làm việc.\nĐã lưu.\n")
    code, out, _ = run(capsys, "deadline", "policy", "--deadline", "3", "--overdue-times", "1", "--before", "")
    assert code == 0
    assert out.startswith(f"Lịch nhắc của hạn nộp #3 «{YEAR_END}»: nhắc trước hạn (không) ngày làm việc; nhắc sáng "
                          "ngày hạn: không; quá hạn nhắc mỗi 3 ngày làm việc, tối đa 1 lần.")
    assert run(capsys, "deadline", "policy", "--deadline", "3", "--block", "9")[2] == "Không tìm thấy khối 9.\n"

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
        0, f"Đã ghi {out_file}: 11 đơn vị, 4 hạn nộp.\n", "")
    sheet = load_workbook(out_file).active
    assert sheet["A1"].value == text("export.submissions_title", block="KHỐI THI ĐUA VĂN HÓA - XÃ HỘI", year=2026)
    assert [sheet.cell(r, 2).value for r in (6, 16)] == ["BHXH", "LDTBXH"]
    assert sheet.cell(6, 5).value == "Chưa nộp"

    themes = tmp_path / "chu-de.XLSX"
    assert run(capsys, "export", "themes", "--out", str(themes), "--block", BLOCK) == (
        0, f"Đã ghi {themes}: 0/11 đơn vị đã đăng ký chủ đề thi đua.\n", "")
    assert load_workbook(themes).active.cell(4, 3).value == "Chủ đề thi đua"
    assert audit() == [("operator", "export")] * 2
