"""/kiemtra RECEIPT: is the ballot with this receipt in the count? It says only "counted as cast" (or "in
the box" while the poll is open), never what the ballot chose. Wrong codes count as failed attempts,
like invite codes, so receipts cannot be guessed at speed (not that a guessed one would tell anything)."""

from __future__ import annotations

import math
from datetime import timedelta

from handlers.core.clock import format_local
from handlers.core.context import Context
from handlers.core.messages import Reply
from handlers.voting.rules.vote_input import normalize_receipt
from storage.models_vote import CLOSED
from storage.votes import receipt_hash


async def command(ctx: Context, arg: str = "") -> list[Reply]:
    t, incoming = ctx.t, ctx.incoming
    regs = await ctx.registrations()
    if not regs:
        return [Reply(t("not_registered_any"))]
    if not arg.strip():
        return [Reply(t("vote.receipt_usage"))]
    window = timedelta(minutes=ctx.config.failed_code_window_minutes)
    failures = await ctx.uow.dialogs.recent_failures(incoming.channel, incoming.chat_id, ctx.now - window)
    if len(failures) >= ctx.config.max_failed_codes:
        wait = failures[-ctx.config.max_failed_codes] + window - ctx.now
        return [Reply(t("vote.receipt_throttled", minutes=max(1, math.ceil(wait.total_seconds() / 60))))]
    code = normalize_receipt(arg)
    digest = receipt_hash(code) if code else ""
    poll = await ctx.uow.votes.poll_of_receipt(digest) if code else None
    block_id = await ctx.uow.votes.block_of(poll) if poll is not None else None
    if poll is None or poll.id is None or block_id not in {c.block_id for c in regs}:
        await ctx.uow.dialogs.add_failure(incoming.channel, incoming.chat_id, ctx.now)
        key = "vote.receipt_malformed" if code is None else "vote.receipt_unknown"
        return [Reply(t(key))]
    if poll.status != CLOSED:
        return [Reply(t("vote.receipt_in_box", question=poll.question), secret=True)]
    count = len(await ctx.uow.polls.receipt_hashes(poll.id))
    return [Reply(t("vote.receipt_counted", question=poll.question, at=format_local(poll.closed_at or ctx.now),
                    count=count, hash=digest), secret=True)]
