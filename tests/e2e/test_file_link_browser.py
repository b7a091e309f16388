"""A Zalo user's signed link in headless Chromium: the export downloads under its own name; a forged or
expired link is the plain 404."""

from __future__ import annotations

import io
import time
from pathlib import Path

from openpyxl import Workbook, load_workbook

from bot.app import App
from bot.web.file_links import FileLinker, FileStore, link_key, sign
from handlers.core.messages import Document
from tests.e2e.browser import chromium, served

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _export() -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Đơn vị", "Tổng điểm"])
    sheet.append(["Sở Y tế", 92.5])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def test_chromium_downloads_an_export_through_its_signed_link(app: App, tmp_path: Path) -> None:
    content = _export()
    async with served(app) as base, chromium() as browser:
        links = FileLinker(FileStore(app.settings.data_dir / "files"), link_key(app.config.secret), base)
        line = links.line(Document("Tổng hợp điểm.xlsx", content, XLSX))
        assert line is not None
        url = line.split(": ", 1)[1].split(" ", 1)[0]
        page = await browser.new_page(accept_downloads=True)
        await page.set_content(f'<a id="f" href="{url}">tải</a>')
        async with page.expect_download() as info:
            await page.click("#f")
        download = await info.value
        assert download.suggested_filename == "Tổng hợp điểm.xlsx"
        saved = tmp_path / "got.xlsx"
        await download.save_as(saved)
        assert saved.read_bytes() == content
        sheet = load_workbook(saved).active
        assert sheet is not None and sheet["A2"].value == "Sở Y tế"

        file_id, expires = url.split("/files/", 1)[1].split("/")[:2]
        forged = f"{base}/files/{file_id}/{int(expires) + 86_400}/{url.rsplit('/', 1)[1]}"
        past = int(time.time()) - 60
        expired = f"{base}/files/{file_id}/{past}/{sign(link_key(app.config.secret), file_id, past)}"
        for bad in (forged, expired):
            response = await page.goto(bad)
            assert response is not None and response.status == 404, bad
            assert "Sở Y tế" not in await page.content()
