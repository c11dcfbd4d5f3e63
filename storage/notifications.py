"""Notifications: what an alert's watchers are told about its matches, one row per recipient.

A notification names the alert, the score and the document by id and title only: never
document text, and never anything above the recipient's clearance (a watcher who may not read
the alert or the document is not told). Delivery by e-mail is a separate step that reads
these rows, so a failed delivery loses nothing and is retried.

The inbox re-checks clearance when it reads: a notification whose alert or document is now
above the recipient's clearance (lowered since it was written, or the document re-marked) is
left out of the list and the counts, like anything else above a clearance.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, exists, or_
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session, col, func, select, update

from nlp.vocabulary import NotificationKind, Tlp
from storage.clearance import document_visible, most_restrictive, readable_markings
from storage.models import Alert, AlertMatch, AlertWatcher, Document, Notification, User
from storage.models._base import utcnow

INBOX_PAGE = 50
MAX_ERROR_CHARS = 500


def notify_match(*, session: Session, match: AlertMatch, confirmed: bool) -> list[Notification]:
    """Tell the alert's watchers about a new high-scoring match, or a confirmed one."""
    return notify_matches(session=session, matches=[match], confirmed=confirmed)


def notify_matches(
    *, session: Session, matches: Sequence[AlertMatch], confirmed: bool
) -> list[Notification]:
    """`notify_match` for several matches at once (a document's new matches): one query for
    the watchers of all their alerts, then, if any, one for those alerts, one for the
    documents and one insert, instead of a query or more and an insert each."""
    watchers = _watchers_by_alert(session, {m.alert_id for m in matches}) if matches else {}
    watched = [match for match in matches if match.alert_id in watchers]
    if not watched:
        return []
    alert_ids = sorted({match.alert_id for match in watched})
    document_ids = sorted({match.document_id for match in watched})
    alerts = {a.id: a for a in session.exec(select(Alert).where(col(Alert.id).in_(alert_ids)))}
    documents = {
        d.id: d for d in session.exec(select(Document).where(col(Document.id).in_(document_ids)))
    }
    kind = NotificationKind.CONFIRMED_MATCH if confirmed else NotificationKind.NEW_MATCH
    notifications: list[Notification] = []
    for match in watched:
        alert, document = alerts.get(match.alert_id), documents.get(match.document_id)
        if alert is None or document is None:
            raise ValueError(f"match {match.id} names a missing alert or document")
        marking = most_restrictive([alert.marking, document.marking])
        verb = "confirmed" if confirmed else f"proposed (score {match.score:.2f})"
        notifications.extend(
            Notification(
                username=username,
                kind=kind,
                alert_id=match.alert_id,
                match_id=match.id,
                subject=f"[{marking}] Alert #{alert.id}: match {verb}",
                body=(
                    f"Alert #{alert.id} ({alert.title}): document #{document.id} "
                    f"({document.title}) was {verb} as a match."
                ),
            )
            for username, clearance in watchers[match.alert_id]
            if clearance.rank >= marking.rank
        )
    session.add_all(notifications)
    session.flush()
    return notifications


def unread_count(*, session: Session, username: str) -> int:
    """Unread notifications the user may still read (0 for an unknown or disabled user)."""
    clearance = _clearance(session, username)
    if clearance is None:
        return 0
    query = select(func.count()).where(
        Notification.username == username,
        col(Notification.read_at).is_(None),
        notification_visible(clearance),
    )
    return session.exec(query).one()


def list_notifications(
    *,
    session: Session,
    username: str,
    limit: int = INBOX_PAGE,
    before_id: int | None = None,
    unread_only: bool = False,
) -> list[Notification]:
    """The user's notifications, newest first, `limit` at a time: pass the last id shown as
    `before_id` for the next page (a cursor, stable while new ones arrive)."""
    clearance = _clearance(session, username)
    if clearance is None:
        return []
    query = select(Notification).where(
        Notification.username == username, notification_visible(clearance)
    )
    if before_id is not None:
        query = query.where(col(Notification.id) < before_id)
    if unread_only:
        query = query.where(col(Notification.read_at).is_(None))
    query = query.order_by(col(Notification.id).desc()).limit(max(1, min(limit, 500)))
    return list(session.exec(query).all())


def documents_of(*, session: Session, notifications: Sequence[Notification]) -> dict[int, int]:
    """The document each notification's match is about, by notification id."""
    match_ids = [n.match_id for n in notifications if n.match_id is not None]
    if not match_ids:
        return {}
    query = select(AlertMatch.id, AlertMatch.document_id).where(col(AlertMatch.id).in_(match_ids))
    by_match = {int(match_id or 0): document_id for match_id, document_id in session.exec(query)}
    return {
        int(n.id or 0): by_match[n.match_id]
        for n in notifications
        if n.match_id is not None and n.match_id in by_match
    }


def mark_read(*, session: Session, username: str, notification_ids: Sequence[int]) -> int:
    """Mark the user's own notifications read (others' ids are ignored); how many changed."""
    return _mark(session, username, col(Notification.id).in_(list(notification_ids)))


def mark_all_read(*, session: Session, username: str) -> int:
    return _mark(session, username)


def _mark(session: Session, username: str, *conditions: ColumnElement[bool]) -> int:
    statement = (
        update(Notification)
        .where(
            col(Notification.username) == username,
            col(Notification.read_at).is_(None),
            *conditions,
        )
        .values(read_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    result = session.exec(statement)
    session.flush()
    return int(result.rowcount or 0)


def notification_visible(clearance: Tlp) -> ColumnElement[bool]:
    """The notification's alert, and its match's document if any, are within `clearance`."""
    alert = Alert.__table__.alias("notified_alert")  # type: ignore[attr-defined]
    match = AlertMatch.__table__.alias("notified_match")  # type: ignore[attr-defined]
    document = Document.__table__.alias("notified_document")  # type: ignore[attr-defined]
    readable = readable_markings(clearance)
    return and_(
        exists().where(alert.c.id == Notification.alert_id, alert.c.marking.in_(readable)),
        or_(
            col(Notification.match_id).is_(None),
            exists().where(
                match.c.id == Notification.match_id,
                document.c.id == match.c.document_id,
                document_visible(clearance, document.c.marking),
            ),
        ),
    )


def _clearance(session: Session, username: str) -> Tlp | None:
    user = session.exec(select(User).where(User.username == username)).first()
    if user is None or user.disabled:
        return None
    return Tlp(user.clearance)


# E-mail delivery bookkeeping (the sending itself is flows.notify's).


@dataclass(frozen=True)
class Outgoing:
    """One notification to e-mail, with what the sender needs to decide and address it."""

    notification: Notification
    address: str | None  # None: the recipient has no address (any more)
    cleared: bool  # the recipient's clearance still covers the alert and document


def pending_emails(
    *, session: Session, max_attempts: int, after_id: int = 0, limit: int = 500
) -> list[Outgoing]:
    """Notifications after id `after_id` not e-mailed yet and tried fewer than
    `max_attempts` times, whose recipient has an e-mail address, oldest first; each with its
    clearance re-checked."""
    query = (
        select(Notification, User)
        .join(User, col(User.username) == col(Notification.username))
        .where(
            col(Notification.id) > after_id,
            col(Notification.emailed_at).is_(None),
            col(Notification.email_attempts) < max_attempts,
            col(User.email).is_not(None),
            col(User.email) != "",
        )
        .order_by(col(Notification.id))
        .limit(limit)
    )
    return [
        Outgoing(notification, user.email, _still_cleared(session, notification, user))
        for notification, user in session.exec(query).all()
    ]


def _still_cleared(session: Session, notification: Notification, user: User) -> bool:
    if user.disabled:
        return False
    query = select(func.count()).where(
        col(Notification.id) == notification.id, notification_visible(Tlp(user.clearance))
    )
    return bool(session.exec(query).one())


def record_emailed(*, session: Session, notification: Notification, at: datetime) -> None:
    notification.emailed_at = at
    notification.email_attempts += 1
    notification.email_error = None
    session.add(notification)
    session.flush()


def record_email_failure(
    *, session: Session, notification: Notification, error: str, give_up_at: int | None = None
) -> None:
    """One failed attempt, kept for operators. `give_up_at` (the cap on attempts) gives the
    message up at once: it must never be sent, e.g. the recipient may no longer read it."""
    attempts = notification.email_attempts + 1
    notification.email_attempts = attempts if give_up_at is None else max(attempts, give_up_at)
    notification.email_error = " ".join(error.split())[:MAX_ERROR_CHARS]
    session.add(notification)
    session.flush()


def undelivered_emails(*, session: Session) -> int:
    """Notifications whose e-mail failed at least once and was never sent: what an operator
    should look at (a wrong SMTP setting, a bad address)."""
    query = select(func.count()).where(
        col(Notification.emailed_at).is_(None), col(Notification.email_error).is_not(None)
    )
    return int(session.exec(query).one())


def failed_emails(*, session: Session, limit: int = 50) -> list[Notification]:
    """The undelivered ones (see `undelivered_emails`), newest first, for the dashboard."""
    query = (
        select(Notification)
        .where(col(Notification.emailed_at).is_(None), col(Notification.email_error).is_not(None))
        .order_by(col(Notification.id).desc())
        .limit(limit)
    )
    return list(session.exec(query).all())


def _watchers_by_alert(session: Session, alert_ids: set[int]) -> dict[int, list[tuple[str, Tlp]]]:
    """Each alert's watchers with an enabled account, by username, with their clearance."""
    query = (
        select(AlertWatcher.alert_id, User.username, User.clearance)
        .join(User, col(AlertWatcher.username) == col(User.username))
        .where(col(AlertWatcher.alert_id).in_(sorted(alert_ids)), col(User.disabled).is_(False))
        .order_by(col(AlertWatcher.alert_id), col(User.username))
    )
    watchers: dict[int, list[tuple[str, Tlp]]] = {}
    for alert_id, username, clearance in session.exec(query).all():
        watchers.setdefault(alert_id, []).append((username, Tlp(clearance)))
    return watchers
