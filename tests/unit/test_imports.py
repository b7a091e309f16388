"""Every module imports. That each imports on its own, whatever was imported before, follows from the
import graph having no circle: tests/unit/test_architecture.py checks that on the source, in milliseconds,
where a fresh interpreter per module took most of a minute."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("handlers", "storage", "scheduler", "bot")
NAMES = sorted(".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
               for package in PACKAGES for p in (ROOT / package).rglob("*.py") if "migrations" not in p.parts)


@pytest.mark.parametrize("name", NAMES)
def test_the_module_imports(name: str) -> None:
    importlib.import_module(name)
