"""A block file, as the secretariat writes it at the start of a year, read into a `BlockSpec`.

Secretariats keep their block in Excel or in YAML (samples/block-vhxh.yaml), typed on office PCs:
decomposed Vietnamese, stray spaces, dates as text or as Excel dates. The import must accept all
of that, and when the file is wrong, say in Vietnamese where every mistake is (row and field)
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

from handlers.core.office.problems import Problem, ProblemsFound
from handlers.core.office.reader import read_file, show
from handlers.deadlines.rules.kinds import DEADLINE_KINDS
from handlers.term.block_file.model import BlockSpec, DeadlineSpec, UnitSpec
from handlers.term.block_file.rules import MAX_YEAR, MIN_YEAR, DueError, due_from_text, validate
from handlers.term.block_file.xlsx import block_xlsx_bytes, read_xlsx
from handlers.term.block_file.yaml import raw_from_data, read_yaml

__all__ = [
    "DEADLINE_KINDS",
    "MESSAGES",
    "BlockFileError",
    "BlockSpec",
    "DeadlineSpec",
    "Problem",
    "UnitSpec",
    "block_xlsx_bytes",
    "load_block_file",
    "parse_due",
    "spec_from_mapping",
    "write_block_xlsx",
]

# Problem keys → Vietnamese templates (to move into handlers.core.catalog as "block_file.<key>").
MESSAGES: Final[dict[str, str]] = {
    "errors_header": "Tệp khối thi đua có {count} lỗi:",
    "errors_more": "… và {count} lỗi khác.",
    "file_missing": "không tìm thấy tệp {path}",
    "file_unreadable": "không đọc được tệp {path} ({reason})",
    "file_empty": "tệp {path} không có nội dung",
    "file_too_large": "tệp {path} quá lớn (tối đa {limit_mb} MB)",
    "file_format": "không nhận ra định dạng tệp {path}: hãy dùng tệp .yaml, .yml hoặc .xlsx",
    "file_xls": "tệp {path} là Excel 97-2003 (.xls): hãy mở bằng Excel và lưu lại dưới dạng .xlsx",
    "file_not_utf8": "tệp {path} không phải văn bản UTF-8 (lỗi ở dòng {line}): hãy lưu lại với bảng mã UTF-8",
    "yaml_syntax": "tệp YAML sai cú pháp ở dòng {line}, cột {column}: {detail}",
    "yaml_too_deep": "tệp YAML lồng nhau quá sâu",
    "yaml_duplicate_key": 'mục "{name}" xuất hiện hai lần (dòng {line})',
    "yaml_bad_key": "tên mục phải là chữ (dòng {line})",
    "xlsx_broken": "không mở được tệp Excel {path}: tệp hỏng hoặc không phải .xlsx",
    "not_block_file": "tệp không có dạng tệp khối thi đua: cần các mục block, units và deadlines",
    "section_missing": "thiếu mục bắt buộc",
    "not_mapping": "phải gồm các mục dạng tên: giá trị ({fields})",
    "not_list": "phải là một danh sách",
    "unknown_key": 'mục "{name}" không được hỗ trợ (chỉ dùng: {allowed})',
    "sheet_missing": 'thiếu sheet "{sheet}" (hoặc "{alias}")',
    "sheet_empty": "sheet trống: cần dòng tiêu đề với các cột {columns}",
    "column_missing": 'thiếu cột "{column}"',
    "column_duplicate": 'cột "{column}" xuất hiện hai lần',
    "label_missing": "thiếu tên mục ở cột A",
    "label_unknown": 'mục "{label}" không được hỗ trợ (chỉ dùng: {allowed})',
    "label_duplicate": 'mục "{label}" bị lặp (đã có ở {first})',
    "too_many_rows": "sheet có hơn {limit} dòng",
    "required": "bắt buộc nhưng đang để trống",
    "not_text": "phải là chữ, không phải {got}",
    "bad_char": "có ký tự điều khiển không hợp lệ",
    "too_long": "dài quá {limit} ký tự",
    "year_invalid": 'năm "{value}" không hợp lệ: phải là số nguyên từ {low} đến {high}',
    "units_count": "khối phải có từ {low} đến {high} đơn vị, ở đây có {count}",
    "code_invalid": (
        'mã đơn vị "{value}" không hợp lệ: chỉ gồm chữ cái không dấu, chữ số, "_" và "-", tối đa 20 ký tự'
    ),
    "code_duplicate": 'mã đơn vị "{value}" bị trùng (đã có ở {first})',
    "name_duplicate": 'tên đơn vị "{value}" bị trùng (đã có ở {first})',
    "unit_unknown": 'mã "{value}" không có trong danh sách đơn vị',
    "deputy_is_head": 'Phó Trưởng khối phải khác Trưởng khối (cùng là "{value}")',
    "kind_invalid": 'loại hạn nộp "{value}" không hợp lệ: dùng một trong {allowed}',
    "due_invalid": 'hạn "{value}" không đúng dạng dd/mm/yyyy HH:MM hoặc dd/mm/yyyy',
    "due_not_real": 'ngày giờ "{value}" không có thật',
    "due_out_of_range": 'hạn "{value}" phải nằm trong các năm {low}–{high}',
    "sheet_not_allowed": "chỉ hạn nộp loại self_assessment mới có bảng điểm (hạn này thuộc loại {kind})",
}

MAX_SHOWN: Final = 50  # problems listed in the exception text; all stay in `.messages`


def describe(problem: Problem, path: str = "") -> str:
    text = MESSAGES[problem.key].format(**{"path": path, **problem.values})
    return f"{problem.where}: {text}" if problem.where else text


class BlockFileError(Exception):
    """The file cannot be imported. `messages` holds one Vietnamese line per problem, each naming
    its place; `problems` the same as keys and values for another language."""

    def __init__(self, problems: Sequence[Problem], path: str = "") -> None:
        self.problems = tuple(problems)
        self.messages = tuple(describe(problem, path) for problem in self.problems)
        if len(self.messages) == 1:
            text = self.messages[0]
        else:
            lines = [MESSAGES["errors_header"].format(count=len(self.messages))]
            lines += [f"- {message}" for message in self.messages[:MAX_SHOWN]]
            if len(self.messages) > MAX_SHOWN:
                lines.append(MESSAGES["errors_more"].format(count=len(self.messages) - MAX_SHOWN))
            text = "\n".join(lines)
        super().__init__(text)


def parse_due(text: str) -> datetime:
    """ "dd/mm/yyyy HH:MM" (also "17h00"), or "dd/mm/yyyy" for 17:00, in Asia/Ho_Chi_Minh → aware UTC."""
    try:
        return due_from_text(text)
    except DueError as error:
        raise BlockFileError(
            [Problem("", error.key, {"value": show(text), "low": MIN_YEAR, "high": MAX_YEAR})]
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
