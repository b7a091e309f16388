"""How the secretariat's Excel exports print: A4 landscape, fit to the page's width, the header rows on
every page, the block's name and the date in the page header, the page number in the footer, and a
signature block for the Trưởng khối under the table (the files are printed, signed and filed).
"""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

from handlers.core.catalog import Catalog
from handlers.core.office.xlsx_text import put_cell

FONT = "Times New Roman"
SIGN_SPAN = 3  # columns the signature block spans, at the right of the table


def _header_text(text: str) -> str:
    """A header or footer's text: '&' starts a code there, so a typed one is doubled."""
    return text.replace("&", "&&")


def print_setup(sheet: Any, t: Catalog, *, block: str, date: str, titles: tuple[int, int]) -> None:
    """A4 landscape, one page wide, rows `titles` (first, last) repeated on every page."""
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages long as it takes
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.page_margins = PageMargins(left=0.5, right=0.4, top=0.7, bottom=0.6, header=0.3, footer=0.3)
    sheet.print_title_rows = f"{titles[0]}:{titles[1]}"
    sheet.oddHeader.left.text = _header_text(block.upper())
    sheet.oddHeader.right.text = _header_text(date)
    sheet.oddFooter.center.text = t("export.print_page")
    for part in (sheet.oddHeader.left, sheet.oddHeader.right, sheet.oddFooter.center):
        part.font, part.size = FONT, 10


def signature_block(sheet: Any, t: Catalog, width: int) -> int:
    """«TRƯỞNG KHỐI» and «(Ký, ghi rõ họ tên)» two rows under the table, at its right; the row it ends on."""
    first: int = sheet.max_row + 2
    start = max(1, width - SIGN_SPAN + 1)
    for row, (key, font) in enumerate((("export.sign_title", Font(name=FONT, size=12, bold=True)),
                                       ("export.sign_hint", Font(name=FONT, size=12, italic=True))), first):
        cell = put_cell(sheet, row, start, t(key))
        cell.font = font
        cell.alignment = Alignment(horizontal="center", vertical="center")
        if width > start:
            sheet.merge_cells(start_row=row, start_column=start, end_row=row, end_column=width)
    return first + 1
