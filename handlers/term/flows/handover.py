"""/bangiao: the secretariat hands the block over to the next term, after one confirmation.

```mermaid
stateDiagram-v2
    [*] --> confirm: /bangiao (secretariat, polls decided)
    [*] --> [*]: refused (not secretariat, poll open/tied/invalid, already handed over)
    confirm --> confirm: results changed meanwhile (shown again)
    confirm --> [*]: confirm → handover done (what was carried over, what was not) / cancel
    confirm --> carry: confirm, the secretariat stays (head unit re-elected) and something is left to copy
    [*] --> carry: /bangiao after the handover, something left to copy (new secretariat)
    carry --> carry: Sao chép bảng tiêu chí / hạn nộp riêng (each once)
    carry --> [*]: Xong, or nothing left
```

The plan is read again at the confirmation, with the term locked, so what is done is what was shown
(or the summary is shown anew when a poll closed in between), and a second handover refuses.
"""

from __future__ import annotations

from collections.abc import Callable

from handlers.core import people
from handlers.core.catalog import Catalog
from handlers.core.clock import format_local
from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.core.roles import ROLE_SECRETARIAT
from handlers.term import carry_over
from handlers.term.flows import carry
from handlers.term.handover import HandoverRefused, Outcome, Plan, carried_lines, carry_out, plan
from storage.models import Contact

FLOW = "handover"
STEPS = frozenset({"confirm", carry.CARRY})


async def _plan(ctx: Context, block_id: int, lock: bool = False) -> Plan | str:
    """The plan, or why not (in the reader's language); the chat also needs someone to take over."""
    try:
        found = await plan(ctx.uow, block_id, lock=lock)
    except HandoverRefused as refused:
        return refused.text(ctx.t)
    if not found.newcomers:
        return ctx.t("handover.head_no_contact", unit=found.head.name)
    return found


async def command(ctx: Context, _arg: str) -> list[Reply]:
    me = await people.primary(ctx)
    if me is None or me.role != ROLE_SECRETARIAT:
        return [Reply(ctx.t("not_allowed"))]
    found = await _plan(ctx, me.block_id)
    if isinstance(found, str):
        left = await carry_over.read(ctx.uow, me.block_id)
        if left is None or not left.pending:
            return [Reply(found)]
        ctx.begin(FLOW, carry.CARRY, block_id=me.block_id)  # after the handover: what is left to copy
        return [Reply(found), carry.step(ctx, left)]
    ctx.begin(FLOW, "confirm", block_id=me.block_id, head=found.head.id, deputy=found.deputy.id)
    return [_summary(ctx, found)]


def _summary(ctx: Context, found: Plan) -> Reply:
    t = ctx.t
    text = t("handover.summary", year=found.year, block=found.block.name, head=found.head.name,
             deputy=found.deputy.name, old_year=found.term.year, moved=found.newcomers)
    return Reply(text, ctx.choices(("confirm", t("handover.confirm")), ("cancel", t("cancel"))))


async def ask(ctx: Context) -> Reply:
    if ctx.state.step == carry.CARRY:
        return await carry.ask(ctx)
    found = await _plan(ctx, ctx.data["block_id"])
    if isinstance(found, str):
        return Reply(found, ctx.choices(("cancel", ctx.t("cancel"))))
    return _summary(ctx, found)


async def answer(ctx: Context) -> list[Reply]:
    if ctx.state.step == carry.CARRY:
        return await carry.answer(ctx)
    t, data = ctx.t, ctx.data
    me = await people.secretariat_for(ctx, data["block_id"])
    if me is None:  # role checked on every step
        ctx.end()
        return [Reply(t("not_allowed"))]
    if ctx.option == "cancel":
        ctx.end()
        return [Reply(t("cancelled"))]
    if ctx.option != "confirm":
        return [Reply(t("choose_from_menu")), await ask(ctx)]
    found = await _plan(ctx, data["block_id"], lock=True)
    if isinstance(found, str):
        ctx.end()
        return [Reply(found)]
    if (found.head.id, found.deputy.id) != (data.get("head"), data.get("deputy")):
        ctx.goto("confirm", head=found.head.id, deputy=found.deputy.id)
        return [Reply(t("handover.changed")), _summary(ctx, found)]
    ctx.end()

    async def tell(contacts: list[Contact], notice: Callable[[Catalog], str]) -> None:
        await people.notify_contacts(ctx, contacts, notice)

    outcome = await carry_out(ctx.uow, ctx.config.secret, found, ctx.now, f"contact:{me.id}", tell,
                              exclude_contact=me.id)
    ctx.forget_registrations()
    left = outcome.carried
    if left is not None and left.pending and await people.secretariat_for(ctx, data["block_id"]) is not None:
        ctx.begin(FLOW, carry.CARRY, block_id=data["block_id"])  # the head unit re-elected: its staff copy now
        return [Reply(await _done(ctx, found, outcome, me)), carry.step(ctx, left)]
    return [Reply("\n".join([await _done(ctx, found, outcome, me), *carried_lines(ctx.t, left)]))]


async def _done(ctx: Context, found: Plan, outcome: Outcome, me: Contact) -> str:
    t = ctx.t
    lines = [t("handover.done", year=found.year, head=found.head.name, deputy=found.deputy.name,
               moved=len(outcome.promoted))]
    if me.role != ROLE_SECRETARIAT:
        lines.append(t("handover.notice_old_secretariat", head=found.head.name,
                       unit=await people.unit_name(ctx, me.unit_id)))
    copied = outcome.deadlines
    if copied.created and outcome.carried is None:  # else the carry-over summary names them
        lines.append(t("handover.deadlines", count=len(copied.created), year=found.year))
    lines += [t("handover.deadline_shifted", title=s.title, old=s.old.strftime("%d/%m/%Y"),
                new=s.new.strftime("%d/%m/%Y")) for s in copied.shifted]
    lines += [t("handover.deadline_skipped", title=title, due=format_local(due)) for title, due in copied.skipped]
    return "\n".join(lines)
