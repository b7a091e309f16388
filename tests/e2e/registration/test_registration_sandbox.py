"""Registration of contacts through the sandbox, read as chat transcripts."""

from __future__ import annotations

from bot.app import App
from bot.channels.sandbox import Sandbox
from tests.helpers import codes, deliver


async def register(sb: Sandbox, user: str, code: str, name: str, position: str, phone: str) -> list[str]:
    out = await sb.say(user, f"/start {code}")
    assert "Bạn là" in out[-1], out
    assert "cán bộ tên" not in out[-1]
    out = await sb.say(user, "1")  # [1] Đồng ý
    assert "họ và tên" in out[-1]
    out = await sb.say(user, name)
    assert "chức vụ" in out[-1]
    out = await sb.say(user, position)
    assert "số điện thoại" in out[-1]
    out = await sb.say(user, phone)
    assert "Mời kiểm tra lại thông tin" in out[-1]
    return await sb.say(user, "1")  # [1] Xác nhận


async def test_secretariat_then_unit_contact(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await codes(app, block_id)
    done = await register(sandbox, "hoa", c["secretariat"], "Nguyễn Thị Hoa", "Chánh Văn phòng", "0912 345 678")
    assert done == ["✅ Đã đăng ký bạn vào Thường trực Khối thi đua Văn hóa - Xã hội. Gõ /menu để xem danh sách "
                    "đơn vị và đầu mối."]

    out = await sandbox.say("binh", f"/start {c['YTE']}")
    assert out[0].startswith("Mã mời của đơn vị:\nSở Y tế\nKhối thi đua Văn hóa - Xã hội")
    assert "[1] Đồng ý\n[2] Không" in out[0]
    await sandbox.say("binh", "1")
    await sandbox.say("binh", "Trần Văn Bình")
    await sandbox.say("binh", "Chuyên viên")
    out = await sandbox.say("binh", "+84 98.765.4321")
    assert "• Điện thoại: 0987 654 321" in out[0]
    out = await sandbox.say("binh", "1")
    assert out == ["✅ Đã đăng ký bạn là đầu mối thi đua của Sở Y tế (Khối thi đua Văn hóa - Xã hội). "
                   "Tôi sẽ nhắn bạn khi có hạn nộp, việc chấm điểm và bỏ phiếu."]

    assert await deliver(app) == 1
    told = sandbox.inbox("hoa")
    assert told == ["🆕 Trần Văn Bình (Chuyên viên, 0987 654 321) vừa đăng ký làm đầu mối của Sở Y tế. "
                    "Đơn vị đã có đầu mối: 2/11."]  # BHXH, the head unit, through Hoa

    out = await sandbox.say("hoa", "/menu")
    assert "[1] Danh sách đơn vị và đầu mối" in out[0]
    out = await sandbox.say("hoa", "1")
    assert "(2/11 đơn vị đã có đầu mối)" in out[0]
    assert "7. YTE – Sở Y tế\n    • Trần Văn Bình, Chuyên viên, 0987 654 321" in out[0]
    assert ("1. BHXH – Bảo hiểm Xã hội tỉnh [Trưởng khối]\n    • Nguyễn Thị Hoa, Chánh Văn phòng, 0912 345 678 "
            "(Thường trực Khối)\n2. CDNDTNT") in out[0]  # the head unit's staff run the block: not «chưa có đầu mối»
