"""The vote-count minutes (biên bản kiểm phiếu) as a Word document, from plain data: no database here.

Laid out as a Vietnamese administrative document (Nghị định 30/2020/NĐ-CP): A4, Times New Roman 13–14,
a borderless top table with the issuing body (the block, under the provincial People's Committee) and
the document number on the left, the national motto and "<province>, ngày … tháng … năm …" on the right;
then the title, the body, the results table and the counting board's signature lines. Always in
Vietnamese, whatever the language of the person who asked for it.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from docx import Document as new_document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from handlers.core.catalog import Catalog
from handlers.core.clock import to_local

FONT = "Times New Roman"
BODY_PT, SMALL_PT = 13, 12
CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
# 16.5 cm of text width (A4 less 3 cm + 1.5 cm margins). The header is about 40/60 so that the bold
# 12 pt «CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM» (about 8.7 cm) fits on one line in the right column.
HEADER_WIDTHS = (Cm(6.6), Cm(9.9))
# the unit's name takes what the numbers leave: long names («Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh») wrap less
RESULT_WIDTHS = (Cm(1.2), Cm(9.1), Cm(1.9), Cm(1.9), Cm(2.4))


@dataclass(frozen=True)
class Candidate:
    name: str
    votes: int
    pct: Decimal  # of all member units
    elected: bool = False
    tied: bool = False


@dataclass(frozen=True)
class Minutes:
    """Everything the minutes say, gathered beforehand (see handlers.voting.minutes.minutes_document)."""

    block: str
    province: str
    place: str  # where the meeting was held; may be empty
    question: str
    members: tuple[str, ...]  # member unit names
    issued: int  # one ballot per member unit
    returned: int
    valid: int
    invalid: int
    blank: int
    candidates: tuple[Candidate, ...]  # most votes first
    quorum_met: bool
    quorum: tuple[int, int]
    threshold_pct: int
    seats: int
    closed_at: datetime  # aware; the date of the document
    opened_at: datetime | None = None
    tied_seats: int = 0
    runoff_of: str | None = None  # the question of the poll this one re-runs
    blank_valid: bool = True  # the poll's rule: a blank ballot is valid (else counted among the invalid)

    @property
    def elected(self) -> list[Candidate]:
        return [c for c in self.candidates if c.elected]


_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """Names and the question were typed by people: drop what an XML document cannot hold."""
    return _NOT_XML.sub("", text)


def vn_day(moment: datetime) -> tuple[str, str, str]:
    """Day, month, year as the decree writes them: a zero before days under 10 and months 1 and 2."""
    local = to_local(moment)
    month = f"{local.month:02d}" if local.month < 3 else str(local.month)
    return f"{local.day:02d}", month, str(local.year)


def vn_pct(value: Decimal) -> str:
    return f"{value:.2f}".replace(".", ",")


def _time(t: Catalog, moment: datetime) -> str:
    local = to_local(moment)
    return t("minutes.time", hour=f"{local.hour:02d}", minute=f"{local.minute:02d}")


def _long_date(moment: datetime) -> str:
    day, month, year = vn_day(moment)
    return f"{day} tháng {month} năm {year}"


def _para(container: DocxDocument | _Cell, text: str = "", *, bold: bool = False, italic: bool = False,
          underline: bool = False, size: int = BODY_PT, align: WD_ALIGN_PARAGRAPH | None = None,
          indent: bool = False, after: int = 3) -> Paragraph:
    paragraph = container.add_paragraph()
    run = paragraph.add_run(xml_safe(text))
    run.bold, run.italic, run.underline = bold, italic, underline
    run.font.size = Pt(size)
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(after)
    if indent:
        fmt.first_line_indent = Cm(1)
    return paragraph


def _cell_para(cell: _Cell, text: str, **style: object) -> Paragraph:
    """The first paragraph of a fresh cell is reused, so no empty line sits on top of its text."""
    paragraph = _para(cell, text, **style)  # type: ignore[arg-type]
    first = cell.paragraphs[0]
    if first is not paragraph and not first.text:
        first._element.getparent().remove(first._element)
    return paragraph


def _fix_widths(table: Table, widths: tuple[Length, ...]) -> None:
    """Word and LibreOffice lay a table out from its grid, not from the cells: set both, and a fixed layout."""
    table.autofit = False
    for col, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
        col.w = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _setup(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)


def _header(doc: DocxDocument, m: Minutes, t: Catalog) -> None:
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _fix_widths(table, HEADER_WIDTHS)
    left, right = table.rows[0].cells
    _cell_para(left, t("minutes.superior", province=m.province).upper(), size=SMALL_PT, align=CENTER, after=0)
    _cell_para(left, m.block.upper(), bold=True, size=SMALL_PT, align=CENTER, after=0)
    _cell_para(left, "———", align=CENTER, after=0)
    _cell_para(left, t("minutes.number"), align=CENTER)
    _cell_para(right, t("minutes.motto_1"), bold=True, size=SMALL_PT, align=CENTER, after=0)
    _cell_para(right, t("minutes.motto_2"), bold=True, underline=True, size=BODY_PT, align=CENTER, after=6)
    day, month, year = vn_day(m.closed_at)
    _cell_para(right, t("minutes.place_date", province=m.province, day=day, month=month, year=year),
               italic=True, align=CENTER)


def _results_table(doc: DocxDocument, m: Minutes, t: Catalog) -> None:
    widths = RESULT_WIDTHS
    table = doc.add_table(rows=1, cols=len(widths))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, key, width in zip(table.rows[0].cells, ("minutes.col_no", "minutes.col_unit", "minutes.col_votes",
                                                      "minutes.col_pct", "minutes.col_note"), widths, strict=True):
        cell.width = width
        _cell_para(cell, t(key), bold=True, align=CENTER, after=0)
    for i, c in enumerate(m.candidates, 1):
        note = t("minutes.note_elected") if c.elected else t("minutes.note_tied") if c.tied else ""
        values = (str(i), c.name, str(c.votes), vn_pct(c.pct), note)
        for cell, value, width, col in zip(table.add_row().cells, values, widths, range(5), strict=True):
            cell.width = width
            _cell_para(cell, value, align=None if col == 1 else CENTER, after=0)
    _fix_widths(table, widths)


def _result(doc: DocxDocument, m: Minutes, t: Catalog) -> None:
    _para(doc, t("minutes.section_result"), bold=True)
    _para(doc, t("minutes.rule", threshold=m.threshold_pct, seats=m.seats), indent=True, align=JUSTIFY)
    if not m.quorum_met:
        _para(doc, t("minutes.invalid_none"), bold=True, indent=True, align=JUSTIFY)
        return
    if m.elected:
        _para(doc, t("minutes.elected_header"), bold=True, indent=True)
        for i, c in enumerate(m.elected, 1):
            _para(doc, t("minutes.elected_line", i=i, name=c.name, votes=c.votes, pct=vn_pct(c.pct)), indent=True)
    elif not any(c.tied for c in m.candidates):
        _why_none(doc, m, t)
    tied = [c.name for c in m.candidates if c.tied]
    if tied:
        _para(doc, t("minutes.tie", names=", ".join(tied), seats=m.tied_seats), indent=True, align=JUSTIFY)


def _why_none(doc: DocxDocument, m: Minutes, t: Catalog) -> None:
    """Nobody passed the threshold: say so with the bar and the best result, so nobody has to ask why."""
    need = m.threshold_pct * m.issued // 100 + 1  # strictly more than the threshold, of all member units
    _para(doc, t("minutes.elected_none", threshold=m.threshold_pct, members=m.issued, need=need), bold=True,
          indent=True, align=JUSTIFY)
    if m.candidates:
        best = m.candidates[0]
        _para(doc, t("minutes.elected_none_best", name=best.name, votes=best.votes, pct=vn_pct(best.pct)),
              indent=True, align=JUSTIFY)


def _signatures(doc: DocxDocument, t: Catalog) -> None:
    table = doc.add_table(rows=1, cols=3)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, key in zip(table.rows[0].cells, ("minutes.sign_head", "minutes.sign_secretary",
                                               "minutes.sign_member"), strict=True):
        _cell_para(cell, t(key), bold=True, size=SMALL_PT, align=CENTER, after=0)
        _cell_para(cell, t("minutes.sign_hint"), italic=True, size=SMALL_PT, align=CENTER, after=60)


def build_minutes(m: Minutes) -> bytes:
    """The .docx file's bytes."""
    t = Catalog("vi")
    doc = new_document()
    _setup(doc)
    _header(doc, m, t)
    _para(doc, "")
    _para(doc, t("minutes.title"), bold=True, size=14, align=CENTER, after=0)
    _para(doc, m.question, bold=True, size=14, align=CENTER, after=0)
    if m.runoff_of:
        _para(doc, t("minutes.runoff_note", question=m.runoff_of), italic=True, align=CENTER, after=0)
    _para(doc, "———", align=CENTER, after=6)
    opened = m.opened_at or m.closed_at
    at_place = t("minutes.at_place", place=m.place) if m.place.strip() else ""
    _para(doc, t("minutes.opening", time=_time(t, opened), date=_long_date(opened), at_place=at_place,
                 block=m.block, question=m.question), indent=True, align=JUSTIFY)
    _para(doc, t("minutes.how", opened=_time(t, opened), closed=_time(t, m.closed_at)), indent=True, align=JUSTIFY)
    _para(doc, t("minutes.section_board"), bold=True)
    for key in ("minutes.board_head", "minutes.board_secretary", "minutes.board_member"):
        _para(doc, t(key), indent=True)
    _para(doc, t("minutes.section_members"), bold=True)
    _para(doc, t("minutes.members_intro", count=len(m.members)), indent=True)
    for i, name in enumerate(m.members, 1):
        _para(doc, t("minutes.member_line", i=i, name=name), indent=True, after=0)
    _para(doc, t("minutes.section_ballots"), bold=True)
    for key, count in (("minutes.issued", m.issued), ("minutes.returned", m.returned), ("minutes.valid", m.valid),
                       ("minutes.invalid", m.invalid), ("minutes.blank", m.blank)):
        _para(doc, t(key, count=count), indent=True, after=0)
    _para(doc, t("minutes.blank_valid") if m.blank_valid else t("minutes.blank_invalid"), indent=True,
          align=JUSTIFY)
    num, den = m.quorum
    quorum_key = "minutes.quorum_met" if m.quorum_met else "minutes.quorum_not_met"
    _para(doc, t(quorum_key, returned=m.returned, members=m.issued, num=num, den=den), indent=True, align=JUSTIFY)
    _para(doc, t("minutes.table_intro", members=m.issued), indent=True)
    _results_table(doc, m, t)
    _para(doc, "")
    _result(doc, m, t)
    _para(doc, t("minutes.closing"), indent=True, align=JUSTIFY, after=12)
    _signatures(doc, t)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
