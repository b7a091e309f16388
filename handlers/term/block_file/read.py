"""A block file, as the secretariat writes it at the start of a year, read into a `BlockSpec`.

Secretariats keep their block in Excel or in YAML (samples/block-vhxh.yaml), typed on office PCs:
decomposed Vietnamese, stray spaces, dates as text or as Excel dates. The import must accept all
of that, and when the file is wrong, say where every mistake is (row and field), in the reader's language,
in one answer, since each round trip costs a civil servant a day. Nothing here touches the
database: the caller persists the spec.

Excel layout (sheet and column names in Vietnamese or English, any case; other columns ignored):

- sheet "Khối" (block): one item per row, label in column A, value in column B:
  Tên khối (name), Tỉnh (province), Năm (year), Trưởng khối (head), Phó Trưởng khối (deputy, optional).
- sheet "Đơn vị" (units): header row Mã (code), Tên (name); one unit per row.
- sheet "Hạn nộp" (deadlines, optional): header row Loại (kind), Tiêu đề (title), Hạn (due),
  Bảng điểm (sheet, optional). Hạn is "dd/mm/yyyy HH:MM", "dd/mm/yyyy" (17:00) or an Excel date.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Final

from handlers.core.catalog import DEFAULT_LANG, Catalog
from handlers.core.office.places import at_place, worded_values
from handlers.core.office.problems import Problem, ProblemsFound
from handlers.core.office.reader import read_file, show
from handlers.deadlines.rules.kinds import DEADLINE_KINDS
from handlers.term.block_file.model import BlockSpec, DeadlineSpec, UnitSpec
from handlers.term.block_file.rules import MAX_YEAR, MIN_YEAR, DueError, due_from_text, validate
from handlers.term.block_file.xlsx import block_xlsx_bytes, read_xlsx
from handlers.term.block_file.yaml import raw_from_data, read_yaml

__all__ = [
    "DEADLINE_KINDS",
    "MESSAGE_KEYS",
    "BlockFileError",
    "BlockSpec",
    "DeadlineSpec",
    "Problem",
    "UnitSpec",
    "block_xlsx_bytes",
    "describe",
    "load_block_file",
    "parse_due",
    "spec_from_mapping",
    "write_block_xlsx",
]

# Problem keys → their texts (handlers/term/texts/*.ftl)
MESSAGE_KEYS: Final[dict[str, str]] = {
    "errors_header": "block_file.errors_header",
    "errors_more": "block_file.errors_more",
    "file_missing": "block_file.file_missing",
    "file_unreadable": "block_file.file_unreadable",
    "file_empty": "block_file.file_empty",
    "file_too_large": "block_file.file_too_large",
    "file_format": "block_file.file_format",
    "file_xls": "block_file.file_xls",
    "file_not_utf8": "block_file.file_not_utf8",
    "yaml_syntax": "block_file.yaml_syntax",
    "yaml_too_deep": "block_file.yaml_too_deep",
    "yaml_duplicate_key": "block_file.yaml_duplicate_key",
    "yaml_bad_key": "block_file.yaml_bad_key",
    "xlsx_broken": "block_file.xlsx_broken",
    "not_block_file": "block_file.not_block_file",
    "section_missing": "block_file.section_missing",
    "not_mapping": "block_file.not_mapping",
    "not_list": "block_file.not_list",
    "unknown_key": "block_file.unknown_key",
    "sheet_missing": "block_file.sheet_missing",
    "sheet_empty": "block_file.sheet_empty",
    "column_missing": "block_file.column_missing",
    "column_duplicate": "block_file.column_duplicate",
    "label_missing": "block_file.label_missing",
    "label_unknown": "block_file.label_unknown",
    "label_duplicate": "block_file.label_duplicate",
    "too_many_rows": "block_file.too_many_rows",
    "required": "block_file.required",
    "not_text": "block_file.not_text",
    "bad_char": "block_file.bad_char",
    "too_long": "block_file.too_long",
    "year_invalid": "block_file.year_invalid",
    "units_count": "block_file.units_count",
    "code_invalid": "block_file.code_invalid",
    "code_duplicate": "block_file.code_duplicate",
    "name_duplicate": "block_file.name_duplicate",
    "unit_unknown": "block_file.unit_unknown",
    "deputy_is_head": "block_file.deputy_is_head",
    "kind_invalid": "block_file.kind_invalid",
    "due_invalid": "block_file.due_invalid",
    "due_not_real": "block_file.due_not_real",
    "due_out_of_range": "block_file.due_out_of_range",
    "sheet_not_allowed": "block_file.sheet_not_allowed",
}

MAX_SHOWN: Final = 50  # problems listed in the exception text; all stay in `.messages`


def describe(problem: Problem, path: str = "", lang: str = DEFAULT_LANG) -> str:
    """One problem as a line naming its place, both in `lang` (catalog keys `block_file.<key>`, `office.*`)."""
    t = Catalog(lang)
    text = t(MESSAGE_KEYS[problem.key], **{"path": path, **worded_values(problem.values, t)})
    return at_place(problem, text, t)


class BlockFileError(Exception):
    """The file cannot be imported. `messages` holds one Vietnamese line per problem, each naming
    its place; `problems` the same as keys and values for another language."""

    def __init__(self, problems: Sequence[Problem], path: str = "") -> None:
        self.problems = tuple(problems)
        self.messages = tuple(describe(problem, path) for problem in self.problems)
        if len(self.messages) == 1:
            text = self.messages[0]
        else:
            t = Catalog(DEFAULT_LANG)
            lines = [t("block_file.errors_header", count=len(self.messages))]
            lines += [f"- {message}" for message in self.messages[:MAX_SHOWN]]
            if len(self.messages) > MAX_SHOWN:
                lines.append(t("block_file.errors_more", count=len(self.messages) - MAX_SHOWN))
            text = "\n".join(lines)
        super().__init__(text)


def parse_due(text: str) -> datetime:
    """ "dd/mm/yyyy HH:MM" (also "17h00"), or "dd/mm/yyyy" for 17:00, in Asia/Ho_Chi_Minh → aware UTC."""
    try:
        return due_from_text(text)
    except DueError as error:
        raise BlockFileError(
            [Problem(None, error.key, {"value": show(text), "low": MIN_YEAR, "high": MAX_YEAR})]
        ) from None


def spec_from_mapping(data: object) -> BlockSpec:
    """Validate data already loaded (the YAML form as dicts and lists)."""
    try:
        return validate(raw_from_data(data))
    except ProblemsFound as found:
        raise BlockFileError(found.problems) from None


def load_block_file(path: Path) -> BlockSpec:
    """Read and validate a .yaml/.yml or .xlsx block file; BlockFileError lists every problem."""
    try:
        return validate(read_file(path, read_xlsx, read_yaml))
    except ProblemsFound as found:
        raise BlockFileError(found.problems, path.name) from None




def write_block_xlsx(spec: BlockSpec, path: Path) -> None:
    """Write the spec in the Excel layout above: a template, and what `load_block_file` reads back."""
    path.write_bytes(block_xlsx_bytes(spec))
