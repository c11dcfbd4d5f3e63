"""Incident linking: proposals an analyst accepts or rejects, and the per-document index
(blocking keys, MinHash signature, story) that finds candidates with an indexed query."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import LargeBinary
from sqlmodel import Column, Field, SQLModel

from nlp.vocabulary import LinkKind, LinkStatus
from storage.models._base import EnumValue, json_column, utcnow


class LinkProposal(SQLModel, table=True):
    """Two documents (kind "document") or a document and an incident (kind "incident")
    proposed as one incident. `pair` is unique, so a decided pair is never proposed again:
    "d:<lower id>:<higher id>" or "i:<document id>:<incident id>"."""

    id: int | None = Field(default=None, primary_key=True)
    pair: str = Field(max_length=60, unique=True)
    kind: LinkKind = Field(sa_type=EnumValue(LinkKind, 10))
    left_document_id: int = Field(foreign_key="document.id", index=True)
    right_document_id: int | None = Field(default=None, foreign_key="document.id", index=True)
    incident_id: int | None = Field(default=None, foreign_key="incident.id", index=True)
    score: float
    # {"shared": [EvidenceItem dicts], "conflicts": [...]}, left is the left document.
    evidence: dict[str, Any] = Field(default_factory=dict, sa_column=json_column(nullable=False))
    status: LinkStatus = Field(
        default=LinkStatus.PENDING, sa_type=EnumValue(LinkStatus, 10), index=True
    )
    created_at: datetime = Field(default_factory=utcnow)
    decided_by: str | None = None
    decided_at: datetime | None = None
    reason: str | None = None
    version: int = 1


class LinkKey(SQLModel, table=True):
    """One blocking key of an indexed document (nlp.linking.blocking, plus MinHash bands):
    documents sharing a key are candidates."""

    document_id: int = Field(foreign_key="document.id", primary_key=True)
    key: str = Field(max_length=200, primary_key=True, index=True)


class LinkIndex(SQLModel, table=True):
    """A relevant document as linking sees it: its evidence (without the text), the MinHash
    signature of its shingles and its story (syndicated copies share the story id, the
    lowest document id among them)."""

    document_id: int = Field(foreign_key="document.id", primary_key=True)
    story_id: int = Field(index=True)
    evidence: dict[str, Any] = Field(default_factory=dict, sa_column=json_column(nullable=False))
    signature: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    indexed_at: datetime = Field(default_factory=utcnow)
