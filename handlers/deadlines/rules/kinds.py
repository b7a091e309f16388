"""The kinds of deadline a block's yearly cycle has."""

from __future__ import annotations

from typing import Final

DEADLINE_KINDS: Final = ("covenant", "six_month_report", "year_end_report", "self_assessment", "custom")
