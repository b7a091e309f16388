"""The floor: thidua's own statements for a batch of scoring answers, replayed with no framework at all.

bench/vs_peer.py records every statement thidua sends while it answers one burst of scores (bench/sql_log.py),
then this process replays them on the same database: straight through asyncpg (`execute` for statements
without parameters, as BEGIN and COMMIT are sent; `fetch` for the rest, prepared once per connection by
asyncpg's cache) or through Python's sqlite3. Each connection's statements are cut into transactions at
COMMIT; a burst runs the transactions on as many connections as thidua used, one by one on a single one.
The only value changed is the update id, made new in each replay, so de-duplication inserts as it does live.

`python -m bench.floor '<json>'`, spoken to like bench/stack_process.py: `{"do": "replay", "one_by_one": …}`
replays once and answers `{"answers": …}`; `{"do": "count"}` gives the statements replayed so far.
"""

from __future__ import annotations

import asyncio
import collections
import json
import pickle
import re
import sqlite3
import sys
from pathlib import Path
from typing import Any

import asyncpg  # type: ignore[import-untyped]

from bench.sql_log import Record

Statement = tuple[str, tuple[Any, ...]]


def transactions(records: list[Record]) -> list[list[Statement]]:
    """Each connection's statements cut at COMMIT/ROLLBACK, in the order the transactions began."""
    open_ones: dict[int, list[Statement]] = {}
    done: list[list[Statement]] = []
    for connection, sql, args in records:
        current = open_ones.get(connection)
        if current is None:
            current = open_ones[connection] = []
            done.append(current)
        current.append((sql, args))
        if sql.strip().rstrip(";").upper() in ("COMMIT", "ROLLBACK"):
            del open_ones[connection]
    return done


class Replay:
    def __init__(self, config: dict[str, Any]) -> None:
        kept = pickle.loads(Path(config["recording"]).read_bytes())
        self.records: list[Record] = kept["records"]
        self.setup: dict[int, list[str]] = kept["setup"]
        self.transactions = transactions(self.records)
        self.ids = [str(i) for i in config["update_ids"]]
        self.pattern = re.compile(r"(?<!\d)(" + "|".join(map(re.escape, self.ids)) + r")(?!\d)")
        self.url: str = config["database_url"]
        self.config = config
        self.count = 0
        self.next_id: int = config["first_id"]
        self.prepared: list[list[Statement]] | None = None
        self.connections: list[asyncpg.Connection] = []
        self.sqlite: sqlite3.Connection | None = None

    async def open(self) -> None:
        if self.url.startswith("sqlite"):
            self.sqlite = sqlite3.connect(self.url.split(":///", 1)[1], isolation_level=None, timeout=30)
            for sql in next(iter(self.setup.values()), []):  # thidua's PRAGMAs (WAL, synchronous, …)
                self.sqlite.execute(sql).fetchall()
            return
        wide = len({connection for connection, _, _ in self.records})
        settings = {"search_path": self.config["schema"], "application_name": self.config["app_name"]}
        dsn = self.url.replace("+asyncpg", "")
        self.connections = [await asyncpg.connect(dsn, server_settings=settings) for _ in range(max(wide, 1))]

    def prepare(self) -> None:
        """The next replay's transactions, every recorded update id replaced by a new one of as many digits
        (done between measurements: `count` does it)."""
        if self.prepared is not None:
            return
        new = {old: str(self.next_id + n) for n, old in enumerate(self.ids)}
        self.next_id += len(self.ids)

        def swap(value: Any) -> Any:
            if isinstance(value, str):
                return self.pattern.sub(lambda m: new[m.group(0)], value)
            if isinstance(value, int) and not isinstance(value, bool) and str(value) in new:
                return int(new[str(value)])
            return value

        self.prepared = [[(swap(sql), tuple(swap(a) for a in args)) for sql, args in t] for t in self.transactions]

    async def run(self, one_by_one: bool) -> int:
        self.prepare()
        work, self.prepared = self.prepared or [], None
        self.count += sum(len(t) for t in work)
        if self.sqlite is not None:
            for transaction in work:
                for sql, _ in transaction:
                    self.sqlite.execute(sql).fetchall()
            return len(self.ids)
        queue = collections.deque(work)

        async def worker(connection: asyncpg.Connection) -> None:
            while queue:
                for sql, args in queue.popleft():
                    if args:
                        await connection.fetch(sql, *args)
                    else:
                        await connection.execute(sql)

        await asyncio.gather(*(worker(c) for c in self.connections[: 1 if one_by_one else None]))
        return len(self.ids)

    async def close(self) -> None:
        for connection in self.connections:
            await connection.close()
        if self.sqlite is not None:
            self.sqlite.close()


async def serve(config: dict[str, Any]) -> None:
    replay = Replay(config)
    await replay.open()
    await replay.run(False)  # unmeasured: asyncpg prepares each statement once per connection
    reader = asyncio.StreamReader()
    await asyncio.get_running_loop().connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    print(json.dumps({"ready": True}), flush=True)
    try:
        while line := await reader.readline():
            command = json.loads(line)
            if command["do"] == "count":
                replay.prepare()
                answer = {"statements": replay.count}
            else:
                answer = {"answers": await replay.run(command["one_by_one"])}
            print(json.dumps(answer), flush=True)
    finally:
        await replay.close()


if __name__ == "__main__":
    asyncio.run(serve(json.loads(sys.argv[1])))
