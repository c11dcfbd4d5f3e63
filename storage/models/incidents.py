from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from nlp.vocabulary import IncidentStatus, IncidentType, IntentGroup, MaterialGroup
from storage.models._base import EnumValue, json_column, utcnow


class IncidentBase(SQLModel):
    """An ITDB-like incident record, built by analysts from one or more documents."""

    title: str
    occurred_on: date | None = None
    reported_on: date | None = None
    incident_type: IncidentType = Field(
        default=IncidentType.OTHER, sa_type=EnumValue(IncidentType, 40)
    )
    intent_group: IntentGroup = Field(
        default=IntentGroup.UNDETERMINED, sa_type=EnumValue(IntentGroup, 40)
    )
    material_group: MaterialGroup | None = Field(default=None, sa_type=EnumValue(MaterialGroup, 30))
    materials: list[str] = Field(default_factory=list, sa_column=json_column(nullable=False))
    country: str | None = Field(default=None, max_length=2)
    place: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    recovered: bool | None = None
    summary: str = ""


class Incident(IncidentBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    status: IncidentStatus = IncidentStatus.OPEN
    merged_into_id: int | None = Field(default=None, foreign_key="incident.id")
    created_by: str
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = 1


class IncidentCreate(IncidentBase):
    pass


class IncidentDocument(SQLModel, table=True):
    incident_id: int = Field(foreign_key="incident.id", primary_key=True)
    document_id: int = Field(foreign_key="document.id", primary_key=True, index=True)
    linked_by: str
    linked_at: datetime = Field(default_factory=utcnow)
    reason: str | None = None
