"""`thidua backup` / `thidua restore` on SQLite and PostgreSQL: a populated database (the sample block,
registrations through the chat, a queued notice) goes into an empty one with every row of every table
and its secret key; a database with data is refused, and nothing in it changes."""

from __future__ import annotations

import asyncio
import json
import stat
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import backup
from bot.app import App
from bot.channels.sandbox import Sandbox
from bot.settings import Settings
from handlers.core import catalog
from storage import backup as store
from storage import db
from tests.conftest import PG_URL, drop_schema, make_engine
from tests.helpers import codes, register


async def every_row(engine: AsyncEngine) -> dict[str, list[tuple[str, ...]]]:
    """Each table's rows, as text, in a stable order."""
    rows: dict[str, list[tuple[str, ...]]] = {}
    async with engine.connect() as conn:
        quote = conn.dialect.identifier_preparer.quote
        for table in await store.row_counts(engine):
            result = await conn.execute(text(f"select * from {quote(table)}"))
            rows[table] = sorted(tuple(str(v) for v in row) for row in result)
    return rows


def refused_as_not_empty(rows: dict[str, list[tuple[str, ...]]]) -> str:
    """What a restore into a database holding `rows` says: the tables with rows, the first three named."""
    held = {table: len(found) for table, found in rows.items() if found and table != store.VERSION_TABLE}
    some = ", ".join(f"{table} ({n})" for table, n in sorted(held.items())[:3])
    return catalog.text("backup.target_not_empty", tables=len(held), some=some)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def populate(app: App, block_id: int, sandbox: Sandbox) -> None:
    c = await codes(app, block_id)
    await register(sandbox, "tt", c["secretariat"], "Nguyễn Thị Hoa", "0912345678")
    await register(sandbox, "yte", c["YTE"], "Trần Văn Bình", "0987654321")
    await sandbox.say("yte", "/toi")
    await app.dispatcher.sender.recorded()  # a reply is marked sent in the background: all of them, before a snapshot


@pytest.fixture
async def empty_target(app: App, db_kind: str, tmp_path: Path) -> AsyncIterator[tuple[Settings, AsyncEngine]]:
    """Settings of a new installation (its own data folder, no key yet) and an engine on its empty database:
    on PostgreSQL a new database whose search_path is the source's schema (a dump restores into the schema
    it came from, `public` in production)."""
    settings = Settings(data_dir=tmp_path / "restored", _env_file=None)  # type: ignore[call-arg]
    if db_kind == "sqlite":
        engine = backup.engine_for(settings)
        yield settings, engine
        await engine.dispose()
        return
    name = f"r_{uuid.uuid4().hex[:12]}"
    admin = db.create_engine(PG_URL, isolation_level="AUTOCOMMIT", pool_size=1, max_overflow=0)
    async with admin.connect() as conn:
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    schema = await store.schema(app.engine)
    engine = db.create_engine(PG_URL.rsplit("/", 1)[0] + f"/{name}",
                              connect_args={"server_settings": {"search_path": schema}})
    try:
        yield settings, engine
    finally:
        await engine.dispose()
        async with admin.connect() as conn:
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


async def test_backup_then_restore_finds_every_row_and_the_key(
        app: App, block_id: int, sandbox: Sandbox, tmp_path: Path, db_kind: str,
        empty_target: tuple[Settings, AsyncEngine | None], capsys: pytest.CaptureFixture[str]) -> None:
    await populate(app, block_id, sandbox)
    before = await every_row(app.engine)
    assert len(before["contact"]) == 2 and before["block"] and before["dialog_state"]

    folder = tmp_path / "backup-2026-11-23"
    assert await backup.backup(app.settings, folder, engine=app.engine) == 0
    rows = sum(len(found) for found in before.values())
    said = capsys.readouterr().out
    assert catalog.text("backup.done", path=folder, tables=len(before), rows=rows) in said.splitlines()
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["database"] == ("sqlite" if db_kind == "sqlite" else "postgresql")
    assert manifest["tables"] == {table: len(rows) for table, rows in before.items()}
    assert (folder / "secret.key").read_text().strip() == "test-secret-key"
    assert {p.name: mode(p) for p in folder.iterdir()} == {manifest["file"]: 0o600, "secret.key": 0o600,
                                                          "manifest.json": 0o600}
    assert await backup.backup(app.settings, folder, engine=app.engine) == 2  # never over an old backup
    assert catalog.text("backup.path_taken", path=folder) in capsys.readouterr().out.splitlines()

    target_settings, engine = empty_target
    assert await backup.restore(target_settings, folder, engine=engine) == 0, capsys.readouterr().out
    assert catalog.text("backup.restored", path=folder, tables=len(before), rows=rows,
                        created=manifest["created_at"]) in capsys.readouterr().out.splitlines()
    assert await every_row(engine) == before
    key = target_settings.data_dir / "secret.key"
    assert key.read_text().strip() == "test-secret-key" and mode(key) == 0o600

    # the restored database has data now: a second restore is refused and changes nothing
    assert await backup.restore(target_settings, folder, engine=engine) == 2
    assert refused_as_not_empty(before) in capsys.readouterr().out.splitlines()
    assert await every_row(engine) == before


async def test_restore_into_a_database_with_data_is_refused(app: App, block_id: int, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "bk"
    assert await backup.backup(app.settings, folder, engine=app.engine) == 0
    before = await every_row(app.engine)
    capsys.readouterr()
    assert await backup.restore(app.settings, folder, engine=app.engine) == 2
    out = capsys.readouterr().out
    assert refused_as_not_empty(before) in out.splitlines() and "block (1)" in out
    assert await every_row(app.engine) == before


async def test_a_missing_pg_dump_is_named_and_leaves_nothing(settings: Settings, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    engine, schema = await make_engine("postgres")  # SQLite needs no external program
    app = await App.create(settings, engine=engine)
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    try:
        assert await backup.backup(app.settings, tmp_path / "bk", engine=app.engine) == 1
    finally:
        await app.close()
        await drop_schema(schema)
    out = capsys.readouterr().out
    assert catalog.text("backup.tool_missing", program="pg_dump") in out.splitlines()
    assert not (tmp_path / "bk").exists()


async def test_a_backup_needs_the_secret_key(app: App, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    keyless = Settings(data_dir=tmp_path / "elsewhere", _env_file=None)  # type: ignore[call-arg]
    assert await backup.backup(keyless, tmp_path / "bk", engine=app.engine) == 2
    assert catalog.text("backup.no_secret", path=tmp_path / "elsewhere" / "secret.key") in capsys.readouterr().out
    assert not (tmp_path / "bk").exists()


def test_a_folder_without_manifest_is_not_a_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "random").mkdir()
    settings = Settings(data_dir=tmp_path / "data", _env_file=None)  # type: ignore[call-arg]
    assert asyncio.run(backup.restore(settings, tmp_path / "random")) == 2
    assert catalog.text("backup.not_a_backup", path=tmp_path / "random") in capsys.readouterr().out
