"""The meeting screen over HTTP: the token, the turnout while open, the count after the close, and
nothing about who voted for whom; `/manhinh` gives the secretariat and the observer the link."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import App
from bot.channels.sandbox import Sandbox
from bot.web import build_web_app
from handlers.core.catalog import Catalog, text
from handlers.core.clock import FrozenClock
from handlers.voting.flows.meeting import screen_path, screen_token
from tests.helpers import cast_test_ballot, close_test_poll, codes, open_test_poll


@pytest.fixture
async def client(app: App) -> AsyncIterator[TestClient[object, object]]:
    async with TestClient(TestServer(build_web_app(app))) as test_client:
        yield test_client


async def term_of(app: App, block_id: int) -> int:
    async with app.uow() as uow:
        term = await uow.directory.current_term(block_id)
    assert term is not None and term.id is not None
    return term.id


async def register(sb: Sandbox, user: str, code: str, phone: str) -> None:
    await sb.say(user, f"/start {code}")
    for answer in ("1", "Nguyễn Thị Hoa", "Chuyên viên", phone):
        await sb.say(user, answer)
    assert "✅" in (await sb.say(user, "1"))[-1]


async def test_token_opens_the_page_and_anything_else_is_a_plain_404(
        app: App, block_id: int, client: TestClient[object, object]) -> None:
    term = await term_of(app, block_id)
    ok = await client.get(screen_path(app.config.secret, term))
    assert ok.status == 200
    page = await ok.text()
    assert "<title>Màn hình phòng họp</title>" in page and "/static/screen.js" in page
    assert "http" not in page.replace('http-equiv', '')  # no external font, script or stylesheet
    assert "default-src 'none'" in ok.headers["Content-Security-Policy"]
    assert ok.headers["Referrer-Policy"] == "no-referrer"

    unknown = await client.get("/khong-co-trang-nay")
    wrong = await client.get(f"/man-hinh/{term}/{'0' * 32}")
    assert wrong.status == unknown.status == 404
    assert await wrong.text() == await unknown.text()  # no hint that the address exists
    assert (await client.get(f"/man-hinh/{term}/{'0' * 32}/data")).status == 404
    other = screen_token(app.config.secret, term + 1)
    assert (await client.get(f"/man-hinh/{term}/{other}")).status == 404  # another term's token
    assert (await client.get(f"/man-hinh/{term + 1}/{other}")).status == 404  # a term that does not exist
    assert (await client.get(f"/man-hinh/x{term}/{screen_token(app.config.secret, term)}")).status == 404
    assert (await client.get("/static/screen.css")).status == 200
    assert (await client.get("/static/..%2Fscreen_view.py")).status == 404


async def test_turnout_while_open_then_the_count(app: App, block_id: int, client: TestClient[object, object]) -> None:
    data_url = screen_path(app.config.secret, await term_of(app, block_id)) + "/data"
    none = await (await client.get(data_url)).json()
    assert none["state"] == "none" and none["message"] == text("meeting.no_poll")
    assert none["block"] == "Khối thi đua Văn hóa - Xã hội"

    poll = await open_test_poll(app, block_id, ["YTE", "GDDT", "BDT"])
    opened = await (await client.get(data_url)).json()
    assert opened["state"] == "open" and opened["turnout"] == text("meeting.turnout", voted=0, members=11)
    assert opened["question"] == "Đề nghị tặng Cờ thi đua của Chính phủ"
    assert opened["seconds_left"] is None

    for voter, choice in [("BHXH", "YTE"), ("KHCN", "YTE"), ("TTTT", "GDDT")]:
        await cast_test_ballot(app, block_id, poll, voter, [choice])
    response = await client.get(data_url)
    live, raw = await response.json(), await response.text()
    assert response.headers["Cache-Control"] == "no-store"
    assert live["turnout"] == text("meeting.turnout", voted=3, members=11) and live["voted"] == 3
    assert "rows" not in live
    for name in ("Sở Y tế", "Bảo hiểm Xã hội tỉnh", "Sở Khoa học", "Sở Giáo dục"):
        assert name not in raw  # neither who voted nor for whom, before the close

    for voter in ("CDCD", "VHTTDL", "YTE", "BDT", "PTTH"):
        await cast_test_ballot(app, block_id, poll, voter, ["YTE"])
    await close_test_poll(app, poll)
    closed = await (await client.get(data_url)).json()
    assert closed["state"] == "closed" and closed["status"] == text("meeting.status_closed")
    assert closed["ballots"] == text("meeting.ballots", members=11, returned=8, valid=8, invalid=0, blank=0)
    assert opened["blank_rule"] == closed["blank_rule"] == Catalog("vi")("poll.blank.valid")  # the default
    rows = {r["name"]: r for r in closed["rows"]}
    assert [r["name"] for r in closed["rows"]] == ["Sở Y tế", "Sở Giáo dục và Đào tạo", "Ban Dân tộc"]
    health = rows["Sở Y tế"]
    assert health["label"] == text("meeting.votes", votes=7, pct="63,64") and health["elected"] is True
    education = rows["Sở Giáo dục và Đào tạo"]
    assert education["label"] == text("meeting.votes", votes=1, pct="9,09") and education["elected"] is False
    assert rows["Ban Dân tộc"]["width"] == 0
    assert closed["valid"] is True
    assert closed["notes"] == [text("meeting.rule", threshold=50, members=11, seats=1)]
    assert "Bảo hiểm Xã hội tỉnh" not in await (await client.get(data_url)).text()  # a voter, not a candidate


async def test_quorum_not_met_and_the_time_left(
        app: App, block_id: int, clock: FrozenClock, client: TestClient[object, object]) -> None:
    data_url = screen_path(app.config.secret, await term_of(app, block_id)) + "/data"
    poll = await open_test_poll(app, block_id, ["YTE", "GDDT"], time_limit_min=30)
    assert (await (await client.get(data_url)).json())["seconds_left"] == 1800
    clock.advance(timedelta(minutes=10))
    live = await (await client.get(data_url)).json()
    assert live["seconds_left"] == 1200 and live["time_left"] == text("meeting.time_left")
    await cast_test_ballot(app, block_id, poll, "BHXH", ["YTE"])
    await close_test_poll(app, poll)
    closed = await (await client.get(data_url)).json()
    assert closed["valid"] is False
    assert closed["notes"][1] == text("meeting.quorum_not_met", returned=1, members=11, num=2, den=3)
    assert not any(r["elected"] for r in closed["rows"])


async def test_the_open_poll_wins_over_the_last_closed(
        app: App, block_id: int, client: TestClient[object, object]) -> None:
    data_url = screen_path(app.config.secret, await term_of(app, block_id)) + "/data"
    first = await open_test_poll(app, block_id, ["YTE"], question="Cờ thi đua")
    await close_test_poll(app, first)
    assert (await (await client.get(data_url)).json())["question"] == "Cờ thi đua"
    await open_test_poll(app, block_id, ["BDT", "GDDT"], seats=2, question="Bằng khen", kind="certificate")
    now = await (await client.get(data_url)).json()
    assert now["question"] == "Bằng khen" and now["state"] == "open"


async def test_manhinh_gives_the_link_to_the_secretariat_and_the_observer_only(
        app: App, block_id: int, sandbox: Sandbox, client: TestClient[object, object]) -> None:
    c = await codes(app, block_id)
    await register(sandbox, "hoa", c["secretariat"], "0912345678")
    await register(sandbox, "quan", c["observer"], "0912345679")
    await register(sandbox, "binh", c["YTE"], "0912345670")
    path = screen_path(app.config.secret, await term_of(app, block_id))

    out = await sandbox.say("hoa", "/manhinh")
    assert out == [text("meeting.link", block="Khối thi đua Văn hóa - Xã hội", year=2026,
                        url=f"http://127.0.0.1:8080{path}") + "\n\n" + text("meeting.link_note")]
    assert path in (await sandbox.say("quan", "/manhinh"))[0]
    refused = await sandbox.say("binh", "/manhinh")
    assert refused == [text("meeting.not_allowed")]
    assert (await sandbox.say("khach", "/manhinh")) == refused
    assert (await client.get(path)).status == 200


def test_the_link_base_is_the_public_url_else_where_the_server_listens() -> None:
    from bot.settings import Settings

    public = Settings(public_url="https://bot.example.gov.vn/", _env_file=None)  # type: ignore[call-arg]
    assert public.public_base() == "https://bot.example.gov.vn"
    local = Settings(web_host="10.0.0.5", web_port=9000, _env_file=None)  # type: ignore[call-arg]
    assert local.public_base() == "http://10.0.0.5:9000"


async def test_blank_ballots_counted_as_invalid_on_the_screen(app: App, block_id: int,
                                                              client: TestClient[object, object]) -> None:
    data_url = screen_path(app.config.secret, await term_of(app, block_id)) + "/data"
    poll = await open_test_poll(app, block_id, ["YTE", "GDDT"], blank_valid=False)
    assert (await (await client.get(data_url)).json())["blank_rule"] == Catalog("vi")("poll.blank.invalid")
    for voter in ("BHXH", "KHCN", "TTTT", "CDCD", "VHTTDL", "YTE"):
        await cast_test_ballot(app, block_id, poll, voter, ["YTE"])
    for voter in ("BDT", "PTTH"):
        await cast_test_ballot(app, block_id, poll, voter, [])
    await close_test_poll(app, poll)
    closed = await (await client.get(data_url)).json()
    assert closed["ballots"] == "Phiếu phát ra: 11 · thu về: 8 · hợp lệ: 6 · không hợp lệ: 2 · trắng: 2"
    assert closed["blank_rule"] == Catalog("vi")("poll.blank.invalid")
    assert closed["valid"] is True and [r["elected"] for r in closed["rows"]] == [True, False]  # quorum 8/11 met
