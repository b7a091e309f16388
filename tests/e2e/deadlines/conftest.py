"""What the deadline transcripts share: the sample block's data, and replies composed from the catalog the way
the sandbox shows them (so a text corrected in a .ftl file breaks no transcript)."""

from __future__ import annotations

import itertools

from handlers.core.catalog import VI, text
from tests.e2e.registration.conftest import buttons, numbered

BLOCK = "Khối thi đua Văn hóa - Xã hội"  # the sample block's name, as the operator imported it
COVENANT = "Đăng ký giao ước và chủ đề thi đua năm 2026"  # the sample's deadline titles
SIX_MONTH = "Báo cáo sơ kết 6 tháng đầu năm 2026"
YEAR_END = "Báo cáo tổng kết công tác thi đua năm 2026"
SELF_ASSESSMENT = "Bảng tự chấm điểm thi đua năm 2026"
THEME = "Đoàn kết, kỷ cương, sáng tạo, hiệu quả"  # a unit's theme as it types it (the catalog's example theme too)
# the covenant is due on a Sunday: it runs to the Monday
COV_DUE = text("dl.due_effective", due="15/03/2026 17:00", effective="16/03/2026 17:00")
EN_COV_DUE = text("dl.due_effective", "en", due="15/03/2026 17:00", effective="16/03/2026 17:00")
# what a unit's contact and the secretariat are told at the end of registering begins alike
REGISTERED = "".join(a for a, _ in itertools.takewhile(lambda ab: ab[0] == ab[1], zip(
    VI["reg_done_unit"], VI["reg_done_secretariat"], strict=False)))
UNIT_MENU_ITEMS = (text("menu.submit"), text("menu.score"), text("menu.status"), text("menu.whoami"))


def unit_menu(unit: str, style: str = "telegram") -> str:
    """A unit contact's main menu."""
    header = text("menu_unit", unit=unit, block=BLOCK)
    return numbered(header, *UNIT_MENU_ITEMS) if style == "zalo" else buttons(header, *UNIT_MENU_ITEMS)
