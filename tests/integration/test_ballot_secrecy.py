"""Ballots are secret (DESIGN.md, principle 8), checked where a leak would be: the schema (no path from a
ballot to its unit, contact, chat or time), every log line with every logger at DEBUG, and the tables a vote
touches besides the ballot (outbox, dialog state, audit), even when the receipt's delivery fails."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlmodel import select

from bot.app import App
from bot.channels.sandbox import CHANNEL, Sandbox, SandboxChannel
from handlers.core.catalog import template
from handlers.core.messages import DeliveryError, Reply
from storage.models import AuditLog, DialogState, OutboxMessage
from storage.models_vote import Ballot
from storage.votes import receipt_hash
from tests.conftest import sandbox_for
from tests.helpers import cast_test_ballot, close_test_poll, codes, deliver, open_poll, open_test_poll, register

LINKING = ("unit", "contact", "chat", "user", "time", "created", "_at", "seq", "voter")
CANDIDATES = ["GDDT", "PTTH", "KHCN"]  # no voter below belongs to these, so their names mean a choice
CHOSEN = ["Sở Giáo dục và Đào tạo", "Đài Phát thanh và Truyền hình tỉnh"]
RECEIPT = re.compile(r"Mã biên nhận: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})")
REVIEW = template("vote.review").split("{question}")[0]  # «Mời kiểm tra lại phiếu bầu — »


def _schema(connection: Connection) -> dict[str, dict[str, Any]]:
    inspector = inspect(connection)
    return {name: {"columns": inspector.get_columns(name), "fks": inspector.get_foreign_keys(name),
                   "pk": inspector.get_pk_constraint(name)["constrained_columns"]}
            for name in inspector.get_table_names()}


async def test_the_schema_has_no_path_from_a_ballot_to_who_cast_it(app: App) -> None:
    async with app.engine.connect() as connection:
        schema = await connection.run_sync(_schema)
        sqlite_sql = {}
        if app.engine.dialect.name == "sqlite":
            rows = await connection.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
            sqlite_sql = {name: sql for name, sql in rows}
    ballot = schema["ballot"]
    columns = {c["name"]: c for c in ballot["columns"]}
    assert set(columns) == {"receipt_hash", "poll_id", "choices"}
    assert not [name for name in columns if any(word in name for word in LINKING)]
    assert ballot["pk"] == ["receipt_hash"]
    assert "INT" not in str(columns["receipt_hash"]["type"]).upper()  # no sequential key
    assert not any(c.get("autoincrement") is True for c in ballot["columns"])
    assert [(fk["constrained_columns"], fk["referred_table"]) for fk in ballot["fks"]] == [(["poll_id"], "poll")]
    for name, table in schema.items():  # nothing points at a ballot, nothing else holds a receipt
        assert all(fk["referred_table"] != "ballot" for fk in table["fks"]), name
        if name != "ballot":
            assert not [c["name"] for c in table["columns"] if "receipt" in c["name"]], name
    voter = schema["poll_voter"]
    assert {c["name"] for c in voter["columns"]} == {"poll_id", "unit_id"}  # who, never when
    assert sorted(voter["pk"]) == ["poll_id", "unit_id"]
    if sqlite_sql:  # not even the physical row order tells the order of arrival
        assert "WITHOUT ROWID" in sqlite_sql["ballot"].upper()
        assert "WITHOUT ROWID" in sqlite_sql["poll_voter"].upper()
    assert set(Ballot.__table__.columns.keys()) == set(columns)  # type: ignore[attr-defined]


async def vote(sb: Sandbox, user: str, poll_id: int) -> list[str]:
    """Open the ballot, choose the first two candidates, review and confirm."""
    await sb.press(user, f"g.vote.{poll_id}", 0)
    await sb.say(user, "1 2")
    assert (await sb.say(user, "4"))[0].startswith(REVIEW)
    return await sb.say(user, "1")


def secrets_of(code: str) -> list[str]:
    compact = code.replace("-", "")
    return [code, compact, compact.lower(), receipt_hash(compact), *CHOSEN]


async def test_no_choice_or_receipt_in_any_log_line(app: App, block_id: int, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    for name in list(logging.root.manager.loggerDict):  # every logger, the database libraries' too
        caplog.set_level(logging.DEBUG, logger=name)
    sb = sandbox_for(app)
    c = await codes(app, block_id)
    await register(sb, "binh", c["YTE"], "Trần Văn Bình", "0987 654 321")
    await register(sb, "lan", c["VHTTDL"], "Phạm Thị Lan", "0903 111 222")
    poll_id = await open_poll(app, block_id, "Bầu 2 đơn vị tặng Bằng khen", seats=2, candidates=CANDIDATES)
    await deliver(app)
    receipts = [RECEIPT.search((await vote(sb, user, poll_id))[0]) for user in ("binh", "lan")]
    assert all(receipts)
    await close_test_poll(app, poll_id)
    async with app.uow() as uow:
        assert sorted(map(len, await uow.polls.ballots(poll_id))) == [2, 2]

    lines = [record.getMessage() + (record.exc_text or "") for record in caplog.records]
    assert any("INSERT INTO ballot" in line for line in lines)  # the capture did see the casting
    unit_ids = await _candidate_ids(app, poll_id)
    forbidden = [s for m in receipts if m for s in secrets_of(m.group(1))]
    forbidden += [json.dumps(unit_ids[:2]), str(unit_ids[:2]), repr(tuple(unit_ids[:2]))]
    leaks = [(secret, line) for line in lines for secret in forbidden if secret in line]
    assert leaks == []


async def _candidate_ids(app: App, poll_id: int) -> list[int]:
    async with app.uow() as uow:
        return await uow.polls.candidates(poll_id)


class RefusingChannel(SandboxChannel):
    """A sandbox chat whose platform refuses to deliver: the dispatcher keeps the replies it may keep."""

    async def send(self, chat_id: str, reply: Reply, version: int) -> None:
        raise DeliveryError("platform down", retry_after=60)


async def test_no_choice_or_receipt_left_in_outbox_dialog_state_or_audit(app: App, block_id: int) -> None:
    sb = sandbox_for(app)
    c = await codes(app, block_id)
    await register(sb, "binh", c["YTE"], "Trần Văn Bình", "0987 654 321")
    await register(sb, "lan", c["VHTTDL"], "Phạm Thị Lan", "0903 111 222")
    await register(sb, "an", c["YTE"], "Lê Văn An", "0987 111 222")
    poll_id = await open_poll(app, block_id, "Bầu 2 đơn vị tặng Bằng khen", seats=2, candidates=CANDIDATES)
    await deliver(app)
    code = RECEIPT.search((await vote(sb, "binh", poll_id))[0])
    assert code is not None

    await sb.press("lan", f"g.vote.{poll_id}", 0)  # Lan's receipt cannot be delivered right now
    await sb.say("lan", "1 2")
    await sb.say("lan", "4")
    app.dispatcher.channels[CHANNEL] = RefusingChannel()
    await app.dispatcher.handle(sb.incoming("lan", "1"))
    app.dispatcher.channels[CHANNEL] = sb.channel
    async with app.uow() as uow:
        ballots = (await uow.session.exec(select(Ballot))).all()
        stored = [json.dumps([row.text, row.choices], ensure_ascii=False)
                  for row in (await uow.session.exec(select(OutboxMessage))).all()]
        stored += [json.dumps([row.flow, row.step, row.data, row.choices], ensure_ascii=False)
                   for row in (await uow.session.exec(select(DialogState))).all()]
        stored += [json.dumps([row.action, row.detail], ensure_ascii=False)
                   for row in (await uow.session.exec(select(AuditLog))).all()]
    assert len(ballots) == 2  # Lan's ballot is cast even though its receipt never reached her
    assert any("Sở Y tế đã bỏ phiếu" in row for row in stored)  # An was told, in the outbox
    assert not any("Mã biên nhận" in row for row in stored)  # the undelivered receipt was not kept
    forbidden = [*secrets_of(code.group(1)), "☑", "\"sel\""]
    leaks = [(secret, row) for row in stored for secret in forbidden if secret in row]
    assert leaks == []


async def close_in_chat_or_cli(app: App, poll_id: int) -> None:
    """The secretariat's close (what the chat flow and `thidua poll close` run), notices to the outbox."""
    from handlers.core.service import OPERATOR, queue_notices
    from handlers.voting.closing import SECRETARIAT, close_poll

    async with app.uow() as uow:
        closed = await close_poll(uow, app.clock.now(), OPERATOR, poll_id, SECRETARIAT)
        assert closed is not None
        queue_notices(uow, closed.notices, app.clock.now())
        await uow.commit()


async def test_a_ballot_left_unconfirmed_leaves_no_choice_behind_after_the_close(app: App, block_id: int) -> None:
    sb = sandbox_for(app)
    c = await codes(app, block_id)
    await register(sb, "binh", c["YTE"], "Trần Văn Bình", "0987 654 321")
    await register(sb, "lan", c["VHTTDL"], "Phạm Thị Lan", "0903 111 222")
    poll_id = await open_poll(app, block_id, "Bầu 2 đơn vị tặng Bằng khen", seats=2, candidates=CANDIDATES)
    await deliver(app)
    await sb.press("binh", f"g.vote.{poll_id}", 0)
    await sb.say("binh", "1 2")  # Bình stops at the ballot with two chosen…
    await sb.press("lan", f"g.vote.{poll_id}", 0)
    await sb.say("lan", "3")
    assert (await sb.say("lan", "4"))[0].startswith(REVIEW)  # …Lan at the review

    async def states() -> dict[str, tuple[Any, ...]]:
        async with app.uow() as uow:
            rows = (await uow.session.exec(select(DialogState).where(DialogState.chat_id.in_(  # type: ignore
                ["sb-binh", "sb-lan"])))).all()
            return {row.chat_id: (row.flow, row.step, row.data, row.choices) for row in rows}

    before = await states()
    assert before["sb-binh"][2]["sel"] == [1, 2] and before["sb-lan"][2]["sel"] == [3]
    assert "☑" in json.dumps(before["sb-binh"][3], ensure_ascii=False)
    await close_in_chat_or_cli(app, poll_id)
    after = await states()
    assert [(chat, flow, step, sorted(data)) for chat, (flow, step, data, _) in sorted(after.items())] == [
        ("sb-binh", "vote", "ballot", ["contact_id", "poll_id"]),
        ("sb-lan", "vote", "review", ["contact_id", "poll_id"])]
    assert [item[0] for item in after["sb-lan"][3]] == ["confirm", "edit", "later"]
    assert {item[1] for row in after.values() for item in row[3]} == {""}  # the marked labels are gone
    assert await sb.say("lan", "1") == [  # a late confirmation still learns why it is refused
        "Cuộc bỏ phiếu «Bầu 2 đơn vị tặng Bằng khen» đã kết thúc lúc 23/11/2026 09:00, nên phiếu này không được nhận."]
    async with app.uow() as uow:
        assert await uow.polls.ballots(poll_id) == []


async def test_a_refused_choice_is_not_kept_when_its_delivery_fails(app: App, block_id: int) -> None:
    """"Not your own unit" tells what was tried: like the ballot it comes with, it is never kept."""
    sb = sandbox_for(app)
    await register(sb, "binh", (await codes(app, block_id))["YTE"], "Trần Văn Bình", "0987 654 321")
    poll_id = await open_poll(app, block_id, "Suy tôn đơn vị dẫn đầu", seats=1, candidates=["YTE", "GDDT"],
                              allow_self=False)
    await deliver(app)
    await sb.press("binh", f"g.vote.{poll_id}", 0)
    app.dispatcher.channels[CHANNEL] = RefusingChannel()
    await app.dispatcher.handle(sb.incoming("binh", "1"))  # 1 = Sở Y tế, Bình's own unit
    await app.dispatcher.handle(sb.incoming("binh", "1 2"))
    app.dispatcher.channels[CHANNEL] = sb.channel
    async with app.uow() as uow:
        kept = [row.text for row in (await uow.session.exec(select(OutboxMessage))).all()
                if row.chat_id == "sb-binh" and row.sent_at is None]
    assert not [text for text in kept if "Sở Y tế" in text or "tự bầu" in text], kept


async def test_after_the_close_postgres_row_versions_no_longer_pair_voters_with_ballots(
        app: App, block_id: int) -> None:
    """Each cast writes a voter row and a ballot in one transaction (same xmin, arrival order in the heap);
    the close writes both again in key order, so xmin and ctid say nothing about who cast what."""
    if app.engine.dialect.name != "postgresql":
        pytest.skip("xmin and ctid are PostgreSQL's")
    poll_id = await open_test_poll(app, block_id, ["GDDT", "YTE", "KHCN"])
    for voter in ("TTTT", "VHTTDL", "BHXH", "CDCD", "BDT", "LDTBXH", "PTTH", "GDDT"):
        await cast_test_ballot(app, block_id, poll_id, voter, ["GDDT"] if voter < "L" else ["YTE"])

    async def traces(table: str, key: str) -> list[tuple[str, str]]:
        async with app.engine.connect() as connection:
            rows = await connection.execute(text(
                f"SELECT xmin::text, {key}::text FROM {table} WHERE poll_id = :p ORDER BY ctid"), {"p": poll_id})
            return [(x, k) for x, k in rows]

    before = {x for x, _ in await traces("ballot", "receipt_hash")}
    assert before & {x for x, _ in await traces("poll_voter", "unit_id")}  # while open: paired by xmin
    await close_test_poll(app, poll_id)
    ballots, voters = await traces("ballot", "receipt_hash"), await traces("poll_voter", "unit_id")
    assert len(ballots) == len(voters) == 8
    assert len({x for x, _ in ballots} | {x for x, _ in voters}) == 1  # one transaction wrote them all
    assert [k for _, k in ballots] == sorted(k for _, k in ballots)  # heap order = key order
    assert [int(k) for _, k in voters] == sorted(int(k) for _, k in voters)
