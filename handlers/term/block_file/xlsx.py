"""Reading and writing the Excel form of a block file (layout in `handlers.term.block_file.read`).

Sheets and columns are found by name, Vietnamese or English, in any case, so a secretariat may
reorder columns or add its own (STT, Ghi chú): unknown columns are ignored, rows empty in every
known column are skipped. Dates may be typed as text or as real Excel dates.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Any, Final

import openpyxl

from handlers.core.clock import LOCAL_TZ
from handlers.core.office import xlsx
from handlers.core.office.problems import Problem, Row, RowNumber, Sheet
from handlers.core.office.xlsx import Labels
from handlers.term.block_file.model import UNITS, BlockSpec, RawBlock
from handlers.term.block_file.rules import KIND_LABELS

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


def _value(cell: Any) -> object:
    value = cell.value
    # A date typed without a time shows no hours; it means the default hour, not midnight.
    if isinstance(value, datetime) and value.time() == time(0) and "h" not in str(cell.number_format).lower():
        return value.date()
    return xlsx.plain_value(cell)


def _table(sheet: Any, names: Labels, problems: list[Problem], *, required: bool) -> list[Row] | None:
    """Rows under the first non-empty row, which names the columns."""
    table = xlsx.Table(sheet, names, OPTIONAL, problems, _value)
    if not table.found:
        if not required:
            return []
        problems.append(table.empty_problem())
        return None
    return [Row(RowNumber(number), cells) for number, cells in table]


def read_xlsx(content: bytes) -> RawBlock:
    return xlsx.open_book(content, _read_book)


def _read_book(book: Any) -> RawBlock:
    problems: list[Problem] = []
    found = xlsx.find_sheets(book, SHEETS, frozenset({"deadlines"}), problems)
    block = xlsx.labelled(found["block"], BLOCK_LABELS, problems, _value) if "block" in found else None
    units = _table(found["units"], UNIT_COLUMNS, problems, required=True) if "units" in found else None
    deadlines = _table(found["deadlines"], DEADLINE_COLUMNS, problems, required=False) if "deadlines" in found else []
    units_where = Sheet(found["units"].title) if "units" in found else UNITS
    return RawBlock(block, units, deadlines, units_where=units_where, problems=problems)


def block_xlsx_bytes(spec: BlockSpec) -> bytes:
    book = openpyxl.Workbook()
    block = book.active
    block.title = SHEETS["block"][0]
    values = (spec.name, spec.province, spec.year, spec.head, spec.deputy)
    for number, (labels, value) in enumerate(zip(BLOCK_LABELS.values(), values, strict=True), start=1):
        xlsx.put(block, number, (labels[0], value))
    units = book.create_sheet(SHEETS["units"][0])
    xlsx.put(units, 1, [labels[0] for labels in UNIT_COLUMNS.values()], bold=True)
    for number, unit in enumerate(spec.units, start=2):
        xlsx.put(units, number, (unit.code, unit.name))
    deadlines = book.create_sheet(SHEETS["deadlines"][0])
    xlsx.put(deadlines, 1, [labels[0] for labels in DEADLINE_COLUMNS.values()], bold=True)
    for number, item in enumerate(spec.deadlines, start=2):
        local = item.due.astimezone(LOCAL_TZ).replace(tzinfo=None)
        xlsx.put(deadlines, number, (KIND_LABELS[item.kind], item.title, local, item.sheet))
    for sheet, widths in ((block, (18, 50)), (units, (14, 60)), (deadlines, (26, 60, 18, 24))):
        xlsx.widths(sheet, widths)
    return xlsx.book_bytes(book)
