"""How a poll and its count read in chat: the result every contact gets, the secretariat's extras.

Percentages are of all member units (DOMAIN.md), written the Vietnamese way (81,82 %) in Vietnamese.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from handlers.core.catalog import Catalog
from handlers.voting.rules.count import Count, percent
from storage.models_vote import Poll
from storage.uow import UnitOfWork

GLOBAL_POLL = "g.poll."  # buttons in a notice: valid whatever the chat's dialog version
MINUTES, RECEIPTS, RUNOFF = "minutes", "receipts", "runoff"
POLL_KIND_KEYS: Final = {
    "certificate": "poll.kind.certificate", "custom": "poll.kind.custom", "deputy": "poll.kind.deputy",
    "flag": "poll.kind.flag", "head": "poll.kind.head",
}
STATUS_KEYS: Final = {"closed": "poll.status.closed", "draft": "poll.status.draft", "open": "poll.status.open"}


def global_option(action: str, poll_id: int) -> str:
    return f"{GLOBAL_POLL}{action}.{poll_id}"


def parse_global(option: str) -> tuple[str, int] | None:
    """(action, poll id) of a `g.poll.<action>.<id>` option, None when it is not one."""
    action, _, tail = option.removeprefix(GLOBAL_POLL).partition(".")
    if not option.startswith(GLOBAL_POLL) or action not in (MINUTES, RECEIPTS, RUNOFF):
        return None
    if not (tail.isascii() and tail.isdecimal() and len(tail) <= 12):
        return None
    return action, int(tail)


def pct(t: Catalog, value: Decimal) -> str:
    text = f"{value:.2f}"
    return text.replace(".", ",") if t.lang == "vi" else text


async def unit_names(uow: UnitOfWork, block_id: int) -> dict[int, str]:
    """Every unit of the block, retired ones too: an old poll keeps its candidates' names."""
    return {u.id: u.name for u in await uow.directory.units(block_id, include_inactive=True) if u.id is not None}


def kind_label(t: Catalog, kind: str) -> str:
    return t(POLL_KIND_KEYS[kind])


def blank_rule(t: Catalog, blank_valid: bool) -> str:
    """The poll's rule for blank ballots in one line: the summary, the poll's page, the result."""
    return t("poll.blank.valid") if blank_valid else t("poll.blank.invalid")


def status_label(t: Catalog, poll: Poll) -> str:
    return t(STATUS_KEYS[poll.status])


def result_text(t: Catalog, poll: Poll, count: Count, names: dict[int, str], block: str) -> str:
    members = count.members
    lines = [t("poll.result_header", id=poll.id, question=poll.question, block=block),
             t("poll.result_turnout", returned=count.returned, members=members,
               turnout=pct(t, percent(count.returned, members)), blank=count.blank, valid=count.valid,
               invalid=count.invalid),
             blank_rule(t, count.blank_valid)]
    if not count.quorum_met:
        need = -(-members * poll.quorum_num // poll.quorum_den)  # ceiling
        lines.append(t("poll.result_no_quorum", returned=count.returned, need=need, members=members))
    lines.append(t("poll.result_rule", threshold=poll.threshold_pct, seats=poll.seats))
    for position, tally in enumerate(count.tallies, 1):
        mark = t("poll.mark_elected") if tally.elected else t("poll.mark_tied") if tally.tied else ""
        lines.append(t("poll.result_line", n=position, unit=names.get(tally.unit_id, "?"), votes=tally.votes,
                       pct=pct(t, tally.pct), mark=mark).rstrip())
    elected = [names.get(u, "?") for u in count.elected]
    if count.quorum_met:
        lines.append(t("poll.result_elected", units=", ".join(elected)) if elected else t("poll.result_none_elected"))
    if count.tied:
        lines.append(t("poll.result_tie", units=", ".join(names.get(u, "?") for u in count.tied),
                       seats=count.tied_seats))
    return "\n".join(lines)


def receipts_summary(t: Catalog, poll: Poll, count: int) -> str:
    """In chat: how many ballots were counted and, in one sentence, what a receipt is for; the list is a file."""
    return "\n".join((t("poll.receipts_counted", id=poll.id, count=count), t("poll.receipts_explain")))


def receipts_filename(poll_id: int) -> str:
    return f"ma-bien-nhan-phieu-{poll_id}.txt"


def receipts_file(t: Catalog, poll: Poll, hashes: list[str]) -> bytes:
    """The published list as a text file, one hash a line under a header, for a unit to search in."""
    return (receipts_text(t, poll, hashes) + "\n").encode("utf-8")


def receipts_text(t: Catalog, poll: Poll, hashes: list[str]) -> str:
    lines = [t("poll.receipts_header", id=poll.id, question=poll.question, count=len(hashes))]
    lines += hashes or [t("poll.receipts_none")]
    return "\n".join(lines)


def turnout_text(t: Catalog, voted: int, members: int) -> str:
    return t("poll.turnout", voted=voted, members=members)
