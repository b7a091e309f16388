"""`thidua poll …` against a real SQLite database in a temporary data folder: every argument checked
before anything is written, a poll prepared from the top scorers, opened (the ballot queued), closed
with the result, the published receipts and the minutes written as DOCX."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx import Document

from bot.cli import main
from storage.models_vote import Poll
from storage.uow import UnitOfWork
from tests.cli_helpers import cli_env, db, run
from tests.conftest import SAMPLE_BLOCK
from tests.integration.test_cli_scores import _seed, outbox

QUESTION = "Suy tôn đơn vị dẫn đầu đề nghị UBND tỉnh tặng Cờ thi đua năm 2026"


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
    (["--kind", "cup"], "--kind «cup» không hợp lệ; chọn một trong: flag, certificate, head, deputy, custom."),
    (["--kind", "flag", "--threshold", "150"], "--threshold «150» không hợp lệ: cần số phần trăm nguyên từ 0 đến 99."),
    (["--kind", "flag", "--quorum", "3/2"], "--quorum «3/2» không hợp lệ: cần phân số như 2/3, phần trăm như 50%, "
                                            "hoặc 0."),
    (["--kind", "flag", "--minutes", "mười"], "--minutes «mười» không hợp lệ: cần số phút từ 1 đến 1440, hoặc 0."),
    (["--kind", "flag", "--candidates", "1 99 xyz"],
     "--candidates: chưa nhận ra 99, xyz. Mã đơn vị của khối: BHXH, CDNDTNT, CDCD, VHTTDL, TTTT, KHCN, YTE, BDT, "
     "GDDT, PTTH, LDTBXH."),
    (["--kind", "flag", "--candidates", "top:0"], "--candidates «top:0»: sau «top:» cần một số từ 1 đến 11."),
    (["--kind", "flag", "--blank", "trắng"],
     "--blank «trắng» không hợp lệ: gõ valid (phiếu trắng là phiếu hợp lệ) hoặc invalid (phiếu trắng là phiếu không "
     "hợp lệ)."),
    (["--kind", "head", "--candidates", "YTE,GDDT", "--seats", "3"],
     "--seats «3» không hợp lệ: cần một số từ 1 đến số ứng viên."),
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
        f"✅ Đã lưu phiếu bầu #1: {QUESTION}", "Loại: Cờ thi đua", f"Nội dung: {QUESTION}",
        "Danh sách ứng viên (3 đơn vị, theo thứ tự trên phiếu):", "  1. Sở Giáo dục và Đào tạo",
        "  2. Bảo hiểm Xã hội tỉnh", "  3. Sở Y tế", "Số đơn vị được bầu: 1 · mỗi phiếu chọn tối đa 1",
        "Đơn vị không được bầu cho chính mình",
        "Trúng cử khi có số phiếu quá 50% tổng số đơn vị thành viên và thuộc 1 đơn vị có số phiếu cao nhất",
        "Túc số: 2/3 tổng số đơn vị thành viên",
        "Phiếu trắng (không chọn đơn vị nào): tính là phiếu hợp lệ, không bầu cho đơn vị nào",  # the default
        "Thời gian bỏ phiếu: 15 phút · Địa điểm: Hội trường Sở Văn hóa"]
    code, out, _ = run(capsys, "poll", "list")
    assert (code, out.splitlines()[1]) == (0, f"• #1 Cờ thi đua: {QUESTION} — 📝 chưa mở")
    assert run(capsys, "poll", "receipts", "1") == (2, "", "Danh sách phiếu chỉ được công bố sau khi đóng phiếu bầu "
                                                          "#1.\n")
    assert run(capsys, "poll", "close", "1")[0] == 2  # not open yet
    code, out, _ = run(capsys, "poll", "open", "1")
    assert code == 0 and out.startswith(f"🟢 Đã mở phiếu bầu #1: {QUESTION}\nĐã gửi phiếu đến 1/11 đơn vị "
                                        "(mỗi đơn vị một phiếu, qua đầu mối của đơn vị).\nPhiếu tự đóng lúc ")
    assert [chat for chat, text in outbox() if text.startswith("🗳️ Bỏ phiếu kín")] == ["777"]
    assert run(capsys, "poll", "open", "1") == (2, "", "Phiếu bầu #1 đã được mở rồi (có thể do đồng nghiệp vừa mở)."
                                                      "\n")
    cast(1, {u: ["GDDT"] for u in ("BHXH", "CDNDTNT", "CDCD", "VHTTDL", "TTTT", "KHCN", "YTE")} | {"BDT": []})
    code, out, _ = run(capsys, "poll", "show", "1")
    assert code == 0 and out.rstrip().endswith("📊 8/11 đơn vị đã bỏ phiếu")
    code, out, _ = run(capsys, "poll", "close", "1")
    assert code == 0
    assert "1. Sở Giáo dục và Đào tạo: 7 phiếu (63,64%) ✅ trúng cử" in out and "phiếu trắng: 1" in out
    assert "🧾 Đã kiểm 8 phiếu của phiếu bầu #1" in out and "Danh sách 8 phiếu" not in out  # the list: poll receipts
    assert run(capsys, "poll", "close", "1") == (2, "", "Phiếu bầu #1 không còn đang mở (có thể đã tự đóng hoặc "
                                                       "đồng nghiệp vừa đóng).\n")
    results = [text for chat, text in outbox() if chat == "777" and text.startswith("🗳 KẾT QUẢ")]
    assert len(results) == 1 and "Trúng cử: Sở Giáo dục và Đào tạo." in results[0]
    code, out, _ = run(capsys, "poll", "receipts", "1")
    hashes = out.splitlines()[1:]
    assert code == 0 and len(hashes) == 8 and all(len(h) == 64 for h in hashes) and hashes == sorted(hashes)
    code, out, _ = run(capsys, "poll", "minutes", "1", "--out", "bb.docx")
    assert (code, out) == (0, "Đã ghi biên bản kiểm phiếu của phiếu bầu #1 vào bb.docx.\n")
    text = "\n".join(p.text for p in Document(str(data_dir.parent / "bb.docx")).paragraphs)
    assert QUESTION in text and "Hội trường Sở Văn hóa" in text
    assert run(capsys, "poll", "show", "x")[0] == 2 and run(capsys, "poll", "show", "9")[2] == (
        "Không tìm thấy phiếu bầu #9 của khối.\n")


@pytest.mark.parametrize("value", ["invalid", "không hợp lệ"])
def test_blank_ballots_counted_as_invalid(data_dir: Path, capsys: pytest.CaptureFixture[str], value: str) -> None:
    """`--blank invalid`: the rule is shown when the poll is prepared, applied by the close, written in the minutes."""
    code, out, _ = run(capsys, "poll", "create", "--kind", "flag", "--blank", value, "--open")
    assert code == 0
    assert "Phiếu trắng (không chọn đơn vị nào): tính là phiếu không hợp lệ (như Luật Bầu cử)" in out.splitlines()
    assert [p.blank_valid for p in polls()] == [False]
    cast(1, {u: ["GDDT"] for u in ("BHXH", "CDNDTNT", "CDCD", "VHTTDL", "TTTT", "KHCN")} | {"YTE": [], "BDT": []})
    code, out, _ = run(capsys, "poll", "close", "1")
    assert code == 0
    assert "Số đơn vị thành viên: 11 · đã bỏ phiếu: 8 (72,73%) · phiếu hợp lệ: 6 · không hợp lệ: 2 · phiếu trắng: 2" \
        in out.splitlines()
    assert "1. Sở Giáo dục và Đào tạo: 6 phiếu (54,55%) ✅ trúng cử" in out  # a blank ballot elects no one either way
    assert run(capsys, "poll", "minutes", "1", "--out", "bb.docx")[0] == 0
    text = [p.text for p in Document(str(data_dir.parent / "bb.docx")).paragraphs]
    for line in ("- Số phiếu thu vào: 8", "- Số phiếu hợp lệ: 6", "- Số phiếu không hợp lệ: 2",
                 "- Số phiếu trắng (không chọn đơn vị nào): 2"):
        assert line in text, line
    assert any("phiếu trắng được tính là phiếu không hợp lệ" in p for p in text)
