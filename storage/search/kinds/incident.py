"""Incidents: title, summary, place and materials, the names of the people and organisations
of their documents; merged incidents leave the index (their documents moved). Found by the
reader's clearance on the incident's documents (its marking is the most restrictive)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, exists
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session, col, select

from nlp.search_terms import (
    SIMPLE_CONFIG,
    identifier_keys,
    indexable,
    is_isotope,
    material_values,
)
from nlp.vocabulary import IncidentStatus, Tlp
from storage.clearance import incident_visible
from storage.models import Document, Incident, IncidentDocument, IncidentMaterial
from storage.search.kinds import document as document_kind
from storage.search.kinds.base import Entry

name = "incident"


def entries(*, session: Session, ids: Sequence[int]) -> list[Entry]:
    incidents = session.exec(
        select(Incident).where(
            col(Incident.id).in_(ids), col(Incident.status) != IncidentStatus.MERGED
        )
    ).all()
    links = session.exec(
        select(IncidentDocument.incident_id, Document)
        .join(Document, col(Document.id) == col(IncidentDocument.document_id))
        .where(col(IncidentDocument.incident_id).in_(ids))
    ).all()
    documents: dict[int, list[Document]] = defaultdict(list)
    for incident_id, document in links:
        documents[incident_id].append(document)
    document_ids = [d.id for d in documents_of(documents) if d.id is not None]
    findings = document_kind.kept_findings(session=session, document_ids=document_ids)
    return [
        _entry(incident, documents.get(incident.id or 0, []), findings) for incident in incidents
    ]


def documents_of(by_incident: dict[int, list[Document]]) -> list[Document]:
    return [d for documents in by_incident.values() for d in documents]


def _entry(incident: Incident, documents: list[Document], findings: dict[int, list[Any]]) -> Entry:
    materials = [IncidentMaterial.model_validate(m) for m in incident.materials]
    material_names = " ".join(m.name for m in materials)
    entry = Entry(
        kind=name,
        entity_id=incident.id or 0,
        incident_id=incident.id,
        title=indexable(incident.title),
        body=indexable(" ".join(filter(None, [incident.summary, incident.place, material_names]))),
        # Analysts write in any working language: no stemming rather than the wrong one.
        config=SIMPLE_CONFIG,
        day=incident.occurred_on or incident.reported_on,
        status=str(incident.status),
    )
    entry.add_names(
        f.text
        for document in documents
        for f in findings.get(document.id or 0, [])
        if f.label in document_kind.NAME_LABELS
    )
    entry.keys |= identifier_keys(
        [m.name for m in materials if is_isotope(m.name)],
        [m.serial_number for m in materials if m.serial_number],
    )
    groups = [incident.material_group.value] if incident.material_group else []
    entry.add_filters(
        countries=[incident.country, *incident.other_countries],
        materials=[v for m in materials for v in material_values(m.name)] + groups,
        sources=[d.source_id for d in documents],
    )
    return entry


def all_ids(*, session: Session) -> list[int]:
    query = select(Incident.id).where(col(Incident.status) != IncidentStatus.MERGED)
    return [i for i in session.exec(query).all() if i is not None]


def ids_of_documents(*, session: Session, document_ids: Sequence[int]) -> list[int]:
    query = select(IncidentDocument.incident_id).where(
        col(IncidentDocument.document_id).in_(document_ids)
    )
    return sorted(set(session.exec(query).all()))


def visible(clearance: Tlp, entry: Table) -> ColumnElement[bool]:
    incident = _table().alias("search_incident")
    return exists().where(
        incident.c.id == entry.c.incident_id, incident_visible(clearance, incident)
    )


def marked(marking: Tlp, entry: Table) -> ColumnElement[bool]:
    """Its documents are all at or below the marking, and one is above the next lower one."""
    incident = _table().alias("marked_incident")
    condition = incident_visible(marking, incident)
    if marking.rank > 0:
        condition = condition & ~incident_visible(list(Tlp)[marking.rank - 1], incident)
    return exists().where(incident.c.id == entry.c.incident_id, condition)


def link(entry: Any) -> tuple[str, int | None]:
    return "incident", entry.incident_id


def _table() -> Table:
    return Incident.__table__  # type: ignore[attr-defined]
