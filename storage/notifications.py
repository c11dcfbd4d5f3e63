"""Notifications: what an alert's watchers are told about its matches, one row per recipient.

A notification names the alert, the score and the document by id and title only: never
document text, and never anything above the recipient's clearance (a watcher who may not read
the alert or the document is not told). Delivery by e-mail is a separate step that reads
these rows, so a failed delivery loses nothing and is retried.
"""

from __future__ import annotations

from sqlmodel import Session, col, func, select

from nlp.vocabulary import NotificationKind, Tlp
from storage.clearance import most_restrictive
from storage.models import Alert, AlertMatch, AlertWatcher, Document, Notification, User


def notify_match(*, session: Session, match: AlertMatch, confirmed: bool) -> list[Notification]:
    """Tell the alert's watchers about a new high-scoring match, or a confirmed one."""
    alert = session.get(Alert, match.alert_id)
    document = session.get(Document, match.document_id)
    if alert is None or document is None:
        raise ValueError(f"match {match.id} names a missing alert or document")
    marking = most_restrictive([alert.marking, document.marking])
    kind = NotificationKind.CONFIRMED_MATCH if confirmed else NotificationKind.NEW_MATCH
    verb = "confirmed" if confirmed else f"proposed (score {match.score:.2f})"
    notifications = [
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
        for username in _cleared_watchers(session, alert_id=match.alert_id, marking=marking)
    ]
    session.add_all(notifications)
    session.flush()
    return notifications


def unread_count(*, session: Session, username: str) -> int:
    query = select(func.count()).where(
        Notification.username == username, col(Notification.read_at).is_(None)
    )
    return session.exec(query).one()


def _cleared_watchers(session: Session, *, alert_id: int, marking: Tlp) -> list[str]:
    """Watchers with an enabled account whose clearance covers `marking`."""
    query = (
        select(User)
        .join(AlertWatcher, col(AlertWatcher.username) == col(User.username))
        .where(AlertWatcher.alert_id == alert_id, col(User.disabled).is_(False))
        .order_by(col(User.username))
    )
    return [user.username for user in session.exec(query) if user.clearance.rank >= marking.rank]
