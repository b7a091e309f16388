"""Every cell of our XLSX files goes through `put_cell`, so text from people or files stays text.

openpyxl stores any string that starts with "=" as a formula: a covenant theme typed as
`=HYPERLINK("…","…")` would become a live link in the secretariat's Excel (formula injection).
Forcing the string type keeps it literal. Characters XML cannot hold (control codes) are dropped
instead of failing the whole export.
"""

from __future__ import annotations

from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

TEXT = "s"  # openpyxl's data type of a literal string (written as an inline string, never <f>)


def put_cell(sheet: Any, row: int, column: int, value: object = None) -> Any:
    """`sheet.cell(row, column, value)`, a string always stored as text; returns the cell."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = TEXT
    elif value is not None:
        cell.value = value
    return cell
