"""A configured webhook secret must be one Telegram and Zalo both accept, or the start-up stops with a clear error."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from bot.settings import Settings

ALLOWED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"


@given(st.text(alphabet=ALLOWED, min_size=8, max_size=256))
def test_secrets_of_allowed_characters_are_kept(secret: str) -> None:
    settings = Settings(webhook_secret=secret, _env_file=None)  # type: ignore[call-arg]
    assert settings.webhook_secret is not None and settings.webhook_secret.get_secret_value() == secret


@pytest.mark.parametrize("secret", ["short", "có dấu-12345", "with space 123", "a/b+c=d12345", "x" * 257])
def test_a_secret_telegram_would_refuse_stops_the_start_up(secret: str) -> None:
    with pytest.raises(ValidationError, match="THIDUA_WEBHOOK_SECRET must be 8 to 256 characters"):
        Settings(webhook_secret=secret, _env_file=None)  # type: ignore[call-arg]
    with pytest.raises(ValidationError) as caught:
        Settings(webhook_secret=secret, _env_file=None)  # type: ignore[call-arg]
    assert secret not in str(caught.value)  # the refused value is a secret: never quoted
