"""When the block's group hears the turnout of an open poll: counts only, never which unit voted.

The opening post says how many units vote. After it, a post is due when the count has grown since the
last one and either the quorum has just been reached (it says so at once) or `EVERY` has passed since the
last post (or the opening). Never once every unit has voted: the poll closes and the result follows. So a
group gets at most one turnout post each ten minutes plus the quorum's, far under Telegram's 20 a minute.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final

from handlers.voting.rules.count import quorum_met

EVERY: Final = timedelta(minutes=10)
QUORUM, PROGRESS = "quorum", "progress"


def turnout_post(voted: int, members: int, posted: int, last_post: datetime, now: datetime,
                 quorum: tuple[int, int]) -> str | None:
    """QUORUM or PROGRESS when the group should hear `voted`/`members` now; None otherwise."""
    if members <= 0 or voted <= posted or voted >= members:
        return None
    num, den = quorum
    if num > 0 and quorum_met(voted, members, num, den) and not quorum_met(posted, members, num, den):
        return QUORUM
    if now - last_post >= EVERY:
        return PROGRESS
    return None
