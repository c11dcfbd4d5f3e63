"""Reading threat assessments, and the helpers every workflow step shares (loading an edition
as its editor may see it, the state checks, the audit event).

An assessment is visible when its marking ceiling is within the reader's clearance; one above
it is "no assessment N", the same words as a missing id.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from nlp.vocabulary import AssessmentStatus, AuditEntity, Tlp
from storage import four_eyes
from storage.assessment_snapshot import AssessmentError
from storage.audit import auditor
from storage.clearance import readable_markings
from storage.models import Assessment, ReviewEvent, Snapshot, User
from storage.models.assessments import SECTIONS

OPEN_STATUSES = (AssessmentStatus.DRAFT, AssessmentStatus.IN_REVIEW)


def list_assessments(
    *, session: Session, clearance: Tlp, status: AssessmentStatus | None = None
) -> list[Assessment]:
    """Every edition the reader may see, newest first (optionally of one status)."""
    query = select(Assessment).where(col(Assessment.ceiling).in_(readable_markings(clearance)))
    if status is not None:
        query = query.where(col(Assessment.status) == status)
    query = query.order_by(col(Assessment.created_at).desc(), col(Assessment.id).desc())
    return list(session.exec(query).all())


def waiting_for_editors(*, session: Session, clearance: Tlp) -> list[Assessment]:
    """Drafts and editions in review, newest first: what editors still have to act on."""
    editions = list_assessments(session=session, clearance=clearance)
    return [edition for edition in editions if edition.status in OPEN_STATUSES]


def get_assessment(*, session: Session, assessment_id: int, clearance: Tlp) -> Assessment:
    assessment = session.get(Assessment, assessment_id)
    if assessment is None or Tlp(assessment.ceiling).rank > clearance.rank:
        raise AssessmentError(f"no assessment {assessment_id}")
    return assessment


def assessment_history(
    *, session: Session, assessment_id: int, clearance: Tlp
) -> list[ReviewEvent]:
    """The edition's audit events, oldest first."""
    get_assessment(session=session, assessment_id=assessment_id, clearance=clearance)
    query = (
        select(ReviewEvent)
        .where(
            col(ReviewEvent.entity_type) == AuditEntity.ASSESSMENT,
            col(ReviewEvent.entity_id) == assessment_id,
        )
        .order_by(col(ReviewEvent.at), col(ReviewEvent.id))
    )
    return list(session.exec(query).all())


def snapshot_of(assessment: Assessment) -> Snapshot:
    return Snapshot.model_validate(assessment.snapshot)


def clearance_of(user: User | None) -> Tlp:
    """The acting user's clearance; the command-line operator holds the database itself."""
    return Tlp.RED if user is None else Tlp(user.clearance)


def require_status(assessment: Assessment, *allowed: AssessmentStatus) -> None:
    """Refuse unless the edition is in one of the statuses; published ones never change."""
    four_eyes.require_status(
        AssessmentStatus(assessment.status),
        allowed,
        what=f"assessment {assessment.id}",
        published="published editions never change; start a correction",
        error=AssessmentError,
    )


def state(assessment: Assessment) -> dict[str, Any]:
    """What an audit event records of an edition (the snapshot is summarised, not copied)."""
    return assessment.model_dump(
        mode="json", exclude={"snapshot", "created_at", "updated_at", *SECTIONS}
    )


audit = auditor(AuditEntity.ASSESSMENT)
