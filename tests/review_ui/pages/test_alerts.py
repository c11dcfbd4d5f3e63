"""The Alerts page with AppTest: an alert's proposed match shows the evidence side by side and
the decay-corrected activity, a hostile document title stays text, Reject needs a reason,
Confirm matches the alert and offers to close it as recovered."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from nlp.vocabulary import (
    AlertKind,
    AlertMatchStatus,
    AlertStatus,
    IncidentType,
    MaterialStatus,
    Tlp,
)
from review_ui.safe_html import escape_text
from storage.alert_matching import match_documents
from storage.alerts import create_alert, watchers_of
from storage.db import session_scope
from storage.models import Alert, AlertCreate, AlertMatch
from tests.factories import create_confirmed_incident, create_document, create_user, ident
from tests.review_ui.pages.test_links import shown, signed_in

APP = str(Path(__file__).resolve().parents[3] / "review_ui" / "app.py")
HOSTILE_TITLE = "<img src=x onerror=alert(1)> **Lyon** camera found"
FOUND = (
    "Le gammagraphe Sentinel 880 volé à Lyon en janvier a été retrouvé le 6 mai près de "
    "Grenoble. La source d'iridium 192 présentait encore 0,8 TBq, selon l'ASN."
)


@pytest.fixture
def db_url(data_dir: Path) -> str:
    """SQLite: the page, not the index, is under test (tests/storage/test_alerts.py)."""
    return f"sqlite:///{data_dir / 'test.db'}"


@pytest.fixture
def match(engine: Engine) -> AlertMatch:
    with session_scope(engine) as session:
        create_user(session, "analyst")
        draft = AlertCreate(
            kind=AlertKind.SOURCE,
            title="Stolen Ir-192 camera",
            nuclide="Ir-192",
            activity_bq=2.6e12,
            activity_reference_date=date(2026, 1, 5),
            device_model="Sentinel 880",
            country="FR",
            place="Lyon",
            reported_missing_on=date(2026, 1, 10),
        )
        create_alert(session=session, user="analyst", alert_create=draft)
        document = create_document(
            session,
            FOUND,
            title=HOSTILE_TITLE,
            relevant=True,
            countries=["FR"],
            marking=Tlp.GREEN,
            published_at=datetime(2026, 5, 7, tzinfo=UTC),
        )
        [made] = match_documents(session=session, document_ids=[ident(document)])
        session.flush()
        session.expunge(made)
    return made


def test_a_match_is_shown_side_by_side_and_decided(engine: Engine, match: AlertMatch) -> None:
    at = signed_in(engine, "pages/alerts.py")
    assert not at.exception
    text = shown(at)
    assert escape_text(HOSTILE_TITLE) in text and "<img" not in text
    assert (
        escape_text("expected 827 GBq on 2026-05-07 (Ir-192, 73.83 d) — reported 800 GBq ✓") in text
    )
    evidence = at.dataframe[1].value  # the alert list comes first
    assert {"nuclide", "activity", "device", "country", "place"} <= set(evidence["evidence"])
    key = f"match_{match.id}"
    at.button(key=f"FormSubmitter:{key}_reject-Reject").click().run()
    assert "needs a reason" in at.error[0].value
    at.button(key=f"FormSubmitter:{key}_confirm-Confirm").click().run()
    assert not at.exception
    with session_scope(engine) as session:
        stored = session.get(AlertMatch, match.id)
        alert = session.get(Alert, match.alert_id)
        assert stored is not None and stored.status == AlertMatchStatus.CONFIRMED
        assert alert is not None and alert.status == AlertStatus.MATCHED
    assert any("close the alert as recovered" in str(i.value) for i in at.info)
    at.button(key=f"alert_{match.alert_id}_close_recovered").click().run()
    with session_scope(engine) as session:
        closed = session.get(Alert, match.alert_id)
        assert closed is not None and closed.status == AlertStatus.CLOSED


def test_a_confirmed_theft_raises_its_source_alerts_from_the_incident_page(engine: Engine) -> None:
    with session_scope(engine) as session:
        create_user(session, "analyst")
        document = create_document(session, FOUND, relevant=True, countries=["FR"])
        material = {"name": "Ir-192", "activity_bq": 2.6e12, "serial_number": "IR-88014"}
        incident = create_confirmed_incident(
            session,
            [document],
            "analyst",
            title="Camera stolen in Lyon",
            incident_type=IncidentType.THEFT,
            material_status=MaterialStatus.STOLEN,
            materials=[material],
            country="FR",
            occurred_on=date(2026, 1, 9),
        )
    at = signed_in(engine, "pages/incidents.py", incident_id=incident.id)
    at.button(key=f"raise_alerts_{incident.id}").click().run()
    assert not at.exception
    with session_scope(engine) as session:
        [alert] = session.exec(select(Alert)).all()
        assert (alert.incident_id, alert.serial_number) == (incident.id, "IR-88014")


def test_watchers_are_added_and_removed_on_the_alert(engine: Engine, match: AlertMatch) -> None:
    with session_scope(engine) as session:
        create_user(session, "colleague", clearance=Tlp.AMBER)
        create_user(session, "trainee", clearance=Tlp.GREEN)  # the alert is TLP:AMBER
        create_user(session, "gone").disabled = True
    at = signed_in(engine, "pages/alerts.py")
    alert_id = match.alert_id
    add = at.selectbox(key=f"watch_{alert_id}_user")
    assert add.options == ["colleague"]  # not the trainee, the disabled user or a watcher
    add.set_value("colleague")
    at.button(key=f"FormSubmitter:watch_{alert_id}-Add watcher").click().run()
    assert [m.value for m in at.success] == ["colleague watches alert #1."]
    at.button(key=f"unwatch_{alert_id}_me").click().run()  # "Stop watching"
    with session_scope(engine) as session:
        assert watchers_of(session=session, alert_id=alert_id) == ["colleague"]
    assert at.button(key=f"watch_{alert_id}_me").label == "Watch this alert"
    remove = at.selectbox(key=f"unwatch_{alert_id}_user")
    remove.set_value("colleague")
    at.button(key=f"FormSubmitter:unwatch_{alert_id}-Remove watcher").click().run()
    with session_scope(engine) as session:
        assert watchers_of(session=session, alert_id=alert_id) == []
