from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlmodel import Field, SQLModel

from nlp.vocabulary import IncidentStatus, IncidentType, IntentGroup, MaterialGroup, MaterialStatus
from storage.models._base import EnumValue, json_column, utcnow


class IncidentMaterial(BaseModel):
    """One material of an incident (ITDB): taken from a confirmed MATERIAL finding of one of
    its documents (`finding_ids`), or typed by an analyst; stored as a dict in
    `Incident.materials`, read back with `IncidentMaterial.model_validate`."""

    model_config = ConfigDict(extra="ignore")

    name: str  # canonical: "Cs-137", "HEU", "Am-241/Be", "red mercury"
    material_group: MaterialGroup | None = None
    activity_bq: float | None = None
    activity_reference_date: date | None = None  # the date the activity was quoted for
    quantity_g: float | None = None
    enrichment_pct: float | None = None
    count: int | None = None
    device: str | None = None
    serial_number: str | None = None
    iaea_category: int | None = None  # 1 (most dangerous) to 5, from A/D
    finding_ids: list[int] = []


class IncidentBase(SQLModel):
    """An ITDB-like incident record, built by analysts from one or more documents."""

    title: str
    occurred_on: date | None = None  # the day it happened, or the first day of a range
    occurred_until: date | None = None  # the last day when only a range is known
    reported_on: date | None = None
    incident_type: IncidentType = Field(
        default=IncidentType.OTHER, sa_type=EnumValue(IncidentType, 40)
    )
    intent_group: IntentGroup = Field(
        default=IntentGroup.UNDETERMINED, sa_type=EnumValue(IntentGroup, 40)
    )
    material_group: MaterialGroup | None = Field(default=None, sa_type=EnumValue(MaterialGroup, 30))
    # IncidentMaterial dicts, most dangerous first.
    materials: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=json_column(nullable=False)
    )
    material_status: MaterialStatus = Field(
        default=MaterialStatus.UNKNOWN, sa_type=EnumValue(MaterialStatus, 20)
    )
    country: str | None = Field(default=None, max_length=2)  # where it happened, ISO 3166-1
    # Other countries involved (origin, transit, destination), ISO 3166-1 alpha-2.
    other_countries: list[str] = Field(default_factory=list, sa_column=json_column(nullable=False))
    place: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    # Admiralty grading, proposed from the sources (storage.incidents), editable.
    reliability: str = Field(default="F", max_length=1)  # A-F
    credibility: int = Field(default=6, ge=1, le=6)  # 1-6
    summary: str = ""


class Incident(IncidentBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    status: IncidentStatus = IncidentStatus.OPEN
    merged_into_id: int | None = Field(default=None, foreign_key="incident.id")
    created_by: str
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    confirmed_by: str | None = None
    confirmed_at: datetime | None = None
    version: int = 1


class IncidentCreate(IncidentBase):
    pass


class IncidentDocument(SQLModel, table=True):
    incident_id: int = Field(foreign_key="incident.id", primary_key=True)
    document_id: int = Field(foreign_key="document.id", primary_key=True, index=True)
    linked_by: str
    linked_at: datetime = Field(default_factory=utcnow)
    reason: str | None = None
