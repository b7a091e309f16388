"""Scoring: the criteria sheet, the unit's self-assessment, the cross-check, the ranking, the exports."""

from __future__ import annotations

from handlers.core import commands
from handlers.core.context import Context, Feature, Flow, MenuEntry
from handlers.core.messages import Reply
from handlers.core.roles import ROLE_OBSERVER, ROLE_SECRETARIAT, ROLE_UNIT
from handlers.scoring.flows import score, scores
from storage.models import Contact

SELF_ASSESSMENT = "self_assessment"  # the deadline kind the scored sheet completes


async def _score(ctx: Context, me: Contact) -> list[Reply]:
    return await score.command(ctx, "") if me.role == ROLE_UNIT else await commands.not_on_menu(ctx)


async def _scores(ctx: Context, me: Contact) -> list[Reply]:
    return await scores.command(ctx, "")  # the observer reads; the flow checks the role at every step


FEATURE = Feature(
    "scoring",
    commands={"diem": scores.command, "chamdiem": score.command},
    flows=(Flow(scores.FLOW, scores.ask, scores.answer, scores.STEPS),
           Flow(score.FLOW, score.ask, score.answer, score.STEPS)),
    menu=(MenuEntry("m.score", "menu.score", frozenset({ROLE_UNIT}), 6, _score),
          MenuEntry("m.score_admin", "menu.score_admin", frozenset({ROLE_SECRETARIAT, ROLE_OBSERVER}), 9, _scores)),
    completes={SELF_ASSESSMENT: score.start},
)
