"""The minutes of a counted poll, gathered from the database (SQLite and PostgreSQL) and read back."""

from __future__ import annotations

import io
from decimal import Decimal

import docx
import pytest

from bot.app import App
from handlers.core.catalog import Catalog
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
    for line in (f"- Số phiếu phát ra: {count.members}", f"- Số phiếu thu vào: {count.returned}",
                 f"- Số phiếu hợp lệ: {count.valid}", f"- Số phiếu không hợp lệ: {count.invalid}",
                 f"- Số phiếu trắng (không chọn đơn vị nào): {count.blank}", "BIÊN BẢN KIỂM PHIẾU", FLAG,
                 "Khối có 11 đơn vị thành viên:"):
        assert line in body, line
    rows = tables[1][1:]
    assert rows == [[str(i), unit_names[t.unit_id], str(t.votes), vn_pct(t.pct), "Trúng cử" if t.elected else ""]
                    for i, t in enumerate(count.tallies, 1)]
    assert rows[0][1:4] == ["Sở Y tế", "6", "54,55"]  # 6 of all 11 member units, not of the 10 present
    [elected] = count.elected
    assert f"1. {unit_names[elected]}: 6 phiếu, đạt 54,55%." in body
    assert tables[0][0][0].split("\n")[:2] == ["UBND TỈNH BẮC KẠN", "KHỐI THI ĐUA VĂN HÓA - XÃ HỘI"]
    assert tables[0][0][1].split("\n")[2] == "Bắc Kạn, ngày 23 tháng 11 năm 2026"  # the day of the count


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
    assert "(Bỏ phiếu lại giữa các đơn vị bằng phiếu nhau của cuộc bỏ phiếu «Bầu Trưởng khối năm 2027»)" in body
    assert any("(5/11 đơn vị) chưa đạt tỷ lệ tối thiểu 2/3" in p for p in body)
    assert "Cuộc bỏ phiếu không hợp lệ (số phiếu thu vào chưa đạt tỷ lệ tối thiểu) nên không có đơn vị nào trúng cử." \
        in body
    assert any(", tại Hội trường UBND tỉnh, Khối thi đua Văn hóa - Xã hội tổ chức bỏ phiếu kín" in p for p in body)
    assert [r[1:4] for r in tables[1][1:]] == [["Ban Dân tộc", "5", "45,45"], ["Sở Y tế", "0", "0,00"]]


async def test_no_minutes_before_the_count(app: App, block_id: int) -> None:
    poll_id = await open_test_poll(app, block_id, ["YTE", "BDT"])
    async with app.uow() as uow:
        with pytest.raises(MinutesUnavailable) as not_counted:
            await minutes_document(uow, poll_id, app.clock.now())
        with pytest.raises(MinutesUnavailable) as missing:
            await minutes_document(uow, poll_id + 100, app.clock.now())
    assert not_counted.value.text(Catalog()) == (
        f"Cuộc bỏ phiếu số {poll_id} chưa đóng và kiểm phiếu nên chưa lập được biên bản.")
    assert missing.value.text(Catalog("en")) == f"There is no poll number {poll_id + 100}."
    assert Decimal("54.55") == Decimal(vn_pct(Decimal("54.55")).replace(",", "."))
