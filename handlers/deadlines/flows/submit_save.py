"""Recording a submission: supersede the unit's previous one, audit it, tell the secretariat (with the
file forwarded where the platform holds it), and say what was recorded, on time or late."""

from __future__ import annotations

from datetime import date

from handlers.core import people
from handlers.core.catalog import DEFAULT_LANG, Catalog
from handlers.core.clock import format_local, format_local_date
from handlers.core.commands import menu as main_menu
from handlers.core.context import Context
from handlers.core.messages import Document, Notice, Reply
from handlers.core.roles import ROLE_SECRETARIAT
from handlers.deadlines import status as deadline_status
from handlers.deadlines.due_text import due_text
from handlers.deadlines.flows.submit_access import Submitting, current_submission
from handlers.deadlines.rules.submission_input import format_size, local_midnight_utc
from handlers.deadlines.rules.workdays import effective_due
from storage.models import Submission

KIND_THEME, KIND_DOCUMENT, KIND_DISPATCH = "theme", "document", "dispatch"


def build(ctx: Context, checked: Submitting, kind: str, previous: Submission | None = None) -> Submission:
    """The submission of `kind` that the flow's data describes. A unit that handed in on time keeps
    its on-time record when it hands in again after the deadline: the later one is a supplement."""
    data, deadline = ctx.data, checked.deadline
    assert deadline.id is not None
    late = ctx.now > effective_due(deadline.due_at) and (previous is None or previous.late)
    row = Submission(deadline_id=deadline.id, unit_id=checked.unit_id, contact_id=checked.contact.id,
                     kind=kind, submitted_at=ctx.now, late=late)
    if kind == KIND_THEME:
        row.theme = data["theme"]
    elif kind == KIND_DOCUMENT:
        file = data["file"]
        row.file_id, row.file_name, row.mime, row.size = file["file_id"], file["file_name"], file["mime"], file["size"]
    else:
        row.dispatch_no = data["dispatch_no"]
        row.dispatch_date = local_midnight_utc(date.fromisoformat(data["dispatch_date"]))
    return row


def describe(t: Catalog, row: Submission) -> str:
    if row.kind == KIND_THEME:
        return t("sub.what_theme", theme=row.theme)
    if row.kind == KIND_DOCUMENT:
        return t("sub.what_file", name=row.file_name, size=format_size(row.size))
    assert row.dispatch_date is not None
    return t("sub.what_dispatch", no=row.dispatch_no, date=format_local_date(row.dispatch_date))


async def save(ctx: Context, checked: Submitting, kind: str) -> list[Reply]:
    t, deadline = ctx.t, checked.deadline
    assert deadline.id is not None
    previous = await current_submission(ctx, deadline.id, checked.unit_id)
    row = build(ctx, checked, kind, previous)
    await ctx.uow.deadlines.submit(row)
    ctx.uow.audit.record(ctx.now, f"contact:{checked.contact.id}", "submit", checked.term.block_id,
                         deadline_id=deadline.id, unit_id=checked.unit_id, kind=row.kind, late=row.late)
    unit = await people.unit_name(ctx, checked.unit_id)
    upload_channel = ctx.data.get("file_channel")
    await _tell_secretariat(ctx, checked, row, unit, previous, upload_channel)
    ctx.end()
    key = "sub.done_late" if row.late else "sub.done_on_time"
    lines = [t(key, unit=unit, title=deadline.title, what=describe(t, row), at=format_local(row.submitted_at),
               due=due_text(t, deadline.due_at))]
    if previous is not None:
        lines.append(t("sub.done_replaces", prev=format_local(previous.submitted_at)))
        if not row.late and ctx.now > effective_due(deadline.due_at):
            lines.append(t("sub.done_supplement"))
    return [Reply("\n".join(lines)), await main_menu(ctx)]


async def _tell_secretariat(ctx: Context, checked: Submitting, row: Submission, unit: str,
                            previous: Submission | None, upload_channel: str | None) -> None:
    """Each secretariat chat in its own language; a file goes along only on the channel that holds it
    (a platform's file id means nothing on another platform; a photo sent on Zalo goes as a signed link)."""
    status = await deadline_status.status_of(ctx.uow, checked.deadline)
    staff = [c for c in await ctx.uow.directory.active_contacts(checked.term.block_id, ROLE_SECRETARIAT)
             if c.id != checked.contact.id]  # the head unit's staff handing in their own unit's report
    for account in await ctx.uow.directory.accounts([c.id for c in staff if c.id is not None]):
        state = await ctx.uow.dialogs.get(account.channel, account.chat_id)
        t = Catalog(state.lang if state else DEFAULT_LANG)
        replaced = "" if previous is None else t("sub.notice_replaces", prev=format_local(previous.submitted_at))
        text = t("sub.notice", unit=unit, title=checked.deadline.title,
                 timing=t("sub.notice_late") if row.late else t("sub.notice_on_time"), what=describe(t, row),
                 replaced=replaced, done=status.submitted, total=len(status.units))
        document = None
        if (row.kind == KIND_DOCUMENT and row.file_id and account.channel == upload_channel
                and account.channel in ctx.config.file_channels | ctx.config.photo_channels):
            document = Document(row.file_name or "bao-cao", mime=row.mime or "application/octet-stream",
                                file_id=row.file_id)
        ctx.notices.append(Notice(account.channel, account.chat_id, text, document=document))
