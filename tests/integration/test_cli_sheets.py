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
from handlers.scoring.rules.scores import show
from handlers.scoring.sheet_file.read import CriterionSpec, load_criteria_file, write_criteria_xlsx
from storage.models import Assessment, ChatAccount, Contact
from tests.cli_helpers import cli_env, db, run
from tests.conftest import ROOT, SAMPLE_BLOCK

SAMPLE_SHEET = ROOT / "samples" / "criteria-2026.yaml"
TITLE = "Bảng tiêu chí chấm điểm thi đua năm 2026"
BLOCK = "Khối thi đua Văn hóa - Xã hội"
SELF_ASSESSMENT = "Bảng tự chấm điểm thi đua năm 2026"  # the sample block's self-assessment deadline


def summary(step: str = "0,5") -> str:
    """The sample sheet in figures: 4 sections, 12 criteria worth 100 points, 2 bonus and 2 deduction lines."""
    return text("sheet.cli.summary", sections=4, criteria=12, total=100, bonus=2, deductions=2, step=step)


def created(step: str = "0,5") -> str:
    return text("sheet.cli.created", title=TITLE, block=BLOCK, year=2026, version=1, summary=summary(step))


def shown(criterion: CriterionSpec) -> str:
    """A criterion's line in `thidua sheet show`."""
    return text("sheet.show.line", code=criterion.code, text=criterion.text, max=show(criterion.max))


CREATED = created()
UNCHANGED = text("sheet.cli.unchanged", block=BLOCK, title=TITLE, version=1, year=2026)
HEADER = text("sheet.show.header", title=TITLE, block=BLOCK, year=2026, version=1, step="0,5")


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
    assert err.strip() == text("sheet.cli.beside_missing", path=folder / "criteria-2026.yaml", deadline=SELF_ASSESSMENT,
                               name="criteria-2026.yaml")


def test_block_import_brings_the_sheet_beside_it(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "block", "import", str(SAMPLE_BLOCK))
    assert code == 0 and err == ""
    assert out.splitlines()[1] == CREATED
    code, out, _ = run(capsys, "block", "import", str(SAMPLE_BLOCK))
    assert code == 0
    assert out.splitlines() == [text("cli.imported", block=BLOCK, year=2026, added=0, updated=0, retired=0,
                                     dl_added=0, dl_updated=0), UNCHANGED]
    code, out, _ = run(capsys, "sheet", "show")
    assert code == 0 and out.startswith(f"{HEADER}\n")

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
    assert err.strip() == text("sheet.cli.none", block=BLOCK, year=2026)


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
    assert err.splitlines() == [
        text("cli.file_error", path=folder / "criteria-2026.yaml"),
        f'bonus[0].code: {text("sheet_file.criterion_duplicate", value="1.1", first="sections[0].criteria[0]")}']
    assert run(capsys, "invites")[0] == 2  # no block was stored


def test_sheet_import_and_show(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    block_without_sheet(capsys, tmp_path)
    code, out, err = run(capsys, "sheet", "import", str(SAMPLE_SHEET))
    assert code == 0 and err == ""
    assert out.splitlines() == [CREATED, text("sheet.cli.linked", title=TITLE)]
    assert run(capsys, "sheet", "import", str(SAMPLE_SHEET), "--block", BLOCK)[1].strip() == UNCHANGED

    code, out, _ = run(capsys, "sheet", "show", "--block", BLOCK)
    assert code == 0
    lines = out.splitlines()
    spec = load_criteria_file(SAMPLE_SHEET)
    first, last = spec.sections[0], spec.sections[-1]
    assert lines[:4] == [*HEADER.splitlines(), "", text("sheet.show.section", code="I", title=first.title, total=55)]
    assert shown(first.criteria[0]) in lines
    assert text("sheet.show.section", code="IV", title=last.title, total=10) in lines
    criteria = [c for section in spec.sections for c in section.criteria] + [*spec.bonus, *spec.deductions]
    assert len(criteria) == 16 and all(lines.count(shown(c)) == 1 for c in criteria)
    assert text("sheet.show.base_total", total=100) in lines
    bonus, deductions = lines.index(text("sheet.show.bonus", total=15)), lines.index(text("sheet.show.deductions",
                                                                                          total=15))
    assert lines[bonus + 1] == shown(spec.bonus[0]) and spec.bonus[0].max == 10
    assert lines[deductions + 2] == shown(spec.deductions[1]) and lines[-1] == lines[deductions + 2]


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
    assert code == 0 and out.splitlines()[0] == created(step="0,25")
    out = run(capsys, "sheet", "show")[1]
    criteria = load_criteria_file(xlsx).sections[0].criteria
    assert f"\n{shown(criteria[0])}\n" in out and f"\n{shown(criteria[1])}\n" in out
    assert show(criteria[0].max) == "24,75" and show(criteria[1].max) == "10,25"
    assert out.startswith(text("sheet.show.header", title=TITLE, block=BLOCK, year=2026, version=1, step="0,25"))


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
        text("cli.file_error", path=tmp_path / "bad.yaml"),
        text("sheet_file.errors_header", count=3),
        f'- sheet.step: {text("sheet_file.not_positive", value="0")}',
        f'- sections[1].criteria[2].text: {text("sheet_file.required")}',
        f'- deductions[0].code: {text("sheet_file.criterion_duplicate", value="T2", first="bonus[1]")}',
    ]  # with no valid step, 5,3 cannot be judged against it
    data["sheet"]["step"] = "0,5"
    err = run(capsys, "sheet", "import", str(write_yaml(tmp_path / "bad.yaml", data)))[2]
    assert f'- sections[2].criteria[0].max: {text("sheet_file.off_step", value="5,3", step="0,5")}' in err.splitlines()
    assert run(capsys, "sheet", "show")[1] == before


def test_sheet_import_needs_a_block_and_a_readable_file(data_dir: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "sheet", "import", str(SAMPLE_SHEET))
    assert code == 2 and err.strip() == text("cli.no_block")
    assert run(capsys, "sheet", "show")[0] == 2
    code, _out, err = run(capsys, "sheet", "import", str(tmp_path / "khong-co.yaml"))
    assert code == 2 and text("sheet_file.file_missing", path="khong-co.yaml") in err.splitlines()
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
    assert out.splitlines() == [text("sheet.cli.new_version", version=2, title=TITLE, block=BLOCK, year=2026, units=1,
                                     old=1, summary=summary(), contacts=1)]
    sheet_shown = run(capsys, "sheet", "show")[1].splitlines()
    assert sheet_shown[:3] == [*text("sheet.show.header", title=TITLE, block=BLOCK, year=2026, version=2,
                                     step="0,5").splitlines(), text("sheet.show.older", versions=1)]
    assert shown(load_criteria_file(tmp_path / "v2.yaml").sections[0].criteria[0]) in sheet_shown

    async def pending(uow: Any) -> list[tuple[str, str]]:
        return [(m.chat_id, m.text) for m in await uow.outbox.pending()]

    [(chat, said)] = db(pending)
    assert chat == "501" and said == text("sheet.notice_new_version", block=BLOCK, title=TITLE, version=2,
                                          unit="Sở Y tế")

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
    assert code == 0 and out.splitlines() == [
        text("sheet.cli.new_version", version=3, title=TITLE, block=BLOCK, year=2026, units=1, old=2,
             summary=summary(), contacts=1), text("sheet.cli.resubmit", count=1)]
    texts = [said for _chat, said in db(pending)]
    assert texts[-1] == text("sheet.notice_resubmit", block=BLOCK, title=TITLE, version=3, unit="Sở Y tế")
