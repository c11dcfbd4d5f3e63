"""JSON export: the ITDB-like rows of flows/exports/columns.py under the export's marking.

Untrusted text stays data: `json.dumps` escapes it, and non-ASCII characters are written as
`\\u` escapes, so no byte of a document can end the string or the document early."""

from __future__ import annotations

import json

from flows.exports.columns import COLUMNS, rows
from nlp.vocabulary import ExportKind
from storage.exports import ExportSet

FORMAT = "json"
EXTENSION = ".json"
MEDIA_TYPE = "application/json"
KINDS = frozenset(ExportKind)


def write(records: ExportSet) -> bytes:
    document = {
        "what": records.what.value,
        "marking": records.marking.value,
        "columns": list(COLUMNS[records.what]),
        "records": rows(records),
    }
    return (json.dumps(document, indent=2, ensure_ascii=True) + "\n").encode("ascii")
