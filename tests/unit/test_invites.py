"""handlers/registration/rules/codes.py: invite codes derived from the secret key, and how people may type them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.core.roles import ROLE_OBSERVER, ROLE_SECRETARIAT, ROLE_UNIT
from handlers.registration.rules.codes import (
    ALPHABET,
    CODE_LENGTH,
    code_hash,
    deep_link,
    derive_code,
    display_code,
    normalize_code,
)

SECRET = b"test-secret-key"
codes_ = st.text(alphabet=ALPHABET, min_size=CODE_LENGTH, max_size=CODE_LENGTH)


def test_code_shape() -> None:
    code = derive_code(SECRET, 1, ROLE_UNIT, 7, 1)
    assert len(code) == CODE_LENGTH == 10
    assert set(code) <= set(ALPHABET)
    assert not set(code) & set("ILOU")


@given(st.binary(min_size=1, max_size=40), st.integers(1, 10**6), st.sampled_from([ROLE_UNIT, ROLE_SECRETARIAT,
       ROLE_OBSERVER]), st.one_of(st.none(), st.integers(1, 10**6)), st.integers(1, 1000))
def test_codes_are_deterministic_and_in_the_alphabet(secret: bytes, block: int, role: str, unit: int | None,
                                                      generation: int) -> None:
    code = derive_code(secret, block, role, unit, generation)
    assert code == derive_code(secret, block, role, unit, generation)
    assert len(code) == CODE_LENGTH and all(c in ALPHABET for c in code)
    assert normalize_code(code) == code


def test_codes_differ_per_unit_generation_role_block_and_secret() -> None:
    base = derive_code(SECRET, 1, ROLE_UNIT, 7, 1)
    others = [
        derive_code(SECRET, 1, ROLE_UNIT, 8, 1),
        derive_code(SECRET, 1, ROLE_UNIT, 7, 2),
        derive_code(SECRET, 2, ROLE_UNIT, 7, 1),
        derive_code(SECRET, 1, ROLE_SECRETARIAT, None, 1),
        derive_code(SECRET, 1, ROLE_OBSERVER, None, 1),
        derive_code(b"another-secret", 1, ROLE_UNIT, 7, 1),
    ]
    assert len({base, *others}) == len(others) + 1


def test_all_units_of_a_block_get_distinct_codes() -> None:
    codes = {derive_code(SECRET, 1, ROLE_UNIT, unit, 1) for unit in range(1, 201)}
    assert len(codes) == 200


def test_code_hash_is_keyed() -> None:
    code = derive_code(SECRET, 1, ROLE_UNIT, 7, 1)
    assert code_hash(SECRET, code) == code_hash(SECRET, code)
    assert code_hash(SECRET, code) != code_hash(b"other", code)
    assert code not in code_hash(SECRET, code)
    assert len(code_hash(SECRET, code)) == 64


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("ABCDE-FGHJK", "ABCDEFGHJK"),
        ("abcde-fghjk", "ABCDEFGHJK"),
        ("ABCDEFGHJK", "ABCDEFGHJK"),
        ("  abcde fghjk  ", "ABCDEFGHJK"),
        ("AB-CD-EF-GH-JK", "ABCDEFGHJK"),
        ("ABCDE - FGHJK", "ABCDEFGHJK"),
        ("OOOOO-00000", "0000000000"),
        ("IIIII-LLLLL", "1111111111"),
        ("iiiii-lllll", "1111111111"),
        ("o1i2l-3u4x5", "011213V4X5"),
    ],
)
def test_normalize_code_forgives(typed: str, code: str) -> None:
    assert normalize_code(typed) == code


@pytest.mark.parametrize(
    "typed",
    ["", "ABCDE", "ABCDE-FGHJ", "ABCDE-FGHJKM", "ABCDE_FGHJK", "-ABCDEFGHJK", "ABCDEFGHJK-", "ABCĐE-FGHJK",
     "xin chào bạn", "/start ABCDE", "ABCDE\nFGHJK", "ABCDE.FGHJK"],
)
def test_normalize_code_rejects(typed: str) -> None:
    assert normalize_code(typed) is None


@given(st.text())
def test_normalize_code_never_raises(text: str) -> None:
    code = normalize_code(text)
    if code is not None:
        assert len(code) == CODE_LENGTH and all(c in ALPHABET for c in code)


@given(codes_)
def test_display_code_normalises_back(code: str) -> None:
    shown = display_code(code)
    assert shown[5] == "-" and len(shown) == 11
    assert normalize_code(shown) == code
    assert normalize_code(shown.lower()) == code
    assert normalize_code(shown.replace("-", " ")) == code


def test_deep_link() -> None:
    assert deep_link("thidua_bot", "ABCDEFGHJK") == "https://t.me/thidua_bot?start=ABCDEFGHJK"
