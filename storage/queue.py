"""The review queues: findings and documents awaiting review, filtered, prioritised, paged in SQL.

Order: `priority DESC, id DESC` (storage/priority.py: relevant documents first, then materials
by IAEA category 1 → 5, then relevance, then the newest). Both are stored columns with
composite indexes (`ix_finding_queue*`, `ix_document_priority`), so a page is an index range
scan read backwards:

- Keyset paging: a page starts after a `Cursor` (the last row's priority and id), so page
  1,000 costs what page 1 costs. There is no OFFSET.
- Several statuses or labels: one index scan per (status, label), each limited, merged by a
  UNION ALL; a btree cannot return `status IN (...)` in priority order by itself.
- "Relevant" is a priority range (no join). Other document filters (country, source,
  language, dates) join each candidate finding to its document by primary key and filter;
  the material filter is a semi-join served by `ix_finding_label_normalized`.
- Clearance: every query keeps only documents (and findings of documents) whose TLP
  marking the reader may read (storage/clearance.py); counts and filter choices too.
- Small result sets (up to `SMALL_SET` rows, e.g. a material in one country) are read in one
  unordered query and sorted here: one pass gives the page and its exact total. Larger ones
  get the ordered page query plus a count capped at `COUNT_CAP` (shown as "10,000+").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Generic, TypeVar

from sqlalchemy import Select, String, case, cast, exists, func, tuple_, union_all
from sqlalchemy import select as sa_select
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session, col, select

from nlp.vocabulary import IncidentType, Label, ReviewStatus, Tlp
from storage.clearance import document_visible, finding_visible
from storage.models import Document, Finding, Source
from storage.priority import relevant_range

MAX_PAGE_SIZE = 200
COUNT_CAP = 10_000
SMALL_SET = 1_000
T = TypeVar("T")
KeySelect = Select[int, int | None]  # (priority, id)


@dataclass(frozen=True)
class QueueFilters:
    statuses: tuple[str, ...] = (ReviewStatus.PENDING.value,)
    labels: tuple[str, ...] = ()
    material: str | None = None  # canonical (normalized) material name, in the document
    country: str | None = None  # ISO 3166-1 alpha-2
    source_id: int | None = None
    language: str | None = None
    date_from: date | None = None  # published (or fetched) date, inclusive
    date_to: date | None = None
    relevant: bool | None = None
    min_relevance: float | None = None


@dataclass(frozen=True, order=True)
class Cursor:
    """Where a page ends: the sort key of its last row. The next page starts after it."""

    priority: int
    id: int


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
    priority: int
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
    incident_type: IncidentType | None
    countries: list[str]
    published_at: datetime | None
    fetched_at: datetime
    marking: str
    priority: int = 0
    pending: int = 0
    total: int = 0


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    total: int  # exact when not `total_capped`, else COUNT_CAP
    limit: int
    next_cursor: Cursor | None = None  # None on the last page
    total_capped: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def total_label(self) -> str:
        return f"{self.total:,}+" if self.total_capped else f"{self.total:,}"


def _country_condition(session: Session, country: str) -> ColumnElement[bool]:
    code = country.strip().upper()[:2]
    if session.get_bind().dialect.name == "postgresql":
        return cast(col(Document.countries), JSONB).contains([code])
    return cast(col(Document.countries), String).like(f'%"{code}"%')


def _mentions_material(document_id: Any, material: str) -> ColumnElement[bool]:
    other = Finding.__table__.alias("material_finding")  # type: ignore[attr-defined]
    return exists().where(
        other.c.label == Label.MATERIAL,
        other.c.normalized == material,
        other.c.document_id == document_id,
    )


def _relevant_condition(priority: Any, relevant: bool | None) -> list[ColumnElement[bool]]:
    if relevant is None:
        return []
    low, high = relevant_range(relevant)
    return [priority >= low, priority < high]


def _document_conditions(session: Session, filters: QueueFilters) -> list[ColumnElement[bool]]:
    """Filters on document columns that the priority does not carry (they need the row)."""
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
    if filters.min_relevance is not None:
        conditions.append(col(Document.relevance) >= filters.min_relevance)
    return conditions


def _statuses(filters: QueueFilters) -> list[ReviewStatus]:
    return [ReviewStatus(s) for s in filters.statuses] or list(ReviewStatus)


def _page_size(limit: int) -> int:
    return max(1, min(limit, MAX_PAGE_SIZE))


def _after(priority: Any, key: Any, cursor: Cursor | None) -> list[ColumnElement[bool]]:
    if cursor is None:
        return []
    return [tuple_(priority, key) < tuple_(cursor.priority, cursor.id)]


def _top_keys(session: Session, arms: list[KeySelect], limit: int) -> list[Cursor]:
    """The first `limit` (priority, id) keys of the merged, individually ordered arms."""
    if len(arms) == 1:
        rows = session.execute(arms[0]).all()
    else:
        parts = [arm.subquery() for arm in arms]
        merged = union_all(*[sa_select(p.c.priority, p.c.id) for p in parts]).subquery()
        query = (
            sa_select(merged.c.priority, merged.c.id)
            .order_by(merged.c.priority.desc(), merged.c.id.desc())
            .limit(limit)
        )
        rows = session.execute(query).all()
    return [Cursor(int(priority), int(key)) for priority, key in rows]


def _capped_count(session: Session, query: KeySelect) -> tuple[int, bool]:
    limited = query.limit(COUNT_CAP + 1).subquery()
    count = int(session.execute(sa_select(func.count()).select_from(limited)).scalar_one())
    return min(count, COUNT_CAP), count > COUNT_CAP


def _keys_and_total(
    session: Session, matches: KeySelect, arms: list[KeySelect], after: Cursor | None, limit: int
) -> tuple[list[Cursor], int, bool]:
    """The first `limit` + 1 keys after the cursor, the total, and whether it is capped."""
    rows = session.execute(matches.limit(SMALL_SET + 1)).all()
    if len(rows) <= SMALL_SET:
        keys = sorted((Cursor(int(p), int(i)) for p, i in rows), reverse=True)
        return [k for k in keys if after is None or k < after][:limit], len(keys), False
    total, capped = _capped_count(session, matches)
    return _top_keys(session, arms, limit), total, capped


def _next_cursor(keys: list[Cursor], limit: int) -> Cursor | None:
    return keys[limit - 1] if len(keys) > limit else None


def _finding_filter(
    session: Session, filters: QueueFilters, clearance: Tlp
) -> tuple[list[ColumnElement[bool]], bool]:
    """Conditions on a finding (and whether they need its document joined)."""
    conditions = _relevant_condition(col(Finding.priority), filters.relevant)
    conditions.append(finding_visible(clearance))
    if filters.material:
        conditions.append(_mentions_material(col(Finding.document_id), filters.material))
    document_conditions = _document_conditions(session, filters)
    return conditions + document_conditions, bool(document_conditions)


def _finding_arm(
    query: KeySelect, status: ReviewStatus, label: str | None, after: Cursor | None, limit: int
) -> KeySelect:
    query = query.where(col(Finding.status) == status)
    if label is not None:
        query = query.where(col(Finding.label) == label)
    return (
        query.where(*_after(col(Finding.priority), col(Finding.id), after))
        .order_by(col(Finding.priority).desc(), col(Finding.id).desc())
        .limit(limit)
    )


def finding_queue(
    *,
    session: Session,
    filters: QueueFilters,
    clearance: Tlp,
    limit: int = 50,
    after: Cursor | None = None,
) -> Page[FindingRow]:
    limit = _page_size(limit)
    conditions, join_document = _finding_filter(session, filters, clearance)
    base = sa_select(col(Finding.priority), col(Finding.id)).where(*conditions)
    if join_document:
        base = base.join(Document, col(Document.id) == Finding.document_id)
    labels: list[str | None] = list(filters.labels) or [None]
    statuses = _statuses(filters)
    arms = [_finding_arm(base, s, label, after, limit + 1) for s in statuses for label in labels]
    matches = base.where(col(Finding.status).in_(statuses))
    if filters.labels:
        matches = matches.where(col(Finding.label).in_(filters.labels))
    keys, total, capped = _keys_and_total(session, matches, arms, after, limit + 1)
    items = _finding_rows(session, [key.id for key in keys[:limit]])
    return Page(items, total, limit, _next_cursor(keys, limit), capped)


def _finding_rows(session: Session, ids: list[int]) -> list[FindingRow]:
    if not ids:
        return []
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
        .where(col(Finding.id).in_(ids))
    )
    rows = {
        int(finding.id): FindingRow(
            id=int(finding.id),
            document_id=finding.document_id,
            label=finding.label,
            text=finding.text,
            normalized=finding.normalized,
            status=str(finding.status),
            version=finding.version,
            confidence=finding.confidence,
            iaea_category=_category_of(finding),
            priority=finding.priority,
            document_title=title,
            source_name=source_name,
            language=language,
            relevant=relevant,
            published_at=published,
        )
        for finding, title, language, relevant, published, source_name in session.execute(query)
    }
    return [rows[i] for i in ids if i in rows]


def _category_of(finding: Finding) -> str | None:
    value = (finding.attributes or {}).get("iaea_category")
    return None if value is None else str(value)


def _document_filter(
    session: Session, filters: QueueFilters, clearance: Tlp
) -> list[ColumnElement[bool]]:
    conditions = _relevant_condition(col(Document.priority), filters.relevant)
    conditions.append(document_visible(clearance))
    conditions += _document_conditions(session, filters)
    if filters.material:
        conditions.append(_mentions_material(col(Document.id), filters.material))
    if filters.statuses or filters.labels:
        held = [col(Finding.document_id) == Document.id]
        if filters.statuses:
            held.append(col(Finding.status).in_(_statuses(filters)))
        if filters.labels:
            held.append(col(Finding.label).in_(filters.labels))
        conditions.append(exists().where(*held))
    return conditions


def document_queue(
    *,
    session: Session,
    filters: QueueFilters,
    clearance: Tlp,
    limit: int = 50,
    after: Cursor | None = None,
) -> Page[DocumentRow]:
    """Documents holding findings that match the finding filters (pending ones by default)."""
    limit = _page_size(limit)
    base = sa_select(col(Document.priority), col(Document.id)).where(
        *_document_filter(session, filters, clearance)
    )
    arm = (
        base.where(*_after(col(Document.priority), col(Document.id), after))
        .order_by(col(Document.priority).desc(), col(Document.id).desc())
        .limit(limit + 1)
    )
    keys, total, capped = _keys_and_total(session, base, [arm], after, limit + 1)
    items = _document_rows(session, [key.id for key in keys[:limit]])
    return Page(items, total, limit, _next_cursor(keys, limit), capped)


def _document_rows(session: Session, ids: list[int]) -> list[DocumentRow]:
    if not ids:
        return []
    query = (
        select(Document, Source.name)
        .outerjoin(Source, col(Source.id) == Document.source_id)
        .where(col(Document.id).in_(ids))
    )
    counts = _finding_counts(session, ids)
    rows = {
        int(document.id or 0): DocumentRow(
            id=int(document.id or 0),
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
            priority=document.priority,
            pending=counts.get(int(document.id or 0), (0, 0))[0],
            total=counts.get(int(document.id or 0), (0, 0))[1],
        )
        for document, source_name in session.exec(query).all()
    }
    return [rows[i] for i in ids if i in rows]


def _finding_counts(session: Session, document_ids: list[int]) -> dict[int, tuple[int, int]]:
    pending = func.sum(case((col(Finding.status) == ReviewStatus.PENDING, 1), else_=0))
    query = (
        select(Finding.document_id, pending, func.count())
        .where(col(Finding.document_id).in_(document_ids))
        .group_by(col(Finding.document_id))
    )
    return {int(d): (int(p or 0), int(n)) for d, p, n in session.execute(query).all()}


def filter_choices(*, session: Session, clearance: Tlp) -> dict[str, list[Any]]:
    """Values offered in the queue filters: sources, and the languages and materials of the
    documents the reader may read."""
    sources = session.exec(select(Source.id, Source.name).order_by(col(Source.name))).all()
    languages = session.exec(
        select(Document.language)
        .where(col(Document.language).is_not(None), document_visible(clearance))
        .distinct()
    ).all()
    materials = session.exec(
        select(Finding.normalized)
        .where(
            Finding.label == Label.MATERIAL,
            col(Finding.normalized).is_not(None),
            finding_visible(clearance),
        )
        .distinct()
        .limit(500)
    ).all()
    return {
        "sources": [(int(i or 0), str(n)) for i, n in sources],
        "languages": sorted(str(x) for x in languages),
        "materials": sorted(str(x) for x in materials),
    }
