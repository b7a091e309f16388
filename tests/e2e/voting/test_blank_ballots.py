"""Blank ballots (issue #12) in the sandbox, read as transcripts: the secretariat keeps the default (a blank
ballot is valid) or switches it to invalid on the poll's summary; two units vote blank in chat; the
result, the poll's page and the minutes (read back from the DOCX) say the rule and count them under it."""

from __future__ import annotations

import pytest

from bot.app import App
from handlers.core.catalog import Catalog
from storage.models_vote import Poll
from tests.e2e.voting.poll_texts import action, result_line
from tests.e2e.voting.poll_texts import opened as opened_text
from tests.e2e.voting.test_conference import Conference
from tests.helpers import cast_test_ballot, codes, deliver

VI = Catalog("vi")
FLAG = VI("poll.question.flag", year=2026)  # the question the bot proposes, kept
TO_INVALID, TO_VALID = action("blank_invalid"), action("blank_valid")
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
    for said in ("[1]", "[1]", "[1]", "[1]"):  # new, Cờ thi đua, keep the question, all units
        await say("hoa", said)
    summary = (await say("hoa", "[1]"))[0]  # 1 seat
    assert summary.startswith(VI("poll.summary_header"))
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
    assert opened[1] == opened_text(1, FLAG, ballots=3, members=11)
    assert rule in opened[2].splitlines()  # the poll's page
    assert (await the_poll(app)).blank_valid is blank_valid

    # Sở Y tế votes blank and sees, before confirming, how a blank ballot is counted.
    assert (await say("u_YTE", "/bophieu"))[-1].startswith(VI("vote.ballot", question=FLAG, unit="Sở Y tế", seats=1,
                                                              max=1))
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
    assert lines[2:4] == [VI("poll.result_turnout", members=11, returned=9, turnout="81,82", valid=valid,
                             invalid=invalid, blank=2), rule]
    assert result_line(1, "Sở Giáo dục và Đào tạo", 6, "54,55", "elected") in lines  # the same under either rule
    assert VI("poll.result_elected", units="Sở Giáo dục và Đào tạo") in lines
    await deliver(app)
    assert rule in conf.sb.inbox("u_BDT")[-1].splitlines()  # every unit's copy of the result says it too

    minutes = conf.minutes(1)
    document = str(minutes["text"]).splitlines()
    for line in (VI("minutes.issued", count=11), VI("minutes.returned", count=9), VI("minutes.valid", count=valid),
                 VI("minutes.invalid", count=invalid), VI("minutes.blank", count=2),
                 VI("minutes.blank_valid" if blank_valid else "minutes.blank_invalid")):
        assert line in document, line
    assert minutes["rows"][0][1:] == [  # type: ignore[index]
        "Sở Giáo dục và Đào tạo", "6", "54,55", VI("minutes.note_elected")]
