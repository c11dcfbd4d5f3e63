"""The audit trail: one append-only ReviewEvent per human (or scheduled) decision.

Storage functions record the event in the same unit of work as the change it describes, so
both land together or not at all (storage.db.session_scope commits once).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session

from nlp.vocabulary import AuditEntity
from storage.models import ReviewEvent


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
