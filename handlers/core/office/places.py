"""A problem's place in words, in the reader's language: the catalog's `office.*` texts (and the kind of a
value that is not what it should be, `office.kind.*`).

The readers and the rules only hand `Place` values around; a file's reader words them here when a problem
is shown to a person (`describe` of the block file and of the criteria file), so an English-speaking
secretariat reads `Sheet "Units", row 5, column "Code"` and a Vietnamese one `…, dòng 5, cột "Mã"`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

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

Words = Callable[..., str]  # a Catalog: key and values → the text in its language
VALUE_KIND_KEYS: Final = {
    "bool": "office.kind.bool", "number": "office.kind.number", "datetime": "office.kind.datetime",
    "date": "office.kind.date", "time": "office.kind.time", "list": "office.kind.list",
    "mapping": "office.kind.mapping",
}


def place_text(place: Place, t: Words) -> str:
    """The place as a person reads it; a YAML path is the file's own keys, the same in every language."""
    match place:
        case YamlPath(path):
            return path
        case Sheet(sheet):
            return t("office.sheet", sheet=sheet)
        case SheetRow(sheet, row):
            return t("office.sheet_row", sheet=sheet, row=row)
        case SheetCell(sheet, row, column):
            return t("office.sheet_cell", sheet=sheet, row=row, column=column)
        case LabelledCell(sheet, row, label):
            return t("office.labelled_cell", sheet=sheet, row=row, label=label)
        case SheetItem(sheet, item):
            return t("office.sheet_item", sheet=sheet, item=item)
        case RowNumber(row):
            return t("office.row", row=row)


def kind_text(kind: ValueKind, t: Words) -> str:
    """A kind of value in words; a type no office file holds keeps its Python name."""
    return t(VALUE_KIND_KEYS[kind.name]) if kind.name in VALUE_KIND_KEYS else kind.name


def worded_values(values: Mapping[str, object], t: Words) -> dict[str, object]:
    """A problem's values with every place (`first`: where a duplicate came first) and kind of value in words."""
    return {name: place_text(value, t) if isinstance(value, Place)
            else kind_text(value, t) if isinstance(value, ValueKind) else value
            for name, value in values.items()}


def at_place(problem: Problem, text: str, t: Words) -> str:
    """The problem's text after its place (`place: text`); alone when the problem is the whole file's."""
    where = place_text(problem.where, t) if problem.where is not None else ""
    return f"{where}: {text}" if where else text
