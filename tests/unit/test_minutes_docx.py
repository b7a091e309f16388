"""The minutes builder, from plain data: the DOCX is read back with python-docx and its texts checked."""

from __future__ import annotations

import dataclasses
import io
from datetime import UTC, datetime
from decimal import Decimal

import docx
from docx.document import Document as DocxDocument
from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.core.catalog import template
from handlers.core.catalog import text as t
from handlers.voting.minutes import Candidate, Minutes, build_minutes, vn_day, vn_pct
from handlers.voting.minutes_docx import xml_safe

UNITS = ("Bảo hiểm Xã hội tỉnh", "Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh", "Trường Cao đẳng Cộng đồng",
         "Sở Văn hóa, Thể thao và Du lịch", "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ", "Sở Y tế",
         "Ban Dân tộc", "Sở Giáo dục và Đào tạo", "Đài Phát thanh và Truyền hình tỉnh",
         "Sở Lao động - Thương binh và Xã hội")
FLAG = "Suy tôn đơn vị dẫn đầu đề nghị UBND tỉnh tặng Cờ thi đua năm 2026"
SIGN_HINT = t("minutes.sign_hint")
HEADER_ROW = [t(key) for key in ("minutes.col_no", "minutes.col_unit", "minutes.col_votes", "minutes.col_pct",
                                 "minutes.col_note")]
ELECTED, TIED = t("minutes.note_elected"), t("minutes.note_tied")


def minutes(**changes: object) -> Minutes:
    base = Minutes(
        block="Khối thi đua Văn hóa - Xã hội", province="Bắc Kạn", place="Hội trường Sở Y tế", question=FLAG,
        members=UNITS, issued=11, returned=10, valid=10, invalid=0, blank=1,
        candidates=(Candidate("Sở Y tế", 7, Decimal("63.64"), elected=True),
                    Candidate("Ban Dân tộc", 2, Decimal("18.18")), Candidate("Sở Khoa học và Công nghệ", 0,
                                                                             Decimal("0.00"))),
        quorum_met=True, quorum=(2, 3), threshold_pct=50, seats=1,
        opened_at=datetime(2026, 12, 5, 2, 30, tzinfo=UTC), closed_at=datetime(2026, 12, 5, 3, 5, tzinfo=UTC))
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def read(content: bytes) -> DocxDocument:
    return docx.Document(io.BytesIO(content))


def body(doc: DocxDocument) -> list[str]:
    return [p.text for p in doc.paragraphs]


def cell_lines(doc: DocxDocument, table: int) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in doc.tables[table].rows]


def test_the_header_follows_the_administrative_format() -> None:
    doc = read(build_minutes(minutes()))
    [[left, right]] = cell_lines(doc, 0)
    assert left.split("\n") == [t("minutes.superior", province="BẮC KẠN").upper(), "KHỐI THI ĐUA VĂN HÓA - XÃ HỘI",
                                "———", t("minutes.number")]
    assert right.split("\n") == [t("minutes.motto_1"), t("minutes.motto_2"),
                                 t("minutes.place_date", province="Bắc Kạn", day="05", month=12, year=2026)]
    block_run = doc.tables[0].rows[0].cells[0].paragraphs[1].runs[0]
    motto = doc.tables[0].rows[0].cells[1].paragraphs
    assert block_run.bold and motto[0].runs[0].bold and motto[1].runs[0].underline
    assert motto[2].runs[0].italic  # the place and date
    assert doc.styles["Normal"].font.name == "Times New Roman"
    assert doc.styles["Normal"].font.size is not None and doc.styles["Normal"].font.size.pt == 13
    text = body(doc)
    assert text[1:3] == [t("minutes.title"), FLAG]
    assert doc.paragraphs[1].runs[0].bold


def test_the_header_is_40_60_so_the_motto_fits_on_one_line() -> None:
    """Word lays a table out from its grid: both the grid and the cells say about 40/60, in a fixed layout."""
    table = read(build_minutes(minutes())).tables[0]
    grid = [col.w for col in table._tbl.tblGrid.gridCol_lst]
    cells = [cell.width for cell in table.rows[0].cells]
    assert grid == cells and all(w is not None for w in grid)
    left, right = grid
    assert 0.38 <= left / (left + right) <= 0.42
    assert right.cm >= 9.5  # the motto in bold 12 pt Times is about 8.7 cm, plus the cell's margins
    assert table.autofit is False


def test_the_results_table_gives_the_unit_names_room() -> None:
    table = read(build_minutes(minutes())).tables[1]
    grid = [col.w for col in table._tbl.tblGrid.gridCol_lst]
    assert grid[1] == max(grid) and grid[1].cm >= 9 and sum(w.cm for w in grid) <= 16.5 + 1e-6
    assert all(row.cells[1].width == grid[1] for row in table.rows)


def test_the_wording() -> None:
    text = "\n".join(body(read(build_minutes(minutes()))))
    time = t("minutes.time", hour="09", minute="30"), t("minutes.time", hour="10", minute="05")
    assert t("minutes.how", opened=time[0], closed=time[1]) in text and "bỏ qua ứng dụng" not in text
    assert "phiếu trống" not in text and t("minutes.blank", count=1) in text
    assert t("minutes.table_intro", members=11) in text and "đồng ý" not in text
    assert t("minutes.rule", threshold=50, seats=1) in text
    assert "::" not in text.replace(" ", "")


def test_when_nobody_passes_the_threshold_the_minutes_say_why() -> None:
    m = minutes(candidates=(Candidate("Sở Y tế", 5, Decimal("45.45")), Candidate("Ban Dân tộc", 4, Decimal("36.36"))))
    text = body(read(build_minutes(m)))
    assert t("minutes.elected_none", threshold=50, members=11, need=6) in text
    assert t("minutes.elected_none_best", name="Sở Y tế", votes=5, pct="45,45") in text


def test_the_numbers_are_the_counts() -> None:
    text = body(read(build_minutes(minutes())))
    for line in (t("minutes.issued", count=11), t("minutes.returned", count=10), t("minutes.valid", count=10),
                 t("minutes.invalid", count=0), t("minutes.blank", count=1), t("minutes.members_intro", count=11),
                 t("minutes.member_line", i=7, name="Sở Y tế"),
                 t("minutes.elected_line", i=1, name="Sở Y tế", votes=7, pct="63,64")):
        assert line in text, line
    assert t("minutes.quorum_met", returned=10, members=11, num=2, den=3) in text
    assert t("minutes.opening", time=t("minutes.time", hour="09", minute="30"), date="05 tháng 12 năm 2026",
             at_place=t("minutes.at_place", place="Hội trường Sở Y tế"), block="Khối thi đua Văn hóa - Xã hội",
             question=FLAG) in text


def test_the_results_table() -> None:
    doc = read(build_minutes(minutes()))
    assert cell_lines(doc, 1) == [HEADER_ROW,
                                  ["1", "Sở Y tế", "7", "63,64", ELECTED],
                                  ["2", "Ban Dân tộc", "2", "18,18", ""],
                                  ["3", "Sở Khoa học và Công nghệ", "0", "0,00", ""]]
    assert doc.tables[1].style is not None and doc.tables[1].style.name == "Table Grid"
    assert cell_lines(doc, 2) == [[f"{t(key)}\n{SIGN_HINT}" for key in ("minutes.sign_head", "minutes.sign_secretary",
                                                                        "minutes.sign_member")]]


def test_a_poll_without_quorum_elects_nobody() -> None:
    m = minutes(returned=6, valid=6, blank=0, quorum_met=False,
                candidates=(Candidate("Sở Y tế", 6, Decimal("54.55")), Candidate("Ban Dân tộc", 0, Decimal("0"))))
    text = body(read(build_minutes(m)))
    assert t("minutes.quorum_not_met", returned=6, members=11, num=2, den=3) in text
    assert t("minutes.invalid_none") in text
    assert t("minutes.elected_header") not in text


def test_a_runoff_and_a_tie_are_said() -> None:
    tied = minutes(question="Bầu lại giữa các đơn vị đồng phiếu – Đề nghị tặng Bằng khen",
                   seats=3, tied_seats=1, runoff_of="Đề nghị tặng Bằng khen",
                   candidates=(Candidate("Sở Y tế", 9, Decimal("81.82"), elected=True),
                               Candidate("Ban Dân tộc", 8, Decimal("72.73"), elected=True),
                               Candidate("Sở Khoa học và Công nghệ", 7, Decimal("63.64"), tied=True),
                               Candidate("Sở Giáo dục và Đào tạo", 7, Decimal("63.64"), tied=True)))
    doc = read(build_minutes(tied))
    text = body(doc)
    assert t("minutes.runoff_note", question="Đề nghị tặng Bằng khen") in text
    assert t("minutes.tie", names="Sở Khoa học và Công nghệ, Sở Giáo dục và Đào tạo", seats=1) in text
    assert [row[4] for row in cell_lines(doc, 1)[1:]] == [ELECTED, ELECTED, TIED, TIED]
    assert t("minutes.elected_line", i=2, name="Ban Dân tộc", votes=8, pct="72,73") in text
    opening = next(p for p in text if p.startswith(template("minutes.opening").split("{")[0]))
    assert "bỏ phiếu kín: Bầu lại giữa các đơn vị đồng phiếu – Đề nghị" in opening and opening.count(":") == 1


def test_dates_as_the_decree_writes_them() -> None:
    assert vn_day(datetime(2027, 1, 3, 3, 0, tzinfo=UTC)) == ("03", "01", "2027")
    assert vn_day(datetime(2027, 2, 10, 3, 0, tzinfo=UTC)) == ("10", "02", "2027")
    assert vn_day(datetime(2027, 3, 9, 3, 0, tzinfo=UTC)) == ("09", "3", "2027")
    assert vn_day(datetime(2026, 12, 31, 18, 0, tzinfo=UTC)) == ("01", "01", "2027")  # local day, not UTC
    assert vn_pct(Decimal("54.5")) == "54,50"


@settings(max_examples=25, deadline=None)
@given(question=st.text(min_size=1, max_size=200), name=st.text(min_size=1, max_size=80))
def test_any_question_and_name_make_a_document(question: str, name: str) -> None:
    """The question and the names are typed by people; control characters must not break the file."""
    m = minutes(question=question, members=(name,), candidates=(Candidate(name, 1, Decimal("9.09")),))
    doc = read(build_minutes(m))
    assert xml_safe(question).replace("\r", "\n") in "\n".join(body(doc)).replace("\r", "\n")
    assert cell_lines(doc, 1)[1][1].replace("\r", "\n") == xml_safe(name).replace("\r", "\n")
