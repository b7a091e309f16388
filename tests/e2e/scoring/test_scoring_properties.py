"""Arbitrary text, numbers, button presses (current, stale, made up) and files at every step of the scoring
conversation: never a crash, every reply a catalog text, and never a score out of its range or off the
sheet's step stored — nor an explanation too long."""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from bot.app import App
from bot.channels.sandbox import Sandbox
from handlers.core.catalog import EN, VI, text
from storage.models import Assessment, AssessmentLine, CriteriaSheet, Criterion, DialogState, Unit
from tests.e2e.scoring.test_scoring_sandbox import register, typed
from tests.helpers import codes, import_sample_sheet

STEPS = ("overview", "score", "explain", "evidence", "goto", "review", "confirm")


def _template_regex(template: str) -> str:
    return "(?s:.*?)".join(re.escape(p) for p in re.split(r"\{[^{}]*\}", template))


CATALOG_TEXT = re.compile(
    "(?:{0})(?:\n\n?(?:{0}))*".format("|".join(_template_regex(t) for t in [*VI.values(), *EN.values()])))

words = st.sampled_from([
    "", " ", "0", "1", "2", "3", "9", "10", "25", "26", "9,5", "9.5", "9,25", "-1", "+5", "0,0", "2.1", "T1", "d2",
    "tối đa", "TOI DA", "bỏ qua", "quay lại", "tổng quan", "tạm dừng", "chuyển tiêu chí", "xem lại", "Bỏ qua",
    text("score.opt_confirm"), text("score.opt_submit"), "/di", "/di 2.1", "/di T1", "/di zz", "/di " + "9" * 40,
    "/goto D2", "/chamdiem", "/chamdiem 3.1", "/huy", "/menu", "/lang en", "/lang vi", "/nop", "/xyz", "x" * 500,
    "x" * 501, "\x00", "0" * 5000, "1e3", "NaN", "½", "٣", "１０", "9,5,5", "[1]"])
numbers = st.from_regex(r"[+-]?\d{1,5}([.,]\d{1,4})?", fullmatch=True)
action = st.one_of(
    st.tuples(st.just("text"), st.one_of(st.text(max_size=60), words, numbers)),
    st.tuples(st.just("press"), st.integers(0, 11).map(str)),  # the n-th choice of the current menu
    st.tuples(st.just("stale"), st.sampled_from(["next", "review", "max", "zero", "skip", "submit", "confirm",
                                                 "s.I", "k.bonus", "clear", "back", "x" * 70])),
    st.tuples(st.just("file"), st.sampled_from(["minh-chung.pdf", "virus.exe", "huge.zip"])),
)
_people = itertools.count(1)


async def state_of(app: App, user: str) -> DialogState | None:
    async with app.uow() as uow:
        return await uow.session.get(DialogState, ("sandbox", Sandbox.chat_of(user)))


async def unlock(app: App) -> None:
    """The secretariat's reopening, so that a submission made by a random press does not end the test."""
    async with app.uow() as uow:
        for row in (await uow.session.exec(select(Assessment).where(Assessment.status == "submitted"))).all():
            submitted = await uow.scoring.assessment_by_id(row.id or 0)
            assert submitted is not None
            await uow.scoring.mark_reopened(submitted, "kiểm thử")
        await uow.commit()


async def fill_base(app: App) -> None:
    """Every base criterion scored, so that the confirmation step can be reached."""
    async with app.uow() as uow:
        sheet = (await uow.session.exec(select(CriteriaSheet))).one()
        unit = (await uow.session.exec(select(Unit).where(Unit.code == "YTE"))).one()
        assert sheet.id is not None and unit.id is not None
        draft = await uow.scoring.lock(sheet.id, unit.id, app.clock.now())
        lines = await uow.scoring.lines(draft.id or 0)
        for c in await uow.scoring.criteria(sheet.id):
            if c.kind == "base" and (c.code not in lines or lines[c.code].self_score is None):
                await uow.scoring.set_score(draft, c.code, c.max_score, app.clock.now(), None)
        await uow.commit()


async def reach(app: App, sb: Sandbox, user: str, target: str) -> None:
    """Valid input until the user's chat stands at `target`."""
    for _ in range(12):
        await unlock(app)
        state = await state_of(app, user)
        flow, step = (state.flow, state.step) if state else (None, None)
        if flow == "score" and step == target:
            return
        if state is not None and state.lang != "vi":
            await typed(sb, user, "/lang vi")
        elif flow != "score" or target == "overview":
            await typed(sb, user, "/chamdiem")
        elif target == "score" or (target in ("explain", "evidence") and step not in ("score", "explain")):
            await typed(sb, user, "/di 1.2")
        elif target in ("explain", "evidence") and step == "score":
            await typed(sb, user, "0")  # valid whatever the criterion
        elif target == "evidence" and step == "explain":
            await typed(sb, user, "Bỏ qua")
        elif target == "goto":
            await typed(sb, user, "/di")
        elif target in ("review", "confirm") and step != "review":
            await typed(sb, user, "/chamdiem")
            await typed(sb, user, text("score.opt_review"))
        elif target == "confirm":
            await fill_base(app)
            await typed(sb, user, text("score.opt_submit"))
        else:
            pytest.fail(f"cannot go on from {step} to {target}")
    pytest.fail(f"could not reach {target}")


async def act(app: App, sb: Sandbox, user: str, kind: str, value: str) -> None:
    if kind == "text":
        await typed(sb, user, value)
    elif kind == "file":
        mime = {"pdf": "application/pdf", "exe": "application/x-msdownload"}.get(value[-3:], "application/zip")
        await sb.send_file(user, value, mime, 100 * 1024 * 1024 if value.startswith("huge") else 50_000)
    else:
        state = await state_of(app, user)
        assert state is not None
        if kind == "press" and state.choices:
            await sb.press(user, state.choices[int(value) % len(state.choices)][0], state.version)
        else:
            await sb.press(user, value, max(0, state.version - 1 - int(kind == "press")))


async def assert_every_stored_line_valid(app: App) -> None:
    async with app.uow() as uow:
        sheet = (await uow.session.exec(select(CriteriaSheet))).one()
        criteria = {c.code: c for c in (await uow.session.exec(select(Criterion))).all()}
        lines = (await uow.session.exec(select(AssessmentLine))).all()
    for line in lines:
        c = criteria[line.criterion_code]
        if line.self_score is not None:
            assert Decimal(0) <= line.self_score <= c.max_score, (line.criterion_code, line.self_score)
            assert line.self_score % sheet.step == 0, (line.criterion_code, line.self_score)
        assert line.explanation is None or 1 <= len(line.explanation) <= 500
        assert (line.evidence_file_id is None) == (line.evidence_name is None)
        assert line.evidence_name is None or line.evidence_name.endswith(".pdf")


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=st.lists(action, min_size=len(STEPS) * 2, max_size=len(STEPS) * 2))
async def test_anything_at_every_step_never_breaks_scoring(
    app: App, block_id: int, sandbox: Sandbox, actions: list[tuple[str, str]]
) -> None:
    async with app.uow() as uow:
        fresh = (await uow.session.exec(select(CriteriaSheet))).first() is None
    if fresh:
        await import_sample_sheet(app, block_id)
    user = f"u{next(_people)}"
    await register(sandbox, user, (await codes(app, block_id))["YTE"], "Lê Thị An", f"0912 000 {next(_people):03d}")
    chat = Sandbox.chat_of(user)
    for target, (kind, value) in zip(STEPS * 2, actions, strict=True):
        await reach(app, sandbox, user, target)
        seen = len(sandbox.channel.delivered)
        await act(app, sandbox, user, kind, value)
        replies = [d.text for d in sandbox.channel.delivered[seen:] if d.chat_id == chat]
        assert replies, f"no answer to {kind} {value!r} at {target}"
        for reply in replies:
            assert reply not in (VI["internal_error"], EN["internal_error"]), (target, kind, value)
            assert CATALOG_TEXT.fullmatch(reply), (target, kind, value, reply)
        await assert_every_stored_line_valid(app)
    await typed(sandbox, user, "/lang vi")
