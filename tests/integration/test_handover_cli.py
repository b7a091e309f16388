"""`thidua term handover`: through `thidua` itself against a SQLite database in a temporary data folder, and
through its entry point on both databases (the chat's /bangiao is in tests/e2e/term/test_handover_sandbox.py)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from bot.app import App
from bot.cli import main
from handlers.core.catalog import template, text
from storage.models import AuditLog, ChatAccount, Contact, Deadline, DialogState, OutboxMessage, Term
from tests.cli_helpers import cli_env, db
from tests.conftest import SAMPLE_BLOCK

BLOCK = "Khối thi đua Văn hóa - Xã hội"
HEAD = "Trường Cao đẳng Nghề Dân tộc Nội trú tỉnh"
HEAD_ROLE = text("handover.kind.head")
DONE_ALREADY = text("handover.done_already", block=BLOCK, year=2027)
NEWS = text("handover.notice_all", block=BLOCK, year=2027, head=HEAD, deputy="Sở Y tế")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    data = cli_env(tmp_path, monkeypatch)
    assert main(["block", "import", str(SAMPLE_BLOCK)]) == 0
    capsys.readouterr()
    return data


def add_contact(unit_code: str, role: str, name: str, chat: str, lang: str = "vi") -> None:
    async def action(uow: Any) -> None:
        [block] = await uow.directory.blocks()
        unit = await uow.directory.unit_by_code(block.id, unit_code)
        contact = Contact(block_id=block.id, unit_id=unit.id, role=role, full_name=name, position="Chuyên viên",
                          phone="0987654321", registered_at=datetime.now().astimezone())
        uow.directory.add(contact)
        await uow.directory.flush()
        assert contact.id is not None
        uow.directory.add(ChatAccount(contact_id=contact.id, channel="sandbox", user_id=chat, chat_id=chat))
        uow.session.add(DialogState(channel="sandbox", chat_id=chat, lang=lang, updated_at=datetime.now().astimezone()))

    db(action)


def test_a_handover_from_the_shell(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    add_contact("BHXH", "secretariat", "Nguyễn Thị Hoa", "hoa")
    add_contact("CDNDTNT", "unit", "Phạm Thị Lan", "lan")
    add_contact("YTE", "unit", "Trần Văn Bình", "binh", lang="en")

    assert main(["term", "handover"]) == 2  # no poll decided the head
    assert capsys.readouterr().err.strip() == text("handover.no_poll", role=HEAD_ROLE, year=2026)
    assert main(["term", "handover", "--year", "2025", "--head", "CDNDTNT", "--deputy", "YTE"]) == 2
    assert capsys.readouterr().err.strip() == text("handover.year_mismatch", block=BLOCK, current=2026, year=2025)
    assert main(["term", "handover", "--head", "XYZ", "--deputy", "YTE"]) == 2
    assert capsys.readouterr().err.strip() == text("handover.unknown_unit", code="XYZ", block=BLOCK)

    assert main(["term", "handover", "--year", "2026", "--head", "cdndtnt", "--deputy", "YTE"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == text("handover.cli.named", head=HEAD, deputy="Sở Y tế")
    assert out[1] == text("handover.cli.done", block=BLOCK, year=2027, head=HEAD, deputy="Sở Y tế", moved=1, demoted=1)
    assert out[2].startswith(template("handover.cli.code").split("{code}")[0]) and "https://t.me/" in out[2]
    assert out[-1] == text("handover.cli.told", count=3)
    assert out[-3:-1] == [  # what the handover left behind, for the new secretariat to copy
        text("handover.carry.sheet_left", title="Bảng tiêu chí chấm điểm thi đua năm 2026", count=16),
        text("handover.carry.offer", year=2027)]

    async def check(uow: Any) -> None:
        s = uow.session
        assert sorted((t.year, t.is_current) for t in (await s.exec(select(Term))).all()) == [(2026, False),
                                                                                             (2027, True)]
        roles = {c.full_name: c.role for c in (await s.exec(select(Contact))).all()}
        assert roles == {"Nguyễn Thị Hoa": "unit", "Phạm Thị Lan": "secretariat", "Trần Văn Bình": "unit"}
        outbox = {m.chat_id: m.text for m in (await s.exec(select(OutboxMessage))).all()}
        assert outbox["binh"].startswith(text("handover.notice_all", "en", block=BLOCK, year=2027, head=HEAD,
                                              deputy="Sở Y tế"))
        assert outbox["hoa"].endswith(text("handover.notice_old_secretariat", head=HEAD, unit="Bảo hiểm Xã hội tỉnh"))
        assert text("handover.notice_new_secretariat", block=BLOCK, year=2027) in outbox["lan"]
        new = [d for d in (await s.exec(select(Deadline))).all() if "2027" in d.title]
        skipped = template("handover.deadline_skipped").split("{due}")[1]  # «…: ngày … đã qua nên không tạo; …»
        assert len(new) + sum(1 for line in out if skipped in line) == 4
        [entry] = (await s.exec(select(AuditLog).where(AuditLog.action == "handover"))).all()
        assert entry.actor == "operator" and entry.detail["head_poll"] is None

    db(check)
    assert main(["term", "handover", "--head", "CDNDTNT", "--deputy", "YTE"]) == 2  # the same command again
    assert capsys.readouterr().err.strip() == DONE_ALREADY
    assert main(["term", "handover", "--year", "2026", "--head", "CDNDTNT", "--deputy", "YTE"]) == 2
    assert DONE_ALREADY in capsys.readouterr().err


async def test_the_command_on_both_databases(app: App, block_id: int, capsys: pytest.CaptureFixture[str]) -> None:
    """The same command through its entry point, on the `app` fixture's SQLite and PostgreSQL."""
    from bot.cli_term import _handover

    now = app.clock.now()
    async with app.uow() as uow:
        unit = await uow.directory.unit_by_code(block_id, "CDNDTNT")
        assert unit is not None and unit.id is not None
        lan = Contact(block_id=block_id, unit_id=unit.id, role="unit", full_name="Phạm Thị Lan", position="Chuyên viên",
                      phone="0913222333", registered_at=now)
        uow.directory.add(lan)
        await uow.directory.flush()
        assert lan.id is not None
        uow.directory.add(ChatAccount(contact_id=lan.id, channel="sandbox", user_id="lan", chat_id="lan"))
        await uow.commit()
    assert await _handover(app, block_id, 2026, "CDNDTNT", "YTE") == 0
    assert text("handover.cli.done", block=BLOCK, year=2027, head=HEAD, deputy="Sở Y tế", moved=1,
                demoted=0) in capsys.readouterr().out
    assert await _handover(app, block_id, 2026, "CDNDTNT", "YTE") == 2
    assert capsys.readouterr().err.strip() == DONE_ALREADY
    async with app.uow() as uow:
        s = uow.session
        assert sorted((t.year, t.is_current) for t in (await s.exec(select(Term))).all()) == [(2026, False),
                                                                                             (2027, True)]
        assert (await s.exec(select(Contact).where(Contact.full_name == "Phạm Thị Lan"))).one().role == "secretariat"
        [notice] = (await s.exec(select(OutboxMessage).where(OutboxMessage.chat_id == "lan"))).all()
        assert notice.text.startswith(NEWS)
        assert text("handover.notice_new_secretariat", block=BLOCK, year=2027) in notice.text
        assert len([d for d in (await s.exec(select(Deadline))).all() if d.title.endswith("năm 2027")]) == 4
