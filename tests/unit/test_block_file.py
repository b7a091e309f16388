"""Reading and validating block files (YAML and Excel) into a BlockSpec."""

from __future__ import annotations

import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from handlers.core.catalog import LANGUAGES, placeholders, text
from handlers.core.clock import LOCAL_TZ, format_local
from handlers.term.block_file.read import (
    MESSAGE_KEYS,
    BlockFileError,
    BlockSpec,
    block_xlsx_bytes,
    describe,
    load_block_file,
    parse_due,
    spec_from_mapping,
    write_block_xlsx,
)
from tests import office_files
from tests.office_files import workbook, yaml_data

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "block-vhxh.yaml"
SOURCES = sorted([*ROOT.joinpath("handlers", "term", "block_file").glob("*.py"),
                  *ROOT.joinpath("handlers", "core", "office").glob("*.py")])


def sample_data() -> dict[str, Any]:
    return yaml_data(SAMPLE)


def write_yaml(tmp_path: Path, data: object, name: str = "block.yaml") -> Path:
    return office_files.write_yaml(tmp_path / name, data)


def errors_of(load: Callable[[], object]) -> list[str]:
    with pytest.raises(BlockFileError) as caught:
        load()
    return list(caught.value.messages)


def yaml_errors(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> list[str]:
    data = sample_data()
    change(data)
    return errors_of(lambda: load_block_file(write_yaml(tmp_path, data)))


def opening(key: str, **values: object) -> str:
    """The text of `key` as far as its first placeholder not given (a test that knows only how a message starts)."""
    return text(key, **{name: "\0" for name in placeholders(key)} | values).split("\0")[0]


def at(where: str, key: str, **values: object) -> str:
    """A problem's line as far as the values given: its place in the file, then its text."""
    return f"{where}: {opening(key, **values)}"


def sample_sheets() -> dict[str, list[list[object]]]:
    return {
        "Khối": [["Tên khối", "Khối VHXH"], ["Tỉnh", "Bắc Kạn"], ["Năm", 2026], ["Trưởng khối", "BHXH"]],
        "Đơn vị": [["Mã", "Tên"], ["BHXH", "Bảo hiểm Xã hội tỉnh"], ["YTE", "Sở Y tế"], ["GDDT", "Sở GD&ĐT"]],
        "Hạn nộp": [["Loại", "Tiêu đề", "Hạn", "Bảng điểm"], ["covenant", "Giao ước", "15/03/2026", None]],
    }


# --- the sample ---------------------------------------------------------------------------------


def test_sample_parses() -> None:
    spec = load_block_file(SAMPLE)
    assert (spec.name, spec.province, spec.year) == ("Khối thi đua Văn hóa - Xã hội", "Bắc Kạn", 2026)
    assert len(spec.units) == 11
    assert (spec.head, spec.deputy) == ("BHXH", "CDNDTNT")
    assert spec.units[4].code == "TTTT" and spec.units[4].name == "Sở Thông tin và Truyền thông"
    assert [d.kind for d in spec.deadlines] == ["covenant", "six_month_report", "year_end_report", "self_assessment"]
    year_end = spec.deadlines[2]
    assert year_end.due == datetime(2026, 11, 30, 10, 0, tzinfo=UTC)
    assert format_local(year_end.due) == "30/11/2026 17:00"
    assert year_end.sheet is None and spec.deadlines[3].sheet == "criteria-2026.yaml"


def test_spec_from_mapping_matches_file() -> None:
    assert spec_from_mapping(sample_data()) == load_block_file(SAMPLE)


def test_two_units_and_no_deputy_or_deadlines_are_enough(tmp_path: Path) -> None:
    data = sample_data()
    data["units"] = data["units"][:2]
    del data["block"]["deputy"], data["deadlines"]
    spec = load_block_file(write_yaml(tmp_path, data))
    assert len(spec.units) == 2 and spec.deputy is None and spec.deadlines == ()


def test_codes_are_upper_cased_and_text_is_trimmed(tmp_path: Path) -> None:
    data = sample_data()
    data["units"][0] = {"code": " bhxh ", "name": "  Bảo hiểm   Xã hội\ttỉnh "}
    data["block"]["head"] = "Bhxh"
    spec = load_block_file(write_yaml(tmp_path, data))
    assert spec.units[0] == type(spec.units[0])("BHXH", "Bảo hiểm Xã hội tỉnh")
    assert spec.head == "BHXH"


def test_yaml_one_point_one_booleans_stay_codes(tmp_path: Path) -> None:
    path = tmp_path / "b.yaml"
    path.write_text(
        "block: {name: K, province: P, year: 2026, head: NO}\n"
        "units:\n  - {code: NO, name: Na Uy}\n  - {code: ON, name: Ôn}\n  - {code: 012, name: Số}\n",
        encoding="utf-8",
    )
    spec = load_block_file(path)
    assert [unit.code for unit in spec.units] == ["NO", "ON", "012"] and spec.head == "NO"


def test_decomposed_vietnamese_is_normalised(tmp_path: Path) -> None:
    data = sample_data()
    nfd = {key: unicodedata.normalize("NFD", value) for key, value in data["block"].items() if key != "year"}
    data["block"].update(nfd)
    for unit in data["units"]:
        unit["name"] = unicodedata.normalize("NFD", unit["name"])
    assert data["units"][0]["name"] != "Bảo hiểm Xã hội tỉnh"
    spec = load_block_file(write_yaml(tmp_path, data))
    assert spec == load_block_file(SAMPLE)
    assert spec.units[0].name == "Bảo hiểm Xã hội tỉnh"


def test_decomposed_and_composed_names_are_duplicates(tmp_path: Path) -> None:
    errors = yaml_errors(
        tmp_path, lambda d: d["units"][1].update(name=unicodedata.normalize("NFD", d["units"][0]["name"]))
    )
    assert errors == [at("units[1].name", "block_file.name_duplicate", value="Bảo hiểm Xã hội tỉnh", first="units[0]")]


# --- one failing case per rule ------------------------------------------------------------------


def test_duplicate_code_names_both_rows(tmp_path: Path) -> None:
    errors = yaml_errors(tmp_path, lambda d: d["units"][3].update(code="bhxh"))
    assert errors == [at("units[3].code", "block_file.code_duplicate", value="BHXH", first="units[0]")]


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("name", "  ", at("block.name", "block_file.required")),
        ("province", "", at("block.province", "block_file.required")),
        *(("year", year, at("block.year", "block_file.year_invalid", value=year, low=2000, high=2100))
          for year in ("1999", "2101", "2026.5", "hai nghìn", "٢٠٢٦")),
        ("head", "XYZ", at("block.head", "block_file.unit_unknown", value="XYZ")),
        ("head", None, at("block.head", "block_file.required")),
        ("deputy", "YTEE", at("block.deputy", "block_file.unit_unknown", value="YTEE")),
        ("deputy", "bhxh", at("block.deputy", "block_file.deputy_is_head", value="BHXH")),
        ("colour", "đỏ", at("block.colour", "block_file.unknown_key", name="colour")),
    ],
)
def test_block_rules(tmp_path: Path, field: str, value: object, expected: str) -> None:
    errors = yaml_errors(tmp_path, lambda d: d["block"].update({field: value}))
    assert len(errors) == 1 and errors[0].startswith(expected), errors


@pytest.mark.parametrize(
    ("row", "value", "expected"),
    [
        ({"code": "Sở", "name": "X"}, None, at("units[2].code", "block_file.code_invalid", value="Sở")),
        ({"code": "A B", "name": "X"}, None, at("units[2].code", "block_file.code_invalid", value="A B")),
        ({"code": "A" * 21, "name": "X"}, None, at("units[2].code", "block_file.code_invalid")),
        ({"code": "", "name": "X"}, None, at("units[2].code", "block_file.required")),
        ({"code": "NEW", "name": " "}, None, at("units[2].name", "block_file.required")),
        ({"code": "NEW", "name": "sở y tế"}, None,
         at("units[6].name", "block_file.name_duplicate", value="Sở Y tế", first="units[2]")),
        ({"code": "NEW"}, None, at("units[2].name", "block_file.required")),
        ({"code": "NEW", "name": ["a"]}, None,
         at("units[2].name", "block_file.not_text", got=text("office.kind.list"))),
        ({"code": "NEW", "name": "X", "tel": "1"}, None, at("units[2].tel", "block_file.unknown_key", name="tel")),
        ("BHXH", None, at("units[2]", "block_file.not_mapping", fields="code, name")),
    ],
)
def test_unit_rules(tmp_path: Path, row: object, value: None, expected: str) -> None:
    errors = yaml_errors(tmp_path, lambda d: d["units"].__setitem__(2, row))
    assert len(errors) == 1 and errors[0].startswith(expected), errors


@pytest.mark.parametrize("count", [0, 1, 101])
def test_unit_count(tmp_path: Path, count: int) -> None:
    units = [{"code": f"U{i}", "name": f"Đơn vị {i}"} for i in range(count)]

    def change(data: dict[str, Any]) -> None:
        data["units"] = units
        data["block"].update(head="U0", deputy=None)

    errors = yaml_errors(tmp_path, change)
    assert at("units", "block_file.units_count", low=2, high=100, count=count) in errors


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"kind": "meeting"}, at("deadlines[1].kind", "block_file.kind_invalid", value="meeting")),
        ({"title": ""}, at("deadlines[1].title", "block_file.required")),
        ({"due": "2026-06-15"}, at("deadlines[1].due", "block_file.due_invalid", value="2026-06-15")),
        ({"due": "31/06/2026 17:00"}, at("deadlines[1].due", "block_file.due_not_real", value="31/06/2026 17:00")),
        ({"due": "29/02/2027"}, at("deadlines[1].due", "block_file.due_not_real", value="29/02/2027")),
        ({"due": "15/06/2026 24:00"}, at("deadlines[1].due", "block_file.due_not_real")),
        ({"due": "15/06/1999 17:00"},
         at("deadlines[1].due", "block_file.due_out_of_range", value="15/06/1999 17:00", low=2000, high=2100)),
        ({"due": None}, at("deadlines[1].due", "block_file.required")),
        ({"sheet": "x.yaml"}, at("deadlines[1].sheet", "block_file.sheet_not_allowed", kind="six_month_report")),
    ],
)
def test_deadline_rules(tmp_path: Path, change: dict[str, object], expected: str) -> None:
    errors = yaml_errors(tmp_path, lambda d: d["deadlines"][1].update(change))
    assert len(errors) == 1 and errors[0].startswith(expected), errors


@pytest.mark.parametrize("section", ["block", "units"])
def test_missing_section(tmp_path: Path, section: str) -> None:
    errors = yaml_errors(tmp_path, lambda d: d.pop(section))
    assert at(section, "block_file.section_missing") in errors


def test_many_errors_are_reported_together(tmp_path: Path) -> None:
    def change(data: dict[str, Any]) -> None:
        data["block"]["year"] = "năm nay"
        data["units"][3]["code"] = "BHXH"
        data["units"][5]["name"] = ""
        data["deadlines"][0]["due"] = "30/02/2026"
        data["deadlines"][2]["kind"] = "report"

    data = sample_data()
    change(data)
    with pytest.raises(BlockFileError) as caught:
        load_block_file(write_yaml(tmp_path, data))
    assert [m.split(":")[0] for m in caught.value.messages] == [
        "block.year",
        "units[3].code",
        "units[5].name",
        "deadlines[0].due",
        "deadlines[2].kind",
    ]
    assert str(caught.value).startswith(f'{text("block_file.errors_header", count=5)}\n- block.year:')


# --- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "local"),
    [
        ("30/11/2026 17:00", datetime(2026, 11, 30, 17, 0)),
        ("30/11/2026", datetime(2026, 11, 30, 17, 0)),
        ("5/3/2026 8:30", datetime(2026, 3, 5, 8, 30)),
        ("05/03/2026 08h30", datetime(2026, 3, 5, 8, 30)),
        ("05.03.2026 17h", datetime(2026, 3, 5, 17, 0)),
        ("  29/02/2028  00:00 ", datetime(2028, 2, 29, 0, 0)),
    ],
)
def test_parse_due(text: str, local: datetime) -> None:
    due = parse_due(text)
    assert due.tzinfo is UTC and due == local.replace(tzinfo=LOCAL_TZ)


@pytest.mark.parametrize("text", ["", "30/11/26", "2026-11-30", "30/13/2026", "30/11/2026 17:60", "31/11/2026"])
def test_parse_due_rejects(text: str) -> None:
    with pytest.raises(BlockFileError):
        parse_due(text)


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 12, 31, 23, 59)))
def test_parse_due_round_trips(moment: datetime) -> None:
    moment = moment.replace(second=0, microsecond=0)
    due = parse_due(moment.strftime("%d/%m/%Y %H:%M"))
    assert due == moment.replace(tzinfo=LOCAL_TZ) and due.astimezone(LOCAL_TZ).replace(tzinfo=None) == moment


# --- files that are not block files -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("b.yaml", b"", text("block_file.file_empty", path="b.yaml")),
        ("b.yaml", b"  \n# only a comment\n", text("block_file.file_empty", path="b.yaml")),
        ("b.yaml", "block: Khối".encode("utf-16"), opening("block_file.file_not_utf8", path="b.yaml")),
        ("b.yaml", b"block:\n  name: Kh\xf4i\n", text("block_file.file_not_utf8", path="b.yaml", line=2)),
        ("b.xlsx", b"not a zip at all", text("block_file.xlsx_broken", path="b.xlsx")),
        ("b.xlsx", b"PK\x03\x04broken", text("block_file.xlsx_broken", path="b.xlsx")),
        ("b.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", text("block_file.file_xls", path="b.xls")),
        ("b.csv", b"code,name\nA,B\n", text("block_file.file_format", path="b.csv")),
        ("b.yaml", b"block: [\n", opening("block_file.yaml_syntax", line=2)),
        ("b.yaml", b"- a\n- b\n", text("block_file.not_block_file")),
        ("b.yaml", b"just text", text("block_file.not_block_file")),
        ("b.yaml", b"block: 1\n---\nunits: 2\n", opening("block_file.yaml_syntax")),
        ("b.yaml", b"[" * 5000, (text("block_file.yaml_too_deep"), opening("block_file.yaml_syntax"))),
        ("b.yaml", b"units:\n  - {code: A, code: B, name: N}\n",
         at("units[0]", "block_file.yaml_duplicate_key", name="code", line=2)),
    ],
)
def test_unusable_files(tmp_path: Path, name: str, content: bytes, expected: str | tuple[str, ...]) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    errors = errors_of(lambda: load_block_file(path))
    assert any(error.startswith(expected) for error in errors), errors


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert errors_of(lambda: load_block_file(tmp_path / "khong-co.yaml")) == [
        text("block_file.file_missing", path="khong-co.yaml")]
    assert errors_of(lambda: load_block_file(tmp_path))[0].startswith(
        opening("block_file.file_unreadable", path=tmp_path.name))


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * (6 * 1024 * 1024))
    assert errors_of(lambda: load_block_file(path)) == [text("block_file.file_too_large", path="big.yaml", limit_mb=5)]


def test_windows_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "b.yml"
    path.write_bytes(b"\xef\xbb\xbf" + SAMPLE.read_bytes().replace(b"\n", b"\r\n"))
    assert load_block_file(path) == load_block_file(SAMPLE)


def test_workbook_without_suffix_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "upload"
    path.write_bytes(block_xlsx_bytes(load_block_file(SAMPLE)))
    assert load_block_file(path) == load_block_file(SAMPLE)


# --- Excel --------------------------------------------------------------------------------------


def test_xlsx_round_trip(tmp_path: Path) -> None:
    spec = load_block_file(SAMPLE)
    path = tmp_path / "khoi.xlsx"
    write_block_xlsx(spec, path)
    assert load_block_file(path) == spec
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Khối", "Đơn vị", "Hạn nộp"]
    assert [c.value for c in book["Đơn vị"][1]] == ["Mã", "Tên"]
    assert [c.value for c in book["Hạn nộp"][1]] == ["Loại", "Tiêu đề", "Hạn", "Bảng điểm"]
    assert book["Hạn nộp"]["C4"].value == datetime(2026, 11, 30, 17, 0)


def test_xlsx_typed_by_hand(tmp_path: Path) -> None:
    spec = load_block_file(workbook(sample_sheets(), tmp_path / "b.xlsx"))
    assert (spec.name, spec.year, spec.head, spec.deputy) == ("Khối VHXH", 2026, "BHXH", None)
    assert [u.code for u in spec.units] == ["BHXH", "YTE", "GDDT"]
    assert spec.deadlines[0].due == datetime(2026, 3, 15, 10, 0, tzinfo=UTC)


def test_xlsx_english_names_any_case_any_order_extra_columns(tmp_path: Path) -> None:
    sheets: dict[str, list[list[object]]] = {
        "BLOCK": [["Name", "K"], ["province:", "P"], ["YEAR", 2026.0], ["head", "a1"], ["Deputy", "b2"]],
        "Units": [
            ["STT", "name", "CODE", "Ghi chú"],
            [1, "Một", "a1", None],
            [2, "Hai", "b2", "x"],
            [3, None, None, None],
            [4, "Ba", 123, None],
        ],
        "deadlines": [["due", "Kind", "title"], ["01/02/2026 8h", "Custom", "Họp"]],
    }
    spec = load_block_file(workbook(sheets, tmp_path / "b.xlsx"))
    assert [(u.code, u.name) for u in spec.units] == [("A1", "Một"), ("B2", "Hai"), ("123", "Ba")]
    assert (spec.year, spec.head, spec.deputy) == (2026, "A1", "B2")
    assert spec.deadlines[0].kind == "custom" and spec.deadlines[0].due == datetime(2026, 2, 1, 1, 0, tzinfo=UTC)


def test_xlsx_date_cells(tmp_path: Path) -> None:
    sheets = sample_sheets()
    sheets["Hạn nộp"][1:] = [
        ["Sơ kết", "Có giờ", datetime(2026, 6, 15, 8, 30)],
        ["tổng kết", "Chỉ ngày", date(2026, 11, 30)],
        ["Tự chấm điểm", "Nửa đêm", datetime(2026, 12, 1, 0, 0), "bang-diem.yaml"],
    ]
    spec = load_block_file(workbook(sheets, tmp_path / "b.xlsx"))
    local = [format_local(d.due) for d in spec.deadlines]
    assert local == ["15/06/2026 08:30", "30/11/2026 17:00", "01/12/2026 00:00"]
    assert [d.kind for d in spec.deadlines] == ["six_month_report", "year_end_report", "self_assessment"]


def _problem_lines(path: Path, lang: str) -> list[str]:
    """The problems of the file as a reader in `lang` reads them."""
    with pytest.raises(BlockFileError) as caught:
        load_block_file(path)
    lines = [describe(problem, path.name, lang) for problem in caught.value.problems]
    if lang == "vi":
        assert list(caught.value.messages) == lines
    return lines


@pytest.mark.parametrize("lang", LANGUAGES)
def test_xlsx_errors_name_sheet_row_and_column(tmp_path: Path, lang: str) -> None:
    sheets = sample_sheets()
    sheets["Khối"] = [["Tên khối", "K"], ["Năm", 1999], ["Trưởng khối", "BHXH"], ["Màu", "đỏ"], ["Năm", 2026]]
    sheets["Đơn vị"] += [["BHXH", "Trùng mã"]]
    sheets["Hạn nộp"] += [["custom", "Họp", "31/04/2026", "x.yaml"]]
    errors = _problem_lines(workbook(sheets, tmp_path / "b.xlsx"), lang)

    def t(key: str, **values: object) -> str:
        return text(key, lang, **values)

    allowed = '"Tên khối", "Tỉnh", "Năm", "Trưởng khối", "Phó Trưởng khối"'  # the sheet's labels
    assert errors == [
        f'{t("office.sheet_row", sheet="Khối", row=4)}: {t("block_file.label_unknown", label="Màu", allowed=allowed)}',
        f'{t("office.sheet_row", sheet="Khối", row=5)}: '
        f'{t("block_file.label_duplicate", label="Năm", first=t("office.row", row=2))}',
        f'{t("office.sheet_item", sheet="Khối", item="Tỉnh")}: {t("block_file.required")}',
        f'{t("office.labelled_cell", sheet="Khối", row=2, label="Năm")}: '
        f'{t("block_file.year_invalid", value="1999", low=2000, high=2100)}',
        f'{t("office.sheet_cell", sheet="Đơn vị", row=5, column="Mã")}: '
        f'{t("block_file.code_duplicate", value="BHXH", first=t("office.row", row=2))}',
        f'{t("office.sheet_cell", sheet="Hạn nộp", row=3, column="Hạn")}: '
        f'{t("block_file.due_not_real", value="31/04/2026")}',
        f'{t("office.sheet_cell", sheet="Hạn nộp", row=3, column="Bảng điểm")}: '
        f'{t("block_file.sheet_not_allowed", kind="custom")}',
    ]


def test_xlsx_errors_in_english_name_rows_and_columns_in_english(tmp_path: Path) -> None:
    sheets = sample_sheets()
    sheets["Đơn vị"] += [["BHXH", "Trùng mã"]]
    errors = _problem_lines(workbook(sheets, tmp_path / "b.xlsx"), "en")
    assert [error.split(": ")[0] for error in errors] == ['Sheet "Đơn vị", row 5, column "Mã"']
    assert errors[0].endswith("(already at row 2)")


def test_xlsx_missing_sheet_and_columns(tmp_path: Path) -> None:
    sheets = sample_sheets()
    del sheets["Khối"]
    sheets["Đơn vị"] = [["Mã", "Tên gọi"], ["A", "x"], ["B", "y"]]
    errors = errors_of(lambda: load_block_file(workbook(sheets, tmp_path / "b.xlsx")))
    assert errors == [
        text("block_file.sheet_missing", sheet="Khối", alias="block"),
        f'{text("office.sheet_row", sheet="Đơn vị", row=1)}: {text("block_file.column_missing", column="Tên")}',
    ]


def test_xlsx_empty_units_sheet_and_no_deadlines_sheet(tmp_path: Path) -> None:
    sheets = sample_sheets()
    sheets["Đơn vị"] = []
    del sheets["Hạn nộp"]
    errors = errors_of(lambda: load_block_file(workbook(sheets, tmp_path / "b.xlsx")))
    columns = '"Mã", "Tên"'  # the sheet's own column labels
    assert errors == [f'{text("office.sheet", sheet="Đơn vị")}: {text("block_file.sheet_empty", columns=columns)}']


def test_xlsx_wrong_cell_types(tmp_path: Path) -> None:
    sheets = sample_sheets()
    sheets["Khối"][0][1] = True
    sheets["Đơn vị"][2][1] = datetime(2026, 1, 1, 9, 0)
    sheets["Hạn nộp"][1][2] = 3.5
    errors = errors_of(lambda: load_block_file(workbook(sheets, tmp_path / "b.xlsx")))
    assert errors == [
        f'{text("office.labelled_cell", sheet="Khối", row=1, label="Tên khối")}: '
        f'{text("block_file.not_text", got=text("office.kind.bool"))}',
        f'{text("office.sheet_cell", sheet="Đơn vị", row=3, column="Tên")}: '
        f'{text("block_file.not_text", got=text("office.kind.datetime"))}',
        f'{text("office.sheet_cell", sheet="Hạn nộp", row=2, column="Hạn")}: '
        f'{text("block_file.due_invalid", value="3.5")}',
    ]


def test_xlsx_keeps_formula_like_text_as_text(tmp_path: Path) -> None:
    data = sample_data()
    data["units"][0]["name"] = '=HYPERLINK("http://x")'
    spec = spec_from_mapping(data)
    path = tmp_path / "b.xlsx"
    write_block_xlsx(spec, path)
    assert load_block_file(path) == spec


def test_decomposed_vietnamese_in_xlsx_is_normalised(tmp_path: Path) -> None:
    def nfd(text: str) -> str:
        return unicodedata.normalize("NFD", text)

    sheets = sample_sheets()
    units = sheets.pop("Đơn vị")
    sheets[nfd("Đơn vị")] = [[nfd("Mã"), nfd("Tên")], *([code, nfd(str(name))] for code, name in units[1:])]
    sheets["Khối"][0][1] = nfd("Khối Văn hóa")
    assert nfd("Khối Văn hóa") != "Khối Văn hóa"
    spec = load_block_file(workbook(sheets, tmp_path / "b.xlsx"))
    assert spec.name == "Khối Văn hóa" and spec.units[0].name == "Bảo hiểm Xã hội tỉnh"


# --- the message catalog ------------------------------------------------------------------------


def test_every_problem_key_has_a_message() -> None:
    pattern = re.compile(r'(?:(?:Problem|\.add)\((?:[^()]*?,\s*)?|DueError\()"([a-z0-9_]+)"\s*[,)]')
    used = {key for source in SOURCES for key in pattern.findall(source.read_text(encoding="utf-8"))}
    assert {"code_duplicate", "file_empty", "due_not_real", "column_missing"} <= used
    assert used <= MESSAGE_KEYS.keys()


# --- properties ---------------------------------------------------------------------------------

ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(),
    st.sampled_from(["2026", "BHXH", "bhxh", "CDNDTNT", "self_assessment", "30/11/2026", "29/02/2026 7h"]),
    st.dates(),
    st.times(),
    st.datetimes(),
    st.datetimes(timezones=st.sampled_from([UTC, LOCAL_TZ])),
    st.lists(st.text(max_size=3), max_size=3),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3),
)
PLACES = [
    (),
    ("block",),
    ("units",),
    ("deadlines",),
    ("units", 3),
    ("deadlines", 1),
    ("extra",),
    *(("block", field) for field in ("name", "province", "year", "head", "deputy", "other")),
    *(("units", i, field) for i in (0, 3, 10) for field in ("code", "name", "other")),
    *(("deadlines", i, field) for i in (0, 3) for field in ("kind", "title", "due", "sheet", "other")),
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


def loads_or_explains(load: Callable[[], BlockSpec]) -> None:
    try:
        assert isinstance(load(), BlockSpec)
    except BlockFileError as error:
        assert error.messages and all(message.strip() for message in error.messages)
        assert str(error)


@given(st.lists(st.tuples(st.sampled_from(PLACES), ANY_VALUE), min_size=1, max_size=4))
def test_any_value_anywhere_is_a_block_file_error_at_worst(changes: list[tuple[tuple[Any, ...], object]]) -> None:
    data: Any = sample_data()
    for place, value in changes:
        data = put(data, place, value)
    loads_or_explains(lambda: spec_from_mapping(data))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PLACES[1:]), st.text()), min_size=1, max_size=4))
def test_any_text_in_a_yaml_file_is_a_block_file_error_at_worst(changes: list[tuple[tuple[Any, ...], str]]) -> None:
    data: Any = sample_data()
    for place, value in changes:
        data = put(data, place, value)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "b.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        loads_or_explains(lambda: load_block_file(path))


XLSX_TEXT = st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=30)
CELL_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**9), 10**9),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    XLSX_TEXT,
    st.datetimes(min_value=datetime(1901, 1, 1), max_value=datetime(9999, 1, 1)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(["Khối", "Đơn vị", "Hạn nộp"]), st.integers(0, 4), st.integers(0, 4), CELL_VALUE),
        min_size=1,
        max_size=5,
    )
)
def test_any_cell_in_a_workbook_is_a_block_file_error_at_worst(changes: list[tuple[str, int, int, object]]) -> None:
    sheets = sample_sheets()
    for title, row, column, value in changes:
        rows = sheets[title]
        while len(rows) <= row:
            rows.append([])
        rows[row] += [None] * (column + 1 - len(rows[row]))
        rows[row][column] = value
    with tempfile.TemporaryDirectory() as folder:
        path = workbook(sheets, Path(folder) / "b.xlsx")
        loads_or_explains(lambda: load_block_file(path))


SAMPLE_XLSX = block_xlsx_bytes(spec_from_mapping(yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))))


@settings(max_examples=60, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=3000),
        st.binary(max_size=300).map(lambda tail: b"PK\x03\x04" + tail),
        st.lists(st.tuples(st.integers(0, len(SAMPLE_XLSX) - 1), st.integers(0, 255)), min_size=1).map(
            lambda flips: bytes(_flipped(SAMPLE_XLSX, flips))
        ),
    ),
    st.sampled_from([".yaml", ".yml", ".xlsx", ".xls", ".txt", ""]),
)
def test_any_bytes_as_a_file_is_a_block_file_error_at_worst(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(content)
        loads_or_explains(lambda: load_block_file(path))


def _flipped(content: bytes, flips: list[tuple[int, int]]) -> Iterator[int]:
    changed = bytearray(content)
    for index, value in flips:
        changed[index] = value
    yield from changed


NAME = st.one_of(
    st.text("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợ -,&()", max_size=40),
    st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=40),
    st.text("AĂÂĐ Ơ\u0300\u0301\u0303\u0309\u0323\u00a0\t=", max_size=12),
).filter(lambda text: " ".join(unicodedata.normalize("NFC", text).split()) != "")
CODES = st.lists(st.from_regex(r"[A-Za-z0-9_-]{1,20}", fullmatch=True), min_size=2, max_size=15, unique_by=str.upper)
LOCAL_MINUTE = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 12, 31, 23, 59)).map(
    lambda moment: moment.replace(second=0, microsecond=0)
)
KINDS = st.sampled_from(["covenant", "six_month_report", "year_end_report", "self_assessment", "custom"])


@st.composite
def block_data(draw: st.DrawFn) -> dict[str, Any]:
    codes = draw(CODES)
    names = draw(st.lists(NAME, min_size=len(codes), max_size=len(codes), unique_by=lambda n: n.casefold()))
    head, deputy = draw(st.permutations(codes))[:2]
    deadlines = []
    for kind in draw(st.lists(KINDS, max_size=5)):
        due = draw(LOCAL_MINUTE).strftime("%d/%m/%Y %H:%M")
        item = {"kind": kind, "title": draw(NAME), "due": due}
        if kind == "self_assessment" and draw(st.booleans()):
            item["sheet"] = draw(NAME)
        deadlines.append(item)
    block = {"name": draw(NAME), "province": draw(NAME), "year": draw(st.integers(2000, 2100)), "head": head}
    if draw(st.booleans()):
        block["deputy"] = deputy
    return {
        "block": block,
        "units": [{"code": c, "name": n} for c, n in zip(codes, names, strict=True)],
        "deadlines": deadlines,
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(block_data())
def test_valid_specs_round_trip_through_xlsx(data: dict[str, Any]) -> None:
    try:
        spec = spec_from_mapping(data)
    except BlockFileError:  # names that collide only once normalised, or hold non-characters
        reject()
    assert all(unicodedata.is_normalized("NFC", unit.name) for unit in spec.units)
    assert len(spec.units) == len(data["units"]) and len(spec.deadlines) == len(data["deadlines"])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "b.xlsx"
        write_block_xlsx(spec, path)
        assert load_block_file(path) == spec
    assert all(d.due.tzinfo is UTC and d.due.second == 0 for d in spec.deadlines)
