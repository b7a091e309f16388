"""Python's garbage collector, tuned for the long-running bot.

Every update allocates thousands of short-lived objects (aiogram's models, SQLAlchemy's, the replies).
With the default thresholds a young collection runs every 700 allocations and, every few of those, an
older one walks every object made at start-up as well (aiogram's hundreds of classes, pydantic's
schemas, SQLAlchemy's metadata): the issue 4 benchmark found a quarter of an update's CPU there. So the
objects alive once the bot is built are frozen out of the collections, and collections run less often
(a few megabytes more of garbage between two, for a process that lives for months).
"""

from __future__ import annotations

import gc

THRESHOLDS = (10_000, 50, 50)  # allocations before a young collection; young ones before a middle one; …


def tune() -> None:
    """Call once the application is built, before it serves."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
