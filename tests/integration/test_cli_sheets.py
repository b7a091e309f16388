"""`thidua sheet …`, and the sheet `thidua block import` brings along, against SQLite in a temporary folder."""

from __future__ import annotations

import copy
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from handlers.core.catalog import text
from handlers.scoring.sheet_file.read import load_criteria_file, write_criteria_xlsx
from storage.models import Assessment, ChatAccount, Contact
from tests.cli_helpers import cli_env, db, run
from tests.conftest import ROOT, SAMPLE_BLOCK

SAMPLE_SHEET = ROOT / "samples" / "criteria-2026.yaml"
TITLE = "Bảng tiêu chí chấm điểm thi đua năm 2026"
BLOCK = "Khối thi đua Văn hóa - Xã hội"
CREATED = (f"Đã nhập bảng tiêu chí «{TITLE}» cho {BLOCK} (năm 2026), phiên bản 1: 4 mục, 12 tiêu chí "
           "(tổng 100 điểm), 2 điểm thưởng, 2 điểm trừ, bước điểm 0,5.")
UNCHANGED = text("sheet.cli.unchanged", block=BLOCK, title=TITLE, version=1, year=2026)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return cli_env(tmp_path, monkeypatch)


def sheet_data() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(SAMPLE_SHEET.read_text(encoding="utf-8"))
    return copy.deepcopy(data)


def write_yaml(path: Path, data: object) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def block_without_sheet(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The sample block imported from a folder where its criteria file is missing."""
    folder = tmp_path / "only-block"
    folder.mkdir()
    shutil.copy(SAMPLE_BLOCK, folder / SAMPLE_BLOCK.name)
    code, _out, err = run(capsys, "block", "import", str(folder / SAMPLE_BLOCK.name))
    assert code == 0
    assert "Cảnh báo: không có tệp bảng tiêu chí" in err and "criteria-2026.yaml" in err


def test_block_import_brings_the_sheet_beside_it(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "block", "import", str(SAMPLE_BLOCK))
    assert code == 0 and err == ""
    assert out.splitlines()[1] == CREATED
    code, out, _ = run(capsys, "block", "import", str(SAMPLE_BLOCK))
    assert code == 0
    assert "hạn nộp: thêm 0, cập nhật 0." in out and out.splitlines()[1] == UNCHANGED
    code, out, _ = run(capsys, "sheet", "show")
    assert code == 0 and out.startswith(f"{TITLE}\n{BLOCK}, năm 2026 · phiên bản 1 · bước điểm 0,5\n")

    async def self_assessment(uow: Any) -> str | None:
        [block] = await uow.directory.blocks()
        term = await uow.directory.current_term(block.id)
        return next(d.sheet for d in await uow.deadlines.of_term(term.id) if d.kind == "self_assessment")

    assert db(self_assessment) == TITLE


def test_block_import_without_the_sheet_file_warns(data_dir: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    block_without_sheet(capsys, tmp_path)
    code, _out, err = run(capsys, "sheet", "show")
    assert code == 2
    assert err.strip() == f"{BLOCK} (năm 2026) chưa có bảng tiêu chí. Nhập bằng: thidua sheet import ĐƯỜNG_DẪN"


def test_block_import_with_a_bad_sheet_beside_changes_nothing(data_dir: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    shutil.copy(SAMPLE_BLOCK, folder / SAMPLE_BLOCK.name)
    data = sheet_data()
    data["bonus"][0]["code"] = "1.1"
    write_yaml(folder / "criteria-2026.yaml", data)
    code, out, err = run(capsys, "block", "import", str(folder / SAMPLE_BLOCK.name))
    assert code == 2 and out == ""
    assert "có lỗi, không thay đổi gì" in err
    assert 'bonus[0].code: mã tiêu chí "1.1" bị trùng (đã có ở sections[0].criteria[0])' in err
    assert run(capsys, "invites")[0] == 2  # no block was stored


def test_sheet_import_and_show(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    block_without_sheet(capsys, tmp_path)
    code, out, err = run(capsys, "sheet", "import", str(SAMPLE_SHEET))
    assert code == 0 and err == ""
    assert out.splitlines() == [CREATED, f"Hạn nộp tự chấm điểm nay dùng bảng «{TITLE}»."]
    assert run(capsys, "sheet", "import", str(SAMPLE_SHEET), "--block", BLOCK)[1].strip() == UNCHANGED

    code, out, _ = run(capsys, "sheet", "show", "--block", BLOCK)
    assert code == 0
    lines = out.splitlines()
    assert lines[:4] == [TITLE, f"{BLOCK}, năm 2026 · phiên bản 1 · bước điểm 0,5", "",
                         "I. Thực hiện nhiệm vụ chính trị, chuyên môn được giao (55 điểm)"]
    assert "  1.1  Hoàn thành các chỉ tiêu, nhiệm vụ chuyên môn theo kế hoạch năm · tối đa 25" in lines
    assert "IV. Tham gia hoạt động của Khối thi đua (10 điểm)" in lines
    assert sum(1 for line in lines if line.startswith("  ") and "· tối đa" in line) == 16
    assert text("sheet.show.base_total", total=100) in lines
    bonus, deductions = lines.index(text("sheet.show.bonus", total=15)), lines.index(text("sheet.show.deductions",
                                                                                          total=15))
    assert lines[bonus + 1].startswith("  T1  Được tặng Cờ thi đua") and lines[bonus + 1].endswith("tối đa 10")
    assert lines[deductions + 2].startswith("  D2  Có cán bộ") and lines[-1] == lines[deductions + 2]


def test_sheet_import_from_excel_with_vietnamese_decimals(data_dir: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    block_without_sheet(capsys, tmp_path)
    data = sheet_data()
    data["sheet"]["step"] = "0,25"
    data["sections"][0]["criteria"][0]["max"] = "24,75"
    data["sections"][0]["criteria"][1]["max"] = "10.25"
    xlsx = tmp_path / "tieu-chi.xlsx"
    write_criteria_xlsx(load_criteria_file(write_yaml(tmp_path / "s.yaml", data)), xlsx)
    code, out, _ = run(capsys, "sheet", "import", str(xlsx))
    assert code == 0 and "(tổng 100 điểm)" in out and "bước điểm 0,25" in out
    out = run(capsys, "sheet", "show")[1]
    assert "· tối đa 24,75" in out and "· tối đa 10,25" in out and "bước điểm 0,25" in out


def test_a_bad_sheet_is_refused_and_changes_nothing(data_dir: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "block", "import", str(SAMPLE_BLOCK))[0] == 0
    before = run(capsys, "sheet", "show")[1]
    data = sheet_data()
    data["sheet"]["step"] = "0"
    data["sections"][1]["criteria"][2]["text"] = " "
    data["sections"][2]["criteria"][0]["max"] = "5,3"
    data["deductions"][0]["code"] = "T2"
    code, out, err = run(capsys, "sheet", "import", str(write_yaml(tmp_path / "bad.yaml", data)))
    assert code == 2 and out == ""
    assert err.splitlines() == [
        f"Tệp {tmp_path / 'bad.yaml'} có lỗi, không thay đổi gì:",
        text("sheet_file.errors_header", count=3),
        '- sheet.step: phải lớn hơn 0 (đang là "0")',
        "- sections[1].criteria[2].text: bắt buộc nhưng đang để trống",
        '- deductions[0].code: mã tiêu chí "T2" bị trùng (đã có ở bonus[1])',
    ]  # with no valid step, 5,3 cannot be judged against it
    data["sheet"]["step"] = "0,5"
    err = run(capsys, "sheet", "import", str(write_yaml(tmp_path / "bad.yaml", data)))[2]
    assert "- sections[2].criteria[0].max: điểm tối đa 5,3 không phải là bội số của bước điểm 0,5" in err
    assert run(capsys, "sheet", "show")[1] == before


def test_sheet_import_needs_a_block_and_a_readable_file(data_dir: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "sheet", "import", str(SAMPLE_SHEET))
    assert code == 2 and "Chưa có khối nào" in err
    assert run(capsys, "sheet", "show")[0] == 2
    code, _out, err = run(capsys, "sheet", "import", str(tmp_path / "khong-co.yaml"))
    assert code == 2 and "không tìm thấy tệp khong-co.yaml" in err
    assert run(capsys, "block", "import", str(SAMPLE_BLOCK))[0] == 0
    code, _out, err = run(capsys, "sheet", "import", str(SAMPLE_SHEET), "--block", "Khối khác")
    assert code == 2 and text("cli.unknown_block", block="Khối khác") in err


def test_a_new_version_when_units_started_tells_their_contacts(data_dir: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "block", "import", str(SAMPLE_BLOCK))[0] == 0

    async def started(uow: Any) -> None:
        [block] = await uow.directory.blocks()
        unit = await uow.directory.unit_by_code(block.id, "YTE")
        contact = Contact(block_id=block.id, unit_id=unit.id, role="unit", full_name="Trần Văn Bình",
                          position="Chuyên viên", phone="0987654321", registered_at=datetime.now().astimezone())
        uow.directory.add(contact)
        await uow.directory.flush()
        uow.directory.add(ChatAccount(contact_id=contact.id, channel="telegram", user_id="501", chat_id="501"))
        term = await uow.directory.current_term(block.id)

        sheet = await uow.scoring.active_sheet(term.id)
        uow.session.add(Assessment(sheet_id=sheet.id, unit_id=unit.id, updated_at=datetime.now().astimezone()))

    db(started)
    data = sheet_data()
    data["sections"][0]["criteria"][0]["max"] = "20"
    data["sections"][0]["criteria"][1]["max"] = "15"
    code, out, _ = run(capsys, "sheet", "import", str(write_yaml(tmp_path / "v2.yaml", data)))
    assert code == 0
    assert out.startswith(f"Đã tạo phiên bản 2 của bảng tiêu chí «{TITLE}» cho {BLOCK} (năm 2026) vì 1 đơn vị "
                          "đã bắt đầu chấm điểm; phiên bản 1 được giữ lại.")
    assert out.strip().endswith("Đã báo 1 đầu mối.")
    show = run(capsys, "sheet", "show")[1]
    assert "phiên bản 2" in show and text("sheet.show.older", versions=1) in show and "· tối đa 20" in show

    async def pending(uow: Any) -> list[tuple[str, str]]:
        return [(m.chat_id, m.text) for m in await uow.outbox.pending()]

    [(chat, said)] = db(pending)
    assert chat == "501" and "(phiên bản 2)" in said and "Mời Sở Y tế kiểm tra lại" in said

    async def submitted(uow: Any) -> None:  # Sở Y tế submits on version 2
        [block] = await uow.directory.blocks()
        unit = await uow.directory.unit_by_code(block.id, "YTE")

        sheet = await uow.scoring.active_sheet((await uow.directory.current_term(block.id)).id)
        now = datetime.now().astimezone()
        uow.session.add(Assessment(sheet_id=sheet.id, unit_id=unit.id, status="submitted", updated_at=now,
                                   submitted_at=now))

    db(submitted)
    data["sections"][0]["criteria"][0]["max"] = "15"
    data["sections"][0]["criteria"][1]["max"] = "20"
    code, out, _ = run(capsys, "sheet", "import", str(write_yaml(tmp_path / "v3.yaml", data)))
    assert code == 0 and out.startswith(f"Đã tạo phiên bản 3 của bảng tiêu chí «{TITLE}»")
    assert out.strip().endswith(text("sheet.cli.resubmit", count=1))
    texts = [said for _chat, said in db(pending)]
    assert "sau khi Sở Y tế đã nộp bảng tự chấm theo bảng cũ" in texts[-1]
