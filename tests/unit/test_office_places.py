"""A problem's place in an office file, worded through the catalog in the reader's language."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.core.catalog import LANGUAGES, Catalog, text
from handlers.core.office.places import VALUE_KIND_KEYS, at_place, kind_text, place_text, worded_values
from handlers.core.office.problems import (
    LabelledCell,
    Place,
    Problem,
    RowNumber,
    Sheet,
    SheetCell,
    SheetItem,
    SheetRow,
    ValueKind,
    YamlPath,
)
from handlers.core.office.reader import kind_name

# Each kind of place, the catalog text that words it and the values it gives that text.
PLACES: list[tuple[Place, str, dict[str, object]]] = [
    (Sheet("Đơn vị"), "office.sheet", {"sheet": "Đơn vị"}),
    (SheetRow("Khối", 4), "office.sheet_row", {"sheet": "Khối", "row": 4}),
    (SheetCell("Đơn vị", 5, "Mã"), "office.sheet_cell", {"sheet": "Đơn vị", "row": 5, "column": "Mã"}),
    (LabelledCell("Khối", 2, "Năm"), "office.labelled_cell", {"sheet": "Khối", "row": 2, "label": "Năm"}),
    (SheetItem("Khối", "Tỉnh"), "office.sheet_item", {"sheet": "Khối", "item": "Tỉnh"}),
    (RowNumber(12), "office.row", {"row": 12}),
]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("place", "key", "values"), PLACES)
def test_each_place_is_worded_by_its_text(place: Place, key: str, values: dict[str, object], lang: str) -> None:
    assert place_text(place, Catalog(lang)) == text(key, lang, **values)


def test_an_english_reader_reads_rows_and_columns_in_english() -> None:
    en = Catalog("en")
    assert place_text(SheetCell("Đơn vị", 5, "Mã"), en) == 'Sheet "Đơn vị", row 5, column "Mã"'
    assert place_text(SheetRow("Khối", 4), en) == 'Sheet "Khối", row 4'
    assert place_text(LabelledCell("Khối", 2, "Năm"), en) == 'Sheet "Khối", row 2 ("Năm")'
    assert place_text(SheetItem("Khối", "Tỉnh"), en) == 'Sheet "Khối", item "Tỉnh"'
    assert place_text(RowNumber(12), en) == "row 12"


def test_the_two_languages_differ_where_the_words_do() -> None:
    for place, _, _ in PLACES:
        if not isinstance(place, Sheet):  # a sheet alone is "Sheet" in both
            assert place_text(place, Catalog("vi")) != place_text(place, Catalog("en")), place


@given(st.integers(min_value=1, max_value=10**6), st.text(min_size=1, max_size=31))
def test_a_row_number_is_written_whole(row: int, sheet: str) -> None:
    """No thousands separator, whatever the locale: Excel shows row 1000 as 1000."""
    for lang in LANGUAGES:
        worded = place_text(SheetRow(sheet, row), Catalog(lang))
        assert worded == text("office.sheet_row", lang, sheet=sheet, row=row)
        assert worded.endswith(f" {row}") and f'"{sheet}"' in worded


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_yaml_path_is_the_files_own_keys_in_every_language(lang: str) -> None:
    path = YamlPath().key("sections").item(0).key("criteria").item(2).key("max")
    assert path == YamlPath("sections[0].criteria[2].max")
    assert place_text(path, Catalog(lang)) == "sections[0].criteria[2].max"


def test_places_among_a_problems_values_are_worded_and_the_rest_kept() -> None:
    for lang in LANGUAGES:
        t = Catalog(lang)
        values = worded_values({"value": "BHXH", "first": RowNumber(2), "count": 3}, t)
        assert values == {"value": "BHXH", "first": text("office.row", lang, row=2), "count": 3}
        assert worded_values({"first": YamlPath("units[0]")}, t) == {"first": "units[0]"}


def test_a_problem_is_written_after_its_place_unless_it_is_the_whole_files() -> None:
    for lang in LANGUAGES:
        t = Catalog(lang)
        place = text("office.sheet_cell", lang, sheet="Đơn vị", row=5, column="Mã")
        assert at_place(Problem(SheetCell("Đơn vị", 5, "Mã"), "required"), "X", t) == f"{place}: X"
        assert at_place(Problem(YamlPath("units[2].code"), "required"), "X", t) == "units[2].code: X"
        assert at_place(Problem(None, "file_empty"), "X", t) == "X"
        assert at_place(Problem(YamlPath(), "yaml_duplicate_key"), "X", t) == "X"


@pytest.mark.parametrize(("value", "kind"), [
    (True, "bool"), (3, "number"), (2.5, "number"), (Decimal("1.5"), "number"),
    (datetime(2026, 1, 1, 9, 0), "datetime"), (date(2026, 1, 1), "date"), (time(9, 0), "time"),
    (["a"], "list"), ({"a": 1}, "mapping"),
])
def test_a_value_of_the_wrong_kind_is_named_in_the_readers_language(value: object, kind: str) -> None:
    assert kind_name(value) == ValueKind(kind)
    for lang in LANGUAGES:
        assert kind_text(kind_name(value), Catalog(lang)) == text(VALUE_KIND_KEYS[kind], lang)
        assert worded_values({"got": kind_name(value)}, Catalog(lang)) == {"got": text(VALUE_KIND_KEYS[kind], lang)}
    assert kind_text(ValueKind("datetime"), Catalog("en")) == "a date and time"


def test_a_type_no_office_file_holds_keeps_its_python_name() -> None:
    assert kind_text(kind_name(b"x"), Catalog("en")) == kind_text(kind_name(b"x"), Catalog("vi")) == "bytes"
