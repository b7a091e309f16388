"""Changing the term's deadlines, shared by the chat flow and the command line.

Each change is audited and, where units must act on it, told to every active unit contact through
`tell` (the chat queues notices through the dispatcher; the command line writes the outbox itself),
each notice worded in the language of the recipient's own chat.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from handlers.core import group
from handlers.core.catalog import Catalog
from handlers.core.group import GROUP_LANG
from handlers.core.roles import ROLE_UNIT
from handlers.deadlines.due_text import due_text
from handlers.deadlines.rules.kinds import DEADLINE_KINDS
from handlers.deadlines.rules.workdays import effective_due
from storage.models import Block, Contact, Deadline, Term
from storage.uow import UnitOfWork

KINDS: tuple[str, ...] = tuple(DEADLINE_KINDS)
TITLE_MIN, TITLE_MAX = 3, 300

Notice = Callable[[Catalog], str]  # rendered once per recipient, in its language
Tell = Callable[[list[Contact], Notice], Awaitable[None]]


def clean_title(text: str | None) -> str | None:
    """A deadline's title: 3 to 300 characters with a letter, spaces tidied, never a command."""
    title = " ".join((text or "").split())
    if not TITLE_MIN <= len(title) <= TITLE_MAX or title.startswith("/"):
        return None
    return title if any(ch.isalpha() for ch in title) else None


async def title_taken(uow: UnitOfWork, term_id: int, kind: str, title: str) -> bool:
    """The term already has this kind and title (a cancelled one too: the pair is unique)."""
    wanted = title.casefold()
    return any(d.kind == kind and d.title.casefold() == wanted
               for d in await uow.deadlines.of_term(term_id, include_cancelled=True))


async def unit_contacts(uow: UnitOfWork, block_id: int) -> list[Contact]:
    return await uow.directory.active_contacts(block_id, ROLE_UNIT)


async def outbox_teller(uow: UnitOfWork, now: datetime) -> Tell:
    """A `tell` for callers without a chat (the command line): straight into the outbox."""

    async def tell(contacts: list[Contact], notice: Notice) -> None:
        accounts = await uow.directory.accounts([c.id for c in contacts if c.id is not None])
        langs = await uow.dialogs.langs([(a.channel, a.chat_id) for a in accounts])
        for account in accounts:
            text = notice(Catalog(langs.get((account.channel, account.chat_id), "vi")))
            uow.outbox.add(account.channel, account.chat_id, text, now)

    return tell


async def add(uow: UnitOfWork, term: Term, block: Block, kind: str, title: str, due: datetime, now: datetime,
              actor: str, tell: Tell) -> tuple[Deadline, int]:
    """A new deadline of the term; returns it and how many unit contacts were told."""
    assert term.id is not None and block.id is not None
    deadline = Deadline(term_id=term.id, kind=kind, title=title, due_at=due)
    uow.deadlines.add(deadline)
    await uow.flush()
    uow.audit.record(now, actor, "add_deadline", block.id, deadline_id=deadline.id, kind=kind, title=title,
                     due=due.isoformat())
    contacts = await unit_contacts(uow, block.id)
    await tell(contacts, lambda t: t("dl.notice_added", block=block.name, title=title, due=due_text(t, due)))
    group_t = Catalog(GROUP_LANG)
    posted = group_t("dl.notice_added", block=block.name, title=title, due=due_text(group_t, due))
    await group.post(uow, block.id, posted, now)
    return deadline, len(contacts)


async def move(uow: UnitOfWork, deadline: Deadline, due: datetime, now: datetime, actor: str,
               tell: Tell) -> int:
    """A new due time: reminders are planned anew (revision), on-time/late re-read against it."""
    _term, block = await uow.deadlines.block_of(deadline)
    assert block.id is not None and deadline.id is not None
    old = deadline.due_at
    deadline.due_at = due
    deadline.revision += 1
    await uow.deadlines.drop_queued_reminders(deadline.id, now)  # they name the old date
    uow.deadlines.add(deadline)
    # an extension makes what came in before the new due time on time (and a move forward, the reverse)
    for submission in await uow.deadlines.current_submissions([deadline.id]):
        first = (await uow.deadlines.submission_history(deadline.id, submission.unit_id))[0]  # supplements keep it
        late = first.submitted_at > effective_due(due)
        if submission.late != late:
            submission.late = late
            uow.deadlines.add(submission)
    uow.audit.record(now, actor, "move_deadline", block.id, deadline_id=deadline.id, title=deadline.title,
                     old_due=old.isoformat(), new_due=due.isoformat(), revision=deadline.revision)
    contacts = await unit_contacts(uow, block.id)
    title = deadline.title
    await tell(contacts, lambda t: t("dl.notice_moved", block=block.name, title=title, old=due_text(t, old),
                                     new=due_text(t, due)))
    group_t = Catalog(GROUP_LANG)
    posted = group_t("dl.notice_moved", block=block.name, title=title, old=due_text(group_t, old),
                     new=due_text(group_t, due))
    await group.post(uow, block.id, posted, now)
    return len(contacts)


async def cancel(uow: UnitOfWork, deadline: Deadline, now: datetime, actor: str, tell: Tell) -> int:
    """No more reminders nor submissions; what was handed in stays as history."""
    _term, block = await uow.deadlines.block_of(deadline)
    assert block.id is not None
    deadline.cancelled_at = now
    assert deadline.id is not None
    await uow.deadlines.drop_queued_reminders(deadline.id, now)
    uow.deadlines.add(deadline)
    uow.audit.record(now, actor, "cancel_deadline", block.id, deadline_id=deadline.id, title=deadline.title)
    contacts = await unit_contacts(uow, block.id)
    title, due = deadline.title, deadline.due_at
    await tell(contacts, lambda t: t("dl.notice_cancelled", block=block.name, title=title, due=due_text(t, due)))
    group_t = Catalog(GROUP_LANG)
    posted = group_t("dl.notice_cancelled", block=block.name, title=title, due=due_text(group_t, due))
    await group.post(uow, block.id, posted, now)
    return len(contacts)


async def set_closed(uow: UnitOfWork, deadline: Deadline, closed: bool, now: datetime, actor: str) -> None:
    """Closed: no submission is taken any more, late ones included, until reopened."""
    _term, block = await uow.deadlines.block_of(deadline)
    deadline.closed_at = now if closed else None
    if closed and deadline.id is not None:
        await uow.deadlines.drop_queued_reminders(deadline.id, now)
    uow.deadlines.add(deadline)
    uow.audit.record(now, actor, "close_deadline" if closed else "reopen_deadline", block.id,
                     deadline_id=deadline.id, title=deadline.title)
    if block.id is not None:
        key = "dl.group_closed" if closed else "dl.group_reopened"
        await group.post(uow, block.id, Catalog(GROUP_LANG)(key, block=block.name, title=deadline.title), now)
