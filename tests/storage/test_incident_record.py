"""The ITDB record: materials from confirmed findings, edits, grading, confirm and reopen."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import Session

from nlp.vocabulary import IncidentStatus, MaterialStatus, ReviewStatus, Tlp
from storage.incident_grading import proposed_grading
from storage.incident_materials import materials_from_findings
from storage.incident_record import (
    IncidentUpdate,
    confirm_incident,
    refresh_materials,
    reopen_incident,
    update_incident,
)
from storage.incidents import (
    IncidentError,
    attach_document,
    detach_document,
    get_incident,
    list_incidents,
    split_incident,
)
from storage.models import Document, Incident, IncidentMaterial
from storage.review import search_events
from tests.factories import (
    create_actor,
    create_document,
    create_finding,
    create_incident,
    create_source,
    ident,
)

SEIZURE = "Customs seized Cs-137 and Am-241 and Co-60 in a van."


@pytest.fixture(autouse=True)
def reviewer(session: Session) -> None:
    create_actor(session, "ana")


def _material(session: Session, document: Document, needle: str, status: ReviewStatus) -> int:
    finding = create_finding(
        session,
        document,
        needle,
        "MATERIAL",
        normalized=needle,
        status=status,
        attributes={"material_group": "radioactive_source", "iaea_category": 3, "count": 1},
    )
    return ident(finding)


def _actions(session: Session, incident: Incident) -> list[str]:
    events, _ = search_events(session=session, clearance=Tlp.RED, entity_type="incident")
    return [e.action for e in reversed(events) if e.entity_id == incident.id]


def _edit(session: Session, incident: Incident, **fields: object) -> Incident:
    return update_incident(
        session=session,
        username="ana",
        incident_id=ident(incident),
        version=incident.version,
        changes=IncidentUpdate.model_validate(fields),
        clearance=Tlp.RED,
    )


def test_materials_come_only_from_confirmed_or_corrected_findings(session: Session) -> None:
    document = create_document(session, text=SEIZURE)
    confirmed = _material(session, document, "Cs-137", ReviewStatus.CONFIRMED)
    _material(session, document, "Am-241", ReviewStatus.PENDING)
    _material(session, document, "Co-60", ReviewStatus.REJECTED)
    materials = materials_from_findings(
        session=session, document_ids=[ident(document)], clearance=Tlp.RED
    )
    assert [(m.name, m.finding_ids) for m in materials] == [("Cs-137", [confirmed])]
    incident = create_incident(session, [document])
    assert [m["name"] for m in incident.materials] == ["Cs-137"]
    corrected = _material(session, document, "Co-60", ReviewStatus.CORRECTED)
    refresh_materials(
        session=session,
        username="ana",
        incident_id=ident(incident),
        version=incident.version,
        clearance=Tlp.RED,
    )
    ids = sorted(i for m in incident.materials for i in m["finding_ids"])
    assert ids == sorted([confirmed, corrected])
    assert _actions(session, incident) == ["open", "refresh_materials"]


def test_update_audits_exactly_the_changed_fields(session: Session) -> None:
    incident = create_incident(session, [create_document(session, countries=["NL"])])
    stale = incident.version
    material = IncidentMaterial(name="Ir-192", activity_bq=1.2e12, iaea_category=2)
    _edit(
        session,
        incident,
        country="de",
        other_countries=["nl", "BE"],
        material_status="stolen",
        occurred_on="2025-01-02",
        occurred_until="2025-01-05",
        materials=[material.model_dump()],
        title=incident.title,  # unchanged: not in the audit
    )
    assert (incident.country, incident.other_countries) == ("DE", ["NL", "BE"])
    assert incident.material_status == MaterialStatus.STOLEN
    events, _ = search_events(session=session, clearance=Tlp.RED, entity_type="incident")
    edit = events[0]
    assert edit.action == "edit" and edit.before is not None and edit.after is not None
    assert set(edit.after) == {
        "country",
        "other_countries",
        "material_status",
        "occurred_on",
        "occurred_until",
        "materials",
    }
    assert (edit.before["country"], edit.after["country"]) == ("NL", "DE")
    assert edit.after["materials"][0]["name"] == "Ir-192"
    with pytest.raises(IncidentError, match="changed by someone else"):
        update_incident(
            session=session,
            username="ana",
            incident_id=ident(incident),
            version=stale,
            changes=IncidentUpdate(summary="late edit"),
            clearance=Tlp.RED,
        )


@pytest.mark.parametrize(
    "fields",
    [
        {"country": "XX"},
        {"other_countries": ["Netherlands"]},
        {"reliability": "G"},
        {"credibility": 7},
    ],
)
def test_invalid_values_are_refused(fields: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        IncidentUpdate.model_validate(fields)


def test_a_range_ending_before_it_begins_is_refused(session: Session) -> None:
    incident = create_incident(session, [create_document(session)])
    with pytest.raises(IncidentError, match="ends before it begins"):
        _edit(session, incident, occurred_on="2025-03-01", occurred_until="2025-02-01")
    assert incident.occurred_until is None and _actions(session, incident) == ["open"]


def test_an_analyst_below_the_marking_gets_no_incident(session: Session) -> None:
    red = create_document(session, marking=Tlp.RED)
    incident = create_incident(session, [create_document(session), red])
    for reader in (Tlp.GREEN, Tlp.AMBER):
        with pytest.raises(IncidentError, match=f"^no incident {incident.id}$"):
            get_incident(session=session, incident_id=ident(incident), clearance=reader)
    with pytest.raises(IncidentError, match=f"^no incident {incident.id}$"):
        update_incident(
            session=session,
            username="ana",
            incident_id=ident(incident),
            version=incident.version,
            changes=IncidentUpdate(summary="x"),
            clearance=Tlp.AMBER,
        )
    detail = get_incident(session=session, incident_id=ident(incident), clearance=Tlp.RED)
    assert detail.marking == Tlp.RED


def test_two_independent_sources_confirm_one_another(session: Session) -> None:
    feed = create_source(session, reliability="C")
    first = create_document(session, source=feed, reliability="C", credibility=3)
    same_feed = create_document(session, source=feed, reliability="C", credibility=2)
    incident = create_incident(session, [first, same_feed])
    grading = proposed_grading(session=session, incident_id=ident(incident))
    assert (grading.reliability, grading.credibility, len(grading.sources)) == ("C", 2, 1)
    assert (incident.reliability, incident.credibility) == ("C", 2)
    bureau = create_document(
        session, text=SEIZURE, bureau_country="DE", reliability="B", credibility=3
    )
    confirmed = _material(session, bureau, "Co-60", ReviewStatus.CONFIRMED)
    attach_document(
        session=session,
        incident_id=ident(incident),
        document_id=ident(bureau),
        username="ana",
        clearance=Tlp.RED,
    )
    detail = get_incident(session=session, incident_id=ident(incident), clearance=Tlp.RED)
    assert (detail.grading.reliability, detail.grading.credibility) == ("B", 1)
    assert [s.origin for s in detail.sources] == [f"source {feed.name}", "bureau DE"]
    assert "2 independent sources" in detail.grading.why
    assert (incident.reliability, incident.credibility) == ("B", 1)  # not set by hand: applied
    assert [m["finding_ids"] for m in incident.materials] == [[confirmed]]  # attach adds it


def test_a_grading_set_by_hand_is_kept_when_a_document_is_attached(session: Session) -> None:
    incident = create_incident(session, [create_document(session, reliability="C")])
    _edit(session, incident, reliability="A", credibility=2)
    attach_document(
        session=session,
        incident_id=ident(incident),
        document_id=ident(create_document(session, bureau_country="DE")),
        username="ana",
        clearance=Tlp.RED,
    )
    assert (incident.reliability, incident.credibility) == ("A", 2)


def _confirm(session: Session, incident: Incident) -> Incident:
    return confirm_incident(
        session=session,
        username="ana",
        incident_id=ident(incident),
        version=incident.version,
        clearance=Tlp.RED,
    )


def _reopen(session: Session, incident: Incident, reason: str) -> Incident:
    return reopen_incident(
        session=session,
        username="ana",
        incident_id=ident(incident),
        version=incident.version,
        reason=reason,
        clearance=Tlp.RED,
    )


def test_confirm_needs_a_document_a_date_and_a_country(session: Session) -> None:
    bare = create_incident(session, [create_document(session)])
    with pytest.raises(IncidentError, match=r"date.*country"):
        _confirm(session, bare)
    _edit(session, bare, reported_on="2025-04-01", country="FR")
    confirmed = _confirm(session, bare)
    assert (confirmed.status, confirmed.confirmed_by) == (IncidentStatus.CONFIRMED, "ana")
    with pytest.raises(IncidentError, match="already confirmed"):
        _confirm(session, confirmed)
    rows, _ = list_incidents(session=session, clearance=Tlp.RED)
    assert [i.id for i, _ in rows] == [bare.id]  # open and confirmed ones are listed
    with pytest.raises(IncidentError, match="needs a reason"):
        _reopen(session, bare, " ")
    _reopen(session, bare, "one source retracted")
    assert (bare.status, bare.confirmed_by, bare.confirmed_at) == (IncidentStatus.OPEN, None, None)
    assert _actions(session, bare) == ["open", "edit", "confirm", "reopen"]


def test_confirm_is_refused_without_documents(session: Session) -> None:
    document = create_document(session, countries=["NL"], incident_date=date(2025, 3, 1))
    incident = create_incident(session, [document])
    detach_document(
        session=session,
        incident_id=ident(incident),
        document_id=ident(document),
        username="ana",
        reason="wrong report",
    )
    with pytest.raises(IncidentError, match="link at least one document"):
        _confirm(session, incident)


def test_a_split_grades_both_incidents_from_their_own_documents(session: Session) -> None:
    nl = create_document(session, bureau_country="NL", reliability="B", credibility=2)
    de = create_document(session, bureau_country="DE", reliability="C", credibility=3)
    incident = create_incident(session, [nl, de])
    assert (incident.reliability, incident.credibility) == ("B", 1)
    new = split_incident(
        session=session,
        incident_id=ident(incident),
        document_ids=[ident(de)],
        username="ana",
        reason="two events",
        title="German report",
    )
    assert (incident.reliability, incident.credibility) == ("B", 2)
    assert (new.reliability, new.credibility) == ("C", 3)
