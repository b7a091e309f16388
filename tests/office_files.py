"""Writing the files a secretariat types (block file, criteria file) for the tests of their readers."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import openpyxl
import yaml


def yaml_data(path: Path) -> dict[str, Any]:
    """A sample YAML file as plain data, a fresh copy to change."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return copy.deepcopy(data)


def write_yaml(path: Path, data: object) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def workbook(sheets: dict[str, list[list[object]]], path: Path) -> Path:
    """An .xlsx with these sheets, each row as given."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path
