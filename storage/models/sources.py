from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Field, SQLModel

from nlp.vocabulary import RunStatus, SourceKind, Tlp
from storage.models._base import json_column, utcnow


class SourceBase(SQLModel):
    name: str = Field(index=True, unique=True, max_length=120)
    kind: SourceKind
    url: str | None = None  # feed URL; for WEB the pages are in `urls`
    urls: list[str] = Field(default_factory=list, sa_column=json_column(nullable=False))
    inbox: str | None = None  # folder path or object-store prefix
    reliability: str = Field(default="F", max_length=1)  # Admiralty A-F
    default_marking: Tlp = Tlp.GREEN
    language_hint: str | None = Field(default=None, max_length=8)
    bureau_country: str | None = Field(default=None, max_length=2)  # ISO 3166-1 alpha-2
    schedule_minutes: int = 15
    allow_private_network: bool = False  # tests and on-premises feeds only
    enabled: bool = True


class Source(SourceBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(default_factory=utcnow)
    # Conditional GET state, per source URL: {"<url>": {"etag": ..., "last_modified": ...}}
    http_cache: dict[str, Any] = Field(default_factory=dict, sa_column=json_column(nullable=False))


class SourceCreate(SourceBase):
    pass


class IngestRun(SQLModel, table=True):
    """One run of a flow (ingest or extract), with its counts and failures."""

    id: int | None = Field(default=None, primary_key=True)
    flow: str = Field(index=True, max_length=40)  # "ingest", "extract"
    source_id: int | None = Field(default=None, foreign_key="source.id", index=True)
    started_at: datetime = Field(default_factory=utcnow, index=True)
    finished_at: datetime | None = None
    status: RunStatus = RunStatus.RUNNING
    counts: dict[str, int] = Field(default_factory=dict, sa_column=json_column(nullable=False))
    error: str | None = None  # what stopped the whole run, if anything
    owner: str | None = Field(default=None, max_length=120)  # "host:pid" running it


class IngestFailure(SQLModel, table=True):
    """One input that could not be ingested or extracted, and why."""

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="ingestrun.id", index=True)
    source_id: int | None = Field(default=None, foreign_key="source.id", index=True)
    item: str  # URL, inbox path or document id
    reason: str
    at: datetime = Field(default_factory=utcnow, index=True)
    raw_key: str | None = None  # object key of the bytes kept, if any
    quarantine_path: str | None = None
    retried_at: datetime | None = None
    resolved: bool = False
