"""Reading a unit's exported sheet back with the cross-check filled in: "Điểm kiểm tra" and "Lý do".

Pure: the workbook's bytes and the board in, the checks or every error out, each error naming the
row and the column in Vietnamese. The caller changes nothing unless there is no error at all.
A blank "Điểm kiểm tra" means no check (the self score stands); a checked score that differs from
the self score needs a reason, as in the chat.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from io import BytesIO
from typing import Any, Final

from openpyxl import load_workbook

from handlers.core.catalog import LANGUAGES, Catalog
from handlers.scoring.board import ScoreBoard
from handlers.scoring.rules.ranking import Mark
from handlers.scoring.rules.scores import ScoreError, parse_score, show
from handlers.scoring.service import REASON_MAX
from storage.models import Criterion, Unit

HEADER_SCAN = 30  # the header is looked for in the first rows
_IDENTIFIER = re.compile(r"^thidua-unit-sheet:(?P<unit>[^:]*):(?P<sheet>\d+)$")
Check = tuple[str, Decimal | None, str | None]  # criterion code, checked score (None: none), reason


@dataclass(frozen=True)
class Columns:
    header_row: int
    code: int
    checked: int
    reason: int


COLUMN_KEYS: Final = {"code": "sca.x.col_code", "checked": "sca.x.col_checked", "reason": "sca.x.col_reason"}


def _labels(column: str) -> set[str]:
    """A column's header in every language: a sheet exported in English is read back too."""
    return {Catalog(lang)(COLUMN_KEYS[column]).casefold() for lang in LANGUAGES}


def find_columns(rows: list[tuple[Any, ...]]) -> Columns | None:
    code, checked, reason = _labels("code"), _labels("checked"), _labels("reason")
    for number, row in enumerate(rows[:HEADER_SCAN], 1):
        names = [str(v).strip().casefold() if v is not None else "" for v in row]
        found = [next((i for i, n in enumerate(names) if n in wanted), None) for wanted in (code, checked, reason)]
        if all(i is not None for i in found):
            a, b, c = (i for i in found if i is not None)
            return Columns(number, a, b, c)
    return None


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format(round(value, 4), "f").rstrip("0").rstrip(".")
    return str(value).strip()


def read_checks(content: bytes, board: ScoreBoard, unit: Unit, t: Catalog | None = None) -> tuple[list[Check],
                                                                                                   list[str]]:
    """The checks of every criterion row, or the errors (all of them, in row order)."""
    t = t or Catalog()
    try:
        book = load_workbook(BytesIO(content), data_only=True, read_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return [], [t("sca.imp.unreadable")]
    marker = _IDENTIFIER.match(book.properties.identifier or "")
    if marker is not None and marker["unit"] != unit.code:
        return [], [t("sca.imp.other_unit", other=marker["unit"], unit=unit.code)]
    if marker is not None and int(marker["sheet"]) != board.sheet.id:
        return [], [t("sca.imp.other_sheet", title=board.sheet.title)]
    sheet = book.worksheets[0]
    rows = [tuple(r) for r in sheet.iter_rows(values_only=True)]
    columns = find_columns(rows)
    if columns is None:
        return [], [t("sca.imp.no_header")]
    sections = {c.section_code.casefold() for c in board.criteria if c.section_code}
    checks: list[Check] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[columns.header_row:], columns.header_row + 1):
        cells = list(row) + [None] * 3
        code = _cell_text(cells[columns.code])
        if not code or code.casefold() in sections:
            continue  # a section or a total row
        criterion = board.criterion(code)
        if criterion is None:
            errors.append(t("sca.imp.unknown_code", row=number, code=code[:20]))
            continue
        if criterion.code in seen:
            errors.append(t("sca.imp.duplicate", row=number, code=criterion.code, first=seen[criterion.code]))
            continue
        seen[criterion.code] = number
        check, error = _read_row(t, board, unit, criterion, number, cells[columns.checked], cells[columns.reason])
        if error is not None:
            errors.append(error)
        elif check is not None:
            checks.append(check)
    return (checks, []) if not errors else ([], errors)


def _read_row(t: Catalog, board: ScoreBoard, unit: Unit, c: Criterion, row: int, raw: Any,
              raw_reason: Any) -> tuple[Check | None, str | None]:
    where = {"row": row, "code": c.code}
    text, reason = _cell_text(raw), " ".join(_cell_text(raw_reason).split()) or None
    if reason is not None and len(reason) > REASON_MAX:
        return None, t("sca.imp.reason_long", **where, max=REASON_MAX, length=len(reason))
    if not text:
        if reason is not None:
            return None, t("sca.imp.reason_without_score", **where)
        return (c.code, None, None), None
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        return None, t("sca.imp.not_number", **where, value=text[:40])
    got = parse_score(text, c.max_score, board.sheet.step)
    if isinstance(got, ScoreError):
        return None, _score_error(t, got, where, text, c, board.sheet.step)
    own = board.mark(unit, c.code).self_score
    if Mark(own, got).changed and reason is None:
        return None, t("sca.imp.reason_missing", **where, checked=show(got), own=show(own or Decimal(0)))
    return (c.code, got, reason), None


def _score_error(t: Catalog, error: ScoreError, where: dict[str, Any], text: str, c: Criterion,
                 step: Decimal) -> str:
    nearest = t("sca.or").join(show(v) for v in error.nearest)
    if error.reason == "score.negative":
        return t("sca.imp.negative", **where, value=text[:40])
    if error.reason == "score.above_max":
        return t("sca.imp.above_max", **where, value=text[:40], max=show(c.max_score))
    if error.reason == "score.off_step":
        return t("sca.imp.off_step", **where, value=text[:40], step=show(step), nearest=nearest)
    return t("sca.imp.not_number", **where, value=text[:40])
