"""Conversation bookkeeping: dialog states, processed updates, failed code attempts.

The only module that writes `dialog_state`: the dispatcher's own chat through `save`, other chats' menus
through `offer_menu` and `forget_selection` (a reminder's or a ballot's buttons, a closed poll's choices).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, exists, tuple_, update
from sqlalchemy import select as sa_select
from sqlmodel import col, delete, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from storage.models import ChatAccount, DialogState, FailedAttempt
from storage.prepared import Prepared, Updates
from storage.upsert import insert_ignore

_TABLE = DialogState.__table__  # type: ignore[attr-defined]
_KEY = (_TABLE.c.channel == bindparam("k_channel")) & (_TABLE.c.chat_id == bindparam("k_chat_id"))
_COLUMNS = ("flow", "step", "data", "choices", "version", "lang", "updated_at")
# The dispatcher reads and writes the chat's state on every update: statements run on the driver.
_ACCOUNTS = ChatAccount.__table__  # type: ignore[attr-defined]
# Whether the chat is marked unreachable (the person blocked the bot): read with the state, so the update
# that shows they are back clears the mark at no cost to every other update.
_UNREACHABLE = exists().where(_ACCOUNTS.c.channel == bindparam("k_channel"),
                              _ACCOUNTS.c.chat_id == bindparam("k_chat_id"), _ACCOUNTS.c.unreachable_since.is_not(None))
_STATE_FOR_UPDATE = Prepared(sa_select(*(_TABLE.c[name] for name in _COLUMNS), _UNREACHABLE.label("unreachable"))
                             .where(_KEY).with_for_update(of=_TABLE))
_SAVES = Updates(_TABLE, _KEY)


@dataclass
class ChatState:
    """A chat's place in its conversation, as one update sees and changes it (the `dialog_state` row)."""

    channel: str
    chat_id: str
    flow: str | None = None
    step: str | None = None
    data: dict[str, Any] = field(default_factory=dict)
    choices: list[list[str]] = field(default_factory=list)
    version: int = 0
    lang: str = "vi"
    updated_at: datetime | None = None
    unreachable: bool = False  # the chat was marked unreachable (read only: `Directory.set_unreachable` writes it)
    _loaded: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def changed(self) -> dict[str, Any]:
        """The columns to write: what differs from the row as read (all of them for a new state)."""
        values = {name: getattr(self, name) for name in _COLUMNS}
        if not self._loaded:
            return values
        return {name: value for name, value in values.items() if _snapshot(value) != self._loaded.get(name)}

    def mark_saved(self) -> None:
        self._loaded = {name: _snapshot(getattr(self, name)) for name in _COLUMNS}


def _snapshot(value: Any) -> Any:
    """Dicts and lists by content, so a change made in place is seen too."""
    return json.dumps(value, sort_keys=True, default=str) if isinstance(value, dict | list) else value


class Dialogs:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def load_for_update(self, channel: str, chat_id: str, now: datetime) -> ChatState:
        """The chat's state, locked for this transaction (a row lock on PostgreSQL; SQLite's
        BEGIN IMMEDIATE already serialises writers). Created on the chat's first update only, so
        every later update costs one statement here."""
        params = {"k_channel": channel, "k_chat_id": chat_id}
        row = await _STATE_FOR_UPDATE.first(self.session, params)
        if row is None:
            await insert_ignore(  # a race with another worker's first update of the chat is harmless
                self.session,
                DialogState,
                {"channel": channel, "chat_id": chat_id, "data": {}, "choices": [], "version": 0,
                 "lang": "vi", "updated_at": now},
            )
            row = await _STATE_FOR_UPDATE.first(self.session, params)
            assert row is not None
        state = ChatState(channel, chat_id, **dict(zip(_COLUMNS, row[:-1], strict=True)), unreachable=bool(row[-1]))
        state.mark_saved()
        return state

    async def get(self, channel: str, chat_id: str) -> DialogState | None:
        """Another chat's state, to read (its language, say). The acting chat's state is the update's
        `ChatState`, which the dispatcher saves: an ORM change to that chat's row here would be flushed
        after it and undo it."""
        return await self.session.get(DialogState, (channel, chat_id))

    async def langs(self, chats: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """The language each of these chats uses (chats never seen are absent)."""
        if not chats:
            return {}
        stmt = select(DialogState.channel, DialogState.chat_id, DialogState.lang).where(
            tuple_(col(DialogState.channel), col(DialogState.chat_id)).in_(chats))
        return {(ch, chat): lang for ch, chat, lang in (await self.session.exec(stmt)).all()}

    async def save(self, state: ChatState) -> None:
        """Write what the update changed in the chat's state (read by `load_for_update`, so the row exists)."""
        values = state.changed()
        if not values:
            return
        await _SAVES.of(frozenset(values)).execute(
            self.session, {"k_channel": state.channel, "k_chat_id": state.chat_id, **values})
        state.mark_saved()

    async def offer_menu(self, chats: Sequence[tuple[str, str]], choices: list[list[str]], now: datetime,
                         skip_busy: bool) -> None:
        """Make `choices` the current menu of the idle chats among `chats` (no flow under way), so a typed number
        picks from it. No new version: older buttons stay usable. With `skip_busy`, chats whose row an update in
        flight holds are skipped rather than waited for: waiting on other chats' rows while holding our own
        could deadlock (the ballot's notice; those chats still have /bophieu)."""
        connection = await self.session.connection()
        for start in range(0, len(chats), 500):
            chunk = list(chats[start:start + 500])
            key = tuple_(col(DialogState.channel), col(DialogState.chat_id))
            if skip_busy:
                idle = (sa_select(col(DialogState.channel), col(DialogState.chat_id))
                        .where(key.in_(chunk), col(DialogState.flow).is_(None))
                        .with_for_update(skip_locked=True))
                stmt: Any = update(DialogState).where(key.in_(idle)).values(choices=choices, updated_at=now)
            else:
                stmt = (update(DialogState).where(key.in_(chunk), col(DialogState.flow).is_(None))
                        .values(choices=choices, updated_at=now))
            await connection.execute(stmt)

    async def forget_selection(self, flow: str, key: str, value: int, selection: str,
                               keep: tuple[str, str] | None) -> int:
        """Drop the data's `selection` of the chats in `flow` whose data has `key` == `value`, and the labels of
        their pending menu (a ballot of a closed poll still being filled in: a choice never confirmed must not
        stay beside its chat after the count). The flow and the option ids stay, so a late press still learns
        what happened. `keep` is the chat of the update doing it (the dispatcher saves its own state). Busy
        chats are skipped, as in `offer_menu`; their next step finds out and ends the flow."""
        connection = await self.session.connection()
        found = (sa_select(col(DialogState.channel), col(DialogState.chat_id), col(DialogState.data),
                           col(DialogState.choices))
                 .where(col(DialogState.flow) == flow).with_for_update(skip_locked=True))
        forgotten = 0
        for channel, chat, data, choices in (await connection.execute(found)).all():
            if not isinstance(data, dict) or data.get(key) != value or (channel, chat) == keep:
                continue
            stmt: Any = (update(DialogState)
                         .where(col(DialogState.channel) == channel, col(DialogState.chat_id) == chat)
                         .values(data={k: v for k, v in data.items() if k != selection},
                                 choices=[[item[0], ""] for item in choices or [] if item]))
            await connection.execute(stmt)
            forgotten += 1
        return forgotten

    async def recent_failures(self, channel: str, chat_id: str, since: datetime) -> list[datetime]:
        stmt = (
            select(FailedAttempt.at)
            .where(FailedAttempt.channel == channel, FailedAttempt.chat_id == chat_id, FailedAttempt.at >= since)
            .order_by(col(FailedAttempt.at))
        )
        return list((await self.session.exec(stmt)).all())

    async def add_failure(self, channel: str, chat_id: str, at: datetime) -> None:
        self.session.add(FailedAttempt(channel=channel, chat_id=chat_id, at=at))

    async def prune(self, before: datetime) -> int:
        """Forget failed code attempts older than `before` (the inbox forgets its updates itself)."""
        column = col(FailedAttempt.at)
        count = await self.session.exec(select(func.count()).select_from(FailedAttempt).where(column < before))
        await (await self.session.connection()).execute(delete(FailedAttempt).where(column < before))
        return int(count.one())
