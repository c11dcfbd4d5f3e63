"""What matching knows of an alert: the fields of a storage Alert row, without storage."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nlp.vocabulary import AlertKind


@dataclass(frozen=True)
class AlertFacts:
    id: int
    kind: AlertKind
    nuclide: str | None = None
    activity_bq: float | None = None
    activity_reference_date: date | None = None
    device_make: str | None = None
    device_model: str | None = None
    serial_number: str | None = None
    country: str | None = None
    place: str | None = None
    reported_missing_on: date | None = None
    names: tuple[str, ...] = ()  # the name first, then its variants
    date_of_birth: date | None = None
    nationality: str | None = None
