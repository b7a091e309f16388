"""The reminder plan: on which mornings each deadline's reminders will go out, shown before they
happen (`thidua deadline schedule`), so the secretariat can check them against the calendar."""

from __future__ import annotations

from datetime import datetime

from handlers.core.catalog import Catalog
from handlers.core.clock import format_local, to_local
from handlers.deadlines.due_text import due_text
from handlers.deadlines.rules.kinds import WEEKDAY_KEYS
from handlers.deadlines.rules.reminder_policy import Policy, Slot, slots
from storage.models import Block, Deadline
from storage.uow import UnitOfWork


def policy_of(deadline: Deadline, block: Block) -> Policy:
    """The deadline's own policy over the block's over the default."""
    return Policy.from_json(deadline.reminder_policy, Policy.from_json(block.reminder_policy))


def _slot_label(t: Catalog, slot: Slot) -> str:
    number = int(slot.name.rsplit("_", 1)[1]) if slot.name[-1].isdigit() else 0
    if slot.overdue:
        return t("dl.plan_overdue", n=number)
    if slot.name == "due_day":
        return t("dl.plan_due_day")
    return t("dl.plan_before", n=number)


def plan_text(t: Catalog, deadline: Deadline, policy: Policy, now: datetime) -> str:
    """The deadline, then one line per reminder morning; those already past are marked."""
    lines = [t("dl.plan_header", title=deadline.title, due=due_text(t, deadline.due_at))]
    for slot in slots(deadline.due_at, policy):
        day = to_local(slot.at)
        lines.append(t("dl.plan_line", weekday=t(WEEKDAY_KEYS[day.weekday()]), at=format_local(slot.at),
                       what=_slot_label(t, slot), past=t("dl.plan_past") if slot.at <= now else ""))
    return "\n".join(lines)


async def block_plan(uow: UnitOfWork, t: Catalog, block: Block, term_id: int, now: datetime) -> str:
    """The whole block's plan, one deadline after another: what `thidua deadline schedule` prints and
    `/hannop lich` answers in chat."""
    live = [d for d in await uow.deadlines.of_term(term_id) if d.closed_at is None]
    lines = [t("dl.plan_title", block=block.name)]
    lines += [plan_text(t, d, policy_of(d, block), now) for d in live]
    return "\n".join(lines if live else [*lines, t("dl.plan_empty")])
