"""docs/flows.md is checked against the flow registry: every registered flow has its diagram, whose states
are exactly the flow's steps (`Flow.steps`), and the document names no flow that is not registered."""

from __future__ import annotations

import re

import pytest

from handlers.features import FEATURES
from tests.conftest import ROOT

_EDGE = re.compile(r"^\s*(\[\*\]|\w+)\s*-->\s*(\[\*\]|\w+)\s*(?::|$)", re.M)
_FLOW = re.compile(r"flow `(\w+)`")


def _sections() -> dict[str, str]:
    """Each diagram, by the flow its section's title names."""
    text = ROOT.joinpath("docs", "flows.md").read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for section in re.split(r"^## ", text, flags=re.M)[1:]:
        names = _FLOW.findall(section.splitlines()[0])
        if names and "```mermaid" in section:
            diagram = section.split("```mermaid", 1)[1].split("```", 1)[0]
            found |= dict.fromkeys(names, diagram)
    return found


def states(diagram: str) -> set[str]:
    return {name for edge in _EDGE.findall(diagram) for name in edge} - {"[*]"}


@pytest.mark.parametrize("flow", sorted(FEATURES.flows))
def test_the_diagram_has_exactly_the_flows_steps(flow: str) -> None:
    diagrams = _sections()
    assert flow in diagrams, f"docs/flows.md has no diagram titled with flow `{flow}`"
    assert states(diagrams[flow]) == set(FEATURES.flows[flow].steps)


def test_the_document_names_only_registered_flows() -> None:
    assert set(_sections()) <= set(FEATURES.flows)


def test_the_edges_are_read() -> None:
    assert states("    [*] --> pick: /nop\n    pick --> theme: covenant\n    theme --> [*]\n") == {"pick", "theme"}
