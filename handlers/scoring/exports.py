"""Excel exports of the term's scoring: the block's summary and one unit's own sheet (bảng tự chấm điểm).

Pure functions of a loaded `ScoreBoard`, so the chat and the command line produce the same file.
Numbers are real numbers shown with the sheet's step ("0.0" for a step of 0.5, "0.00" for 0.25).

Summary, sheet "Tổng hợp điểm": title row 1, as-of row 2, three header rows 4–6 (section; criterion
with its maximum; Tự chấm / Kiểm tra / Cuối cùng), one row per unit from row 7. Each section ends with
its subtotal (Tự chấm / Cuối cùng), then bonus, deductions, the total, the rank and a note. Sheet
"Xếp hạng": the ranking, header row 4. A unit that has not submitted has no scores and no rank.

Unit sheet: header row 5 (Mã, Nội dung, Điểm tối đa, Điểm tự chấm, Giải trình, Điểm kiểm tra, Lý do);
a row per section (its code, title, subtotals) before its criteria, then the totals; a hint in row 4. The
secretariat fills "Điểm kiểm tra" and "Lý do" and imports the file back (scoring_admin_import).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from handlers.core.catalog import Catalog
from handlers.core.clock import format_local, format_local_date
from handlers.core.office.xlsx_text import put_cell
from handlers.deadlines import exports
from handlers.deadlines.print_setup import print_setup, signature_block
from handlers.scoring.board import DONE, IN_PROGRESS, NOT_STARTED, ScoreBoard
from handlers.scoring.rules.ranking import CHECKED, FINAL, SELF, Standing
from handlers.scoring.rules.scores import Totals, show
from storage.models import Criterion, Unit

XLSX_MIME = exports.XLSX_MIME
SUMMARY_TOP, SUMMARY_FIRST = 4, 7
UNIT_HEADER = 5
UNIT_COLUMNS = ("sca.x.col_code", "sca.x.col_text", "sca.x.col_max", "sca.x.col_self", "sca.x.col_explanation",
                "sca.x.col_checked", "sca.x.col_reason")
IDENTIFIER = "thidua-unit-sheet:{unit}:{sheet}"  # read back by the import, to refuse another unit's file
_CHANGED_FILL = PatternFill("solid", fgColor="FFF2CC")
_SECTION_FILL = PatternFill("solid", fgColor="EDEDED")


def number_format(step: Decimal) -> str:
    """As many decimals as the step has: 1 → "0", 0.5 → "0.0", 0.25 → "0.00"."""
    exponent = step.normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "0." + "0" * places if places else "0"


def group_title(t: Catalog, kind: str, items: list[Criterion]) -> str:
    if kind == "bonus":
        return t("sca.x.bonus")
    if kind == "deduction":
        return t("sca.x.deduction")
    first = items[0]
    return f"{first.section_code}. {first.section_title}".strip(". ") if first.section_code else first.section_title


def note(t: Catalog, board: ScoreBoard, unit: Unit, standing: Standing[int] | None) -> str:
    state = board.progress(unit).state
    if state == NOT_STARTED:
        return t("sca.x.note_not_started")
    if state != DONE:
        return t("sca.x.note_in_progress") if state == IN_PROGRESS else t("sca.x.note_reopened")
    return t("sca.tie") if standing is not None and standing.tied else ""


def summary_workbook(board: ScoreBoard, t: Catalog | None = None) -> bytes:
    t = t or Catalog()
    book = Workbook()
    sheet = book.active
    sheet.title = t("sca.x.sheet_summary")
    fmt = number_format(board.sheet.step)
    groups = board.sections()
    width = 3 + sum(3 * len(items) + 2 for _k, _s, items in groups) + 4
    exports.write_heading(sheet, t("sca.x.summary_title", year=board.year, block=board.block.upper()),
                     t("sca.x.as_of", sheet=board.sheet.title, now=format_local(board.at)), width)
    top, mid, sub = SUMMARY_TOP, SUMMARY_TOP + 1, SUMMARY_TOP + 2
    for col, key in enumerate(("export.col_no", "export.col_code", "export.col_unit"), 1):
        _span(sheet, top, col, sub, col, t(key))
    col = 4
    for kind, _section, items in groups:
        start = col
        for c in items:
            _span(sheet, mid, col, mid, col + 2, t("sca.x.criterion_head", code=c.code, max=show(c.max_score)))
            for offset, key in enumerate(("sca.x.self", "sca.x.checked", "sca.x.final")):
                exports.header_cell(sheet, sub, col + offset, t(key))
            col += 3
        subtotal = sum((c.max_score for c in items), Decimal(0))
        _span(sheet, mid, col, mid, col + 1, t("sca.x.subtotal_head", max=show(subtotal)))
        exports.header_cell(sheet, sub, col, t("sca.x.self"))
        exports.header_cell(sheet, sub, col + 1, t("sca.x.final"))
        _span(sheet, top, start, top, col + 1, group_title(t, kind, items))
        col += 2
    _span(sheet, top, col, mid, col + 1, t("sca.x.total_head", max=show(board.base_max)))
    exports.header_cell(sheet, sub, col, t("sca.x.self"))
    exports.header_cell(sheet, sub, col + 1, t("sca.x.final"))
    _span(sheet, top, col + 2, sub, col + 2, t("sca.x.rank"))
    _span(sheet, top, col + 3, sub, col + 3, t("sca.x.note"))
    ranking = board.standings()
    standings = {s.key: s for s in ranking}
    for n, unit in enumerate(board.units, 1):
        row = sub + n
        standing = standings.get(unit.id or -1)
        exports.write_row(sheet, row, [n, unit.code, unit.name])
        values: list[tuple[Decimal | None, bool]] = []
        done = board.submitted(unit)
        own, final = board.totals(unit, SELF), board.totals(unit)
        for kind, section, items in groups:
            for c in items:
                mark = board.mark(unit, c.code)
                values += [(mark.score(which), mark.changed) for which in (SELF, CHECKED, FINAL)]
            values += [(_group_total(own, kind, section), False), (_group_total(final, kind, section), False)]
        values += [(own.total, False), (final.total, False)]
        for offset, (value, changed) in enumerate(values):
            _number(sheet, row, 4 + offset, value if done else None, fmt, bold=offset >= len(values) - 2)
            if changed and done and offset % 3 == 1 and offset < len(values) - 2:
                sheet.cell(row, 4 + offset).fill = _CHANGED_FILL
        _cell(sheet, row, col + 2, standing.rank if standing else None, bold=True)
        _cell(sheet, row, col + 3, note(t, board, unit, standing))
    sheet.freeze_panes = sheet.cell(SUMMARY_FIRST, 4)
    exports.fit_widths(sheet, [6, 12, 36] + [8] * (col - 4) + [9, 9, 9, 30], rows=(SUMMARY_FIRST, sheet.max_row))
    print_setup(sheet, t, block=board.block, date=format_local_date(board.at), titles=(top, sub))
    signature_block(sheet, t, width)
    _ranking_sheet(book, board, t, fmt, ranking)
    return exports.workbook_bytes(book)


def _group_total(totals: Totals, kind: str, section: str) -> Decimal:
    if kind == "bonus":
        return totals.bonus
    if kind == "deduction":
        return totals.deduction
    return totals.sections.get(section, Decimal(0))


def _ranking_sheet(book: Workbook, board: ScoreBoard, t: Catalog, fmt: str,
                   ranking: list[Standing[int]]) -> None:
    sheet = book.create_sheet(t("sca.x.sheet_ranking"))
    exports.write_heading(sheet, t("sca.x.ranking_title", year=board.year, block=board.block.upper()),
                     t("sca.x.as_of", sheet=board.sheet.title, now=format_local(board.at)), 6)
    for col, key in enumerate(("sca.x.rank", "export.col_code", "export.col_unit", "sca.x.self_total",
                               "sca.x.final_total", "sca.x.note"), 1):
        exports.header_cell(sheet, SUMMARY_TOP, col, t(key))
    standings = {s.key: s for s in ranking}
    units = [u for s in ranking if (u := board.unit_by_id(s.key)) is not None]
    units += [u for u in board.units if u.id not in standings]
    for n, unit in enumerate(units, 1):
        row = SUMMARY_TOP + n
        standing = standings.get(unit.id or -1)
        exports.write_row(sheet, row, ["", unit.code, unit.name])
        _cell(sheet, row, 1, standing.rank if standing else None, bold=True)
        done = standing is not None
        _number(sheet, row, 4, board.totals(unit, SELF).total if done else None, fmt)
        _number(sheet, row, 5, board.totals(unit).total if done else None, fmt, bold=True)
        _cell(sheet, row, 6, note(t, board, unit, standing))
    sheet.freeze_panes = sheet.cell(SUMMARY_TOP + 1, 1)
    exports.fit_widths(sheet, [9, 12, 40, 12, 14, 36], rows=(SUMMARY_TOP + 1, sheet.max_row))
    print_setup(sheet, t, block=board.block, date=format_local_date(board.at), titles=(SUMMARY_TOP, SUMMARY_TOP))
    signature_block(sheet, t, 6)


def unit_workbook(board: ScoreBoard, unit: Unit, t: Catalog | None = None) -> bytes:
    t = t or Catalog()
    book = Workbook()
    book.properties.identifier = IDENTIFIER.format(unit=unit.code, sheet=board.sheet.id)
    sheet = book.active
    sheet.title = t("sca.x.sheet_unit")
    fmt = number_format(board.sheet.step)
    exports.write_heading(sheet, t("sca.x.unit_title", year=board.year),
                     t("sca.x.unit_of", unit=unit.name, code=unit.code, block=board.block), len(UNIT_COLUMNS))
    put_cell(sheet, 3, 1, _status_line(t, board, unit)).font = Font(name=exports.FONT, size=12, italic=True)
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=len(UNIT_COLUMNS))
    hint = put_cell(sheet, UNIT_HEADER - 1, 1, t("sca.x.unit_hint"))  # above the header: the import never reads it
    hint.font = Font(name=exports.FONT, size=11, italic=True)
    hint.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(start_row=UNIT_HEADER - 1, start_column=1, end_row=UNIT_HEADER - 1, end_column=len(UNIT_COLUMNS))
    sheet.row_dimensions[UNIT_HEADER - 1].height = 32
    for col, key in enumerate(UNIT_COLUMNS, 1):
        exports.header_cell(sheet, UNIT_HEADER, col, t(key))
    own, final = board.totals(unit, SELF), board.totals(unit)
    row = UNIT_HEADER
    for kind, section, items in board.sections():
        row += 1
        code = section if kind == "base" else ""
        title = items[0].section_title if kind == "base" and items[0].section_title else group_title(t, kind, items)
        _unit_row(sheet, row, fmt, [code, title, sum((c.max_score for c in items), Decimal(0)),
                                    _group_total(own, kind, section), "", _group_total(final, kind, section), ""],
                  bold=True, fill=_SECTION_FILL)
        for c in items:
            row += 1
            line, mark = board.line(unit, c.code), board.mark(unit, c.code)
            _unit_row(sheet, row, fmt, [c.code, c.text, c.max_score, mark.self_score,
                                        line.explanation if line else "", mark.checked,
                                        line.check_reason if line else ""])
            if mark.changed:
                sheet.cell(row, 6).fill = _CHANGED_FILL
    for key, self_value, final_value, max_value in (
            ("sca.x.base_total", own.base, final.base, board.base_max),
            ("sca.x.bonus_total", own.bonus, final.bonus, None),
            ("sca.x.deduction_total", own.deduction, final.deduction, None),
            ("sca.x.grand_total", own.total, final.total, None)):
        row += 1
        _unit_row(sheet, row, fmt, ["", t(key), max_value, self_value, "", final_value, ""], bold=True)
    sheet.freeze_panes = sheet.cell(UNIT_HEADER + 1, 3)
    exports.fit_widths(sheet, [8, 50, 10, 10, 36, 10, 36], rows=(UNIT_HEADER + 1, row))
    # no signature block here: the file goes back to the bot, whose import must find only the sheet's rows
    print_setup(sheet, t, block=board.block, date=format_local_date(board.at), titles=(UNIT_HEADER, UNIT_HEADER))
    return exports.workbook_bytes(book)


def _status_line(t: Catalog, board: ScoreBoard, unit: Unit) -> str:
    progress = board.progress(unit)
    found = progress.assessment
    if progress.state == DONE and found is not None and found.submitted_at is not None:
        key = "sca.x.status_late" if found.late else "sca.x.status_done"
        state = t(key, at=format_local(found.submitted_at))
    else:
        state = note(t, board, unit, None)
    return t("sca.x.status", state=state, now=format_local(board.at))


def _unit_row(sheet: Any, row: int, fmt: str, values: list[Any], bold: bool = False,
              fill: PatternFill | None = None) -> None:
    for col, value in enumerate(values, 1):
        if col in (3, 4, 6):
            _number(sheet, row, col, value, fmt, bold=bold)
        else:
            _cell(sheet, row, col, value or None, bold=bold)
        if fill is not None:
            sheet.cell(row, col).fill = fill


def _span(sheet: Any, r1: int, c1: int, r2: int, c2: int, text: str) -> None:
    for r in range(r1, r2 + 1):
        for c in range(c1, c2 + 1):
            exports.header_cell(sheet, r, c, text if (r, c) == (r1, c1) else None)
    if (r1, c1) != (r2, c2):
        sheet.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)


def _cell(sheet: Any, row: int, col: int, value: Any, bold: bool = False) -> None:
    cell = put_cell(sheet, row, col, value)
    cell.font = Font(name=exports.FONT, size=12, bold=bold)
    cell.border = exports.BORDER
    centred = isinstance(value, int) or (col in (1, 2) and isinstance(value, str) and len(value) <= 12)
    cell.alignment = Alignment(horizontal="center" if centred else "left", vertical="top", wrap_text=True)


def _number(sheet: Any, row: int, col: int, value: Decimal | None, fmt: str, bold: bool = False) -> None:
    cell = put_cell(sheet, row, col, float(value) if value is not None else None)
    cell.number_format = fmt
    cell.font = Font(name=exports.FONT, size=12, bold=bold)
    cell.border = exports.BORDER
    cell.alignment = Alignment(horizontal="right", vertical="top")
