"""Deadlines: the calendar and its reminders, submissions, the status of who has submitted, the exports."""

from __future__ import annotations

from handlers.core import commands
from handlers.core.context import Context, Feature, Flow, GlobalOption, MenuEntry
from handlers.core.messages import Reply
from handlers.core.roles import ROLE_OBSERVER, ROLE_SECRETARIAT, ROLE_UNIT, ROLES
from handlers.deadlines import status
from handlers.deadlines.flows import manage, submit
from storage.models import Contact


async def _submit(ctx: Context, me: Contact) -> list[Reply]:
    return await submit.command(ctx, "") if me.role == ROLE_UNIT else await commands.not_on_menu(ctx)


async def _status(ctx: Context, me: Contact) -> list[Reply]:
    return await status.command(ctx, "")


async def _manage(ctx: Context, me: Contact) -> list[Reply]:
    return await manage.command(ctx, "") if me.role == ROLE_SECRETARIAT else [Reply(ctx.t("not_allowed"))]


async def _from_reminder(ctx: Context, target: str) -> list[Reply] | None:
    """A reminder's «Nộp ngay»: straight to its deadline's first step."""
    if not (target.isascii() and target.isdecimal() and len(target) <= 9):  # fits a 32-bit key
        return None
    ctx.end()
    return await submit.from_reminder(ctx, int(target))


FEATURE = Feature(
    "deadlines",
    commands={"nop": submit.command, "trangthai": status.command, "hannop": manage.command},
    flows=(Flow(submit.FLOW, submit.ask, submit.answer, submit.STEPS),
           Flow(manage.FLOW, manage.ask, manage.answer, manage.STEPS)),
    menu=(MenuEntry("m.submit", "menu.submit", frozenset({ROLE_UNIT}), 5, _submit),
          MenuEntry("m.status", "menu.status", frozenset(ROLES), 7, _status),
          MenuEntry("m.deadlines", "menu.deadlines", frozenset({ROLE_SECRETARIAT}), 8, _manage)),
    global_options=(GlobalOption(submit.GLOBAL_SUBMIT, _from_reminder),),
)
_ = ROLE_OBSERVER  # the observer reads the status too: ROLES names it
