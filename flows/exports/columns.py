"""ITDB-like columns shared by the CSV and JSON exports: one row per record, values kept
structured (lists, dicts, numbers, ISO dates); the CSV writer flattens them."""

from __future__ import annotations

from enum import Enum
from typing import Any

from nlp.vocabulary import ExportKind
from storage.exports import ExportedDocument, ExportedFinding, ExportedIncident, ExportSet
from storage.models import IncidentMaterial

INCIDENT_COLUMNS = (
    "id", "title", "occurred_on", "occurred_until", "reported_on", "incident_type",
    "intent_group", "material_group", "materials", "iaea_category", "material_status",
    "country", "other_countries", "place", "latitude", "longitude", "reliability",
    "credibility", "marking", "sources", "documents",
)  # fmt: skip
DOCUMENT_COLUMNS = (
    "id", "title", "url", "published_on", "fetched_on", "language", "format", "source",
    "marking", "reliability", "credibility", "bureau_country", "incident_type",
    "intent_group", "countries", "incident_date", "incidents",
)  # fmt: skip
FINDING_COLUMNS = (
    "id", "document", "document_date", "label", "text", "normalized", "start", "end",
    "status", "reviewed_by", "marking", "attributes",
)  # fmt: skip
COLUMNS = {
    ExportKind.INCIDENTS: INCIDENT_COLUMNS,
    ExportKind.DOCUMENTS: DOCUMENT_COLUMNS,
    ExportKind.FINDINGS: FINDING_COLUMNS,
}


def rows(records: ExportSet) -> list[dict[str, Any]]:
    """One dict per record, keys in the order of `COLUMNS[records.what]`."""
    return (
        [incident_row(i) for i in records.incidents]
        + [document_row(d) for d in records.documents]
        + [finding_row(f) for f in records.findings]
    )


def materials_of(exported: ExportedIncident) -> list[IncidentMaterial]:
    return [IncidentMaterial.model_validate(m) for m in exported.incident.materials]


def material_text(material: IncidentMaterial) -> str:
    """One line: "Cs-137, 3.7e+10 Bq (2024-01-01), device: gauge, serial: AB-12"."""
    parts = [material.name]
    if material.activity_bq is not None:
        when = material.activity_reference_date
        parts.append(f"{material.activity_bq:g} Bq" + (f" ({when.isoformat()})" if when else ""))
    if material.quantity_g is not None:
        parts.append(f"{material.quantity_g:g} g")
    if material.enrichment_pct is not None:
        parts.append(f"{material.enrichment_pct:g} % U-235")
    if material.count is not None:
        parts.append(f"count: {material.count}")
    if material.device:
        parts.append(f"device: {material.device}")
    if material.serial_number:
        parts.append(f"serial: {material.serial_number}")
    return ", ".join(parts)


def iaea_category(materials: list[IncidentMaterial]) -> int | None:
    """The most dangerous IAEA category among the materials (1 is the most dangerous)."""
    return min((m.iaea_category for m in materials if m.iaea_category), default=None)


def incident_row(exported: ExportedIncident) -> dict[str, Any]:
    incident, materials = exported.incident, materials_of(exported)
    values = {
        "id": incident.id,
        "title": incident.title,
        "occurred_on": _iso(incident.occurred_on),
        "occurred_until": _iso(incident.occurred_until),
        "reported_on": _iso(incident.reported_on),
        "incident_type": incident.incident_type,
        "intent_group": incident.intent_group,
        "material_group": incident.material_group,
        "materials": [m.model_dump(mode="json", exclude={"finding_ids"}) for m in materials],
        "iaea_category": iaea_category(materials),
        "material_status": incident.material_status,
        "country": incident.country,
        "other_countries": list(incident.other_countries),
        "place": incident.place,
        "latitude": incident.latitude,
        "longitude": incident.longitude,
        "reliability": incident.reliability,
        "credibility": incident.credibility,
        "marking": exported.marking,
        "sources": list(exported.sources),
        "documents": list(exported.document_ids),
    }
    return {column: _plain(values[column]) for column in INCIDENT_COLUMNS}


def document_row(exported: ExportedDocument) -> dict[str, Any]:
    document = exported.document
    values = {
        "id": document.id,
        "title": document.title,
        "url": document.url,
        "published_on": _iso(document.published_at.date() if document.published_at else None),
        "fetched_on": _iso(document.fetched_at.date()),
        "language": document.language,
        "format": document.format,
        "source": exported.source,
        "marking": document.marking,
        "reliability": document.reliability,
        "credibility": document.credibility,
        "bureau_country": document.bureau_country,
        "incident_type": document.incident_type,
        "intent_group": document.intent_group,
        "countries": list(document.countries),
        "incident_date": _iso(document.incident_date),
        "incidents": list(exported.incident_ids),
    }
    return {column: _plain(values[column]) for column in DOCUMENT_COLUMNS}


def finding_row(exported: ExportedFinding) -> dict[str, Any]:
    finding = exported.finding
    values = {
        "id": finding.id,
        "document": finding.document_id,
        "document_date": _iso(exported.document_date),
        "label": finding.label,
        "text": finding.text,
        "normalized": finding.normalized,
        "start": finding.start,
        "end": finding.end,
        "status": finding.status,
        "reviewed_by": finding.reviewed_by,
        "marking": exported.marking,
        "attributes": dict(finding.attributes),
    }
    return {column: _plain(values[column]) for column in FINDING_COLUMNS}


def _iso(day: Any) -> str | None:
    return day.isoformat() if day is not None else None


def _plain(value: Any) -> Any:
    """Enum members as their stored values, so every writer sees plain JSON types."""
    return value.value if isinstance(value, Enum) else value
