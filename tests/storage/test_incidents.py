"""Incidents: open from a document, attach, merge, split, detail; every step audited."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session

from nlp.vocabulary import IncidentStatus, ReviewStatus, Tlp
from storage.incidents import (
    IncidentError,
    attach_document,
    detach_document,
    document_ids_of,
    get_incident,
    list_incidents,
    merge_incidents,
    split_incident,
)
from storage.models import Incident, IncidentMaterial
from storage.review import search_events
from tests.factories import create_actor, create_document, create_finding, create_incident, ident


@pytest.fixture(autouse=True)
def reviewers(session: Session) -> None:
    for name in ("ana", "a"):
        create_actor(session, name)


def _incident_with(session: Session, count: int) -> tuple[Incident, list[int]]:
    documents = [
        create_document(session, countries=["NL"], incident_date=date(2025, 3, 1))
        for _ in range(count)
    ]
    create_finding(
        session,
        documents[0],
        "Cs-137",
        "MATERIAL",
        normalized="Cs-137",
        attributes={"material_group": "radioactive_source", "iaea_category": 4},
        status=ReviewStatus.CONFIRMED,
    )
    create_finding(
        session,
        documents[0],
        "Rotterdam",
        "GPE",
        normalized="NL",
        attributes={
            "place_kind": "city",
            "place_name": "Rotterdam",
            "latitude": 51.92,
            "longitude": 4.48,
        },
    )
    incident = create_incident(session, documents)
    return incident, [ident(d) for d in documents]


def test_open_from_document_prefills_and_audits(session: Session) -> None:
    incident, ids = _incident_with(session, 1)
    assert (incident.country, incident.material_group) == ("NL", "radioactive_source")
    [material] = [IncidentMaterial.model_validate(m) for m in incident.materials]
    assert (material.name, material.iaea_category) == ("Cs-137", 4)
    assert incident.occurred_on == date(2025, 3, 1)
    assert (incident.place, incident.latitude, incident.longitude) == ("Rotterdam", 51.92, 4.48)
    detail = get_incident(session=session, clearance=Tlp.RED, incident_id=ident(incident))
    assert [d.id for d in detail.documents] == ids
    assert detail.materials[0]["normalized"] == "Cs-137"
    rotterdam = next(p for p in detail.places if p.name == "Rotterdam")
    assert rotterdam.latitude == pytest.approx(51.92, abs=0.1)
    assert detail.timeline[0].what == "occurred"
    events, _ = search_events(session=session, clearance=Tlp.RED, entity_type="incident")
    assert [e.action for e in events] == ["open"]


def test_merge_moves_documents_and_keeps_a_pointer(session: Session) -> None:
    first, first_docs = _incident_with(session, 2)
    second, second_docs = _incident_with(session, 1)
    with pytest.raises(IncidentError):
        merge_incidents(
            session=session,
            merged_id=ident(second),
            into_id=ident(first),
            username="a",
            reason="",
            clearance=Tlp.RED,
        )
    merge_incidents(
        session=session,
        merged_id=ident(second),
        into_id=ident(first),
        username="ana",
        reason="same seizure",
        clearance=Tlp.RED,
    )
    merged = session.get(Incident, second.id)
    assert merged is not None
    assert (merged.status, merged.merged_into_id) == (IncidentStatus.MERGED, first.id)
    assert document_ids_of(session=session, incident_id=ident(first)) == sorted(
        first_docs + second_docs
    )
    assert document_ids_of(session=session, incident_id=ident(second)) == []
    rows, total = list_incidents(session=session, clearance=Tlp.RED)
    assert total == 1 and rows[0][1] == 3
    with pytest.raises(IncidentError):
        attach_document(
            session=session,
            incident_id=ident(second),
            document_id=first_docs[0],
            username="ana",
            clearance=Tlp.RED,
        )
    actions = {
        e.action
        for e in search_events(session=session, clearance=Tlp.RED, entity_type="incident")[0]
    }
    assert {"merge", "merged_into"} <= actions


def test_split_moves_chosen_documents_to_a_new_incident(session: Session) -> None:
    incident, ids = _incident_with(session, 3)
    with pytest.raises(IncidentError):
        split_incident(
            session=session,
            incident_id=ident(incident),
            document_ids=ids,
            username="ana",
            reason="all",
            title="x",
        )
    new = split_incident(
        session=session,
        incident_id=ident(incident),
        document_ids=ids[1:],
        username="ana",
        reason="two separate thefts",
        title="Second theft",
    )
    assert new.title == "Second theft" and new.country == incident.country
    assert document_ids_of(session=session, incident_id=ident(new)) == ids[1:]
    assert document_ids_of(session=session, incident_id=ident(incident)) == ids[:1]
    detach_document(
        session=session,
        incident_id=ident(new),
        document_id=ids[1],
        username="ana",
        reason="unrelated",
    )
    assert document_ids_of(session=session, incident_id=ident(new)) == ids[2:]
