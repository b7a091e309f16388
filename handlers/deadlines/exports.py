"""Excel exports for the secretariat: the submissions summary and the compiled emulation themes.

`load` reads what a report needs through the unit of work; the workbook builders are pure functions
of it, so the chat and the command line produce the same file.

Layout (both sheets): row 1 the title naming the block and year, row 2 when the figures were taken,
the header from row 4. Submissions: two header rows (deadline, then Ngày nộp / Tình trạng / Hình thức
under each), one row per unit from row 6, a total row last. Themes: one header row, units from row 5.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from handlers.core.catalog import Catalog
from handlers.core.clock import format_local, format_local_date
from handlers.core.office.xlsx_text import put_cell
from handlers.deadlines.due_text import due_text
from handlers.deadlines.print_setup import print_setup, signature_block
from handlers.deadlines.rules.workdays import effective_due
from storage.models import Deadline, Submission, Unit
from storage.uow import UnitOfWork

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TITLE_ROW, AS_OF_ROW, HEADER_ROW = 1, 2, 4
FONT = "Times New Roman"  # the administrative documents' typeface
_THIN = Side(style="thin", color="808080")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_LATE_FILL = PatternFill("solid", fgColor="FFF2CC")
_MISSING_FILL = PatternFill("solid", fgColor="FCE4D6")


@dataclass(frozen=True)
class BlockReport:
    """A block's current term as the exports see it."""

    block: str
    year: int
    at: datetime
    units: list[Unit]
    deadlines: list[Deadline]
    submissions: dict[tuple[int, int], Submission]  # (deadline id, unit id) → the current submission


async def load(uow: UnitOfWork, block_id: int, now: datetime) -> BlockReport | None:
    """None when the block has no current term."""
    block = await uow.directory.block(block_id)
    term = await uow.directory.current_term(block_id)
    if block is None or term is None or term.id is None:
        return None
    deadlines = await uow.deadlines.of_term(term.id)
    current = await uow.deadlines.current_submissions([d.id for d in deadlines if d.id is not None])
    return BlockReport(block.name, term.year, now, await uow.directory.units(block_id), deadlines,
                       {(s.deadline_id, s.unit_id): s for s in current})


def status_text(t: Catalog, submission: Submission | None, deadline: Deadline | None = None) -> str:
    """«Đúng hạn» stays when an on-time unit resubmits after the deadline: that is a supplement."""
    if submission is None:
        return t("export.missing")
    if submission.late:
        return t("export.late")
    if deadline is not None and submission.submitted_at > effective_due(deadline.due_at):
        return t("export.on_time_supplement", at=format_local(submission.submitted_at))
    return t("export.on_time")


def form_text(t: Catalog, s: Submission) -> str:
    if s.kind == "dispatch":
        if s.dispatch_date is None:
            return t("export.form_dispatch_undated", number=s.dispatch_no or "…")
        return t("export.form_dispatch", number=s.dispatch_no or "…", date=format_local_date(s.dispatch_date))
    if s.kind == "theme":
        return t("export.form_theme", theme=s.theme or "")
    if s.kind == "assessment":
        return t("export.form_assessment")
    return t("export.form_document", name=s.file_name) if s.file_name else t("export.form_document_unnamed")


def themes(report: BlockReport) -> list[tuple[Unit, Submission | None]]:
    """Each unit with its latest emulation theme among the term's covenant deadlines."""
    covenant = [d.id for d in report.deadlines if d.kind == "covenant" and d.id is not None]
    rows: list[tuple[Unit, Submission | None]] = []
    for unit in report.units:
        found = [s for d in covenant if (s := report.submissions.get((d, unit.id or -1))) and s.theme]
        rows.append((unit, max(found, key=lambda s: s.submitted_at) if found else None))
    return rows


def submissions_workbook(report: BlockReport, t: Catalog | None = None) -> bytes:
    t = t or Catalog()
    book = Workbook()
    sheet = book.active
    sheet.title = t("export.sheet_submissions")
    width = 3 + 3 * len(report.deadlines)
    write_heading(sheet, t("export.submissions_title", block=report.block.upper(), year=report.year),
             t("export.as_of", now=format_local(report.at)), width)
    top, sub = HEADER_ROW, HEADER_ROW + 1
    for col, key in enumerate(("export.col_no", "export.col_code", "export.col_unit"), 1):
        header_cell(sheet, top, col, t(key))
        header_cell(sheet, sub, col, None)
        sheet.merge_cells(start_row=top, start_column=col, end_row=sub, end_column=col)
    for i, d in enumerate(report.deadlines):
        col = 4 + 3 * i
        header_cell(sheet, top, col, t("export.deadline_header", title=d.title, due=due_text(t, d.due_at)))
        for offset, key in enumerate(("export.col_date", "export.col_status", "export.col_form")):
            if offset:
                header_cell(sheet, top, col + offset, None)
            header_cell(sheet, sub, col + offset, t(key))
        sheet.merge_cells(start_row=top, start_column=col, end_row=top, end_column=col + 2)
    row = sub
    for n, unit in enumerate(report.units, 1):
        row += 1
        values: list[Any] = [n, unit.code, unit.name]
        for d in report.deadlines:
            s = report.submissions.get((d.id or -1, unit.id or -1))
            values += [format_local(s.submitted_at) if s else "", status_text(t, s, d), form_text(t, s) if s else ""]
        write_row(sheet, row, values)
        for i, d in enumerate(report.deadlines):
            s = report.submissions.get((d.id or -1, unit.id or -1))
            fill = _MISSING_FILL if s is None else _LATE_FILL if s.late else None
            if fill is not None:
                sheet.cell(row, 5 + 3 * i).fill = fill
    row += 1
    totals = [x for d in report.deadlines for x in (_total(t, report, d), "", "")]
    write_row(sheet, row, [t("export.total"), "", "", *totals], bold=True)
    for start in range(1, width + 1, 3):
        sheet.merge_cells(start_row=row, start_column=start, end_row=row, end_column=start + 2)
    sheet.row_dimensions[top].height = 48
    sheet.freeze_panes = sheet.cell(sub + 1, 4)
    fit_widths(sheet, [6, 12, 40] + [17, 12, 30] * len(report.deadlines), rows=(sub + 1, row - 1))
    print_setup(sheet, t, block=report.block, date=format_local_date(report.at), titles=(top, sub))
    signature_block(sheet, t, width)
    return workbook_bytes(book)


def _total(t: Catalog, report: BlockReport, d: Deadline) -> str:
    got = [s for u in report.units if (s := report.submissions.get((d.id or -1, u.id or -1)))]
    late = sum(1 for s in got if s.late)
    return t("export.total_line", done=len(got), total=len(report.units), on_time=len(got) - late, late=late)


def themes_workbook(report: BlockReport, t: Catalog | None = None) -> bytes:
    t = t or Catalog()
    book = Workbook()
    sheet = book.active
    sheet.title = t("export.sheet_themes")
    write_heading(sheet, t("export.themes_title", block=report.block.upper(), year=report.year),
             t("export.as_of", now=format_local(report.at)), 4)
    for col, key in enumerate(("export.col_no", "export.col_unit_name", "export.col_theme",
                               "export.col_registered"), 1):
        header_cell(sheet, HEADER_ROW, col, t(key))
    for n, (unit, s) in enumerate(themes(report), 1):
        theme = s.theme if s and s.theme else t("export.no_theme")
        write_row(sheet, HEADER_ROW + n, [n, unit.name, theme, format_local_date(s.submitted_at) if s else ""])
        if s is None:
            sheet.cell(HEADER_ROW + n, 3).font = Font(name=FONT, size=12, italic=True)
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 1)
    fit_widths(sheet, [6, 40, 60, 14], rows=(HEADER_ROW + 1, sheet.max_row))
    print_setup(sheet, t, block=report.block, date=format_local_date(report.at), titles=(HEADER_ROW, HEADER_ROW))
    signature_block(sheet, t, 4)
    return workbook_bytes(book)


def write_heading(sheet: Any, title: str, as_of: str, width: int) -> None:
    """Rows 1 and 2 of every export (also the scoring ones): the title and when the figures were taken."""
    for row, text, font in ((TITLE_ROW, title, Font(name=FONT, size=14, bold=True)),
                            (AS_OF_ROW, as_of, Font(name=FONT, size=12, italic=True))):
        cell = put_cell(sheet, row, 1, text)
        cell.font = font
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=max(width, 1))
    sheet.row_dimensions[TITLE_ROW].height = 36


def header_cell(sheet: Any, row: int, col: int, text: str | None) -> None:
    """A header cell; None styles a cell that a merged header covers."""
    cell = put_cell(sheet, row, col, text)
    cell.font = Font(name=FONT, size=12, bold=True)
    cell.fill = _HEADER_FILL
    cell.border = BORDER
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def write_row(sheet: Any, row: int, values: list[Any], bold: bool = False) -> None:
    """A bordered body row: numbers and the code column centred, text left."""
    for col, value in enumerate(values, 1):
        cell = put_cell(sheet, row, col, value)
        cell.font = Font(name=FONT, size=12, bold=bold)
        cell.border = BORDER
        centred = isinstance(value, int) or col == 2
        cell.alignment = Alignment(horizontal="center" if centred else "left", vertical="top", wrap_text=True)


def fit_widths(sheet: Any, minimum: list[int], rows: tuple[int, int], cap: int = 60) -> None:
    """Each column as wide as its longest line in `rows` (headers wrap), within [minimum, cap]."""
    for col, least in enumerate(minimum, 1):
        longest = max((len(line) for row in sheet.iter_rows(min_row=rows[0], max_row=rows[1], min_col=col, max_col=col)
                       for cell in row if cell.value is not None for line in str(cell.value).split("\n")),
                      default=0)
        sheet.column_dimensions[get_column_letter(col)].width = min(cap, max(least, longest + 2))


def workbook_bytes(book: Workbook) -> bytes:
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
