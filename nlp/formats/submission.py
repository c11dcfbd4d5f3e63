"""Bureau submissions: validation against the published JSON Schema and a readable rendering.

Shared by the JSON (`submission_json`) and CSV (`submission_csv`) format modules.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pycountry

from nlp.formats.textutil import clean_text, parse_iso_date
from nlp.language import detect_language
from nlp.types import ParsedDocument, ParseError

if TYPE_CHECKING:  # jsonschema is imported on first validation: its import costs seconds
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

SCHEMA_PATH = Path(__file__).with_name("bureau_submission.schema.json")
MAX_SUBMISSIONS = 10_000
MAX_REASONS = 10  # failing fields listed per submission
ENUM_LISTED_MAX = 12  # longer enumerations (country codes) are not spelled out in messages
MATERIAL_FIELDS = ("quantity", "unit", "activity", "activity_unit", "device", "serial_number")


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return loaded


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def _describe(error: ValidationError) -> str:
    field = ".".join(str(part) for part in error.absolute_path) or "(submission)"
    if error.validator == "enum" and len(error.validator_value) > ENUM_LISTED_MAX:
        return f"{field}: {error.instance!r} is not an allowed value"
    return f"{field}: {error.message}"


def submission_errors(item: object) -> list[str]:
    """Failing fields of one submission, as "path: reason" strings; empty when valid."""
    errors = sorted(_validator().iter_errors(item), key=lambda error: list(error.absolute_path))
    return [_describe(error) for error in errors]


def _country(code: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return f"{country.name} ({code})" if country else code


def _material_line(index: int, material: dict[str, Any]) -> str:
    parts = [str(material["material"])]
    if "quantity" in material:
        parts.append(f"quantity {material['quantity']:g} {material.get('unit', '')}".strip())
    if "activity" in material:
        parts.append(f"activity {material['activity']:g} {material.get('activity_unit', '')}")
    if material.get("device"):
        parts.append(f"device {material['device']}")
    if material.get("serial_number"):
        parts.append(f"serial number {material['serial_number']}")
    return f"{index}. " + "; ".join(parts)


def render(submission: dict[str, Any]) -> str:
    """Header lines, the narrative, then one line per material."""
    lines = [
        f"Bureau submission {submission['reference']}",
        f"Bureau country: {_country(submission['bureau_country'])}",
        f"Reporting date: {submission['reporting_date']}",
    ]
    labels = (("incident_date", "Incident date"), ("place", "Place"), ("marking", "Marking"))
    lines += [f"{label}: {submission[key]}" for key, label in labels if submission.get(key)]
    lines += ["", str(submission["narrative"]).strip()]
    materials = submission.get("materials") or []
    if materials:
        lines += ["", "Materials:"]
        lines += [_material_line(i, m) for i, m in enumerate(materials, start=1)]
    return clean_text("\n".join(lines))


def to_document(submission: dict[str, Any], format_name: str) -> ParsedDocument:
    return ParsedDocument(
        text=render(submission),
        format=format_name,
        title=f"Bureau submission {submission['reference']} ({submission['bureau_country']})",
        published_at=parse_iso_date(submission["reporting_date"]),
        external_id=str(submission["reference"]),
        language=detect_language(str(submission["narrative"])),
        metadata={"submission": submission},
    )


def documents(
    items: Iterable[tuple[int, object]], format_name: str, label: str = "row"
) -> list[ParsedDocument]:
    """Valid submissions as documents; rejected ones listed on the first document.

    `items` pairs a 1-based row (CSV) or list index (JSON) with a candidate submission.
    Raises ParseError listing the failing fields when none is valid.
    """
    valid: list[ParsedDocument] = []
    rejected: list[dict[str, Any]] = []
    for row, item in items:
        errors = submission_errors(item)
        if errors:
            rejected.append({"row": row, "reason": "; ".join(errors[:MAX_REASONS])})
        elif isinstance(item, dict):
            valid.append(to_document(item, format_name))
    if not valid:
        if not rejected:
            raise ParseError("no bureau submission in file")
        reasons = " | ".join(f"{label} {entry['row']}: {entry['reason']}" for entry in rejected[:5])
        raise ParseError(f"invalid bureau submission: {reasons}")
    if rejected:
        valid[0].metadata["rejected_rows"] = rejected
    return valid
