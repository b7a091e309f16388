"""The whole sample sheet scored over Zalo with numbers only: the real ZaloChannel long-polls a fake Zalo Bot
API over HTTP. Zalo numbers its menus, so at the score step there is no menu: a typed number is a score."""

from __future__ import annotations

from decimal import Decimal

from sqlmodel import select

from bot.app import App
from handlers.core.catalog import text
from storage.models import Assessment, Submission
from tests.e2e.conftest import ZaloChat
from tests.helpers import codes, deliver, import_sample_sheet

BLOCK = "Khối thi đua Văn hóa - Xã hội"
SECTION_I = "Phần I. Thực hiện nhiệm vụ chính trị, chuyên môn được giao"
ASK_1_1 = (f"{SECTION_I}\n1.1 — Hoàn thành các chỉ tiêu, nhiệm vụ chuyên môn theo kế hoạch năm — tối đa 25 điểm, "
           "bước 0,5\nMời gõ điểm, ví dụ 24,5.\nGõ «tối đa» để chấm 25 điểm, «bỏ qua» để sang mục sau, «quay lại» "
           "để về mục trước, «tổng quan» để xem tổng quan, «tạm dừng» để dừng; /di 1.2 để chuyển tới tiêu chí khác.")
ASK_EXPLAIN = "Giải trình, minh chứng ngắn cho {code} (tối đa 500 ký tự), hoặc chọn Bỏ qua.\n\n1. Bỏ qua\n2. Quay lại"
SCORES = {"1.1": "25", "1.2": "9,5", "1.3": "1", "1.4": "10", "2.1": "9.5", "2.2": "5", "2.3": "4,5", "3.1": "5",
          "3.2": "4", "3.3": "2", "4.1": "5", "4.2": "4,5", "T1": "10", "T2": "1", "D1": "1,5", "D2": "2"}
REVIEW = (
    "📝 Bảng tự chấm điểm của Sở Y tế\nBảng tiêu chí chấm điểm thi đua năm 2026\n\n"
    "I. Thực hiện nhiệm vụ chính trị, chuyên môn được giao: 45,5/55\n    1.1: 25 · 1.2: 9,5 · 1.3: 1 · 1.4: 10\n"
    "II. Công tác xây dựng Đảng, chính quyền và các đoàn thể: 19/20\n    2.1: 9,5 · 2.2: 5 · 2.3: 4,5\n"
    "III. Công tác thi đua, khen thưởng: 11/15\n    3.1: 5 · 3.2: 4 · 3.3: 2\n"
    "IV. Tham gia hoạt động của Khối thi đua: 9,5/10\n    4.1: 5 · 4.2: 4,5\n"
    "Cộng các phần: 85/100\nĐiểm thưởng: +11\n    T1: 10 · T2: 1\nĐiểm trừ: −3,5\n    D1: 1,5 · D2: 2\n"
    "TỔNG ĐIỂM: 92,5\n\n1. Nộp bảng tự chấm\n2. Sửa một dòng\n3. Tổng quan\n4. Tạm dừng")




async def register(chat: ZaloChat, user: str, code: str, name: str, phone: str) -> None:
    for said in (code, "1", name, "Chuyên viên", phone):
        await chat.say(user, said)
    assert (await chat.say(user, "1"))[0].startswith("✅ Đã đăng ký bạn")


async def test_the_whole_sheet_with_numbers_only(app: App, block_id: int, zalo: ZaloChat) -> None:
    await import_sample_sheet(app, block_id)
    c = await codes(app, block_id)
    await register(zalo, "hoa", c["secretariat"], "Nguyễn Thị Hoa", "0912 345 678")
    await register(zalo, "lan", c["YTE"], "Lê Thị Lan", "0903 111 222")
    await deliver(app)

    assert await zalo.say("lan", "2") == [  # not a menu item: the menu
        f"Menu chính (Sở Y tế, {BLOCK}):\n\n1. Nộp báo cáo, giao ước\n2. Chấm điểm thi đua\n3. Tình hình nộp\n"
        "4. Thông tin của tôi"]
    overview = await zalo.say("lan", "2")
    assert overview[0].startswith("📋 Bảng tiêu chí chấm điểm thi đua năm 2026\nĐơn vị: Sở Y tế\n\n")
    assert overview[0].endswith("\n\n1. ▶️ Tiếp tục từ 1.1\n2. Xem lại và nộp\n3. Phần I (0/4)\n4. Phần II (0/3)\n"
                                "5. Phần III (0/3)\n6. Phần IV (0/2)\n7. Điểm thưởng (0/2)\n8. Điểm trừ (0/2)\n"
                                "9. Tạm dừng")
    assert await zalo.say("lan", "1") == [ASK_1_1]  # no numbered menu at the score step

    assert await zalo.say("lan", "30") == [text("score.above_max", code="1.1", nearest=25, value=30), ASK_1_1]
    for code, score in SCORES.items():
        out = await zalo.say("lan", score)  # "1", "2", "4", "5": scores, whatever the previous menu had
        assert out == [f"✅ Đã lưu {code}: {score.replace('.', ',')} điểm.\n\n{ASK_EXPLAIN.format(code=code)}"]
        out = await zalo.say("lan", "1")  # 1. Bỏ qua: no evidence step on Zalo, straight to the next line
        if code != "D2":
            assert "\n1. " not in out[0] and out[0].endswith("để chuyển tới tiêu chí khác.")
    assert out == [REVIEW]

    confirm = await zalo.say("lan", "1")
    assert confirm == ["Nộp bảng tự chấm điểm của Sở Y tế với tổng điểm 92,5?\nSau khi nộp, bảng sẽ bị khóa; muốn sửa "
                       "phải nhờ Thường trực Khối mở lại.\n\n1. Xác nhận nộp\n2. Quay lại xem lại"]
    done = await zalo.say("lan", "1")
    assert done[0] == text("score.done_on_time", at="23/11/2026 09:00", due="30/11/2026 17:00", total="92,5",
                           unit="Sở Y tế")
    async with app.uow() as uow:
        row = (await uow.session.exec(select(Assessment))).one()
        assert row.id is not None
        lines = await uow.scoring.lines(row.id)
        submission = (await uow.session.exec(select(Submission))).one()
    assert row.status == "submitted" and submission.kind == "assessment"
    assert {k: v.self_score for k, v in lines.items()} == {k: Decimal(v.replace(",", ".")) for k, v in SCORES.items()}
    assert await deliver(app) == 1
    assert zalo.api.sent_to("hoa")[-1].startswith("📊 Sở Y tế đã nộp bảng tự chấm điểm (đúng hạn): tổng 92,5 điểm")


async def test_words_and_the_jump_command_on_zalo(app: App, block_id: int, zalo: ZaloChat) -> None:
    await import_sample_sheet(app, block_id)
    await register(zalo, "lan", (await codes(app, block_id))["YTE"], "Lê Thị Lan", "0903 111 222")
    await zalo.say("lan", "/chamdiem")
    await zalo.say("lan", "1")
    assert (await zalo.say("lan", "toi da"))[0].startswith(text("score.saved", code="1.1", score=25))
    assert (await zalo.say("lan", "2"))[0].startswith(f"{SECTION_I}\n1.1")  # 2. Quay lại
    assert (await zalo.say("lan", "bo qua"))[0].startswith(f"{SECTION_I}\n1.2")
    assert (await zalo.say("lan", "/di D1"))[0].startswith("Điểm trừ (nhập số dương; số điểm này được trừ khỏi tổng)\n"
                                                           "D1 — Gửi báo cáo chậm")
    assert (await zalo.say("lan", "quay lai"))[0].startswith("Điểm thưởng\nT2 — ")
    out = await zalo.say("lan", "2.1")  # a criterion's code, and a score at this step
    assert out[0] == ("2,1 không đúng bước 0,5 của bảng tiêu chí. Điểm hợp lệ gần nhất: 2 hoặc 2,5.\n"
                      "(Nếu bạn muốn chuyển sang tiêu chí 2.1, gõ /di 2.1.)")
    assert out[1].startswith("Điểm thưởng\nT2 — ")
    assert (await zalo.say("lan", "tong quan"))[0].startswith("📋 Bảng tiêu chí chấm điểm thi đua năm 2026")
