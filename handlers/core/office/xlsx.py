"""Reading and writing the Excel form of a file a secretariat keeps (the block file, the criteria file).

Sheets and columns are found by name, Vietnamese or English, in any case, so a secretariat may reorder
columns or add its own (STT, Ghi chú): unknown columns are ignored, rows empty in every known column
are skipped. Every problem names its sheet, row and column as the secretariat sees them in Excel.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from io import BytesIO
from typing import Any, Final, TypeVar

import openpyxl
from openpyxl.styles import Font

from handlers.core.office.problems import (
    REPORTED,
    Cell,
    LabelledCell,
    Problem,
    ProblemsFound,
    Row,
    RowNumber,
    Sheet,
    SheetCell,
    SheetItem,
    SheetRow,
)
from handlers.core.office.reader import clean_text, show
from handlers.core.office.xlsx_text import put_cell

MAX_ROWS: Final = 1000
DUE_FORMAT: Final = "dd/mm/yyyy hh:mm"
Labels = Mapping[str, tuple[str, ...]]  # field → (label written in templates, other accepted labels)
Value = Callable[[Any], object]  # an openpyxl cell → the value the rules read
Raw = TypeVar("Raw")


def norm(label: object) -> str:
    return clean_text(str(label)).rstrip(":").strip().casefold() if label is not None else ""


def lookup(names: Labels) -> dict[str, str]:
    return {norm(alias): field for field, aliases in names.items() for alias in aliases}


def plain_value(cell: Any) -> object:
    """The cell's value; a blank text is no value."""
    value = cell.value
    return None if isinstance(value, str) and not value.strip() else value


def open_book(content: bytes, read_book: Callable[[Any], Raw]) -> Raw:
    """The workbook handed to `read_book`; ProblemsFound("xlsx_broken") when it is no workbook."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about every extension it skips
            book = openpyxl.load_workbook(BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # zipfile, XML and openpyxl errors alike mean "not a workbook"
        raise ProblemsFound([Problem(None, "xlsx_broken")]) from error
    try:
        return read_book(book)
    except ProblemsFound:
        raise
    except Exception as error:  # read-only sheets parse lazily: a damaged sheet fails here
        raise ProblemsFound([Problem(None, "xlsx_broken")]) from error
    finally:
        book.close()


def find_sheets(book: Any, sheets: Labels, optional: frozenset[str], problems: list[Problem]) -> dict[str, Any]:
    """The book's sheets by part; a missing part that is not optional is a problem."""
    by_name = {norm(sheet.title): sheet for sheet in book.worksheets}
    found: dict[str, Any] = {}
    for part, names in sheets.items():
        sheet = next((by_name[norm(name)] for name in names if norm(name) in by_name), None)
        if sheet is None and part not in optional:
            problems.append(Problem(None, "sheet_missing", {"sheet": names[0], "alias": names[1]}))
        elif sheet is not None:
            sheet.reset_dimensions()  # files from other tools often declare a wrong used range
            found[part] = sheet
    return found


def rows(sheet: Any, problems: list[Problem], value: Value = plain_value) -> Iterator[tuple[int, list[object]]]:
    """Non-empty rows with their 1-based numbers."""
    for number, cells in enumerate(sheet.iter_rows(max_row=MAX_ROWS + 1), start=1):
        values = [value(cell) for cell in cells]
        if any(v is not None for v in values):
            if number > MAX_ROWS:
                where = Sheet(sheet.title)
                problems.append(Problem(where, "too_many_rows", {"limit": MAX_ROWS}))
                return
            yield number, values


def labelled(sheet: Any, names: Labels, problems: list[Problem], value: Value = plain_value) -> Row:
    """A sheet of one item per row, label in column A and value in column B."""
    title, labels = sheet.title, lookup(names)
    cells: dict[str, Cell] = {}
    seen: dict[str, int] = {}
    for number, values in rows(sheet, problems, value):
        label, given = values[0], values[1] if len(values) > 1 else None
        where = SheetRow(title, number)
        field = labels.get(norm(label))
        if label is None:
            problems.append(Problem(where, "label_missing"))
        elif field is None:
            allowed = ", ".join(f'"{aliases[0]}"' for aliases in names.values())
            problems.append(Problem(where, "label_unknown", {"label": show(label), "allowed": allowed}))
        elif field in seen:
            problems.append(Problem(where, "label_duplicate", {"label": show(label), "first": RowNumber(seen[field])}))
        else:
            seen[field] = number
            cells[field] = Cell(given, LabelledCell(title, number, show(label)))
    for field, aliases in names.items():
        cells.setdefault(field, Cell(None, SheetItem(title, aliases[0])))
    return Row(Sheet(title), cells)


class Table:
    """A sheet of one item per row under a header row that names the columns."""

    def __init__(self, sheet: Any, names: Labels, optional: frozenset[str], problems: list[Problem],
                 value: Value = plain_value) -> None:
        self.title, self.names, self.optional, self.problems = sheet.title, names, optional, problems
        self._rows = rows(sheet, problems, value)
        self.columns: dict[str, tuple[int, str]] = {}  # field → (index, label as written)
        self.found = self._header()

    def _header(self) -> bool:
        """Read the header row: False when the sheet is empty."""
        header = next(self._rows, None)
        if header is None:
            return False
        header_number, labels = header
        where = SheetRow(self.title, header_number)
        fields = lookup(self.names)
        for index, label in enumerate(labels):
            field = fields.get(norm(label))
            if field in self.columns:
                self.problems.append(Problem(where, "column_duplicate", {"column": show(label)}))
            elif field is not None:
                self.columns[field] = (index, clean_text(str(label)))
        for field, aliases in self.names.items():
            if field not in self.columns and field not in self.optional:
                self.problems.append(Problem(where, "column_missing", {"column": aliases[0]}))
        return True

    def empty_problem(self) -> Problem:
        wanted = ", ".join(f'"{aliases[0]}"' for aliases in self.names.values())
        return Problem(Sheet(self.title), "sheet_empty", {"columns": wanted})

    def __iter__(self) -> Iterator[tuple[int, dict[str, Cell]]]:
        """(row number, cells by field) of every row with a value in a known column. A missing required
        column reads REPORTED (its problem is already told)."""
        for number, values in self._rows:
            cells: dict[str, Cell] = {}
            for field, aliases in self.names.items():
                index, label = self.columns.get(field, (-1, aliases[0]))
                value: object = values[index] if 0 <= index < len(values) else None
                if index < 0 and field not in self.optional:
                    value = REPORTED
                cells[field] = Cell(value, SheetCell(self.title, number, label))
            if any(cell.value not in (None, REPORTED) for cell in cells.values()):
                yield number, cells


def put(sheet: Any, row: int, values: Sequence[object], *, bold: bool = False) -> None:
    """A row of a template: text stays text, dates and numbers keep a readable format."""
    for column, value in enumerate(values, start=1):
        cell = put_cell(sheet, row, column, value)  # text that starts with "=" stays text
        if isinstance(value, datetime):
            cell.number_format = DUE_FORMAT
        if isinstance(value, Decimal):
            cell.number_format = "0.##"
        if bold:
            cell.font = Font(bold=True)


def widths(sheet: Any, columns: Sequence[int]) -> None:
    for letter, width in zip("ABCDEFGHIJ", columns, strict=False):
        sheet.column_dimensions[letter].width = width


def book_bytes(book: Any) -> bytes:
    out = BytesIO()
    book.save(out)
    return out.getvalue()
