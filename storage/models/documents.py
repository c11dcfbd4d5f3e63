from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Index, LargeBinary
from sqlmodel import Column, Field, SQLModel

from nlp.vocabulary import DocumentStatus, IncidentType, IntentGroup, Tlp
from storage.models._base import EnumValue, json_column, utcnow


class DocumentBase(SQLModel):
    source_id: int | None = Field(default=None, foreign_key="source.id", index=True)
    parent_id: int | None = Field(default=None, foreign_key="document.id", index=True)
    external_id: str | None = Field(default=None, index=True)  # URL, inbox path, reference
    url: str | None = Field(default=None, index=True)
    title: str | None = None
    published_at: datetime | None = None
    fetched_at: datetime = Field(default_factory=utcnow, index=True)
    language: str | None = Field(default=None, max_length=8, index=True)
    format: str = Field(max_length=20, index=True)  # html, pdf, docx, eml, txt, json, csv, rss
    sha256: str = Field(max_length=64, unique=True)
    raw_key: str | None = None
    text_key: str | None = None
    size_bytes: int = 0
    marking: Tlp = Tlp.GREEN
    reliability: str = Field(default="F", max_length=1)
    credibility: int = Field(default=6, ge=1, le=6)
    bureau_country: str | None = Field(default=None, max_length=2)
    bureau_reference: str | None = None
    submission: dict[str, Any] | None = Field(default=None, sa_column=json_column())
    status: DocumentStatus = Field(default=DocumentStatus.PENDING, index=True)
    error: str | None = None


class Document(DocumentBase, table=True):
    __table_args__ = (
        Index("ix_document_relevant_relevance", "relevant", "relevance"),
        Index("ix_document_priority", "priority", "id"),  # document review queue
    )

    id: int | None = Field(default=None, primary_key=True)
    # Filled by extraction.
    extractor_version: str | None = None
    extracted_at: datetime | None = None
    relevant: bool | None = None
    relevance: float | None = None
    priority: int = 0  # storage.priority.document_priority(relevant, relevance)
    incident_type: IncidentType | None = Field(default=None, sa_type=EnumValue(IncidentType, 40))
    intent_group: IntentGroup | None = Field(default=None, sa_type=EnumValue(IntentGroup, 40))
    countries: list[str] = Field(default_factory=list, sa_column=json_column(nullable=False))
    incident_date: date | None = None
    assessment_evidence: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=json_column(nullable=False)
    )
    # Claimed for extraction by one worker until the lease ends (storage.claims); a crashed
    # worker's claims simply expire and the next run takes the documents again.
    claimed_by: str | None = Field(default=None, max_length=120)
    claimed_until: datetime | None = None


class DocumentCreate(DocumentBase):
    pass


class DocumentEmbedding(SQLModel, table=True):
    """Sentence-embedding of a document, float32 little-endian bytes."""

    document_id: int = Field(foreign_key="document.id", primary_key=True)
    model: str = Field(max_length=80)
    dim: int
    vector: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
