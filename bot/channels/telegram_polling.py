"""One long-poll request to the Bot API that survives updates aiogram cannot parse.

aiogram validates a whole `getUpdates` batch at once, so a single update it cannot read (a newer
Bot API field of an unexpected shape, a broken self-hosted server) would fail every request with the
same offset and wedge the bot forever. Here such a batch is re-read update by update and the
unreadable ones are skipped, with the offset moved past them.
"""

from __future__ import annotations

import logging
from typing import Any

from aiogram import Bot
from aiogram.exceptions import ClientDecodeError
from aiogram.methods import GetUpdates
from aiogram.types import Update
from pydantic import ValidationError

logger = logging.getLogger(__name__)

ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"]  # the last: a person blocks the bot


async def fetch_updates(bot: Bot, offset: int | None, poll_seconds: int) -> tuple[list[Update], int | None]:
    """Wait up to `poll_seconds` for updates; returns them and the offset confirming them."""
    method = GetUpdates(offset=offset, timeout=poll_seconds, allowed_updates=ALLOWED_UPDATES)
    # The HTTP request must outlive the long poll, or every quiet poll ends in a timeout error.
    request_timeout = int(bot.session.timeout) + poll_seconds
    try:
        updates = await bot(method, request_timeout=request_timeout)
    except ClientDecodeError as error:
        salvaged = _salvage(bot, error.data)
        if salvaged is None:
            raise
        updates, ids = salvaged
    else:
        ids = [update.update_id for update in updates]
    return updates, _next_offset(offset, ids)


def _salvage(bot: Bot, data: Any) -> tuple[list[Update], list[int]] | None:
    if not isinstance(data, dict) or data.get("ok") is not True or not isinstance(data.get("result"), list):
        return None
    updates: list[Update] = []
    ids: list[int] = []
    for raw in data["result"]:
        update_id = raw.get("update_id") if isinstance(raw, dict) else None
        if isinstance(update_id, int):
            ids.append(update_id)
        try:
            updates.append(Update.model_validate(raw, context={"bot": bot}))
        except ValidationError:
            logger.warning("Skipping a malformed Telegram update id=%s", update_id)
    return updates, ids


def _next_offset(offset: int | None, ids: list[int]) -> int | None:
    # max(), not the last id: a re-delivered older update must not move the offset backwards.
    candidates = [i + 1 for i in ids] + ([offset] if offset is not None else [])
    return max(candidates) if candidates else None
