"""The audit trail: one append-only ReviewEvent per human (or scheduled) decision.

Storage functions record the event in the same unit of work as the change it describes, so
both land together or not at all (storage.db.session_scope commits once).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from sqlmodel import Session

from nlp.vocabulary import AuditEntity
from storage.models import ReviewEvent


class Auditor(Protocol):
    """`record_event` for one kind of entity, its id given by position."""

    def __call__(
        self,
        session: Session,
        username: str,
        action: str,
        entity_id: int,
        *,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
        reason: str | None = None,
    ) -> ReviewEvent: ...


def auditor(entity: AuditEntity) -> Auditor:
    """The audit call of one storage module: `audit(session, user, "edit", id, after=...)`."""

    def audit(
        session: Session,
        username: str,
        action: str,
        entity_id: int,
        *,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
        reason: str | None = None,
    ) -> ReviewEvent:
        return record_event(
            session,
            entity=entity,
            entity_id=entity_id,
            username=username,
            action=action,
            before=before,
            after=after,
            reason=reason,
        )

    return audit


def record_event(
    session: Session,
    *,
    entity: AuditEntity,
    entity_id: int,
    username: str,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str | None = None,
    at: datetime | None = None,  # default now; a change's own time keeps both in step
) -> ReviewEvent:
    event = ReviewEvent(
        username=username,
        action=action,
        entity_type=entity,
        entity_id=entity_id,
        before=before,
        after=after,
        reason=reason,
    )
    if at is not None:
        event.at = at
    session.add(event)
    return event
