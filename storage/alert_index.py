"""The index matching finds candidate alerts by (AlertKey rows, nlp.alert_matching.keys):
written for open and matched alerts, removed when an alert closes."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, delete, insert
from sqlmodel import Session, col

from nlp.alert_matching import AlertFacts
from nlp.alert_matching.keys import alert_keys
from nlp.vocabulary import AlertKind, AlertStatus
from storage.models import Alert, AlertKey

WATCHED = (AlertStatus.OPEN, AlertStatus.MATCHED)  # the statuses matching looks at
# What `facts_of` reads: matching selects only these for its candidates (hundreds for a
# document naming a common first name), not whole Alert objects.
FACT_COLUMNS = (
    col(Alert.id),
    col(Alert.kind),
    col(Alert.nuclide),
    col(Alert.activity_bq),
    col(Alert.activity_reference_date),
    col(Alert.device_make),
    col(Alert.device_model),
    col(Alert.serial_number),
    col(Alert.country),
    col(Alert.place),
    col(Alert.reported_missing_on),
    col(Alert.name),
    col(Alert.name_variants),
    col(Alert.date_of_birth),
    col(Alert.nationality),
)


def facts_of(alert: Alert | Row[Any]) -> AlertFacts:
    """The alert's facts, from an Alert or a row holding at least FACT_COLUMNS."""
    kind = AlertKind(alert.kind)
    names = (alert.name, *alert.name_variants) if alert.name else tuple(alert.name_variants)
    return AlertFacts(
        id=alert.id or 0,
        kind=kind,
        nuclide=alert.nuclide,
        activity_bq=alert.activity_bq,
        activity_reference_date=alert.activity_reference_date,
        device_make=alert.device_make,
        device_model=alert.device_model,
        serial_number=alert.serial_number,
        country=alert.country,
        place=alert.place,
        reported_missing_on=alert.reported_missing_on,
        names=tuple(n for n in names if n.strip()),
        date_of_birth=alert.date_of_birth,
        nationality=alert.nationality,
    )


def reindex_alert(session: Session, alert: Alert) -> None:
    """Replace the alert's keys by those of its current fields (none once it is closed)."""
    session.execute(delete(AlertKey).where(col(AlertKey.alert_id) == alert.id))
    if alert.status not in WATCHED:
        return
    keys = alert_keys(facts_of(alert))
    if keys:
        rows = [{"alert_id": alert.id, "key": k, "decay_index": v} for k, v in keys.items()]
        session.execute(insert(AlertKey), rows)
    session.flush()
