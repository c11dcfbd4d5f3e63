"""The data snapshot a threat assessment is built from: confirmed incidents of a period and
scope, within the edition's marking ceiling, counted by DIMENSIONS against the previous period.

Only confirmed incidents count. An incident's date is the day it occurred (the first day of a
range), else the day it was reported; undated ones and ones marked above the ceiling are left
out and counted. Everything is sorted, so the same data always gives the same snapshot.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from nlp.vocabulary import IncidentStatus, Tlp
from storage.clearance import most_restrictive
from storage.models import Document, Incident, IncidentDocument, Snapshot, SnapshotIncident, Source
from storage.models._base import utcnow
from storage.models.assessments import DIMENSIONS
from storage.models.incidents import IncidentMaterial
from storage.periods import Period, previous_period
from storage.scopes import in_scope, parse_scope

UNKNOWN = "unknown"  # the count key of an incident without a value for a dimension
ACTIVITY_UNITS = (("PBq", 1e15), ("TBq", 1e12), ("GBq", 1e9), ("MBq", 1e6), ("kBq", 1e3))


class AssessmentError(ValueError):
    """A threat assessment operation is not valid; the message says why."""


@dataclass(frozen=True)
class LinkedDocument:
    marking: Tlp
    source: str  # "<source name> (B2)"


@dataclass
class _Selection:
    included: list[tuple[Incident, Tlp]] = field(default_factory=list)
    above_ceiling: int = 0


def incident_day(incident: Incident) -> date | None:
    """The day an incident counts on: when it occurred (a range's first day), else reported."""
    return incident.occurred_on or incident.reported_on


def build_snapshot(
    *, session: Session, period: Period, scope: str | None, ceiling: Tlp, clearance: Tlp
) -> Snapshot:
    """The snapshot of `period` and `scope`; the ceiling may not exceed the clearance."""
    if ceiling.rank > clearance.rank:
        raise AssessmentError(
            f"the ceiling {ceiling.value} is above your clearance {clearance.value}"
        )
    scope = parse_scope(scope)
    previous = previous_period(period)
    candidates = _confirmed(session, (period, previous), scope)
    documents = _documents(session, list(candidates))
    current = _select(candidates.values(), period, documents, ceiling)
    earlier = _select(candidates.values(), previous, documents, ceiling)
    rows = [_row(i, marking, documents[i.id or 0], ceiling) for i, marking in current.included]
    return Snapshot(
        period=period.label,
        period_start=period.start,
        period_end=period.end,
        previous_period=previous.label,
        scope=scope,
        ceiling=ceiling,
        built_at=utcnow(),
        marking=most_restrictive(marking for _, marking in current.included),
        incidents=sorted(rows, key=lambda row: (incident_sort_day(row), row.id)),
        counts=count_dimensions(rows),
        previous_counts=count_dimensions(
            _row(i, m, documents[i.id or 0], ceiling) for i, m in earlier.included
        ),
        previous_total=len(earlier.included),
        left_out_above_ceiling=current.above_ceiling,
        left_out_undated=sum(1 for i in candidates.values() if incident_day(i) is None),
    )


def incident_sort_day(row: SnapshotIncident) -> date:
    return row.occurred_on or row.reported_on or date.min


def _confirmed(
    session: Session, periods: Sequence[Period], scope: str | None
) -> dict[int, Incident]:
    """Confirmed incidents in scope dated within one of the periods, or undated, by id."""
    day = func.coalesce(col(Incident.occurred_on), col(Incident.reported_on))
    dated = [day.between(p.start, p.end) for p in periods]
    query = (
        select(Incident)
        .where(col(Incident.status) == IncidentStatus.CONFIRMED, or_(day.is_(None), *dated))
        .order_by(col(Incident.id))
    )
    found = session.exec(query).all()
    return {
        incident.id or 0: incident
        for incident in found
        if in_scope(scope, [incident.country or "", *incident.other_countries])
    }


def _documents(session: Session, incident_ids: list[int]) -> dict[int, list[LinkedDocument]]:
    """Each incident's documents: marking and graded source, in document order."""
    query = (
        select(IncidentDocument.incident_id, Document, Source.name)
        .join(Document, col(Document.id) == IncidentDocument.document_id)
        .outerjoin(Source, col(Source.id) == Document.source_id)
        .where(col(IncidentDocument.incident_id).in_(incident_ids))
        .order_by(col(IncidentDocument.incident_id), col(Document.id))
    )
    linked: dict[int, list[LinkedDocument]] = defaultdict(list)
    for incident_id, document, source_name in session.exec(query).all():
        grading = f"{document.reliability}{document.credibility}"
        name = source_name or "unnamed source"
        linked[incident_id].append(LinkedDocument(Tlp(document.marking), f"{name} ({grading})"))
    return linked


def _select(
    incidents: Iterable[Incident],
    period: Period,
    documents: dict[int, list[LinkedDocument]],
    ceiling: Tlp,
) -> _Selection:
    selection = _Selection()
    for incident in incidents:
        day = incident_day(incident)
        if day is None or day not in period:
            continue
        marking = most_restrictive(d.marking for d in documents[incident.id or 0])
        if marking.rank > ceiling.rank:
            selection.above_ceiling += 1
        else:
            selection.included.append((incident, marking))
    return selection


def _row(
    incident: Incident, marking: Tlp, documents: list[LinkedDocument], ceiling: Tlp
) -> SnapshotIncident:
    materials = sorted(
        (IncidentMaterial.model_validate(m) for m in incident.materials),
        key=lambda m: m.iaea_category or 6,  # most dangerous first, uncategorised last
    )
    categories = [m.iaea_category for m in materials if m.iaea_category is not None]
    sources = {d.source for d in documents if d.marking.rank <= ceiling.rank}
    return SnapshotIncident(
        id=incident.id or 0,
        title=incident.title,
        occurred_on=incident.occurred_on,
        occurred_until=incident.occurred_until,
        reported_on=incident.reported_on,
        incident_type=incident.incident_type.value,
        intent_group=incident.intent_group.value,
        material_group=incident.material_group.value if incident.material_group else None,
        materials=[material_text(m) for m in materials],
        iaea_category=min(categories, default=None),
        material_status=incident.material_status.value,
        country=incident.country,
        other_countries=sorted(incident.other_countries),
        place=incident.place,
        latitude=incident.latitude,
        longitude=incident.longitude,
        sources=sorted(sources),
        reliability=incident.reliability,
        credibility=incident.credibility,
        marking=marking,
    )


def material_text(material: IncidentMaterial) -> str:
    """A material as a table shows it: "Cs-137, 3.7 GBq, Cat 4"."""
    parts = [material.name]
    if material.activity_bq is not None:
        parts.append(activity_text(material.activity_bq))
    if material.quantity_g is not None:
        grams = material.quantity_g
        parts.append(f"{grams / 1000:.3g} kg" if grams >= 1000 else f"{grams:.3g} g")
    if material.enrichment_pct is not None:
        parts.append(f"{material.enrichment_pct:.3g} % U-235")
    if material.count is not None:
        parts.append(f"{material.count} items" if material.count != 1 else "1 item")
    if material.iaea_category is not None:
        parts.append(f"Cat {material.iaea_category}")
    return ", ".join(parts)


def activity_text(becquerel: float) -> str:
    """An activity in the largest unit that keeps it at 1 or more: 3.7e9 -> "3.7 GBq"."""
    for unit, size in ACTIVITY_UNITS:
        if becquerel >= size:
            return f"{becquerel / size:.3g} {unit}"
    return f"{becquerel:.3g} Bq"


def count_dimensions(rows: Iterable[SnapshotIncident]) -> dict[str, dict[str, int]]:
    """counts[dimension][value] over the rows, keys sorted (JSON keeps the order)."""
    counters: dict[str, Counter[str]] = {dimension: Counter() for dimension in DIMENSIONS}
    for row in rows:
        for dimension in DIMENSIONS:
            value = getattr(row, dimension)
            counters[dimension][UNKNOWN if value is None else str(value)] += 1
    return {name: dict(sorted(counter.items())) for name, counter in counters.items()}
