"""The vote's messages as the flows compose them, asked of the catalog: the poll's settings, the summary before
saving, the result, the menus. Tests build whole expected messages from these, so a text corrected in a .ftl
file breaks no test while a message composed wrongly (a line lost, the wrong order) still does."""

from __future__ import annotations

from typing import Any

from handlers.core.catalog import text

KINDS = ("flag", "certificate", "head", "deputy", "custom")


def menu(*labels: str, zalo: bool = False) -> str:
    """The buttons under a text: `[1] …` in the sandbox; on Zalo `1. …` after an empty line."""
    if zalo:
        return "\n" + "\n".join(f"{i}. {label}" for i, label in enumerate(labels, 1))
    return "\n".join(f"[{i}] {label}" for i, label in enumerate(labels, 1))


def action(name: str, **values: Any) -> str:
    """A button's label: `action("save")` is «💾 Lưu (chưa mở)»."""
    return text(f"poll.action.{name}", **values)


def kind(name: str) -> str:
    return text(f"poll.kind.{name}")


def ask_kind(zalo: bool = False) -> str:
    """«Chuẩn bị phiếu bầu mới. Bầu chọn nội dung gì?» with the kinds and «« Quay lại»."""
    return text("poll.ask_kind") + "\n" + menu(*(kind(k) for k in KINDS), action("back"), zalo=zalo)


def settings(kind_name: str, question: str, candidates: list[str], seats: int = 1, most: int = 1,
             self_ok: bool = True, threshold: int = 50, quorum: str = "2/3", minutes: int = 0, place: str = "",
             blank_valid: bool = True) -> str:
    """The poll's settings as the summary and the poll's page show them (handlers/voting/setup.py)."""
    limit = text("poll.limit.minutes", minutes=minutes) if minutes else text("poll.limit.none")
    return "\n".join([
        text("poll.settings.head", kind=kind(kind_name), question=question),
        text("poll.settings.candidates", count=len(candidates)),
        *(text("poll.settings.candidate", n=n, unit=unit) for n, unit in enumerate(candidates, 1)),
        text("poll.settings.rules", seats=seats, max_choices=most, threshold=threshold, quorum=quorum,
             self_rule=text("poll.self.yes" if self_ok else "poll.self.no")),
        text("poll.blank.valid" if blank_valid else "poll.blank.invalid"),
        text("poll.settings.when", limit=limit, place=place or text("poll.place.none"))])


def summary(body: str, self_ok: bool = True, zalo: bool = False, blank_valid: bool = True) -> str:
    """«Kiểm tra phiếu bầu trước khi lưu:», the settings, and the summary's buttons."""
    edits = [action(f"e.{e}") for e in ("question", "candidates", "seats", "max", "threshold", "quorum", "time",
                                        "place")]
    actions = [action("save"), action("save_open"), *edits[:5],
               action("forbid_self" if self_ok else "allow_self"),
               action("blank_invalid" if blank_valid else "blank_valid"), *edits[5:], action("drop_draft")]
    return f"{text('poll.summary_header')}\n\n{body}\n{menu(*actions, zalo=zalo)}"


def page(poll_id: int, status: str, *parts: str) -> str:
    """A poll's page: its header with the status («open», «closed», «draft»), then its parts."""
    return "\n\n".join([text("poll.page_header", id=poll_id, status=text(f"poll.status.{status}")), *parts])


def opened(poll_id: int, question: str, ballots: int, members: int, until: str = "") -> str:
    """«🟢 Đã mở phiếu bầu #…», with the time it closes by itself when it has a time limit."""
    return text("poll.opened", id=poll_id, question=question, ballots=ballots, members=members,
                until=text("poll.opened_until", at=until) if until else "")


def result_line(n: int, unit: str, votes: int, pct: str, mark: str = "") -> str:
    """One candidate's line of the result; `mark` is «elected» or «tied»."""
    return text("poll.result_line", n=n, unit=unit, votes=votes, pct=pct,
                mark=text(f"poll.mark_{mark}") if mark else "").rstrip()


def result(poll_id: int, block: str, question: str, *, members: int, returned: int, turnout: str, valid: int,
           invalid: int, blank: int, lines: list[str], threshold: int = 50, seats: int = 1,
           blank_valid: bool = True, tail: list[str] | None = None) -> str:
    """The count as every contact gets it (handlers/voting/result_text.py); `tail` are the lines after the
    candidates' (who is elected, the tie), `lines` the candidates' (`result_line`)."""
    return "\n".join([text("poll.result_header", id=poll_id, block=block, question=question),
                      text("poll.result_turnout", members=members, returned=returned, turnout=turnout, valid=valid,
                           invalid=invalid, blank=blank),
                      text("poll.blank.valid" if blank_valid else "poll.blank.invalid"),
                      text("poll.result_rule", threshold=threshold, seats=seats), *lines, *(tail or [])])


def notice(question: str, block: str, unit: str, seats: int, most: int, closes: str = "") -> str:
    """The ballot's notice to a unit's contact (without its «Mở phiếu bầu» button)."""
    return text("vote.notice", question=question, block=block, unit=unit, seats=seats, max=most,
                closes=text("vote.notice_closes", at=closes) if closes else "")


def ballot(question: str, unit: str, names: list[str], chosen: list[int], seats: int = 2, most: int = 2,
           no_self: bool = False, zalo: bool = False) -> str:
    """The ballot as handlers/voting/flows/ballot.py draws it: `chosen` are positions on the ballot."""
    picked = [names[i - 1] for i in sorted(chosen)]
    lines = [text("vote.ballot", question=question, unit=unit, seats=seats, max=most),
             *([text("vote.ballot_no_self")] if no_self else []),
             text("vote.chosen", count=len(picked), max=most, names=", ".join(picked)) if picked
             else text("vote.chosen_none"),
             text("vote.ballot_hint")]
    marks = [text("vote.mark_on" if i in chosen else "vote.mark_off", name=name) for i, name in enumerate(names, 1)]
    buttons = [*marks, text("vote.review_button"), text("vote.blank_button"), text("vote.later")]
    return "\n".join(lines) + "\n" + menu(*buttons, zalo=zalo)


def review(question: str, unit: str, names: list[str], chosen: list[int], blank_valid: bool = True,
           zalo: bool = False) -> str:
    """«Mời kiểm tra lại phiếu bầu»: the chosen units (or the blank ballot's rule), then confirm, edit, later."""
    body = ("\n".join(text("vote.review_line", position=p, name=names[p - 1]) for p in sorted(chosen)) if chosen
            else text("vote.review_blank") + "\n" + text("poll.blank.valid" if blank_valid else "poll.blank.invalid"))
    return (text("vote.review", question=question, unit=unit, choices=body) + "\n"
            + menu(text("vote.confirm"), text("vote.edit"), text("vote.later"), zalo=zalo))
