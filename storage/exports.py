"""What a machine-readable export may contain: confirmed evidence, up to a marking limit.

- incidents: CONFIRMED incidents only (open ones count nowhere, merged ones live on in the
  incident they were merged into), each with its marking (the most restrictive of its
  documents'), the names of its documents' sources and the ids of its documents;
- documents: the documents linked to a confirmed incident. A document the machine judged
  relevant is not exported on that judgement alone: exports carry what an analyst confirmed;
- findings: CONFIRMED or CORRECTED findings only, with their document's marking.

The limit is the lower of the ceiling the operator chose and the reader's clearance; whatever
is marked above it is left out and counted (`ExportSet.left_out`), never exported. The period
filters by the incident's date (occurred, else reported), the document's date (published,
else fetched) or the date of the finding's document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlmodel import Session, col, select

from nlp.vocabulary import AuditEntity, ExportKind, IncidentStatus, ReviewStatus, Tlp
from storage.audit import record_event
from storage.authz import REVIEWERS, Operator, require_actor
from storage.clearance import most_restrictive
from storage.models import Document, Finding, Incident, IncidentDocument, Source
from storage.periods import Period

EXPORTED_FINDINGS = (ReviewStatus.CONFIRMED, ReviewStatus.CORRECTED)


@dataclass(frozen=True)
class ExportedIncident:
    incident: Incident
    marking: Tlp
    sources: tuple[str, ...]  # names of the sources of its documents
    document_ids: tuple[int, ...]


@dataclass(frozen=True)
class ExportedDocument:
    document: Document
    source: str | None
    incident_ids: tuple[int, ...]  # the confirmed incidents it is linked to


@dataclass(frozen=True)
class ExportedFinding:
    finding: Finding
    marking: Tlp  # its document's
    document_date: date


@dataclass(frozen=True)
class ExportSet:
    what: ExportKind
    limit: Tlp  # nothing above it is in the set
    incidents: tuple[ExportedIncident, ...] = ()
    documents: tuple[ExportedDocument, ...] = ()
    findings: tuple[ExportedFinding, ...] = ()
    left_out: int = 0  # records marked above the limit

    @property
    def count(self) -> int:
        return len(self.incidents) + len(self.documents) + len(self.findings)

    @property
    def marking(self) -> Tlp:
        """The marking the export carries: the most restrictive of what it contains."""
        markings = [i.marking for i in self.incidents] + [f.marking for f in self.findings]
        markings += [Tlp(d.document.marking) for d in self.documents]
        return most_restrictive(markings)


def effective_limit(ceiling: Tlp, clearance: Tlp) -> Tlp:
    """The lower of the operator's ceiling and the reader's clearance."""
    return min(ceiling, clearance, key=lambda marking: marking.rank)


def export_clearance(*, session: Session, username: str) -> Tlp:
    """What `username` may read for an export: the operator holds the database (TLP:RED);
    a user is re-read and refused (storage.authz.PermissionDenied) when missing or disabled."""
    if isinstance(username, Operator):
        return Tlp.RED
    user = require_actor(session=session, username=username, roles=REVIEWERS, action="export")
    assert user is not None  # only an Operator comes back as None
    return Tlp(user.clearance)


def export_records(
    *, session: Session, what: ExportKind, clearance: Tlp, ceiling: Tlp, period: Period | None
) -> ExportSet:
    limit = effective_limit(ceiling, clearance)
    if what == ExportKind.INCIDENTS:
        return _incidents(session, limit, period)
    if what == ExportKind.DOCUMENTS:
        return _documents(session, limit, period)
    return _findings(session, limit, period)


def record_export(
    *, session: Session, username: str, records: ExportSet, export_format: str, ceiling: Tlp
) -> None:
    """The audit event of an export: what, in which format, how many, under which ceiling."""
    after: dict[str, Any] = {
        "what": records.what.value,
        "format": export_format,
        "count": records.count,
        "left_out": records.left_out,
        "ceiling": ceiling.value,
        "limit": records.limit.value,
    }
    record_event(
        session,
        username=username,
        action="export",
        entity=AuditEntity.EXPORT,
        entity_id=0,
        after=after,
    )
    session.flush()


@dataclass(frozen=True)
class _Link:
    incident_id: int
    document: Document
    source: str | None


def _confirmed_links(session: Session) -> list[_Link]:
    """Every (confirmed incident, document, source name), by incident then document."""
    query = (
        select(IncidentDocument.incident_id, Document, Source.name)
        .join(Document, col(Document.id) == IncidentDocument.document_id)
        .join(Incident, col(Incident.id) == IncidentDocument.incident_id)
        .outerjoin(Source, col(Source.id) == Document.source_id)
        .where(col(Incident.status) == IncidentStatus.CONFIRMED)
        .order_by(col(IncidentDocument.incident_id), col(Document.id))
    )
    return [_Link(i, d, s) for i, d, s in session.exec(query).all()]


def _incidents(session: Session, limit: Tlp, period: Period | None) -> ExportSet:
    links: dict[int, list[_Link]] = defaultdict(list)
    for link in _confirmed_links(session):
        links[link.incident_id].append(link)
    query = select(Incident).where(col(Incident.status) == IncidentStatus.CONFIRMED)
    kept, left_out = [], 0
    for incident in session.exec(query.order_by(col(Incident.id))).all():
        if not _in_period(incident.occurred_on or incident.reported_on, period):
            continue
        exported = _exported_incident(incident, links[incident.id or 0])
        if exported.marking.rank > limit.rank:
            left_out += 1
            continue
        kept.append(exported)
    return ExportSet(ExportKind.INCIDENTS, limit, incidents=tuple(kept), left_out=left_out)


def _exported_incident(incident: Incident, links: Sequence[_Link]) -> ExportedIncident:
    return ExportedIncident(
        incident=incident,
        marking=most_restrictive(Tlp(link.document.marking) for link in links),
        sources=tuple(sorted({link.source for link in links if link.source})),
        document_ids=tuple(link.document.id or 0 for link in links),
    )


def _documents(session: Session, limit: Tlp, period: Period | None) -> ExportSet:
    by_document: dict[int, list[_Link]] = defaultdict(list)
    for link in _confirmed_links(session):
        by_document[link.document.id or 0].append(link)
    kept, left_out = [], 0
    for document_id in sorted(by_document):
        links = by_document[document_id]
        document = links[0].document
        if not _in_period(_document_date(document), period):
            continue
        if Tlp(document.marking).rank > limit.rank:
            left_out += 1
            continue
        incident_ids = tuple(link.incident_id for link in links)
        kept.append(ExportedDocument(document, links[0].source, incident_ids))
    return ExportSet(ExportKind.DOCUMENTS, limit, documents=tuple(kept), left_out=left_out)


def _findings(session: Session, limit: Tlp, period: Period | None) -> ExportSet:
    query = (
        select(Finding, Document)
        .join(Document, col(Document.id) == Finding.document_id)
        .where(col(Finding.status).in_(EXPORTED_FINDINGS))
        .order_by(col(Finding.id))
    )
    kept, left_out = [], 0
    for finding, document in session.exec(query).all():
        day = _document_date(document)
        if not _in_period(day, period):
            continue
        if Tlp(document.marking).rank > limit.rank:
            left_out += 1
            continue
        kept.append(ExportedFinding(finding, Tlp(document.marking), day))
    return ExportSet(ExportKind.FINDINGS, limit, findings=tuple(kept), left_out=left_out)


def _document_date(document: Document) -> date:
    return (document.published_at or document.fetched_at).date()


def _in_period(day: date | None, period: Period | None) -> bool:
    """Everything is in no period; nothing undated is in a period."""
    return period is None or (day is not None and day in period)
