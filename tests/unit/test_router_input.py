"""handlers/router.resolve_input: a button press or a typed number/label becomes an option id."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.core.clock import FrozenClock
from handlers.core.context import Context, HandlerConfig
from handlers.core.messages import Incoming
from handlers.core.router import resolve_input
from handlers.features import FEATURES
from storage.dialogs import ChatState
from storage.uow import UnitOfWork

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
PENDING = [["yes", "Đồng ý"], ["no", "Không"], ["cancel", "Hủy"]]


def make_ctx(text: str | None = None, option: str | None = None, version: int | None = None,
             choices: list[list[str]] | None = None, state_version: int = 4) -> Context:
    state = ChatState(channel="sandbox", chat_id="c1", flow="register", step="confirm",
                        choices=PENDING if choices is None else choices, version=state_version, updated_at=NOW)
    incoming = Incoming(channel="sandbox", chat_id="c1", user_id="u1", update_id="1", text=text, option=option,
                        version=version)
    # resolve_input reads only the update and the state, so no unit of work is needed
    return Context(incoming=incoming, state=state, uow=cast(UnitOfWork, None), clock=FrozenClock(NOW),
                   config=HandlerConfig(secret=b"k", features=FEATURES))


@pytest.mark.parametrize(
    ("typed", "option"),
    [("1", "yes"), ("2", "no"), (" 3 ", "cancel"), ("03", "cancel"), ("２", "no"), ("٣", "cancel")],
)
def test_typed_number_picks_the_option(typed: str, option: str) -> None:
    ctx = make_ctx(text=typed)
    assert resolve_input(ctx) is True
    assert ctx.option == option
    assert ctx.text is None


@pytest.mark.parametrize(
    ("typed", "option"),
    [("Đồng ý", "yes"), ("đồng ý", "yes"), ("ĐỒNG Ý", "yes"), ("  không ", "no"), ("hủy", "cancel")],
)
def test_typed_label_in_any_case_picks_the_option(typed: str, option: str) -> None:
    ctx = make_ctx(text=typed)
    assert resolve_input(ctx) is True
    assert ctx.option == option


@pytest.mark.parametrize("typed", ["0", "4", "99", "-1", "1.5", "Đồng", "có", "²", "0" * 5000, "1" * 4301])
def test_other_text_stays_text(typed: str) -> None:
    ctx = make_ctx(text=typed)
    assert resolve_input(ctx) is True
    assert ctx.option is None
    assert ctx.text == typed


def test_number_without_a_menu_is_text() -> None:
    ctx = make_ctx(text="1", choices=[])
    assert resolve_input(ctx) is True
    assert (ctx.option, ctx.text) == (None, "1")


def test_blank_text_is_nothing() -> None:
    for blank in ("", "   ", None):
        ctx = make_ctx(text=blank)
        assert resolve_input(ctx) is True
        assert (ctx.option, ctx.text) == (None, None)


def test_button_of_the_current_version_is_the_option() -> None:
    ctx = make_ctx(option="no", version=4)
    assert resolve_input(ctx) is True
    assert (ctx.option, ctx.text) == ("no", None)


@pytest.mark.parametrize(("option", "version"), [("yes", 3), ("yes", 5), ("yes", None), ("zzz", 4), ("m.revoke", 4)])
def test_stale_or_unknown_button_is_refused(option: str, version: int | None) -> None:
    ctx = make_ctx(option=option, version=version)
    assert resolve_input(ctx) is False
    assert ctx.option is None


@given(st.one_of(st.text(max_size=30), st.text(alphabet=st.characters(categories=["Nd", "No"]), max_size=5000)))
def test_any_text_resolves_to_a_pending_option_or_stays_text(text: str) -> None:
    ctx = make_ctx(text=text)
    assert resolve_input(ctx) is True
    assert (ctx.option is None) != (ctx.text is None) or not text.strip()
    if ctx.option is not None:
        assert ctx.option in {item[0] for item in PENDING}
