"""The `thidua` command line against a real SQLite database in a temporary data folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from handlers.core.catalog import text
from tests.cli_helpers import cli_env
from tests.conftest import SAMPLE_BLOCK

BLOCK = "Khối thi đua Văn hóa - Xã hội"
CUT = "\x00"


def imported(added: int, dl_added: int | str) -> str:
    """What `thidua block import` says of the sample block: units and deadlines added, none updated nor retired."""
    return text("cli.imported", block=BLOCK, year=2026, added=added, updated=0, retired=0, dl_added=dl_added,
                dl_updated=0)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return cli_env(tmp_path, monkeypatch)


def test_import_then_invites_as_json(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["block", "import", str(SAMPLE_BLOCK)]) == 0
    out = capsys.readouterr().out
    assert imported(added=11, dl_added=4) in out.splitlines()

    assert main(["invites", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["role"] for r in rows[:2]] == ["secretariat", "observer"]
    units = [r for r in rows if r["role"] == "unit"]
    assert len(units) == 11 and units[0]["unit_code"] == "BHXH"
    assert len({r["code"] for r in rows}) == 13
    assert all(r["link"] == f"https://t.me/thidua_bot?start={r['code'].replace('-', '')}" for r in rows)

    # listing again shows the same codes: listing never rotates
    assert main(["invites", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == rows

    # re-import is idempotent
    assert main(["block", "import", str(SAMPLE_BLOCK)]) == 0
    assert imported(added=0, dl_added=0) in capsys.readouterr().out.splitlines()
    assert (data_dir / "thidua.db").exists()


def test_invites_text_lists_every_unit(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["block", "import", str(SAMPLE_BLOCK)])
    capsys.readouterr()
    assert main(["invites"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(text("cli.invites_header", block=BLOCK, year=2026) + "\n")
    assert f"\n  {text('cli.invite_secretariat')}\n" in out and f"\n  {text('cli.invite_observer')}\n" in out
    for code in ("BHXH", "CDNDTNT", "LDTBXH"):
        assert f"  {code}" in out


def test_bad_file_names_row_and_field_and_changes_nothing(data_dir: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["block", "import", str(SAMPLE_BLOCK)]) == 0
    data = yaml.safe_load(SAMPLE_BLOCK.read_text(encoding="utf-8"))
    data["units"][3]["code"] = "BHXH"  # a duplicate
    data["units"].append({"code": "NEW", "name": "Đơn vị mới"})
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    capsys.readouterr()
    assert main(["block", "import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert text("cli.file_error", path=bad) in err.splitlines()
    assert "units[3].code" in err

    assert main(["invites", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert "NEW" not in {r["unit_code"] for r in rows}  # nothing from the bad file was stored
    assert len([r for r in rows if r["role"] == "unit"]) == 11


def test_invites_without_a_block(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["invites"]) == 2
    assert text("cli.no_block") in capsys.readouterr().err.splitlines()


def test_excel_import(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from handlers.term.block_file.read import load_block_file, write_block_xlsx

    xlsx = tmp_path / "khoi.xlsx"
    write_block_xlsx(load_block_file(SAMPLE_BLOCK), xlsx)
    assert main(["block", "import", str(xlsx)]) == 0
    assert imported(added=11, dl_added=4) in capsys.readouterr().out.splitlines()
    assert main(["block", "import", str(SAMPLE_BLOCK)]) == 0  # the same block from YAML: nothing new
    units_part = imported(added=0, dl_added=CUT).split(CUT)[0]  # the units' part; the deadlines are not checked here
    assert capsys.readouterr().out.startswith(units_part)
