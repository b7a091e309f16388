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

from handlers.core.catalog import text
from handlers.voting.minutes import Candidate, Minutes, build_minutes, vn_day, vn_pct
from handlers.voting.minutes_docx import xml_safe

UNITS = ("Bảo hiểm Xã hội tỉnh", "Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh", "Trường Cao đẳng Cộng đồng",
         "Sở Văn hóa, Thể thao và Du lịch", "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ", "Sở Y tế",
         "Ban Dân tộc", "Sở Giáo dục và Đào tạo", "Đài Phát thanh và Truyền hình tỉnh",
         "Sở Lao động - Thương binh và Xã hội")
FLAG = "Suy tôn đơn vị dẫn đầu đề nghị UBND tỉnh tặng Cờ thi đua năm 2026"


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
    assert left.split("\n") == ["UBND TỈNH BẮC KẠN", "KHỐI THI ĐUA VĂN HÓA - XÃ HỘI", "———", "Số: …/BB-KTĐ"]
    assert right.split("\n") == [text("minutes.motto_1"), text("minutes.motto_2"),
                                 "Bắc Kạn, ngày 05 tháng 12 năm 2026"]
    block_run = doc.tables[0].rows[0].cells[0].paragraphs[1].runs[0]
    motto = doc.tables[0].rows[0].cells[1].paragraphs
    assert block_run.bold and motto[0].runs[0].bold and motto[1].runs[0].underline
    assert motto[2].runs[0].italic  # the place and date
    assert doc.styles["Normal"].font.name == "Times New Roman"
    assert doc.styles["Normal"].font.size is not None and doc.styles["Normal"].font.size.pt == 13
    said = body(doc)
    assert said[1:3] == ["BIÊN BẢN KIỂM PHIẾU", FLAG]
    assert doc.paragraphs[1].runs[0].bold


def test_the_numbers_are_the_counts() -> None:
    said = body(read(build_minutes(minutes())))
    for line in ("- Số phiếu phát ra: 11", "- Số phiếu thu vào: 10", "- Số phiếu hợp lệ: 10",
                 "- Số phiếu không hợp lệ: 0", "- Số phiếu trống (không chọn đơn vị nào): 1",
                 "Khối có 11 đơn vị thành viên:", "7. Sở Y tế", "1. Sở Y tế: 7 phiếu, đạt 63,64%."):
        assert line in said, line
    assert any("10/11 đơn vị" in p and "cuộc bỏ phiếu hợp lệ" in p for p in said)
    assert any(p.startswith("Hôm nay, vào lúc 09 giờ 30 phút ngày 05 tháng 12 năm 2026, tại Hội trường Sở Y tế")
               for p in said)


def test_the_results_table() -> None:
    doc = read(build_minutes(minutes()))
    assert cell_lines(doc, 1) == [["STT", "Đơn vị", "Số phiếu", "Tỷ lệ %", "Ghi chú"],
                                  ["1", "Sở Y tế", "7", "63,64", "Trúng cử"],
                                  ["2", "Ban Dân tộc", "2", "18,18", ""],
                                  ["3", "Sở Khoa học và Công nghệ", "0", "0,00", ""]]
    assert doc.tables[1].style is not None and doc.tables[1].style.name == "Table Grid"
    assert cell_lines(doc, 2) == [["TRƯỞNG BAN KIỂM PHIẾU\n(Ký, ghi rõ họ tên)", "THƯ KÝ\n(Ký, ghi rõ họ tên)",
                                   "THÀNH VIÊN\n(Ký, ghi rõ họ tên)"]]


def test_a_poll_without_quorum_elects_nobody() -> None:
    m = minutes(returned=6, valid=6, blank=0, quorum_met=False,
                candidates=(Candidate("Sở Y tế", 6, Decimal("54.55")), Candidate("Ban Dân tộc", 0, Decimal("0"))))
    said = body(read(build_minutes(m)))
    assert any("(6/11 đơn vị) chưa đạt tỷ lệ tối thiểu 2/3" in p and "không hợp lệ" in p for p in said)
    assert text("minutes.invalid_none") \
        in said
    assert text("minutes.elected_header") not in said


def test_a_runoff_and_a_tie_are_said() -> None:
    tied = minutes(question="Bỏ phiếu lại: Bằng khen", seats=3, tied_seats=1, runoff_of="Đề nghị tặng Bằng khen",
                   candidates=(Candidate("Sở Y tế", 9, Decimal("81.82"), elected=True),
                               Candidate("Ban Dân tộc", 8, Decimal("72.73"), elected=True),
                               Candidate("Sở Khoa học và Công nghệ", 7, Decimal("63.64"), tied=True),
                               Candidate("Sở Giáo dục và Đào tạo", 7, Decimal("63.64"), tied=True)))
    doc = read(build_minutes(tied))
    said = body(doc)
    assert "(Bỏ phiếu lại giữa các đơn vị bằng phiếu nhau của cuộc bỏ phiếu «Đề nghị tặng Bằng khen»)" in said
    assert ("Các đơn vị Sở Khoa học và Công nghệ, Sở Giáo dục và Đào tạo bằng phiếu nhau ở vị trí cuối: 1 vị trí "
            "còn lại sẽ được bỏ phiếu lại giữa các đơn vị này.") in said
    assert [row[4] for row in cell_lines(doc, 1)[1:]] == ["Trúng cử", "Trúng cử", "Bằng phiếu", "Bằng phiếu"]
    assert "2. Ban Dân tộc: 8 phiếu, đạt 72,73%." in said


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
