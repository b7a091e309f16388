"""Reading the arguments of `thidua deadline …` / `thidua export …`: each error names its argument."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from handlers.core.catalog import Catalog
from handlers.core.clock import format_local, format_local_date
from handlers.deadlines import service as ops
from handlers.deadlines.rules.due_date import FORMAT, NO_SUCH_DAY, PAST, off_day, read_due
from handlers.deadlines.rules.kinds import DL_KIND_KEYS, WEEKDAY_KEYS
from handlers.deadlines.rules.workdays import effective_due
from handlers.term.block_file.rules import KIND_LABELS

t = Catalog()  # the operator's shell speaks Vietnamese


class BadInput(Exception):
    """A message for the operator; nothing was changed."""


def required(value: str | None, arg: str, hint: str) -> str:
    if value is None or not value.strip():
        raise BadInput(t("dl.cli.missing", arg=arg, hint=hint))
    return value


def kind_names() -> str:
    return ", ".join(f"{k} ({t(DL_KIND_KEYS[k])})" for k in ops.KINDS)


def read_kind(value: str | None) -> str:
    value = required(value, "--kind", t("dl.cli.hint_kind", kinds=kind_names()))
    wanted = " ".join(value.split()).casefold()
    for kind in ops.KINDS:
        if wanted in (kind, t(DL_KIND_KEYS[kind]).casefold(), KIND_LABELS[kind].casefold()):
            return kind
    raise BadInput(t("dl.cli.bad_kind", value=value, kinds=kind_names()))


def read_title(value: str | None) -> str:
    title = ops.clean_title(required(value, "--title", t("dl.cli.hint_title")))
    if title is None:
        raise BadInput(t("dl.cli.bad_title", value=value))
    return title


def read_due_arg(value: str | None, now: datetime) -> tuple[datetime, str | None]:
    """The due time and, when it falls on a day off, a note (allowed: the operator means it)."""
    value = required(value, "--due", t("dl.cli.hint_due"))
    got = read_due(value, now)
    if got.error == FORMAT:
        raise BadInput(t("dl.cli.bad_due", value=value))
    if got.error == NO_SUCH_DAY:
        raise BadInput(t("dl.cli.due_no_such_day", value=value))
    assert got.at is not None
    if got.error == PAST:
        raise BadInput(t("dl.cli.due_past", due=format_local(got.at), now=format_local(now)))
    why = off_day(got.day)
    if why is None:
        return got.at, None
    date = format_local_date(got.at)
    if why.holiday:
        note = t("dl.cli.warn_holiday", date=date, holiday=why.holiday)
    else:
        note = t("dl.cli.warn_weekend", date=date, weekday=t(WEEKDAY_KEYS[why.weekday]))
    return got.at, f"{note} {t('dl.warn_effective', effective=format_local(effective_due(got.at)))}"


def read_id(value: str | None, arg: str = "ID") -> int:
    text = (value or "").strip().lstrip("#")
    if not text.isdigit():
        raise BadInput(t("dl.cli.bad_id", arg=arg, value=value or ""))
    return int(text)


def _bounded(value: str | None, low: int, high: int, error: str) -> int | None:
    if value is None:
        return None
    text = value.strip()
    if not (text.isdigit() and low <= int(text) <= high):
        raise BadInput(error)
    return int(text)


def read_overdue_every(value: str | None) -> int | None:
    return _bounded(value, 1, 30, t("dl.cli.bad_overdue_every", value=value))


def read_overdue_times(value: str | None) -> int | None:
    return _bounded(value, 0, 20, t("dl.cli.bad_overdue_times", value=value))


def read_before(value: str | None) -> tuple[int, ...] | None:
    """Working days before the due date: "7,3,1"; "" for none."""
    if value is None:
        return None
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if not all(p.isdigit() and 1 <= int(p) <= 60 for p in parts):
        raise BadInput(t("dl.cli.bad_before", value=value))
    return tuple(sorted({int(p) for p in parts}, reverse=True))


def read_out(value: str | None) -> Path:
    path = Path(required(value, "--out", t("dl.cli.hint_out"))).expanduser()
    if path.suffix.lower() != ".xlsx" or path.is_dir():
        raise BadInput(t("export.cli.bad_out", value=value))
    if not path.parent.is_dir():
        raise BadInput(t("export.cli.no_dir", dir=path.parent))
    return path


def write_out(path: Path, content: bytes) -> None:
    """Write an export to the path `--out` named; a refusal of the file system is the operator's to read."""
    try:
        path.write_bytes(content)
    except OSError as error:
        raise BadInput(t("export.cli.write_failed", path=path, error=error.strerror or error)) from error
