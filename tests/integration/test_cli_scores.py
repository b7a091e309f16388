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
from handlers.core.catalog import text
from handlers.scoring import board as data
from storage.models import ChatAccount, Contact
from storage.uow import UnitOfWork
from tests.cli_helpers import cli_env, db, run
from tests.conftest import SAMPLE_BLOCK
from tests.integration.test_scoring_exports import BHXH_CHECK, add_assessment, add_sample_sheet, full_marks

BLOCK = "Khối thi đua Văn hóa - Xã hội"
SHEET_TITLE = "Bảng tiêu chí chấm điểm thi đua năm 2026"  # the sample sheet's title
UNIT_CODES = "BHXH, CDNDTNT, CDCD, VHTTDL, TTTT, KHCN, YTE, BDT, GDDT, PTTH, LDTBXH"
T = TypeVar("T")


def ranked(rank: int, unit: str, total: object, own: object, *, tie: bool = False) -> str:
    return text("sca.ranking_line", rank=rank, unit=unit, total=total, own=own, tie=text("sca.tie_tag") if tie else "")


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
    assert lines[:3] == [text("sca.overview_header", year=2026, block=BLOCK),
                         text("sca.overview_sheet", title=SHEET_TITLE, max=100, step="0,5"),
                         text("sca.p.submitted", unit="Bảo hiểm Xã hội tỉnh", at="27/11/2026 10:00", late="",
                              checked=text("sca.p.checked", done=1, total=16))]
    # the command line runs on today's date: after the due date (30/11/2026) these lines also say "quá hạn"
    assert lines[3].startswith(text("sca.p.not_started", unit="Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh"))
    khcn = text("sca.p.in_progress", unit="Sở Khoa học và Công nghệ", done=1, total=16)
    assert any(line.startswith(khcn) for line in lines)
    assert lines[-1] == text("sca.overview_counts", done=3, total=11, working=1, idle=7)
    code, out, _ = run(capsys, "scores", "ranking", "--block", BLOCK)
    assert code == 0
    assert out.splitlines()[:4] == [
        text("sca.ranking_header", year=2026, block=BLOCK, done=3, total=11),
        ranked(1, "Sở Giáo dục và Đào tạo", 99, 99),
        ranked(2, "Bảo hiểm Xã hội tỉnh", 98, "99,5", tie=True),
        ranked(2, "Sở Y tế", 98, 98, tie=True)]


def test_exports(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_path = tmp_path / "tong-hop.xlsx"
    assert run(capsys, "scores", "export", "--out", str(out_path)) == (
        0, text("sca.cli.written_summary", path=out_path, done=3, total=11) + "\n", "")
    ranking = load_workbook(out_path)[text("sca.x.sheet_ranking")]
    assert [[c.value for c in row][:5] for row in ranking.iter_rows(min_row=5, max_row=7)] == [
        [1, "GDDT", "Sở Giáo dục và Đào tạo", 99, 99], [2, "BHXH", "Bảo hiểm Xã hội tỉnh", 99.5, 98],
        [2, "YTE", "Sở Y tế", 98, 98]]
    unit_path = tmp_path / "yte.xlsx"
    assert run(capsys, "scores", "export-unit", "yte", "--out", str(unit_path)) == (
        0, text("sca.cli.written_unit", path=unit_path, unit="Sở Y tế") + "\n", "")
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
    assert out == text("sca.cli.imported", unit="Sở Y tế", path=path, changed=2, adjusted=1, final="96,5", own=98,
                       told=text("sca.told", count=1)) + "\n"
    assert outbox() == [("777", "\n".join([
        text("sca.notice_checked", block=BLOCK, unit="Sở Y tế"),
        text("sca.change_line", code="1.1", text="Hoàn thành các chỉ tiêu, nhiệm vụ chuyên môn theo kế hoạch năm",
             own=23, checked="21,5", reason="Chưa hoàn thành 2 chỉ tiêu"),
        text("sca.notice_total", final="96,5", own=98)]))]
    loaded = board()
    yte = loaded.unit("YTE")
    assert yte is not None and loaded.mark(yte, "1.1").checked == 21.5 and loaded.mark(yte, "1.2").checked == 10
    assert audit()[-3:] == [("operator", "check_score", "1.1"), ("operator", "check_score", "1.2"),
                            ("operator", "import_check", "yte.xlsx")]
    # the same file again changes nothing and tells nobody
    nothing = text("sca.cli.imported", unit="Sở Y tế", path=path, changed=0, adjusted=0, final="96,5", own=98, told="")
    assert run(capsys, "scores", "import-check", str(path), "--unit", "YTE")[1] == nothing.strip() + "\n"
    assert len(outbox()) == 1
    code, out, _ = run(capsys, "scores", "ranking")
    assert out.splitlines()[1:4] == [ranked(1, "Sở Giáo dục và Đào tạo", 99, 99),
                                     ranked(2, "Bảo hiểm Xã hội tỉnh", 98, "99,5"),
                                     ranked(3, "Sở Y tế", "96,5", 98)]


def test_import_check_with_a_bad_row_changes_nothing(data_dir: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "yte.xlsx"
    assert run(capsys, "scores", "export-unit", "YTE", "--out", str(path))[0] == 0
    _fill(path, {(7, 6): 22, (7, 7): "Chưa hoàn thành 2 chỉ tiêu", (12, 6): 8, (13, 6): "4,7"})
    code, out, err = run(capsys, "scores", "import-check", str(path), "--unit", "YTE")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        text("sca.cli.import_errors", path=path, count=2),
        "  " + text("sca.imp.reason_missing", row=12, code="2.1", checked=8, own=10),
        "  " + text("sca.imp.off_step", row=13, code="2.2", value="4,7", step="0,5", nearest="4,5 hoặc 5"),
        text("sca.cli.nothing_changed")]
    yte = board().unit("YTE")
    assert yte is not None and board().mark(yte, "1.1").checked is None
    assert outbox() == [] and audit() == [("operator", "export", "yte.xlsx")]
    code, _, err = run(capsys, "scores", "import-check", str(path), "--unit", "BHXH")
    assert (code, err) == (2, "\n".join([text("sca.cli.import_errors", path=path, count=1),
                                         "  " + text("sca.imp.other_unit", other="YTE", unit="BHXH"),
                                         text("sca.cli.nothing_changed")]) + "\n")


@pytest.mark.parametrize(("argv", "error"), [
    (["scores", "import-check", "yte.xlsx"],
     text("dl.cli.missing", arg="--unit", hint=text("sca.cli.hint_unit")) + "\n"),
    (["scores", "import-check", "khong-co.xlsx", "--unit", "YTE"],
     text("sca.cli.no_file", path="khong-co.xlsx") + "\n"),
    (["scores", "import-check", "yte.xlsx", "--unit", "XYZ"],
     text("sca.cli.unknown_unit", arg="--unit", block=BLOCK, code="XYZ", codes=UNIT_CODES) + "\n"),
    (["scores", "import-check", "yte.xlsx", "--unit", "KHCN"],
     text("sca.cli.not_submitted", unit="Sở Khoa học và Công nghệ") + "\n"),
    (["scores", "export", "--out", "tong-hop.csv"], text("export.cli.bad_out", value="tong-hop.csv") + "\n"),
    (["scores", "export-unit", "ABC", "--out", "x.xlsx"],
     text("sca.cli.unknown_unit", arg="CODE", block=BLOCK, code="ABC", codes=UNIT_CODES) + "\n"),
    (["scores", "ranking", "--block", "Khối khác"], text("cli.unknown_block", block="Khối khác") + "\n"),
])
def test_bad_input_is_named(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
                            error: str) -> None:
    (tmp_path / "yte.xlsx").write_bytes(BytesIO(b"x").getvalue())
    assert run(capsys, *argv) == (2, "", error)
    assert audit() == []
