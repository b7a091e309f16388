"""The dependency direction and module size from DESIGN.md, checked on the source (AST, no imports).

bot → handlers → storage; scheduler → handlers/storage. handlers/ never imports aiogram, aiohttp, the
runtime or a channel; storage/ never imports handlers, bot or scheduler; scheduler/ never imports bot.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("bot", "handlers", "storage", "scheduler")
MAX_LINES = 300

FORBIDDEN: dict[str, tuple[str, ...]] = {
    "handlers": ("aiogram", "aiohttp", "bot", "scheduler", "apscheduler", "telegram", "zalo"),
    "storage": ("handlers", "bot", "scheduler", "aiogram", "aiohttp"),
    "scheduler": ("bot", "aiogram", "aiohttp"),
}


def _modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every module the file imports, anywhere in it (also inside functions and TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the file's package
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "__import__":
            found |= {a.value for a in node.args[:1] if isinstance(a, ast.Constant) and isinstance(a.value, str)}
    return found


def _violates(module: str, banned: str) -> bool:
    return module == banned or module.startswith(banned + ".")


def test_the_scan_sees_imports() -> None:
    dispatcher = imported_modules(ROOT / "bot" / "dispatcher.py")
    assert "handlers.router" in dispatcher and "storage.uow" in dispatcher
    assert "bot.channels.base" in dispatcher


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_dependency_direction(package: str) -> None:
    problems = []
    for path in _modules(package):
        for module in sorted(imported_modules(path)):
            banned = next((b for b in FORBIDDEN[package] if _violates(module, b)), None)
            if banned is not None:
                problems.append(f"{path.relative_to(ROOT)} imports {module}")
    assert not problems, "\n".join(problems)


def test_no_channel_is_imported_outside_the_runtime() -> None:
    problems = [
        f"{path.relative_to(ROOT)} imports {module}"
        for package in ("handlers", "storage", "scheduler")
        for path in _modules(package)
        for module in imported_modules(path)
        if "channels" in module.split(".")
    ]
    assert not problems, problems


def test_modules_stay_small() -> None:
    sizes = {path: len(path.read_text(encoding="utf-8").splitlines()) for p in PACKAGES for path in _modules(p)}
    assert len(sizes) > 20  # the scan really looked at the packages
    too_long = sorted(f"{path.relative_to(ROOT)}: {n} lines" for path, n in sizes.items() if n > MAX_LINES)
    assert not too_long, f"modules over {MAX_LINES} lines (split them): {too_long}"
