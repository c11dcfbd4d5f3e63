"""The four-eyes rule shared by every publishing workflow (assessments, notices): what is
published was read by an editor who neither wrote nor edited it.

Who wrote something is read from its audit events (the writing actions, and the author), so
the rule holds whichever screen or command did the writing. A refusal is audited: the
PermissionDenied carries its event, which the caller's unit of work commits alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from nlp.vocabulary import AssessmentStatus, AuditEntity
from storage.authz import PermissionDenied
from storage.models import ReviewEvent

WRITING_ACTIONS = ("draft", "correct", "edit")  # events whose author wrote the text


def writers_of(session: Session, *, entity: AuditEntity, entity_id: int, author: str) -> set[str]:
    """Everyone who wrote or edited the entity: its author and its writing events."""
    query = select(ReviewEvent.username).where(
        col(ReviewEvent.entity_type) == entity,
        col(ReviewEvent.entity_id) == entity_id,
        col(ReviewEvent.action).in_(WRITING_ACTIONS),
    )
    return {author, *session.exec(query).all()}


def require_second_editor(
    session: Session, *, entity: AuditEntity, entity_id: int, author: str, username: str
) -> None:
    """Refuse (audited) when `username` wrote or edited the entity."""
    if username not in writers_of(session, entity=entity, entity_id=entity_id, author=author):
        return
    noun = entity.value
    message = (
        f"four-eyes rule: {username} wrote or edited this draft; another editor must publish it"
    )
    event = ReviewEvent(
        username=username,
        action="refused",
        entity_type=entity,
        entity_id=entity_id,
        after={"action": f"{noun} publish"},
        reason=f"four-eyes: the publisher wrote or edited the {noun}",
    )
    raise PermissionDenied(message, event)


def require_status(
    status: AssessmentStatus,
    allowed: Sequence[AssessmentStatus],
    *,
    what: str,
    published: str,
    error: type[Exception],
) -> None:
    """Refuse with `error` unless `status` is allowed; `what` names the thing ("notice 4"),
    `published` says what to do instead of changing a published one."""
    if status in allowed:
        return
    if status == AssessmentStatus.PUBLISHED:
        raise error(f"{what} is published: {published}")
    if status == AssessmentStatus.WITHDRAWN:
        raise error(f"{what} was withdrawn and never changes")
    wanted = " or ".join(s.value.replace("_", " ") for s in allowed)
    raise error(f"{what} is {status.value.replace('_', ' ')}, not {wanted}")
