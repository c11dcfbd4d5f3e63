"""The assessment workflow: drafts, edits, four-eyes publishing, immutability, corrections,
and reads under clearance, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from nlp.vocabulary import AssessmentStatus, AuditEntity, IncidentStatus, Role, Tlp
from storage.assessments import (
    AssessmentError,
    add_comment,
    assessment_history,
    create_draft,
    get_assessment,
    list_assessments,
    publish,
    refresh_snapshot,
    return_to_draft,
    snapshot_of,
    start_correction,
    submit_for_review,
    update_sections,
    waiting_for_editors,
    withdraw,
)
from storage.authz import OPERATOR, PermissionDenied
from storage.db import session_scope
from storage.models import Assessment, ReviewEvent
from storage.objectstore import get_object_store
from storage.review import search_events
from tests.factories import create_actor, create_document, create_incident

PERIOD = "2026-Q3"


def fake_render(assessment: Assessment) -> dict[str, bytes]:
    """What a renderer does, in small: print the frozen snapshot and the narrative."""
    snapshot = snapshot_of(assessment).model_dump(mode="json", exclude={"built_at"})
    body = json.dumps({"title": assessment.title, "snapshot": snapshot}, sort_keys=True)
    return {"md": body.encode(), "html": f"<pre>{body}</pre>".encode()}


@pytest.fixture
def editors(session: Session) -> None:
    for name in ("alice", "bob", "carol"):
        create_actor(session, name, Role.EDITOR)
    create_actor(session, "ana", Role.ANALYST)
    create_actor(session, "amber", Role.EDITOR, clearance=Tlp.AMBER)
    document = create_document(session, marking=Tlp.GREEN)
    create_incident(
        session,
        [document],
        status=IncidentStatus.CONFIRMED,
        occurred_on=date(2026, 8, 3),
        country="DE",
    )


def draft(session: Session, author: str = "alice", **fields: object) -> Assessment:
    values: dict = {"period": PERIOD, "ceiling": Tlp.AMBER, **fields}
    assessment = create_draft(session=session, username=author, **values)
    session.commit()
    return assessment


def in_review(session: Session, author: str = "alice") -> int:
    assessment = draft(session, author)
    assert assessment.id is not None
    submit_for_review(session=session, username=author, assessment_id=assessment.id)
    session.commit()
    return assessment.id


def refused_in_scope(engine: Engine, action: Callable[[Session], object]) -> PermissionDenied:
    """The refusal an action raises inside a unit of work, which commits its audit event."""
    with pytest.raises(PermissionDenied) as refusal, session_scope(engine) as unit:
        action(unit)
    return refusal.value


def refusals(session: Session) -> list[ReviewEvent]:
    session.expire_all()
    query = select(ReviewEvent).where(ReviewEvent.action == "refused")
    return list(session.exec(query.order_by(col(ReviewEvent.id))).all())


@pytest.mark.usefixtures("editors")
def test_a_draft_holds_the_period_scope_and_snapshot(session: Session) -> None:
    assessment = draft(session, scope="de")
    assert assessment.series_id == assessment.id and assessment.edition == 1
    assert assessment.title == "Threat assessment 2026-Q3 — DE"
    assert (assessment.period_start, assessment.period_end) == (date(2026, 7, 1), date(2026, 9, 30))
    assert snapshot_of(assessment).scope == "DE"
    assert len(snapshot_of(assessment).incidents) == 1
    assert assessment.marking == Tlp.GREEN
    assert draft(session, scope="Europe", title="Europe Q3").title == "Europe Q3"


@pytest.mark.usefixtures("editors")
@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"period": "2026-Q5"}, "not a period"),
        ({"scope": "Atlantis"}, "unknown scope 'Atlantis'"),
    ],
)
def test_a_draft_refuses_bad_periods_and_scopes(
    session: Session, fields: dict, message: str
) -> None:
    with pytest.raises(AssessmentError, match=message):
        draft(session, **fields)


@pytest.mark.usefixtures("editors")
def test_the_ceiling_may_not_exceed_the_authors_clearance(session: Session) -> None:
    with pytest.raises(AssessmentError, match="above your clearance TLP:AMBER"):
        draft(session, "amber", ceiling=Tlp.RED)


@pytest.mark.usefixtures("editors")
def test_four_eyes_the_author_is_refused_and_a_second_editor_publishes(
    session: Session, engine: Engine
) -> None:
    ident = in_review(session)
    refusal = refused_in_scope(
        engine,
        lambda unit: publish(
            session=unit, username="alice", assessment_id=ident, render=fake_render
        ),
    )
    assert str(refusal) == (
        "four-eyes rule: alice wrote or edited this draft; another editor must publish it"
    )
    [event] = refusals(session)
    assert (event.username, event.entity_type, event.entity_id) == (
        "alice",
        AuditEntity.ASSESSMENT,
        ident,
    )
    published = publish(session=session, username="bob", assessment_id=ident, render=fake_render)
    session.commit()
    assert published.status == AssessmentStatus.PUBLISHED
    assert (published.published_by, published.author) == ("bob", "alice")
    assert sorted(published.outputs) == ["html", "md"]
    assert get_object_store().get(published.outputs["md"]) == fake_render(published)["md"]
    actions = [
        e.action
        for e in assessment_history(session=session, assessment_id=ident, clearance=Tlp.RED)
    ]
    assert actions == ["draft", "submit", "refused", "publish"]


@pytest.mark.usefixtures("editors")
def test_a_co_editor_who_edited_the_sections_may_not_publish(
    session: Session, engine: Engine
) -> None:
    assessment = draft(session)
    ident = assessment.id or 0
    update_sections(
        session=session,
        username="bob",
        assessment_id=ident,
        version=assessment.version,
        sections={"summary": "Two seizures."},
    )
    submit_for_review(session=session, username="alice", assessment_id=ident)
    session.commit()
    refusal = refused_in_scope(
        engine,
        lambda unit: publish(session=unit, username="bob", assessment_id=ident, render=fake_render),
    )
    assert "four-eyes rule: bob wrote or edited" in str(refusal)
    assert len(refusals(session)) == 1
    publish(session=session, username="carol", assessment_id=ident, render=fake_render)


@pytest.mark.usefixtures("editors")
@pytest.mark.parametrize(
    ("username", "message"),
    [
        ("ana", "Refused: your role (analyst) may not do this."),
        ("nobody", "Refused: you are not signed in with a known account."),
        ("", "Refused: you are not signed in with a known account."),
    ],
)
def test_analysts_and_unknown_callers_may_not_publish(
    session: Session, engine: Engine, username: str, message: str
) -> None:
    ident = in_review(session)
    refusal = refused_in_scope(
        engine,
        lambda unit: publish(
            session=unit, username=username, assessment_id=ident, render=fake_render
        ),
    )
    assert str(refusal) == message
    [event] = refusals(session)
    assert event.after == {"action": "assessment publish", "assessment_id": ident}
    assert get_assessment(session=session, assessment_id=ident, clearance=Tlp.RED).status == (
        AssessmentStatus.IN_REVIEW
    )


@pytest.mark.usefixtures("editors")
def test_an_analyst_may_not_draft(session: Session, engine: Engine) -> None:
    refused_in_scope(
        engine,
        lambda unit: create_draft(session=unit, username="ana", period=PERIOD, ceiling=Tlp.GREEN),
    )
    assert len(refusals(session)) == 1
    assert session.exec(select(Assessment)).all() == []


@pytest.mark.usefixtures("editors")
def test_only_an_edition_in_review_is_published(session: Session) -> None:
    assessment = draft(session)
    with pytest.raises(AssessmentError, match="is draft, not in review"):
        publish(
            session=session, username="bob", assessment_id=assessment.id or 0, render=fake_render
        )


@pytest.mark.usefixtures("editors")
def test_a_published_edition_never_changes(session: Session) -> None:
    ident = in_review(session)
    published = publish(session=session, username="bob", assessment_id=ident, render=fake_render)
    session.commit()
    attempts: list[Callable[[], object]] = [
        lambda: update_sections(
            session=session,
            username="alice",
            assessment_id=ident,
            version=published.version,
            sections={"summary": "x"},
        ),
        lambda: submit_for_review(session=session, username="alice", assessment_id=ident),
        lambda: withdraw(session=session, username="alice", assessment_id=ident, reason="x"),
        lambda: return_to_draft(session=session, username="bob", assessment_id=ident, reason="x"),
        lambda: publish(session=session, username="carol", assessment_id=ident, render=fake_render),
    ]
    for attempt in attempts:
        with pytest.raises(AssessmentError, match="published editions never change; start a"):
            attempt()


@pytest.mark.usefixtures("editors")
def test_the_published_snapshot_is_frozen_and_renders_byte_identical(session: Session) -> None:
    ident = in_review(session)
    published = publish(session=session, username="bob", assessment_id=ident, render=fake_render)
    session.commit()
    stored = get_object_store().get(published.outputs["html"])
    document = create_document(session, marking=Tlp.GREEN)
    create_incident(
        session,
        [document],
        status=IncidentStatus.CONFIRMED,
        occurred_on=date(2026, 9, 1),
        country="FR",
    )
    session.expire_all()
    again = get_assessment(session=session, assessment_id=ident, clearance=Tlp.RED)
    assert len(snapshot_of(again).incidents) == 1
    assert fake_render(again)["html"] == stored


@pytest.mark.usefixtures("editors")
def test_a_correction_is_a_new_edition_naming_its_changes(session: Session) -> None:
    ident = in_review(session)
    update = {"summary": "One seizure."}
    publish(session=session, username="bob", assessment_id=ident, render=fake_render)
    session.commit()
    with pytest.raises(AssessmentError, match="must say what it changes"):
        start_correction(session=session, username="carol", assessment_id=ident, changes=" ")
    document = create_document(session, marking=Tlp.GREEN)
    create_incident(
        session,
        [document],
        status=IncidentStatus.CONFIRMED,
        occurred_on=date(2026, 9, 1),
        country="FR",
    )
    correction = start_correction(
        session=session, username="carol", assessment_id=ident, changes="Adds the Lyon seizure."
    )
    session.commit()
    assert (correction.series_id, correction.edition, correction.supersedes_id) == (ident, 2, ident)
    assert correction.status == AssessmentStatus.DRAFT and correction.author == "carol"
    assert correction.changes == "Adds the Lyon seizure."
    assert len(snapshot_of(correction).incidents) == 2
    update_sections(
        session=session,
        username="carol",
        assessment_id=correction.id or 0,
        version=correction.version,
        sections=update,
    )
    with pytest.raises(AssessmentError, match="edition 2 of this series"):
        start_correction(session=session, username="bob", assessment_id=ident, changes="again")
    submit_for_review(session=session, username="carol", assessment_id=correction.id or 0)
    publish(session=session, username="bob", assessment_id=correction.id or 0, render=fake_render)
    with pytest.raises(AssessmentError, match="superseded by edition 2"):
        start_correction(session=session, username="bob", assessment_id=ident, changes="again")
    third = start_correction(
        session=session, username="bob", assessment_id=correction.id or 0, changes="Typo"
    )
    assert (third.edition, third.summary, third.supersedes_id) == (3, "One seizure.", correction.id)


@pytest.mark.usefixtures("editors")
def test_editing_is_optimistically_locked(session: Session) -> None:
    assessment = draft(session)
    ident, loaded = assessment.id or 0, assessment.version
    update_sections(
        session=session,
        username="alice",
        assessment_id=ident,
        version=loaded,
        sections={"outlook": "Stable."},
        title="Q3",
    )
    with pytest.raises(AssessmentError, match="changed by someone else"):
        update_sections(
            session=session,
            username="bob",
            assessment_id=ident,
            version=loaded,
            sections={"outlook": "Rising."},
        )
    with pytest.raises(AssessmentError, match="unknown sections: body"):
        update_sections(
            session=session,
            username="bob",
            assessment_id=ident,
            version=loaded + 1,
            sections={"body": "x"},
        )
    edited = get_assessment(session=session, assessment_id=ident, clearance=Tlp.RED)
    assert (edited.outlook, edited.title) == ("Stable.", "Q3")


@pytest.mark.usefixtures("editors")
def test_return_comment_and_withdraw(session: Session) -> None:
    ident = in_review(session)
    add_comment(session=session, username="bob", assessment_id=ident, text="Check the dates.")
    returned = return_to_draft(session=session, username="bob", assessment_id=ident, reason="Dates")
    assert returned.status == AssessmentStatus.DRAFT
    assert [a.id for a in waiting_for_editors(session=session, clearance=Tlp.RED)] == [ident]
    withdraw(session=session, username="alice", assessment_id=ident, reason="Superseded")
    session.commit()
    assert waiting_for_editors(session=session, clearance=Tlp.RED) == []
    with pytest.raises(AssessmentError, match="was withdrawn"):
        submit_for_review(session=session, username="alice", assessment_id=ident)
    history = assessment_history(session=session, assessment_id=ident, clearance=Tlp.RED)
    assert [(e.action, e.username) for e in history] == [
        ("draft", "alice"),
        ("submit", "alice"),
        ("comment", "bob"),
        ("return", "bob"),
        ("withdraw", "alice"),
    ]
    assert history[3].before and history[3].before["status"] == "in_review"


@pytest.mark.usefixtures("editors")
def test_reads_hide_assessments_above_the_clearance(session: Session) -> None:
    red = draft(session, ceiling=Tlp.RED)
    green = draft(session, ceiling=Tlp.GREEN)
    visible = list_assessments(session=session, clearance=Tlp.AMBER)
    assert [a.id for a in visible] == [green.id]
    assert [a.id for a in list_assessments(session=session, clearance=Tlp.RED)] == [
        green.id,
        red.id,
    ]
    for missing in (red.id or 0, 999):
        with pytest.raises(AssessmentError, match=f"^no assessment {missing}$"):
            get_assessment(session=session, assessment_id=missing, clearance=Tlp.AMBER)
    with pytest.raises(AssessmentError, match=f"^no assessment {red.id}$"):
        submit_for_review(session=session, username="amber", assessment_id=red.id or 0)
    status = AssessmentStatus.IN_REVIEW
    assert list_assessments(session=session, clearance=Tlp.RED, status=status) == []


@pytest.mark.usefixtures("editors")
def test_the_operator_drafts_on_a_schedule(session: Session) -> None:
    assessment = create_draft(session=session, username=OPERATOR, period="2026-08", ceiling=Tlp.RED)
    assert assessment.author == "operator" and assessment.period == "2026-08"


@pytest.mark.usefixtures("editors")
def test_refreshing_a_draft_takes_in_newly_confirmed_incidents(session: Session) -> None:
    assessment = draft(session)
    ident, loaded = assessment.id or 0, assessment.version
    document = create_document(session, marking=Tlp.AMBER)
    create_incident(
        session,
        [document],
        status=IncidentStatus.CONFIRMED,
        occurred_on=date(2026, 9, 1),
        country="FR",
    )
    refreshed = refresh_snapshot(session=session, username="bob", assessment_id=ident)
    assert len(snapshot_of(refreshed).incidents) == 2 and refreshed.marking == Tlp.AMBER
    assert refreshed.version == loaded + 1
    submit_for_review(session=session, username="alice", assessment_id=ident)
    with pytest.raises(AssessmentError, match="is in review, not draft"):
        refresh_snapshot(session=session, username="bob", assessment_id=ident)


@pytest.mark.usefixtures("editors")
def test_audit_events_of_an_assessment_are_hidden_with_it(session: Session) -> None:
    red = draft(session, ceiling=Tlp.RED)
    green = draft(session, ceiling=Tlp.GREEN)
    events, _ = search_events(session=session, clearance=Tlp.AMBER, entity_type="assessment")
    assert [e.entity_id for e in events] == [green.id]
    events, _ = search_events(session=session, clearance=Tlp.RED, entity_type="assessment")
    assert sorted(e.entity_id for e in events) == sorted([green.id, red.id])
