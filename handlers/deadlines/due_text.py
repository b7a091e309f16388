"""How a due date is shown: as set, plus the effective date when it falls on a day off
(«02/09/2026 17:00, hạn thực tế 03/09/2026 17:00 do trùng ngày nghỉ»; a comma, not parentheses,
as menus already put the due date in parentheses), so that nobody reads a holiday as the last day
when the civil code's rule (Bộ luật Dân sự 2015, Điều 148) gives one more working day.
"""

from __future__ import annotations

from datetime import datetime

from handlers.core.catalog import Catalog
from handlers.core.clock import format_local
from handlers.deadlines.rules.workdays import effective_due


def due_text(t: Catalog, due: datetime) -> str:
    effective = effective_due(due)
    if effective == due:
        return format_local(due)
    return t("dl.due_effective", due=format_local(due), effective=format_local(effective))
