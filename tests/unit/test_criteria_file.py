"""Reading and validating criteria files (YAML and Excel) into a SheetSpec."""

from __future__ import annotations

import re
import tempfile
import unicodedata
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from handlers.core.catalog import EN, LANGUAGES, VI, placeholders, text
from handlers.scoring.sheet_file.read import (
    CriteriaFileError,
    CriterionSpec,
    SheetSpec,
    criteria_xlsx_bytes,
    load_criteria_file,
    spec_from_mapping,
    write_criteria_xlsx,
)
from tests import office_files
from tests.office_files import workbook, yaml_data

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "criteria-2026.yaml"
SOURCES = sorted([*ROOT.joinpath("handlers", "scoring", "sheet_file").glob("*.py"),
                  *ROOT.joinpath("handlers", "core", "office").glob("*.py")])


def sample_data() -> dict[str, Any]:
    return yaml_data(SAMPLE)


def write_yaml(tmp_path: Path, data: object, name: str = "sheet.yaml") -> Path:
    return office_files.write_yaml(tmp_path / name, data)


def errors_of(load: Callable[[], object]) -> list[str]:
    with pytest.raises(CriteriaFileError) as caught:
        load()
    return list(caught.value.messages)


def opening(key: str, **values: object) -> str:
    """The text of `key` as far as its first placeholder not given (a test that knows only how a message starts)."""
    return text(key, **{name: "\0" for name in placeholders(key)} | values).split("\0")[0]


def at(where: str, key: str, **values: object) -> str:
    """A problem's line as far as the values given: its place in the file, then its text."""
    return f"{where}: {opening(key, **values)}"


def yaml_errors(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> list[str]:
    data = sample_data()
    change(data)
    return errors_of(lambda: load_criteria_file(write_yaml(tmp_path, data)))


HEADER = ["Loại", "Mục", "Tên mục", "Mã", "Nội dung", "Điểm tối đa"]


def sample_sheets() -> dict[str, list[list[object]]]:
    """A small sheet as typed by hand: heading rows, numbers as numbers and as text."""
    return {
        "Bảng điểm": [["Tên bảng", "Bảng điểm thử"], ["Bước điểm", "0,5"]],
        "Tiêu chí": [
            HEADER,
            [None, "I", "Nhiệm vụ chuyên môn"],
            ["Tiêu chí", None, None, "1.1", "Hoàn thành kế hoạch", 20],
            ["Tiêu chí", None, None, "1.2", "Chuyển đổi số", "9,5"],
            [None, "II", "Tham gia hoạt động của Khối"],
            [None, None, None, "2.1", "Báo cáo đúng hạn", 10.5],
            ["Điểm thưởng", None, None, "T1", "Cờ thi đua", 10],
            ["Điểm trừ", None, None, "D1", "Báo cáo chậm", "5"],
        ],
    }


# --- the sample ---------------------------------------------------------------------------------


def test_sample_parses() -> None:
    spec = load_criteria_file(SAMPLE)
    assert spec.title == "Bảng tiêu chí chấm điểm thi đua năm 2026"
    assert spec.step == Decimal("0.5") and isinstance(spec.step, Decimal)
    assert [s.code for s in spec.sections] == ["I", "II", "III", "IV"]
    assert [len(s.criteria) for s in spec.sections] == [4, 3, 3, 2]
    assert [s.total for s in spec.sections] == [55, 20, 15, 10]
    assert spec.base_total == Decimal(100)
    assert spec.sections[0].criteria[0] == CriterionSpec(
        "1.1", "Hoàn thành các chỉ tiêu, nhiệm vụ chuyên môn theo kế hoạch năm", Decimal(25))
    assert [(c.code, c.max) for c in spec.bonus] == [("T1", 10), ("T2", 5)]
    assert [(c.code, c.max) for c in spec.deductions] == [("D1", 5), ("D2", 10)]
    lines = list(spec.lines())
    assert len(lines) == 16 and [line.kind for line in lines].count("base") == 12
    assert lines[4].section_code == "II" and lines[12].section_code == "" and lines[14].kind == "deduction"
    assert all(isinstance(line.criterion.max, Decimal) for line in lines)


def test_spec_from_mapping_matches_file() -> None:
    assert spec_from_mapping(sample_data()) == load_criteria_file(SAMPLE)


@pytest.mark.parametrize(("step", "maximum", "expected"), [
    ("0,5", "9,5", Decimal("9.5")),
    ("0.5", "9.5", Decimal("9.5")),
    ("0,25", "0,75", Decimal("0.75")),
    ("1", "10", Decimal(10)),
    (" 0,5 ", " 12 ", Decimal(12)),
])
def test_vietnamese_and_english_decimals(step: str, maximum: str, expected: Decimal) -> None:
    data = sample_data()
    data["sheet"]["step"] = step
    data["sections"][0]["criteria"][0]["max"] = maximum
    spec = spec_from_mapping(data)
    assert spec.step == Decimal(step.strip().replace(",", "."))
    assert spec.sections[0].criteria[0].max == expected and isinstance(expected, Decimal)


def test_no_bonus_or_deductions_is_fine_and_text_is_tidied(tmp_path: Path) -> None:
    data = sample_data()
    del data["bonus"], data["deductions"]
    data["sections"][0]["title"] = unicodedata.normalize("NFD", "  Nhiệm vụ   chính trị ")
    spec = load_criteria_file(write_yaml(tmp_path, data))
    assert spec.bonus == () and spec.deductions == ()
    assert spec.sections[0].title == "Nhiệm vụ chính trị"


def test_yaml_keeps_codes_as_written(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(
        "sheet: {title: T, step: 1}\n"
        "sections:\n  - code: NO\n    title: Mục\n    criteria:\n"
        "      - {code: 1.10, text: Một, max: 5}\n      - {code: 1.1, text: Hai, max: 5}\n",
        encoding="utf-8",
    )
    spec = load_criteria_file(path)
    assert spec.sections[0].code == "NO" and [c.code for c in spec.sections[0].criteria] == ["1.10", "1.1"]


# --- one failing case per rule, each naming its row and field -----------------------------------


C1 = "sections[0].criteria[1]"


@pytest.mark.parametrize(("place", "value", "expected"), [
    (("sheet", "title"), " ", at("sheet.title", "sheet_file.required")),
    (("sheet", "title"), "x" * 201, at("sheet.title", "sheet_file.too_long", limit=200)),
    (("sheet", "step"), "0", at("sheet.step", "sheet_file.not_positive", value="0")),
    (("sheet", "step"), "-0,5", at("sheet.step", "sheet_file.not_positive", value="-0,5")),
    (("sheet", "step"), "nửa điểm", at("sheet.step", "sheet_file.not_number", value="nửa điểm")),
    (("sheet", "step"), "0,125", at("sheet.step", "sheet_file.too_precise", value="0,125")),
    (("sheet", "step"), None, at("sheet.step", "sheet_file.required")),
    (("sheet", "colour"), "đỏ", at("sheet.colour", "sheet_file.unknown_key", name="colour", allowed="title, step")),
    (("sections", 1, "title"), "", at("sections[1].title", "sheet_file.required")),
    (("sections", 1, "code"), "Mục 2", at("sections[1].code", "sheet_file.code_invalid", value="Mục 2")),
    (("sections", 2, "code"), "i",
     at("sections[2].code", "sheet_file.section_duplicate", value="i", first="sections[0]")),
    (("sections", 3, "criteria"), [], at("sections[3].criteria", "sheet_file.section_empty", code="IV")),
    (("sections", 3, "criteria"), None, at("sections[3].criteria", "sheet_file.section_empty", code="IV")),
    (("sections", 0, "criteria", 1, "text"), "", at(f"{C1}.text", "sheet_file.required")),
    (("sections", 0, "criteria", 1, "text"), ["a"],
     at(f"{C1}.text", "sheet_file.not_text", got=text("office.kind.list"))),
    (("sections", 0, "criteria", 1, "code"), "1 2", at(f"{C1}.code", "sheet_file.code_invalid", value="1 2")),
    (("sections", 0, "criteria", 1, "code"), "Đ1", at(f"{C1}.code", "sheet_file.code_invalid", value="Đ1")),
    (("sections", 0, "criteria", 1, "code"), "A" * 21, at(f"{C1}.code", "sheet_file.code_invalid")),
    (("sections", 0, "criteria", 1, "code"), "1.1",
     at(f"{C1}.code", "sheet_file.criterion_duplicate", value="1.1", first="sections[0].criteria[0]")),
    (("sections", 0, "criteria", 1, "max"), "0", at(f"{C1}.max", "sheet_file.not_positive", value="0")),
    (("sections", 0, "criteria", 1, "max"), "7,25", at(f"{C1}.max", "sheet_file.off_step", value="7,25", step="0,5")),
    (("sections", 0, "criteria", 1, "max"), "10 điểm", at(f"{C1}.max", "sheet_file.not_number", value="10 điểm")),
    (("sections", 0, "criteria", 1, "max"), "100000",
     at(f"{C1}.max", "sheet_file.too_big", value="100000", limit=10000)),
    (("sections", 0, "criteria", 1, "note"), "x", at(f"{C1}.note", "sheet_file.unknown_key", name="note")),
    (("bonus", 0, "code"), "4.2",
     at("bonus[0].code", "sheet_file.criterion_duplicate", value="4.2", first="sections[3].criteria[1]")),
    (("deductions", 1, "code"), "t1",
     at("deductions[1].code", "sheet_file.criterion_duplicate", value="t1", first="bonus[0]")),
    (("deductions", 0, "max"), "2,3", at("deductions[0].max", "sheet_file.off_step", value="2,3", step="0,5")),
    (("bonus", 1, "text"), None, at("bonus[1].text", "sheet_file.required")),
    (("bonus", 1), "T2", at("bonus[1]", "sheet_file.not_mapping", fields="code, text, max")),
    (("bonus",), "T1", at("bonus", "sheet_file.not_list")),
    (("sections",), [], at("sections", "sheet_file.no_sections")),
    (("sections",), None, at("sections", "sheet_file.part_missing")),
    (("sheet",), None, at("sheet", "sheet_file.part_missing")),
    (("extra",), 1, at("extra", "sheet_file.unknown_key", name="extra", allowed="sheet, sections, bonus, deductions")),
])
def test_rules(tmp_path: Path, place: tuple[Any, ...], value: object, expected: str) -> None:
    errors = yaml_errors(tmp_path, lambda d: put(d, place, value))
    assert len(errors) == 1 and errors[0].startswith(expected), errors


def test_a_maximum_off_the_step_is_fine_on_a_finer_step(tmp_path: Path) -> None:
    data = sample_data()
    data["sheet"]["step"] = "0,25"
    data["sections"][0]["criteria"][1]["max"] = "7,25"
    assert load_criteria_file(write_yaml(tmp_path, data)).sections[0].criteria[1].max == Decimal("7.25")


def test_many_errors_are_reported_together_in_file_order(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["sheet"]["step"] = "0"
        data["sections"][0]["criteria"][2]["text"] = ""
        data["sections"][1]["code"] = "I"
        data["sections"][2]["criteria"][0]["max"] = "abc"
        data["bonus"][1]["code"] = "2.1"

    with pytest.raises(CriteriaFileError) as caught:
        load_criteria_file(_changed(tmp_path, change))
    assert [m.split(":")[0] for m in caught.value.messages] == [
        "sheet.step", "sections[0].criteria[2].text", "sections[1].code", "sections[2].criteria[0].max",
        "bonus[1].code",
    ]
    assert str(caught.value).startswith(f'{text("sheet_file.errors_header", count=5)}\n- sheet.step:')
    # with no valid step, maxima are not judged against it
    assert all(problem.key != "off_step" for problem in caught.value.problems)
    assert not any(opening("sheet_file.off_step") in m for m in caught.value.messages)


def _changed(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    data = sample_data()
    change(data)
    return write_yaml(tmp_path, data)


def test_errors_in_english(tmp_path: Path) -> None:
    with pytest.raises(CriteriaFileError) as caught:
        load_criteria_file(_changed(tmp_path, lambda d: d["sections"][0]["criteria"][1].update(max="7,25")))
    assert caught.value.lines("en") == (
        "sections[0].criteria[1].max: the maximum 7,25 is not a multiple of the step 0,5",)


# --- files that are not criteria files ----------------------------------------------------------


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("s.yaml", b"", text("sheet_file.file_empty", path="s.yaml")),
    ("s.yaml", b"sheet:\n  title: B\xe1ng\n", text("sheet_file.file_not_utf8", path="s.yaml", line=2)),
    ("s.xlsx", b"PK\x03\x04broken", text("sheet_file.xlsx_broken", path="s.xlsx")),
    ("s.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", text("sheet_file.file_xls", path="s.xls")),
    ("s.csv", b"code,max\n", text("sheet_file.file_format", path="s.csv")),
    ("s.yaml", b"sheet: [\n", opening("sheet_file.yaml_syntax", line=2)),
    ("s.yaml", b"- a\n", text("sheet_file.not_criteria_file")),
    ("s.yaml", b"sheet: {title: A, title: B, step: 1}\n",
     at("sheet", "sheet_file.yaml_duplicate_key", name="title", line=1)),
])
def test_unusable_files(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    errors = errors_of(lambda: load_criteria_file(path))
    assert any(error.startswith(expected) for error in errors), errors


def test_missing_file(tmp_path: Path) -> None:
    assert errors_of(lambda: load_criteria_file(tmp_path / "khong-co.yaml")) == [
        text("sheet_file.file_missing", path="khong-co.yaml")]


# --- Excel --------------------------------------------------------------------------------------


def test_xlsx_round_trip_and_layout(tmp_path: Path) -> None:
    spec = load_criteria_file(SAMPLE)
    path = tmp_path / "tieu-chi.xlsx"
    write_criteria_xlsx(spec, path)
    assert load_criteria_file(path) == spec
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Bảng điểm", "Tiêu chí"]
    assert [[c.value for c in row] for row in book["Bảng điểm"].iter_rows()] == [
        ["Tên bảng", spec.title], ["Bước điểm", 0.5]]
    rows = [[c.value for c in row] for row in book["Tiêu chí"].iter_rows()]
    assert rows[0] == HEADER
    assert rows[1] == [None, "I", "Thực hiện nhiệm vụ chính trị, chuyên môn được giao", None, None, None]
    assert rows[2][:4] == ["Tiêu chí", "I", None, "1.1"] and rows[2][5] == 25
    assert rows[-1][0] == "Điểm trừ" and rows[-1][3:] == ["D2", spec.deductions[1].text, 10]


def test_xlsx_typed_by_hand(tmp_path: Path) -> None:
    spec = load_criteria_file(workbook(sample_sheets(), tmp_path / "s.xlsx"))
    assert spec == SheetSpec(
        "Bảng điểm thử",
        Decimal("0.5"),
        (
            spec.sections[0].__class__("I", "Nhiệm vụ chuyên môn", (
                CriterionSpec("1.1", "Hoàn thành kế hoạch", Decimal(20)),
                CriterionSpec("1.2", "Chuyển đổi số", Decimal("9.5")))),
            spec.sections[0].__class__("II", "Tham gia hoạt động của Khối", (
                CriterionSpec("2.1", "Báo cáo đúng hạn", Decimal("10.5")),)),
        ),
        (CriterionSpec("T1", "Cờ thi đua", Decimal(10)),),
        (CriterionSpec("D1", "Báo cáo chậm", Decimal(5)),),
    )


def test_xlsx_english_names_section_on_every_row_extra_columns(tmp_path: Path) -> None:
    sheets: dict[str, list[list[object]]] = {
        "SHEET": [["title:", "T"], ["Step", 0.05]],
        "Criteria": [
            ["STT", "code", "text", "Max", "Section", "section title", "kind", "Ghi chú"],
            [1, 1.1, "Một", 2.5, "A", "Phần A", "base", None],
            [2, "1.2", "Hai", "0.75", "A", "phần a", None, "x"],
            [3, "B1", "Ba", 1, "b", "Phần B", "Tiêu chí", None],
            [4, "X", "Thưởng", 3, "A", None, "bonus", None],
            [5, "Y", "Trừ", 0.30000000000000004, None, None, "DEDUCTION", None],
        ],
    }
    spec = load_criteria_file(workbook(sheets, tmp_path / "s.xlsx"))
    assert [(s.code, s.title, [c.code for c in s.criteria]) for s in spec.sections] == [
        ("A", "Phần A", ["1.1", "1.2"]), ("b", "Phần B", ["B1"])]
    assert spec.step == Decimal("0.05") and spec.sections[0].criteria[1].max == Decimal("0.75")
    assert spec.bonus == (CriterionSpec("X", "Thưởng", Decimal(3)),)
    assert spec.deductions[0].max == Decimal("0.3")  # float noise from a formula is not an error...
    assert errors_of(lambda: load_criteria_file(workbook(
        sheets | {"SHEET": [["title", "T"], ["step", 0.5]]}, tmp_path / "t.xlsx"))) == [
        f'{text("office.sheet_cell", sheet="Criteria", row=3, column="Max")}: '
        f'{text("sheet_file.off_step", value="0,75", step="0,5")}',
        f'{text("office.sheet_cell", sheet="Criteria", row=6, column="Max")}: '
        f'{text("sheet_file.off_step", value="0,3", step="0,5")}',
    ]  # ...but the step still is


@pytest.mark.parametrize("lang", LANGUAGES)
def test_xlsx_errors_name_sheet_row_and_column(tmp_path: Path, lang: str) -> None:
    sheets = sample_sheets()
    sheets["Bảng điểm"] = [["Tên bảng", None], ["Bước điểm", 0], ["Màu", "đỏ"], ["Bước điểm", 1]]
    sheets["Tiêu chí"] += [
        ["Tiêu chí", "I", "Nhiệm vụ khác", "1.3", "Ba", 5],  # a second section I, titled differently
        ["Khen", None, None, "K1", "Khen", 1],
        [None, "III", "Trống"],
        [None, "IV", "Có tên", "4.1", "Bốn", 5],
        [None, None, "Tên khác", "4.2", None, "4,2"],
        ["Điểm thưởng", None, None, "1.1", "Trùng", 1],
    ]
    with pytest.raises(CriteriaFileError) as caught:
        load_criteria_file(workbook(sheets, tmp_path / "s.xlsx"))

    def t(key: str, **values: object) -> str:
        return text(key, lang, **values)

    def row(sheet: str, number: int) -> str:
        return t("office.sheet_row", sheet=sheet, row=number)

    def cell(sheet: str, number: int, column: str) -> str:
        return t("office.sheet_cell", sheet=sheet, row=number, column=column)

    def labelled(number: int, label: str) -> str:
        return t("office.labelled_cell", sheet="Bảng điểm", row=number, label=label)

    kinds = "Tiêu chí (base), Điểm thưởng (bonus), Điểm trừ (deduction)"  # the "Loại" column's own labels
    labels = '"Tên bảng", "Bước điểm"'  # the labels of the sheet "Bảng điểm"
    assert caught.value.lines(lang) == (
        f'{row("Bảng điểm", 3)}: {t("sheet_file.label_unknown", label="Màu", allowed=labels)}',
        f'{row("Bảng điểm", 4)}: {t("sheet_file.label_duplicate", label="Bước điểm", first=t("office.row", row=2))}',
        f'{cell("Tiêu chí", 10, "Loại")}: {t("sheet_file.kind_invalid", value="Khen", allowed=kinds)}',
        f'{cell("Tiêu chí", 13, "Tên mục")}: '
        f'{t("sheet_file.section_title_conflict", value="Tên khác", first=t("office.row", row=12))}',
        f'{labelled(1, "Tên bảng")}: {t("sheet_file.required")}',
        f'{labelled(2, "Bước điểm")}: {t("sheet_file.not_positive", value="0")}',
        f'{cell("Tiêu chí", 9, "Mục")}: {t("sheet_file.section_duplicate", value="I", first=t("office.row", row=2))}',
        f'{row("Tiêu chí", 11)}: {t("sheet_file.section_empty", code="III")}',
        f'{cell("Tiêu chí", 13, "Nội dung")}: {t("sheet_file.required")}',
        f'{cell("Tiêu chí", 14, "Mã")}: '
        f'{t("sheet_file.criterion_duplicate", value="1.1", first=t("office.row", row=3))}',
    )
    assert caught.value.messages == caught.value.lines("vi")


def test_xlsx_errors_in_english_name_rows_and_columns_in_english(tmp_path: Path) -> None:
    sheets = sample_sheets()
    sheets["Tiêu chí"] += [["Điểm thưởng", None, None, "1.1", "Trùng", 1]]
    sheets["Bảng điểm"][1][1] = True
    with pytest.raises(CriteriaFileError) as caught:
        load_criteria_file(workbook(sheets, tmp_path / "s.xlsx"))
    assert caught.value.lines("en") == (
        'Sheet "Bảng điểm", row 2 ("Bước điểm"): "true/false" is not a number (write 9,5 or 9.5)',
        'Sheet "Tiêu chí", row 9, column "Mã": criterion code "1.1" is repeated (first at row 3)',
    )


def test_xlsx_criterion_before_any_section(tmp_path: Path) -> None:
    sheets = sample_sheets()
    sheets["Tiêu chí"].insert(1, ["Tiêu chí", None, None, "0.1", "Mồ côi", 1])
    errors = errors_of(lambda: load_criteria_file(workbook(sheets, tmp_path / "s.xlsx")))
    where = text("office.sheet_cell", sheet="Tiêu chí", row=2, column="Mục")
    assert errors == [f'{where}: {text("sheet_file.required")}']


def test_xlsx_missing_sheet_and_columns(tmp_path: Path) -> None:
    sheets = sample_sheets()
    del sheets["Bảng điểm"]
    sheets["Tiêu chí"] = [["Loại", "Mục", "Tên mục", "Mã", "Nội dung"], [None, "I", "Một", "1.1", "x"]]
    errors = errors_of(lambda: load_criteria_file(workbook(sheets, tmp_path / "s.xlsx")))
    assert errors == [
        text("sheet_file.sheet_missing", sheet="Bảng điểm", alias="sheet"),
        f'{text("office.sheet_row", sheet="Tiêu chí", row=1)}: '
        f'{text("sheet_file.column_missing", column="Điểm tối đa")}',
    ]


def test_xlsx_empty_criteria_sheet(tmp_path: Path) -> None:
    sheets = sample_sheets()
    sheets["Tiêu chí"] = []
    errors = errors_of(lambda: load_criteria_file(workbook(sheets, tmp_path / "s.xlsx")))
    columns = ", ".join(f'"{label}"' for label in HEADER)  # the sheet's own column labels
    assert errors == [f'{text("office.sheet", sheet="Tiêu chí")}: {text("sheet_file.sheet_empty", columns=columns)}']


def test_xlsx_wrong_cell_types(tmp_path: Path) -> None:
    sheets = sample_sheets()
    sheets["Bảng điểm"][0][1] = True
    sheets["Tiêu chí"][2][4] = datetime(2026, 1, 1, 9, 0)
    sheets["Tiêu chí"][3][5] = datetime(2026, 1, 1, 9, 0)
    sheets["Tiêu chí"][5][5] = False
    errors = errors_of(lambda: load_criteria_file(workbook(sheets, tmp_path / "s.xlsx")))

    def cell(number: int, column: str) -> str:
        return text("office.sheet_cell", sheet="Tiêu chí", row=number, column=column)

    assert errors == [
        f'{text("office.labelled_cell", sheet="Bảng điểm", row=1, label="Tên bảng")}: '
        f'{text("sheet_file.not_text", got=text("office.kind.bool"))}',
        f'{cell(3, "Nội dung")}: {text("sheet_file.not_text", got=text("office.kind.datetime"))}',
        f'{cell(4, "Điểm tối đa")}: {text("sheet_file.not_number", value=text("office.kind.datetime"))}',
        f'{cell(6, "Điểm tối đa")}: {text("sheet_file.not_number", value=text("office.kind.bool"))}',
    ]


def test_xlsx_keeps_formula_like_text_as_text(tmp_path: Path) -> None:
    data = sample_data()
    data["sections"][0]["criteria"][0]["text"] = '=HYPERLINK("http://x")'
    spec = spec_from_mapping(data)
    path = tmp_path / "s.xlsx"
    write_criteria_xlsx(spec, path)
    assert load_criteria_file(path) == spec


def test_workbook_without_suffix_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "upload"
    path.write_bytes(criteria_xlsx_bytes(load_criteria_file(SAMPLE)))
    assert load_criteria_file(path) == load_criteria_file(SAMPLE)


# --- the message catalog ------------------------------------------------------------------------


def test_every_problem_key_has_a_message_in_both_languages() -> None:
    pattern = re.compile(r'(?:(?:Problem|\.add)\((?:[^()]*?,\s*)?|\.where,\s*)"([a-z0-9_]+)"\s*[,)]')
    used = {key for source in SOURCES for key in pattern.findall(source.read_text(encoding="utf-8"))}
    used |= {"errors_header", "errors_more"}
    assert {"criterion_duplicate", "section_empty", "off_step", "column_missing", "kind_invalid"} <= used
    assert {f"sheet_file.{key}" for key in used} <= VI.keys()
    assert {key for key in VI if key.startswith("sheet")} <= EN.keys()


# --- properties ---------------------------------------------------------------------------------

ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.decimals(),
    st.text(),
    st.sampled_from(["0,5", "9,5", "1.1", "I", "i", "T1", "-1", "1e3", "NaN", "0,001", "99999999"]),
    st.dates(),
    st.datetimes(),
    st.lists(st.text(max_size=3), max_size=3),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3),
)
PLACES = [
    (),
    ("sheet",),
    ("sections",),
    ("bonus",),
    ("deductions",),
    ("extra",),
    ("sections", 0),
    ("sections", 3),
    ("bonus", 1),
    *(("sheet", field) for field in ("title", "step", "other")),
    *(("sections", i, field) for i in (0, 2, 3) for field in ("code", "title", "criteria", "other")),
    *(("sections", i, "criteria", j) for i in (0, 3) for j in (0, 1)),
    *(("sections", i, "criteria", j, field) for i in (0, 3) for j in (0, 1) for field in ("code", "text", "max", "x")),
    *((part, i, field) for part in ("bonus", "deductions") for i in (0, 1) for field in ("code", "text", "max")),
]


def _holds(target: Any, step: Any) -> bool:
    if isinstance(target, list):
        return isinstance(step, int) and step < len(target)
    return isinstance(target, dict) and isinstance(step, str)


def put(data: Any, place: tuple[Any, ...], value: object) -> Any:
    """`data` with `value` at `place`, when every step of the way is still a container."""
    if not place:
        return value
    *path, last = place
    target = data
    for step in path:
        if not _holds(target, step) or (isinstance(target, dict) and step not in target):
            return data
        target = target[step]
    if _holds(target, last):
        target[last] = value
    return data


def loads_or_explains(load: Callable[[], SheetSpec]) -> None:
    try:
        spec = load()
    except CriteriaFileError as error:
        assert error.messages and all(message.strip() for message in error.messages)
        assert str(error) and all(line.strip() for line in error.lines("en"))
        return
    assert isinstance(spec, SheetSpec) and isinstance(spec.step, Decimal)
    assert all(isinstance(line.criterion.max, Decimal) and line.criterion.max % spec.step == 0
               for line in spec.lines())


@given(st.lists(st.tuples(st.sampled_from(PLACES), ANY_VALUE), min_size=1, max_size=4))
def test_any_value_anywhere_is_a_criteria_file_error_at_worst(changes: list[tuple[tuple[Any, ...], object]]) -> None:
    data: Any = sample_data()
    for place, value in changes:
        data = put(data, place, value)
    loads_or_explains(lambda: spec_from_mapping(data))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PLACES[1:]), st.text()), min_size=1, max_size=4))
def test_any_text_in_a_yaml_file_is_a_criteria_file_error_at_worst(changes: list[tuple[tuple[Any, ...], str]]) -> None:
    data: Any = sample_data()
    for place, value in changes:
        data = put(data, place, value)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        loads_or_explains(lambda: load_criteria_file(path))


XLSX_TEXT = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=30)
CELL_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**9), 10**9),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    XLSX_TEXT,
    st.sampled_from(["Tiêu chí", "Điểm thưởng", "Điểm trừ", "I", "II", "1.1", "9,5", "0,5", "Mục", "Mã"]),
    st.datetimes(min_value=datetime(1901, 1, 1), max_value=datetime(9999, 1, 1)),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(["Bảng điểm", "Tiêu chí"]), st.integers(0, 9), st.integers(0, 6), CELL_VALUE),
        min_size=1,
        max_size=6,
    )
)
def test_any_cell_in_a_workbook_is_a_criteria_file_error_at_worst(changes: list[tuple[str, int, int, object]]) -> None:
    sheets = sample_sheets()
    for title, row, column, value in changes:
        rows = sheets[title]
        while len(rows) <= row:
            rows.append([])
        rows[row] += [None] * (column + 1 - len(rows[row]))
        rows[row][column] = value
    with tempfile.TemporaryDirectory() as folder:
        path = workbook(sheets, Path(folder) / "s.xlsx")
        loads_or_explains(lambda: load_criteria_file(path))


@settings(max_examples=40, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from([".yaml", ".xlsx", ".xls", ""]))
def test_any_bytes_as_a_file_is_a_criteria_file_error_at_worst(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(content)
        loads_or_explains(lambda: load_criteria_file(path))


TEXT = st.one_of(
    st.text("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợ -,.&()", max_size=60),
    st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=60),
    st.text("AĂÂĐ Ơ\u0300\u0301\u0323\u00a0\t=0123456789.,", max_size=12),
).filter(lambda text: " ".join(unicodedata.normalize("NFC", text).split()) != "")
CODE = st.from_regex(r"[A-Za-z0-9._-]{1,20}", fullmatch=True)
STEPS = st.sampled_from(["0,25", "0.5", "1", "0,1", "2", "0.05"])


@st.composite
def sheet_data(draw: st.DrawFn) -> dict[str, Any]:
    step = draw(STEPS)
    unit = Decimal(step.replace(",", "."))
    counts = draw(st.lists(st.integers(1, 4), min_size=1, max_size=4))
    extra = draw(st.tuples(st.integers(0, 3), st.integers(0, 3)))
    codes = draw(st.lists(CODE, min_size=sum(counts) + sum(extra), max_size=sum(counts) + sum(extra),
                          unique_by=str.casefold))
    section_codes = draw(st.lists(CODE, min_size=len(counts), max_size=len(counts), unique_by=str.casefold))

    def criterion() -> dict[str, str]:
        maximum = unit * draw(st.integers(1, 400))
        text = format(maximum, "f")
        return {"code": codes.pop(), "text": draw(TEXT), "max": text.replace(".", ",") if draw(st.booleans()) else text}

    sections = [{"code": code, "title": draw(TEXT), "criteria": [criterion() for _ in range(n)]}
                for code, n in zip(section_codes, counts, strict=True)]
    return {
        "sheet": {"title": draw(TEXT), "step": step},
        "sections": sections,
        "bonus": [criterion() for _ in range(extra[0])],
        "deductions": [criterion() for _ in range(extra[1])],
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sheet_data())
def test_valid_specs_round_trip_through_xlsx(data: dict[str, Any]) -> None:
    try:
        spec = spec_from_mapping(data)
    except CriteriaFileError:  # texts too long once normalised, or holding non-characters
        reject()
    assert len(list(spec.lines())) == sum(len(s["criteria"]) for s in data["sections"]) + len(data["bonus"]) + len(
        data["deductions"])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.xlsx"
        write_criteria_xlsx(spec, path)
        assert load_criteria_file(path) == spec
