"""The review half of the assessment workflow: submit, comment, return, publish (four-eyes),
withdraw. Every step is an audit event; the four-eyes refusal is one too.

Four-eyes: an edition is published by an editor who neither wrote it nor edited its sections
(both read from its audit events), so every published word was read by a second editor.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from sqlmodel import Session

from nlp.vocabulary import AssessmentStatus, AuditEntity
from storage import four_eyes
from storage.assessment_records import (
    OPEN_STATUSES,
    audit,
    clearance_of,
    get_assessment,
    require_status,
    snapshot_of,
    state,
)
from storage.assessment_snapshot import AssessmentError
from storage.audit import record_event
from storage.authz import EDITORS, require_actor
from storage.models import Assessment, ReviewEvent, User
from storage.models._base import utcnow
from storage.objectstore import get_object_store

Renderer = Callable[[Assessment], Mapping[str, bytes]]


def editor_and_edition(
    session: Session, username: str, assessment_id: int, action: str
) -> tuple[User | None, Assessment]:
    """The acting editor (None for the operator) and the edition, once they may see it
    (refusals are audited)."""
    user = require_actor(
        session=session,
        username=username,
        roles=EDITORS,
        action=f"assessment {action}",
        details={"assessment_id": assessment_id},
    )
    clearance = clearance_of(user)
    return user, get_assessment(session=session, assessment_id=assessment_id, clearance=clearance)


def load_for_editor(session: Session, username: str, assessment_id: int, action: str) -> Assessment:
    return editor_and_edition(session, username, assessment_id, action)[1]


def _transition(
    session: Session,
    assessment: Assessment,
    username: str,
    action: str,
    status: AssessmentStatus,
    reason: str | None = None,
) -> Assessment:
    before = state(assessment)
    assessment.status = status
    assessment.version += 1
    assessment.updated_at = utcnow()
    session.add(assessment)
    after = state(assessment)
    audit(session, username, action, assessment.id or 0, before=before, after=after, reason=reason)
    session.flush()
    return assessment


def submit_for_review(*, session: Session, username: str, assessment_id: int) -> Assessment:
    """Draft -> in review: the author asks a second editor to read and publish it."""
    assessment = load_for_editor(session, username, assessment_id, "submit")
    require_status(assessment, AssessmentStatus.DRAFT)
    assessment.submitted_by, assessment.submitted_at = username, utcnow()
    return _transition(session, assessment, username, "submit", AssessmentStatus.IN_REVIEW)


def add_comment(*, session: Session, username: str, assessment_id: int, text: str) -> ReviewEvent:
    """A reviewer's remark on a draft or an edition in review (an audit event)."""
    assessment = load_for_editor(session, username, assessment_id, "comment")
    require_status(assessment, *OPEN_STATUSES)
    if not text.strip():
        raise AssessmentError("a comment needs some text")
    event = record_event(
        session,
        username=username,
        action="comment",
        entity=AuditEntity.ASSESSMENT,
        entity_id=assessment_id,
        reason=text.strip(),
    )
    session.flush()
    return event


def return_to_draft(
    *, session: Session, username: str, assessment_id: int, reason: str
) -> Assessment:
    """In review -> draft, with the reason the author should read."""
    assessment = load_for_editor(session, username, assessment_id, "return")
    require_status(assessment, AssessmentStatus.IN_REVIEW)
    if not reason.strip():
        raise AssessmentError("returning a draft needs a reason")
    return _transition(
        session, assessment, username, "return", AssessmentStatus.DRAFT, reason.strip()
    )


def withdraw(*, session: Session, username: str, assessment_id: int, reason: str) -> Assessment:
    """Abandon a draft or an edition in review; a published edition is corrected instead."""
    assessment = load_for_editor(session, username, assessment_id, "withdraw")
    require_status(assessment, *OPEN_STATUSES)
    if not reason.strip():
        raise AssessmentError("withdrawing needs a reason")
    return _transition(
        session, assessment, username, "withdraw", AssessmentStatus.WITHDRAWN, reason.strip()
    )


def writers_of(session: Session, assessment: Assessment) -> set[str]:
    """Everyone who wrote or edited the edition: its author and its editing events."""
    return four_eyes.writers_of(
        session, entity=AuditEntity.ASSESSMENT, entity_id=assessment.id or 0,
        author=assessment.author,
    )  # fmt: skip


def _require_second_editor(session: Session, assessment: Assessment, username: str) -> None:
    four_eyes.require_second_editor(
        session, entity=AuditEntity.ASSESSMENT, entity_id=assessment.id or 0,
        author=assessment.author, username=username,
    )  # fmt: skip


def publish(*, session: Session, username: str, assessment_id: int, render: Renderer) -> Assessment:
    """In review -> published by a second editor: the outputs `render` makes are stored in
    the object store, and the edition never changes again."""
    assessment = load_for_editor(session, username, assessment_id, "publish")
    require_status(assessment, AssessmentStatus.IN_REVIEW)
    _require_second_editor(session, assessment, username)
    before = state(assessment)
    assessment.status = AssessmentStatus.PUBLISHED
    assessment.published_by, assessment.published_at = username, utcnow()
    assessment.marking = snapshot_of(assessment).marking
    rendered = render(assessment)  # after the fields above: the outputs print them
    store = get_object_store()
    assessment.outputs = {fmt: store.put(rendered[fmt]) for fmt in sorted(rendered)}
    assessment.version += 1
    assessment.updated_at = utcnow()
    session.add(assessment)
    audit(session, username, "publish", assessment_id, before=before, after=state(assessment))
    session.flush()
    return assessment
