"""How the Telegram-style sandbox reads what is typed: a number presses the last prompt's button, except
at a step that asks for a number (`Reply.number_input`), where only `[n]` in brackets presses."""

from __future__ import annotations

import asyncio
import re

from hypothesis import given
from hypothesis import strategies as st

from bot.channels.sandbox import Sandbox, SandboxChannel
from handlers.core.messages import Choice, Incoming, Reply

CHOICES = tuple(Choice(f"o{i}", f"Mục {i}") for i in range(1, 7))


def sandbox_after(*replies: Reply, style: str = "telegram") -> Sandbox:
    async def handle(_incoming: Incoming) -> None:
        return None

    sb = Sandbox(handle, SandboxChannel(style=style))
    for reply in replies:
        asyncio.run(sb.channel.send(sb.chat_of("an"), reply, 7))
    return sb


MENU = sandbox_after(Reply("Menu", CHOICES))
SCORE = sandbox_after(Reply("Menu", CHOICES), Reply("Mời gõ điểm", CHOICES, number_input=True))
SCORE_THEN_NOTICE = sandbox_after(Reply("Mời gõ điểm", CHOICES, number_input=True), Reply("Thông báo"))
SCORE_NO_BUTTONS = sandbox_after(Reply("Menu", CHOICES), Reply("Mời gõ điểm", number_input=True))
ZALO = sandbox_after(Reply("Menu", CHOICES), style="zalo")


@given(st.text(max_size=12))
def test_at_a_number_step_only_a_bracketed_number_presses(said: str) -> None:
    for sb in (SCORE, SCORE_THEN_NOTICE, SCORE_NO_BUTTONS):
        got = sb.incoming("an", said)
        bracketed = re.fullmatch(r"\[(\d{1,2})\]?", said.strip())
        if got.option is None:
            assert got.text == said
        else:  # a press: the button's id and the dialog version, never the text
            assert bracketed is not None and sb is not SCORE_NO_BUTTONS
            assert got.option == CHOICES[int(bracketed.group(1)) - 1].id and got.version == 7
            assert got.text is None


@given(st.integers(min_value=0, max_value=99), st.booleans())
def test_at_a_menu_a_number_presses_its_button(n: int, brackets: bool) -> None:
    said = f"[{n}]" if brackets else str(n)
    got = MENU.incoming("an", said)
    if 1 <= n <= len(CHOICES):
        assert (got.option, got.version, got.text) == (CHOICES[n - 1].id, 7, None)
    else:
        assert (got.option, got.text) == (None, said)
    assert ZALO.incoming("an", said).text == said  # Zalo style: always text, the router maps it


@given(st.integers(min_value=0, max_value=99))
def test_at_a_number_step_a_bare_number_is_text(n: int) -> None:
    for sb in (SCORE, SCORE_THEN_NOTICE, SCORE_NO_BUTTONS):
        got = sb.incoming("an", f" {n} ")
        assert (got.option, got.text) == (None, f" {n} ")
