"""Cells safe to open in a spreadsheet, shared by the review UI's tables and the CSV exports.

A text cell that starts like a formula (`=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)`) runs in
the analyst's spreadsheet: such a cell gets a leading `'`, so it is shown as text (the OWASP
advice on CSV injection).
"""

from __future__ import annotations

from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: Any) -> Any:
    """A text starting like a formula gets a leading `'`; every other value is unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return f"'{value}"
    return value
