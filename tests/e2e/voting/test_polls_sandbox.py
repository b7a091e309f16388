"""The secretariat's side of the vote in the sandbox, read as transcripts: /baucu, preparing a poll with
the defaults in a few taps, every setting changed by typing (bad input first), opening, the observer
reading along, closing with the result and the minutes, the time limit, and the runoff after a tie."""

from __future__ import annotations

from datetime import timedelta

from bot.app import App
from bot.channels.sandbox import Sandbox
from handlers.core import catalog
from handlers.core.catalog import VI, Catalog
from handlers.core.clock import FrozenClock
from handlers.voting.flows import polls_prepare as prepare
from handlers.voting.flows import polls_view as view
from handlers.voting.setup import new_draft
from storage.models_vote import CLOSED, OPEN, Poll
from tests.conftest import sandbox_for
from tests.helpers import cast_test_ballot, codes, deliver, register

BLOCK = "Khối thi đua Văn hóa - Xã hội"
FLAG = "Suy tôn đơn vị dẫn đầu đề nghị UBND tỉnh tặng Cờ thi đua năm 2026"
CHOOSE = "Mời bạn chọn một mục trong menu (gõ số thứ tự hoặc bấm nút)."
VI_TEXT = Catalog("vi")
UNITS = ["Bảo hiểm Xã hội tỉnh", "Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh", "Trường Cao đẳng Cộng đồng",
         "Sở Văn hóa, Thể thao và Du lịch", "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ", "Sở Y tế",
         "Ban Dân tộc", "Sở Giáo dục và Đào tạo", "Đài Phát thanh và Truyền hình tỉnh",
         "Sở Lao động - Thương binh và Xã hội"]
SUMMARY_ACTIONS = ["💾 Lưu (chưa mở)", "▶️ Lưu và mở bỏ phiếu ngay", "Sửa nội dung", "Sửa danh sách ứng viên",
                   "Số đơn vị được bầu", "Số lựa chọn tối đa mỗi phiếu", "Ngưỡng trúng cử"]
SUMMARY_TAIL = ["Túc số", "Thời gian bỏ phiếu", "Địa điểm", "Bỏ bản nháp này"]


def menu(*labels: str, zalo: bool = False) -> str:
    if zalo:
        return "\n" + "\n".join(f"{i}. {label}" for i, label in enumerate(labels, 1))
    return "\n".join(f"[{i}] {label}" for i, label in enumerate(labels, 1))


def settings(kind: str, question: str, candidates: list[str], seats: int = 1, most: int = 1, self_ok: bool = True,
             threshold: int = 50, quorum: str = "2/3", limit: str = "không giới hạn (Thường trực đóng)",
             place: str = "(chưa ghi)", blank_valid: bool = True) -> str:
    lines = [f"Loại: {kind}", f"Nội dung: {question}",
             f"Danh sách ứng viên ({len(candidates)} đơn vị, theo thứ tự trên phiếu):",
             *(f"  {n}. {unit}" for n, unit in enumerate(candidates, 1)),
             f"Số đơn vị được bầu: {seats} · mỗi phiếu chọn tối đa {most}",
             "Đơn vị được bầu cho chính mình" if self_ok else "Đơn vị không được bầu cho chính mình",
             f"Trúng cử khi có số phiếu quá {threshold}% tổng số đơn vị thành viên và thuộc {seats} đơn vị "
             "có số phiếu cao nhất",
             f"Túc số: {quorum} tổng số đơn vị thành viên", VI_TEXT("poll.blank.valid" if blank_valid else
                                                                     "poll.blank.invalid"),
             f"Thời gian bỏ phiếu: {limit} · Địa điểm: {place}"]
    return "\n".join(lines)


def summary(text: str, self_ok: bool = True, zalo: bool = False, blank_valid: bool = True) -> str:
    toggle = "Không cho tự bầu cho mình" if self_ok else "Cho phép tự bầu cho mình"
    blank = "Tính phiếu trắng là phiếu không hợp lệ" if blank_valid else "Tính phiếu trắng là phiếu hợp lệ"
    actions = menu(*SUMMARY_ACTIONS, toggle, blank, *SUMMARY_TAIL, zalo=zalo)
    return f"Kiểm tra phiếu bầu trước khi lưu:\n\n{text}\n{actions}"


async def people(app: App, block_id: int, sb: Sandbox) -> None:
    """Hoa runs the block; Bình is Sở Y tế's contact; Lan the provincial observer."""
    c = await codes(app, block_id)
    await register(sb, "hoa", c["secretariat"], "Nguyễn Thị Hoa", "0912 345 678")
    await register(sb, "binh", c["YTE"], "Trần Văn Bình", "0987 654 321")
    await register(sb, "lan", c["observer"], "Lê Thị Lan", "0904 222 333")
    await deliver(app)
    for user in ("hoa", "binh", "lan"):
        sb.inbox(user)


async def polls(app: App) -> list[Poll]:
    async with app.uow() as uow:
        term = await uow.directory.current_term(1)
        assert term is not None and term.id is not None
        return await uow.polls.of_term(term.id)


async def test_a_flag_poll_in_a_few_taps_opened_read_by_the_observer_and_closed(app: App, block_id: int,
                                                                                sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    sb = sandbox
    assert await sb.say("hoa", "/baucu") == [
        f"🗳 Bầu chọn năm 2026 — {BLOCK}:\n(Chưa có phiếu bầu nào.)\n"
        "Chuẩn bị phiếu bầu mới, hoặc chọn một phiếu để xem, mở, đóng:\n[1] ➕ Chuẩn bị phiếu bầu mới\n[2] Thoát"]
    assert await sb.say("hoa", "1") == ["Chuẩn bị phiếu bầu mới. Bầu chọn nội dung gì?\n" + menu(
        "Cờ thi đua", "Bằng khen", "Trưởng khối", "Phó Trưởng khối", "Biểu quyết khác", "« Quay lại")]
    assert await sb.say("hoa", "1") == [
        f"Nội dung ghi trên phiếu:\n«{FLAG}»\n\nBấm «Giữ nội dung này», hoặc gõ nội dung khác.\n"
        "[1] Giữ nội dung này\n[2] « Quay lại"]
    assert await sb.say("hoa", "1") == ["Ứng viên là những đơn vị nào?\n" + menu(
        "Tất cả đơn vị thành viên (11)", "Chọn từng đơn vị", "« Quay lại")]  # no scores yet: no «top N»
    assert await sb.say("hoa", "1") == [
        "Bầu bao nhiêu đơn vị? (có 11 ứng viên; mặc định 1) Bấm một số hoặc gõ số khác.\n[1] 1\n[2] 2\n[3] 3"]
    assert await sb.say("hoa", "1") == [summary(settings("Cờ thi đua", FLAG, UNITS))]
    opened = await sb.say("hoa", "2")  # ▶️ Lưu và mở bỏ phiếu ngay
    assert opened[:2] == [f"✅ Đã lưu phiếu bầu #1: {FLAG}",
                          f"🟢 Đã mở phiếu bầu #1: {FLAG}\n"
                          "Đã gửi phiếu đến 2/11 đơn vị (mỗi đơn vị một phiếu, qua đầu mối của đơn vị).\n"
                          "Màn hình chiếu: /manhinh"]
    assert opened[2] == (f"🗳 Phiếu bầu #1 — 🟢 đang bỏ phiếu\n\n{settings('Cờ thi đua', FLAG, UNITS)}\n\n"
                         "Mở lúc 23/11/2026 09:00.\n\n📊 0/11 đơn vị đã bỏ phiếu\n"
                         "[1] 🔄 Cập nhật số phiếu\n[2] ⏹ Đóng bỏ phiếu và kiểm phiếu\n[3] « Quay lại")
    await deliver(app)
    assert sb.inbox("binh")[0].startswith(f"🗳️ Bỏ phiếu kín: {FLAG}")  # the unit side's ballot notice
    assert sb.inbox("lan") == []  # the observer never votes
    assert sb.inbox("hoa")[0].startswith(f"🗳️ Bỏ phiếu kín: {FLAG}")  # the secretariat votes for the head unit

    for voter in ("BHXH", "CDNDTNT", "CDCD", "VHTTDL", "TTTT", "KHCN", "BDT"):
        await cast_test_ballot(app, block_id, 1, voter, ["YTE"])
    await cast_test_ballot(app, block_id, 1, "GDDT", ["GDDT"])
    assert await sb.say("lan", "/baucu") == [
        f"🗳 Bầu chọn năm 2026 — {BLOCK}:\n• #1 Cờ thi đua: Suy tôn đơn vị dẫn đầu đề nghị UBND… — "
        "🟢 đang bỏ phiếu (8/11 đơn vị đã bỏ phiếu)\nChọn một phiếu để xem (chỉ xem):\n[1] #1 Cờ thi đua\n[2] Thoát"]
    page = await sb.say("lan", "1")
    assert page[0].endswith("📊 8/11 đơn vị đã bỏ phiếu\n[1] 🔄 Cập nhật số phiếu\n[2] « Quay lại")  # no close
    assert await sb.press("lan", "v.close", 0) == [
        "Menu này đã hết hạn. Mời bạn chọn lại ở menu mới nhất:", page[0]]

    assert (await sb.say("hoa", "/baucu 1"))[0].endswith("📊 8/11 đơn vị đã bỏ phiếu\n" + menu(
        "🔄 Cập nhật số phiếu", "⏹ Đóng bỏ phiếu và kiểm phiếu", "« Quay lại"))
    assert await sb.say("hoa", "2") == [
        f"Đóng phiếu bầu #1 «{FLAG}» và kiểm phiếu?\nĐã có 8/11 đơn vị bỏ phiếu; sau khi đóng, phiếu đến muộn sẽ "
        "không được nhận.\n[1] ✅ Đóng và kiểm phiếu\n[2] « Quay lại"]
    closed = await sb.say("hoa", "1")
    result = (f"🗳 KẾT QUẢ KIỂM PHIẾU #1 — {BLOCK}\n{FLAG}\n"
              "Số đơn vị thành viên: 11 · đã bỏ phiếu: 8 (72,73%) · phiếu hợp lệ: 8 · không hợp lệ: 0 · "
              "phiếu trắng: 0\n"
              f"{VI_TEXT('poll.blank.valid')}\n"
              "Tỷ lệ tính trên tổng số đơn vị thành viên; trúng cử khi có số phiếu quá 50% tổng số đơn vị thành "
              "viên và thuộc 1 đơn vị có số phiếu cao nhất.\n"
              "1. Sở Y tế: 7 phiếu (63,64%) ✅ trúng cử\n2. Sở Giáo dục và Đào tạo: 1 phiếu (9,09%)\n"
              + "\n".join(f"{n}. {u}: 0 phiếu (0,00%)" for n, u in enumerate(
                  [u for u in UNITS if u not in ("Sở Y tế", "Sở Giáo dục và Đào tạo")], 3))
              + "\nTrúng cử: Sở Y tế.")
    assert closed[0].startswith(result + "\n\n" + catalog.text("poll.receipts_counted", "vi", id=1, count=8) + "\n"
                                + catalog.text("poll.receipts_explain", "vi"))
    assert "\n" + "0" * 8 not in closed[0] and len(closed[0]) < len(result) + 500  # no wall of hashes
    assert closed[1].startswith("📄 Biên bản kiểm phiếu của phiếu bầu #1.\n📎")
    assert closed[2].startswith("🗳 Phiếu bầu #1 — 🔒 đã đóng") and closed[2].endswith(
        "[1] 📄 Biên bản kiểm phiếu\n[2] 🧾 Danh sách phiếu (mã biên nhận)\n[3] « Quay lại")
    await deliver(app)
    assert sb.inbox("binh")[-1] == result and sb.inbox("lan") == [result]
    assert sb.inbox("hoa") == []  # hoa got it as the reply, not twice
    assert (await sb.say("lan", "1"))[0].startswith("🗳 Phiếu bầu #1 — 🔒 đã đóng")  # 🔄 on the old page
    receipts = (await sb.say("lan", "2"))[0]
    assert receipts.startswith(catalog.text("poll.receipts_counted", "vi", id=1, count=8))
    assert "📎 ma-bien-nhan-phieu-1.txt" in receipts
    assert [p.status for p in await polls(app)] == [CLOSED]


async def test_every_setting_typed_bad_input_first_then_saved_and_opened(app: App, block_id: int,
                                                                         sandbox: Sandbox) -> None:
    """On Zalo, where every number is typed: a number is a menu item only where the step shows a menu."""
    await people(app, block_id, sandbox)
    sb = sandbox_for(app, "zalo")
    await sb.say("hoa", "/baucu")
    await sb.say("hoa", "1")
    await sb.say("hoa", "2")  # Bằng khen
    question = "Bình xét 2 đơn vị đề nghị UBND tỉnh tặng Bằng khen năm 2026"
    assert (await sb.say("hoa", f"  {question} "))[0].startswith("Ứng viên là những đơn vị nào?")
    ask_units = (await sb.say("hoa", "2"))[0]
    assert ask_units.startswith("Gõ số thứ tự hoặc mã của các đơn vị ứng viên") and ask_units.endswith(
        "\n1. BHXH — Bảo hiểm Xã hội tỉnh\n2. CDNDTNT — Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh\n"
        "3. CDCD — Trường Cao đẳng Cộng đồng\n4. VHTTDL — Sở Văn hóa, Thể thao và Du lịch\n"
        "5. TTTT — Sở Thông tin và Truyền thông\n6. KHCN — Sở Khoa học và Công nghệ\n7. YTE — Sở Y tế\n"
        "8. BDT — Ban Dân tộc\n9. GDDT — Sở Giáo dục và Đào tạo\n10. PTTH — Đài Phát thanh và Truyền hình tỉnh\n"
        "11. LDTBXH — Sở Lao động - Thương binh và Xã hội")
    assert await sb.say("hoa", "1 99 xyz") == [
        "Chưa nhận ra: 99, xyz. Xin gõ số thứ tự (1 đến 11) hoặc mã đơn vị trong danh sách, ví dụ: 1 3 5-7.",
        ask_units]
    assert (await sb.say("hoa", "yte, 9 4-5"))[0].startswith("Bầu bao nhiêu đơn vị? (có 4 ứng viên; mặc định 3)")
    assert await sb.say("hoa", "5") == [  # more seats than candidates
        "Xin gõ một số từ 1 đến 4.",
        "Bầu bao nhiêu đơn vị? (có 4 ứng viên; mặc định 3) Bấm một số hoặc gõ số khác.\n"
        + menu("1", "2", "3", zalo=True)]
    chosen = ["Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch", "Sở Thông tin và Truyền thông"]
    assert await sb.say("hoa", "2 ghế") == [summary(settings("Bằng khen", question, chosen, 2, 2), zalo=True)]
    await sb.say("hoa", "6")  # Số lựa chọn tối đa mỗi phiếu
    assert (await sb.say("hoa", "9"))[0] == "Xin gõ một số từ 1 đến 4."
    assert await sb.say("hoa", "3") == [summary(settings("Bằng khen", question, chosen, 2, 3), zalo=True)]
    assert (await sb.say("hoa", "7"))[0].startswith("Ngưỡng trúng cử: trên bao nhiêu % tổng số đơn vị thành viên?")
    assert (await sb.say("hoa", "năm mươi"))[0] == "Xin gõ số phần trăm nguyên từ 0 đến 99, ví dụ 50."
    await sb.say("hoa", "60 %")
    await sb.say("hoa", "8")  # Không cho tự bầu cho mình
    await sb.say("hoa", "10")  # Túc số
    assert (await sb.say("hoa", "4/3"))[0] == "Xin gõ phân số như 2/3, phần trăm như 50%, hoặc 0."
    await sb.say("hoa", "3/4")
    await sb.say("hoa", "11")  # Thời gian
    assert (await sb.say("hoa", "mười lăm"))[0] == "Xin gõ số phút từ 1 đến 1440 (ví dụ 15), hoặc «không»."
    await sb.say("hoa", "15 phút")
    await sb.say("hoa", "12")  # Địa điểm
    assert (await sb.say("hoa", "quay lại"))[0].startswith("Kiểm tra phiếu bầu")  # kept as it was
    await sb.say("hoa", "12")
    place = "Hội trường Bảo hiểm Xã hội tỉnh"
    expected = settings("Bằng khen", question, chosen, 2, 3, self_ok=False, threshold=60, quorum="3/4",
                        limit="15 phút", place=place)
    assert await sb.say("hoa", place) == [summary(expected, self_ok=False, zalo=True)]
    assert await sb.say("binh", "/baucu") == ["Chức năng này chỉ dành cho Thường trực Khối."]
    saved = await sb.say("hoa", "1")  # 💾 Lưu (chưa mở)
    assert saved == [f"✅ Đã lưu phiếu bầu #1: {question}",
                     f"🗳 Phiếu bầu #1 — 📝 chưa mở\n\n{expected}\n" + menu("▶️ Mở bỏ phiếu", "« Quay lại", zalo=True)]
    assert await sb.say("hoa", "1") == [
        f"Mở phiếu bầu #1 «{question}»?\nPhiếu sẽ được gửi ngay đến đầu mối của 11 đơn vị thành viên.\n"
        + menu("✅ Mở và gửi phiếu", "« Quay lại", zalo=True)]
    opened = await sb.say("hoa", "1")
    assert opened[0] == (f"🟢 Đã mở phiếu bầu #1: {question}\n"
                          "Đã gửi phiếu đến 2/11 đơn vị (mỗi đơn vị một phiếu, qua đầu mối của đơn vị).\n"
                         "Phiếu tự đóng lúc 23/11/2026 09:15.\nMàn hình chiếu: /manhinh")
    stored = (await polls(app))[0]
    assert (stored.kind, stored.seats, stored.max_choices, stored.allow_self, stored.threshold_pct,
            stored.quorum_num, stored.quorum_den, stored.time_limit_min, stored.place, stored.status) == (
        "certificate", 2, 3, False, 60, 3, 4, 15, place, OPEN)


async def test_back_steps_and_a_dropped_draft_lose_nothing_else(app: App, block_id: int, sandbox: Sandbox) -> None:
    await people(app, block_id, sandbox)
    sb = sandbox
    await sb.say("hoa", "/baucu")
    await sb.say("hoa", "1")
    await sb.say("hoa", "3")  # Trưởng khối: next year's
    assert (await sb.say("hoa", "xin chào?"))[0].startswith("Ứng viên")  # any text is a question
    assert (await sb.say("hoa", "3"))[0].startswith("Nội dung ghi trên phiếu:\n«xin chào?»")  # « Quay lại
    assert (await sb.say("hoa", "2"))[0].startswith("Chuẩn bị phiếu bầu mới.")  # « Quay lại
    await sb.say("hoa", "3")
    assert (await sb.say("hoa", "1"))[0].startswith("Ứng viên")  # the default: «Bầu đơn vị Trưởng khối năm 2027»
    await sb.say("hoa", "1")
    summary_text = (await sb.say("hoa", "1"))[0]
    assert "Nội dung: Bầu đơn vị Trưởng khối năm 2027" in summary_text
    assert await sb.say("hoa", "xin chào") == [CHOOSE, summary_text]
    assert (await sb.say("hoa", "13"))[0].startswith(f"🗳 Bầu chọn năm 2026 — {BLOCK}:\n(Chưa có phiếu bầu nào.)")
    assert await polls(app) == []


async def test_the_time_limit_closes_and_the_notice_buttons_give_minutes_and_runoff(
        app: App, block_id: int, sandbox: Sandbox, clock: FrozenClock) -> None:
    await people(app, block_id, sandbox)
    sb = sandbox
    await sb.say("hoa", "/baucu")
    for text in ("1", "2", "1", "2", "YTE GDDT TTTT KHCN", "2", "11", "5 phút"):  # Bằng khen, 4 units, 2 seats
        await sb.say("hoa", text)
    await sb.say("hoa", "2")  # save and open
    ballots = {"BHXH": ["YTE", "GDDT"], "CDNDTNT": ["YTE", "GDDT"], "CDCD": ["GDDT", "TTTT"],
               "VHTTDL": ["YTE", "GDDT"], "TTTT": ["YTE", "GDDT"], "KHCN": ["YTE", "TTTT"],
               "YTE": ["TTTT", "GDDT"], "BDT": ["YTE", "TTTT"], "GDDT": ["YTE", "TTTT"], "PTTH": ["TTTT"]}
    for voter, choices in ballots.items():  # 10 of 11: it stays open until its time limit
        await cast_test_ballot(app, block_id, 1, voter, choices)
    clock.advance(timedelta(minutes=4, seconds=59))
    assert await app.close_polls() == 0
    clock.advance(timedelta(seconds=1))
    assert await app.close_polls() == 1
    await deliver(app)
    notice = sb.inbox("hoa")[-1]
    assert "1. Sở Y tế: 7 phiếu (63,64%) ✅ trúng cử\n2. Sở Giáo dục và Đào tạo: 6 phiếu (54,55%) ⚖️ đồng phiếu\n" \
           "3. Sở Thông tin và Truyền thông: 6 phiếu (54,55%) ⚖️ đồng phiếu\n" in notice
    assert ("⚖️ Đồng phiếu ở vị trí cuối giữa Sở Giáo dục và Đào tạo, Sở Thông tin và Truyền thông (còn 1 suất): "
            "cần bầu lại giữa các đơn vị này.") in notice
    assert notice.endswith("[1] 📄 Biên bản kiểm phiếu\n[2] 🔁 Bầu lại giữa các đơn vị đồng phiếu\n"
                           "[3] 🧾 Danh sách phiếu (mã biên nhận)")
    assert sb.inbox("binh")[-1].startswith("🗳 KẾT QUẢ KIỂM PHIẾU #1")
    minutes = await sb.say("hoa", "1")
    assert minutes[0].startswith("📄 Biên bản kiểm phiếu của phiếu bầu #1.\n📎")
    assert sb.inbox("lan")[-1].startswith("🗳 KẾT QUẢ KIỂM PHIẾU #1")  # without the buttons
    assert await sb.press("lan", "g.poll.runoff.1", 0) == [  # the observer reads, never acts
        "Chức năng này chỉ dành cho Thường trực Khối."]
    await sb.say("hoa", "/baucu")
    await sb.say("hoa", "[1]")  # preparing another poll meanwhile: the notice's buttons keep the draft's step
    kinds = "Chuẩn bị phiếu bầu mới. Bầu chọn nội dung gì?\n" + menu(
        "Cờ thi đua", "Bằng khen", "Trưởng khối", "Phó Trưởng khối", "Biểu quyết khác", "« Quay lại")
    assert await sb.press("hoa", "g.poll.minutes.1", 0) == [minutes[0], kinds]
    assert [p.id for p in await polls(app)] == [1]
    assert await sb.press("hoa", "g.poll.runoff.1", 0) == [
        "🟢 Đã mở phiếu bầu #2: Bầu lại giữa các đơn vị đồng phiếu – "
        "Bình xét các đơn vị đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh năm 2026\n"
        "Đã gửi phiếu đến 2/11 đơn vị (mỗi đơn vị một phiếu, qua đầu mối của đơn vị).\n"
        "Phiếu tự đóng lúc 23/11/2026 09:10.\nMàn hình chiếu: /manhinh",
        kinds]
    await sb.say("hoa", "/huy")
    again = await sb.press("hoa", "g.poll.runoff.1", 0)  # not preparing any more: to the runoff's page
    assert again[0] == "Đã có phiếu bầu lại #2."  # a second tap makes no second runoff
    assert again[1].startswith("🗳 Phiếu bầu #2 — 🟢 đang bỏ phiếu") and (
        "  1. Sở Giáo dục và Đào tạo\n  2. Sở Thông tin và Truyền thông\nSố đơn vị được bầu: 1 · mỗi phiếu chọn "
        "tối đa 1") in again[1]
    assert [(p.id, p.status, p.runoff_of) for p in await polls(app)] == [(1, CLOSED, None), (2, OPEN, 1)]
    assert await sb.press("binh", "g.poll.runoff.1", 0) == ["Chức năng này chỉ dành cho Thường trực Khối."]


ODD = ["", "🙂", "abc", "0", "-1", "9999", "1 2 3 4 5 6 7 8 9 10 11 12", "2/3", "50%", "quay lại", "x" * 600, "²", "一"]


async def test_any_text_at_any_step_is_answered_and_loses_nothing(app: App, block_id: int, sandbox: Sandbox) -> None:
    """On Zalo (every number typed): each step of the flow, given odd text, answers and stays in the flow."""
    await people(app, block_id, sandbox)
    sb = sandbox_for(app, "zalo")
    await sb.say("hoa", "/baucu")
    for text in ("1", "2", "1", "1", "2"):  # a certificate poll of all units, 2 seats, saved as a draft…
        await sb.say("hoa", text)
    await sb.say("hoa", "1")
    draft = new_draft(Catalog(), "certificate", 2026, list(range(1, 12))).to_data()
    steps = [view.LIST, view.VIEW, view.CONFIRM_OPEN, view.CONFIRM_CLOSE, *prepare.STEPS]
    for step in steps:
        for text in ODD:
            async with app.uow() as uow:
                state = await uow.dialogs.load_for_update("sandbox", "sb-hoa", app.clock.now())
                state.flow, state.step = view.FLOW, step
                state.data = {"block_id": block_id, "poll_id": 1, "draft": dict(draft), "editing": step != "p_kind"}
                await uow.dialogs.save(state)
                await uow.commit()
            out = await sb.say("hoa", text)
            assert out and VI["internal_error"] not in out, (step, text, out)
            async with app.uow() as uow:
                after = await uow.dialogs.get("sandbox", "sb-hoa")
            assert after is not None and after.flow == view.FLOW, (step, text, out)
    assert [(p.id, p.status) for p in await polls(app)] == [(1, "draft")]  # nothing opened by chance
