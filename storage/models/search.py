"""The search index: one row per searchable thing (storage/search/kinds.py).

`keys` holds the exact-match tokens of nlp.search_terms (names, identifiers, filter values).
The full-text side is per database: on PostgreSQL a trigger fills `tsv` (weighted: keys A,
title B, body D) under the entry's language configuration, behind a GIN index; on SQLite an
FTS5 table `search_fts` over title, body and keys is kept by triggers. Both are created by
the migration from storage/migrations/search_ddl.py.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlalchemy.dialects.postgresql import TSVECTOR
from sqlmodel import Field, SQLModel

from nlp.vocabulary import Tlp
from storage.models._base import utcnow


class SearchEntry(SQLModel, table=True):
    __tablename__ = "search_entry"
    __table_args__ = (
        UniqueConstraint("kind", "entity_id", name="uq_search_entry_kind_entity"),
        Index("ix_search_entry_tsv", "tsv", postgresql_using="gin"),
        # The recency order of search's ranking windows (storage.search.search), walked
        # backwards per kind; it serves the date filter too.
        Index("ix_search_entry_recent", "kind", "day", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=20)  # document, finding, incident
    entity_id: int
    # What clearance is judged by (storage.clearance): the marking of a document (and of a
    # finding, its document's), copied because ingestion sets it once and nothing changes it;
    # an incident's, whose marking follows its documents, is read live through incident_id.
    marking: Tlp | None = None
    document_id: int | None = Field(default=None, index=True)
    incident_id: int | None = Field(default=None, index=True)
    external_id: str | None = None
    title: str = ""
    body: str = ""
    config: str = Field(default="simple", max_length=20)  # nlp.search_terms.text_config
    keys: str = ""  # space-separated nlp.search_terms keys
    day: date | None = None  # date filter and recency (ix_search_entry_recent)
    status: str = Field(default="", max_length=20)
    updated_at: datetime = Field(default_factory=utcnow)
    # PostgreSQL only (filled by its trigger); the column stays empty on SQLite.
    tsv: Any = Field(
        default=None, sa_column=Column(TSVECTOR().with_variant(Text(), "sqlite"), nullable=True)
    )


class SearchNameToken(SQLModel, table=True):
    """Every name skeleton in the index: the vocabulary typos are forgiven against."""

    __tablename__ = "search_name_token"

    token: str = Field(primary_key=True, max_length=80)
