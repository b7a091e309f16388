"""The scoring exports and the cross-check import, on rows inserted through the unit of work and read
back with openpyxl. `add_sample_sheet` and `add_assessment` build the sheet of samples/criteria-2026.yaml
and the units' assessments directly; the other scoring tests use them too."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from io import BytesIO
from typing import Any

import yaml
from openpyxl import Workbook, load_workbook
from sqlmodel import select

from bot.app import App
from handlers.scoring import board as data
from handlers.scoring import exports as xl
from handlers.scoring import service as ops
from handlers.scoring.check_import import read_checks
from storage.models import Assessment, AssessmentLine, CriteriaSheet, Criterion, Term
from storage.uow import UnitOfWork
from tests.conftest import ROOT

SAMPLE_SHEET = ROOT / "samples" / "criteria-2026.yaml"
SUBMITTED_AT = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)  # 27/11/2026 10:00 in Hà Nội
Score = tuple[str, str | None, str | None] | str  # self score, or (self, checked, reason)


async def add_sample_sheet(uow: UnitOfWork, block_id: int, now: datetime, step: str | None = None) -> CriteriaSheet:
    """The sample sheet as the term's active sheet (a sheet already there is retired, whoever put it)."""
    spec = yaml.safe_load(SAMPLE_SHEET.read_text(encoding="utf-8"))
    term = await uow.directory.current_term(block_id)
    assert term is not None and term.id is not None
    existing = (await uow.session.exec(select(CriteriaSheet).where(CriteriaSheet.term_id == term.id))).all()
    for old in existing:
        old.active = False
        uow.session.add(old)
    sheet = CriteriaSheet(term_id=term.id, version=len(existing) + 1, title=spec["sheet"]["title"],
                          step=Decimal(step or str(spec["sheet"]["step"])), created_at=now)
    uow.session.add(sheet)
    await uow.flush()
    assert sheet.id is not None
    rows = [("base", s["code"], s["title"], c) for s in spec["sections"] for c in s["criteria"]]
    rows += [("bonus", "", "", c) for c in spec["bonus"]] + [("deduction", "", "", c) for c in spec["deductions"]]
    for position, (kind, section, title, c) in enumerate(rows, 1):
        uow.session.add(Criterion(sheet_id=sheet.id, kind=kind, section_code=section, section_title=title,
                                  code=c["code"], text=c["text"], max_score=Decimal(str(c["max"])),
                                  position=position))
    await uow.flush()
    return sheet


def full_marks(changes: dict[str, Score] | None = None) -> dict[str, Score]:
    """Every base criterion at its maximum, no bonus nor deduction, but for `changes` (by code)."""
    spec = yaml.safe_load(SAMPLE_SHEET.read_text(encoding="utf-8"))
    marks: dict[str, Score] = {c["code"]: str(c["max"]) for s in spec["sections"] for c in s["criteria"]}
    marks |= changes or {}
    return marks


async def add_assessment(uow: UnitOfWork, sheet: CriteriaSheet, unit_code: str, marks: dict[str, Score],
                         status: str = "submitted", late: bool = False, reopened: str | None = None) -> None:
    term = await uow.session.get(Term, sheet.term_id)
    assert term is not None
    unit = await uow.directory.unit_by_code(term.block_id, unit_code)
    assert unit is not None and unit.id is not None and sheet.id is not None
    row = Assessment(sheet_id=sheet.id, unit_id=unit.id, status=status, updated_at=SUBMITTED_AT,
                     submitted_at=SUBMITTED_AT if status == "submitted" or reopened else None, late=late,
                     reopened_reason=reopened)
    uow.session.add(row)
    await uow.flush()
    assert row.id is not None
    for code, value in marks.items():
        own, checked, reason = (value, None, None) if isinstance(value, str) else value
        uow.session.add(AssessmentLine(
            assessment_id=row.id, criterion_code=code, self_score=Decimal(own) if own else None,
            explanation=f"Giải trình {code}", checked_score=Decimal(checked) if checked else None,
            check_reason=reason, updated_at=SUBMITTED_AT))
    await uow.flush()


BHXH_CHECK: Score = ("9.5", "8", "Chưa có minh chứng về chuyển đổi số")


async def seed(app: App, block_id: int, step: str | None = None) -> None:
    """BHXH 99,5 self, checked down to 98; YTE 98 (late, one score confirmed); GDDT 95 + 5 − 1 = 99;
    KHCN scoring, TTTT reopened, the others not started."""
    async with app.uow() as uow:
        sheet = await add_sample_sheet(uow, block_id, app.clock.now(), step)
        await add_assessment(uow, sheet, "BHXH", full_marks({"1.2": BHXH_CHECK}))
        await add_assessment(uow, sheet, "YTE", full_marks({"1.1": "23", "2.2": ("5", "5", None)}), late=True)
        await add_assessment(uow, sheet, "GDDT", full_marks({"1.1": "20", "T2": "5", "D1": "1"}))
        await add_assessment(uow, sheet, "KHCN", {"1.1": "20", "1.2": "5"}, status="draft")
        await add_assessment(uow, sheet, "TTTT", full_marks(), status="draft", reopened="Thiếu giải trình")
        await uow.commit()


async def board(app: App, block_id: int) -> data.ScoreBoard:
    async with app.uow() as uow:
        loaded = await data.load(uow, block_id, app.clock.now())
    assert isinstance(loaded, data.ScoreBoard)
    return loaded


def columns(sheet: Any) -> dict[tuple[str, str, str], int]:
    """Summary columns by (group, criterion or subtotal, Tự chấm/Kiểm tra/Cuối cùng), from the merged headers."""
    found: dict[tuple[str, str, str], int] = {}
    group = mid = ""
    for col in range(4, sheet.max_column + 1):
        top, middle = sheet.cell(4, col).value, sheet.cell(5, col).value
        group = str(top or group)
        mid = str(middle or top or mid).split("\n")[0]
        found[(group.split("\n")[0].split(".")[0], mid, str(sheet.cell(6, col).value))] = col
    return found


def unit_row(sheet: Any, code: str, first: int = 7) -> list[Any]:
    row = next(r for r in range(first, sheet.max_row + 1) if sheet.cell(r, 2).value == code)
    return [c.value for c in sheet[row]]


async def test_summary_has_scores_subtotals_totals_and_ranks(app: App, block_id: int) -> None:
    await seed(app, block_id)
    book = load_workbook(BytesIO(xl.summary_workbook(await board(app, block_id))))
    sheet = book["Tổng hợp điểm"]
    assert sheet["A1"].value == "BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM 2026 CỦA KHỐI THI ĐUA VĂN HÓA - XÃ HỘI"
    assert sheet["A2"].value == "(Theo Bảng tiêu chí chấm điểm thi đua năm 2026; số liệu tính đến 23/11/2026 09:00)"
    assert [sheet.cell(4, c).value for c in (1, 2, 3)] == ["STT", "Mã đơn vị", "Tên đơn vị"]
    cols = columns(sheet)
    groups = [sheet.cell(4, c).value for c in range(4, sheet.max_column + 1) if sheet.cell(4, c).value]
    assert groups == ["I. Thực hiện nhiệm vụ chính trị, chuyên môn được giao",
                      "II. Công tác xây dựng Đảng, chính quyền và các đoàn thể", "III. Công tác thi đua, khen thưởng",
                      "IV. Tham gia hoạt động của Khối thi đua", "Điểm thưởng", "Điểm trừ", "Tổng điểm\n(tối đa 100)",
                      "Xếp hạng", "Ghi chú"]
    assert sheet.cell(5, cols[("I", "1.2", "Tự chấm")]).value == "1.2\n(tối đa 10)"
    assert sheet.cell(5, cols[("I", "Cộng", "Tự chấm")]).value == "Cộng\n(tối đa 55)"
    total, rank, note = cols[("Tổng điểm", "Tổng điểm", "Tự chấm")], sheet.max_column - 1, sheet.max_column

    bhxh = unit_row(sheet, "BHXH")
    assert bhxh[:3] == [1, "BHXH", "Bảo hiểm Xã hội tỉnh"]
    assert [bhxh[cols[("I", "1.2", k)] - 1] for k in ("Tự chấm", "Kiểm tra", "Cuối cùng")] == [9.5, 8, 8]
    assert [bhxh[cols[("I", "1.1", k)] - 1] for k in ("Tự chấm", "Kiểm tra", "Cuối cùng")] == [25, None, 25]
    assert [bhxh[cols[("I", "Cộng", k)] - 1] for k in ("Tự chấm", "Cuối cùng")] == [54.5, 53]
    assert [bhxh[cols[("II", "Cộng", k)] - 1] for k in ("Tự chấm", "Cuối cùng")] == [20, 20]
    assert bhxh[total - 1:] == [99.5, 98, 2, "Đồng điểm — bình xét bằng biểu quyết"]
    assert unit_row(sheet, "YTE")[total - 1:] == [98, 98, 2, "Đồng điểm — bình xét bằng biểu quyết"]
    gddt = unit_row(sheet, "GDDT")
    assert [gddt[cols[("Điểm thưởng", "Cộng", k)] - 1] for k in ("Tự chấm", "Cuối cùng")] == [5, 5]
    assert [gddt[cols[("Điểm trừ", "D1", k)] - 1] for k in ("Tự chấm", "Kiểm tra", "Cuối cùng")] == [1, None, 1]
    assert gddt[total - 1:] == [99, 99, 1, None]
    assert unit_row(sheet, "KHCN")[3:] == [None] * (rank - 3) + ["Đang chấm, chưa nộp"]
    assert unit_row(sheet, "TTTT")[note - 1] == "Đã mở lại, chưa nộp lại"
    assert unit_row(sheet, "BDT")[note - 1] == "Chưa chấm"
    assert sheet.cell(7, cols[("I", "1.2", "Tự chấm")]).number_format == "0.0"
    assert sheet.cell(7, total).number_format == "0.0"

    ranking = book["Xếp hạng"]
    assert [c.value for c in ranking[4]] == ["Xếp hạng", "Mã đơn vị", "Tên đơn vị", "Tổng điểm tự chấm",
                                             "Tổng điểm cuối cùng", "Ghi chú"]
    rows = [[c.value for c in r] for r in ranking.iter_rows(min_row=5, max_row=15)]  # the signature follows
    assert rows[:3] == [[1, "GDDT", "Sở Giáo dục và Đào tạo", 99, 99, None],
                        [2, "BHXH", "Bảo hiểm Xã hội tỉnh", 99.5, 98, "Đồng điểm — bình xét bằng biểu quyết"],
                        [2, "YTE", "Sở Y tế", 98, 98, "Đồng điểm — bình xét bằng biểu quyết"]]
    assert [r[0] for r in rows[3:]] == [None] * 8 and len(rows) == 11
    assert ranking.cell(17, 4).value == "TRƯỞNG KHỐI" and ranking.print_title_rows == "$4:$4"
    summary = book["Tổng hợp điểm"]
    assert summary.print_title_rows == "$4:$6" and summary.page_setup.orientation == "landscape"
    assert summary.cell(summary.max_row - 1, summary.max_column - 2).value == "TRƯỞNG KHỐI"


async def test_numbers_follow_the_sheet_step(app: App, block_id: int) -> None:
    assert [xl.number_format(Decimal(s)) for s in ("1", "0.5", "0.25", "0.50", "2")] == ["0", "0.0", "0.00", "0.0",
                                                                                         "0"]
    await seed(app, block_id, step="0.25")
    loaded = await board(app, block_id)
    summary = load_workbook(BytesIO(xl.summary_workbook(loaded)))["Tổng hợp điểm"]
    assert {summary.cell(7, c).number_format for c in range(4, summary.max_column - 1)} == {"0.00"}
    unit = load_workbook(BytesIO(xl.unit_workbook(loaded, _unit(loaded, "YTE")))).active
    assert {unit.cell(r, c).number_format for r in range(6, 32) for c in (3, 4, 6)} == {"0.00"}
    assert unit.page_setup.orientation == "landscape" and unit.print_title_rows == "$5:$5"
    assert unit.page_setup.fitToWidth == 1


def _unit(loaded: data.ScoreBoard, code: str) -> Any:
    found = loaded.unit(code)
    assert found is not None
    return found


async def test_unit_sheet_lists_every_criterion_and_the_totals(app: App, block_id: int) -> None:
    await seed(app, block_id)
    sheet = load_workbook(BytesIO(xl.unit_workbook(await board(app, block_id), _unit(await board(app, block_id),
                                                                                      "BHXH")))).active
    assert sheet.title == "Bảng tự chấm điểm"
    assert [sheet.cell(r, 1).value for r in (1, 2, 3)] == [
        "BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM 2026", "Đơn vị: Bảo hiểm Xã hội tỉnh (mã BHXH) — Khối thi đua Văn hóa - Xã hội",
        "Tình trạng: đã nộp lúc 27/11/2026 10:00. Số liệu tính đến 23/11/2026 09:00."]
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=5)]
    assert rows[0] == ["Mã", "Nội dung", "Điểm tối đa", "Điểm tự chấm", "Giải trình", "Điểm kiểm tra", "Lý do"]
    assert rows[1] == ["I", "Thực hiện nhiệm vụ chính trị, chuyên môn được giao", 55, 54.5, None, 53, None]
    assert rows[2] == ["1.1", "Hoàn thành các chỉ tiêu, nhiệm vụ chuyên môn theo kế hoạch năm", 25, 25,
                       "Giải trình 1.1", None, None]
    assert rows[3] == ["1.2", "Cải cách hành chính, ứng dụng công nghệ thông tin, chuyển đổi số", 10, 9.5,
                       "Giải trình 1.2", 8, "Chưa có minh chứng về chuyển đổi số"]
    assert [r[0] for r in rows[1:23]] == ["I", "1.1", "1.2", "1.3", "1.4", "II", "2.1", "2.2", "2.3", "III", "3.1",
                                          "3.2", "3.3", "IV", "4.1", "4.2", None, "T1", "T2", None, "D1", "D2"]
    assert rows[17][1:4] == ["Điểm thưởng", 15, 0] and rows[20][1:4] == ["Điểm trừ", 15, 0]
    assert rows[23:] == [[None, "Cộng điểm các tiêu chí", 100, 99.5, None, 98, None],
                         [None, "Cộng điểm thưởng", None, 0, None, 0, None],
                         [None, "Cộng điểm trừ", None, 0, None, 0, None],
                         [None, "TỔNG ĐIỂM", None, 99.5, None, 98, None]]


def _filled(content: bytes, cells: dict[tuple[int, int], Any], extra: list[Any] | None = None) -> bytes:
    book = load_workbook(BytesIO(content))
    sheet = book.active
    for (row, col), value in cells.items():
        sheet.cell(row, col, value)
    if extra:
        sheet.append(extra)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


async def test_import_check_round_trip(app: App, block_id: int) -> None:
    await seed(app, block_id)
    loaded = await board(app, block_id)
    yte = _unit(loaded, "YTE")
    content = _filled(xl.unit_workbook(loaded, yte), {
        (7, 6): 22, (7, 7): "Chưa hoàn thành 2 chỉ tiêu",  # 1.1: 23 → 22
        (12, 6): "9,5", (12, 7): "  Thiếu biên bản   kiểm tra ",  # 2.1: 10 → 9,5
        (20, 6): 5,  # 4.1: confirmed as it was, no reason needed
    })
    checks, errors = read_checks(content, loaded, yte)
    assert errors == []
    assert checks[:2] == [("1.1", Decimal("22.00"), "Chưa hoàn thành 2 chỉ tiêu"), ("1.2", None, None)]
    assert ("2.1", Decimal("9.50"), "Thiếu biên bản kiểm tra") in checks
    assert ("2.2", Decimal("5.00"), None) in checks and ("4.1", Decimal("5.00"), None) in checks
    async with app.uow() as uow:
        changes = await ops.set_checks(uow, loaded, yte, checks, app.clock.now(), "operator")
        await uow.commit()
    assert [(c.code, c.before, c.after) for c in changes] == [("1.1", None, Decimal("22")),
                                                              ("2.1", None, Decimal("9.5")),
                                                              ("4.1", None, Decimal("5"))]
    assert [c.code for c in ops.news(changes)] == ["1.1", "2.1"]
    again = await board(app, block_id)
    assert again.totals(yte).total == Decimal("96.5") and again.totals(yte, "self").total == Decimal(98)
    sheet = load_workbook(BytesIO(xl.unit_workbook(again, yte))).active
    assert [sheet.cell(7, c).value for c in (4, 6, 7)] == [23, 22, "Chưa hoàn thành 2 chỉ tiêu"]
    assert [sheet.cell(31, c).value for c in (2, 4, 6)] == ["TỔNG ĐIỂM", 98, 96.5]
    # the exported file, imported as it is, changes nothing
    checks, errors = read_checks(xl.unit_workbook(again, yte), again, yte)
    async with app.uow() as uow:
        assert errors == [] and await ops.set_checks(uow, again, yte, checks, app.clock.now(), "operator") == []
    async with app.uow() as uow:
        entries = [(e.action, e.detail["criterion"], e.detail["new"]) for e in await uow.audit.entries(block_id)
                   if e.action == "check_score"]
    assert entries == [("check_score", "1.1", "22.00"), ("check_score", "2.1", "9.50"), ("check_score", "4.1", "5.00")]


async def test_import_check_names_every_bad_row_and_changes_nothing(app: App, block_id: int) -> None:
    await seed(app, block_id)
    loaded = await board(app, block_id)
    yte = _unit(loaded, "YTE")
    content = _filled(xl.unit_workbook(loaded, yte), {
        (7, 6): 22, (7, 7): "Chưa hoàn thành 2 chỉ tiêu",  # fine, but not saved: another row is wrong
        (9, 6): "9,3", (9, 7): "x",  # 1.3
        (10, 6): 12, (10, 7): "Quá tay",  # 1.4
        (12, 6): 8,  # 2.1: changed, no reason
        (16, 7): "Có lý do",  # 3.1: a reason without a score
        (17, 6): "mười",  # 3.2
        (18, 6): -1, (18, 7): "âm",  # 3.3
        (20, 7): "x" * 301, (20, 6): 4,  # 4.1
    }, extra=["9.9", "Tiêu chí lạ", 5, 5, None, 5, None])
    checks, errors = read_checks(content, loaded, yte)
    assert checks == []
    assert errors == [
        "Dòng 9 (tiêu chí 1.3), cột «Điểm kiểm tra»: «9,3» không đúng bước 0,5; gần nhất là 9 hoặc 9,5.",
        "Dòng 10 (tiêu chí 1.4), cột «Điểm kiểm tra»: «12» vượt điểm tối đa 10.",
        "Dòng 12 (tiêu chí 2.1), cột «Lý do»: cần ghi lý do vì điểm kiểm tra 8 khác điểm tự chấm 10.",
        "Dòng 16 (tiêu chí 3.1), cột «Lý do»: có lý do nhưng cột «Điểm kiểm tra» để trống.",
        "Dòng 17 (tiêu chí 3.2), cột «Điểm kiểm tra»: «mười» không phải là số.",
        "Dòng 18 (tiêu chí 3.3), cột «Điểm kiểm tra»: «-1» là số âm.",
        "Dòng 20 (tiêu chí 4.1), cột «Lý do»: dài 301 ký tự, tối đa 300.",
        "Dòng 32, cột «Mã»: «9.9» không có trong bảng tiêu chí.",
    ]


async def test_import_check_refuses_another_units_file_and_a_foreign_one(app: App, block_id: int) -> None:
    await seed(app, block_id)
    loaded = await board(app, block_id)
    content = xl.unit_workbook(loaded, _unit(loaded, "BHXH"))
    assert read_checks(content, loaded, _unit(loaded, "YTE")) == (
        [], ["Tệp này là bảng tự chấm điểm của đơn vị BHXH, không phải của YTE."])
    assert read_checks(b"not a workbook", loaded, _unit(loaded, "YTE")) == (
        [], ["Không đọc được tệp: cần tệp Excel .xlsx xuất từ bảng tự chấm điểm của đơn vị."])
    empty = BytesIO()
    Workbook().save(empty)
    assert read_checks(empty.getvalue(), loaded, _unit(loaded, "YTE")) == (
        [], ["Không thấy dòng tiêu đề có các cột «Mã», «Điểm kiểm tra» và «Lý do»."])
