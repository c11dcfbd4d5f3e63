"""Incident linking in the database: index, propose, accept, reject, moot, clearance, stories."""

from __future__ import annotations

import pytest
from sqlmodel import Session, col, select

from nlp.vocabulary import AuditEntity, LinkKind, LinkStatus, Tlp
from storage.incidents import attach_document, document_ids_of
from storage.link_moot import APART_REASON
from storage.link_review import LinkError, accept_proposal, list_proposals, reject_proposal
from storage.linking import index_documents, propose_links, unindexed_relevant_ids
from storage.models import Document, LinkIndex, LinkProposal, ReviewEvent
from storage.review import search_events
from tests.factories import (
    LINK_THEFT_EN,
    create_actor,
    create_incident,
    create_link_pair,
    create_link_report,
    ident,
)

OTHER_THEFT = (
    "A Cs-137 density gauge with serial number TX-40112 was stolen from a truck in "
    "Hermosillo, state police said."
)
SAME_MONTH_THEFT = (
    "A Cs-137 moisture gauge with serial number MG-77120 was stolen in Tijuana from a "
    "parked pickup, officials said."
)
WIRE = (
    "MEXICO CITY (Wire) - Mexican authorities issued an alert on Tuesday after a truck "
    "carrying a Cs-137 industrial radiography source was stolen near Tula, Hidalgo. The "
    "civil protection agency warned residents not to open the container, which could "
    "cause serious burns, and asked anyone who finds it to call the emergency number."
)


@pytest.fixture(autouse=True)
def analysts(session: Session) -> None:
    create_actor(session, "ana")
    create_actor(session, "amber", clearance=Tlp.AMBER)


def _propose(session: Session, *documents: Document) -> list[LinkProposal]:
    ids = [ident(d) for d in documents]
    index_documents(session=session, document_ids=ids)
    proposals = propose_links(session=session, document_ids=ids)
    session.commit()
    return proposals


def _pending(
    session: Session, clearance: Tlp = Tlp.RED, document_id: int | None = None
) -> list[LinkProposal]:
    return list_proposals(session=session, clearance=clearance, document_id=document_id)[0]


def _monterrey_pair(session: Session) -> tuple[Document, Document]:
    return create_link_pair(session)


def test_two_languages_of_one_incident_are_proposed_with_shared_evidence(
    session: Session,
) -> None:
    english, spanish = _monterrey_pair(session)
    [proposal] = _propose(session, english, spanish)
    assert proposal.kind == LinkKind.DOCUMENT
    assert (proposal.left_document_id, proposal.right_document_id) == (
        ident(english),
        ident(spanish),
    )
    kinds = {item["kind"] for item in proposal.evidence["shared"]}
    assert {"nuclides", "places", "countries", "when"} <= kinds
    assert proposal.evidence["conflicts"] == []
    assert unindexed_relevant_ids(session=session) == []


def test_confusable_thefts_same_country_same_month_are_not_proposed(session: Session) -> None:
    first = create_link_report(session, OTHER_THEFT, city="Hermosillo", incident_date="2026-03-02")
    second = create_link_report(
        session, SAME_MONTH_THEFT, city="Tijuana", incident_date="2026-03-19"
    )
    assert _propose(session, first, second) == []


def test_a_rejected_pair_is_never_proposed_again(session: Session) -> None:
    english, spanish = _monterrey_pair(session)
    [proposal] = _propose(session, english, spanish)
    with pytest.raises(LinkError, match="reason"):
        reject_proposal(
            session=session,
            username="ana",
            proposal_id=ident(proposal),
            version=proposal.version,
            clearance=Tlp.RED,
            reason=" ",
        )
    reject_proposal(
        session=session,
        username="ana",
        proposal_id=ident(proposal),
        version=proposal.version,
        clearance=Tlp.RED,
        reason="different gauges",
    )
    session.commit()
    assert _propose(session, english, spanish) == []
    assert _pending(session) == []
    [event] = session.exec(select(ReviewEvent).where(ReviewEvent.action == "reject_link")).all()
    assert (event.entity_type, event.reason) == (AuditEntity.LINK, "different gauges")


def test_accept_opens_an_incident_then_a_third_report_is_proposed_for_it(
    session: Session,
) -> None:
    english, spanish = _monterrey_pair(session)
    [proposal] = _propose(session, english, spanish)
    incident = accept_proposal(
        session=session,
        username="ana",
        proposal_id=ident(proposal),
        version=proposal.version,
        clearance=Tlp.RED,
        reason="same gauge",
    )
    session.commit()
    assert document_ids_of(session=session, incident_id=ident(incident)) == sorted(
        [ident(english), ident(spanish)]
    )
    assert session.get(LinkProposal, ident(proposal)).status == LinkStatus.ACCEPTED  # type: ignore[union-attr]
    events = search_events(session=session, clearance=Tlp.RED, action="accept_link")[0]
    assert [e.after["incident_id"] for e in events if e.after] == [ident(incident)]
    third = create_link_report(
        session, LINK_THEFT_EN.replace("Monday", "Tuesday"), city="Monterrey", source_id=None
    )
    [follow] = _propose(session, third)
    assert (follow.kind, follow.incident_id) == (LinkKind.INCIDENT, ident(incident))
    accept_proposal(
        session=session,
        username="ana",
        proposal_id=ident(follow),
        version=follow.version,
        clearance=Tlp.RED,
    )
    session.commit()
    assert ident(third) in document_ids_of(session=session, incident_id=ident(incident))


def test_accept_refuses_a_stale_version(session: Session) -> None:
    [proposal] = _propose(session, *_monterrey_pair(session))
    with pytest.raises(LinkError, match="changed"):
        accept_proposal(
            session=session,
            username="ana",
            proposal_id=ident(proposal),
            version=proposal.version + 1,
            clearance=Tlp.RED,
        )


def test_linking_by_hand_closes_the_proposals_it_made_moot(session: Session) -> None:
    english, spanish = _monterrey_pair(session)
    [proposal] = _propose(session, english, spanish)
    incident = create_incident(session, [english])
    assert _pending(session)[0].id == proposal.id
    attach_document(
        session=session,
        incident_id=ident(incident),
        document_id=ident(spanish),
        username="ana",
        clearance=Tlp.RED,
    )
    session.commit()
    assert _pending(session) == []
    session.refresh(proposal)
    assert (proposal.status, proposal.reason) == (LinkStatus.CLOSED, "linked by hand")


def test_clearance_hides_proposals_with_a_document_above_it(session: Session) -> None:
    english, spanish = _monterrey_pair(session)
    spanish.marking = Tlp.RED
    session.add(spanish)
    session.commit()
    [proposal] = _propose(session, english, spanish)
    assert _pending(session, Tlp.AMBER) == []
    assert _pending(session, Tlp.AMBER, document_id=ident(english)) == []
    assert [p.id for p in _pending(session, Tlp.RED)] == [proposal.id]
    with pytest.raises(LinkError, match=f"no link proposal {proposal.id}"):
        accept_proposal(
            session=session,
            username="amber",
            proposal_id=ident(proposal),
            version=proposal.version,
            clearance=Tlp.AMBER,
        )


def test_syndicated_copies_are_one_story_and_one_source(session: Session) -> None:
    from storage.incident_grading import proposed_grading
    from tests.factories import create_source

    outlets = [create_source(session, name) for name in ("Outlet A", "Outlet B")]
    original = create_link_report(session, WIRE, source_id=outlets[0].id)
    copy = create_link_report(
        session, WIRE.replace("Tuesday", "Tuesday evening"), source_id=outlets[1].id
    )
    [proposal] = _propose(session, original, copy)
    stories = session.exec(
        select(LinkIndex.story_id).where(
            col(LinkIndex.document_id).in_([ident(original), ident(copy)])
        )
    ).all()
    assert set(stories) == {ident(original)}
    assert [item["kind"] for item in proposal.evidence["shared"]] == ["near_duplicate"]
    incident = accept_proposal(
        session=session,
        username="ana",
        proposal_id=ident(proposal),
        version=proposal.version,
        clearance=Tlp.RED,
    )
    session.commit()
    grading = proposed_grading(session=session, incident_id=ident(incident))
    assert [s.origin for s in grading.sources] == ["source Outlet A with syndicated copies"]
    assert grading.sources[0].document_ids == [ident(original), ident(copy)]


def test_reports_put_in_different_incidents_by_hand_close_their_proposal(
    session: Session,
) -> None:
    english, spanish = _monterrey_pair(session)
    [proposal] = _propose(session, english, spanish)
    create_incident(session, [english])
    assert [p.id for p in _pending(session)] == [proposal.id]  # the other is in no incident
    create_incident(session, [spanish])
    session.refresh(proposal)
    assert (proposal.status, proposal.reason) == (LinkStatus.CLOSED, APART_REASON)
    assert _propose(session, english, spanish) == []


def test_accepting_a_story_attaches_its_other_copies_with_the_reason_audited(
    session: Session,
) -> None:
    original = create_link_report(session, WIRE)
    copy = create_link_report(session, WIRE.replace("Tuesday", "Tuesday evening"))
    hidden_copy = create_link_report(
        session, WIRE.replace("Tuesday", "on Tuesday"), marking=Tlp.RED
    )
    bureau = create_link_report(
        session, "Robo de una fuente de Cs-137 cerca de Tula, Hidalgo.", language="es"
    )
    incident = create_incident(session, [bureau])
    proposals = _propose(session, bureau, original, copy, hidden_copy)
    [to_incident] = [p for p in proposals if p.kind == LinkKind.INCIDENT]
    assert (to_incident.left_document_id, to_incident.incident_id) == (
        ident(original),
        ident(incident),
    )
    accept_proposal(
        session=session,
        username="amber",
        proposal_id=ident(to_incident),
        version=to_incident.version,
        clearance=Tlp.AMBER,
    )
    session.commit()
    # The copy the analyst may read comes along; the one above their clearance does not.
    assert document_ids_of(session=session, incident_id=ident(incident)) == sorted(
        [ident(bureau), ident(original), ident(copy)]
    )
    [accepted] = search_events(session=session, clearance=Tlp.RED, action="accept_link")[0]
    assert accepted.after and accepted.after["syndicated_copies_attached"] == [ident(copy)]
    attached = search_events(
        session=session, clearance=Tlp.RED, action="attach", entity_id=ident(incident)
    )[0]
    reasons = {e.after["document_id"]: e.reason for e in attached if e.after}
    assert reasons[ident(copy)] == (
        f"syndicated copy of document {ident(original)}, "
        f"attached with link proposal {to_incident.id} accepted"
    )
    assert _pending(session, Tlp.AMBER) == []  # the original-copy proposal is settled
