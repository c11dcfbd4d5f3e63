from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from nlp.vocabulary import AssessmentStatus, Tlp
from storage.models._base import utcnow


class AssessmentBase(SQLModel):
    title: str
    period_start: date
    period_end: date
    scope: str = "global"  # a region, a country list, a material group...
    marking_ceiling: Tlp = Tlp.AMBER
    body: str = ""


class Assessment(AssessmentBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    status: AssessmentStatus = AssessmentStatus.DRAFT
    author: str
    approver: str | None = None  # four-eyes: never the author
    edition: int = 0  # incremented on each publication
    marking: Tlp | None = None  # most restrictive marking of what it contains
    published_at: datetime | None = None
    published_key: str | None = None  # object key of the published edition
    created_at: datetime = Field(default_factory=utcnow)
    version: int = 1


class AssessmentCreate(AssessmentBase):
    pass
