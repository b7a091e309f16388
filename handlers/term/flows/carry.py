"""The handover flow's `carry` step: the new secretariat copies into the new term what the handover left
behind (the scoring sheet, the custom deadlines), each with one button, each at most once."""

from __future__ import annotations

from handlers.core import people
from handlers.core.clock import format_local
from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.term import carry_over
from handlers.term.carry_over import ALREADY, COPIED, CarryOver

CARRY = "carry"
SHEET, CUSTOM, FINISH = "sheet", "custom", "finish"


def step(ctx: Context, found: CarryOver, *above: str) -> Reply:
    """The summary and the buttons of what is left to copy (the caller has put the dialog at CARRY)."""
    t = ctx.t
    pairs = []
    if found.sheet_left:
        pairs.append((SHEET, t("handover.carry.copy_sheet")))
    if found.custom_left:
        pairs.append((CUSTOM, t("handover.carry.copy_custom", count=len(found.custom_left))))
    pairs.append((FINISH, t("handover.carry.finish")))
    lines = [*above, *carry_over.summary(t, found), t("handover.carry.ask", year=found.new.year)]
    return Reply("\n".join(lines), ctx.choices(*pairs))


async def ask(ctx: Context) -> Reply:
    found = await carry_over.read(ctx.uow, ctx.data["block_id"])
    if found is None:
        ctx.end()
        return Reply(ctx.t("cancelled"))
    if not found.pending:
        ctx.end()
        return Reply(ctx.t("handover.carry.all_done", year=found.new.year))
    return step(ctx, found)


async def answer(ctx: Context) -> list[Reply]:
    t, block_id = ctx.t, ctx.data["block_id"]
    me = await people.secretariat_for(ctx, block_id)
    if me is None:  # role checked on every step
        ctx.end()
        return [Reply(t("not_allowed"))]
    if ctx.option == FINISH:
        ctx.end()
        return [Reply(t("handover.carry.finish_said"))]
    actor = f"contact:{me.id}"
    if ctx.option == SHEET:
        done = await carry_over.copy_sheet(ctx.uow, block_id, ctx.now, actor)
        found = await carry_over.read(ctx.uow, block_id)
        year = found.new.year if found else ""
        if done == COPIED and found is not None and found.new_sheet is not None:
            said = t("handover.carry.sheet_copied", year=year, title=found.new_sheet.title)
        elif done == ALREADY:
            said = t("handover.carry.sheet_already", year=year)
        else:
            said = t("handover.carry.nothing", year=year)
        return [Reply(said), await ask(ctx)]
    if ctx.option == CUSTOM:
        copied = await carry_over.copy_custom(ctx.uow, block_id, ctx.now, actor)
        found = await carry_over.read(ctx.uow, block_id)
        year = found.new.year if found else ""
        key = "handover.carry.custom_copied" if copied.created else "handover.carry.custom_none"
        lines = [t(key, count=len(copied.created), year=year)]
        lines += [t("handover.deadline_shifted", title=s.title, old=s.old.strftime("%d/%m/%Y"),
                    new=s.new.strftime("%d/%m/%Y")) for s in copied.shifted]
        lines += [t("handover.deadline_skipped", title=title, due=format_local(due)) for title, due in copied.skipped]
        return [Reply("\n".join(lines)), await ask(ctx)]
    return [Reply(t("choose_from_menu")), await ask(ctx)]
