"""bot/collector.py: the objects of start-up leave the collections, which run less often."""

from __future__ import annotations

import gc

from bot import collector


def test_tune_freezes_what_exists_and_raises_the_thresholds() -> None:
    before = gc.get_threshold()
    survivor = [object() for _ in range(10)]  # alive at "start-up"
    try:
        collector.tune()
        assert gc.get_threshold() == collector.THRESHOLDS
        assert gc.get_freeze_count() >= len(survivor)
        assert collector.THRESHOLDS[0] > 700  # Python's default
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
