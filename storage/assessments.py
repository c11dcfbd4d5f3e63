"""Threat assessments: drafts built from confirmed data, edited by editors, published under
the four-eyes rule, corrected by new editions. This module writes editions; reads live in
storage.assessment_records and review steps in storage.assessment_review (both re-exported).

A published or withdrawn edition never changes: a correction is a new draft edition of the
same series that names what changed and is built from the data as it is now.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import func
from sqlmodel import Session, col, select

from nlp.vocabulary import AssessmentStatus, Tlp
from storage.assessment_records import (
    OPEN_STATUSES,
    assessment_history,
    audit,
    clearance_of,
    get_assessment,
    list_assessments,
    require_status,
    snapshot_of,
    state,
    waiting_for_editors,
)
from storage.assessment_review import (
    add_comment,
    editor_and_edition,
    load_for_editor,
    publish,
    return_to_draft,
    submit_for_review,
    withdraw,
)
from storage.assessment_snapshot import AssessmentError, build_snapshot
from storage.authz import EDITORS, require_actor
from storage.models import Assessment, Snapshot
from storage.models._base import utcnow
from storage.models.assessments import SECTIONS
from storage.periods import Period, parse_period
from storage.scopes import ScopeError

__all__ = [
    "AssessmentError",
    "add_comment",
    "assessment_history",
    "create_draft",
    "get_assessment",
    "list_assessments",
    "publish",
    "refresh_snapshot",
    "return_to_draft",
    "snapshot_of",
    "start_correction",
    "submit_for_review",
    "update_sections",
    "waiting_for_editors",
    "withdraw",
]


def _period(text: str) -> Period:
    try:
        return parse_period(text)
    except ValueError as error:
        raise AssessmentError(str(error)) from None


def _snapshot(
    session: Session, period: Period, scope: str | None, ceiling: Tlp, clearance: Tlp
) -> Snapshot:
    try:
        return build_snapshot(
            session=session, period=period, scope=scope, ceiling=ceiling, clearance=clearance
        )
    except ScopeError as error:
        raise AssessmentError(str(error)) from None


def _apply(assessment: Assessment, snapshot: Snapshot) -> None:
    assessment.snapshot = snapshot.model_dump(mode="json")
    assessment.snapshot_at = snapshot.built_at
    assessment.marking = snapshot.marking


def create_draft(
    *,
    session: Session,
    username: str,
    period: str,
    ceiling: Tlp,
    scope: str | None = None,
    title: str | None = None,
) -> Assessment:
    """A first edition for the period and scope, its snapshot built from confirmed data."""
    user = require_actor(
        session=session,
        username=username,
        roles=EDITORS,
        action="assessment draft",
        details={"period": period[:20], "ceiling": Tlp(ceiling).value},
    )
    chosen = _period(period)
    snapshot = _snapshot(session, chosen, scope, Tlp(ceiling), clearance_of(user))
    default_title = f"Threat assessment {chosen.label} — {snapshot.scope or 'World'}"
    assessment = Assessment(
        title=(title or "").strip() or default_title,
        period=chosen.label,
        period_start=chosen.start,
        period_end=chosen.end,
        scope=snapshot.scope,
        ceiling=Tlp(ceiling),
        author=username,
    )
    _apply(assessment, snapshot)
    session.add(assessment)
    session.flush()
    assessment.series_id = assessment.id
    audit(session, username, "draft", assessment.id or 0, after=state(assessment))
    session.flush()
    return assessment


def refresh_snapshot(*, session: Session, username: str, assessment_id: int) -> Assessment:
    """Rebuild a draft's snapshot from the data as it is now."""
    user, assessment = editor_and_edition(session, username, assessment_id, "refresh")
    clearance = clearance_of(user)
    require_status(assessment, AssessmentStatus.DRAFT)
    before = state(assessment)
    period = _period(assessment.period)
    _apply(assessment, _snapshot(session, period, assessment.scope, assessment.ceiling, clearance))
    _touch(session, assessment)
    audit(session, username, "refresh", assessment_id, before=before, after=state(assessment))
    session.flush()
    return assessment


def _touch(session: Session, assessment: Assessment) -> None:
    assessment.version += 1
    assessment.updated_at = utcnow()
    session.add(assessment)


def update_sections(
    *,
    session: Session,
    username: str,
    assessment_id: int,
    version: int,
    sections: Mapping[str, str],
    title: str | None = None,
) -> Assessment:
    """Edit a draft's narrative (Markdown sections) and title; `version` is the one the
    editor loaded, so a concurrent edit is refused instead of overwritten."""
    assessment = load_for_editor(session, username, assessment_id, "edit")
    require_status(assessment, AssessmentStatus.DRAFT)
    unknown = sorted(set(sections) - set(SECTIONS))
    if unknown:
        raise AssessmentError(
            f"unknown sections: {', '.join(unknown)} (known: {', '.join(SECTIONS)})"
        )
    if assessment.version != version:
        raise AssessmentError(
            f"assessment {assessment_id} was changed by someone else; reload and edit again"
        )
    changes = dict(sorted(sections.items()))
    if title is not None and title.strip():
        changes["title"] = title.strip()
    before = {name: getattr(assessment, name) for name in changes}
    for name, text in changes.items():
        setattr(assessment, name, text)
    _touch(session, assessment)
    audit(session, username, "edit", assessment_id, before=before, after=changes)
    session.flush()
    return assessment


def start_correction(
    *, session: Session, username: str, assessment_id: int, changes: str
) -> Assessment:
    """A new draft edition of a published one: same series and sections, data as it is now,
    naming what it changes."""
    user, published = editor_and_edition(session, username, assessment_id, "correct")
    if published.status != AssessmentStatus.PUBLISHED:
        status = AssessmentStatus(published.status).value.replace("_", " ")
        raise AssessmentError(
            f"assessment {assessment_id} is {status}: only a published edition is corrected"
        )
    if not changes.strip():
        raise AssessmentError("a correction must say what it changes")
    series = published.series_id or assessment_id
    _refuse_open_edition(session, series)
    _refuse_superseded(session, published)
    snapshot = _snapshot(
        session, _period(published.period), published.scope, published.ceiling, clearance_of(user)
    )
    copied = {"title", "period", "period_start", "period_end", "scope", "ceiling", *SECTIONS}
    correction = Assessment(
        **published.model_dump(include=copied),
        series_id=series,
        edition=_last_edition(session, series) + 1,
        supersedes_id=assessment_id,
        changes=changes.strip(),
        author=username,
    )
    _apply(correction, snapshot)
    session.add(correction)
    session.flush()
    audit(session, username, "correct", correction.id or 0, after=state(correction))
    session.flush()
    return correction


def _last_edition(session: Session, series_id: int) -> int:
    query = select(func.max(Assessment.edition)).where(col(Assessment.series_id) == series_id)
    return int(session.exec(query).one() or 0)


def _refuse_open_edition(session: Session, series_id: int) -> None:
    query = select(Assessment).where(
        col(Assessment.series_id) == series_id, col(Assessment.status).in_(OPEN_STATUSES)
    )
    open_edition = session.exec(query).first()
    if open_edition is not None:
        raise AssessmentError(
            f"edition {open_edition.edition} of this series (assessment {open_edition.id}) "
            "is already being written; finish or withdraw it first"
        )


def _refuse_superseded(session: Session, published: Assessment) -> None:
    """Only the latest published edition of a series is corrected."""
    query = select(Assessment).where(
        col(Assessment.series_id) == published.series_id,
        col(Assessment.status) == AssessmentStatus.PUBLISHED,
        col(Assessment.edition) > published.edition,
    )
    later = session.exec(query.order_by(col(Assessment.edition).desc())).first()
    if later is not None:
        raise AssessmentError(
            f"assessment {published.id} is superseded by edition {later.edition} "
            f"(assessment {later.id}); correct that one"
        )
