from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from nlp.vocabulary import FindingOrigin, Label, ReviewStatus
from storage.models._base import EnumValue, json_column, utcnow


class FindingBase(SQLModel):
    document_id: int = Field(foreign_key="document.id")  # indexed by ix_finding_document_status
    label: Label = Field(sa_type=EnumValue(Label, 20))
    text: str  # surface text as it stands in the document
    start: int  # character offsets into the stored extracted text
    end: int
    normalized: str | None = None  # ISO code, ISO date, canonical material name
    attributes: dict[str, Any] = Field(default_factory=dict, sa_column=json_column(nullable=False))
    confidence: float = 0.0
    extractor: str = Field(max_length=60)  # e.g. "spacy-ner", "material-rules", "analyst"
    extractor_version: str = Field(max_length=40)
    origin: FindingOrigin = FindingOrigin.MACHINE


class Finding(FindingBase, table=True):
    __table_args__ = (
        # Review queue, read backwards: see storage/priority.py and storage/queue.py.
        # document_id last: joins to the document and the material filter stay index-only.
        Index("ix_finding_queue", "status", "priority", "id", "document_id"),
        Index("ix_finding_queue_label", "status", "label", "priority", "id", "document_id"),
        # Material filter ("documents mentioning Cs-137"), index-only.
        Index("ix_finding_label_normalized", "label", "normalized", "document_id"),
        Index("ix_finding_document_status", "document_id", "status"),  # evidence page
    )

    id: int | None = Field(default=None, primary_key=True)
    status: ReviewStatus = ReviewStatus.PENDING
    priority: int = 0  # storage.priority.finding_priority, kept by every writer
    version: int = 1  # optimistic lock: every update checks and increments it
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    reviewed_by: str | None = None


class Suppression(SQLModel, table=True):
    """A value an analyst rejected for good: never proposed again in that context.

    The context is the source of the document (or one document when source_id is null),
    so "Will" rejected as a PERSON in one feed stops coming back from that feed.
    """

    id: int | None = Field(default=None, primary_key=True)
    label: Label = Field(sa_type=EnumValue(Label, 20), index=True)
    text_key: str = Field(index=True)  # casefolded surface text
    source_id: int | None = Field(default=None, foreign_key="source.id")
    document_id: int | None = Field(default=None, foreign_key="document.id")
    created_by: str
    reason: str
    created_at: datetime = Field(default_factory=utcnow)


class ReviewEvent(SQLModel, table=True):
    """Append-only audit trail of every human decision."""

    __table_args__ = (Index("ix_reviewevent_entity", "entity_type", "entity_id"),)  # history

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    username: str = Field(index=True)
    action: str = Field(max_length=40)  # confirm, correct, reject, add, link, merge, publish...
    entity_type: str = Field(max_length=20)  # finding, incident, assessment, user, source
    entity_id: int = Field(index=True)
    before: dict[str, Any] | None = Field(default=None, sa_column=json_column())
    after: dict[str, Any] | None = Field(default=None, sa_column=json_column())
    reason: str | None = None
