"""The minutes of a counted poll, gathered from the database (SQLite and PostgreSQL) and read back."""

from __future__ import annotations

import io
from decimal import Decimal

import docx
import pytest

from bot.app import App
from handlers.core.catalog import Catalog, text
from handlers.voting.minutes import DOCX_MIME, MinutesUnavailable, minutes_document, vn_pct
from handlers.voting.rules.count import Count
from storage.models_vote import Poll
from tests.helpers import cast_test_ballot, close_test_poll, open_test_poll

CODES = ["BHXH", "CDNDTNT", "CDCD", "VHTTDL", "TTTT", "KHCN", "YTE", "BDT", "GDDT", "PTTH", "LDTBXH"]
FLAG = "Suy tôn đơn vị dẫn đầu đề nghị UBND tỉnh tặng Cờ thi đua năm 2026"


def texts(content: bytes) -> tuple[list[str], list[list[list[str]]]]:
    doc = docx.Document(io.BytesIO(content))
    return [p.text for p in doc.paragraphs], [[[c.text for c in r.cells] for r in t.rows] for t in doc.tables]


async def count_of(app: App, poll_id: int) -> Count:
    async with app.uow() as uow:
        poll = await uow.polls.get(poll_id)
        assert poll is not None and poll.result is not None
        return Count.from_json(poll.result)


async def names(app: App, block_id: int) -> dict[int, str]:
    async with app.uow() as uow:
        return {u.id: u.name for u in await uow.directory.units(block_id) if u.id is not None}


async def test_the_minutes_say_what_the_count_says(app: App, block_id: int) -> None:
    poll_id = await open_test_poll(app, block_id, ["YTE", "BDT", "KHCN"], question=FLAG)
    ballots = {"BHXH": ["YTE"], "CDNDTNT": ["YTE"], "CDCD": ["YTE"], "VHTTDL": ["YTE"], "TTTT": ["BDT"],
               "KHCN": ["KHCN"], "YTE": ["YTE"], "BDT": ["BDT"], "GDDT": ["YTE"], "PTTH": []}  # LDTBXH absent
    for voter, choices in ballots.items():
        await cast_test_ballot(app, block_id, poll_id, voter, choices)
    await close_test_poll(app, poll_id)
    count, unit_names = await count_of(app, poll_id), await names(app, block_id)
    async with app.uow() as uow:
        document = await minutes_document(uow, poll_id, app.clock.now())
    assert document.filename == f"bien-ban-kiem-phieu-{poll_id}.docx" and document.mime == DOCX_MIME
    body, tables = texts(document.content)
    assert (count.members, count.returned, count.valid, count.blank) == (11, 10, 10, 1)
    for line in (text("minutes.issued", count=count.members), text("minutes.returned", count=count.returned),
                 text("minutes.valid", count=count.valid), text("minutes.invalid", count=count.invalid),
                 text("minutes.blank", count=count.blank), text("minutes.title"), FLAG,
                 text("minutes.members_intro", count=11)):
        assert line in body, line
    rows = tables[1][1:]
    elected_note = text("minutes.note_elected")
    assert rows == [[str(i), unit_names[t.unit_id], str(t.votes), vn_pct(t.pct), elected_note if t.elected else ""]
                    for i, t in enumerate(count.tallies, 1)]
    assert rows[0][1:4] == ["Sở Y tế", "6", "54,55"]  # 6 of all 11 member units, not of the 10 present
    [elected] = count.elected
    assert text("minutes.elected_line", i=1, name=unit_names[elected], votes=6, pct="54,55") in body
    assert tables[0][0][0].split("\n")[:2] == [text("minutes.superior", province="Bắc Kạn").upper(),
                                               "KHỐI THI ĐUA VĂN HÓA - XÃ HỘI"]
    assert tables[0][0][1].split("\n")[2] == text("minutes.place_date", province="Bắc Kạn", day="23", month="11",
                                                  year="2026")  # the day of the count


async def test_a_runoff_without_quorum(app: App, block_id: int) -> None:
    first = await open_test_poll(app, block_id, ["YTE", "BDT"], question="Bầu Trưởng khối năm 2027", kind="head")
    await close_test_poll(app, first)
    async with app.uow() as uow:
        term = await uow.directory.current_term(block_id)
        ids = {u.code: u.id for u in await uow.directory.units(block_id)}
        assert term is not None and term.id is not None
        runoff = await uow.polls.create(Poll(term_id=term.id, kind="head", question="Bầu lại Trưởng khối năm 2027",
                                             runoff_of=first, place="Hội trường UBND tỉnh",
                                             created_at=app.clock.now()), [ids["YTE"] or 0, ids["BDT"] or 0])
        assert runoff.id is not None and await uow.polls.open(runoff.id, app.clock.now(), len(ids))
        await uow.commit()
    for voter in CODES[:5]:  # 5 of 11: short of two thirds
        await cast_test_ballot(app, block_id, runoff.id, voter, ["BDT"])
    await close_test_poll(app, runoff.id)
    count = await count_of(app, runoff.id)
    assert not count.quorum_met and count.returned == 5
    async with app.uow() as uow:
        body, tables = texts((await minutes_document(uow, runoff.id, app.clock.now())).content)
    assert text("minutes.runoff_note", question="Bầu Trưởng khối năm 2027") in body
    assert text("minutes.quorum_not_met", returned=5, members=11, num=2, den=3) in body
    assert text("minutes.invalid_none") in body
    opening = text("minutes.opening", time="{time}", date="{date}", block="Khối thi đua Văn hóa - Xã hội",
                   at_place=text("minutes.at_place", place="Hội trường UBND tỉnh"),
                   question="Bầu lại Trưởng khối năm 2027")
    head, tail = opening.split("{time}")[0], opening.split("{date}")[1]  # the time and date are the clock's
    assert any(p.startswith(head) and p.endswith(tail) for p in body)
    assert [r[1:4] for r in tables[1][1:]] == [["Ban Dân tộc", "5", "45,45"], ["Sở Y tế", "0", "0,00"]]


async def test_no_minutes_before_the_count(app: App, block_id: int) -> None:
    poll_id = await open_test_poll(app, block_id, ["YTE", "BDT"])
    async with app.uow() as uow:
        with pytest.raises(MinutesUnavailable) as not_counted:
            await minutes_document(uow, poll_id, app.clock.now())
        with pytest.raises(MinutesUnavailable) as missing:
            await minutes_document(uow, poll_id + 100, app.clock.now())
    assert not_counted.value.text(Catalog()) == text("minutes.not_counted", poll=poll_id)
    assert missing.value.text(Catalog("en")) == text("minutes.no_poll", "en", poll=poll_id + 100)
    assert Decimal("54.55") == Decimal(vn_pct(Decimal("54.55")).replace(",", "."))
