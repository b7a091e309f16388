"""The secretariat's changes to the term's scoring, shared by the chat and the command line: a checked
score (with its reason when it differs from the self score), a whole imported cross-check, reopening
a submitted self-assessment. Each change is audited; the unit's contacts are told through `tell`
(the chat queues notices, the command line writes the outbox), each in the recipient's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from handlers.core.catalog import Catalog
from handlers.core.people import acts_for_unit
from handlers.core.validation import clean_text
from handlers.deadlines.service import Tell, outbox_teller
from handlers.scoring.board import ScoreBoard
from handlers.scoring.rules.ranking import Mark
from handlers.scoring.rules.scores import show
from storage.models import Contact, Unit
from storage.scoring_reports import SUBMITTED
from storage.scoring_rows import SelfAssessment
from storage.uow import UnitOfWork

REASON_MIN, REASON_MAX = 3, 300


class NotSubmitted(Exception):
    """The unit's self-assessment is not (or no longer) submitted: nothing to check or reopen."""


@dataclass(frozen=True)
class Change:
    """One criterion whose check changed: before and after, against the unit's self score."""

    code: str
    text: str
    self_score: Decimal | None
    before: Decimal | None
    after: Decimal | None
    reason: str | None


def clean_reason(text: str | None) -> str | None:
    """A reason: 3 to 300 characters with a letter, spaces tidied, never a command."""
    reason = " ".join((text or "").split())
    if not REASON_MIN <= len(reason) <= REASON_MAX or reason.startswith("/"):
        return None
    return reason if any(ch.isalpha() for ch in reason) else None


async def locked_assessment(uow: UnitOfWork, board: ScoreBoard, unit: Unit) -> SelfAssessment:
    """The unit's submitted assessment, locked for this transaction; NotSubmitted otherwise."""
    assert board.sheet.id is not None and unit.id is not None
    found = await uow.scoring_reports.assessment(board.sheet.id, unit.id, for_update=True)
    if found is None or found.status != SUBMITTED:
        raise NotSubmitted(unit.code)
    return found


async def set_checks(uow: UnitOfWork, board: ScoreBoard, unit: Unit,
                     checks: Sequence[tuple[str, Decimal | None, str | None]], now: datetime,
                     actor: str) -> list[Change]:
    """Checked scores of several criteria (code, score or None to clear, reason); those that change
    anything are saved and audited, and returned."""
    assessment = await locked_assessment(uow, board, unit)
    changes: list[Change] = []
    for code, score, reason in checks:
        criterion = board.criterion(code)
        assert criterion is not None, code
        mark = board.mark(unit, criterion.code)
        line = board.line(unit, criterion.code)
        if (mark.checked, line.check_reason if line else None) == (score, reason):
            continue
        _line, old, _old_reason = await uow.scoring_reports.set_check(assessment, criterion.code, score, reason, now)
        uow.audit.record(now, actor, "check_score", board.block_id, unit=unit.code, criterion=criterion.code,
                         self_score=_text(mark.self_score), old=_text(old), new=_text(score), reason=reason)
        changes.append(Change(criterion.code, criterion.text, mark.self_score, old, score, reason))
    return changes


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


async def contacts_of(uow: UnitOfWork, block_id: int, unit_id: int | None, actor: str | None = None) -> list[Contact]:
    """Who hears of what happens to a unit's sheet: its contacts and, for the head unit, its staff who are the
    secretariat (they score it), except the person who did it (`actor`, "contact:<id>")."""
    return [c for c in await uow.directory.active_contacts(block_id)
            if acts_for_unit(c) and c.unit_id == unit_id and actor != f"contact:{c.id}"]


def changes_since(board: ScoreBoard, unit: Unit, before: dict[str, Decimal | None]) -> list[Change]:
    """What differs now from the checked scores a chat session started with (code → checked score)."""
    changes = []
    for c in board.criteria:
        if c.code not in before:
            continue
        mark, line = board.mark(unit, c.code), board.line(unit, c.code)
        if mark.checked != before[c.code]:
            changes.append(Change(c.code, c.text, mark.self_score, before[c.code], mark.checked,
                                  line.check_reason if line else None))
    return changes


def change_line(t: Catalog, change: Change) -> str:
    own = show(change.self_score if change.self_score is not None else Decimal(0))
    if change.after is None:
        return t("sca.change_cleared", code=change.code, text=change.text, own=own)
    if not Mark(change.self_score, change.after).changed:
        return t("sca.change_agreed", code=change.code, text=change.text, own=own)
    return t("sca.change_line", code=change.code, text=change.text, own=own, checked=show(change.after),
             reason=change.reason or "")


def news(changes: list[Change]) -> list[Change]:
    """The changes worth telling: a score confirmed as the unit gave it, before and after, is none."""
    return [c for c in changes if Mark(c.self_score, c.before).changed or Mark(c.self_score, c.after).changed]


async def tell_changes(uow: UnitOfWork, board: ScoreBoard, unit: Unit, changes: list[Change], tell: Tell,
                       actor: str | None = None) -> int:
    """Tell the unit's contacts what the cross-check changed (a score confirmed as it was is no news);
    returns how many were told. `board` must be read after the changes."""
    changes = news(changes)
    if not changes:
        return 0
    contacts = await contacts_of(uow, board.block_id, unit.id, actor)
    own, final = board.totals(unit, "self").total, board.totals(unit).total
    block, name = board.block, unit.name

    def notice(t: Catalog) -> str:
        lines = [t("sca.notice_checked", block=block, unit=name), *(change_line(t, c) for c in changes),
                 t("sca.notice_total", final=show(final), own=show(own))]
        return "\n".join(lines)

    await tell(contacts, notice)
    return len(contacts)


async def reopen(uow: UnitOfWork, board: ScoreBoard, unit: Unit, reason: str, now: datetime, actor: str) -> int:
    """The submitted self-assessment back to a draft the unit edits, through the unit conversation's own
    `reopen` (audit, the unit's contacts told through the outbox); returns how many contacts were told."""
    assessment = await locked_assessment(uow, board, unit)
    assert assessment.id is not None
    if await reopen_assessment(uow, assessment.id, reason, actor, now) is None:
        raise NotSubmitted(unit.code)
    return len(await contacts_of(uow, board.block_id, unit.id, actor))


async def reopen_assessment(uow: UnitOfWork, assessment_id: int, reason: str, actor: str,
                            now: datetime) -> SelfAssessment | None:
    """The secretariat reopens a submitted self-assessment: a draft the unit edits and submits again.

    None when there is no such assessment or it is not submitted. `reason` (required, ≤ 300 characters)
    is shown to the unit; `actor` is the audit log's ("contact:<id>" or "operator"). The unit's contacts
    are told through the outbox, each in its chat's language. When and by whom it was submitted, and
    its late flag, stay until it is submitted again.
    """
    text = clean_text(reason)
    if not 1 <= len(text) <= REASON_MAX:
        raise ValueError("a reason of 1 to 300 characters is required")
    a = await uow.scoring.lock_by_id(assessment_id)
    if a is None or a.status != SUBMITTED:
        return None
    sheet = await uow.scoring.sheet(a.sheet_id)
    term = await uow.directory.term_by_id(sheet.term_id) if sheet is not None else None
    unit = await uow.directory.unit(a.unit_id)
    assert term is not None and unit is not None
    await uow.scoring.mark_reopened(a, text)
    uow.audit.record(now, actor, "reopen_assessment", term.block_id, assessment_id=a.id, unit_id=a.unit_id,
                     reason=text)
    contacts = await contacts_of(uow, term.block_id, a.unit_id, actor)
    tell = await outbox_teller(uow, now)
    await tell(contacts, lambda tr: tr("score.notice_reopened", unit=unit.name, reason=text))
    return a
