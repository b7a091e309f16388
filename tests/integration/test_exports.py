"""The Excel exports, built from rows inserted through the unit of work and read back with openpyxl."""

from __future__ import annotations

from datetime import UTC, datetime
from io import BytesIO
from typing import Any

from openpyxl import load_workbook

from bot.app import App
from handlers.core.catalog import Catalog, keys, text
from handlers.deadlines import exports
from storage.models import Deadline, Submission

COV_DUE = text("dl.due_effective", due="15/03/2026 17:00", effective="16/03/2026 17:00")  # a Sunday: to the Monday

BLOCK = "Khối thi đua Văn hóa - Xã hội"
BHXH_THEME, YTE_THEME = "Đoàn kết, kỷ cương, sáng tạo, hiệu quả", "Y đức, đổi mới, phục vụ nhân dân"  # as typed
# the exports' own words, from the catalog
ON_TIME, LATE, MISSING = text("export.on_time"), text("export.late"), text("export.missing")
NO_THEME = text("export.no_theme")
SIGN_TITLE, SIGN_HINT = text("export.sign_title"), text("export.sign_hint")
UNIT_CODES = ["BHXH", "CDNDTNT", "CDCD", "VHTTDL", "TTTT", "KHCN", "YTE", "BDT", "GDDT", "PTTH", "LDTBXH"]


def at(day: int, month: int, hour: int, minute: int = 0) -> datetime:
    """A Hà Nội time in 2026, as UTC."""
    return datetime(2026, month, day, hour - 7, minute, tzinfo=UTC)


async def seed(app: App, block_id: int) -> dict[str, Deadline]:
    """Covenant themes from BHXH and YTE (YTE twice: the newer counts), a six-month report from YTE (a file,
    on time) and GDDT (a dispatch, late), the year-end report from BHXH (a dispatch without date)."""
    async with app.uow() as uow:
        term = await uow.directory.current_term(block_id)
        assert term is not None and term.id is not None
        deadlines = {d.kind: d for d in await uow.deadlines.of_term(term.id)}
        units = {u.code: u.id or 0 for u in await uow.directory.units(block_id)}
        cov, six, end = (deadlines[k].id for k in ("covenant", "six_month_report", "year_end_report"))
        assert cov is not None and six is not None and end is not None
        rows = [
            Submission(deadline_id=cov, unit_id=units["BHXH"], kind="theme", submitted_at=at(10, 3, 9),
                       theme=BHXH_THEME),
            Submission(deadline_id=cov, unit_id=units["YTE"], kind="theme", submitted_at=at(11, 3, 9),
                       theme="Chủ đề cũ"),
            Submission(deadline_id=cov, unit_id=units["YTE"], kind="theme", submitted_at=at(12, 3, 14, 30),
                       theme=YTE_THEME),
            Submission(deadline_id=six, unit_id=units["YTE"], kind="document", file_id="tg-1",
                       file_name="BC so ket 6 thang.pdf", submitted_at=at(14, 6, 16, 45)),
            Submission(deadline_id=six, unit_id=units["GDDT"], kind="dispatch", dispatch_no="123/SGDĐT-VP",
                       dispatch_date=datetime(2026, 6, 16, tzinfo=UTC), submitted_at=at(17, 6, 8, 5), late=True),
            Submission(deadline_id=end, unit_id=units["BHXH"], kind="dispatch", dispatch_no="45/BHXH",
                       submitted_at=at(20, 11, 10)),
        ]
        for row in rows:
            await uow.deadlines.submit(row)
            await uow.flush()
        await uow.commit()
    return deadlines


async def report(app: App, block_id: int) -> exports.BlockReport:
    async with app.uow() as uow:
        loaded = await exports.load(uow, block_id, app.clock.now())
    assert loaded is not None
    return loaded


def values(sheet: Any, row: int) -> list[Any]:
    return [c.value for c in sheet[row]]


async def test_submissions_summary(app: App, block_id: int) -> None:
    await seed(app, block_id)
    book = load_workbook(BytesIO(exports.submissions_workbook(await report(app, block_id))))
    sheet = book.active
    assert sheet.title == text("export.sheet_submissions")
    assert sheet["A1"].value == text("export.submissions_title", block=BLOCK.upper(), year=2026)
    assert sheet["A2"].value == text("export.as_of", now="23/11/2026 09:00")
    assert "A1:O1" in {str(r) for r in sheet.merged_cells.ranges}  # 3 + 3 × 4 deadlines
    assert values(sheet, 4)[:4] == [text("export.col_no"), text("export.col_code"), text("export.col_unit"),
                                    text("export.deadline_header", title="Đăng ký giao ước và chủ đề thi đua năm 2026",
                                         due=COV_DUE)]
    assert sheet.cell(4, 7).value == text("export.deadline_header", title="Báo cáo sơ kết 6 tháng đầu năm 2026",
                                          due="15/06/2026 17:00")
    assert values(sheet, 5)[3:9] == [text("export.col_date"), text("export.col_status"), text("export.col_form")] * 2

    units = [values(sheet, r) for r in range(6, 6 + 11)]
    assert [u[:2] for u in units] == [[i, code] for i, code in enumerate(UNIT_CODES, 1)]
    by_code = {u[1]: u for u in units}
    assert by_code["BHXH"][2] == "Bảo hiểm Xã hội tỉnh"
    assert by_code["BHXH"][3:6] == ["10/03/2026 09:00", ON_TIME, text("export.form_theme", theme=BHXH_THEME)]
    assert by_code["YTE"][3:6] == ["12/03/2026 14:30", ON_TIME, text("export.form_theme", theme=YTE_THEME)]
    assert by_code["YTE"][6:9] == ["14/06/2026 16:45", ON_TIME,
                                   text("export.form_document", name="BC so ket 6 thang.pdf")]
    assert by_code["GDDT"][6:9] == ["17/06/2026 08:05", LATE,
                                    text("export.form_dispatch", number="123/SGDĐT-VP", date="16/06/2026")]
    assert by_code["BHXH"][9:12] == ["20/11/2026 10:00", ON_TIME,
                                     text("export.form_dispatch_undated", number="45/BHXH")]
    assert by_code["KHCN"][3:] == [None, MISSING, None] * 4  # empty cells read back as None
    assert sheet.cell(6 + 11, 1).value == text("export.total")
    assert sheet.cell(6 + 11, 4).value == text("export.total_line", done=2, total=11, on_time=2, late=0)
    assert sheet.cell(6 + 11, 7).value == text("export.total_line", done=2, total=11, on_time=1, late=1)
    assert [sheet.cell(6 + 11 + 1, c).value for c in range(1, 16)] == [None] * 15  # the table ends at the total
    assert sheet.freeze_panes == "D6"
    widths = {col: sheet.column_dimensions[col].width for col in "ABCDF"}
    assert widths["A"] < widths["B"] < widths["C"] and 40 <= widths["C"] <= 60 and widths["F"] >= 30
    assert 17 <= widths["D"] <= 20  # a date fits; the merged total below does not widen it


async def test_cancelled_deadlines_and_retired_units_are_left_out(app: App, block_id: int) -> None:
    deadlines = await seed(app, block_id)
    async with app.uow() as uow:
        six = await uow.deadlines.get(deadlines["six_month_report"].id or 0)
        yte = await uow.directory.unit_by_code(block_id, "YTE")
        assert six is not None and yte is not None
        six.cancelled_at, yte.active = app.clock.now(), False
        uow.session.add_all([six, yte])
        await uow.commit()
    sheet = load_workbook(BytesIO(exports.submissions_workbook(await report(app, block_id)))).active
    headers = [sheet.cell(4, c).value for c in range(4, sheet.max_column + 1, 3)]
    assert [h.split("\n")[0] for h in headers] == ["Đăng ký giao ước và chủ đề thi đua năm 2026",
                                                    "Báo cáo tổng kết công tác thi đua năm 2026",
                                                    "Bảng tự chấm điểm thi đua năm 2026"]
    assert [sheet.cell(r, 2).value for r in range(6, 16)] == [c for c in UNIT_CODES if c != "YTE"]
    assert sheet.cell(16, 4).value == text("export.total_line", done=1, total=10, on_time=1, late=0)


async def test_themes_list(app: App, block_id: int) -> None:
    await seed(app, block_id)
    sheet = load_workbook(BytesIO(exports.themes_workbook(await report(app, block_id)))).active
    assert sheet.title == text("export.sheet_themes")
    assert sheet["A1"].value == text("export.themes_title", year=2026, block=BLOCK.upper())
    assert values(sheet, 4) == [text(k) for k in ("export.col_no", "export.col_unit_name", "export.col_theme",
                                                  "export.col_registered")]
    rows = [values(sheet, r) for r in range(5, 5 + 11)]
    assert rows[0] == [1, "Bảo hiểm Xã hội tỉnh", BHXH_THEME, "10/03/2026"]
    assert rows[6] == [7, "Sở Y tế", YTE_THEME, "12/03/2026"]
    assert rows[1] == [2, "Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh", NO_THEME, None]
    assert sum(1 for r in rows if r[3]) == 2 and sheet.max_row == 15 + 3  # 11 units, then the signature


async def test_english_headers_and_an_empty_term(app: App, block_id: int) -> None:
    async with app.uow() as uow:
        term = await uow.directory.current_term(block_id)
        assert term is not None and term.id is not None
        for d in await uow.deadlines.of_term(term.id):
            d.cancelled_at = app.clock.now()
            uow.deadlines.add(d)
        await uow.commit()
    data = await report(app, block_id)
    sheet = load_workbook(BytesIO(exports.submissions_workbook(data, Catalog("en")))).active
    english = ("export.submissions_title", "export.col_no", "export.col_code", "export.col_unit", "export.total")
    assert set(english) <= keys("en")  # English texts of their own, not the Vietnamese fallback
    assert sheet["A1"].value == text("export.submissions_title", "en", block=BLOCK.upper(), year=2026)
    assert values(sheet, 4) == [text(k, "en") for k in ("export.col_no", "export.col_code", "export.col_unit")]
    assert sheet.cell(6, 3).value == "Bảo hiểm Xã hội tỉnh" and sheet.cell(17, 1).value == text("export.total", "en")
    themes = load_workbook(BytesIO(exports.themes_workbook(data))).active
    assert [themes.cell(r, 3).value for r in range(5, 16)] == [NO_THEME] * 11


def assert_prints_for_filing(sheet: Any, titles: str, last_col: int) -> None:
    """A4 landscape, one page wide, header rows on every page, the block and date on top, signed by the head."""
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == str(sheet.PAPERSIZE_A4)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    assert sheet.print_title_rows == titles
    assert sheet.oddHeader.left.text == BLOCK.upper() and sheet.oddHeader.right.text == "23/11/2026"
    assert sheet.oddFooter.center.text == text("export.print_page")
    head, hint = sheet.max_row - 1, sheet.max_row
    sign = [(sheet.cell(r, c).value, r) for r in (head, hint) for c in range(1, last_col + 1) if sheet.cell(r, c).value]
    assert sign == [(SIGN_TITLE, head), (SIGN_HINT, hint)]
    assert sheet.cell(head, last_col - 2).value == SIGN_TITLE and sheet.cell(head, last_col - 2).font.b


async def test_the_exports_print_on_a4_landscape_for_filing(app: App, block_id: int) -> None:
    await seed(app, block_id)
    loaded = await report(app, block_id)
    submissions = load_workbook(BytesIO(exports.submissions_workbook(loaded))).active
    assert_prints_for_filing(submissions, "$4:$5", 15)
    assert submissions.max_row == 6 + 11 + 3  # the total, a blank row, the signature's two rows
    themes = load_workbook(BytesIO(exports.themes_workbook(loaded))).active
    assert_prints_for_filing(themes, "$4:$4", 4)
