"""CSV export: the ITDB-like columns of flows/exports/columns.py, one record a line.

Lists become "; "-separated text, materials one description each, other structures JSON.
Every text cell goes through `nlp.spreadsheet.spreadsheet_cell`, so a title such as
`=HYPERLINK(...)` is text in a spreadsheet, never a formula. UTF-8 with a byte-order mark,
which spreadsheets need to read non-Latin text (Arabic titles) correctly."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from flows.exports.columns import COLUMNS, material_text, rows
from nlp.spreadsheet import spreadsheet_cell
from nlp.vocabulary import ExportKind
from storage.exports import ExportSet
from storage.models import IncidentMaterial

FORMAT = "csv"
EXTENSION = ".csv"
MEDIA_TYPE = "text/csv"
KINDS = frozenset(ExportKind)


def write(records: ExportSet) -> bytes:
    buffer = io.StringIO()
    columns = COLUMNS[records.what]
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows(records):
        writer.writerow({column: cell(column, row[column]) for column in columns})
    return buffer.getvalue().encode("utf-8-sig")


def cell(column: str, value: Any) -> Any:
    """The value as one spreadsheet-safe cell."""
    if value is None:
        return ""
    if column == "materials":
        value = "; ".join(material_text(IncidentMaterial.model_validate(m)) for m in value)
    elif isinstance(value, list):
        value = "; ".join(str(item) for item in value)
    elif isinstance(value, dict):
        value = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return spreadsheet_cell(value)
