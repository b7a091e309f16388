"""Text from people and files stays text in every XLSX we write, never a formula (issue 10).

Each file is read back with openpyxl (the value unchanged, the cell typed as a string) and its sheet XML
is searched for a formula element, since openpyxl reads an `<f>` back as the same "=…" string.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from datetime import UTC, datetime
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlmodel import select

from bot.cli import main
from handlers.core.office.xlsx_text import put_cell
from handlers.deadlines import exports
from handlers.term.block_file.read import load_block_file
from handlers.term.block_file.xlsx import block_xlsx_bytes
from storage.models import AssessmentLine, Deadline, Submission, Unit
from storage.uow import UnitOfWork
from tests.cli_helpers import cli_env, db, run
from tests.conftest import ROOT, SAMPLE_BLOCK
from tests.integration.test_scoring_exports import add_assessment, add_sample_sheet, full_marks
from tests.office_files import write_yaml, yaml_data

FORMULAS = ['=HYPERLINK("https://evil.example","Bấm vào đây")', "+1", "-2", "@x", "=1+1", "=cmd|' /C calc'!A0"]
FORMULA_ELEMENT = re.compile(rb"<(\w+:)?f[ >/]")


def formula_free(content: bytes) -> bool:
    with zipfile.ZipFile(BytesIO(content)) as book:
        sheets = [name for name in book.namelist() if name.startswith("xl/worksheets/")]
        assert sheets
        return not any(FORMULA_ELEMENT.search(book.read(name)) for name in sheets)


def text_cells(content: bytes) -> dict[str, str]:
    """Every string cell of every sheet, by its value; each checked to be typed as a string."""
    found: dict[str, str] = {}
    for sheet in load_workbook(BytesIO(content)).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (cell.coordinate, cell.value, cell.data_type)
                    found[cell.value] = f"{sheet.title}!{cell.coordinate}"
    return found


def assert_literal(content: bytes, *texts: str) -> None:
    assert formula_free(content)
    cells = text_cells(content)
    for text in texts:
        assert text in cells, f"{text!r} is not a text cell"


@pytest.fixture
def formula_block(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample block imported from a file whose block and unit names look like formulas."""
    cli_env(tmp_path, monkeypatch)
    data = yaml_data(SAMPLE_BLOCK)
    data["block"]["name"] = "=HYPERLINK(\"https://evil.example\",\"Khối\")"
    for unit, name in zip(data["units"], FORMULAS[1:], strict=False):
        unit["name"] = f"{name} {unit['name']}" if name.startswith("=") else name
    path = write_yaml(tmp_path / "khoi.yaml", data)
    shutil.copy(ROOT / "samples" / "criteria-2026.yaml", tmp_path / "criteria-2026.yaml")
    assert main(["block", "import", str(path)]) == 0
    return path


async def _themes_and_explanations(uow: UnitOfWork) -> None:
    [block] = await uow.directory.blocks()
    assert block.id is not None
    term = await uow.directory.current_term(block.id)
    assert term is not None and term.id is not None
    [covenant] = [d for d in await uow.deadlines.of_term(term.id) if d.kind == "covenant"]
    units = await uow.directory.units(block.id)
    for unit, theme in zip(units, FORMULAS, strict=False):
        assert covenant.id is not None and unit.id is not None
        await uow.deadlines.submit(Submission(deadline_id=covenant.id, unit_id=unit.id, kind="theme", theme=theme,
                                              submitted_at=datetime(2026, 3, 10, 2, tzinfo=UTC)))
        await uow.flush()
    sheet = await add_sample_sheet(uow, block.id, datetime.now(UTC))
    await add_assessment(uow, sheet, "YTE", full_marks())
    lines = (await uow.session.exec(select(AssessmentLine))).all()
    for line, text in zip(lines, FORMULAS, strict=False):
        line.explanation = text
        line.check_reason = text
        uow.session.add(line)


def test_the_exports_keep_formula_like_texts_as_text(formula_block: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    db(_themes_and_explanations)
    names = yaml_data(formula_block)
    unit_names = [u["name"] for u in names["units"]][:len(FORMULAS) - 1]
    themes, submissions, unit = tmp_path / "themes.xlsx", tmp_path / "submissions.xlsx", tmp_path / "yte.xlsx"
    assert run(capsys, "export", "themes", "--out", str(themes))[0] == 0
    assert run(capsys, "export", "submissions", "--out", str(submissions))[0] == 0
    assert run(capsys, "scores", "export-unit", "YTE", "--out", str(unit))[0] == 0
    assert run(capsys, "scores", "export", "--out", str(tmp_path / "summary.xlsx"))[0] == 0

    assert_literal(themes.read_bytes(), *FORMULAS, *unit_names)
    assert_literal(submissions.read_bytes(), *unit_names)
    assert_literal(unit.read_bytes(), *FORMULAS)
    assert_literal((tmp_path / "summary.xlsx").read_bytes(), *unit_names)
    # the block's name is in the titles: literal text too, whatever the title around it
    title = load_workbook(themes).active["A1"]
    assert title.data_type == "s" and names["block"]["name"].upper() in str(title.value)


def test_the_block_file_template_keeps_names_as_text(formula_block: Path) -> None:
    spec = load_block_file(formula_block)
    content = block_xlsx_bytes(spec)
    assert_literal(content, spec.name, *(u.name for u in spec.units))


readable = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t"), min_size=1)
formula_like = st.builds(lambda lead, rest: lead + rest, st.sampled_from("=+-@"), readable)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(theme=formula_like | readable, unit_name=formula_like | readable)
def test_any_theme_and_unit_name_come_back_unchanged(theme: str, unit_name: str) -> None:
    unit = Unit(id=1, block_id=1, code="U1", name=unit_name)
    covenant = Deadline(id=1, term_id=1, kind="covenant", title="Giao ước", due_at=datetime(2026, 3, 15, tzinfo=UTC))
    theme_row = Submission(deadline_id=1, unit_id=1, kind="theme", theme=theme,
                           submitted_at=datetime(2026, 3, 10, tzinfo=UTC))
    report = exports.BlockReport("Khối", 2026, datetime(2026, 11, 23, tzinfo=UTC), [unit], [covenant],
                                 {(1, 1): theme_row})
    content = exports.themes_workbook(report)
    assert formula_free(content)
    sheet = load_workbook(BytesIO(content)).active
    row = exports.HEADER_ROW + 1
    assert (sheet.cell(row, 2).value, sheet.cell(row, 3).value) == (unit_name, theme)
    assert sheet.cell(row, 2).data_type == sheet.cell(row, 3).data_type == "s"


def test_put_cell_drops_what_xml_cannot_hold_and_keeps_numbers() -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    put_cell(sheet, 1, 1, "=A\x00B\x1f")
    put_cell(sheet, 1, 2, Decimal("9.5"))
    put_cell(sheet, 1, 3, 7)
    out = BytesIO()
    book.save(out)
    back = load_workbook(BytesIO(out.getvalue())).active
    assert [back.cell(1, c).value for c in (1, 2, 3)] == ["=AB", 9.5, 7]
    assert [back.cell(1, c).data_type for c in (1, 2, 3)] == ["s", "n", "n"]
