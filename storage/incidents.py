"""Incidents (ITDB-like records) built from documents: open, link, merge, split; all audited.
Editing the record and confirming it: storage/incident_record.py; its materials and grading
come from storage/incident_materials.py and storage/incident_grading.py.

Reads take the reader's clearance: an incident holding a document above it is "not found"
(storage/clearance.py), and its marking is the most restrictive of its documents'.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from nlp.vocabulary import (
    AuditEntity,
    IncidentStatus,
    IncidentType,
    IntentGroup,
    Label,
    ReviewStatus,
    Tlp,
)
from storage.audit import record_event
from storage.authz import REVIEWERS, require_actor
from storage.clearance import (
    document_visible,
    finding_visible,
    incident_visible,
    most_restrictive,
)
from storage.documents import get_document
from storage.incident_context import Place, TimelineEntry, places_of, timeline_of
from storage.incident_grading import UNGRADED, Grading, SourceGrade, proposed_grading
from storage.incident_materials import as_stored, materials_from_findings, with_materials
from storage.link_moot import close_moot_proposals
from storage.models import (
    Document,
    Finding,
    Incident,
    IncidentCreate,
    IncidentDocument,
    IncidentMaterial,
)
from storage.models._base import utcnow
from storage.search.index import index_entities


class IncidentError(ValueError):
    """An incident operation is not valid; the message says why."""


@dataclass
class IncidentDetail:
    incident: Incident
    documents: list[Document]
    materials: list[dict[str, Any]]
    places: list[Place]
    timeline: list[TimelineEntry]
    marking: Tlp = Tlp.CLEAR  # the most restrictive of its documents' markings
    merged_from: list[Incident] = field(default_factory=list)
    sources: list[SourceGrade] = field(default_factory=list)
    grading: Grading = UNGRADED  # proposed from its sources


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
    record_event(
        session,
        entity=AuditEntity.INCIDENT,
        entity_id=incident_id,
        username=username,
        action=action,
        before=before,
        after=after,
        reason=reason,
    )
    # Every change of an incident is audited here: the one place its search entry follows.
    index_entities(session=session, kind="incident", ids=[incident_id])


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


def require_not_merged(incident: Incident) -> None:
    """Open and confirmed incidents can be edited; a merged one lives on in its target."""
    if incident.status == IncidentStatus.MERGED:
        raise IncidentError(f"incident {incident.id} was merged into {incident.merged_into_id}")


def _grading_changes(session: Session, incident: Incident, before: Grading) -> dict[str, Any]:
    """Apply the grading proposed now, unless an analyst set another one by hand (the stored
    grading is not the one proposed before the change); the fields changed."""
    if (incident.reliability, incident.credibility) != (before.reliability, before.credibility):
        return {}
    now = proposed_grading(session=session, incident_id=incident.id or 0)
    if (now.reliability, now.credibility) == (before.reliability, before.credibility):
        return {}
    incident.reliability, incident.credibility = now.reliability, now.credibility
    session.add(incident)
    return {"reliability": now.reliability, "credibility": now.credibility}


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
    materials = materials_from_findings(
        session=session, document_ids=[document_id], clearance=clearance
    )
    city = _main_city(session=session, document_id=document_id)
    return IncidentCreate(
        title=(document.title or f"Incident from document {document_id}")[:200],
        occurred_on=document.incident_date,
        reported_on=document.published_at.date() if document.published_at else None,
        incident_type=document.incident_type or IncidentType.OTHER,
        intent_group=document.intent_group or IntentGroup.UNDETERMINED,
        material_group=next((m.material_group for m in materials if m.material_group), None),
        materials=as_stored(materials),
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
    """A new incident linked to the documents; graded from them unless the data carries a
    grading other than "cannot be judged" (F6)."""
    _require_reviewer(session, username, "open", document_ids=document_ids)
    if not data.title.strip():
        raise IncidentError("an incident needs a title")
    incident = Incident.model_validate(data, update={"created_by": username})
    session.add(incident)
    session.flush()
    assert incident.id is not None
    for document_id in document_ids:
        _link(session, incident.id, document_id, username, "opened from this document")
    session.flush()
    _grading_changes(session, incident, UNGRADED)
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
    require_not_merged(incident)
    before = proposed_grading(session=session, incident_id=incident_id)
    _link(session, incident_id, document_id, username, reason)
    session.flush()
    after: dict[str, Any] = {"document_id": document_id}
    after |= _grading_changes(session, incident, before)
    added = materials_from_findings(
        session=session, document_ids=[document_id], clearance=clearance
    )
    materials = with_materials(incident.materials, added)
    if materials != incident.materials:
        incident.materials = after["materials"] = materials
    _touch(session, incident)
    _audit(session, username, "attach", incident_id, after=after, reason=reason)
    session.flush()
    return incident


def _touch(session: Session, incident: Incident) -> None:
    incident.version += 1
    incident.updated_at = utcnow()
    session.add(incident)


def detach_document(
    *, session: Session, incident_id: int, document_id: int, username: str, reason: str
) -> Incident:
    _require_reviewer(session, username, "detach", incident_ids=[incident_id])
    incident = _get(session, incident_id)
    require_not_merged(incident)
    link = session.get(IncidentDocument, (incident_id, document_id))
    if link is None:
        raise IncidentError(f"document {document_id} is not linked to incident {incident_id}")
    grading = proposed_grading(session=session, incident_id=incident_id)
    session.delete(link)
    session.flush()
    after = _grading_changes(session, incident, grading)
    _touch(session, incident)
    before = {"document_id": document_id}
    _audit(session, username, "detach", incident_id, before=before, after=after, reason=reason)
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
    require_not_merged(merged)
    require_not_merged(target)
    grading = proposed_grading(session=session, incident_id=into_id)
    moved = document_ids_of(session=session, incident_id=merged_id)
    _move_documents(session, merged_id, into_id, moved, username)
    session.flush()
    merged_materials = [IncidentMaterial.model_validate(m) for m in merged.materials]
    target.materials = with_materials(target.materials, merged_materials)
    merged.status, merged.merged_into_id = IncidentStatus.MERGED, into_id
    for incident in (merged, target):
        _touch(session, incident)
    after: dict[str, Any] = {"merged": merged_id, "into": into_id, "documents": moved}
    after |= _grading_changes(session, target, grading)
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
    """Move the chosen documents to a new incident (a copy of the original's fields, open);
    both are graded again from their own documents unless graded by hand."""
    _require_reviewer(session, username, "split", incident_ids=[incident_id])
    if not reason.strip():
        raise IncidentError("a split needs a reason")
    original = _get(session, incident_id)
    require_not_merged(original)
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
    grading = proposed_grading(session=session, incident_id=incident_id)
    _move_documents(session, incident_id, new.id, chosen, username)
    session.flush()
    after = {"from": incident_id, "to": new.id, "documents": chosen}
    original_grading = _grading_changes(session, original, grading)
    new_grading = _grading_changes(session, new, grading)
    _touch(session, original)
    _audit(session, username, "split", incident_id, after=after | original_grading, reason=reason)
    _audit(session, username, "split_from", new.id, after=after | new_grading, reason=reason)
    session.flush()
    return new


def list_incidents(
    *,
    session: Session,
    clearance: Tlp,
    include_merged: bool = False,
    status: IncidentStatus | None = None,
    search: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[tuple[Incident, int]], int]:
    """Page of (incident, number of documents), newest first, and the total: open and
    confirmed ones (and merged ones when asked), or those of one status."""
    conditions: list[Any] = [incident_visible(clearance)]
    if status is not None:
        conditions.append(col(Incident.status) == status)
    elif not include_merged:
        conditions.append(col(Incident.status) != IncidentStatus.MERGED)
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
    grading = proposed_grading(session=session, incident_id=incident_id)
    merged_from = session.exec(
        select(Incident).where(Incident.merged_into_id == incident_id, incident_visible(clearance))
    ).all()
    return IncidentDetail(
        incident=incident,
        documents=sorted(documents, key=lambda d: d.id or 0),
        materials=materials,
        places=places_of(incident, findings),
        timeline=timeline_of(incident, documents),
        marking=_marking(session, incident),
        merged_from=list(merged_from),
        sources=grading.sources,
        grading=grading,
    )
