"""When a deadline's reminders go out: 7, 3 and 1 working days before, the morning of the due day,
then every 2 working days while overdue, at most 3 times, always at 08:00 on a working day.

All of it counts from the effective due date: a deadline on a day off ends on the next working day.

A block may set its own policy, and a deadline may override the block's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from handlers.deadlines.rules.workdays import at_local, effective_due, is_working_day, local_day, shift_working_days

SEND_AT = time(8, 0)
DIGEST_EVENING = time(17, 30)


@dataclass(frozen=True)
class Policy:
    before: tuple[int, ...] = (7, 3, 1)
    due_day: bool = True
    overdue_every: int = 2
    overdue_times: int = 3

    @classmethod
    def from_json(cls, data: dict[str, Any] | None, fallback: Policy | None = None) -> Policy:
        base = fallback or cls()
        if not data:
            return base
        return cls(
            before=tuple(sorted({int(x) for x in data.get("before", base.before) if int(x) > 0}, reverse=True)),
            due_day=bool(data.get("due_day", base.due_day)),
            overdue_every=max(1, int(data.get("overdue_every", base.overdue_every))),
            overdue_times=max(0, int(data.get("overdue_times", base.overdue_times))),
        )

    def to_json(self) -> dict[str, Any]:
        return {"before": list(self.before), "due_day": self.due_day, "overdue_every": self.overdue_every,
                "overdue_times": self.overdue_times}


@dataclass(frozen=True, order=True)
class Slot:
    at: datetime  # aware
    name: str  # before_7, due_day, overdue_1 …

    @property
    def overdue(self) -> bool:
        return self.name.startswith("overdue")


def slots(due: datetime, policy: Policy) -> list[Slot]:
    """Every reminder moment of a deadline, in time order, each on a working day at 08:00."""
    due = effective_due(due)
    due_day = local_day(due)
    found: dict[str, datetime] = {}
    for n in policy.before:
        found[f"before_{n}"] = at_local(shift_working_days(due_day, -n), SEND_AT)
    if policy.due_day and is_working_day(due_day) and at_local(due_day, SEND_AT) < due:
        found["due_day"] = at_local(due_day, SEND_AT)
    for i in range(1, policy.overdue_times + 1):
        found[f"overdue_{i}"] = at_local(shift_working_days(due_day, i * policy.overdue_every), SEND_AT)
    ordered = sorted(Slot(at, name) for name, at in found.items())
    seen: set[datetime] = set()
    unique = []
    for slot in ordered:  # two slots on one morning (a short week) make one reminder
        if slot.at not in seen:
            seen.add(slot.at)
            unique.append(slot)
    return unique


def current_slot(due: datetime, policy: Policy, now: datetime) -> Slot | None:
    """The latest slot that has come, while it is still meaningful: until the next slot comes (the
    last one: for another `overdue_every` working days), and for a before-due slot, until the due
    time. A reminder missed while the bot was down thus goes out once, late, or not at all."""
    due = effective_due(due)
    every = slots(due, policy)
    passed = [s for s in every if s.at <= now]
    if not passed:
        return None
    latest = passed[-1]
    later = every[len(passed):]
    if later:
        window_end = later[0].at
    else:
        window_end = at_local(shift_working_days(local_day(latest.at), policy.overdue_every), SEND_AT)
    if not latest.overdue:
        window_end = min(window_end, due)
    return latest if now < window_end else None


def digest_slots(due: datetime, policy: Policy) -> list[Slot]:
    """The secretariat's digests: each reminder morning, and the evening of the due day."""
    due = effective_due(due)
    items = [Slot(s.at, f"digest_{s.name}") for s in slots(due, policy)]
    evening = at_local(local_day(due), DIGEST_EVENING)
    items.append(Slot(max(evening, due), "digest_due_evening"))
    return sorted(items)
