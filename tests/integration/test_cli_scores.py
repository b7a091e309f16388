"""`thidua scores …` against a real SQLite database in a temporary data folder: progress, ranking,
exports, and the cross-check imported from a unit's exported sheet."""

from __future__ import annotations

from datetime import datetime
from io import BytesIO
from pathlib import Path
from typing import Any, TypeVar

import pytest
from openpyxl import load_workbook

from bot.cli import main
from handlers.scoring import board as data
from storage.models import ChatAccount, Contact
from storage.uow import UnitOfWork
from tests.cli_helpers import cli_env, db, run
from tests.conftest import SAMPLE_BLOCK
from tests.integration.test_scoring_exports import BHXH_CHECK, add_assessment, add_sample_sheet, full_marks

BLOCK = "Khối thi đua Văn hóa - Xã hội"
T = TypeVar("T")


async def _seed(uow: UnitOfWork) -> None:
    [block] = await uow.directory.blocks()
    assert block.id is not None
    sheet = await add_sample_sheet(uow, block.id, datetime.now().astimezone())
    await add_assessment(uow, sheet, "BHXH", full_marks({"1.2": BHXH_CHECK}))
    await add_assessment(uow, sheet, "YTE", full_marks({"1.1": "23"}), late=True)
    await add_assessment(uow, sheet, "GDDT", full_marks({"1.1": "20", "T2": "5", "D1": "1"}))
    await add_assessment(uow, sheet, "KHCN", {"1.1": "20"}, status="draft")
    unit = await uow.directory.unit_by_code(block.id, "YTE")
    assert unit is not None
    contact = Contact(block_id=block.id, unit_id=unit.id, role="unit", full_name="Trần Văn Bình",
                      position="Chuyên viên", phone="0987654321", registered_at=datetime.now().astimezone())
    uow.directory.add(contact)
    await uow.flush()
    assert contact.id is not None
    uow.directory.add(ChatAccount(contact_id=contact.id, channel="telegram", user_id="777", chat_id="777"))


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    data = cli_env(tmp_path, monkeypatch)
    assert main(["block", "import", str(SAMPLE_BLOCK)]) == 0
    db(_seed)
    capsys.readouterr()
    return data


def outbox() -> list[tuple[str, str]]:
    async def action(uow: UnitOfWork) -> list[tuple[str, str]]:
        return [(m.chat_id, m.text) for m in await uow.outbox.pending()]

    return db(action)


def board() -> data.ScoreBoard:
    async def action(uow: UnitOfWork) -> data.ScoreBoard:
        [block] = await uow.directory.blocks()
        loaded = await data.load(uow, block.id or 0, datetime.now().astimezone())
        assert isinstance(loaded, data.ScoreBoard)
        return loaded

    return db(action)


def audit() -> list[tuple[str, str, Any]]:
    async def action(uow: UnitOfWork) -> list[tuple[str, str, Any]]:
        return [(e.actor, e.action, e.detail.get("criterion") or e.detail.get("file"))
                for e in await uow.audit.entries() if e.action not in ("import_block", "import_sheet")]

    return db(action)


def test_progress_and_ranking(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "scores", "progress")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:3] == [f"📊 Điểm thi đua năm 2026 của {BLOCK}",
                         "Bảng tiêu chí chấm điểm thi đua năm 2026 (tối đa 100 điểm, bước 0,5):",
                         "• Bảo hiểm Xã hội tỉnh: ✅ đã nộp 27/11/2026 10:00 · đã kiểm tra 1/16"]
    # the command line runs on today's date: after the due date (30/11/2026) these lines also say "quá hạn"
    assert lines[3].startswith("• Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh: ⬜ chưa chấm")
    assert any(line.startswith("• Sở Khoa học và Công nghệ: ✏️ đang chấm 1/16 tiêu chí") for line in lines)
    assert lines[-1] == "Đã nộp 3/11 · đang chấm 1 · chưa chấm 7."
    code, out, _ = run(capsys, "scores", "ranking", "--block", BLOCK)
    assert code == 0
    assert out.splitlines()[:4] == [
        f"🏆 Xếp hạng thi đua năm 2026 của {BLOCK} theo điểm cuối cùng (3/11 đơn vị đã nộp):",
        "1. Sở Giáo dục và Đào tạo: 99 điểm (tự chấm 99)",
        "2. Bảo hiểm Xã hội tỉnh: 98 điểm (tự chấm 99,5) ⚖️ đồng điểm — bình xét bằng biểu quyết",
        "2. Sở Y tế: 98 điểm (tự chấm 98) ⚖️ đồng điểm — bình xét bằng biểu quyết"]


def test_exports(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_path = tmp_path / "tong-hop.xlsx"
    assert run(capsys, "scores", "export", "--out", str(out_path)) == (
        0, f"Đã ghi {out_path}: tổng hợp điểm, 3/11 đơn vị đã nộp.\n", "")
    ranking = load_workbook(out_path)["Xếp hạng"]
    assert [[c.value for c in row][:5] for row in ranking.iter_rows(min_row=5, max_row=7)] == [
        [1, "GDDT", "Sở Giáo dục và Đào tạo", 99, 99], [2, "BHXH", "Bảo hiểm Xã hội tỉnh", 99.5, 98],
        [2, "YTE", "Sở Y tế", 98, 98]]
    unit_path = tmp_path / "yte.xlsx"
    assert run(capsys, "scores", "export-unit", "yte", "--out", str(unit_path)) == (
        0, f"Đã ghi {unit_path}: bảng tự chấm điểm của Sở Y tế.\n", "")
    sheet = load_workbook(unit_path).active
    assert [sheet.cell(7, c).value for c in range(1, 8)] == [
        "1.1", "Hoàn thành các chỉ tiêu, nhiệm vụ chuyên môn theo kế hoạch năm", 25, 23, "Giải trình 1.1", None, None]
    assert audit() == [("operator", "export", "tong-hop.xlsx"), ("operator", "export", "yte.xlsx")]


def _fill(path: Path, cells: dict[tuple[int, int], Any]) -> None:
    book = load_workbook(path)
    for (row, col), value in cells.items():
        book.active.cell(row, col, value)
    book.save(path)


def test_import_check_round_trip(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "yte.xlsx"
    assert run(capsys, "scores", "export-unit", "YTE", "--out", str(path))[0] == 0
    _fill(path, {(7, 6): "21,5", (7, 7): "Chưa hoàn thành 2 chỉ tiêu", (8, 6): 10})
    code, out, err = run(capsys, "scores", "import-check", str(path), "--unit", "YTE")
    assert (code, err) == (0, "")
    assert out == (f"Đã nhập kết quả kiểm tra chéo của Sở Y tế từ {path}: 2 tiêu chí thay đổi, 1 điều chỉnh so với "
                   "điểm tự chấm. Tổng điểm sau kiểm tra 96,5 (tự chấm 98). Đã gửi thông báo tới 1 đầu mối của "
                   "đơn vị.\n")
    assert outbox() == [("777", f"📝 Thường trực {BLOCK} đã kiểm tra chéo bảng tự chấm điểm của Sở Y tế:\n"
                                "• 1.1 Hoàn thành các chỉ tiêu, nhiệm vụ chuyên môn theo kế hoạch năm: tự chấm 23 → "
                                "kiểm tra 21,5. Lý do: Chưa hoàn thành 2 chỉ tiêu\n"
                                "Tổng điểm sau kiểm tra: 96,5 (tự chấm 98).")]
    loaded = board()
    yte = loaded.unit("YTE")
    assert yte is not None and loaded.mark(yte, "1.1").checked == 21.5 and loaded.mark(yte, "1.2").checked == 10
    assert audit()[-3:] == [("operator", "check_score", "1.1"), ("operator", "check_score", "1.2"),
                            ("operator", "import_check", "yte.xlsx")]
    # the same file again changes nothing and tells nobody
    assert run(capsys, "scores", "import-check", str(path), "--unit", "YTE")[1].startswith(
        f"Đã nhập kết quả kiểm tra chéo của Sở Y tế từ {path}: 0 tiêu chí thay đổi, 0 điều chỉnh")
    assert len(outbox()) == 1
    code, out, _ = run(capsys, "scores", "ranking")
    assert out.splitlines()[1:4] == ["1. Sở Giáo dục và Đào tạo: 99 điểm (tự chấm 99)",
                                     "2. Bảo hiểm Xã hội tỉnh: 98 điểm (tự chấm 99,5)",
                                     "3. Sở Y tế: 96,5 điểm (tự chấm 98)"]


def test_import_check_with_a_bad_row_changes_nothing(data_dir: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "yte.xlsx"
    assert run(capsys, "scores", "export-unit", "YTE", "--out", str(path))[0] == 0
    _fill(path, {(7, 6): 22, (7, 7): "Chưa hoàn thành 2 chỉ tiêu", (12, 6): 8, (13, 6): "4,7"})
    code, out, err = run(capsys, "scores", "import-check", str(path), "--unit", "YTE")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"Tệp {path} có 2 lỗi:",
        "  Dòng 12 (tiêu chí 2.1), cột «Lý do»: cần ghi lý do vì điểm kiểm tra 8 khác điểm tự chấm 10.",
        "  Dòng 13 (tiêu chí 2.2), cột «Điểm kiểm tra»: «4,7» không đúng bước 0,5; gần nhất là 4,5 hoặc 5.",
        "Không thay đổi gì."]
    yte = board().unit("YTE")
    assert yte is not None and board().mark(yte, "1.1").checked is None
    assert outbox() == [] and audit() == [("operator", "export", "yte.xlsx")]
    code, _, err = run(capsys, "scores", "import-check", str(path), "--unit", "BHXH")
    assert (code, err) == (2, f"Tệp {path} có 1 lỗi:\n  Tệp này là bảng tự chấm điểm của đơn vị YTE, không phải của "
                              "BHXH.\nKhông thay đổi gì.\n")


@pytest.mark.parametrize(("argv", "error"), [
    (["scores", "import-check", "yte.xlsx"],
     "Thiếu --unit: mã đơn vị có bảng tự chấm điểm cần nhập kết quả kiểm tra.\n"),
    (["scores", "import-check", "khong-co.xlsx", "--unit", "YTE"], "PATH: không có tệp khong-co.xlsx.\n"),
    (["scores", "import-check", "yte.xlsx", "--unit", "XYZ"],
     f"--unit: {BLOCK} không có đơn vị mã «XYZ». Các mã đơn vị: BHXH, CDNDTNT, CDCD, VHTTDL, TTTT, KHCN, YTE, BDT, "
     "GDDT, PTTH, LDTBXH.\n"),
    (["scores", "import-check", "yte.xlsx", "--unit", "KHCN"],
     "Sở Khoa học và Công nghệ chưa nộp bảng tự chấm điểm (hoặc đã được mở lại) nên chưa kiểm tra chéo được.\n"),
    (["scores", "export", "--out", "tong-hop.csv"], "--out phải là một tệp .xlsx: «tong-hop.csv».\n"),
    (["scores", "export-unit", "ABC", "--out", "x.xlsx"],
     f"CODE: {BLOCK} không có đơn vị mã «ABC». Các mã đơn vị: BHXH, CDNDTNT, CDCD, VHTTDL, TTTT, KHCN, YTE, BDT, "
     "GDDT, PTTH, LDTBXH.\n"),
    (["scores", "ranking", "--block", "Khối khác"], "Không tìm thấy khối Khối khác.\n"),
])
def test_bad_input_is_named(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
                            error: str) -> None:
    (tmp_path / "yte.xlsx").write_bytes(BytesIO(b"x").getvalue())
    assert run(capsys, *argv) == (2, "", error)
    assert audit() == []
