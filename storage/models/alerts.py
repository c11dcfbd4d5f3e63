"""Watchlist alerts (a stolen or missing source, a person of interest), the matches proposed
for them from new documents, their watchers, the keys matching finds candidates by, the
notifications sent to those watchers, and notice drafts written from an alert.

One table holds both kinds of alert: the source fields are empty on a person alert and the
person fields on a source alert; `storage.alerts` checks which are required for which kind.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from nlp.vocabulary import (
    AlertCloseReason,
    AlertKind,
    AlertMatchStatus,
    AlertStatus,
    AssessmentStatus,
    NoticeKind,
    NotificationKind,
    Tlp,
)
from storage.models._base import EnumValue, json_column, utcnow


class AlertBase(SQLModel):
    kind: AlertKind = Field(sa_type=EnumValue(AlertKind, 10))
    title: str
    marking: Tlp = Tlp.AMBER
    notes: str = ""
    # A source: what it is, how active it was on which date, the device that holds it.
    nuclide: str | None = Field(default=None, max_length=20)  # canonical: "Cs-137", "Am-241/Be"
    activity_bq: float | None = None
    activity_reference_date: date | None = None  # the date the activity was quoted for
    device_make: str | None = None
    device_model: str | None = None
    serial_number: str | None = Field(default=None, max_length=80)
    owner: str | None = None
    # Where the source went missing, or where the person is known to operate.
    country: str | None = Field(default=None, max_length=2)  # ISO 3166-1 alpha-2
    place: str | None = None
    reported_missing_on: date | None = None
    # A person: the name as first recorded, its other spellings and scripts.
    name: str | None = None
    name_variants: list[str] = Field(default_factory=list, sa_column=json_column(nullable=False))
    date_of_birth: date | None = None
    nationality: str | None = Field(default=None, max_length=2)  # ISO 3166-1 alpha-2
    role: str | None = None  # "courier", "broker", "buyer"...
    # A new proposed match at or above this score notifies the watchers.
    notify_threshold: float = Field(default=0.8, ge=0, le=1)


class Alert(AlertBase, table=True):
    __table_args__ = (Index("ix_alert_status_kind", "status", "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    status: AlertStatus = Field(default=AlertStatus.OPEN, sa_type=EnumValue(AlertStatus, 10))
    close_reason: AlertCloseReason | None = Field(
        default=None, sa_type=EnumValue(AlertCloseReason, 20)
    )
    # The theft or loss incident it was proposed from, if any.
    incident_id: int | None = Field(default=None, foreign_key="incident.id", index=True)
    created_by: str
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    closed_by: str | None = None
    closed_at: datetime | None = None
    version: int = 1  # optimistic lock: every update checks and increments it


class AlertCreate(AlertBase):
    pass


class AlertWatcher(SQLModel, table=True):
    """A user who is told about the alert's matches (in the inbox and by e-mail)."""

    alert_id: int = Field(foreign_key="alert.id", primary_key=True)
    username: str = Field(primary_key=True, index=True)
    added_by: str
    added_at: datetime = Field(default_factory=utcnow)


class AlertKey(SQLModel, table=True):
    """One index key of an open or matched alert (nlp.alert_matching.keys): a serial number,
    a nuclide in a country, a name skeleton, or "activity:<nuclide>" with the decay index of
    its activity in `decay_index`, which a range condition searches. A document looks its
    own keys up here, so matching costs the same with ten alerts or ten thousand."""

    __table_args__ = (Index("ix_alertkey_key_decay", "key", "decay_index"),)

    alert_id: int = Field(foreign_key="alert.id", primary_key=True)
    key: str = Field(max_length=200, primary_key=True)
    decay_index: float | None = None


class AlertMatch(SQLModel, table=True):
    """A document proposed as being about an alert's source or person, with the evidence
    side by side. One row per (alert, document): a rejected pair is never proposed again."""

    __table_args__ = (
        UniqueConstraint("alert_id", "document_id", name="uq_alertmatch_alert_document"),
        Index("ix_alertmatch_status_score", "status", "score"),
    )

    id: int | None = Field(default=None, primary_key=True)
    alert_id: int = Field(foreign_key="alert.id", index=True)
    document_id: int = Field(foreign_key="document.id", index=True)
    score: float
    # {"shared": [...], "conflicts": [...], "decay": {...}}: what the alert and the document
    # share, what disagrees, and the decay-corrected activity when one was compared.
    evidence: dict[str, Any] = Field(default_factory=dict, sa_column=json_column(nullable=False))
    # The document reports the source found or recovered: confirming it proposes closing.
    reports_recovery: bool = False
    status: AlertMatchStatus = Field(
        default=AlertMatchStatus.PENDING, sa_type=EnumValue(AlertMatchStatus, 10)
    )
    created_at: datetime = Field(default_factory=utcnow)
    decided_by: str | None = None
    decided_at: datetime | None = None
    reason: str | None = None
    version: int = 1


class Notification(SQLModel, table=True):
    """One message to one user: shown in the UI inbox, and sent by e-mail when the user has
    an address. The text holds nothing above the recipient's clearance."""

    __table_args__ = (Index("ix_notification_inbox", "username", "read_at", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    username: str
    kind: NotificationKind = Field(sa_type=EnumValue(NotificationKind, 20))
    alert_id: int = Field(foreign_key="alert.id", index=True)
    match_id: int | None = Field(default=None, foreign_key="alertmatch.id")
    subject: str
    body: str
    created_at: datetime = Field(default_factory=utcnow)
    read_at: datetime | None = None
    emailed_at: datetime | None = None
    email_error: str | None = None  # the last delivery failure, for operators
    # Delivery attempts so far: a message failing this often is given up (flows.notify).
    email_attempts: int = 0


class Notice(SQLModel, table=True):
    """A draft notice written from an alert, in the structure of an INTERPOL Orange notice
    (a threat from a source or person) or Purple notice (a modus operandi), published through
    the same four-eyes steps as assessments: draft -> in_review -> published."""

    id: int | None = Field(default=None, primary_key=True)
    alert_id: int = Field(foreign_key="alert.id", index=True)
    kind: NoticeKind = Field(sa_type=EnumValue(NoticeKind, 10))
    title: str
    marking: Tlp = Tlp.AMBER
    status: AssessmentStatus = Field(
        default=AssessmentStatus.DRAFT, sa_type=EnumValue(AssessmentStatus, 20), index=True
    )
    # Markdown sections: summary, identifiers, modus operandi, requested actions.
    content: dict[str, Any] = Field(default_factory=dict, sa_column=json_column(nullable=False))
    # Object keys of attached device photos (storage.objectstore), shown in the PDF.
    photos: list[str] = Field(default_factory=list, sa_column=json_column(nullable=False))
    # Rendered outputs of a published notice: {"pdf": object key, "json": ...}.
    outputs: dict[str, str] = Field(default_factory=dict, sa_column=json_column(nullable=False))
    author: str
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    submitted_by: str | None = None
    submitted_at: datetime | None = None
    published_by: str | None = None
    published_at: datetime | None = None
    version: int = 1
