"""The term: the block file that sets a year up, and the handover to the next year's term."""

from __future__ import annotations

from handlers.core.context import Feature, Flow
from handlers.term.flows import handover

FEATURE = Feature(
    "term",
    commands={"bangiao": handover.command},
    flows=(Flow(handover.FLOW, handover.ask, handover.answer, handover.STEPS),),
)
