"""An incident's materials, taken from the reviewed MATERIAL findings of its documents.

Only findings an analyst confirmed or corrected count: a pending finding is a machine's guess
and a rejected one is wrong. Findings naming the same material are one material, unless their
serial numbers or activities differ (two Cs-137 sources of different activity are two items).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select

from nlp.vocabulary import Label, MaterialGroup, ReviewStatus, Tlp
from storage.clearance import finding_visible
from storage.models import Finding, IncidentMaterial

REVIEWED = (ReviewStatus.CONFIRMED, ReviewStatus.CORRECTED)
NO_CATEGORY = 6  # sorts uncategorised materials after category 5


def materials_from_findings(
    *, session: Session, document_ids: Sequence[int], clearance: Tlp
) -> list[IncidentMaterial]:
    """The materials of these documents' confirmed or corrected MATERIAL findings, most
    dangerous (lowest IAEA category) first; each keeps the ids of its findings."""
    if not document_ids:
        return []
    findings = session.exec(
        select(Finding)
        .where(
            col(Finding.document_id).in_(list(document_ids)),
            Finding.label == Label.MATERIAL,
            col(Finding.status).in_(REVIEWED),
            finding_visible(clearance),
        )
        .order_by(col(Finding.id))
    ).all()
    grouped: dict[tuple[str, str | None, float | None], IncidentMaterial] = {}
    for finding in findings:
        material = _material(finding)
        key = _key(material)
        grouped[key] = _combine(grouped[key], material) if key in grouped else material
    return sorted(grouped.values(), key=danger_order)


def danger_order(material: IncidentMaterial) -> tuple[int, str]:
    return (material.iaea_category or NO_CATEGORY, material.name.casefold())


def _material(finding: Finding) -> IncidentMaterial:
    attributes: dict[str, Any] = finding.attributes or {}
    group = attributes.get("material_group")
    return IncidentMaterial(
        # A correction changes `normalized`: the analyst's name wins over the extractor's.
        name=finding.normalized or attributes.get("canonical") or finding.text,
        material_group=MaterialGroup(group) if group else None,
        activity_bq=attributes.get("activity_bq"),
        activity_reference_date=attributes.get("activity_reference_date"),
        quantity_g=attributes.get("quantity_g"),
        enrichment_pct=attributes.get("enrichment_pct"),
        count=attributes.get("count"),
        device=attributes.get("device"),
        serial_number=attributes.get("serial_number"),
        iaea_category=attributes.get("iaea_category"),
        finding_ids=[finding.id or 0],
    )


def _combine(kept: IncidentMaterial, other: IncidentMaterial) -> IncidentMaterial:
    """One material from two findings: the first finding's values, completed by the other's."""
    filled = {
        name: value
        for name, value in other.model_dump().items()
        if getattr(kept, name) is None and value is not None
    }
    return kept.model_copy(update={**filled, "finding_ids": kept.finding_ids + other.finding_ids})


def with_materials(
    stored: Sequence[dict[str, Any]], added: Sequence[IncidentMaterial]
) -> list[dict[str, Any]]:
    """The stored materials plus the added ones not already there (same name, serial number
    and activity), most dangerous first; an analyst's edits of a stored one are kept."""
    materials = [IncidentMaterial.model_validate(m) for m in stored]
    known = {_key(m): index for index, m in enumerate(materials)}
    for material in added:
        if _key(material) not in known:
            known[_key(material)] = len(materials)
            materials.append(material)
            continue
        kept = materials[known[_key(material)]]
        ids = kept.finding_ids + [i for i in material.finding_ids if i not in kept.finding_ids]
        materials[known[_key(material)]] = kept.model_copy(update={"finding_ids": ids})
    return as_stored(sorted(materials, key=danger_order))


def _key(material: IncidentMaterial) -> tuple[str, str | None, float | None]:
    return (material.name.casefold(), material.serial_number, material.activity_bq)


def as_stored(materials: Sequence[IncidentMaterial]) -> list[dict[str, Any]]:
    """The JSON form kept in `Incident.materials`."""
    return [material.model_dump(mode="json") for material in materials]
