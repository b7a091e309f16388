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
from handlers.core.catalog import text
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
BLOCK = "Khối thi đua Văn hóa - Xã hội"  # the sample block's name
SHEET_TITLE = "Bảng tiêu chí chấm điểm thi đua năm 2026"  # the sample sheet's title
AS_OF = "23/11/2026 09:00"
# the exports' own words, from the catalog
SUMMARY, RANKING, UNIT_SHEET = text("sca.x.sheet_summary"), text("sca.x.sheet_ranking"), text("sca.x.sheet_unit")
SELF, CHECKED, FINAL = text("sca.x.self"), text("sca.x.checked"), text("sca.x.final")
BONUS, DEDUCTION, RANK, NOTE = text("sca.x.bonus"), text("sca.x.deduction"), text("sca.x.rank"), text("sca.x.note")
SUBTOTAL = text("sca.x.subtotal_head", max=55).split("\n")[0]  # the first line of a subtotal's header
TOTAL_HEAD = text("sca.x.total_head", max=100)
TOTAL = TOTAL_HEAD.split("\n")[0]
TIE = text("sca.tie")
SIGN_TITLE = text("export.sign_title")


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
    """Summary columns by (group, criterion or subtotal, SELF/CHECKED/FINAL), from the merged headers."""
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
    sheet = book[SUMMARY]
    assert sheet["A1"].value == text("sca.x.summary_title", year=2026, block=BLOCK.upper())
    assert sheet["A2"].value == text("sca.x.as_of", sheet=SHEET_TITLE, now=AS_OF)
    assert [sheet.cell(4, c).value for c in (1, 2, 3)] == [text("export.col_no"), text("export.col_code"),
                                                          text("export.col_unit")]
    cols = columns(sheet)
    groups = [sheet.cell(4, c).value for c in range(4, sheet.max_column + 1) if sheet.cell(4, c).value]
    assert groups == ["I. Thực hiện nhiệm vụ chính trị, chuyên môn được giao",
                      "II. Công tác xây dựng Đảng, chính quyền và các đoàn thể", "III. Công tác thi đua, khen thưởng",
                      "IV. Tham gia hoạt động của Khối thi đua", BONUS, DEDUCTION, TOTAL_HEAD, RANK, NOTE]
    assert sheet.cell(5, cols[("I", "1.2", SELF)]).value == text("sca.x.criterion_head", code="1.2", max=10)
    assert sheet.cell(5, cols[("I", SUBTOTAL, SELF)]).value == text("sca.x.subtotal_head", max=55)
    total, rank, note = cols[(TOTAL, TOTAL, SELF)], sheet.max_column - 1, sheet.max_column

    bhxh = unit_row(sheet, "BHXH")
    assert bhxh[:3] == [1, "BHXH", "Bảo hiểm Xã hội tỉnh"]
    assert [bhxh[cols[("I", "1.2", k)] - 1] for k in (SELF, CHECKED, FINAL)] == [9.5, 8, 8]
    assert [bhxh[cols[("I", "1.1", k)] - 1] for k in (SELF, CHECKED, FINAL)] == [25, None, 25]
    assert [bhxh[cols[("I", SUBTOTAL, k)] - 1] for k in (SELF, FINAL)] == [54.5, 53]
    assert [bhxh[cols[("II", SUBTOTAL, k)] - 1] for k in (SELF, FINAL)] == [20, 20]
    assert bhxh[total - 1:] == [99.5, 98, 2, TIE]
    assert unit_row(sheet, "YTE")[total - 1:] == [98, 98, 2, TIE]
    gddt = unit_row(sheet, "GDDT")
    assert [gddt[cols[(BONUS, SUBTOTAL, k)] - 1] for k in (SELF, FINAL)] == [5, 5]
    assert [gddt[cols[(DEDUCTION, "D1", k)] - 1] for k in (SELF, CHECKED, FINAL)] == [1, None, 1]
    assert gddt[total - 1:] == [99, 99, 1, None]
    assert unit_row(sheet, "KHCN")[3:] == [None] * (rank - 3) + [text("sca.x.note_in_progress")]
    assert unit_row(sheet, "TTTT")[note - 1] == text("sca.x.note_reopened")
    assert unit_row(sheet, "BDT")[note - 1] == text("sca.x.note_not_started")
    assert sheet.cell(7, cols[("I", "1.2", SELF)]).number_format == "0.0"
    assert sheet.cell(7, total).number_format == "0.0"

    ranking = book[RANKING]
    assert [c.value for c in ranking[4]] == [RANK, text("export.col_code"), text("export.col_unit"),
                                             text("sca.x.self_total"), text("sca.x.final_total"), NOTE]
    rows = [[c.value for c in r] for r in ranking.iter_rows(min_row=5, max_row=15)]  # the signature follows
    assert rows[:3] == [[1, "GDDT", "Sở Giáo dục và Đào tạo", 99, 99, None],
                        [2, "BHXH", "Bảo hiểm Xã hội tỉnh", 99.5, 98, TIE],
                        [2, "YTE", "Sở Y tế", 98, 98, TIE]]
    assert [r[0] for r in rows[3:]] == [None] * 8 and len(rows) == 11
    assert ranking.cell(17, 4).value == SIGN_TITLE and ranking.print_title_rows == "$4:$4"
    summary = book[SUMMARY]
    assert summary.print_title_rows == "$4:$6" and summary.page_setup.orientation == "landscape"
    assert summary.cell(summary.max_row - 1, summary.max_column - 2).value == SIGN_TITLE


async def test_numbers_follow_the_sheet_step(app: App, block_id: int) -> None:
    assert [xl.number_format(Decimal(s)) for s in ("1", "0.5", "0.25", "0.50", "2")] == ["0", "0.0", "0.00", "0.0",
                                                                                         "0"]
    await seed(app, block_id, step="0.25")
    loaded = await board(app, block_id)
    summary = load_workbook(BytesIO(xl.summary_workbook(loaded)))[SUMMARY]
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
    assert sheet.title == UNIT_SHEET
    assert [sheet.cell(r, 1).value for r in (1, 2, 3)] == [
        text("sca.x.unit_title", year=2026),
        text("sca.x.unit_of", unit="Bảo hiểm Xã hội tỉnh", code="BHXH", block=BLOCK),
        text("sca.x.status", state=text("sca.x.status_done", at="27/11/2026 10:00"), now=AS_OF)]
    assert sheet["A4"].value == text("sca.x.unit_hint")
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=5)]
    assert rows[0] == [text(k) for k in ("sca.x.col_code", "sca.x.col_text", "sca.x.col_max", "sca.x.col_self",
                                         "sca.x.col_explanation", "sca.x.col_checked", "sca.x.col_reason")]
    assert rows[1] == ["I", "Thực hiện nhiệm vụ chính trị, chuyên môn được giao", 55, 54.5, None, 53, None]
    assert rows[2] == ["1.1", "Hoàn thành các chỉ tiêu, nhiệm vụ chuyên môn theo kế hoạch năm", 25, 25,
                       "Giải trình 1.1", None, None]
    assert rows[3] == ["1.2", "Cải cách hành chính, ứng dụng công nghệ thông tin, chuyển đổi số", 10, 9.5,
                       "Giải trình 1.2", 8, "Chưa có minh chứng về chuyển đổi số"]
    assert [r[0] for r in rows[1:23]] == ["I", "1.1", "1.2", "1.3", "1.4", "II", "2.1", "2.2", "2.3", "III", "3.1",
                                          "3.2", "3.3", "IV", "4.1", "4.2", None, "T1", "T2", None, "D1", "D2"]
    assert rows[17][1:4] == [BONUS, 15, 0] and rows[20][1:4] == [DEDUCTION, 15, 0]
    assert rows[23:] == [[None, text("sca.x.base_total"), 100, 99.5, None, 98, None],
                         [None, text("sca.x.bonus_total"), None, 0, None, 0, None],
                         [None, text("sca.x.deduction_total"), None, 0, None, 0, None],
                         [None, text("sca.x.grand_total"), None, 99.5, None, 98, None]]


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
    assert [sheet.cell(31, c).value for c in (2, 4, 6)] == [text("sca.x.grand_total"), 98, 96.5]
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
        text("sca.imp.off_step", row=9, code="1.3", value="9,3", step="0,5", nearest=text("sca.or").join(["9", "9,5"])),
        text("sca.imp.above_max", row=10, code="1.4", value="12", max=10),
        text("sca.imp.reason_missing", row=12, code="2.1", checked=8, own=10),
        text("sca.imp.reason_without_score", row=16, code="3.1"),
        text("sca.imp.not_number", row=17, code="3.2", value="mười"),
        text("sca.imp.negative", row=18, code="3.3", value="-1"),
        text("sca.imp.reason_long", row=20, code="4.1", length=301, max=300),
        text("sca.imp.unknown_code", row=32, code="9.9"),
    ]


async def test_import_check_refuses_another_units_file_and_a_foreign_one(app: App, block_id: int) -> None:
    await seed(app, block_id)
    loaded = await board(app, block_id)
    content = xl.unit_workbook(loaded, _unit(loaded, "BHXH"))
    assert read_checks(content, loaded, _unit(loaded, "YTE")) == (
        [], [text("sca.imp.other_unit", other="BHXH", unit="YTE")])
    assert read_checks(b"not a workbook", loaded, _unit(loaded, "YTE")) == ([], [text("sca.imp.unreadable")])
    empty = BytesIO()
    Workbook().save(empty)
    assert read_checks(empty.getvalue(), loaded, _unit(loaded, "YTE")) == (
        [], [text("sca.imp.no_header")])
