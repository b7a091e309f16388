"""What a service is given besides the unit of work and the time: who acts. Flows, the command line and the
scheduler call the same services; a service returns its result with the notices it decided, and the caller
puts them in the outbox (the dispatcher with the update's replies, the others with `queue_notices`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from handlers.core.messages import Incoming, Notice
from storage.uow import UnitOfWork


@dataclass(frozen=True)
class Actor:
    """Who acts: a person in a chat, the operator at the command line, or a scheduler job."""

    audit: str  # as the audit log names them: "contact:12", "operator", "poll_timer"
    chat: tuple[str, str] | None = None  # the chat it came from: the answer goes there as the reply
    contact_id: int | None = None

    @classmethod
    def in_chat(cls, incoming: Incoming, audit: str, contact_id: int | None = None) -> Actor:
        return cls(audit, (incoming.channel, incoming.chat_id), contact_id)


OPERATOR = Actor("operator")


def queue_notices(uow: UnitOfWork, notices: list[Notice], now: datetime) -> int:
    """Write the notices to the outbox in the caller's transaction (not committed here); how many."""
    for notice in notices:
        doc = notice.document
        uow.outbox.add(notice.channel, notice.chat_id, notice.text, now, [[c.id, c.label] for c in notice.choices],
                       document_file_id=doc.file_id if doc else None, document_name=doc.filename if doc else None)
    return len(notices)
