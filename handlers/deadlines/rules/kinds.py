"""The kinds of deadline a block's yearly cycle has."""

from __future__ import annotations

from typing import Final

DEADLINE_KINDS: Final = ("covenant", "six_month_report", "year_end_report", "self_assessment", "custom")
DL_KIND_KEYS: Final = {  # how each kind reads
    "covenant": "dl.kind.covenant", "custom": "dl.kind.custom", "self_assessment": "dl.kind.self_assessment",
    "six_month_report": "dl.kind.six_month_report", "year_end_report": "dl.kind.year_end_report",
}
WEEKDAY_KEYS: Final = {  # Monday is 0, as datetime.weekday()
    0: "dl.weekday.0", 1: "dl.weekday.1", 2: "dl.weekday.2", 3: "dl.weekday.3", 4: "dl.weekday.4", 5: "dl.weekday.5",
    6: "dl.weekday.6",
}
