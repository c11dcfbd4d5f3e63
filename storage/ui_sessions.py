"""Server-side sessions of the review UI: create, resume, revoke.

The browser keeps a random token; the database keeps only its SHA-256, the user, and the
times that bound the session (absolute expiry, last activity for the idle timeout).
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from datetime import datetime, timedelta
from typing import Literal

from sqlmodel import Session, col, select

from storage.models import User
from storage.models._base import utcnow
from storage.models.users import UiSession

log = logging.getLogger(__name__)

EndReason = Literal["unknown", "revoked", "expired", "idle", "inactive"]
TOKEN_BYTES = 32
# last_seen_at is written at most this often, so a busy page does not write on every click.
TOUCH_INTERVAL = timedelta(minutes=1)


class SessionEnded(Exception):
    """The session cannot be resumed; `reason` says why."""

    def __init__(self, reason: EndReason) -> None:
        super().__init__(reason)
        self.reason: EndReason = reason


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _find(session: Session, token: str) -> UiSession | None:
    query = select(UiSession).where(UiSession.token_hash == hash_token(token))
    return session.exec(query).first()


def create_session(
    *, session: Session, username: str, lifetime: timedelta
) -> tuple[UiSession, str]:
    """A new session for `username` and its token, which is returned once and never stored."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    now = utcnow()
    record = UiSession(
        token_hash=hash_token(token),
        username=username,
        created_at=now,
        last_seen_at=now,
        expires_at=now + lifetime,
    )
    session.add(record)
    session.flush()
    log.info("UI session %s opened for %s", record.id, username)
    return record, token


def _check(record: UiSession | None, now: datetime, idle_timeout: timedelta) -> UiSession:
    if record is None:
        raise SessionEnded("unknown")
    if record.revoked_at is not None:
        raise SessionEnded("revoked")
    if now >= record.expires_at:
        raise SessionEnded("expired")
    if now - record.last_seen_at > idle_timeout:
        raise SessionEnded("idle")
    return record


def resume_session(
    *, session: Session, token: str, idle_timeout: timedelta, now: datetime | None = None
) -> User:
    """The user of a live session; raises SessionEnded when it expired, idled or was revoked.

    A session whose user was deleted or disabled is revoked on the spot: the caller commits
    that revocation although SessionEnded("inactive") is raised.
    """
    now = now or utcnow()
    record = _check(_find(session, token), now, idle_timeout)
    user = session.exec(select(User).where(User.username == record.username)).first()
    if user is None or user.disabled:
        record.revoked_at = now
        session.add(record)
        session.flush()
        raise SessionEnded("inactive")
    if now - record.last_seen_at >= TOUCH_INTERVAL:
        record.last_seen_at = now
        session.add(record)
        session.flush()
    return user


def revoke_session(*, session: Session, token: str) -> UiSession | None:
    """End the session of this token (sign-out); None when the token is unknown."""
    record = _find(session, token)
    if record is None:
        return None
    if record.revoked_at is None:
        record.revoked_at = utcnow()
        session.add(record)
        session.flush()
        log.info("UI session %s of %s revoked", record.id, record.username)
    return record


def revoke_all_for_user(*, session: Session, username: str) -> list[UiSession]:
    """End every open session of `username` (the account was disabled)."""
    query = select(UiSession).where(
        UiSession.username == username, col(UiSession.revoked_at).is_(None)
    )
    records = list(session.exec(query).all())
    now = utcnow()
    for record in records:
        record.revoked_at = now
        session.add(record)
    session.flush()
    if records:
        log.info("%d UI sessions of %s revoked", len(records), username)
    return records
