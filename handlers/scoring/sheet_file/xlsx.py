"""Reading and writing the Excel form of a criteria file (layout in `handlers.scoring.sheet_file.read`).

Sheets and columns are found by name, Vietnamese or English, in any case; other columns (STT, Ghi chú)
are ignored and rows empty in every known column skipped. A section is opened by a heading row (Mục and
Tên mục, nothing else) or by the first criterion that names it; a criterion with an empty Mục belongs
to the section above it, as in the paper sheets offices copy from.
"""

from __future__ import annotations

from typing import Any, Final

import openpyxl

from handlers.core.office import xlsx
from handlers.core.office.problems import REPORTED, Cell, Problem, Row, RowNumber, Sheet, SheetRow
from handlers.core.office.reader import clean_text, show
from handlers.core.office.xlsx import Labels
from handlers.scoring.sheet_file.model import RawSection, RawSheet, SheetSpec
from handlers.scoring.sheet_file.rules import KIND_LABELS, kind_of

SHEETS: Final[Labels] = {"head": ("Bảng điểm", "sheet"), "criteria": ("Tiêu chí", "criteria")}
HEAD_LABELS: Final[Labels] = {
    "title": ("Tên bảng", "title", "tên bảng điểm", "tiêu đề"),
    "step": ("Bước điểm", "step", "bước"),
}
COLUMNS: Final[Labels] = {
    "kind": ("Loại", "kind"),
    "section": ("Mục", "section", "mã mục"),
    "section_title": ("Tên mục", "section title", "section_title"),
    "code": ("Mã", "code", "mã tiêu chí"),
    "text": ("Nội dung", "text", "nội dung tiêu chí"),
    "max": ("Điểm tối đa", "max", "maximum", "điểm chuẩn"),
}
OPTIONAL: Final = frozenset({"kind"})
_CRITERION: Final = ("code", "text", "max")


def _section_key(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(str(value)).casefold()


class _Grouper:
    """Rows of the criteria sheet into sections, bonus and deductions."""

    def __init__(self, title: str, problems: list[Problem]) -> None:
        self.title, self.problems = title, problems
        self.sheet = RawSheet(None, [], sections_where=Sheet(title), problems=problems)
        self.current: RawSection | None = None
        self.current_key: str | None = None
        self.title_row: dict[int, int] = {}  # id of a section → the row its title came from

    def add(self, number: int, cells: dict[str, Cell]) -> None:
        kind = kind_of(cells["kind"].value)
        if kind is None:
            allowed = ", ".join(f"{label} ({kind})" for kind, label in KIND_LABELS.items())
            self.problems.append(Problem(cells["kind"].where, "kind_invalid",
                                         {"value": show(cells["kind"].value), "allowed": allowed}))
            return
        row = Row(RowNumber(number), {field: cells[field] for field in _CRITERION})
        if kind != "base":  # a bonus or deduction belongs to no section: Mục there is only a note
            (self.sheet.bonus if kind == "bonus" else self.sheet.deductions).append(row)
            return
        heading = all(cells[field].value is None for field in _CRITERION)
        section = self._section(number, cells, heading)
        if not heading:
            section.criteria.append(row)

    def _section(self, number: int, cells: dict[str, Cell], heading: bool) -> RawSection:
        code, title = cells["section"], cells["section_title"]
        key = _section_key(code.value) if code.value is not REPORTED else ""
        current = self.current
        if current is not None and (key == self.current_key or (key is None and not heading)):
            self._title(current, number, title)
            return current
        where = SheetRow(self.title, number)
        if key is None and current is None and not heading:  # a criterion before any section
            title = Cell(REPORTED, title.where)
        section = RawSection(RowNumber(number), code, title, [], where)
        self.title_row[id(section)] = number
        assert self.sheet.sections is not None
        self.sheet.sections.append(section)
        self.current, self.current_key = section, key
        return section

    def _title(self, section: RawSection, number: int, title: Cell) -> None:
        """A section's title may be repeated on its rows, but not changed."""
        if title.value is None or title.value is REPORTED:
            return
        if section.title.value is None:
            section.title = title
            self.title_row[id(section)] = number
        elif section.title.value is not REPORTED and xlsx.norm(title.value) != xlsx.norm(section.title.value):
            first = RowNumber(self.title_row[id(section)])
            self.problems.append(Problem(title.where, "section_title_conflict",
                                         {"value": show(title.value), "first": first}))


def _criteria(sheet: Any, problems: list[Problem]) -> RawSheet:
    group = _Grouper(sheet.title, problems)
    table = xlsx.Table(sheet, COLUMNS, OPTIONAL, problems)
    if not table.found:
        problems.append(table.empty_problem())
        group.sheet.sections = None
        return group.sheet
    for number, cells in table:
        group.add(number, cells)
    return group.sheet


def read_xlsx(content: bytes) -> RawSheet:
    return xlsx.open_book(content, _read_book)


def _read_book(book: Any) -> RawSheet:
    problems: list[Problem] = []
    found = xlsx.find_sheets(book, SHEETS, frozenset(), problems)
    head = xlsx.labelled(found["head"], HEAD_LABELS, problems) if "head" in found else None
    if "criteria" not in found:
        return RawSheet(head, None, problems=problems)
    raw = _criteria(found["criteria"], problems)
    raw.head = head
    return raw


def criteria_xlsx_bytes(spec: SheetSpec) -> bytes:
    book = openpyxl.Workbook()
    head = book.active
    head.title = SHEETS["head"][0]
    xlsx.put(head, 1, (HEAD_LABELS["title"][0], spec.title))
    xlsx.put(head, 2, (HEAD_LABELS["step"][0], spec.step))
    criteria = book.create_sheet(SHEETS["criteria"][0])
    xlsx.put(criteria, 1, [labels[0] for labels in COLUMNS.values()], bold=True)
    number = 2
    for section in spec.sections:
        xlsx.put(criteria, number, (None, section.code, section.title), bold=True)
        number += 1
        for item in section.criteria:
            xlsx.put(criteria, number, (KIND_LABELS["base"], section.code, None, item.code, item.text, item.max))
            number += 1
    for kind, items in (("bonus", spec.bonus), ("deduction", spec.deductions)):
        for item in items:
            xlsx.put(criteria, number, (KIND_LABELS[kind], None, None, item.code, item.text, item.max))
            number += 1
    for sheet, widths in ((head, (16, 70)), (criteria, (14, 8, 40, 10, 70, 12))):
        xlsx.widths(sheet, widths)
    return xlsx.book_bytes(book)
