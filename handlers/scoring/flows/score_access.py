"""Who scores what: an active contact of an active unit, against the active sheet of its block's current
term, while the unit's self-assessment is still a draft. Checked again at every step (`guard`)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from handlers.core import people
from handlers.core.clock import format_local
from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.scoring.rules.scores import LineScore, Totals, show, totals
from storage.models import Contact, CriteriaSheet, Criterion, Term, Unit
from storage.scoring import SUBMITTED
from storage.scoring_rows import ScoreLine, SelfAssessment

BASE, BONUS, DEDUCTION = "base", "bonus", "deduction"


@dataclass
class Scorer:
    """What one step works with: the contact, the unit, the sheet and the unit's draft as stored now."""

    contact: Contact
    unit: Unit
    term: Term
    sheet: CriteriaSheet
    criteria: list[Criterion]
    assessment: SelfAssessment | None
    lines: dict[str, ScoreLine]
    locked: bool = False  # the draft is locked for this update, and `lines` were read under the lock

    @property
    def sheet_id(self) -> int:
        assert self.sheet.id is not None
        return self.sheet.id

    @property
    def unit_id(self) -> int:
        assert self.unit.id is not None
        return self.unit.id

    def criterion(self, code: str | None) -> Criterion | None:
        return next((c for c in self.criteria if c.code == code), None)

    def score(self, code: str) -> Decimal | None:
        line = self.lines.get(code)
        return line.self_score if line else None

    def answered(self, items: list[Criterion]) -> int:
        return sum(1 for c in items if self.score(c.code) is not None)

    def open_base(self) -> list[Criterion]:
        """Base criteria without a score: they must all be scored before submitting."""
        return [c for c in self.criteria if c.kind == BASE and self.score(c.code) is None]

    def first_open(self, items: list[Criterion] | None = None) -> Criterion | None:
        return next((c for c in (self.criteria if items is None else items) if self.score(c.code) is None), None)

    def neighbour(self, code: str, offset: int) -> Criterion | None:
        codes = [c.code for c in self.criteria]
        index = codes.index(code) + offset if code in codes else -1
        return self.criteria[index] if 0 <= index < len(codes) else None

    def sections(self) -> list[tuple[str, str, list[Criterion]]]:
        """(code, title, criteria) of the base sections, in sheet order."""
        found: dict[str, tuple[str, list[Criterion]]] = {}
        for c in self.criteria:
            if c.kind == BASE:
                found.setdefault(c.section_code, (c.section_title, []))[1].append(c)
        return [(code, title, items) for code, (title, items) in found.items()]

    def of_kind(self, kind: str) -> list[Criterion]:
        return [c for c in self.criteria if c.kind == kind]

    def totals(self) -> Totals:
        return totals([LineScore(c.kind, c.section_code, self.score(c.code)) for c in self.criteria])

    def maximum(self, items: list[Criterion]) -> Decimal:
        return sum((c.max_score for c in items), Decimal(0))


async def load(ctx: Context, contact_id: int | None, lock: bool = False) -> Scorer | Reply:
    """The sender's unit contact, its unit, sheet and draft; a Reply saying why not when the sender may not
    score (no longer an active unit contact on this chat) or there is nothing to score.
    `lock`: the draft (if the unit has started) is locked right away, for a step that is about to write."""
    t, incoming, scoring = ctx.t, ctx.incoming, ctx.uow.scoring
    expected = ctx.data.get("sheet_id")
    if not contact_id:
        found = None
    elif lock and isinstance(expected, int):  # the lock comes with the first read, the lines after it
        found = await scoring.place_locking(contact_id, incoming.channel, incoming.user_id, expected)
    else:
        found = await scoring.place(contact_id, incoming.channel, incoming.user_id)
    contact, unit, term, sheet = found if found is not None else (None, None, None, None)
    if contact is None or not people.acts_for_unit(contact) or unit is None or unit.id is None or not unit.active:
        return Reply(t("score.not_allowed"))
    if term is None or sheet is None or sheet.id is None:
        return Reply(t("score.no_sheet"))
    assessment, criteria, lines = await scoring.draft(sheet.id, unit.id)
    if lock and assessment is not None and not scoring.is_locked(assessment) and sheet.id == expected:
        assessment = await scoring.lock_existing(sheet.id, unit.id)  # the unit started a moment ago
        lines = await scoring.lines(assessment.id) if assessment is not None and assessment.id is not None else {}
    locked = lock and assessment is not None and scoring.is_locked(assessment)
    return Scorer(contact, unit, term, sheet, criteria, assessment, lines, locked=locked)


async def guard(ctx: Context, lock: bool = False) -> Scorer | Reply:
    """The sender still scores for the unit, on the same sheet, and the draft is not submitted; otherwise
    the flow ends and the reply says why. `lock` for the steps whose answers are written."""
    found = await load(ctx, ctx.data.get("contact_id"), lock)
    if isinstance(found, Reply):
        ctx.end()
        return found
    if found.sheet_id != ctx.data.get("sheet_id"):
        ctx.end()
        return Reply(ctx.t("score.sheet_changed"))
    if found.assessment is not None and found.assessment.status == SUBMITTED:
        ctx.end()
        return await locked(ctx, found)
    return found


async def locked(ctx: Context, s: Scorer) -> Reply:
    """The unit has submitted: nothing changes until the secretariat reopens the sheet."""
    a = s.assessment
    assert a is not None and a.submitted_at is not None
    who = await ctx.uow.directory.contact(a.submitted_by) if a.submitted_by is not None else None
    return Reply(ctx.t("score.locked", unit=s.unit.name, at=format_local(a.submitted_at),
                       name=who.full_name if who else "?", total=show(s.totals().total)))


async def name_of(ctx: Context, contact_id: int | None) -> str:
    who = await ctx.uow.directory.contact(contact_id) if contact_id is not None else None
    return who.full_name if who else "?"


async def unit_contacts(ctx: Context) -> list[Contact]:
    """The sender's registrations that score for a unit (a person may be a contact in several blocks)."""
    return [c for c in await ctx.registrations() if people.acts_for_unit(c)]


async def pick_label(ctx: Context, contact: Contact) -> str:
    return ctx.t("score.pick_label", unit=await people.unit_name(ctx, contact.unit_id),
                 block=await people.block_name(ctx, contact.block_id))
