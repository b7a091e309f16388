"""The message catalog: every key the code asks for exists, and both languages agree on placeholders.

The sources of handlers/ and bot/ are scanned (AST) for calls of a catalog: `t("key")`, `ctx.t("key")`,
`Catalog()("key")`, `text("key")`. A literal key must exist in VI; a key kept in a local variable
is checked through the literals assigned to it; an f-string key is expanded over its known family
(roles, menu items, …) and any other f-string must at least match some key.
"""

from __future__ import annotations

import ast
import re
import string
from dataclasses import dataclass
from pathlib import Path

import pytest

from handlers.core.catalog import EN, VI, Catalog

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(p for d in ("handlers", "bot") for p in (ROOT / d).rglob("*.py") if p.name != "catalog.py")


def _module_strings(relative: str, name: str) -> tuple[str, ...]:
    """A module-level tuple of strings, read from the source (importing aiogram would cost seconds)."""
    path = ROOT / relative
    if not path.exists():
        return ()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return tuple(ast.literal_eval(node.value))
    return ()


# The one key still built at run time: bot/runner.py (issue 10's file) names Telegram's command menu.
FAMILIES: dict[str, tuple[str, ...]] = {
    "cmd.{}": _module_strings("bot/runner.py", "COMMANDS"),
}
BUILT_AT_RUN_TIME_ALLOWED = {"bot/runner.py"}


@dataclass(frozen=True)
class Use:
    where: str
    key: str | None  # a literal key
    pattern: str | None  # an f-string key with `{}` for each placeholder
    kwargs: frozenset[str] | None  # keyword arguments given (None: **values passed)


def _is_catalog_call(node: ast.Call, catalog_names: set[str]) -> bool:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id in catalog_names
    if isinstance(func, ast.Attribute):
        return func.attr == "t"
    if isinstance(func, ast.Call):  # Catalog()("key") / Catalog(lang)("key")
        return isinstance(func.func, ast.Name) and func.func.id == "Catalog"
    return False


# Functions that take a key and look it up: their callers' keys are checked, the key passes through them.
WRAPPERS = {"arg_help"}  # bot/cli_help.py: a --help text by its key


def _catalog_names(tree: ast.AST) -> set[str]:
    """Local names a catalog is bound to: `t = ctx.t`, `t = Catalog()`, `s, t = x, Catalog()`."""
    names = {"t", *WRAPPERS}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "handlers.core.catalog":
            names |= {a.asname or a.name for a in node.names if a.name == "text"}
    return names


ITERATING = {"enumerate", "zip", "sorted", "reversed", "list", "tuple", "set"}


def _value_literals(expr: ast.AST | None) -> list[str]:
    """The strings an expression can evaluate to (a condition's own strings are not among them)."""
    if isinstance(expr, ast.Constant):
        return [expr.value] if isinstance(expr.value, str) else []
    if isinstance(expr, ast.IfExp):
        return _value_literals(expr.body) + _value_literals(expr.orelse)
    if isinstance(expr, ast.Dict):
        return [k for v in expr.values for k in _value_literals(v)]
    if isinstance(expr, ast.Subscript):
        if isinstance(expr.value, ast.Name) and expr.value.id in KEY_MAPS:  # ROLE_KEYS[role]: a module's key map
            return KEY_MAPS[expr.value.id]
        return _value_literals(expr.value)
    if isinstance(expr, ast.BoolOp):
        return [k for v in expr.values for k in _value_literals(v)]
    if isinstance(expr, ast.Tuple | ast.List | ast.Set):
        return [k for e in expr.elts for k in _value_literals(e)]
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.func.id in ITERATING:
        return [k for a in expr.args for k in _value_literals(a)]
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name):  # a helper that returns keys
        return [k for f in FUNCTIONS.get(expr.func.id, []) for r in ast.walk(f) if isinstance(r, ast.Return)
                for k in _value_literals(r.value)]
    return []


def _binds(target: ast.AST, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(target))


def _assigned_literals(scope: ast.AST, name: str) -> list[str]:
    """String literals a local name may hold: `key = "a" if x else "b"`, `for key in ("a", "b")`."""
    found: list[str] = []
    for node in ast.walk(scope):
        if isinstance(node, ast.Assign) and any(_binds(t, name) for t in node.targets):
            found += _value_literals(node.value)
        elif isinstance(node, ast.For | ast.comprehension) and _binds(node.target, name):
            found += _value_literals(node.iter)
    return found


TREES = {path: ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in SOURCES}
FUNCTIONS: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}
KEY_MAPS: dict[str, list[str]] = {}  # module-level `NAME: Final = {value: "catalog.key", ...}`
for _tree in TREES.values():
    for _stmt in _tree.body:
        _target = _stmt.target if isinstance(_stmt, ast.AnnAssign) else None
        if isinstance(_target, ast.Name) and _target.id.endswith("_KEYS") and isinstance(_stmt.value, ast.Dict):
            KEY_MAPS[_target.id] = [v.value for v in _stmt.value.values if isinstance(v, ast.Constant)]
for _tree in TREES.values():
    for _node in ast.walk(_tree):
        if isinstance(_node, ast.FunctionDef | ast.AsyncFunctionDef):
            FUNCTIONS.setdefault(_node.name, []).append(_node)


def _uses() -> list[Use]:
    uses: list[Use] = []
    for path, tree in TREES.items():
        names = _catalog_names(tree)
        scopes = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args or not _is_catalog_call(node, names):
                continue
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            kwargs = None if any(k.arg is None for k in node.keywords) else frozenset(
                k.arg for k in node.keywords if k.arg)
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                uses.append(Use(where, arg.value, None, kwargs))
            elif isinstance(arg, ast.JoinedStr):
                pattern = "".join(str(v.value) if isinstance(v, ast.Constant) else "{}" for v in arg.values)
                uses.append(Use(where, None, pattern, kwargs))
            elif isinstance(arg, ast.Attribute) and arg.attr == "label":  # a MenuEntry's: read where it is made
                continue
            elif isinstance(arg, ast.Name):
                scope = next((s for s in scopes if s.lineno <= node.lineno <= (s.end_lineno or 0)), tree)
                if isinstance(scope, ast.FunctionDef) and scope.name in WRAPPERS:
                    continue
                keys = _assigned_literals(scope, arg.id)
                uses += [Use(where, k, None, None) for k in keys]
                if not keys:
                    UNFOLLOWED.append(f"{where}: cannot tell which keys `{arg.id}` holds")
            elif isinstance(arg, ast.Subscript) and (mapped := _value_literals(arg)):
                uses += [Use(where, k, None, kwargs) for k in mapped]
            else:
                UNFOLLOWED.append(f"{where}: a catalog key the test cannot follow: {ast.unparse(arg)}")
    for path, tree in TREES.items():  # MenuEntry(option, label key, ...)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "MenuEntry"
                    and len(node.args) > 1 and isinstance(node.args[1], ast.Constant)):
                uses.append(Use(f"{path.relative_to(ROOT)}:{node.lineno}", str(node.args[1].value), None, frozenset()))
    return uses


UNFOLLOWED: list[str] = []
USES = _uses()


def test_every_key_can_be_followed() -> None:
    assert UNFOLLOWED == []


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_the_scan_finds_the_calls() -> None:
    keys = {u.key for u in USES}
    assert {"menu_expired", "reg_ask_name", "code_throttled", "internal_error", "not_allowed"} <= keys
    assert "code_malformed" in keys and "help_guest" in keys  # through local variables
    assert {"reg_confirm_unit", "role.observer", "dl.weekday.6", "poll.kind.flag"} <= keys  # through key maps
    assert {"menu.units", "menu.polls"} <= keys  # a MenuEntry's label


def test_no_key_is_built_at_run_time() -> None:
    built = sorted(u.where for u in USES if u.pattern is not None
                   and u.where.split(":")[0] not in BUILT_AT_RUN_TIME_ALLOWED)
    assert built == [], "use a literal key, or a module-level NAME_KEYS map of literal keys"


def test_every_literal_key_exists_in_vietnamese() -> None:
    missing = sorted({f"{u.key} ({u.where})" for u in USES if u.key is not None and u.key not in VI})
    assert not missing, missing


def test_every_key_family_exists_in_vietnamese() -> None:
    problems = []
    for use in USES:
        if use.pattern is None:
            continue
        if use.pattern in FAMILIES:
            problems += [f"{use.pattern.format(v)} ({use.where})" for v in FAMILIES[use.pattern]
                         if use.pattern.format(v) not in VI]
            if not FAMILIES[use.pattern]:
                problems.append(f"{use.pattern}: no values known ({use.where})")
        else:
            regex = re.compile(".+".join(re.escape(p) for p in use.pattern.split("{}")))
            if not any(regex.fullmatch(k) for k in VI):
                problems.append(f"{use.pattern} matches no key ({use.where})")
    assert not problems, problems


def test_calls_give_every_placeholder() -> None:
    problems = []
    for use in USES:
        if use.kwargs is None:
            continue
        pattern = use.pattern or ""
        keys = [use.key] if use.key is not None else [pattern.format(v) for v in FAMILIES.get(pattern, ())]
        for key in keys:
            if key in VI and not _fields(VI[key]) <= use.kwargs:
                problems.append(f"{key} needs {sorted(_fields(VI[key]))}, gets {sorted(use.kwargs)} ({use.where})")
    assert not problems, problems


def test_every_english_key_exists_in_vietnamese() -> None:
    assert sorted(set(EN) - set(VI)) == []


@pytest.mark.parametrize("key", sorted(VI))
def test_templates_have_the_same_placeholders_and_format(key: str) -> None:
    vi_fields = _fields(VI[key])
    values = {name: f"<{name}>" for name in vi_fields}
    assert all(name.isidentifier() for name in vi_fields), vi_fields
    assert VI[key].strip()
    formatted = Catalog("vi")(key, **values)
    assert all(f"<{name}>" in formatted for name in vi_fields)
    if key in EN:
        assert _fields(EN[key]) == vi_fields, (key, EN[key])
        assert EN[key].strip()
        assert all(f"<{name}>" in Catalog("en")(key, **values) for name in vi_fields)


def test_english_falls_back_to_vietnamese() -> None:
    missing_in_en = sorted(set(VI) - set(EN))
    for key in missing_in_en:
        assert Catalog("en")(key, **{n: "x" for n in _fields(VI[key])}) == VI[key].format(
            **{n: "x" for n in _fields(VI[key])})
    assert Catalog("fr").lang == "vi"
    assert Catalog("en")("yes") == "Yes" and Catalog()("yes") == "Đồng ý"
