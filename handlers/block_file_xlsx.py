"""Reading and writing the Excel form of a block file (layout in `handlers.block_file`).

Sheets and columns are found by name, Vietnamese or English, in any case, so a secretariat may
reorder columns or add its own (STT, Ghi chú): unknown columns are ignored, rows empty in every
known column are skipped. Dates may be typed as text or as real Excel dates.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime, time
from io import BytesIO
from typing import Any, Final

import openpyxl
from openpyxl.styles import Font

from handlers.block_file_model import REPORTED, BlockSpec, Cell, Problem, ProblemsFound, RawBlock, Row
from handlers.block_file_rules import KIND_LABELS, clean_text, show
from handlers.clock import LOCAL_TZ

MAX_ROWS: Final = 1000
# field → (Vietnamese label written in templates, other accepted labels)
Labels = Mapping[str, tuple[str, ...]]
SHEETS: Final[Labels] = {
    "block": ("Khối", "block"),
    "units": ("Đơn vị", "units"),
    "deadlines": ("Hạn nộp", "deadlines"),
}
BLOCK_LABELS: Final[Labels] = {
    "name": ("Tên khối", "name", "tên khối thi đua"),
    "province": ("Tỉnh", "province"),
    "year": ("Năm", "year", "năm thi đua"),
    "head": ("Trưởng khối", "head"),
    "deputy": ("Phó Trưởng khối", "deputy", "phó khối"),
}
UNIT_COLUMNS: Final[Labels] = {"code": ("Mã", "code", "mã đơn vị"), "name": ("Tên", "name", "tên đơn vị")}
DEADLINE_COLUMNS: Final[Labels] = {
    "kind": ("Loại", "kind"),
    "title": ("Tiêu đề", "title"),
    "due": ("Hạn", "due", "hạn nộp"),
    "sheet": ("Bảng điểm", "sheet"),
}
OPTIONAL: Final = frozenset({"deputy", "sheet"})
_DUE_FORMAT: Final = "dd/mm/yyyy hh:mm"


def _norm(label: object) -> str:
    return clean_text(str(label)).rstrip(":").strip().casefold() if label is not None else ""


def _lookup(names: Labels) -> dict[str, str]:
    return {_norm(alias): field for field, aliases in names.items() for alias in aliases}


def _value(cell: Any) -> object:
    value = cell.value
    # A date typed without a time shows no hours; it means the default hour, not midnight.
    if isinstance(value, datetime) and value.time() == time(0) and "h" not in str(cell.number_format).lower():
        return value.date()
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _rows(sheet: Any, title: str, problems: list[Problem]) -> Iterator[tuple[int, list[object]]]:
    """Non-empty rows with their 1-based numbers."""
    for number, cells in enumerate(sheet.iter_rows(max_row=MAX_ROWS + 1), start=1):
        values = [_value(cell) for cell in cells]
        if any(value is not None for value in values):
            if number > MAX_ROWS:
                problems.append(Problem(f'Sheet "{title}"', "too_many_rows", {"limit": MAX_ROWS}))
                return
            yield number, values


def _block(sheet: Any, problems: list[Problem]) -> Row:
    title, labels = sheet.title, _lookup(BLOCK_LABELS)
    cells: dict[str, Cell] = {}
    seen: dict[str, int] = {}
    for number, values in _rows(sheet, title, problems):
        label, value = values[0], values[1] if len(values) > 1 else None
        where = f'Sheet "{title}", dòng {number}'
        field = labels.get(_norm(label))
        if label is None:
            problems.append(Problem(where, "label_missing"))
        elif field is None:
            allowed = ", ".join(f'"{names[0]}"' for names in BLOCK_LABELS.values())
            problems.append(Problem(where, "label_unknown", {"label": show(label), "allowed": allowed}))
        elif field in seen:
            problems.append(Problem(where, "label_duplicate", {"label": show(label), "first": f"dòng {seen[field]}"}))
        else:
            seen[field] = number
            cells[field] = Cell(value, f'{where} ("{show(label)}")')
    for field, names in BLOCK_LABELS.items():
        cells.setdefault(field, Cell(None, f'Sheet "{title}", mục "{names[0]}"'))
    return Row(f'Sheet "{title}"', cells)


def _table(sheet: Any, names: Labels, problems: list[Problem], *, required: bool) -> list[Row] | None:
    """Rows under the first non-empty row, which names the columns."""
    title, lookup = sheet.title, _lookup(names)
    rows = _rows(sheet, title, problems)
    header = next(rows, None)
    if header is None:
        if not required:
            return []
        wanted = ", ".join(f'"{labels[0]}"' for labels in names.values())
        problems.append(Problem(f'Sheet "{title}"', "sheet_empty", {"columns": wanted}))
        return None
    header_number, labels = header
    where = f'Sheet "{title}", dòng {header_number}'
    columns: dict[str, tuple[int, str]] = {}
    for index, label in enumerate(labels):
        field = lookup.get(_norm(label))
        if field in columns:
            problems.append(Problem(where, "column_duplicate", {"column": show(label)}))
        elif field is not None:
            columns[field] = (index, clean_text(str(label)))
    for field, aliases in names.items():
        if field not in columns and field not in OPTIONAL:
            problems.append(Problem(where, "column_missing", {"column": aliases[0]}))
    result: list[Row] = []
    for number, values in rows:
        cells: dict[str, Cell] = {}
        for field, aliases in names.items():
            index, label = columns.get(field, (-1, aliases[0]))
            value: object = values[index] if 0 <= index < len(values) else None
            if index < 0 and field not in OPTIONAL:
                value = REPORTED
            cells[field] = Cell(value, f'Sheet "{title}", dòng {number}, cột "{label}"')
        if any(cell.value not in (None, REPORTED) for cell in cells.values()):
            result.append(Row(f"dòng {number}", cells))
    return result


def read_xlsx(content: bytes) -> RawBlock:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about every extension it skips
            book = openpyxl.load_workbook(BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # zipfile, XML and openpyxl errors alike mean "not a workbook"
        raise ProblemsFound([Problem("", "xlsx_broken")]) from error
    try:
        return _read_book(book)
    except ProblemsFound:
        raise
    except Exception as error:  # read-only sheets parse lazily: a damaged sheet fails here
        raise ProblemsFound([Problem("", "xlsx_broken")]) from error
    finally:
        book.close()


def _read_book(book: Any) -> RawBlock:
    sheets = {_norm(sheet.title): sheet for sheet in book.worksheets}
    found: dict[str, Any] = {}
    problems: list[Problem] = []
    for part, names in SHEETS.items():
        sheet = next((sheets[_norm(name)] for name in names if _norm(name) in sheets), None)
        if sheet is None and part != "deadlines":
            problems.append(Problem("", "sheet_missing", {"sheet": names[0], "alias": names[1]}))
        elif sheet is not None:
            sheet.reset_dimensions()  # files from other tools often declare a wrong used range
            found[part] = sheet
    block = _block(found["block"], problems) if "block" in found else None
    units = _table(found["units"], UNIT_COLUMNS, problems, required=True) if "units" in found else None
    deadlines = _table(found["deadlines"], DEADLINE_COLUMNS, problems, required=False) if "deadlines" in found else []
    units_where = f'Sheet "{found["units"].title}"' if "units" in found else "units"
    return RawBlock(block, units, deadlines, units_where=units_where, problems=problems)


def _put(sheet: Any, row: int, values: Sequence[object], *, bold: bool = False) -> None:
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # text that starts with "=" stays text, never a formula
        if isinstance(value, datetime):
            cell.number_format = _DUE_FORMAT
        if bold:
            cell.font = Font(bold=True)


def block_xlsx_bytes(spec: BlockSpec) -> bytes:
    book = openpyxl.Workbook()
    block = book.active
    block.title = SHEETS["block"][0]
    values = (spec.name, spec.province, spec.year, spec.head, spec.deputy)
    for number, (labels, value) in enumerate(zip(BLOCK_LABELS.values(), values, strict=True), start=1):
        _put(block, number, (labels[0], value))
    units = book.create_sheet(SHEETS["units"][0])
    _put(units, 1, [labels[0] for labels in UNIT_COLUMNS.values()], bold=True)
    for number, unit in enumerate(spec.units, start=2):
        _put(units, number, (unit.code, unit.name))
    deadlines = book.create_sheet(SHEETS["deadlines"][0])
    _put(deadlines, 1, [labels[0] for labels in DEADLINE_COLUMNS.values()], bold=True)
    for number, item in enumerate(spec.deadlines, start=2):
        local = item.due.astimezone(LOCAL_TZ).replace(tzinfo=None)
        _put(deadlines, number, (KIND_LABELS[item.kind], item.title, local, item.sheet))
    for sheet, widths in ((block, (18, 50)), (units, (14, 60)), (deadlines, (26, 60, 18, 24))):
        for letter, width in zip("ABCD", widths, strict=False):
            sheet.column_dimensions[letter].width = width
    out = BytesIO()
    book.save(out)
    return out.getvalue()
