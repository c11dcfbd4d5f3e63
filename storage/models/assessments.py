"""Threat assessments: an edition's record, and the data snapshot it is built from.

The snapshot is a frozen copy of everything the edition's figures, charts, map and tables show
(`Snapshot`, stored as JSON in `Assessment.snapshot`). Renderers read only the snapshot and the
narrative, never the database, so a published edition renders to the same figures and tables
for as long as it exists.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from nlp.vocabulary import AssessmentStatus, Tlp
from storage.models._base import EnumValue, json_column, utcnow

# The narrative sections an editor writes, in Markdown, in the order they are printed.
SECTIONS = ("key_judgements", "summary", "trends", "outlook")

# The dimensions an assessment counts confirmed incidents by (Snapshot.counts keys).
DIMENSIONS = ("incident_type", "material_group", "intent_group", "iaea_category", "country")


class SnapshotIncident(BaseModel):
    """One confirmed incident as an edition shows it: display-ready, no database ids beyond
    the incident's own."""

    model_config = ConfigDict(frozen=True)

    id: int
    title: str
    occurred_on: date | None
    occurred_until: date | None
    reported_on: date | None
    incident_type: str
    intent_group: str
    material_group: str | None
    materials: list[str]  # "Cs-137, 3.7 GBq, Cat 4" for each material, most dangerous first
    iaea_category: int | None  # the most dangerous category of its materials
    material_status: str
    country: str | None  # ISO 3166-1 alpha-2
    other_countries: list[str]
    place: str | None
    latitude: float | None
    longitude: float | None
    sources: list[str]  # "<source name> (B2)": each independent source with its grading
    reliability: str
    credibility: int
    marking: Tlp


class Snapshot(BaseModel):
    """Everything an edition's figures, charts, map and tables are drawn from."""

    model_config = ConfigDict(frozen=True)

    period: str  # "2026-Q3", "2026-09", "2026"
    period_start: date
    period_end: date  # last day, inclusive
    previous_period: str  # the previous period of equal length
    scope: str | None  # None: the world; else an ISO country code or a region name
    ceiling: Tlp
    built_at: datetime
    marking: Tlp  # the most restrictive marking of the incidents it holds (CLEAR if none)
    incidents: list[SnapshotIncident]  # confirmed, in the period and scope, within the ceiling
    # counts[dimension][value] for the period and the previous one (DIMENSIONS)
    counts: dict[str, dict[str, int]]
    previous_counts: dict[str, dict[str, int]]
    previous_total: int
    left_out_above_ceiling: int  # confirmed incidents in period and scope marked above it
    left_out_undated: int  # confirmed incidents in scope with no date at all


class Assessment(SQLModel, table=True):
    """One edition of a periodic threat assessment. Editions of one series (the original and
    its corrections) share `series_id`; a correction names what changed in `changes`."""

    __table_args__ = (Index("ix_assessment_series_edition", "series_id", "edition", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    series_id: int | None = Field(default=None, index=True)  # id of the first edition
    edition: int = 1
    supersedes_id: int | None = Field(default=None, foreign_key="assessment.id")
    changes: str | None = None  # what a correction changed (required from edition 2)
    title: str
    period: str = Field(max_length=10, index=True)
    period_start: date
    period_end: date
    scope: str | None = Field(default=None, max_length=60)
    ceiling: Tlp
    marking: Tlp = Tlp.CLEAR  # of the snapshot's content; set with the snapshot
    status: AssessmentStatus = Field(
        default=AssessmentStatus.DRAFT, sa_type=EnumValue(AssessmentStatus, 20), index=True
    )
    key_judgements: str = ""  # Markdown, as are the other SECTIONS
    summary: str = ""
    trends: str = ""
    outlook: str = ""
    snapshot: dict[str, Any] = Field(default_factory=dict, sa_column=json_column(nullable=False))
    snapshot_at: datetime | None = None
    # Rendered outputs of a published edition: {"pdf": object key, "html": ..., "md": ...};
    # the key is the SHA-256 of the bytes (storage.objectstore).
    outputs: dict[str, str] = Field(default_factory=dict, sa_column=json_column(nullable=False))
    author: str
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    submitted_by: str | None = None
    submitted_at: datetime | None = None
    published_by: str | None = None
    published_at: datetime | None = None
    version: int = 1  # optimistic lock: every update checks and increments it
