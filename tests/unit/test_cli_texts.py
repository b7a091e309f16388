"""The command line speaks through the catalog: its output and its --help texts are in the Fluent files.

The runtime's sources (bot/) hold no Vietnamese words outside docstrings and comments, except the few
kept in CLI_INPUT_WORDS, which are words the operator may type (read, never shown).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bot import cli
from bot.cli_help import arg_help
from handlers.core.catalog import text

ROOT = Path(__file__).resolve().parents[2]
VIETNAMESE = re.compile(r"[À-ỹĐđ]")  # Latin letters with Vietnamese marks (and đ)
CLI_INPUT_WORDS = {("bot/cli_polls.py", "tất cả")}  # `--candidates "tất cả"`: a synonym of "all"


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _vietnamese_literals() -> list[tuple[str, str]]:
    found = []
    for path in sorted((ROOT / "bot").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        where = str(path.relative_to(ROOT))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
                    and VIETNAMESE.search(node.value) and (where, node.value) not in CLI_INPUT_WORDS):
                found.append((where, node.value))
    return found


def test_the_runtime_writes_no_vietnamese_text_of_its_own() -> None:
    assert _vietnamese_literals() == []


def test_the_check_sees_a_vietnamese_literal() -> None:
    tree = ast.parse('def f():\n    """Trợ lý."""\n    return "Đã lưu."\n')
    literals = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and id(n) not in _docstrings(tree)]
    assert [v for v in literals if VIETNAMESE.search(v)] == ["Đã lưu."]


def test_help_texts_come_from_the_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(["poll", "create", "--help"])
    shown = " ".join(capsys.readouterr().out.split())  # argparse wraps lines
    assert text("cli.help.poll_place") in shown
    assert text("cli.help.poll_quorum") in shown  # its "50%" survives argparse's % formatting
    assert text("cli.help.poll_candidates") in shown


def test_a_percent_sign_in_a_help_text_is_kept_literally() -> None:
    assert arg_help("cli.help.poll_threshold") % {} == text("cli.help.poll_threshold")
