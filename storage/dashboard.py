"""Figures for the dashboard: counts, trends, incidents for the map, ingestion health.

Every figure about documents, findings or incidents counts only what the reader's clearance
lets them read (storage/clearance.py); ingestion health (runs, failures) is not filtered.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from nlp.vocabulary import IncidentStatus, Label, ReviewStatus, Tlp
from storage.clearance import document_visible, finding_visible, incident_visible
from storage.models import Document, Finding, Incident, IngestFailure, IngestRun
from storage.models._base import utcnow
from storage.runs import list_failures, list_runs


@dataclass(frozen=True)
class Overview:
    documents: int
    relevant_documents: int
    pending_findings: int
    reviewed_findings: int
    open_incidents: int
    unresolved_failures: int


def _count(session: Session, query: Any) -> int:
    return int(session.exec(query).one())


def overview(*, session: Session, clearance: Tlp) -> Overview:
    findings = select(func.count()).select_from(Finding).where(finding_visible(clearance))
    documents = select(func.count()).select_from(Document).where(document_visible(clearance))
    return Overview(
        documents=_count(session, documents),
        relevant_documents=_count(session, documents.where(col(Document.relevant).is_(True))),
        pending_findings=_count(session, findings.where(Finding.status == ReviewStatus.PENDING)),
        reviewed_findings=_count(session, findings.where(Finding.status != ReviewStatus.PENDING)),
        open_incidents=_count(
            session,
            select(func.count())
            .select_from(Incident)
            .where(Incident.status != IncidentStatus.MERGED, incident_visible(clearance)),
        ),
        unresolved_failures=_count(
            session,
            select(func.count())
            .select_from(IngestFailure)
            .where(col(IngestFailure.resolved).is_(False)),
        ),
    )


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def weekly_documents(*, session: Session, clearance: Tlp, weeks: int = 104) -> list[dict[str, Any]]:
    """Documents and relevant documents per ISO week of publication (of arrival when the
    publication date is unknown), oldest first."""
    since = utcnow() - timedelta(weeks=weeks)
    published = func.coalesce(col(Document.published_at), col(Document.fetched_at))
    day = func.date(published)
    query = (
        select(day, Document.relevant, func.count())
        .where(published >= since, document_visible(clearance))
        .group_by(day, col(Document.relevant))
    )
    totals: Counter[str] = Counter()
    relevant: Counter[str] = Counter()
    for value, is_relevant, n in session.exec(query).all():
        week = iso_week(_as_date(value))
        totals[week] += int(n)
        if is_relevant:
            relevant[week] += int(n)
    return [{"week": w, "documents": totals[w], "relevant": relevant[w]} for w in sorted(totals)]


def weekly_incidents(*, session: Session, clearance: Tlp) -> list[dict[str, Any]]:
    """Incidents (open or confirmed) per ISO week of occurrence (or report when unknown)."""
    query = select(
        col(Incident.occurred_on), col(Incident.reported_on), col(Incident.created_at)
    ).where(Incident.status != IncidentStatus.MERGED, incident_visible(clearance))
    weeks = Counter(
        iso_week(occurred or reported or created.date())
        for occurred, reported, created in session.exec(query).all()
    )
    return [{"week": w, "incidents": weeks[w]} for w in sorted(weeks)]


def incidents_by(*, session: Session, field_name: str, clearance: Tlp) -> list[tuple[str, int]]:
    """Incidents (open or confirmed) grouped by incident_type, intent_group, material_group
    or country."""
    if field_name not in {"incident_type", "intent_group", "material_group", "country"}:
        raise ValueError(f"cannot group incidents by {field_name}")
    column = col(getattr(Incident, field_name))
    query = (
        select(column, func.count())
        .where(Incident.status != IncidentStatus.MERGED, incident_visible(clearance))
        .group_by(column)
        .order_by(func.count().desc())
    )
    return [(str(value or "unknown"), int(n)) for value, n in session.exec(query).all()]


def relevant_documents_by_type(*, session: Session, clearance: Tlp) -> list[tuple[str, int]]:
    column = col(Document.incident_type)
    query = (
        select(column, func.count())
        .where(col(Document.relevant).is_(True), document_visible(clearance))
        .group_by(column)
        .order_by(func.count().desc())
    )
    return [(str(value or "unknown"), int(n)) for value, n in session.exec(query).all()]


def material_findings_by_group(
    *, session: Session, clearance: Tlp, limit: int = 20
) -> list[tuple[str, int]]:
    """Confirmed or corrected MATERIAL findings per canonical material."""
    column = col(Finding.normalized)
    query = (
        select(column, func.count())
        .where(
            Finding.label == Label.MATERIAL,
            col(Finding.status).in_([ReviewStatus.CONFIRMED, ReviewStatus.CORRECTED]),
            finding_visible(clearance),
        )
        .group_by(column)
        .order_by(func.count().desc())
        .limit(limit)
    )
    return [(str(value or "unknown"), int(n)) for value, n in session.exec(query).all()]


def incidents_for_map(*, session: Session, clearance: Tlp) -> list[dict[str, Any]]:
    query = select(Incident).where(
        Incident.status != IncidentStatus.MERGED,
        incident_visible(clearance),
        col(Incident.latitude).is_not(None),
        col(Incident.longitude).is_not(None),
    )
    return [
        {
            "id": incident.id,
            "title": incident.title,
            "latitude": incident.latitude,
            "longitude": incident.longitude,
            "incident_type": incident.incident_type,
        }
        for incident in session.exec(query).all()
    ]


def recent_runs(*, session: Session, limit: int = 20) -> list[IngestRun]:
    return list_runs(session=session, limit=limit)


def unresolved_failures(*, session: Session, limit: int = 100) -> list[IngestFailure]:
    return list_failures(session=session, unresolved_only=True, limit=limit)


def quarantined_files(*, session: Session, limit: int = 100) -> list[IngestFailure]:
    query = (
        select(IngestFailure)
        .where(col(IngestFailure.quarantine_path).is_not(None))
        .order_by(col(IngestFailure.at).desc())
        .limit(limit)
    )
    return list(session.exec(query).all())
