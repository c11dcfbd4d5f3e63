"""Writing extraction results: findings, document assessment and embeddings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from sqlalchemy import Integer, Select, bindparam, delete, insert, or_, select, update
from sqlmodel import Session, col

from nlp.vocabulary import (
    DocumentStatus,
    FindingOrigin,
    IncidentType,
    IntentGroup,
    Label,
    ReviewStatus,
)
from storage.models import Document, DocumentEmbedding, Finding, Suppression
from storage.models._base import utcnow
from storage.priority import document_priority, finding_priority, with_document_part
from storage.search.index import index_documents

SuppressionKeys = set[tuple[str, str]]  # (label, casefolded surface text)


@dataclass(frozen=True)
class NewFinding:
    label: Label
    text: str
    start: int
    end: int
    normalized: str | None
    attributes: dict[str, Any]
    confidence: float
    extractor: str
    extractor_version: str


@dataclass(frozen=True)
class DocumentExtraction:
    """What extraction decided about one document, in storage terms."""

    document_id: int
    language: str | None
    extractor_version: str
    findings: Sequence[NewFinding]
    relevant: bool
    relevance: float
    incident_type: IncidentType
    intent_group: IntentGroup | None
    countries: list[str]
    incident_date: date | None
    evidence: list[dict[str, Any]]
    embedding: Sequence[float] | None
    embedding_model: str | None


def awaiting_extraction(extractor_version: str, after_id: int = 0) -> Select[Document]:
    """Documents with text that were never extracted, or were extracted by another version."""
    return (
        select(Document)
        .where(col(Document.id) > after_id)
        .where(col(Document.text_key).is_not(None))
        .where(
            or_(
                col(Document.status) == DocumentStatus.PENDING,
                (col(Document.status) == DocumentStatus.EXTRACTED)
                & (col(Document.extractor_version) != extractor_version),
            )
        )
        .order_by(Document.id)  # type: ignore[arg-type]
    )


def documents_awaiting_extraction(
    *, session: Session, extractor_version: str, after_id: int = 0, limit: int = 64
) -> list[Document]:
    """Documents with text that were never extracted, or were extracted by another version."""
    statement = awaiting_extraction(extractor_version, after_id).limit(limit)
    return list(session.scalars(statement))


def suppressions_for(
    *, session: Session, documents: Sequence[Document]
) -> dict[int, SuppressionKeys]:
    """Never-again decisions that apply to each document (its own, or its source's)."""
    document_ids = [d.id for d in documents if d.id is not None]
    source_ids = {d.source_id for d in documents if d.source_id is not None}
    rows = session.scalars(
        select(Suppression).where(
            or_(
                Suppression.document_id.in_(document_ids),  # type: ignore[union-attr]
                Suppression.source_id.in_(source_ids),  # type: ignore[union-attr]
            )
        )
    )
    by_document: dict[int, SuppressionKeys] = defaultdict(set)
    rules = list(rows)
    for document in documents:
        assert document.id is not None
        for rule in rules:
            if rule.document_id == document.id or (
                rule.document_id is None and rule.source_id == document.source_id
            ):
                by_document[document.id].add((rule.label, rule.text_key))
    return dict(by_document)


def _reviewed_spans(*, session: Session, document_ids: list[int]) -> dict[int, set[tuple]]:
    """Spans analysts already decided on: re-extraction never proposes them again."""
    rows = session.execute(
        select(
            col(Finding.document_id), col(Finding.label), col(Finding.start), col(Finding.end)
        ).where(
            col(Finding.document_id).in_(document_ids),
            col(Finding.status) != ReviewStatus.PENDING,
        )
    )
    spans: dict[int, set[tuple]] = defaultdict(set)
    for document_id, label, start, end in rows:
        spans[document_id].add((label, start, end))
    return spans


def _finding_rows(extraction: DocumentExtraction, reviewed: set[tuple]) -> list[dict[str, Any]]:
    now = utcnow()
    return [
        {
            "document_id": extraction.document_id,
            "label": f.label,
            "text": f.text,
            "start": f.start,
            "end": f.end,
            "normalized": f.normalized,
            "attributes": f.attributes,
            "confidence": float(f.confidence),
            "priority": finding_priority(
                relevant=extraction.relevant,
                relevance=extraction.relevance,
                label=f.label,
                attributes=f.attributes,
            ),
            "extractor": f.extractor,
            "extractor_version": f.extractor_version,
            "origin": FindingOrigin.MACHINE,
            "status": ReviewStatus.PENDING,
            "version": 1,
            "created_at": now,
            "updated_at": now,
        }
        for f in extraction.findings
        if (f.label, f.start, f.end) not in reviewed
    ]


def save_extractions(*, session: Session, extractions: Sequence[DocumentExtraction]) -> int:
    """Replace the pending machine findings of each document with the new ones, in bulk.

    Confirmed, corrected and rejected findings stay, and their spans are not proposed again.
    The caller commits: one transaction per batch. Returns the number of findings written.
    """
    if not extractions:
        return 0
    document_ids = [e.document_id for e in extractions]
    session.execute(
        delete(Finding).where(
            col(Finding.document_id).in_(document_ids),
            col(Finding.status) == ReviewStatus.PENDING,
            col(Finding.origin) == FindingOrigin.MACHINE,
        )
    )
    _reprioritise_kept(session=session, extractions=extractions)
    reviewed = _reviewed_spans(session=session, document_ids=document_ids)
    rows = [
        row for e in extractions for row in _finding_rows(e, reviewed.get(e.document_id, set()))
    ]
    if rows:
        session.execute(insert(Finding), rows)
    statement = select(col(Document.id), col(Document.language)).where(
        col(Document.id).in_(document_ids)
    )
    languages: dict[int, str | None] = {row[0]: row[1] for row in session.execute(statement).all()}
    saved = [e for e in extractions if e.document_id in languages]
    if saved:
        values = [_document_values(e, languages[e.document_id]) for e in saved]
        session.execute(update(Document), values)
    _save_embeddings(session=session, extractions=saved)
    index_documents(session=session, document_ids=[e.document_id for e in saved])
    return len(rows)


def documents_by_id(*, session: Session, document_ids: Sequence[int]) -> list[Document]:
    """The documents with these ids, in one query, in id order."""
    statement = (
        select(Document).where(col(Document.id).in_(document_ids)).order_by(col(Document.id))
    )
    return list(session.scalars(statement))


def _reprioritise_kept(*, session: Session, extractions: Sequence[DocumentExtraction]) -> None:
    """The findings that stay (reviewed, analyst-made) take the new relevance of their document."""
    table = Finding.__table__  # type: ignore[attr-defined]
    statement = (
        update(table)
        .where(table.c.document_id == bindparam("b_document"))
        .values(priority=with_document_part(table.c.priority, bindparam("b_part", type_=Integer)))
    )
    parts = [
        {"b_document": e.document_id, "b_part": document_priority(e.relevant, e.relevance)}
        for e in extractions
    ]
    session.execute(statement, parts)


def _document_values(extraction: DocumentExtraction, language: str | None) -> dict[str, Any]:
    """One row of the bulk UPDATE by primary key that records a document's extraction; the
    detected language fills in only where ingestion had none."""
    return {
        "id": extraction.document_id,
        "language": language or extraction.language,
        "status": DocumentStatus.EXTRACTED,
        "error": None,
        "extractor_version": extraction.extractor_version,
        "extracted_at": utcnow(),
        "claimed_until": None,  # claimed_by stays: which worker extracted it
        "relevant": extraction.relevant,
        "relevance": float(extraction.relevance),
        "priority": document_priority(extraction.relevant, extraction.relevance),
        "incident_type": extraction.incident_type,
        "intent_group": extraction.intent_group,
        "countries": list(extraction.countries),
        "incident_date": extraction.incident_date,
        "assessment_evidence": list(extraction.evidence),
    }


def _save_embeddings(*, session: Session, extractions: Sequence[DocumentExtraction]) -> None:
    """Insert or replace each document's embedding (one per document)."""
    rows = [
        {
            "document_id": e.document_id,
            "model": e.embedding_model,
            "dim": len(e.embedding),
            "vector": np.asarray(e.embedding, dtype="<f4").tobytes(),
        }
        for e in extractions
        if e.embedding is not None and e.embedding_model
    ]
    if not rows:
        return
    session.execute(
        delete(DocumentEmbedding).where(
            col(DocumentEmbedding.document_id).in_([r["document_id"] for r in rows])
        )
    )
    session.execute(insert(DocumentEmbedding), rows)


def mark_extraction_failed(*, session: Session, document_id: int, reason: str) -> None:
    document = session.get(Document, document_id)
    if document is not None:
        document.status = DocumentStatus.FAILED
        document.error = reason[:2000]
        document.claimed_until = None  # a retry after a fix must not wait for the lease
        session.add(document)


def document_embedding(*, session: Session, document_id: int) -> np.ndarray | None:
    row = session.get(DocumentEmbedding, document_id)
    if row is None:
        return None
    return np.frombuffer(row.vector, dtype="<f4")
