"""A criteria file (bảng tiêu chí chấm điểm), as a block adopts it for a year, read into a `SheetSpec`.

Like the block file, it is typed by a secretariat on an office PC, in YAML (samples/criteria-2026.yaml)
or in Excel, and when it is wrong every mistake is named at once, by row and field, in the reader's language.
Nothing here touches the database: `handlers.scoring.sheet_import` persists the spec.

Excel layout (sheet and column names in Vietnamese or English, any case; other columns ignored):

- sheet "Bảng điểm" (sheet): label in column A, value in column B: Tên bảng (title), Bước điểm (step).
- sheet "Tiêu chí" (criteria): header row Loại (kind, optional), Mục (section), Tên mục (section title),
  Mã (code), Nội dung (text), Điểm tối đa (max). Loại is Tiêu chí, Điểm thưởng or Điểm trừ (or base,
  bonus, deduction; empty means Tiêu chí). A row with only Mục and Tên mục opens a section; a criterion
  with an empty Mục belongs to the section above. Numbers as Excel numbers or text, "9,5" or "9.5".

Rules: a title; a step above 0; every section with a code, a title and at least one criterion; every
criterion (bonus and deductions too) with a code of letters, digits, ".", "_" or "-" (at most 20,
unique across the whole sheet, case aside), a text, and a maximum above 0 that is a multiple of the
step; at most two decimals everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Final

from handlers.core.catalog import Catalog
from handlers.core.office.places import at_place, worded_values
from handlers.core.office.problems import Problem, ProblemsFound
from handlers.core.office.reader import read_file
from handlers.scoring.sheet_file.model import KINDS, CriterionSpec, SectionSpec, SheetLine, SheetSpec
from handlers.scoring.sheet_file.rules import validate
from handlers.scoring.sheet_file.xlsx import criteria_xlsx_bytes, read_xlsx
from handlers.scoring.sheet_file.yaml import raw_from_data, read_yaml

__all__ = [
    "KINDS",
    "CriteriaFileError",
    "CriterionSpec",
    "Problem",
    "SectionSpec",
    "SheetLine",
    "SheetSpec",
    "criteria_xlsx_bytes",
    "describe",
    "load_criteria_file",
    "spec_from_mapping",
    "write_criteria_xlsx",
]

MAX_SHOWN: Final = 50  # problems listed in the exception text; all stay in `.messages`


PROBLEM_KEYS: Final = {
    "bad_char": "sheet_file.bad_char", "code_invalid": "sheet_file.code_invalid",
    "column_duplicate": "sheet_file.column_duplicate", "column_missing": "sheet_file.column_missing",
    "criterion_duplicate": "sheet_file.criterion_duplicate", "errors_header": "sheet_file.errors_header",
    "errors_more": "sheet_file.errors_more", "file_empty": "sheet_file.file_empty",
    "file_format": "sheet_file.file_format", "file_missing": "sheet_file.file_missing",
    "file_not_utf8": "sheet_file.file_not_utf8", "file_too_large": "sheet_file.file_too_large",
    "file_unreadable": "sheet_file.file_unreadable", "file_xls": "sheet_file.file_xls",
    "kind_invalid": "sheet_file.kind_invalid", "label_duplicate": "sheet_file.label_duplicate",
    "label_missing": "sheet_file.label_missing", "label_unknown": "sheet_file.label_unknown",
    "no_sections": "sheet_file.no_sections", "not_criteria_file": "sheet_file.not_criteria_file",
    "not_list": "sheet_file.not_list", "not_mapping": "sheet_file.not_mapping",
    "not_number": "sheet_file.not_number", "not_positive": "sheet_file.not_positive",
    "not_text": "sheet_file.not_text", "off_step": "sheet_file.off_step", "part_missing": "sheet_file.part_missing",
    "required": "sheet_file.required", "section_duplicate": "sheet_file.section_duplicate",
    "section_empty": "sheet_file.section_empty", "section_title_conflict": "sheet_file.section_title_conflict",
    "sheet_empty": "sheet_file.sheet_empty", "sheet_missing": "sheet_file.sheet_missing",
    "too_big": "sheet_file.too_big", "too_long": "sheet_file.too_long", "too_many_rows": "sheet_file.too_many_rows",
    "too_precise": "sheet_file.too_precise", "unknown_key": "sheet_file.unknown_key",
    "xlsx_broken": "sheet_file.xlsx_broken", "yaml_bad_key": "sheet_file.yaml_bad_key",
    "yaml_duplicate_key": "sheet_file.yaml_duplicate_key", "yaml_syntax": "sheet_file.yaml_syntax",
    "yaml_too_deep": "sheet_file.yaml_too_deep",
}


def describe(problem: Problem, path: str = "", lang: str = "vi") -> str:
    """One problem as a line naming its place, both in `lang` (catalog keys `sheet_file.<key>`, `office.*`)."""
    t = Catalog(lang)
    text = t(PROBLEM_KEYS[problem.key], **{"path": path, **worded_values(problem.values, t)})
    return at_place(problem, text, t)


class CriteriaFileError(Exception):
    """The file cannot be imported. `messages` holds one Vietnamese line per problem, each naming its
    place; `problems` the same as keys and values (`lines(lang)` words them in another language)."""

    def __init__(self, problems: Sequence[Problem], path: str = "") -> None:
        self.problems = tuple(problems)
        self.path = path
        self.messages = self.lines("vi")
        super().__init__(self.text("vi"))

    def lines(self, lang: str) -> tuple[str, ...]:
        return tuple(describe(problem, self.path, lang) for problem in self.problems)

    def text(self, lang: str) -> str:
        messages = self.lines(lang)
        if len(messages) == 1:
            return messages[0]
        t = Catalog(lang)
        lines = [t("sheet_file.errors_header", count=len(messages))]
        lines += [f"- {message}" for message in messages[:MAX_SHOWN]]
        if len(messages) > MAX_SHOWN:
            lines.append(t("sheet_file.errors_more", count=len(messages) - MAX_SHOWN))
        return "\n".join(lines)


def spec_from_mapping(data: object) -> SheetSpec:
    """Validate data already loaded (the YAML form as dicts and lists)."""
    try:
        return validate(raw_from_data(data))
    except ProblemsFound as found:
        raise CriteriaFileError(found.problems) from None


def load_criteria_file(path: Path) -> SheetSpec:
    """Read and validate a .yaml/.yml or .xlsx criteria file; CriteriaFileError lists every problem."""
    try:
        return validate(read_file(path, read_xlsx, read_yaml))
    except ProblemsFound as found:
        raise CriteriaFileError(found.problems, path.name) from None


def write_criteria_xlsx(spec: SheetSpec, path: Path) -> None:
    """Write the spec in the Excel layout above: a template, and what `load_criteria_file` reads back."""
    path.write_bytes(criteria_xlsx_bytes(spec))
