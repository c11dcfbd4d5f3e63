"""Decisions on findings: audit rows, optimistic locking, suppressions, analyst findings."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from nlp.vocabulary import ReviewStatus, Tlp
from storage.db import session_scope
from storage.models import Finding, ReviewEvent, Suppression
from storage.review import (
    ConflictError,
    ReviewError,
    add_finding,
    bulk_decide,
    confirm_finding,
    correct_finding,
    finding_history,
    reject_finding,
    search_events,
)
from tests.factories import create_actor, create_document, create_finding, create_source, ident


@pytest.fixture(autouse=True)
def reviewers(session: Session) -> None:
    for name in ("ana", "a", "bob"):
        create_actor(session, name)


def test_confirm_writes_an_audit_row_and_bumps_the_version(session: Session) -> None:
    finding = create_finding(session, create_document(session), "Norvik Gauge Services")
    done = confirm_finding(
        session=session, finding_id=ident(finding), expected_version=1, username="ana"
    )
    assert (done.status, done.version, done.reviewed_by) == (ReviewStatus.CONFIRMED, 2, "ana")
    [event] = finding_history(session=session, clearance=Tlp.RED, finding_id=ident(finding))
    assert (event.action, event.username) == ("confirm", "ana")
    assert event.before and event.after
    assert event.before["status"] == "pending" and event.after["status"] == "confirmed"


def test_stale_decision_from_a_second_session_raises_and_writes_nothing(engine: Engine) -> None:
    with session_scope(engine) as setup:
        finding = create_finding(setup, create_document(setup), "Rotterdam", label="GPE")
    with session_scope(engine) as first:
        reject_finding(
            session=first,
            finding_id=ident(finding),
            expected_version=1,
            username="ana",
            reason="no",
        )
    with pytest.raises(ConflictError) as raised, session_scope(engine) as second:
        confirm_finding(
            session=second, finding_id=ident(finding), expected_version=1, username="bob"
        )
    assert "ana changed this finding at" in str(raised.value)
    assert "reload to see their change" in str(raised.value)
    with session_scope(engine) as check:
        stored = check.get(Finding, finding.id)
        assert stored is not None
        assert (stored.status, stored.version, stored.reviewed_by) == (
            ReviewStatus.REJECTED,
            2,
            "ana",
        )
        events = check.exec(select(ReviewEvent)).all()
        assert [e.username for e in events] == ["ana"]


def test_correct_changes_label_span_and_attributes(session: Session) -> None:
    document = create_document(session)
    finding = create_finding(session, document, "Norvik Gauge", label="PERSON")
    start = finding.start
    done = correct_finding(
        session=session,
        finding_id=ident(finding),
        expected_version=1,
        username="ana",
        label="ORG",
        normalized="Norvik Gauge Services",
        attributes={"kind": "company"},
        start=start,
        end=start + len("Norvik Gauge Services"),
        reason="whole company name",
    )
    assert (done.label, done.text, done.status) == (
        "ORG",
        "Norvik Gauge Services",
        ReviewStatus.CORRECTED,
    )
    assert done.attributes == {"kind": "company"}
    [event] = finding_history(session=session, clearance=Tlp.RED, finding_id=ident(finding))
    assert event.before and event.after
    assert event.before["label"] == "PERSON" and event.after["label"] == "ORG"
    assert event.reason == "whole company name"


def test_correct_refuses_a_span_outside_the_text(session: Session) -> None:
    finding = create_finding(session, create_document(session), "Rotterdam", label="GPE")
    with pytest.raises(ReviewError):
        correct_finding(
            session=session, finding_id=ident(finding), expected_version=1, username="a", end=10**6
        )
    assert session.get(Finding, finding.id).version == 1  # type: ignore[union-attr]


def test_reject_never_again_creates_a_suppression_for_the_source(session: Session) -> None:
    source = create_source(session)
    finding = create_finding(session, create_document(session, source=source), "Customs", "PERSON")
    reject_finding(
        session=session,
        finding_id=ident(finding),
        expected_version=1,
        username="ana",
        reason="common word",
        never_again=True,
    )
    [suppression] = session.exec(select(Suppression)).all()
    assert (suppression.label, suppression.text_key, suppression.source_id) == (
        "PERSON",
        "customs",
        source.id,
    )
    assert finding_history(session=session, clearance=Tlp.RED, finding_id=ident(finding))[
        0
    ].action == ("reject_never_again")


def test_reject_needs_a_reason(session: Session) -> None:
    finding = create_finding(session, create_document(session), "Customs", "PERSON")
    with pytest.raises(ReviewError):
        reject_finding(
            session=session, finding_id=ident(finding), expected_version=1, username="a", reason=" "
        )


def test_add_finding_checks_the_span_and_is_audited(session: Session) -> None:
    document = create_document(session)
    start = document_start = 0
    added = add_finding(
        session=session,
        document_id=ident(document),
        username="ana",
        label="ORG",
        start=start,
        end=document_start + len("Customs"),
    )
    assert (added.text, added.origin, added.status) == ("Customs", "analyst", "confirmed")
    assert (
        finding_history(session=session, clearance=Tlp.RED, finding_id=ident(added))[0].action
        == "add"
    )
    with pytest.raises(ReviewError):
        add_finding(
            session=session, document_id=ident(document), username="a", label="ORG", start=5, end=2
        )
    with pytest.raises(ReviewError):
        add_finding(
            session=session, document_id=ident(document), username="a", label="NOPE", start=0, end=3
        )


def test_bulk_decide_is_all_or_nothing(session: Session) -> None:
    document = create_document(session)
    one = create_finding(session, document, "Customs", "ORG")
    two = create_finding(session, document, "Rotterdam", "GPE")
    confirm_finding(session=session, finding_id=ident(two), expected_version=1, username="bob")
    session.commit()
    with pytest.raises(ConflictError):
        bulk_decide(
            session=session,
            document_id=ident(document),
            username="ana",
            action="confirm",
            expected_versions={ident(one): 1, ident(two): 1},
        )
    session.rollback()  # what the caller's unit of work does with the ConflictError
    assert session.get(Finding, one.id).status == ReviewStatus.PENDING  # type: ignore[union-attr]
    decided = bulk_decide(
        session=session,
        document_id=ident(document),
        username="ana",
        action="reject",
        expected_versions={ident(one): 1, ident(two): 2},
        reason="duplicate report",
    )
    assert {f.status for f in decided} == {ReviewStatus.REJECTED}
    events, total = search_events(session=session, clearance=Tlp.RED, username="ana")
    assert total == 2 and {e.action for e in events} == {"bulk_reject"}
