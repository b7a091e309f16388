"""The `app` fixture's reused databases (tests/db_pool.py): every test starts at Alembic's head with no row and
its ids from 1, whatever the test before it left; a schema a test changed is never handed out again."""

from __future__ import annotations

from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import App
from bot.settings import Settings
from handlers.core.clock import FrozenClock
from handlers.term.block_file.read import load_block_file
from handlers.term.block_import import import_block
from storage import migrate
from tests import db_pool
from tests.conftest import PG_URL, SAMPLE_BLOCK, migrated_engine


async def _fill(engine: AsyncEngine, settings: Settings, clock: FrozenClock) -> int:
    app = await App.create(settings, clock=clock, engine=engine)
    try:
        async with app.uow() as uow:
            result = await import_block(uow, load_block_file(SAMPLE_BLOCK), app.config.secret, clock.now())
            await uow.commit()
        return result.block_id
    finally:
        await app.close()


async def _rows(engine: AsyncEngine) -> dict[str, int]:
    async with engine.connect() as conn:
        return {table: int(await conn.scalar(text(f"SELECT count(*) FROM {table}")) or 0)
                for table in ("block", "unit", "invite_code", "audit_log")}


async def test_a_database_handed_out_again_is_empty_at_head_with_ids_from_one(
        db_kind: str, settings: Settings, clock: FrozenClock) -> None:
    engine, schema = await migrated_engine(db_kind)
    assert await _fill(engine, settings, clock) == 1
    assert (await _rows(engine))["unit"] > 0
    await engine.dispose()
    if schema is not None:
        await db_pool.give_back(PG_URL, schema)
    again, schema_again = await migrated_engine(db_kind)
    try:
        assert schema_again == schema  # PostgreSQL: the same schema, emptied; SQLite: a new copy of the template
        assert await _rows(again) == {"block": 0, "unit": 0, "invite_code": 0, "audit_log": 0}
        async with again.connect() as conn:
            head = ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()
            assert await conn.scalar(text("SELECT version_num FROM alembic_version")) == head
        assert await _fill(again, settings, clock) == 1  # the sequences start again
    finally:
        await again.dispose()
        if schema_again is not None:
            await db_pool.give_back(PG_URL, schema_again)


async def test_a_schema_a_test_changed_is_dropped_not_reused(settings: Settings, clock: FrozenClock) -> None:
    engine, schema = await migrated_engine("postgres")
    assert schema is not None
    async with engine.begin() as conn:
        await conn.execute(text("DROP TABLE audit_log"))
    await engine.dispose()
    await db_pool.give_back(PG_URL, schema)
    assert schema not in db_pool._free_schemas
    admin = db_pool.pg_engine(PG_URL, "public")
    try:
        async with admin.connect() as conn:
            assert not await conn.scalar(text("SELECT count(*) FROM pg_namespace WHERE nspname = :s"), {"s": schema})
    finally:
        await admin.dispose()
