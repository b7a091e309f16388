"""Blank ballots (issue #12) in the sandbox, read as transcripts: the secretariat keeps the default (a blank
ballot is valid) or switches it to invalid on the poll's summary; two units vote blank in chat; the
result, the poll's page and the minutes (read back from the DOCX) say the rule and count them under it."""

from __future__ import annotations

import pytest

from bot.app import App
from handlers.core.catalog import Catalog
from storage.models_vote import Poll
from tests.e2e.voting.test_conference import Conference
from tests.helpers import cast_test_ballot, codes, deliver

VI = Catalog("vi")
FLAG = "Suy tôn đơn vị dẫn đầu đề nghị UBND tỉnh tặng Cờ thi đua năm 2026"
TO_INVALID, TO_VALID = "Tính phiếu trắng là phiếu không hợp lệ", "Tính phiếu trắng là phiếu hợp lệ"
BLANK_TOGGLE = "[9]"  # on the summary, beside «Không cho tự bầu cho mình»


async def the_poll(app: App) -> Poll:
    async with app.uow() as uow:
        term = await uow.directory.current_term(1)
        assert term is not None and term.id is not None
        [poll] = await uow.polls.of_term(term.id)
        return poll


@pytest.mark.parametrize("blank_valid", [True, False], ids=["blank-valid", "blank-invalid"])
async def test_a_poll_with_blank_ballots_under_each_rule(app: App, block_id: int, blank_valid: bool) -> None:
    conf = Conference(app)
    say = conf.say
    invite = await codes(app, block_id)
    await conf.register("hoa", invite["secretariat"], "Nguyễn Thị Hoa")
    for code in ("YTE", "BDT"):
        await conf.register(f"u_{code}", invite[code], f"Đầu mối {code}")
    await deliver(app)

    await say("hoa", "/baucu")
    for text in ("[1]", "[1]", "[1]", "[1]"):  # new, Cờ thi đua, keep the question, all units
        await say("hoa", text)
    summary = (await say("hoa", "[1]"))[0]  # 1 seat
    assert summary.startswith("Kiểm tra phiếu bầu trước khi lưu:")
    assert VI("poll.blank.valid") in summary.splitlines()  # the default, said before anything is saved
    assert f"{BLANK_TOGGLE} {TO_INVALID}" in summary.splitlines()
    if not blank_valid:
        switched = (await say("hoa", BLANK_TOGGLE))[0]
        assert VI("poll.blank.invalid") in switched.splitlines() and VI("poll.blank.valid") not in switched
        assert f"{BLANK_TOGGLE} {TO_VALID}" in switched.splitlines()
        back = (await say("hoa", BLANK_TOGGLE))[0]  # a second tap puts it back
        assert back == summary
        await say("hoa", BLANK_TOGGLE)
    rule = VI("poll.blank.valid" if blank_valid else "poll.blank.invalid")
    opened = await say("hoa", "[2]")  # ▶️ Lưu và mở bỏ phiếu ngay
    assert opened[1].startswith(f"🟢 Đã mở phiếu bầu #1: {FLAG}")
    assert rule in opened[2].splitlines()  # the poll's page
    assert (await the_poll(app)).blank_valid is blank_valid

    # Sở Y tế votes blank and sees, before confirming, how a blank ballot is counted.
    assert (await say("u_YTE", "/bophieu"))[-1].startswith("🗳️ PHIẾU BẦU")
    review = await say("u_YTE", "[13]")  # Phiếu trắng (11 candidates, then «Xem lại», «Phiếu trắng»)
    assert review[-1].splitlines()[2:4] == [VI("vote.review_blank"), rule]
    assert "Mã biên nhận:" in (await say("u_YTE", "[1]"))[0]
    await conf.vote("BDT", [], candidates=11)  # Ban Dân tộc: blank too
    for voter in ("BHXH", "CDNDTNT", "CDCD", "VHTTDL", "TTTT", "KHCN"):
        await cast_test_ballot(app, block_id, 1, voter, ["GDDT"])
    await cast_test_ballot(app, block_id, 1, "GDDT", ["YTE"])  # 9 of 11 units; PTTH and LDTBXH absent

    await say("hoa", "/baucu 1")
    await say("hoa", "[2]")  # ⏹ Đóng bỏ phiếu và kiểm phiếu
    closed = await say("hoa", "[1]")  # ✅ Đóng và kiểm phiếu
    valid, invalid = (9, 0) if blank_valid else (7, 2)
    lines = closed[0].splitlines()
    assert lines[2:4] == [f"Số đơn vị thành viên: 11 · đã bỏ phiếu: 9 (81,82%) · phiếu hợp lệ: {valid} · "
                          f"không hợp lệ: {invalid} · phiếu trắng: 2", rule]
    assert "1. Sở Giáo dục và Đào tạo: 6 phiếu (54,55%) ✅ trúng cử" in lines  # the same under either rule
    assert "Trúng cử: Sở Giáo dục và Đào tạo." in lines
    await deliver(app)
    assert rule in conf.sb.inbox("u_BDT")[-1].splitlines()  # every unit's copy of the result says it too

    minutes = conf.minutes(1)
    text = str(minutes["text"]).splitlines()
    for line in ("- Số phiếu phát ra: 11", "- Số phiếu thu vào: 9", f"- Số phiếu hợp lệ: {valid}",
                 f"- Số phiếu không hợp lệ: {invalid}", "- Số phiếu trắng (không chọn đơn vị nào): 2",
                 VI("minutes.blank_valid" if blank_valid else "minutes.blank_invalid")):
        assert line in text, line
    assert minutes["rows"][0][1:] == ["Sở Giáo dục và Đào tạo", "6", "54,55", "Trúng cử"]  # type: ignore[index]
