"""What a unit types or uploads when it submits: the emulation theme, a dispatch's number and date, a file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import PurePosixPath

from handlers.core.clock import LOCAL_TZ
from handlers.core.messages import FileRef
from handlers.core.validation import clean_text

THEME_MIN, THEME_MAX = 5, 300
DISPATCH_NO_MAX = 60
FILE_NAME_MAX = 255
FILE_ID_MAX = 200
MIME_MAX = 100

# what a report may be: office documents, spreadsheets, scans, archives of them
MIME_BY_EXTENSION: dict[str, str] = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "zip": "application/zip",
    "rar": "application/vnd.rar",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
}
EXTENSION_BY_MIME: dict[str, str] = {
    **{mime: ext for ext, mime in MIME_BY_EXTENSION.items() if ext != "jpeg"},
    "application/x-zip-compressed": "zip",
    "application/x-rar-compressed": "rar",
    "application/x-rar": "rar",
}
_DATE = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$", re.ASCII)
_COMMANDISH = re.compile(r"(^/|https?://|www\.)", re.IGNORECASE)


def _clean(text: str | None) -> str:
    """As `clean_text`, and a line break or a tab counts as a space (not as nothing)."""
    return clean_text(" ".join((text or "").split()))


def theme(text: str | None) -> str | None:
    """The unit's emulation theme, e.g. "Đoàn kết, kỷ cương, sáng tạo, hiệu quả"."""
    value = _clean(text)
    if not THEME_MIN <= len(value) <= THEME_MAX or _COMMANDISH.search(value):
        return None
    return value if any(ch.isalpha() for ch in value) else None


def dispatch_no(text: str | None) -> str | None:
    """A dispatch number as written on the document (`125/BC-SYT`, `45-CV/UBND`); it always has a digit."""
    value = _clean(text)
    if not 1 <= len(value) <= DISPATCH_NO_MAX or _COMMANDISH.search(value):
        return None
    return value if any(ch.isdigit() for ch in value) else None


@dataclass(frozen=True)
class DateProblem:
    reason: str  # shape | no_such_day | future | too_old


def dispatch_date(text: str | None, today: date, earliest: date) -> date | DateProblem:
    """dd/mm/yyyy (also d/m/yyyy, with `.` or `-`), a real day between `earliest` and `today`."""
    match = _DATE.match(_clean(text))
    if match is None:
        return DateProblem("shape")
    day, month, year = (int(g) for g in match.groups())
    try:
        value = date(year, month, day)
    except ValueError:
        return DateProblem("no_such_day")
    if value > today:
        return DateProblem("future")
    if value < earliest:
        return DateProblem("too_old")
    return value


def local_midnight_utc(day: date) -> datetime:
    """A dispatch's date as stored: local midnight of that day, in UTC."""
    return datetime(day.year, day.month, day.day, tzinfo=LOCAL_TZ).astimezone(UTC)


@dataclass(frozen=True)
class Upload:
    file_id: str
    file_name: str
    mime: str
    size: int | None


def extension(filename: str | None) -> str:
    suffix = PurePosixPath((filename or "").replace("\\", "/")).suffix
    return suffix[1:].lower() if len(suffix) > 1 else ""


def file_problem(file: FileRef, max_bytes: int) -> str | None:
    """Why a file cannot be taken (`too_big`, `bad_type`), or None. The extension decides when there is
    one (a `.exe` stays refused whatever mime it claims); a name without one falls back to the mime."""
    if file.size is not None and file.size > max_bytes:
        return "too_big"
    ext = extension(file.filename)
    mime = (file.mime or "").lower()
    allowed = ext in MIME_BY_EXTENSION if ext else mime in EXTENSION_BY_MIME
    if not allowed or not file.file_id or len(file.file_id) > FILE_ID_MAX:
        return "bad_type"
    return None


def upload(file: FileRef) -> Upload:
    """A file that passed `file_problem`, with a clean name and mime that fit the table's columns."""
    ext = extension(file.filename) or EXTENSION_BY_MIME.get((file.mime or "").lower(), "")
    name = clean_text(file.filename or "").replace("/", "_")
    if not name:
        name = f"bao-cao.{ext}"
    if len(name) > FILE_NAME_MAX:
        name = name[: FILE_NAME_MAX - len(ext) - 2] + "~." + ext
    mime = (file.mime or "")[:MIME_MAX] or MIME_BY_EXTENSION.get(ext, "application/octet-stream")
    return Upload(file_id=file.file_id, file_name=name, mime=mime, size=file.size)


def format_size(size: int | None) -> str:
    """`117 KB`, `1,5 MB` (a Vietnamese decimal comma); `?` when the platform did not say."""
    if size is None:
        return "?"
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0").replace(".", ",") + " MB"
