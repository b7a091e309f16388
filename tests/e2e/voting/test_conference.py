"""The year-end conference of the sample block in the sandbox, from the first prepared poll to the handover.

All 11 member units registered through their invite codes, the secretariat (Hoa, of the head unit Bảo hiểm
Xã hội tỉnh) and the provincial observer. Hoa prepares the head and deputy polls ahead, then runs the
meeting: the Emulation Flag among the three best-scored units (1 seat), the Certificates of Merit among all
units (3 seats) with a tie at the last seat and its runoff, then the head and deputy polls, opened one after
another. Every unit votes in chat; each poll closes by itself when the last unit has voted. The minutes are
read back from the DOCX, and the handover makes the elected units head and deputy of 2027.
"""

from __future__ import annotations

import re
from io import BytesIO

from docx import Document as read_docx

from bot.app import App
from bot.channels.sandbox import Sandbox, SandboxChannel
from handlers.core.messages import Incoming, Reply
from storage.models_vote import CLOSED, Poll
from tests.helpers import codes, deliver
from tests.integration.test_scoring_exports import seed

BLOCK = "Khối thi đua Văn hóa - Xã hội"
UNITS = {"BHXH": "Bảo hiểm Xã hội tỉnh", "CDNDTNT": "Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh",
         "CDCD": "Trường Cao đẳng Cộng đồng", "VHTTDL": "Sở Văn hóa, Thể thao và Du lịch",
         "TTTT": "Sở Thông tin và Truyền thông", "KHCN": "Sở Khoa học và Công nghệ", "YTE": "Sở Y tế",
         "BDT": "Ban Dân tộc", "GDDT": "Sở Giáo dục và Đào tạo", "PTTH": "Đài Phát thanh và Truyền hình tỉnh",
         "LDTBXH": "Sở Lao động - Thương binh và Xã hội"}
CODES = list(UNITS)  # also the order of the units on a ballot of all units
PLACE = "Hội trường Bảo hiểm Xã hội tỉnh"
RECEIPT = re.compile(r"Mã biên nhận: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})")


class Conference:
    """The sandbox, keeping what the bot answered (documents included) so the minutes can be read back."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.replies: list[Reply] = []
        channel = SandboxChannel(style="telegram")
        app.add_channel(channel)
        self.sb = Sandbox(self._handle, channel)

    async def _handle(self, incoming: Incoming) -> list[Reply]:
        replies = await self.app.dispatcher.handle(incoming)
        self.replies += replies
        return replies

    async def say(self, user: str, text: str) -> list[str]:
        return await self.sb.say(user, text)

    async def register(self, user: str, code: str, name: str) -> None:
        for text in (f"/start {code}", "1", name, "Chuyên viên", f"0912 000 {len(self.replies) % 1000:03d}"):
            await self.say(user, text)
        assert (await self.say(user, "1"))[0].startswith("✅ Đã đăng ký"), user

    async def vote(self, code: str, picks: list[int], candidates: int) -> str:
        """The unit's contact opens the ballot, picks by position (none: blank), reviews and confirms."""
        user = f"u_{code}"
        assert (await self.say(user, "/bophieu"))[-1].startswith("🗳️ PHIẾU BẦU"), user
        if picks:
            await self.say(user, " ".join(map(str, picks)) if len(picks) > 1 else f"{picks[0]} ")
            review = await self.say(user, f"[{candidates + 1}]")
        else:
            review = await self.say(user, f"[{candidates + 2}]")
        assert review[-1].startswith("Mời kiểm tra lại phiếu bầu"), (user, review)
        cast = await self.say(user, "[1]")
        match = RECEIPT.search(cast[0])
        assert match is not None, (user, cast)
        return match.group(1)

    async def ballots(self, votes: dict[str, list[int]], candidates: int) -> dict[str, str]:
        return {code: await self.vote(code, picks, candidates) for code, picks in votes.items()}

    def minutes(self, poll_id: int) -> dict[str, object]:
        """The last minutes DOCX the bot sent for the poll, read back: its paragraphs and result table."""
        name = f"bien-ban-kiem-phieu-{poll_id}.docx"
        found = [r.document for r in self.replies if r.document is not None and r.document.filename == name]
        assert found, name
        doc = read_docx(BytesIO(found[-1].content))
        rows = next([[c.text for c in row.cells] for row in table.rows] for table in doc.tables
                    if table.rows[0].cells[0].text == "STT")
        return {"text": "\n".join(p.text for p in doc.paragraphs), "rows": rows[1:]}


async def polls(app: App) -> list[Poll]:
    async with app.uow() as uow:
        terms = await uow.directory.terms(1)
        return [p for term in terms for p in await uow.polls.of_term(term.id or 0)]


async def why_closed(app: App) -> list[str]:
    async with app.uow() as uow:
        return [e.detail["why"] for e in await uow.audit.entries(1) if e.action == "poll_close"]


def result_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if re.match(r"^\d+\. ", line)]


async def test_the_year_end_conference(app: App, block_id: int) -> None:
    conf = Conference(app)
    say = conf.say
    invite = await codes(app, block_id)
    await conf.register("hoa", invite["secretariat"], "Nguyễn Thị Hoa")
    await conf.register("quan", invite["observer"], "Trần Minh Quân")
    for code in CODES:
        await conf.register(f"u_{code}", invite[code], f"Đầu mối {code}")
    await seed(app, block_id)  # the scores: GDDT 99, BHXH 98 and YTE 98 (tied), the others not submitted
    await deliver(app)
    for user in ("hoa", "quan", *(f"u_{c}" for c in CODES)):
        conf.sb.inbox(user)

    # Before the meeting: the head and deputy polls prepared, each in a few taps, saved as drafts.
    for kind in ("[3]", "[4]"):  # Trưởng khối, Phó Trưởng khối
        await say("hoa", "/baucu")
        for text in ("[1]", kind, "[1]", "[1]", "[1]", "[12]", PLACE):  # new, kind, keep, all units, 1 seat, place
            await say("hoa", text)
        saved = await say("hoa", "[1]")  # 💾 Lưu (chưa mở)
        assert saved[0].startswith("✅ Đã lưu phiếu bầu #")
    assert [(p.id, p.kind, p.question, p.status) for p in await polls(app)] == [
        (1, "head", "Bầu đơn vị Trưởng khối năm 2027", "draft"),
        (2, "deputy", "Bầu đơn vị Phó Trưởng khối năm 2027", "draft")]

    # 1. The Emulation Flag: one seat among the three best-scored units (the tie at the cut comes along).
    await say("hoa", "/baucu")
    for text in ("[1]", "[1]", "[1]"):  # new, Cờ thi đua, keep the question
        await say("hoa", text)
    assert (await say("hoa", "[2]"))[0].startswith("Lấy bao nhiêu đơn vị điểm cao nhất")  # Các đơn vị điểm cao nhất
    chosen = await say("hoa", "2 đơn vị")
    assert chosen[0] == ("Ứng viên theo điểm (top 2): 3 đơn vị — Sở Giáo dục và Đào tạo, Bảo hiểm Xã hội tỉnh, "
                         "Sở Y tế.")
    assert "Thời gian bỏ phiếu: không giới hạn (Thường trực đóng) · Địa điểm: " + PLACE in (
        await say("hoa", "[1]"))[0]  # 1 seat; the place of the polls prepared before is the default
    opened = await say("hoa", "[2]")  # ▶️ Lưu và mở bỏ phiếu ngay
    assert opened[1].startswith("🟢 Đã mở phiếu bầu #3: Suy tôn đơn vị dẫn đầu đề nghị UBND tỉnh tặng Cờ thi đua "
                                "năm 2026\nĐã gửi phiếu đến 11/11 đơn vị (mỗi đơn vị một phiếu, qua đầu mối của "
                                "đơn vị).")  # 12 chats (11 contacts and Hoa for her unit), 11 units
    flag = {code: [1] for code in ("BHXH", "CDNDTNT", "CDCD", "VHTTDL", "TTTT", "KHCN", "YTE", "BDT")}
    flag |= {"GDDT": [2], "PTTH": [2], "LDTBXH": [3]}
    receipts = await conf.ballots(flag, candidates=3)
    assert await why_closed(app) == ["all_voted"]  # the last ballot closed it
    await deliver(app)
    result = conf.sb.inbox("u_YTE")[-1]
    assert result.startswith("🗳 KẾT QUẢ KIỂM PHIẾU #3 — ")
    assert result_lines(result) == ["1. Sở Giáo dục và Đào tạo: 8 phiếu (72,73%) ✅ trúng cử",
                                    "2. Bảo hiểm Xã hội tỉnh: 2 phiếu (18,18%)", "3. Sở Y tế: 1 phiếu (9,09%)"]
    assert ("Số đơn vị thành viên: 11 · đã bỏ phiếu: 11 (100,00%) · phiếu hợp lệ: 11 · không hợp lệ: 0 · "
            "phiếu trắng: 0") in result
    assert conf.sb.inbox("quan")[-1] == result  # the observer reads the same result
    staff = conf.sb.inbox("hoa")[-1]
    assert "🧾 Đã kiểm 11 phiếu của phiếu bầu #3" in staff
    assert staff.endswith("[1] 📄 Biên bản kiểm phiếu\n[2] 🧾 Danh sách phiếu (mã biên nhận)")
    assert (await say("hoa", "[1]"))[0].startswith("📄 Biên bản kiểm phiếu của phiếu bầu #3.\n📎")
    minutes = conf.minutes(3)
    for line in ("- Số phiếu phát ra: 11", "- Số phiếu thu vào: 11", "- Số phiếu hợp lệ: 11",
                 "- Số phiếu không hợp lệ: 0", "- Số phiếu trắng (không chọn đơn vị nào): 0"):
        assert line in str(minutes["text"]), line
    assert minutes["rows"] == [["1", UNITS["GDDT"], "8", "72,73", "Trúng cử"], ["2", UNITS["BHXH"], "2", "18,18", ""],
                               ["3", UNITS["YTE"], "1", "9,09", ""]]
    assert PLACE in str(minutes["text"])
    checked = await say("u_LDTBXH", f"/kiemtra {receipts['LDTBXH']}")
    assert checked[-1].startswith("✅ Phiếu có mã biên nhận này đã được tính trong kết quả")

    # 2. The Certificates of Merit: three seats among all units; a tie for the third seat, then the runoff.
    await say("hoa", "/baucu")
    for text in ("[1]", "[2]", "[1]", "[1]"):  # new, Bằng khen, keep the question, all units
        await say("hoa", text)
    assert "Số đơn vị được bầu: 3 · mỗi phiếu chọn tối đa 3" in (await say("hoa", "[3]"))[0]
    assert (await say("hoa", "[2]"))[1].startswith("🟢 Đã mở phiếu bầu #4")
    yte, gddt, vhttdl, tttt = (CODES.index(c) + 1 for c in ("YTE", "GDDT", "VHTTDL", "TTTT"))
    certificate = {code: [yte, gddt, vhttdl] for code in ("BHXH", "CDNDTNT", "CDCD", "VHTTDL")}
    certificate |= {code: [yte, gddt, tttt] for code in ("TTTT", "KHCN", "YTE", "LDTBXH")}
    certificate |= {"BDT": [yte, vhttdl, tttt], "GDDT": [yte, vhttdl, tttt], "PTTH": [gddt, vhttdl, tttt]}
    await conf.ballots(certificate, candidates=11)
    await deliver(app)
    staff = conf.sb.inbox("hoa")[-1]
    assert result_lines(staff)[:4] == [
        "1. Sở Y tế: 10 phiếu (90,91%) ✅ trúng cử", "2. Sở Giáo dục và Đào tạo: 9 phiếu (81,82%) ✅ trúng cử",
        "3. Sở Văn hóa, Thể thao và Du lịch: 7 phiếu (63,64%) ⚖️ đồng phiếu",
        "4. Sở Thông tin và Truyền thông: 7 phiếu (63,64%) ⚖️ đồng phiếu"]
    assert ("⚖️ Đồng phiếu ở vị trí cuối giữa Sở Văn hóa, Thể thao và Du lịch, Sở Thông tin và Truyền thông "
            "(còn 1 suất): cần bầu lại giữa các đơn vị này.") in staff
    assert staff.endswith("[1] 📄 Biên bản kiểm phiếu\n[2] 🔁 Bầu lại giữa các đơn vị đồng phiếu\n"
                          "[3] 🧾 Danh sách phiếu (mã biên nhận)")
    runoff = await say("hoa", "[2]")  # one tap: the runoff is created and opened
    assert runoff[0].startswith("🟢 Đã mở phiếu bầu #5: Bầu lại giữa các đơn vị đồng phiếu – Bình xét các đơn vị "
                                "đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh năm 2026")
    assert f"  1. {UNITS['VHTTDL']}\n  2. {UNITS['TTTT']}\nSố đơn vị được bầu: 1 · mỗi phiếu chọn tối đa 1" in runoff[1]
    await say("hoa", "/baucu 4")
    certificate_minutes = await say("hoa", "[1]")  # the certificate poll's page: 📄 Biên bản kiểm phiếu
    assert certificate_minutes[0].startswith("📄 Biên bản kiểm phiếu của phiếu bầu #4.")
    rows = conf.minutes(4)["rows"]
    assert isinstance(rows, list) and rows[:4] == [
        ["1", UNITS["YTE"], "10", "90,91", "Trúng cử"], ["2", UNITS["GDDT"], "9", "81,82", "Trúng cử"],
        ["3", UNITS["VHTTDL"], "7", "63,64", "Bằng phiếu"], ["4", UNITS["TTTT"], "7", "63,64", "Bằng phiếu"]]
    runoff_votes = {code: [1] for code in ("BHXH", "CDNDTNT", "CDCD", "VHTTDL", "KHCN", "BDT")}
    runoff_votes |= {code: [2] for code in ("TTTT", "YTE", "GDDT", "PTTH")} | {"LDTBXH": []}
    await conf.ballots(runoff_votes, candidates=2)
    await deliver(app)
    assert result_lines(conf.sb.inbox("u_TTTT")[-1]) == [
        "1. Sở Văn hóa, Thể thao và Du lịch: 6 phiếu (54,55%) ✅ trúng cử",
        "2. Sở Thông tin và Truyền thông: 4 phiếu (36,36%)"]
    assert conf.sb.inbox("hoa")[-1].startswith("🗳 KẾT QUẢ KIỂM PHIẾU #5")
    assert (await say("hoa", "[1]"))[0].startswith("📄 Biên bản kiểm phiếu của phiếu bầu #5.")  # the notice's button
    runoff_minutes = conf.minutes(5)
    assert "- Số phiếu trắng (không chọn đơn vị nào): 1" in str(runoff_minutes["text"])

    # 3. Head and deputy: the prepared drafts, opened one after another from the list.
    for poll_id, votes, expected in (
            (1, {c: [CODES.index("YTE") + 1] for c in CODES[:9]} | {"PTTH": [1], "LDTBXH": [1]},
             ["1. Sở Y tế: 9 phiếu (81,82%) ✅ trúng cử", "2. Bảo hiểm Xã hội tỉnh: 2 phiếu (18,18%)"]),
            (2, {c: [CODES.index("GDDT") + 1] for c in CODES[:7]} | {c: [2] for c in ("BDT", "GDDT", "PTTH")}
             | {"LDTBXH": []},
             ["1. Sở Giáo dục và Đào tạo: 7 phiếu (63,64%) ✅ trúng cử",
              "2. Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh: 3 phiếu (27,27%)"])):
        listing = await say("hoa", "/baucu")
        assert f"[{poll_id + 1}] #{poll_id} " in listing[-1]
        await say("hoa", f"[{poll_id + 1}]")  # the poll's page
        await say("hoa", "[1]")  # ▶️ Mở bỏ phiếu
        assert (await say("hoa", "[1]"))[0].startswith(f"🟢 Đã mở phiếu bầu #{poll_id}")
        await conf.ballots(votes, candidates=11)
        await deliver(app)
        assert result_lines(conf.sb.inbox("u_BDT")[-1])[:2] == expected
    assert [(p.id, p.status) for p in await polls(app)] == [(i, CLOSED) for i in range(1, 6)]
    assert await why_closed(app) == ["all_voted"] * 5

    # 4. The handover: Sở Y tế heads the block in 2027, Sở Giáo dục và Đào tạo is its deputy.
    for user in ("hoa", "quan", *(f"u_{c}" for c in CODES)):
        conf.sb.inbox(user)
    assert (await say("hoa", "/bangiao"))[0].startswith(
        f"🔁 Bàn giao sang năm thi đua 2027 của {BLOCK}:\n• Trưởng khối: Sở Y tế\n"
        "• Phó Trưởng khối: Sở Giáo dục và Đào tạo")
    done = await say("hoa", "[1]")
    assert done[0].startswith("✅ Đã bàn giao: năm thi đua 2027 bắt đầu, Sở Y tế là Trưởng khối, Sở Giáo dục và "
                              "Đào tạo là Phó Trưởng khối.")
    assert (await say("u_YTE", "/baucu"))[0].startswith(f"🗳 Bầu chọn năm 2027 — {BLOCK}:\n(Chưa có phiếu bầu nào.)")
    assert await say("hoa", "/baucu") == ["Chức năng này chỉ dành cho Thường trực Khối."]
    assert len(await polls(app)) == 5  # the 2026 polls stay readable
