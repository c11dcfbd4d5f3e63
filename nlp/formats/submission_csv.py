"""Bureau submissions in CSV: one per row, materials in numbered columns (material_1...)."""

from __future__ import annotations

import csv
import io
import math
import re
from typing import Any

from nlp.formats import submission
from nlp.formats.textutil import guess_decode
from nlp.types import ParsedDocument, ParseError

FORMAT = "csv"
MIME_TYPES = ("text/csv", "application/csv")
EXTENSIONS = (".csv",)
DELIMITERS = (",", ";", "\t")
MATERIAL_COLUMN = re.compile(
    r"^(material|quantity|unit|activity|activity_unit|device|serial_number)_(\d{1,2})$"
)
NUMERIC_FIELDS = {"quantity", "activity"}


def _number(cell: str) -> float | str:
    """A finite number from "1.5" or "1,5"; the cell unchanged when it is not one."""
    try:
        value = float(cell.replace(",", ".").replace(" ", ""))
    except ValueError:
        return cell
    return value if math.isfinite(value) else cell


def _material_columns(row: dict[str, str], submission_dict: dict[str, Any]) -> None:
    materials: dict[int, dict[str, Any]] = {}
    for column, cell in row.items():
        match = MATERIAL_COLUMN.match(column)
        if match and cell:
            field, index = match.group(1), int(match.group(2))
            value = _number(cell) if field in NUMERIC_FIELDS else cell
            materials.setdefault(index, {})[field] = value
    if materials:
        submission_dict["materials"] = [materials[index] for index in sorted(materials)]


def row_to_submission(row: dict[str | None, Any]) -> dict[str, Any]:
    """The submission a CSV row describes; stray cells become a field the schema rejects."""
    cells = {str(k).strip(): (v or "").strip() for k, v in row.items() if isinstance(v, str)}
    result: dict[str, Any] = {
        key: value for key, value in cells.items() if value and not MATERIAL_COLUMN.match(key)
    }
    if row.get(None):
        result["unnamed_extra_cells"] = len(row[None])
    _material_columns(cells, result)
    return result


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    return max(DELIMITERS, key=header.count)


def parse(data: bytes, *, filename: str | None, content_type: str | None) -> list[ParsedDocument]:
    text = guess_decode(data)
    if text is None:
        raise ParseError("invalid CSV: binary data")
    text = text.lstrip("\ufeff")
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[tuple[int, object]] = []
    try:
        for number, row in enumerate(reader, start=1):
            if number > submission.MAX_SUBMISSIONS:
                raise ParseError(f"too many submissions: more than {submission.MAX_SUBMISSIONS}")
            rows.append((number, row_to_submission(row)))
    except csv.Error as error:
        raise ParseError(f"invalid CSV: {error}") from error
    if not reader.fieldnames:
        raise ParseError("invalid CSV: no header line")
    return submission.documents(rows, FORMAT)
