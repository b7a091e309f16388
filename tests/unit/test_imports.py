"""Every module imports on its own, whatever was imported before (no import cycle hides behind another)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("handlers", "storage", "scheduler", "bot")
FORGOTTEN = {"handlers", "scheduler", "bot"}  # storage stays loaded: its tables register once per process

SCRIPT = """
import importlib, sys
failed = []
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m.split(".")[0] in {packages!r}]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception as error:
        failed.append(f"{{name}}: {{type(error).__name__}}: {{error}}")
print("\\n".join(failed))
"""


def test_every_module_imports_first() -> None:
    names = sorted(".".join(p.relative_to(ROOT).with_suffix("").parts) for package in PACKAGES
                   for p in (ROOT / package).rglob("*.py") if "migrations" not in p.parts)
    names = [n.removesuffix(".__init__") for n in names]
    run = subprocess.run([sys.executable, "-c", SCRIPT.format(packages=FORGOTTEN), *names], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == ""
