"""The dependency direction and module size from DESIGN.md, checked on the source (AST, no imports).

bot → handlers → storage; scheduler → handlers/storage. handlers/ never imports aiogram, aiohttp, the
runtime or a channel; storage/ never imports handlers, bot or scheduler; scheduler/ never imports bot.
"""

from __future__ import annotations

import ast
from functools import cache
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


@cache
def _modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def imported_modules(path: Path) -> frozenset[str]:
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
    return frozenset(found)


def _violates(module: str, banned: str) -> bool:
    return module == banned or module.startswith(banned + ".")


def test_the_scan_sees_imports() -> None:
    dispatcher = imported_modules(ROOT / "bot" / "dispatcher.py")
    assert "handlers.core.router" in dispatcher and "storage.uow" in dispatcher
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


# --- the layers inside handlers/ (issue 11) ---------------------------------------------------------------

FEATURE_ORDER = ("core", "registration", "deadlines", "scoring", "voting", "term")


def _layer(module: str) -> str | None:
    """The feature (or core) a handlers module belongs to; None for handlers.features and handlers itself."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 and parts[0] == "handlers" and parts[1] in FEATURE_ORDER else None


def test_features_import_core_and_the_features_below_them_only() -> None:
    problems = []
    for path in _modules("handlers"):
        mine = _layer(_module_name(path))
        if mine is None:
            continue
        for module in sorted(imported_modules(path)):
            theirs = _layer(module)
            if theirs is not None and FEATURE_ORDER.index(theirs) > FEATURE_ORDER.index(mine):
                problems.append(f"{path.relative_to(ROOT)} ({mine}) imports {module} ({theirs})")
    assert not problems, "\n".join(problems)


def test_only_features_py_lists_the_features() -> None:
    """The router, the commands and the catalog see the registry, never a feature module."""
    problems = [f"{path.relative_to(ROOT)} imports {module}" for path in _modules("handlers")
                if _module_name(path) != "handlers.features"
                for module in imported_modules(path) if module.startswith("handlers.features")]
    assert not problems, problems


RULES_BANNED = ("handlers.core.context", "handlers.core.catalog", "handlers.core.texts", "handlers.core.service")
PLAIN_STORAGE = ("storage.models", "storage.models_vote")  # the tables, as the types of plain values


def _impure_imports(tree: ast.Module) -> list[str]:
    """Imports a rule may not make: the context, the catalog, a service, or storage beyond its tables and
    a repository's constants (`from storage.votes import RECEIPT_LENGTH`)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith(("storage", *RULES_BANNED))]
        elif isinstance(node, ast.ImportFrom) and node.module:
            if any(_violates(node.module, b) for b in RULES_BANNED):
                found.append(node.module)
            elif _violates(node.module, "storage") and node.module not in PLAIN_STORAGE:
                found += [f"{node.module}.{a.name}" for a in node.names if not a.name.isupper()]
    return found


def test_rules_are_pure() -> None:
    """rules/: no await, no unit of work, no Context, no catalog; plain functions of plain values."""
    problems = []
    rules = [p for p in _modules("handlers") if "rules" in p.relative_to(ROOT).parts]
    assert len(rules) > 5
    for path in rules:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.AsyncFunctionDef | ast.Await | ast.AsyncFor | ast.AsyncWith):
                problems.append(f"{where}:{node.lineno}: async")
            elif isinstance(node, ast.Name | ast.arg) and (getattr(node, "id", None) or getattr(node, "arg", None)) in (
                    "uow", "ctx", "Context", "UnitOfWork", "Catalog"):
                problems.append(f"{where}:{node.lineno}: {ast.unparse(node)}")
        problems += [f"{where} imports {m}" for m in _impure_imports(tree)]
    assert not problems, "\n".join(problems)


def test_the_purity_check_sees_a_repository() -> None:
    tree = ast.parse("from storage.uow import UnitOfWork\nfrom storage.votes import RECEIPT_LENGTH\n"
                     "from storage.models import Poll\nfrom handlers.core.context import Context\n")
    assert _impure_imports(tree) == ["storage.uow.UnitOfWork", "handlers.core.context"]


SQL_MODULES = ("sqlalchemy", "sqlmodel", "asyncpg", "aiosqlite", "sqlite3")
SQL_OUTSIDE_STORAGE = {  # the runtime's own plumbing, holding an engine or a session maker, never a statement
    "bot/app.py", "bot/dispatcher.py", "bot/reply_sender.py", "scheduler/delivery.py",
    "scheduler/delivery_records.py", "scheduler/poll_timer.py", "scheduler/reminders.py",
}


def test_sql_lives_in_storage() -> None:
    problems = [f"{path.relative_to(ROOT)} imports {module}" for package in ("handlers", "scheduler", "bot")
                for path in _modules(package) if str(path.relative_to(ROOT)) not in SQL_OUTSIDE_STORAGE
                for module in imported_modules(path) if module.split(".")[0] in SQL_MODULES]
    assert not problems, "\n".join(problems)


def test_sessions_only_where_the_runtime_opens_them() -> None:
    """The modules allowed a session above may hold a session maker, not write statements: no select, insert,
    update, delete or text() of their own."""
    allowed = {"async_sessionmaker", "AsyncSession", "AsyncConnection", "AsyncEngine"}
    problems = []
    for name in sorted(SQL_OUTSIDE_STORAGE):
        tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in SQL_MODULES:
                problems += [f"{name}: {a.name}" for a in node.names if a.name not in allowed]
    assert not problems, problems


def test_only_storage_dialogs_writes_the_dialog_state() -> None:
    problems = [str(path.relative_to(ROOT)) for package in PACKAGES for path in _modules(package)
                if "DialogState" in path.read_text(encoding="utf-8")
                and str(path.relative_to(ROOT)) not in ("storage/dialogs.py", "storage/models.py")]
    assert not problems, problems


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for package in PACKAGES for p in _modules(package) if "migrations" not in p.parts}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        graph[name] = set()
        for module in imported_modules(path):
            while module and module not in modules:  # `from a.b import c`: c may be a name, a.b the module
                module = module.rpartition(".")[0]
            if module and module != name:
                graph[name].add(module)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each a circle of imports."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_circles() -> None:
    """Every import counts, also inside a function or under TYPE_CHECKING: no circle to dodge."""
    graph = _graph()
    assert len(graph) > 100
    assert _cycles(graph) == []


def test_the_circle_check_sees_a_circle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_function_level_imports_in_the_application() -> None:
    """Imports sit at the top of a module in handlers/, storage/ and scheduler/: an import inside a
    function is how a circle hides."""
    problems = []
    for package in ("handlers", "storage", "scheduler"):
        for path in _modules(package):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for fn in ast.walk(tree):
                if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                    problems += [f"{path.relative_to(ROOT)}:{n.lineno}" for n in ast.walk(fn)
                                 if isinstance(n, ast.Import | ast.ImportFrom)]
    assert not problems, problems
