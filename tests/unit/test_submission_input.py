"""handlers/deadlines/rules/submission_input.py: the theme, a dispatch's number and date, and uploaded files."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.core.messages import FileRef
from handlers.deadlines.rules.submission_input import (
    DateProblem,
    dispatch_date,
    dispatch_no,
    file_problem,
    format_size,
    local_midnight_utc,
    theme,
    upload,
)

TODAY = date(2026, 11, 23)
EARLIEST = date(2025, 1, 1)
MAX = 20 * 1024 * 1024


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Đoàn kết, kỷ cương, sáng tạo, hiệu quả", "Đoàn kết, kỷ cương, sáng tạo, hiệu quả"),
        ("  Đoàn  kết,\nsáng tạo ", "Đoàn kết, sáng tạo"),
        ("Đoàn kết\u200b, sáng tạo", "Đoàn kết, sáng tạo"),
        ("abcde", "abcde"),
        ("a" * 300, "a" * 300),
        ("abcd", None),
        ("a" * 301, None),
        ("12345", None),
        ("/nop đoàn kết", None),
        ("https://example.com", None),
        ("", None),
        (None, None),
    ],
)
def test_theme(typed: str | None, stored: str | None) -> None:
    assert theme(typed) == stored


def test_theme_is_stored_composed() -> None:
    """Phones often send decomposed Vietnamese; the stored theme is NFC."""
    typed = unicodedata.normalize("NFD", "Đoàn kết, sáng tạo")
    assert typed != "Đoàn kết, sáng tạo"
    assert theme(typed) == unicodedata.normalize("NFC", "Đoàn kết, sáng tạo")


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("125/BC-SYT", "125/BC-SYT"),
        (" 45-CV/UBND ", "45-CV/UBND"),
        ("1", "1"),
        ("x" * 59 + "1", "x" * 59 + "1"),
        ("x" * 60 + "1", None),
        ("BC-SYT", None),
        ("/huy 12", None),
        ("   ", None),
        (None, None),
    ],
)
def test_dispatch_no(typed: str | None, stored: str | None) -> None:
    assert dispatch_no(typed) == stored


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("20/11/2026", date(2026, 11, 20)),
        ("5/1/2026", date(2026, 1, 5)),
        ("05.01.2026", date(2026, 1, 5)),
        ("5-1-2026", date(2026, 1, 5)),
        (" 23 / 11 / 2026 ", TODAY),
        ("01/01/2025", EARLIEST),
        ("29/02/2024", DateProblem("too_old")),
        ("31/12/2024", DateProblem("too_old")),
        ("24/11/2026", DateProblem("future")),
        ("31/02/2026", DateProblem("no_such_day")),
        ("00/01/2026", DateProblem("no_such_day")),
        ("20/13/2026", DateProblem("no_such_day")),
        ("abc", DateProblem("shape")),
        ("20/11/26", DateProblem("shape")),
        ("2026-11-20", DateProblem("shape")),
        ("", DateProblem("shape")),
        (None, DateProblem("shape")),
    ],
)
def test_dispatch_date(typed: str | None, expected: date | DateProblem) -> None:
    assert dispatch_date(typed, TODAY, EARLIEST) == expected


@given(st.text(max_size=30))
def test_dispatch_date_never_raises_and_stays_in_range(typed: str) -> None:
    value = dispatch_date(typed, TODAY, EARLIEST)
    assert isinstance(value, DateProblem) or EARLIEST <= value <= TODAY


@given(st.text(max_size=400))
def test_typed_values_fit_their_columns(typed: str) -> None:
    value = theme(typed)
    assert value is None or 5 <= len(value) <= 300
    number = dispatch_no(typed)
    assert number is None or (1 <= len(number) <= 60 and any(ch.isdigit() for ch in number))


def test_a_dispatch_date_is_local_midnight_in_utc() -> None:
    assert local_midnight_utc(date(2026, 11, 20)) == datetime(2026, 11, 19, 17, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("name", "mime", "size", "problem"),
    [
        ("bao-cao.pdf", "application/pdf", 120_000, None),
        ("BAO CAO.DOCX", None, 1, None),
        ("bang-diem.xlsx", "application/octet-stream", 10, None),
        ("scan.jpeg", "image/jpeg", 10, None),
        ("hoso.rar", "application/x-rar-compressed", 10, None),
        ("bao-cao.odt", None, None, None),  # Telegram may not tell the size
        (None, "application/pdf", 10, None),  # no name: the mime decides
        ("bao-cao.pdf", "application/pdf", MAX, None),
        ("bao-cao.pdf", "application/pdf", MAX + 1, "too_big"),
        ("setup.exe", "application/x-msdownload", 10, "bad_type"),
        ("bao-cao.pdf.exe", "application/pdf", 10, "bad_type"),  # the extension wins over a claimed mime
        ("readme", "text/plain", 10, "bad_type"),
        (None, None, 10, "bad_type"),
        ("bao-cao.", "application/pdf", 10, None),
    ],
)
def test_file_problem(name: str | None, mime: str | None, size: int | None, problem: str | None) -> None:
    assert file_problem(FileRef("f1", name, mime, size), MAX) == problem


def test_a_file_id_too_long_to_keep_is_refused() -> None:
    assert file_problem(FileRef("x" * 201, "a.pdf", "application/pdf", 1), MAX) == "bad_type"


def test_upload_names_and_mimes_fit() -> None:
    assert upload(FileRef("f1", None, "application/pdf", 10)).file_name == "bao-cao.pdf"
    long = upload(FileRef("f1", "a" * 300 + ".docx", None, 10))
    assert len(long.file_name) == 255 and long.file_name.endswith("~.docx")
    assert long.mime == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert upload(FileRef("f1", "../x/bao cao.pdf", "application/pdf", 1)).file_name == ".._x_bao cao.pdf"


@pytest.mark.parametrize(
    ("size", "shown"),
    [(None, "?"), (1, "1 KB"), (120_000, "117 KB"), (1024 * 1024, "1 MB"), (2_400_000, "2,3 MB"),
     (20 * 1024 * 1024, "20 MB")],
)
def test_format_size(size: int | None, shown: str) -> None:
    assert format_size(size) == shown
