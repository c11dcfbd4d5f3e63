"""Analyst decisions on findings, with optimistic locking and an append-only audit trail.

Every decision updates the finding with `UPDATE ... WHERE id = :id AND version = :expected`
and writes a `ReviewEvent` in the same transaction. When no row matches, someone else
changed the finding first: `ConflictError` says who and when, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from nlp.vocabulary import AuditEntity, FindingOrigin, Label, ReviewStatus, Tlp
from storage.audit import record_event
from storage.authz import REVIEWERS, require_actor
from storage.clearance import event_visible, finding_visible
from storage.models import Document, Finding, ReviewEvent, Suppression
from storage.models._base import utcnow
from storage.objectstore import get_object_store
from storage.priority import finding_priority
from storage.search.index import index_finding_change

ANALYST_EXTRACTOR = "analyst"
ANALYST_EXTRACTOR_VERSION = "1"


class ConflictError(Exception):
    """The finding changed since the analyst loaded it."""

    def __init__(self, finding_id: int, who: str, when: datetime | None) -> None:
        at = when.strftime("%Y-%m-%d %H:%M:%S UTC") if when else "an unknown time"
        super().__init__(f"{who} changed this finding at {at}; reload to see their change")
        self.finding_id = finding_id
        self.who = who
        self.when = when


class ReviewError(ValueError):
    """A decision is not valid (unknown finding, bad label, span outside the text...)."""


def document_text(document: Document) -> str:
    """The extracted text of a document, from the object store ('' when not extracted)."""
    if not document.text_key:
        return ""
    return get_object_store().get(document.text_key).decode("utf-8")


def snapshot(finding: Finding) -> dict[str, Any]:
    return {
        "label": finding.label,
        "text": finding.text,
        "start": finding.start,
        "end": finding.end,
        "normalized": finding.normalized,
        "attributes": dict(finding.attributes or {}),
        "status": str(finding.status),
        "version": finding.version,
    }


def _load(session: Session, finding_id: int) -> Finding:
    query = select(Finding).where(Finding.id == finding_id)
    query = query.execution_options(populate_existing=True)
    finding = session.exec(query).first()
    if finding is None:
        raise ReviewError(f"no finding {finding_id}")
    return finding


def _conflict(session: Session, finding_id: int) -> ConflictError:
    """Who changed the finding last: the row's reviewer, else the last audited user. The
    caller's unit of work rolls back when the ConflictError reaches it."""
    current = _load(session, finding_id)
    if current.reviewed_by:
        return ConflictError(finding_id, current.reviewed_by, current.updated_at)
    last = session.exec(
        select(ReviewEvent)
        .where(ReviewEvent.entity_type == AuditEntity.FINDING, ReviewEvent.entity_id == finding_id)
        .order_by(col(ReviewEvent.id).desc())
    ).first()
    if last is not None:
        return ConflictError(finding_id, last.username, last.at)
    return ConflictError(finding_id, "the extraction flow", current.updated_at)


def _apply(
    session: Session,
    *,
    finding_id: int,
    expected_version: int,
    username: str,
    action: str,
    values: dict[str, Any],
    reason: str | None = None,
) -> Finding:
    before = _load(session, finding_id)
    if before.version != expected_version:
        raise _conflict(session, finding_id)
    before_state = snapshot(before)
    now = utcnow()
    result = session.execute(
        update(Finding)
        .where(col(Finding.id) == finding_id, col(Finding.version) == expected_version)
        .values(**values, version=expected_version + 1, updated_at=now, reviewed_by=username)
    )
    if result.rowcount == 0:  # type: ignore[attr-defined]
        raise _conflict(session, finding_id)
    after = _load(session, finding_id)
    record_event(
        session,
        at=now,
        username=username,
        action=action,
        entity=AuditEntity.FINDING,
        entity_id=finding_id,
        before=before_state,
        after=snapshot(after),
        reason=reason,
    )
    session.flush()
    index_finding_change(session=session, finding=after)
    return after


def confirm_finding(
    *, session: Session, finding_id: int, expected_version: int, username: str
) -> Finding:
    _require_reviewer(session, username, "confirm", finding_id)
    values = {"status": ReviewStatus.CONFIRMED}
    finding = _apply(
        session,
        finding_id=finding_id,
        expected_version=expected_version,
        username=username,
        action="confirm",
        values=values,
    )
    return finding


def _require_reviewer(session: Session, username: str, action: str, finding_id: int) -> None:
    require_actor(
        session=session, username=username, roles=REVIEWERS, action=action, finding_id=finding_id
    )


def _check_label(label: str) -> Label:
    if label not in set(Label):
        raise ReviewError(f"label must be one of {', '.join(Label)}")
    return Label(label)


def _document(session: Session, document_id: int) -> Document:
    document = session.get(Document, document_id)
    if document is None:
        raise ReviewError(f"no document {document_id}")
    return document


def _priority(document: Document, label: str, attributes: Mapping[str, Any] | None) -> int:
    return finding_priority(
        relevant=document.relevant,
        relevance=document.relevance,
        label=label,
        attributes=attributes,
    )


def _span_text(session: Session, document_id: int, start: int, end: int) -> str:
    text = document_text(_document(session, document_id))
    if not 0 <= start < end <= len(text):
        raise ReviewError(f"span {start}-{end} is outside the text (0-{len(text)})")
    span = text[start:end]
    if not span.strip():
        raise ReviewError("the span holds only blank characters")
    return span


def correct_finding(
    *,
    session: Session,
    finding_id: int,
    expected_version: int,
    username: str,
    label: str | None = None,
    normalized: str | None = None,
    attributes: Mapping[str, Any] | None = None,
    start: int | None = None,
    end: int | None = None,
    reason: str | None = None,
) -> Finding:
    _require_reviewer(session, username, "correct", finding_id)
    current = _load(session, finding_id)
    values: dict[str, Any] = {"status": ReviewStatus.CORRECTED}
    if label is not None:
        values["label"] = _check_label(label)
    if normalized is not None:
        values["normalized"] = normalized.strip() or None
    if attributes is not None:
        values["attributes"] = dict(attributes)
    if start is not None or end is not None:
        new_start = current.start if start is None else start
        new_end = current.end if end is None else end
        values["text"] = _span_text(session, current.document_id, new_start, new_end)
        values["start"], values["end"] = new_start, new_end
    values["priority"] = _priority(
        _document(session, current.document_id),
        values.get("label", current.label),
        values.get("attributes", current.attributes),
    )
    finding = _apply(
        session,
        finding_id=finding_id,
        expected_version=expected_version,
        username=username,
        action="correct",
        values=values,
        reason=reason,
    )
    return finding


def _suppress(session: Session, finding: Finding, username: str, reason: str) -> Suppression:
    document = session.get(Document, finding.document_id)
    source_id = document.source_id if document else None
    suppression = Suppression(
        label=finding.label,
        text_key=finding.text.casefold(),
        source_id=source_id,
        document_id=None if source_id is not None else finding.document_id,
        created_by=username,
        reason=reason,
    )
    session.add(suppression)
    return suppression


def reject_finding(
    *,
    session: Session,
    finding_id: int,
    expected_version: int,
    username: str,
    reason: str,
    never_again: bool = False,
) -> Finding:
    _require_reviewer(session, username, "reject", finding_id)
    if not reason.strip():
        raise ReviewError("a rejection needs a reason")
    finding = _apply(
        session,
        finding_id=finding_id,
        expected_version=expected_version,
        username=username,
        action="reject_never_again" if never_again else "reject",
        values={"status": ReviewStatus.REJECTED},
        reason=reason,
    )
    if never_again:
        _suppress(session, finding, username, reason)
    return finding


def add_finding(
    *,
    session: Session,
    document_id: int,
    username: str,
    label: str,
    start: int,
    end: int,
    normalized: str | None = None,
    attributes: Mapping[str, Any] | None = None,
) -> Finding:
    """A finding the analyst made: origin analyst, confirmed, span checked against the text."""
    require_actor(
        session=session,
        username=username,
        roles=REVIEWERS,
        action="add",
        document_ids=[document_id],
    )
    span = _span_text(session, document_id, start, end)
    finding = Finding(
        document_id=document_id,
        label=_check_label(label),
        priority=_priority(_document(session, document_id), label, attributes),
        text=span,
        start=start,
        end=end,
        normalized=(normalized or "").strip() or None,
        attributes=dict(attributes or {}),
        confidence=1.0,
        extractor=ANALYST_EXTRACTOR,
        extractor_version=ANALYST_EXTRACTOR_VERSION,
        origin=FindingOrigin.ANALYST,
        status=ReviewStatus.CONFIRMED,
        reviewed_by=username,
    )
    session.add(finding)
    session.flush()
    assert finding.id is not None
    record_event(
        session,
        username=username,
        action="add",
        entity=AuditEntity.FINDING,
        entity_id=finding.id,
        after=snapshot(finding),
    )
    session.flush()
    index_finding_change(session=session, finding=finding)
    return finding


def bulk_decide(
    *,
    session: Session,
    document_id: int,
    username: str,
    action: Literal["confirm", "reject"],
    expected_versions: Mapping[int, int],
    reason: str | None = None,
) -> list[Finding]:
    """Confirm or reject several findings of one document, all or none."""
    require_actor(
        session=session,
        username=username,
        roles=REVIEWERS,
        action=f"bulk_{action}",
        document_ids=[document_id],
    )
    if action == "reject" and not (reason or "").strip():
        raise ReviewError("a rejection needs a reason")
    status = ReviewStatus.CONFIRMED if action == "confirm" else ReviewStatus.REJECTED
    decided = []
    for finding_id, version in expected_versions.items():
        if _load(session, finding_id).document_id != document_id:
            raise ReviewError(f"finding {finding_id} is not in document {document_id}")
        decided.append(
            _apply(
                session,
                finding_id=finding_id,
                expected_version=version,
                username=username,
                action=f"bulk_{action}",
                values={"status": status},
                reason=reason,
            )
        )
    session.flush()
    return decided


def document_findings(*, session: Session, document_id: int, clearance: Tlp) -> list[Finding]:
    """The findings of a document in text order (none when it is above the clearance)."""
    query = (
        select(Finding)
        .where(Finding.document_id == document_id, finding_visible(clearance))
        .order_by(col(Finding.start), col(Finding.id))
    )
    return list(session.exec(query).all())


def finding_history(*, session: Session, finding_id: int, clearance: Tlp) -> list[ReviewEvent]:
    query = (
        select(ReviewEvent)
        .where(ReviewEvent.entity_type == AuditEntity.FINDING, ReviewEvent.entity_id == finding_id)
        .where(event_visible(clearance))
        .order_by(col(ReviewEvent.at), col(ReviewEvent.id))
    )
    return list(session.exec(query).all())


def search_events(
    *,
    session: Session,
    clearance: Tlp,
    username: str | None = None,
    action: str | None = None,
    entity_type: str | None = None,
    entity_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 100,
    offset: int = 0,
) -> tuple[list[ReviewEvent], int]:
    """Audit trail search, newest first: (page of events, total matching). Events about
    findings, documents or incidents above the clearance are left out."""
    conditions: list[Any] = [event_visible(clearance)]
    if username:
        conditions.append(col(ReviewEvent.username) == username)
    if action:
        conditions.append(col(ReviewEvent.action) == action)
    if entity_type:
        conditions.append(col(ReviewEvent.entity_type) == entity_type)
    if entity_id is not None:
        conditions.append(col(ReviewEvent.entity_id) == entity_id)
    if since is not None:
        conditions.append(col(ReviewEvent.at) >= since)
    if until is not None:
        conditions.append(col(ReviewEvent.at) < until)
    total = session.exec(select(func.count()).select_from(ReviewEvent).where(*conditions)).one()
    page = session.exec(
        select(ReviewEvent)
        .where(*conditions)
        .order_by(col(ReviewEvent.at).desc(), col(ReviewEvent.id).desc())
        .limit(limit)
        .offset(offset)
    ).all()
    return list(page), int(total)
