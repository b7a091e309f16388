"""One bot of bench/vs_peer.py in a process of its own, so that its CPU time is its own.

`python -m bench.stack_process '<json>'` builds the bot the JSON names (kind: thidua, peer or echo), seeds
its database, starts long polling against the given Bot API and prints `{"ready": true}`. Then it answers
one JSON command per line on stdin: `{"do": "count"}` (statements sent so far), `{"do": "record"}` (start
keeping them), `{"do": "save", "path": …}` (pickle what was kept, stop keeping), `{"do": "profile", "on": …}` (cProfile
on CPU time, switched on around measured batches only) and `{"do": "dump", "path": …}` (its stats, for
pstats). End of input stops it.
"""

from __future__ import annotations

import asyncio
import cProfile
import json
import logging
import pickle
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder
from aiogram.fsm.storage.memory import MemoryStorage
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

from bench.sql_log import LOG, postgres_connect_args

Stop = Callable[[], Awaitable[None]]


def peer_engine(config: dict[str, Any]) -> AsyncEngine:
    # the same pool as thidua's (20 kept, none beyond): a setting, not code, and SQLAlchemy's default
    # (5 + 10 overflow) would make the peer reconnect in every burst
    return create_async_engine(config["database_url"], pool_size=20, max_overflow=0, pool_timeout=300,
                               connect_args=postgres_connect_args(config["schema"], config["app_name"]))


async def start_aiogram(config: dict[str, Any]) -> Stop:
    from bench.peer import Base, echo_dispatcher, peer_dispatcher, seed_peer

    bot = Bot(config["token"], session=AiohttpSession(api=TelegramAPIServer.from_base(config["api_url"])))
    engine: AsyncEngine | None = None
    cleanup: list[Stop] = []
    if config["kind"] == "echo":
        dispatcher = echo_dispatcher()
    else:
        engine = peer_engine(config)
        async with engine.begin() as connection:
            await connection.run_sync(Base.metadata.create_all)
        sessions = async_sessionmaker(engine, expire_on_commit=False)
        await seed_peer(sessions, config["users"])
        storage: BaseStorage
        if config["storage"] == "redis":
            from aiogram.fsm.storage.redis import RedisStorage
            from redis.asyncio import Redis

            redis = Redis.from_url(config["redis_url"])
            prefix = config["redis_prefix"]
            storage = RedisStorage(redis, key_builder=DefaultKeyBuilder(prefix=prefix))

            async def forget() -> None:
                keys = [key async for key in redis.scan_iter(f"{prefix}:*")]
                if keys:
                    await redis.delete(*keys)

            cleanup.append(forget)
        else:
            storage = MemoryStorage()
        dispatcher = peer_dispatcher(storage, sessions)
    task = asyncio.create_task(dispatcher.start_polling(bot, handle_signals=False, polling_timeout=10))

    async def stop() -> None:
        await dispatcher.stop_polling()
        await asyncio.wait_for(task, 15)
        for step in cleanup:
            await step()
        await dispatcher.storage.close()
        await bot.session.close()
        if engine is not None:
            await engine.dispose()

    return stop


def save(path: Path, kept: dict[str, Any]) -> None:
    path.write_bytes(pickle.dumps(kept))


async def serve(config: dict[str, Any]) -> None:
    if config["kind"] == "thidua":
        from bench.thidua_stack import start_thidua

        stop = await start_thidua(config)
    else:
        stop = await start_aiogram(config)
    reader = asyncio.StreamReader()
    loop = asyncio.get_running_loop()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    print(json.dumps({"ready": True}), flush=True)
    profiler = cProfile.Profile(time.process_time)
    try:
        while line := await reader.readline():
            command = json.loads(line)
            answer: dict[str, Any] = {"done": True}
            if command["do"] == "count":
                answer = {"statements": LOG.count}
            elif command["do"] == "record":
                LOG.recording = []
            elif command["do"] == "save":
                kept, LOG.recording = LOG.recording or [], None
                save(Path(command["path"]), {"records": kept, "setup": LOG.setup})
                answer = {"saved": len(kept)}
            elif command["do"] == "profile" and command["on"]:
                profiler.enable()
            elif command["do"] == "profile":
                profiler.disable()
            elif command["do"] == "dump":
                profiler.dump_stats(command["path"])
            print(json.dumps(answer), flush=True)
    finally:
        await stop()


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    asyncio.run(serve(json.loads(sys.argv[1])))
