"""The demo analyst's watchlist (demo/alerts.yaml), raised after the demo incidents are
confirmed: one source alert proposed from a confirmed theft whose material is still stolen
(storage.alert_drafts, as the Incident page proposes it) and one person alert. The analyst
creates them, so the analyst watches them. The demo's documents are then matched against the
alerts with the function `radintel alerts match` uses, because they were extracted before
the alerts existed; a later extraction matches its own batches.

A rerun leaves alone what exists already: a source alert of the same incident, a person
alert of the same title.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict
from sqlmodel import Session, select

from flows.alert_match import match_all
from flows.demo_review import ANALYST, _load
from flows.demo_setup import demo_root
from nlp.vocabulary import AlertKind
from storage.alert_drafts import propose_alerts_from_incident
from storage.alerts import create_alert
from storage.db import session_scope
from storage.models import Alert, AlertCreate, Incident


class DemoAlerts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source_from_incident: list[str]  # incident titles (demo/incidents.yaml)
    persons: list[dict[str, object]]  # fields of AlertCreate; the kind is "person"


@dataclass(frozen=True)
class AlertOutcome:
    raised: int
    skipped: list[str]  # incident titles not confirmed in the store
    matches: int  # new matches proposed over the demo's documents


def demo_alerts() -> DemoAlerts:
    return DemoAlerts.model_validate(_load(demo_root() / "alerts.yaml"))


def _source_alerts(session: Session, title: str) -> int | None:
    """Alerts raised from the incident titled `title`, or None when there is no incident."""
    incident = session.exec(select(Incident).where(Incident.title == title)).first()
    if incident is None or incident.id is None:
        return None
    if session.exec(select(Alert).where(Alert.incident_id == incident.id)).first():
        return 0
    # One draft per recorded material; the analyst keeps the source itself (a nuclide) and
    # leaves the device recorded beside it, which holds that same source.
    drafts = [
        draft
        for draft in propose_alerts_from_incident(session=session, incident_id=incident.id)
        if draft.nuclide
    ]
    for draft in drafts:
        create_alert(session=session, user=ANALYST, alert_create=draft, incident_id=incident.id)
    return len(drafts)


def _person_alert(session: Session, fields: dict[str, object]) -> int:
    person = AlertCreate.model_validate({**fields, "kind": AlertKind.PERSON})
    if session.exec(select(Alert).where(Alert.title == person.title)).first():
        return 0
    create_alert(session=session, user=ANALYST, alert_create=person)
    return 1


def raise_demo_alerts() -> AlertOutcome:
    plan = demo_alerts()
    raised, skipped = 0, []
    with session_scope() as session:
        for title in plan.source_from_incident:
            count = _source_alerts(session, title)
            if count is None:
                skipped.append(title)
            raised += count or 0
        for fields in plan.persons:
            raised += _person_alert(session, fields)
    return AlertOutcome(raised, skipped, len(match_all()))
