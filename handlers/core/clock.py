"""The one clock. Times are aware UTC everywhere; people see Asia/Ho_Chi_Minh as dd/mm/yyyy HH:MM."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


class Clock(Protocol):
    def now(self) -> datetime:
        """Aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FrozenClock:
    """A clock tests and the demo move by hand."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FrozenClock needs an aware datetime")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        self._now += delta


def to_local(moment: datetime) -> datetime:
    return moment.astimezone(LOCAL_TZ)


def format_local(moment: datetime) -> str:
    return to_local(moment).strftime("%d/%m/%Y %H:%M")


def format_local_date(moment: datetime) -> str:
    return to_local(moment).strftime("%d/%m/%Y")
