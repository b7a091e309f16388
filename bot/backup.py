"""`thidua backup PATH` and `thidua restore PATH`: the database and the secret key, together.

A backup is a new folder: `thidua.db` (SQLite) or `thidua.pgdump` (PostgreSQL, pg_dump's custom
format), `secret.key` and `manifest.json` (what it holds and from which version), every file 0600.
The key belongs with the data: every invite code and meeting-screen link derives from it, so a
database restored without its key would turn away every code handed out.

A restore goes only into an empty database (a freshly migrated one counts as empty), never over data.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.logs import redact
from bot.settings import Settings
from bot.version import package_version
from handlers.core.catalog import Catalog
from storage import backup as store
from storage import db
from storage.health import describe

MANIFEST, KEY, SQLITE_FILE, DUMP_FILE = "manifest.json", "secret.key", "thidua.db", "thidua.pgdump"
FORMAT = 1


def engine_for(settings: Settings) -> store.Engine:
    return db.create_engine(db.normalize_url(settings.database(), settings.data_dir))


def current_secret(settings: Settings) -> bytes | None:
    if settings.secret_key is not None:
        return settings.secret_key.get_secret_value().encode()
    path = settings.data_dir / KEY
    return path.read_bytes().strip() if path.exists() else None


def write_private(path: Path, content: bytes) -> None:
    """Created 0600 from the start: the key is never readable by others, not even for an instant."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)
    os.chmod(path, 0o600)  # O_CREAT's mode does not apply to a file that already existed


def _fail(settings: Settings, error: BaseException) -> int:
    t = Catalog()
    if isinstance(error, store.BackupError) and error.missing:
        print(t("backup.tool_missing", program=error.missing), flush=True)
        return 1
    reason = error.detail if isinstance(error, store.BackupError) else describe(error)
    print(t("backup.failed", reason=redact(reason, settings)), flush=True)
    return 1


async def backup(settings: Settings, path: Path, engine: store.Engine | None = None) -> int:
    t = Catalog()
    created = _new_folder(path)
    if created is None:
        print(t("backup.path_taken", path=path))
        return 2
    secret = current_secret(settings)
    if secret is None:
        print(t("backup.no_secret", path=settings.data_dir / KEY))
        return 2
    own, engine = engine is None, engine or engine_for(settings)
    try:
        if store.is_sqlite(engine) and not store.sqlite_file(engine).exists():
            print(t("backup.no_database", path=store.sqlite_file(engine)))
            return 2
        manifest = await _write(engine, path, secret)
    except store.FAILURES as error:
        _discard(path, created)
        return _fail(settings, error)
    finally:
        if own:
            await engine.dispose()
    tables: dict[str, int] = manifest["tables"]
    print(t("backup.done", path=path, tables=len(tables), rows=sum(tables.values())))
    return 0


def _new_folder(path: Path) -> bool | None:
    """None when `path` is taken (a file, or a folder with something in it); else whether it is new."""
    if not path.exists():
        return True
    return None if not path.is_dir() or any(path.iterdir()) else False


def _discard(path: Path, created: bool) -> None:
    """What a failed backup left, so a retry finds the folder as it was."""
    if path.is_dir():
        for leftover in path.iterdir():
            leftover.unlink()
        if created:
            path.rmdir()


async def _write(engine: store.Engine, path: Path, secret: bytes) -> dict[str, Any]:
    os.makedirs(path, mode=0o700, exist_ok=True)
    manifest: dict[str, Any] = {"format": FORMAT, "thidua": package_version(),
                                "created_at": datetime.now(UTC).isoformat(timespec="seconds")}
    if store.is_sqlite(engine):
        copy = path / SQLITE_FILE
        write_private(copy, b"")
        await store.sqlite_copy(store.sqlite_file(engine), copy)
        counted = db.create_engine(f"sqlite+aiosqlite:///{copy}")
        try:  # the copy's own rows: the bot may have written more to the original since
            tables = await store.row_counts(counted)
        finally:
            await counted.dispose()
        manifest |= {"database": "sqlite", "file": SQLITE_FILE}
    else:
        tables = await store.row_counts(engine)  # just before the dump: pg_dump's snapshot may be later
        dump = path / DUMP_FILE
        write_private(dump, b"")
        manifest |= {"database": "postgresql", "file": DUMP_FILE, "schema": await store.pg_dump(engine, dump)}
    write_private(path / KEY, secret + b"\n")
    manifest["tables"] = tables
    write_private(path / MANIFEST, json.dumps(manifest, indent=2, ensure_ascii=False).encode())
    return manifest


def read_manifest(path: Path) -> dict[str, Any] | None:
    try:
        manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or not (path / KEY).exists():
        return None
    return manifest


async def restore(settings: Settings, path: Path, engine: store.Engine | None = None) -> int:
    t = Catalog()
    manifest = read_manifest(path)
    if manifest is None:
        print(t("backup.not_a_backup", path=path))
        return 2
    key = (path / KEY).read_bytes().strip()
    if settings.secret_key is not None and settings.secret_key.get_secret_value().encode() != key:
        print(t("backup.secret_differs", path=path / KEY))
        return 2
    own, engine = engine is None, engine or engine_for(settings)
    try:
        refused = await _refusal(engine, manifest, t)
        if refused is not None:
            print(refused)
            return 2
        await _load(engine, path, manifest)
        tables = await store.row_counts(engine)
    except store.FAILURES as error:
        return _fail(settings, error)
    finally:
        if own:
            await engine.dispose()
    if settings.secret_key is None:
        _install_key(settings.data_dir / KEY, key)
    print(t("backup.restored", path=path, tables=len(tables), rows=sum(tables.values()),
            created=manifest.get("created_at", "?")))
    return 0


async def _refusal(engine: store.Engine, manifest: dict[str, Any], t: Catalog) -> str | None:
    """Why the backup cannot go into this database, or None."""
    kind = "sqlite" if store.is_sqlite(engine) else "postgresql"
    if manifest.get("database") != kind:
        return t("backup.other_kind", backup=manifest.get("database"), target=kind)
    if kind == "postgresql" and manifest.get("schema") != await store.schema(engine):
        return t("backup.schema_differs", backup=manifest.get("schema"), target=await store.schema(engine))
    if kind == "sqlite" and not store.sqlite_file(engine).exists():
        return None
    held = store.holding_rows(await store.row_counts(engine))
    if held:
        some = ", ".join(f"{table} ({n})" for table, n in sorted(held.items())[:3])
        return t("backup.target_not_empty", tables=len(held), some=some)
    return None


async def _load(engine: store.Engine, path: Path, manifest: dict[str, Any]) -> None:
    if store.is_sqlite(engine):
        await engine.dispose()  # no connection of ours may hold the file while it is replaced
        target = store.sqlite_file(engine)
        target.parent.mkdir(parents=True, exist_ok=True)
        await store.sqlite_copy(path / SQLITE_FILE, target)
        return
    if await store.row_counts(engine):  # a migrated, empty schema: the dump creates its tables itself
        await store.clear_empty_schema(engine)
    await store.pg_restore(engine, path / DUMP_FILE, str(manifest["schema"]))


def _install_key(target: Path, key: bytes) -> None:
    """The backup's key replaces the one `thidua migrate` may have made for the empty database; that one
    is kept beside it, in case."""
    if target.exists() and target.read_bytes().strip() != key:
        target.replace(target.with_name(KEY + ".before-restore"))
    target.parent.mkdir(parents=True, exist_ok=True)
    write_private(target, key + b"\n")
