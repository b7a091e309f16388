"""`thidua poll …` against a real SQLite database in a temporary data folder: every argument checked
before anything is written, a poll prepared from the top scorers, opened (the ballot queued), closed
with the result, the published receipts and the minutes written as DOCX."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx import Document

from bot.cli import main
from handlers.core.catalog import template, text
from storage.models_vote import Poll
from storage.uow import UnitOfWork
from tests.cli_helpers import cli_env, db, run
from tests.conftest import SAMPLE_BLOCK
from tests.e2e.voting.poll_texts import kind, result_line, settings
from tests.integration.test_cli_scores import _seed, outbox

QUESTION = text("poll.question.flag", year=2026)  # the default question of a --kind flag poll


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """The sample block with scores (GDDT 99, BHXH 98, YTE 98) and Sở Y tế's contact in chat 777."""
    data = cli_env(tmp_path, monkeypatch)
    assert main(["block", "import", str(SAMPLE_BLOCK)]) == 0
    db(_seed)
    capsys.readouterr()
    return data


def polls() -> list[Poll]:
    async def action(uow: UnitOfWork) -> list[Poll]:
        [block] = await uow.directory.blocks()
        term = await uow.directory.current_term(block.id or 0)
        return await uow.polls.of_term(term.id or 0) if term else []

    return db(action)


def cast(poll_id: int, votes: dict[str, list[str]]) -> None:
    async def action(uow: UnitOfWork) -> None:
        [block] = await uow.directory.blocks()
        ids = {u.code: u.id or 0 for u in await uow.directory.units(block.id or 0)}
        for voter, choices in votes.items():
            result = await uow.votes.cast(poll_id, ids[voter], [ids[c] for c in choices], datetime.now(UTC))
            assert result.outcome == "cast"

    db(action)


@pytest.mark.parametrize(("args", "message"), [
    (["--kind", "cup"], text("poll.cli.bad_kind", value="cup", kinds="flag, certificate, head, deputy, custom")),
    (["--kind", "flag", "--threshold", "150"], text("poll.cli.bad_threshold", value="150")),
    (["--kind", "flag", "--quorum", "3/2"], text("poll.cli.bad_quorum", value="3/2")),
    (["--kind", "flag", "--minutes", "mười"], text("poll.cli.bad_minutes", value="mười")),
    (["--kind", "flag", "--candidates", "1 99 xyz"],
     text("poll.cli.bad_candidates", unknown="99, xyz",
          codes="BHXH, CDNDTNT, CDCD, VHTTDL, TTTT, KHCN, YTE, BDT, GDDT, PTTH, LDTBXH")),
    (["--kind", "flag", "--candidates", "top:0"], text("poll.cli.bad_top", value="top:0", units=11)),
    (["--kind", "flag", "--blank", "trắng"], text("poll.cli.bad_blank", value="trắng")),
    (["--kind", "head", "--candidates", "YTE,GDDT", "--seats", "3"], text("poll.cli.bad_seats", value="3")),
])
def test_bad_arguments_exit_2_and_write_nothing(data_dir: Path, capsys: pytest.CaptureFixture[str],
                                                args: list[str], message: str) -> None:
    assert run(capsys, "poll", "create", *args) == (2, "", message + "\n")
    assert polls() == []


def test_prepare_from_the_top_scorers_open_close_receipts_and_minutes(data_dir: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "poll", "create", "--kind", "flag", "--candidates", "top:2", "--minutes", "15",
                         "--place", "Hội trường Sở Văn hóa", "--no-self")
    assert (code, err) == (0, "")
    assert out.splitlines() == [  # GDDT 99, then BHXH and YTE tied at 98: the tie at the cut comes along
        text("poll.saved", id=1, question=QUESTION),
        *settings("flag", QUESTION, ["Sở Giáo dục và Đào tạo", "Bảo hiểm Xã hội tỉnh", "Sở Y tế"], self_ok=False,
                  minutes=15, place="Hội trường Sở Văn hóa").split("\n")]  # blank ballots valid: the default
    code, out, _ = run(capsys, "poll", "list")
    assert (code, out.splitlines()[1]) == (0, text("poll.list_line", id=1, kind=kind("flag"), question=QUESTION,
                                                   status=text("poll.status.draft"), extra=""))
    assert run(capsys, "poll", "receipts", "1") == (2, "", text("poll.receipts_not_yet", id=1) + "\n")
    assert run(capsys, "poll", "close", "1")[0] == 2  # not open yet
    code, out, _ = run(capsys, "poll", "open", "1")
    said = text("poll.opened", id=1, question=QUESTION, ballots=1, members=11, until=template("poll.opened_until"))
    assert code == 0 and out.startswith(said.split("{at}")[0])  # up to the time it closes: the real clock's
    notice = template("vote.notice").split("{question}")[0] + QUESTION
    assert [chat for chat, message in outbox() if message.startswith(notice)] == ["777"]
    assert run(capsys, "poll", "open", "1") == (2, "", text("poll.open.not_draft", id=1) + "\n")
    cast(1, {u: ["GDDT"] for u in ("BHXH", "CDNDTNT", "CDCD", "VHTTDL", "TTTT", "KHCN", "YTE")} | {"BDT": []})
    code, out, _ = run(capsys, "poll", "show", "1")
    assert code == 0 and out.rstrip().endswith("📊 8/11 đơn vị đã bỏ phiếu")
    code, out, _ = run(capsys, "poll", "close", "1")
    assert code == 0
    assert result_line(1, "Sở Giáo dục và Đào tạo", 7, "63,64", "elected") in out.splitlines()
    assert text("poll.result_turnout", members=11, returned=8, turnout="72,73", valid=8, invalid=0, blank=1) in out
    assert text("poll.receipts_counted", id=1, count=8) in out  # the list itself: poll receipts
    assert text("poll.receipts_header", id=1, count=8).split(" (")[0] not in out
    assert not [line for line in out.splitlines() if re.fullmatch(r"[0-9a-f]{64}", line)]  # no hashes listed
    assert run(capsys, "poll", "close", "1") == (2, "", text("poll.close.not_open", id=1) + "\n")
    header = text("poll.result_header", id=1, block="Khối thi đua Văn hóa - Xã hội", question=QUESTION)
    results = [message for chat, message in outbox() if chat == "777" and message.startswith(header)]
    assert len(results) == 1 and text("poll.result_elected", units="Sở Giáo dục và Đào tạo") in results[0]
    code, out, _ = run(capsys, "poll", "receipts", "1")
    hashes = out.splitlines()[1:]
    assert code == 0 and len(hashes) == 8 and all(len(h) == 64 for h in hashes) and hashes == sorted(hashes)
    code, out, _ = run(capsys, "poll", "minutes", "1", "--out", "bb.docx")
    assert (code, out) == (0, text("poll.cli.minutes_written", id=1, path="bb.docx") + "\n")
    document = "\n".join(p.text for p in Document(str(data_dir.parent / "bb.docx")).paragraphs)
    assert QUESTION in document and "Hội trường Sở Văn hóa" in document
    assert run(capsys, "poll", "show", "x")[0] == 2 and run(capsys, "poll", "show", "9")[2] == (
        text("poll.not_found", id=9) + "\n")


@pytest.mark.parametrize("value", ["invalid", "không hợp lệ"])
def test_blank_ballots_counted_as_invalid(data_dir: Path, capsys: pytest.CaptureFixture[str], value: str) -> None:
    """`--blank invalid`: the rule is shown when the poll is prepared, applied by the close, written in the minutes."""
    code, out, _ = run(capsys, "poll", "create", "--kind", "flag", "--blank", value, "--open")
    assert code == 0
    assert text("poll.blank.invalid") in out.splitlines()
    assert [p.blank_valid for p in polls()] == [False]
    cast(1, {u: ["GDDT"] for u in ("BHXH", "CDNDTNT", "CDCD", "VHTTDL", "TTTT", "KHCN")} | {"YTE": [], "BDT": []})
    code, out, _ = run(capsys, "poll", "close", "1")
    assert code == 0
    assert text("poll.result_turnout", members=11, returned=8, turnout="72,73", valid=6, invalid=2, blank=2) \
        in out.splitlines()
    # a blank ballot elects no one either way
    assert result_line(1, "Sở Giáo dục và Đào tạo", 6, "54,55", "elected") in out.splitlines()
    assert run(capsys, "poll", "minutes", "1", "--out", "bb.docx")[0] == 0
    document = [p.text for p in Document(str(data_dir.parent / "bb.docx")).paragraphs]
    for line in (text("minutes.returned", count=8), text("minutes.valid", count=6), text("minutes.invalid", count=2),
                 text("minutes.blank", count=2), text("minutes.blank_invalid")):
        assert line in document, line
