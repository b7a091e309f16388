"""Database URLs as an operator sees them: where the data is, without the password, and the password
alone (for the logs to hide it)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError


class BadURL(ValueError):
    """THIDUA_DATABASE_URL cannot be read as a database URL (never quoted: it may hold a password)."""


def password(url: str | None) -> str | None:
    if not url:
        return None
    try:
        found = make_url(url).password
    except ArgumentError:
        return None
    return str(found) if found else None


def where(url: str | None, data_dir: Path) -> str:
    """The SQLite file, or host:port/database; raises BadURL."""
    if not url:
        return str(data_dir / "thidua.db")
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise BadURL("not a database URL") from None
    if parsed.drivername.startswith("sqlite"):
        return str(parsed.database)
    return f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database}"
