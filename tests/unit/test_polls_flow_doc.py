"""docs/flows.md draws the polls flow with the steps the code has: a state for every step, no other."""

from __future__ import annotations

import re

from handlers import polls_prepare, polls_view
from tests.conftest import ROOT

_EDGE = re.compile(r"^\s*(\[\*\]|\w+)\s*-->\s*(\[\*\]|\w+)\s*(?::|$)", re.M)


def test_the_diagram_has_every_step_and_no_other() -> None:
    text = ROOT.joinpath("docs", "flows.md").read_text(encoding="utf-8")
    [section] = [s for s in re.split(r"^## ", text, flags=re.M) if s.splitlines()[0].endswith("flow `polls`)")]
    diagram = section.split("```mermaid", 1)[1].split("```", 1)[0]
    drawn = {name for edge in _EDGE.findall(diagram) for name in edge} - {"[*]"}
    steps = {polls_view.LIST, polls_view.VIEW, polls_view.CONFIRM_OPEN, polls_view.CONFIRM_CLOSE, *polls_prepare.STEPS}
    assert drawn == steps
