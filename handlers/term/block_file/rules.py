"""The rules a block file must meet, applied to values from either reader.

Every check records a problem and carries on, so the secretariat sees every mistake in one go
instead of fixing a file one error at a time.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Final

from handlers.core.clock import LOCAL_TZ
from handlers.core.office.problems import REPORTED, Cell, Place, Problem, ProblemsFound, Row
from handlers.core.office.reader import cell_text, clean_text, show
from handlers.deadlines.rules.kinds import DEADLINE_KINDS
from handlers.term.block_file.model import BlockSpec, DeadlineSpec, RawBlock, UnitSpec

MIN_UNITS: Final = 2
MAX_UNITS: Final = 100
MIN_YEAR: Final = 2000
MAX_YEAR: Final = 2100
MAX_TEXT: Final = 255
DEFAULT_DUE_TIME: Final = time(17, 0)  # "dd/mm/yyyy" alone means the end of the working day
_CODE: Final = re.compile(r"[A-Za-z0-9_-]{1,20}")
_YEAR: Final = re.compile(r"[0-9]{1,6}")
_DUE: Final = re.compile(
    r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})(?:\s+([0-9]{1,2})(?::([0-9]{2})|[hH]([0-9]{2})?))?"
)

# The "Loại" column in Excel: templates write these labels; reading accepts them, the kinds
# themselves and a few short forms, compared case-folded.
KIND_LABELS: Final = {
    "covenant": "Giao ước thi đua",
    "six_month_report": "Báo cáo sơ kết 6 tháng",
    "year_end_report": "Báo cáo tổng kết năm",
    "self_assessment": "Tự chấm điểm",
    "custom": "Khác",
}
_KIND_ALIASES: Final = {
    **{kind: kind for kind in DEADLINE_KINDS},
    **{label.casefold(): kind for kind, label in KIND_LABELS.items()},
    "giao ước": "covenant",
    "sơ kết": "six_month_report",
    "báo cáo sơ kết": "six_month_report",
    "tổng kết": "year_end_report",
    "báo cáo tổng kết": "year_end_report",
    "bảng tự chấm điểm": "self_assessment",
}


class DueError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def local_due(day: date, at: time) -> datetime:
    """A local date and time, checked to lie in the years a block can use, as aware UTC."""
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise DueError("due_out_of_range")
    return datetime.combine(day, at, tzinfo=LOCAL_TZ).astimezone(UTC)


def due_from_text(text: str) -> datetime:
    match = _DUE.fullmatch(clean_text(text))
    if match is None:
        raise DueError("due_invalid")
    day, _, month, year, hour, minute, minute_h = match.groups()
    try:
        on = date(int(year), int(month), int(day))
        at = DEFAULT_DUE_TIME if hour is None else time(int(hour), int(minute or minute_h or 0))
    except ValueError:
        raise DueError("due_not_real") from None
    return local_due(on, at)


def due_from_datetime(value: datetime) -> datetime:
    """Excel hands dates over as naive local datetimes, with float noise in the seconds."""
    if value.tzinfo is not None:
        if not MIN_YEAR <= value.year <= MAX_YEAR:
            raise DueError("due_out_of_range")
        value = value.astimezone(LOCAL_TZ).replace(tzinfo=None)
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise DueError("due_out_of_range")
    value = (value + timedelta(seconds=30)).replace(second=0, microsecond=0)
    return local_due(value.date(), value.time())


class _Checker:
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems

    def add(self, where: Place, key: str, **values: object) -> None:
        self.problems.append(Problem(where, key, values))

    def text(self, cell: Cell, *, required: bool = True) -> str | None:
        return cell_text(cell, MAX_TEXT, self.problems, required=required)

    def year(self, cell: Cell) -> int | None:
        value = cell.value
        if value is REPORTED:
            return None
        if value is None or (isinstance(value, str) and not value.strip()):
            self.add(cell.where, "required")
            return None
        year: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            year = value
        elif isinstance(value, float) and math.isfinite(value) and value.is_integer():
            year = int(value)
        elif isinstance(value, str) and _YEAR.fullmatch(value.strip()):
            year = int(value.strip())
        if year is None or not MIN_YEAR <= year <= MAX_YEAR:
            self.add(cell.where, "year_invalid", value=show(value), low=MIN_YEAR, high=MAX_YEAR)
            return None
        return year

    def code(self, cell: Cell, *, required: bool = True) -> str | None:
        text = self.text(cell, required=required)
        if text is None:
            return None
        if not _CODE.fullmatch(text):
            self.add(cell.where, "code_invalid", value=show(text))
            return None
        return text.upper()

    def kind(self, cell: Cell) -> str | None:
        text = self.text(cell)
        if text is None:
            return None
        kind = _KIND_ALIASES.get(text.casefold())
        if kind is None:
            self.add(cell.where, "kind_invalid", value=show(text), allowed=", ".join(DEADLINE_KINDS))
        return kind

    def due(self, cell: Cell) -> datetime | None:
        value = cell.value
        if value is REPORTED:
            return None
        try:
            if isinstance(value, datetime):
                return due_from_datetime(value)
            if isinstance(value, date):
                return local_due(value, DEFAULT_DUE_TIME)
        except DueError as error:
            self.add(cell.where, error.key, value=show(value), low=MIN_YEAR, high=MAX_YEAR)
            return None
        text = self.text(cell)
        if text is None:
            return None
        try:
            return due_from_text(text)
        except DueError as error:
            self.add(cell.where, error.key, value=show(text), low=MIN_YEAR, high=MAX_YEAR)
            return None


def _units(check: _Checker, rows: list[Row], where: Place) -> tuple[tuple[UnitSpec, ...], set[str]]:
    """The valid units, and every well-formed code (a head may name a unit whose row has
    another problem; that problem is reported once, not again as an unknown head)."""
    if not MIN_UNITS <= len(rows) <= MAX_UNITS:
        check.add(where, "units_count", count=len(rows), low=MIN_UNITS, high=MAX_UNITS)
    units: list[UnitSpec] = []
    codes: dict[str, Place] = {}
    names: dict[str, Place] = {}
    for row in rows:
        code = check.code(row.cells["code"])
        name = check.text(row.cells["name"])
        if code is not None and code in codes:
            check.add(row.cells["code"].where, "code_duplicate", value=code, first=codes[code])
            code = None
        if name is not None and name.casefold() in names:
            check.add(row.cells["name"].where, "name_duplicate", value=show(name), first=names[name.casefold()])
            name = None
        if code is not None:
            codes[code] = row.label
        if name is not None:
            names[name.casefold()] = row.label
        if code is not None and name is not None:
            units.append(UnitSpec(code, name))
    return tuple(units), set(codes)


def _deadline(check: _Checker, row: Row) -> DeadlineSpec | None:
    kind = check.kind(row.cells["kind"])
    title = check.text(row.cells["title"])
    due = check.due(row.cells["due"])
    sheet_cell = row.cells["sheet"]
    sheet = check.text(sheet_cell, required=False)
    if sheet is not None and kind is not None and kind != "self_assessment":
        check.add(sheet_cell.where, "sheet_not_allowed", kind=kind)
        return None
    if kind is None or title is None or due is None:
        return None
    return DeadlineSpec(kind, title, due, sheet)


def validate(raw: RawBlock) -> BlockSpec:
    """The spec, or ProblemsFound with every problem of the file, in the order they appear in it."""
    check = _Checker(list(raw.problems))
    name = province = head = deputy = None
    year: int | None = None
    if raw.block is not None:
        cells = raw.block.cells
        name = check.text(cells["name"])
        province = check.text(cells["province"])
        year = check.year(cells["year"])
        head = check.code(cells["head"])
        deputy = check.code(cells["deputy"], required=False)
    units, known = _units(check, raw.units, raw.units_where) if raw.units is not None else ((), set())
    deadlines = tuple(_deadline(check, row) for row in raw.deadlines or ())
    if raw.block is not None:
        cells = raw.block.cells
        if raw.units is not None and head is not None and head not in known:
            check.add(cells["head"].where, "unit_unknown", value=head)
        if head is not None and head == deputy:
            check.add(cells["deputy"].where, "deputy_is_head", value=head)
        elif raw.units is not None and deputy is not None and deputy not in known:
            check.add(cells["deputy"].where, "unit_unknown", value=deputy)
    if check.problems or name is None or province is None or year is None or head is None:
        raise ProblemsFound(check.problems)
    return BlockSpec(name, province, year, head, deputy, units, tuple(d for d in deadlines if d))
