"""A context for poll actions that no chat message started: the time limit, the command line.

Opening and closing a poll queue their messages as notices on a `Context`, the same code whatever
started them; here the scheduler and the CLI get such a context and write its notices to the outbox,
in the same transaction that decided them, as the dispatcher does for a chat update.
"""

from __future__ import annotations

from datetime import datetime

from handlers.chat import Incoming
from handlers.clock import Clock
from handlers.context import Context, HandlerConfig
from storage.dialogs import ChatState
from storage.uow import UnitOfWork

OFFLINE = "offline"  # no channel has this name, so no reply or notice can go to it


def offline_context(uow: UnitOfWork, clock: Clock, config: HandlerConfig, actor: str) -> Context:
    now = clock.now()
    incoming = Incoming(channel=OFFLINE, chat_id=actor, user_id=actor, update_id=f"{actor}:{now.isoformat()}")
    state = ChatState(channel=OFFLINE, chat_id=actor, updated_at=now)
    return Context(incoming=incoming, state=state, uow=uow, clock=clock, config=config)


def queue_notices(ctx: Context, now: datetime) -> int:
    """Write the context's notices to the outbox (not committed here); how many."""
    for notice in ctx.notices:
        doc = notice.document
        ctx.uow.outbox.add(notice.channel, notice.chat_id, notice.text, now,
                           [[c.id, c.label] for c in notice.choices],
                           document_file_id=doc.file_id if doc else None,
                           document_name=doc.filename if doc else None)
    count = len(ctx.notices)
    ctx.notices.clear()
    return count
