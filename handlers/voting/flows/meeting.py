"""`/manhinh`: the secretariat (or the observer) gets the projector link of the meeting screen.

The link carries a token derived from the secret key and the term id, like the invite codes: nothing
is stored, every worker computes the same token, and rotating the secret key retires every link.
The page itself (bot/web/) shows only the turnout while a poll is open and the count after the close.
"""

from __future__ import annotations

import hashlib
import hmac

from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.core.roles import ROLE_OBSERVER, ROLE_SECRETARIAT

TOKEN_CHARS = 32  # hex: 128 bits


def screen_token(secret: bytes, term_id: int) -> str:
    return hmac.new(secret, f"meeting-screen:{term_id}".encode(), hashlib.sha256).hexdigest()[:TOKEN_CHARS]


def token_matches(secret: bytes, term_id: int, token: str) -> bool:
    """Constant-time, so the page cannot be found by timing guesses."""
    return hmac.compare_digest(screen_token(secret, term_id).encode(), token.encode("utf-8", "replace"))


def screen_path(secret: bytes, term_id: int) -> str:
    return f"/man-hinh/{term_id}/{screen_token(secret, term_id)}"


def screen_url(base: str, secret: bytes, term_id: int) -> str:
    return base.rstrip("/") + screen_path(secret, term_id)


async def command(ctx: Context, _arg: str) -> list[Reply]:
    """One link per block the sender runs or observes (usually one)."""
    staff = [c for c in await ctx.registrations() if c.role in (ROLE_SECRETARIAT, ROLE_OBSERVER)]
    if not staff:
        return [Reply(ctx.t("meeting.not_allowed"))]
    lines: list[str] = []
    for block_id in dict.fromkeys(c.block_id for c in staff):
        block = await ctx.uow.directory.block(block_id)
        term = await ctx.uow.directory.current_term(block_id)
        if block is None or term is None or term.id is None:
            continue
        url = screen_url(ctx.config.public_url, ctx.config.secret, term.id)
        lines.append(ctx.t("meeting.link", block=block.name, year=term.year, url=url))
    if not lines:
        return [Reply(ctx.t("meeting.no_term"))]
    return [Reply("\n\n".join([*lines, ctx.t("meeting.link_note")]))]
