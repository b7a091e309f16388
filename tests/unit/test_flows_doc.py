"""docs/flows.md names the steps exactly as the code does: the scoring diagrams have a state for every
step constant of their flow, and no state the code does not have."""

from __future__ import annotations

import re

import pytest

from handlers import (
    scoring_admin,
    scoring_admin_check,
    scoring_admin_reopen,
    scoring_admin_view,
    scoring_steps,
    submissions,
)
from tests.conftest import ROOT

_EDGE = re.compile(r"^\s*(\[\*\]|\w+)\s*-->\s*(\[\*\]|\w+)\s*(?::|$)", re.M)


def states(flow: str) -> set[str]:
    """The states of the diagram in the section whose title names `flow` (as "flow `name`")."""
    text = ROOT.joinpath("docs", "flows.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", text, flags=re.M)
    [section] = [s for s in sections if s.splitlines()[0].endswith(f"flow `{flow}`)")]
    diagram = section.split("```mermaid", 1)[1].split("```", 1)[0]
    return {name for edge in _EDGE.findall(diagram) for name in edge} - {"[*]"}


@pytest.mark.parametrize(("flow", "steps"), [
    (scoring_steps.FLOW, {scoring_steps.PICK, scoring_steps.OVERVIEW, scoring_steps.SCORE, scoring_steps.EXPLAIN,
                          scoring_steps.EVIDENCE, scoring_steps.GOTO, scoring_steps.REVIEW, scoring_steps.CONFIRM}),
    (scoring_admin.FLOW, {scoring_admin_view.OVERVIEW, scoring_admin.EXPORT_PICK, *scoring_admin_check.STEPS,
                          *scoring_admin_reopen.STEPS}),
    (submissions.FLOW, {submissions.PICK, submissions.THEME, submissions.THEME_CONFIRM, submissions.BY_SCORING,
                        submissions.METHOD, submissions.FILE, submissions.FILE_CONFIRM, submissions.DISPATCH_NO,
                        submissions.DISPATCH_DATE, submissions.DISPATCH_CONFIRM}),
])
def test_the_diagram_has_exactly_the_flows_steps(flow: str, steps: set[str]) -> None:
    assert states(flow) == steps
