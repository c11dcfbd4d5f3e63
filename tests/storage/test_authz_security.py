"""Security review, item 2: every storage function that writes for a person re-reads that
person's account in its own transaction and refuses, with an audit event that outlives the
rolled-back action, when the account is unknown, disabled, lacks the role or may not read the
object acted on. SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from nlp.vocabulary import ReviewStatus, Role, Tlp
from storage.authz import OPERATOR, SIGNED_OUT, PermissionDenied
from storage.db import session_scope
from storage.incidents import attach_document, create_incident
from storage.models import Finding, IncidentCreate, IngestFailure, ReviewEvent, User
from storage.review import add_finding, bulk_decide, confirm_finding, reject_finding
from storage.runs import record_failure, retry_failure, start_run
from storage.users import create_user, get_user, reset_password, set_clearance, set_disabled
from tests.factories import create_actor, create_document, create_finding, ident

pytestmark = pytest.mark.security

PASSWORD = "a long enough password"


def refusals(engine: Engine) -> list[ReviewEvent]:
    with Session(engine) as session:
        query = select(ReviewEvent).where(ReviewEvent.action == "refused")
        return list(session.exec(query.order_by(col(ReviewEvent.id))).all())


def refused(engine: Engine, write: Callable[..., Any], **kwargs: Any) -> str:
    """Run `action` as a caller does (one session_scope, rolled back on the error); the
    refusal's message."""
    with pytest.raises(PermissionDenied) as refusal, session_scope(engine) as session:
        write(session=session, **kwargs)
    return str(refusal.value)


def disable(engine: Engine, username: str) -> None:
    """Disable the account behind the back of whoever still holds a page (another session)."""
    with Session(engine) as session:
        session.execute(update(User).where(col(User.username) == username).values(disabled=True))
        session.commit()


def test_a_disabled_admin_cannot_create_a_user(engine: Engine) -> None:
    with Session(engine) as session:
        create_actor(session, "root", Role.ADMIN)
    disable(engine, "root")
    message = refused(
        engine, create_user, username="mallory", password=PASSWORD, role="admin", created_by="root"
    )
    assert message == "Refused: your account is disabled."
    with Session(engine) as session:
        assert get_user(session=session, username="mallory") is None
    [event] = refusals(engine)
    assert (event.username, event.entity_type, event.reason) == ("root", "user", "account disabled")
    assert event.after == {"action": "create_user", "username": "mallory"}


def test_an_analyst_cannot_call_admin_actions(engine: Engine) -> None:
    with Session(engine) as session:
        create_actor(session, "ana")
        create_actor(session, "bob")
    attempts: list[tuple[Callable[..., Any], dict[str, Any]]] = [
        (create_user, {"username": "mallory", "password": PASSWORD, "role": "admin"}),
        (set_disabled, {"username": "bob", "disabled": True}),
        (set_clearance, {"username": "ana", "clearance": Tlp.RED}),
        (reset_password, {"username": "bob"}),
    ]
    for action, kwargs in attempts:
        by = "created_by" if action is create_user else "by"
        message = refused(engine, action, **kwargs, **{by: "ana"})
        assert message == "Refused: your role (analyst) may not do this."
    with Session(engine) as session:
        assert [u.username for u in session.exec(select(User)).all()] == ["ana", "bob"]
        assert not any(u.disabled for u in session.exec(select(User)).all())
    assert [(e.username, e.after and e.after["action"]) for e in refusals(engine)] == [
        ("ana", "create_user"),
        ("ana", "disable_user"),
        ("ana", "set_clearance"),
        ("ana", "reset_password"),
    ]


def test_an_admin_demoted_after_drawing_the_page_is_refused(engine: Engine) -> None:
    with Session(engine) as session:
        create_actor(session, "root", Role.ADMIN)
        session.execute(update(User).values(role=Role.ANALYST))
        session.commit()
    assert "may not do this" in refused(
        engine, set_clearance, username="root", clearance=Tlp.RED, by="root"
    )


def test_a_green_analyst_cannot_act_on_an_amber_document(engine: Engine) -> None:
    with Session(engine, expire_on_commit=False) as session:
        green = create_actor(session, "green", clearance=Tlp.GREEN)
        amber = create_document(session, marking=Tlp.AMBER)
        finding = create_finding(session, amber, "Norvik Gauge Services")
        visible = create_document(session, marking=Tlp.GREEN)
        incident = create_incident(
            session=session,
            username=green,
            data=IncidentCreate(title="Seizure"),
            document_ids=[ident(visible)],
        )
        session.commit()
    on_finding = {"finding_id": ident(finding), "expected_version": 1, "username": green}
    hidden = f"Refused: no finding {ident(finding)}."
    assert refused(engine, confirm_finding, **on_finding) == hidden
    assert refused(engine, reject_finding, **on_finding, reason="wrong") == hidden
    missing = refused(engine, confirm_finding, **{**on_finding, "finding_id": 999_999})
    assert missing == "Refused: no finding 999999."  # the same answer as a hidden one
    on_document = {"document_id": ident(amber), "username": green}
    no_document = f"Refused: no document {ident(amber)}."
    assert refused(engine, add_finding, **on_document, label="ORG", start=0, end=7) == no_document
    versions = {ident(finding): 1}
    decide = {**on_document, "action": "confirm", "expected_versions": versions}
    assert refused(engine, bulk_decide, **decide) == no_document
    attach = {**on_document, "incident_id": ident(incident), "clearance": Tlp.RED}
    assert refused(engine, attach_document, **attach) == no_document  # its own, not the page's
    with Session(engine) as session:
        stored = session.get(Finding, ident(finding))
        assert stored is not None and stored.status == ReviewStatus.PENDING
        assert len(session.exec(select(Finding)).all()) == 1
    events = refusals(engine)
    assert {e.username for e in events} == {green}
    assert [(e.entity_type, e.after and e.after["action"]) for e in events] == [
        ("finding", "confirm"),
        ("finding", "reject"),
        ("finding", "confirm"),
        ("document", "add"),
        ("document", "bulk_confirm"),
        ("document", "attach"),
    ]
    assert all(e.reason == "finding missing or above the clearance TLP:GREEN" for e in events[:3])


@pytest.mark.parametrize("username", ["", "ghost"])
def test_a_signed_out_or_unknown_user_is_refused(engine: Engine, username: str) -> None:
    with Session(engine, expire_on_commit=False) as session:
        finding = create_finding(session, create_document(session), "Norvik Gauge Services")
    message = refused(
        engine, confirm_finding, finding_id=ident(finding), expected_version=1, username=username
    )
    assert message == "Refused: you are not signed in with a known account."
    [event] = refusals(engine)
    assert (event.username, event.reason) == (username or SIGNED_OUT, "unknown user")
    with Session(engine) as session:
        stored = session.get(Finding, ident(finding))
        assert stored is not None and stored.version == 1


def test_a_user_named_operator_is_not_the_command_line_operator(engine: Engine) -> None:
    with Session(engine) as session:
        create_actor(session, "operator", Role.ADMIN)
        create_actor(session, "ana")
    disable(engine, "operator")
    refused(engine, set_clearance, username="ana", clearance=Tlp.RED, by="operator")
    with session_scope(engine) as session:  # the command line's operator has no account
        set_clearance(session=session, username="ana", clearance=Tlp.AMBER, by=OPERATOR)
    with Session(engine) as session:
        user = get_user(session=session, username="ana")
        assert user is not None and user.clearance == Tlp.AMBER


def test_a_disabled_analyst_cannot_mark_a_failure_for_retry(engine: Engine) -> None:
    with session_scope(engine) as session:
        ana = create_actor(session, "ana")
        run = start_run(session=session, flow="ingest")
        failure = record_failure(
            session=session, run_id=ident(run), source_id=None, item="feed.xml", reason="bad"
        )
    disable(engine, ana)
    assert refused(engine, retry_failure, failure_id=ident(failure), username=ana) == (
        "Refused: your account is disabled."
    )
    with Session(engine) as session:
        stored = session.get(IngestFailure, ident(failure))
        assert stored is not None and stored.retried_at is None
    [event] = refusals(engine)
    assert event.after == {"action": "retry", "failure_id": ident(failure)}


def test_a_user_who_must_change_the_password_does_nothing_else(engine: Engine) -> None:
    with session_scope(engine) as session:
        ana = create_actor(session, "ana")
        finding = create_finding(session, create_document(session), "Norvik Gauge Services")
        finding_id = ident(finding)
    with Session(engine) as session:  # an administrator reset it after the page was drawn
        session.execute(update(User).values(must_change_password=True))
        session.commit()
    message = refused(
        engine, confirm_finding, finding_id=finding_id, expected_version=1, username=ana
    )
    assert message == "Refused: choose a new password first (Password page)."
    assert [e.reason for e in refusals(engine)] == ["must change password"]
