"""Reading and writing the Excel form of a criteria file (layout in `handlers.criteria_file`).

Sheets and columns are found by name, Vietnamese or English, in any case; other columns (STT, Ghi chú)
are ignored and rows empty in every known column skipped. A section is opened by a heading row (Mục and
Tên mục, nothing else) or by the first criterion that names it; a criterion with an empty Mục belongs
to the section above it, as in the paper sheets offices copy from.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from io import BytesIO
from typing import Any, Final

import openpyxl
from openpyxl.styles import Font

from handlers.block_file_model import REPORTED, Cell, Problem, ProblemsFound, Row
from handlers.block_file_rules import clean_text, show
from handlers.criteria_file_model import RawSection, RawSheet, SheetSpec
from handlers.criteria_file_rules import KIND_LABELS, kind_of

MAX_ROWS: Final = 1000
Labels = Mapping[str, tuple[str, ...]]  # field → (label written in templates, other accepted labels)
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


def _norm(label: object) -> str:
    return clean_text(str(label)).rstrip(":").strip().casefold() if label is not None else ""


def _lookup(names: Labels) -> dict[str, str]:
    return {_norm(alias): field for field, aliases in names.items() for alias in aliases}


def _value(cell: Any) -> object:
    value = cell.value
    return None if isinstance(value, str) and not value.strip() else value


def _rows(sheet: Any, problems: list[Problem]) -> Iterator[tuple[int, list[object]]]:
    """Non-empty rows with their 1-based numbers."""
    for number, cells in enumerate(sheet.iter_rows(max_row=MAX_ROWS + 1), start=1):
        values = [_value(cell) for cell in cells]
        if any(value is not None for value in values):
            if number > MAX_ROWS:
                problems.append(Problem(f'Sheet "{sheet.title}"', "too_many_rows", {"limit": MAX_ROWS}))
                return
            yield number, values


def _head(sheet: Any, problems: list[Problem]) -> Row:
    title, labels = sheet.title, _lookup(HEAD_LABELS)
    cells: dict[str, Cell] = {}
    seen: dict[str, int] = {}
    for number, values in _rows(sheet, problems):
        label, value = values[0], values[1] if len(values) > 1 else None
        where = f'Sheet "{title}", dòng {number}'
        field = labels.get(_norm(label))
        if label is None:
            problems.append(Problem(where, "label_missing"))
        elif field is None:
            allowed = ", ".join(f'"{names[0]}"' for names in HEAD_LABELS.values())
            problems.append(Problem(where, "label_unknown", {"label": show(label), "allowed": allowed}))
        elif field in seen:
            problems.append(Problem(where, "label_duplicate", {"label": show(label), "first": f"dòng {seen[field]}"}))
        else:
            seen[field] = number
            cells[field] = Cell(value, f'{where} ("{show(label)}")')
    for field, names in HEAD_LABELS.items():
        cells.setdefault(field, Cell(None, f'Sheet "{title}", mục "{names[0]}"'))
    return Row(f'Sheet "{title}"', cells)


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
        self.sheet = RawSheet(None, [], sections_where=f'Sheet "{title}"', problems=problems)
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
        row = Row(f"dòng {number}", {field: cells[field] for field in _CRITERION})
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
        where = f'Sheet "{self.title}", dòng {number}'
        if key is None and current is None and not heading:  # a criterion before any section
            title = Cell(REPORTED, title.where)
        section = RawSection(f"dòng {number}", code, title, [], where)
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
        elif section.title.value is not REPORTED and _norm(title.value) != _norm(section.title.value):
            first = f"dòng {self.title_row[id(section)]}"
            self.problems.append(Problem(title.where, "section_title_conflict",
                                         {"value": show(title.value), "first": first}))


def _criteria(sheet: Any, problems: list[Problem]) -> RawSheet:
    title, lookup = sheet.title, _lookup(COLUMNS)
    group = _Grouper(title, problems)
    rows = _rows(sheet, problems)
    header = next(rows, None)
    if header is None:
        wanted = ", ".join(f'"{labels[0]}"' for labels in COLUMNS.values())
        problems.append(Problem(f'Sheet "{title}"', "sheet_empty", {"columns": wanted}))
        group.sheet.sections = None
        return group.sheet
    header_number, labels = header
    where = f'Sheet "{title}", dòng {header_number}'
    columns: dict[str, tuple[int, str]] = {}
    for index, label in enumerate(labels):
        field = lookup.get(_norm(label))
        if field in columns:
            problems.append(Problem(where, "column_duplicate", {"column": show(label)}))
        elif field is not None:
            columns[field] = (index, clean_text(str(label)))
    for field, aliases in COLUMNS.items():
        if field not in columns and field not in OPTIONAL:
            problems.append(Problem(where, "column_missing", {"column": aliases[0]}))
    for number, values in rows:
        cells: dict[str, Cell] = {}
        for field, aliases in COLUMNS.items():
            index, label = columns.get(field, (-1, aliases[0]))
            value: object = values[index] if 0 <= index < len(values) else None
            if index < 0 and field not in OPTIONAL:
                value = REPORTED
            cells[field] = Cell(value, f'Sheet "{title}", dòng {number}, cột "{label}"')
        if any(cell.value not in (None, REPORTED) for cell in cells.values()):
            group.add(number, cells)
    return group.sheet


def read_xlsx(content: bytes) -> RawSheet:
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


def _read_book(book: Any) -> RawSheet:
    sheets = {_norm(sheet.title): sheet for sheet in book.worksheets}
    found: dict[str, Any] = {}
    problems: list[Problem] = []
    for part, names in SHEETS.items():
        sheet = next((sheets[_norm(name)] for name in names if _norm(name) in sheets), None)
        if sheet is None:
            problems.append(Problem("", "sheet_missing", {"sheet": names[0], "alias": names[1]}))
        else:
            sheet.reset_dimensions()  # files from other tools often declare a wrong used range
            found[part] = sheet
    head = _head(found["head"], problems) if "head" in found else None
    if "criteria" not in found:
        return RawSheet(head, None, problems=problems)
    raw = _criteria(found["criteria"], problems)
    raw.head = head
    return raw


def _put(sheet: Any, row: int, values: Sequence[object], *, bold: bool = False) -> None:
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # text that starts with "=" stays text, never a formula
        if isinstance(value, Decimal):
            cell.number_format = "0.##"
        if bold:
            cell.font = Font(bold=True)


def criteria_xlsx_bytes(spec: SheetSpec) -> bytes:
    book = openpyxl.Workbook()
    head = book.active
    head.title = SHEETS["head"][0]
    _put(head, 1, (HEAD_LABELS["title"][0], spec.title))
    _put(head, 2, (HEAD_LABELS["step"][0], spec.step))
    criteria = book.create_sheet(SHEETS["criteria"][0])
    _put(criteria, 1, [labels[0] for labels in COLUMNS.values()], bold=True)
    number = 2
    for section in spec.sections:
        _put(criteria, number, (None, section.code, section.title), bold=True)
        number += 1
        for item in section.criteria:
            _put(criteria, number, (KIND_LABELS["base"], section.code, None, item.code, item.text, item.max))
            number += 1
    for kind, items in (("bonus", spec.bonus), ("deduction", spec.deductions)):
        for item in items:
            _put(criteria, number, (KIND_LABELS[kind], None, None, item.code, item.text, item.max))
            number += 1
    for sheet, widths in ((head, (16, 70)), (criteria, (14, 8, 40, 10, 70, 12))):
        for letter, width in zip("ABCDEF", widths, strict=False):
            sheet.column_dimensions[letter].width = width
    out = BytesIO()
    book.save(out)
    return out.getvalue()
