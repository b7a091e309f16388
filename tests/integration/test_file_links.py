"""Signed file links: served when signed and unexpired, the same plain 404 when forged, tampered or expired."""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import unquote

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from hypothesis import given
from hypothesis import strategies as st

from bot.web.file_links import FileStore, add_file_routes, content_disposition, link_key, sign, signed_path, verify

KEY = link_key(b"0123456789abcdef" * 4)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NOW = 1_800_000_000.0


@pytest.fixture
async def client(tmp_path: Path) -> TestClient[web.Request, web.Application]:
    app = web.Application()
    add_file_routes(app, FileStore(tmp_path), KEY, now=lambda: NOW)
    client = TestClient(TestServer(app))
    await client.start_server()
    yield client  # type: ignore[misc]
    await client.close()


async def test_a_signed_link_serves_the_file_with_its_name_and_type(client: TestClient[web.Request, web.Application],
                                                                    tmp_path: Path) -> None:
    stored = FileStore(tmp_path).put("Tổng hợp điểm 2026.xlsx", b"PK\x03\x04 sheet", XLSX)
    response = await client.get(signed_path(KEY, stored.file_id, int(NOW) + 60))
    assert response.status == 200
    assert await response.read() == b"PK\x03\x04 sheet"
    assert response.headers["Content-Type"] == XLSX
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment;") and "Tổng hợp điểm 2026.xlsx" in unquote(disposition)


async def test_a_restart_keeps_the_file(tmp_path: Path) -> None:
    stored = FileStore(tmp_path).put("bien-ban.docx", b"doc", "application/msword")
    found = FileStore(tmp_path).get(stored.file_id)  # a new store, as after a restart
    assert found is not None and found[0] == stored and found[1].read_bytes() == b"doc"


async def test_forged_tampered_and_expired_links_are_a_plain_404(client: TestClient[web.Request, web.Application],
                                                                 tmp_path: Path) -> None:
    stored = FileStore(tmp_path).put("x.xlsx", b"data", XLSX)
    good = int(NOW) + 60
    forged = sign(link_key(b"another secret"), stored.file_id, good)
    unknown = "f" * 32
    links = [
        f"/files/{stored.file_id}/{good}/{forged}",  # signed with another key
        f"/files/{stored.file_id}/{good + 86_400}/{sign(KEY, stored.file_id, good)}",  # expiry pushed back
        signed_path(KEY, stored.file_id, int(NOW) - 1),  # expired
        signed_path(KEY, unknown, good),  # signed, but no such file
        f"/files/{stored.file_id}/{good}/short",
    ]
    for link in links:
        response = await client.get(link)
        assert response.status == 404, link
        assert "data" not in await response.text()


@given(st.text(max_size=60))
def test_any_signature_but_the_right_one_is_refused(signature: str) -> None:
    file_id, expires = "a" * 32, int(NOW) + 60
    assert verify(KEY, file_id, str(expires), signature, NOW) == (signature == sign(KEY, file_id, expires))


@given(st.text(min_size=1, max_size=80))
def test_content_disposition_is_one_header_line_for_any_name(name: str) -> None:
    header = content_disposition(name)
    assert "\n" not in header and "\r" not in header and header.isascii()


def test_links_expire_in_real_time() -> None:
    assert not verify(KEY, "a" * 32, str(int(time.time()) - 1), sign(KEY, "a" * 32, int(time.time()) - 1), time.time())
