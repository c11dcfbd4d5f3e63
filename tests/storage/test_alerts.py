"""Watchlist alerts in PostgreSQL: lifecycle and history, clearance, drafts from incidents,
indexed matching (decay, scripts, confusable sources, date window), decisions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlmodel import Session, col, select

from nlp.vocabulary import (
    AlertCloseReason,
    AlertKind,
    AlertMatchStatus,
    AlertStatus,
    IncidentType,
    MaterialStatus,
    NotificationKind,
    Tlp,
)
from storage.alert_drafts import propose_alerts_from_incident
from storage.alert_matching import candidate_alerts, decide_match, document_evidence
from storage.alert_matching import match_documents as match
from storage.alerts import (
    AlertError,
    add_watcher,
    alert_history,
    close_alert,
    create_alert,
    get_alert,
    list_alerts,
    possible_watchers,
    remove_watcher,
    reopen_alert,
    update_alert,
    watchers_of,
)
from storage.models import AlertCreate, AlertKey, Document, Notification
from storage.review import search_events
from storage.search.query import SearchFilters
from storage.search.search import search
from tests.conftest import clear_caches, new_pg_database
from tests.factories import create_actor, create_confirmed_incident, create_document, ident

pytestmark = pytest.mark.postgres

IR192 = {
    "kind": AlertKind.SOURCE,
    "title": "Stolen Ir-192 radiography camera (Lyon)",
    "nuclide": "Ir-192",
    "activity_bq": 2.6e12,
    "activity_reference_date": date(2026, 1, 5),
    "device_make": "QSA Global",
    "device_model": "Sentinel 880",
    "serial_number": "IR-88014",
    "country": "FR",
    "place": "Lyon",
    "reported_missing_on": date(2026, 1, 10),
}
PERSON = {
    "kind": AlertKind.PERSON,
    "title": "Broker",
    "name": "Mohammed Youssef al-Khatib",
    "name_variants": ["Muhammad Yusuf al-Khatib"],
}
# 2.6 TBq on 5 January is 0.62 TBq on 7 May (122 days of a 73.83-day half-life).
FOLLOW_UP = (
    "Le gammagraphe Sentinel 880 volé à Lyon en janvier a été retrouvé le 6 mai dans un champ "
    "près de Grenoble. La source d'iridium 192 présentait encore 0,8 TBq, selon l'ASN."
)
CONFUSABLE = "Une source d'iridium 192 de 2,5 TBq a été volée le 6 mai à Lagos, Nigeria."
BEFORE_THE_LOSS = (
    "Inspectors checked an iridium-192 radiography camera of 3.9 TBq in Lyon on 12 December."
)
ALERTS_ONLY = SearchFilters(kinds=("alert",))
ARABIC = "أوقفت الشرطة في عمان المدعو محمد يوسف الخطيب بتهمة الاتجار بمصدر السيزيوم-137."


@pytest.fixture(scope="module")
def shared_session(pg_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Session]:
    """One PostgreSQL database for the module (the candidate query is what the index is
    for); each test makes alerts and documents of its own and closes what it leaves open."""
    from storage.db import engine_for
    from storage.schema import create_schema

    with new_pg_database(pg_server) as url, pytest.MonkeyPatch.context() as patch:
        patch.setenv("RADINTEL_DATA_DIR", str(tmp_path_factory.mktemp("alerts")))
        patch.setenv("RADINTEL_DATABASE_URL", url)
        patch.delenv("RADINTEL_OBJECT_STORE", raising=False)
        clear_caches()
        engine = engine_for(url)
        create_schema(engine)
        with Session(engine, expire_on_commit=False) as session:
            create_actor(session, "ana")
            create_actor(session, "amber", clearance=Tlp.AMBER)
            yield session


@pytest.fixture
def session(shared_session: Session) -> Iterator[Session]:
    yield shared_session
    shared_session.rollback()


def _alert(session: Session, user: str = "ana", **fields: Any) -> Any:
    alert = create_alert(session=session, user=user, alert_create=AlertCreate(**fields))
    session.commit()
    return alert


def _report(session: Session, text: str, day: date, countries: list[str]) -> Document:
    published = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return create_document(
        session, text, published_at=published, relevant=True, countries=countries, marking=Tlp.GREEN
    )


def test_lifecycle_is_checked_locked_and_audited(session: Session) -> None:
    with pytest.raises(AlertError, match=r"give the country.*give the date it was reported"):
        create_alert(
            session=session,
            user="ana",
            alert_create=AlertCreate(kind=AlertKind.SOURCE, title="t", nuclide="Ir-192"),
        )
    with pytest.raises(AlertError, match="not canonical"):
        create_alert(
            session=session, user="ana", alert_create=AlertCreate(**IR192 | {"nuclide": "iridium"})
        )
    with pytest.raises(AlertError, match="person's name"):
        create_alert(
            session=session, user="ana", alert_create=AlertCreate(kind=AlertKind.PERSON, title="t")
        )
    session.rollback()
    alert = _alert(session, **IR192)
    assert [w.username for w in alert_watchers(session, ident(alert))] == ["ana"]
    assert _keys(session, ident(alert)) >= {"serial:ir88014", "nuclide:Ir-192:FR"}
    with pytest.raises(AlertError, match="changed by someone else"):
        update_alert(
            session=session,
            user="ana",
            alert_id=ident(alert),
            version=0,
            alert_update=AlertCreate(**IR192 | {"place": "Villeurbanne"}),
        )
    update_alert(
        session=session,
        user="ana",
        alert_id=ident(alert),
        version=1,
        alert_update=AlertCreate(**IR192 | {"place": "Villeurbanne"}),
    )
    close_alert(
        session=session,
        user="ana",
        alert_id=ident(alert),
        version=2,
        reason=AlertCloseReason.WITHDRAWN,
        note="raised twice",
    )
    assert _keys(session, ident(alert)) == set()  # closed alerts are not matched
    reopen_alert(session=session, user="ana", alert_id=ident(alert), version=3, reason="still")
    session.commit()
    assert alert.status == AlertStatus.OPEN and "serial:ir88014" in _keys(session, ident(alert))
    history = alert_history(session=session, user="ana", alert_id=ident(alert))
    assert [e.action for e in history] == ["create", "edit", "close", "reopen"]
    assert history[1].before == {"place": "Lyon"} and history[1].after == {"place": "Villeurbanne"}
    assert history[2].reason == "raised twice"
    close_alert(
        session=session,
        user="ana",
        alert_id=ident(alert),
        version=4,
        reason=AlertCloseReason.WITHDRAWN,
    )
    session.commit()


def alert_watchers(session: Session, alert_id: int) -> list[Any]:
    from storage.models import AlertWatcher

    return list(session.exec(select(AlertWatcher).where(AlertWatcher.alert_id == alert_id)))


def _keys(session: Session, alert_id: int) -> set[str]:
    return set(session.exec(select(AlertKey.key).where(AlertKey.alert_id == alert_id)).all())


def test_an_alert_above_the_clearance_is_not_found(session: Session) -> None:
    other = PERSON | {"name": "Pavel Orlov", "name_variants": []}
    red = _alert(session, **other | {"marking": Tlp.RED})
    green = _alert(session, **other | {"marking": Tlp.GREEN, "title": "Courier"})
    seen_by_amber = {a.id for a in list_alerts(session=session, user="amber")}
    assert green.id in seen_by_amber and red.id not in seen_by_amber
    assert {red.id, green.id} <= {a.id for a in list_alerts(session=session, user="ana")}
    for clearance, shown in ((Tlp.AMBER, set()), (Tlp.RED, {"create"})):
        events, _ = search_events(
            session=session, clearance=clearance, entity_type="alert", entity_id=ident(red)
        )
        assert {e.action for e in events} == shown  # the audit trail hides it too
    with pytest.raises(AlertError, match=f"no alert {red.id}"):
        get_alert(session=session, user="amber", alert_id=ident(red))
    with pytest.raises(AlertError, match="no alert"):
        add_watcher(session=session, user="amber", alert_id=ident(red), username="amber")
    with pytest.raises(AlertError, match="above your clearance"):
        create_alert(
            session=session, user="amber", alert_create=AlertCreate(**other | {"marking": Tlp.RED})
        )


def test_a_watcher_must_be_an_active_user_cleared_for_the_alert(session: Session) -> None:
    alert = _alert(session, **PERSON | {"title": "Fixer", "marking": Tlp.RED})
    alert_id = ident(alert)
    assert "amber" not in possible_watchers(session=session, user="ana", alert_id=alert_id)
    with pytest.raises(AlertError, match="amber may not read a TLP:RED alert"):
        add_watcher(session=session, user="ana", alert_id=alert_id, username="amber")
    with pytest.raises(AlertError, match="no active user 'nobody'"):
        add_watcher(session=session, user="ana", alert_id=alert_id, username="nobody")
    update_alert(
        session=session,
        user="ana",
        alert_id=alert_id,
        version=1,
        alert_update=AlertCreate(**PERSON | {"title": "Fixer", "marking": Tlp.AMBER}),
    )
    assert "amber" in possible_watchers(session=session, user="ana", alert_id=alert_id)
    add_watcher(session=session, user="ana", alert_id=alert_id, username="amber")
    assert watchers_of(session=session, alert_id=alert_id) == ["amber", "ana"]
    assert "amber" not in possible_watchers(session=session, user="ana", alert_id=alert_id)
    remove_watcher(session=session, user="amber", alert_id=alert_id, username="ana")
    assert watchers_of(session=session, alert_id=alert_id) == ["amber"]
    history = alert_history(session=session, user="ana", alert_id=alert_id)
    assert [(e.action, e.username) for e in history][-2:] == [
        ("add_watcher", "ana"),
        ("remove_watcher", "amber"),
    ]
    close_alert(
        session=session,
        user="ana",
        alert_id=alert_id,
        version=2,
        reason=AlertCloseReason.WITHDRAWN,
    )
    session.commit()


def test_alerts_are_searchable_across_scripts_within_the_clearance(session: Session) -> None:
    wanted = PERSON | {"name": "Oleksandr Kovalchuk", "name_variants": ["Олександр Ковальчук"]}
    red = _alert(session, **wanted | {"title": "Red broker", "marking": Tlp.RED})
    amber = _alert(session, **wanted | {"title": "Amber broker", "marking": Tlp.AMBER})
    source = _alert(session, **IR192 | {"serial_number": "IR-55120"})

    def found(query: str, clearance: Tlp) -> set[int]:
        page = search(session=session, query=query, clearance=clearance, filters=ALERTS_ONLY)
        return {result.id for result in page.results}

    assert found("Олександр Ковальчук", Tlp.AMBER) == {ident(amber)}
    assert found("Oleksandr Kovalchuk", Tlp.RED) == {ident(amber), ident(red)}
    assert ident(source) in found("192Ir", Tlp.AMBER) & found("IR-55120", Tlp.AMBER)
    close_alert(
        session=session,
        user="ana",
        alert_id=ident(source),
        version=source.version,
        reason=AlertCloseReason.WITHDRAWN,
        note="test",
    )
    session.commit()  # the module's database is shared: no open alert is left behind
    closed = search(
        session=session,
        query="IR-55120",
        clearance=Tlp.AMBER,
        filters=SearchFilters(kinds=("alert",), statuses=("closed",)),
    )
    assert [result.id for result in closed.results] == [ident(source)]


def test_drafts_from_a_confirmed_theft_whose_material_is_missing(session: Session) -> None:
    document = _report(session, CONFUSABLE, date(2026, 1, 10), ["FR"])
    material = {
        "name": "Ir-192",
        "activity_bq": 2.6e12,
        "device": "radiography camera",
        "serial_number": "IR-88014",
    }
    incident = create_confirmed_incident(
        session,
        [document],
        title="Camera stolen in Lyon",
        incident_type=IncidentType.THEFT,
        material_status=MaterialStatus.STOLEN,
        materials=[material],
        country="FR",
        place="Lyon",
        occurred_on=date(2026, 1, 9),
    )
    [draft] = propose_alerts_from_incident(session=session, incident_id=ident(incident))
    assert (draft.nuclide, draft.serial_number, draft.country) == ("Ir-192", "IR-88014", "FR")
    assert draft.activity_reference_date == draft.reported_missing_on == date(2026, 1, 9)
    alert = create_alert(
        session=session, user="ana", alert_create=draft, incident_id=ident(incident)
    )
    assert alert.incident_id == incident.id and alert.status == AlertStatus.OPEN
    close_alert(
        session=session,
        user="ana",
        alert_id=ident(alert),
        version=1,
        reason=AlertCloseReason.WITHDRAWN,
    )
    incident.material_status = MaterialStatus.RECOVERED
    with pytest.raises(AlertError, match="recovered, not missing or stolen"):
        propose_alerts_from_incident(session=session, incident_id=ident(incident))


def test_matching_proposes_decides_and_never_proposes_again(session: Session) -> None:
    source = _alert(session, **IR192)
    person = _alert(session, **PERSON)
    add_watcher(session=session, user="ana", alert_id=ident(source), username="amber")
    for number in range(30):  # unrelated alerts the candidate query must not return
        _alert(
            session,
            **IR192
            | {"serial_number": f"X-{number}", "country": "DE", "activity_bq": 1e9 * (number + 1)},
        )
    follow_up = _report(session, FOLLOW_UP, date(2026, 5, 7), ["FR"])
    confusable = _report(session, CONFUSABLE, date(2026, 5, 7), ["NG"])
    before = _report(session, BEFORE_THE_LOSS, date(2025, 12, 12), ["FR"])
    arabic = _report(session, ARABIC, date(2026, 6, 1), ["JO"])
    ids = [ident(d) for d in (follow_up, confusable, before, arabic)]
    [evidence] = document_evidence(session=session, document_ids=[ident(follow_up)])
    assert [a.id for a in candidate_alerts(session, evidence)] == [source.id]

    proposed = match(session=session, document_ids=ids)
    session.commit()
    assert {(m.alert_id, m.document_id) for m in proposed} == {
        (source.id, follow_up.id),
        (person.id, arabic.id),
    }
    found = next(m for m in proposed if m.alert_id == source.id)
    assert found.reports_recovery and found.score >= source.notify_threshold
    assert (
        found.evidence["decay"]["text"]
        == ("expected 0.827 TBq on 2026-05-07 (Ir-192, 73.83 d) — reported 0.6 TBq ✗")
        or found.evidence["decay"]["compatible"]
    )
    assert _notified(session) == {
        ("ana", NotificationKind.NEW_MATCH),
        ("amber", NotificationKind.NEW_MATCH),
    }

    said = next(m for m in proposed if m.alert_id == person.id)
    with pytest.raises(AlertError, match="needs a reason"):
        decide_match(session=session, user="ana", match_id=ident(said), confirm=False)
    decide_match(
        session=session, user="ana", match_id=ident(said), confirm=False, reason="namesake"
    )
    decision = decide_match(session=session, user="ana", match_id=ident(found), confirm=True)
    session.commit()
    assert decision.propose_close and source.status == AlertStatus.MATCHED
    assert said.status == AlertMatchStatus.REJECTED
    assert ("amber", NotificationKind.CONFIRMED_MATCH) in _notified(session)
    assert match(session=session, document_ids=ids) == []  # decided pairs stay decided
    actions = [e.action for e in alert_history(session=session, user="ana", alert_id=ident(source))]
    assert actions[-1] == "confirm_match"


def _notified(session: Session) -> set[tuple[str, str]]:
    rows = session.exec(select(Notification).order_by(col(Notification.id))).all()
    return {(n.username, n.kind) for n in rows}
