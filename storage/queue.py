"""The review queues: findings and documents awaiting review, filtered, prioritised, paged in SQL.

Priority: relevant documents first, then the most dangerous IAEA category (1 before 5),
then unreviewed findings, then the newest documents.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Generic, TypeVar

from sqlalchemy import String, case, cast, exists, func, literal
from sqlalchemy import select as sa_select
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session, col, select

from storage.models import Document, Finding, ReviewStatus, Source

MAX_PAGE_SIZE = 200
T = TypeVar("T")


@dataclass(frozen=True)
class QueueFilters:
    statuses: tuple[str, ...] = (ReviewStatus.PENDING.value,)
    labels: tuple[str, ...] = ()
    material: str | None = None  # canonical (normalized) material name
    country: str | None = None  # ISO 3166-1 alpha-2
    source_id: int | None = None
    language: str | None = None
    date_from: date | None = None  # published (or fetched) date, inclusive
    date_to: date | None = None
    relevant: bool | None = None
    min_relevance: float | None = None


@dataclass(frozen=True)
class FindingRow:
    id: int
    document_id: int
    label: str
    text: str
    normalized: str | None
    status: str
    version: int
    confidence: float
    iaea_category: str | None
    document_title: str | None
    source_name: str | None
    language: str | None
    relevant: bool | None
    published_at: datetime | None


@dataclass(frozen=True)
class DocumentRow:
    id: int
    title: str | None
    source_name: str | None
    language: str | None
    relevant: bool | None
    relevance: float | None
    incident_type: str | None
    countries: list[str]
    published_at: datetime | None
    fetched_at: datetime
    marking: str
    pending: int = 0
    total: int = 0


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int
    extra: dict[str, Any] = field(default_factory=dict)


def _category_key() -> ColumnElement[Any]:
    value = col(Finding.attributes)["iaea_category"].as_string()
    return func.coalesce(value, literal("9"))


def _country_condition(session: Session, country: str) -> ColumnElement[bool]:
    code = country.strip().upper()[:2]
    if session.get_bind().dialect.name == "postgresql":
        return cast(col(Document.countries), JSONB).contains([code])
    return cast(col(Document.countries), String).like(f'%"{code}"%')


def _document_conditions(session: Session, filters: QueueFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    day = func.coalesce(col(Document.published_at), col(Document.fetched_at))
    if filters.country:
        conditions.append(_country_condition(session, filters.country))
    if filters.source_id is not None:
        conditions.append(col(Document.source_id) == filters.source_id)
    if filters.language:
        conditions.append(col(Document.language) == filters.language)
    if filters.date_from is not None:
        conditions.append(day >= datetime.combine(filters.date_from, time.min, tzinfo=UTC))
    if filters.date_to is not None:
        conditions.append(
            day < datetime.combine(filters.date_to + timedelta(days=1), time.min, tzinfo=UTC)
        )
    if filters.relevant is not None:
        conditions.append(col(Document.relevant).is_(filters.relevant))
    if filters.min_relevance is not None:
        conditions.append(col(Document.relevance) >= filters.min_relevance)
    if filters.material:
        other = Finding.__table__.alias("material_finding")  # type: ignore[attr-defined]
        conditions.append(
            exists().where(
                other.c.document_id == Document.id,
                other.c.label == "MATERIAL",
                other.c.normalized == filters.material,
            )
        )
    return conditions


def _finding_conditions(filters: QueueFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.statuses:
        conditions.append(col(Finding.status).in_([ReviewStatus(s) for s in filters.statuses]))
    if filters.labels:
        conditions.append(col(Finding.label).in_(filters.labels))
    return conditions


def _page_bounds(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(limit, MAX_PAGE_SIZE)), max(0, offset)


def finding_queue(
    *, session: Session, filters: QueueFilters, limit: int = 50, offset: int = 0
) -> Page[FindingRow]:
    limit, offset = _page_bounds(limit, offset)
    document_conditions = _document_conditions(session, filters)
    conditions = _finding_conditions(filters) + document_conditions
    category = _category_key()
    query = (
        sa_select(
            Finding,
            col(Document.title),
            col(Document.language),
            col(Document.relevant),
            col(Document.published_at),
            col(Source.name),
        )
        .join(Document, col(Document.id) == Finding.document_id)
        .outerjoin(Source, col(Source.id) == Document.source_id)
        .where(*conditions)
        .order_by(
            col(Document.relevant).desc().nulls_last(),
            category,
            case((col(Finding.status) == ReviewStatus.PENDING, 0), else_=1),
            col(Document.fetched_at).desc(),
            col(Finding.id).desc(),
        )
        .limit(limit)
        .offset(offset)
    )
    counted = select(func.count()).select_from(Finding)
    if document_conditions:  # the join is only needed to filter on the document
        counted = counted.join(Document, col(Document.id) == Finding.document_id)
    total = session.exec(counted.where(*conditions)).one()
    rows = session.execute(query).all()
    items = [
        FindingRow(
            id=int(finding.id),
            document_id=finding.document_id,
            label=finding.label,
            text=finding.text,
            normalized=finding.normalized,
            status=str(finding.status),
            version=finding.version,
            confidence=finding.confidence,
            iaea_category=_category_of(finding),
            document_title=title,
            source_name=source_name,
            language=language,
            relevant=relevant,
            published_at=published,
        )
        for finding, title, language, relevant, published, source_name in rows
    ]
    return Page(items=items, total=int(total), limit=limit, offset=offset)


def _category_of(finding: Finding) -> str | None:
    value = (finding.attributes or {}).get("iaea_category")
    return None if value is None else str(value)


def document_queue(
    *, session: Session, filters: QueueFilters, limit: int = 50, offset: int = 0
) -> Page[DocumentRow]:
    """Documents holding findings that match the finding filters (pending ones by default)."""
    limit, offset = _page_bounds(limit, offset)
    finding_conditions = _finding_conditions(filters)
    conditions = _document_conditions(session, filters)
    if finding_conditions:
        linked = col(Finding.document_id) == Document.id
        conditions.append(exists().where(linked, *finding_conditions))
    query = (
        select(Document, Source.name)
        .outerjoin(Source, col(Source.id) == Document.source_id)
        .where(*conditions)
        .order_by(
            col(Document.relevant).desc().nulls_last(),
            col(Document.relevance).desc().nulls_last(),
            col(Document.fetched_at).desc(),
            col(Document.id).desc(),
        )
        .limit(limit)
        .offset(offset)
    )
    rows = session.exec(query).all()
    total = session.exec(select(func.count()).select_from(Document).where(*conditions)).one()
    counts = _finding_counts(session, [document.id for document, _ in rows if document.id])
    items = [
        DocumentRow(
            id=document.id,
            title=document.title,
            source_name=source_name,
            language=document.language,
            relevant=document.relevant,
            relevance=document.relevance,
            incident_type=document.incident_type,
            countries=list(document.countries or []),
            published_at=document.published_at,
            fetched_at=document.fetched_at,
            marking=str(document.marking),
            pending=counts.get(document.id, (0, 0))[0],
            total=counts.get(document.id, (0, 0))[1],
        )
        for document, source_name in rows
        if document.id is not None
    ]
    return Page(items=items, total=int(total), limit=limit, offset=offset)


def _finding_counts(session: Session, document_ids: list[int]) -> dict[int, tuple[int, int]]:
    if not document_ids:
        return {}
    pending = func.sum(case((col(Finding.status) == ReviewStatus.PENDING, 1), else_=0))
    query = (
        select(Finding.document_id, pending, func.count())
        .where(col(Finding.document_id).in_(document_ids))
        .group_by(col(Finding.document_id))
    )
    return {int(d): (int(p or 0), int(n)) for d, p, n in session.execute(query).all()}


def filter_choices(*, session: Session) -> dict[str, list[Any]]:
    """Values offered in the queue filters: sources, languages, materials."""
    sources = session.exec(select(Source.id, Source.name).order_by(col(Source.name))).all()
    languages = session.exec(
        select(Document.language).where(col(Document.language).is_not(None)).distinct()
    ).all()
    materials = session.exec(
        select(Finding.normalized)
        .where(Finding.label == "MATERIAL", col(Finding.normalized).is_not(None))
        .distinct()
        .limit(500)
    ).all()
    return {
        "sources": [(int(i or 0), str(n)) for i, n in sources],
        "languages": sorted(str(x) for x in languages),
        "materials": sorted(str(x) for x in materials),
    }
