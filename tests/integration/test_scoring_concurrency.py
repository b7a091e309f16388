"""Two contacts of one unit answer at the same moment, from their own chats, round after round (SQLite and
PostgreSQL): every answer is kept or replaced by the other's, never lost half-way or duplicated; a score and
an explanation of the same line sent together both stay; the draft's totals are the sum of its lines."""

from __future__ import annotations

import asyncio
import random
from decimal import Decimal

from sqlmodel import func, select

from bot.app import App
from bot.channels.sandbox import Sandbox
from handlers.core.catalog import VI, text
from handlers.scoring.rules.scores import LineScore, show, totals
from storage.models import Assessment, AssessmentLine, Criterion
from tests.e2e.scoring.test_scoring_sandbox import people, register, typed
from tests.helpers import codes


def saved(code: str, score: str) -> str:
    """How the bot confirms a score, whether or not it replaced someone else's (the two texts' common start)."""
    alone = text("score.saved", code=code, score=score)
    replacing = text("score.saved_replaced", code=code, score=score, old="\0", name="\0", at="\0")
    same = next((i for i, (x, y) in enumerate(zip(alone, replacing, strict=False)) if x != y), len(alone))
    return alone[:same]


ROUNDS = 25
CODES = ["1.1", "1.2", "2.1", "3.3", "T1", "D2"]


async def both(sb: Sandbox, binh: str, lan: str) -> tuple[list[str], list[str]]:
    """Bình and Lan send at the same moment; each chat's own order is kept by the dispatcher."""
    a, b = await asyncio.gather(typed(sb, "binh", binh), typed(sb, "lan", lan))
    for reply in (*a, *b):
        assert reply != VI["internal_error"]
    return a, b


async def draft(app: App) -> tuple[list[Assessment], dict[str, AssessmentLine], dict[str, Criterion]]:
    async with app.uow() as uow:
        rows = list((await uow.session.exec(select(Assessment))).all())
        lines = await uow.scoring.lines(rows[0].id or 0) if rows else {}
        count = (await uow.session.exec(select(func.count()).select_from(AssessmentLine))).one()
        criteria = {c.code: c for c in (await uow.session.exec(select(Criterion))).all()}
    assert count == len(lines)  # one row per criterion, never two
    return rows, lines, criteria


async def test_two_contacts_answering_together_never_corrupt_the_draft(app: App, block_id: int,
                                                                       sandbox: Sandbox) -> None:
    rng = random.Random(4)
    await people(app, block_id, sandbox)
    await register(sandbox, "lan", (await codes(app, block_id))["YTE"], "Lê Thị Lan", "0903 111 222")
    await both(sandbox, "/chamdiem 1.1", "/chamdiem 1.1")  # nobody has started: both create the draft at once
    a, b = await both(sandbox, "20", "21")
    assert a[0].startswith(saved("1.1", "20")) and b[0].startswith(saved("1.1", "21"))
    rows, lines, criteria = await draft(app)
    assert len(rows) == 1 and lines["1.1"].self_score in (20, 21)

    expected: dict[str, set[Decimal]] = {}
    explained: dict[str, set[str]] = {}
    for n in range(ROUNDS):
        code = rng.choice(CODES)
        top = criteria[code].max_score
        mine, theirs = (Decimal(rng.randint(0, int(top * 2))) / 2 for _ in range(2))
        await both(sandbox, f"/di {code}", f"/di {code}")
        a, b = await both(sandbox, show(mine), show(theirs))  # the same line, different scores
        assert a[0].startswith(saved(code, show(mine))) and b[0].startswith(saved(code, show(theirs)))
        expected[code] = {mine, theirs}
        await both(sandbox, f"Giải trình B{n}", f"Giải trình L{n}")  # the same line, different explanations
        explained[code] = {f"Giải trình B{n}", f"Giải trình L{n}"}
        # Lan is at the evidence step of `code`; she goes back to its explanation while Bình scores another line
        other = rng.choice([c for c in CODES if c != code])
        await both(sandbox, f"/di {other}", text("score.opt_back"))
        value = Decimal(rng.randint(0, int(criteria[other].max_score)))
        await both(sandbox, show(value), f"Lan {n}")  # a score of one line, an explanation of another
        expected[other], explained[code] = {value}, {f"Lan {n}"}

    rows, lines, criteria = await draft(app)
    assert len(rows) == 1 and rows[0].status == "draft"
    for code, values in expected.items():
        assert lines[code].self_score in values, (code, lines[code].self_score, values)
    for code, texts in explained.items():
        assert lines[code].explanation in texts, (code, lines[code].explanation, texts)
    assert rows[0].updated_by is not None
    total = totals([LineScore(criteria[c].kind, criteria[c].section_code, line.self_score)
                    for c, line in lines.items()]).total
    overview = (await typed(sandbox, "binh", "/chamdiem"))[0]
    assert f"Tổng điểm hiện tại: {show(total)}\n" in overview
