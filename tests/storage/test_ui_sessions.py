"""Server-side UI sessions on SQLite and PostgreSQL: expiry, idle timeout, revocation."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

import pytest
from sqlmodel import Session, select

from storage.models._base import utcnow
from storage.models.users import UiSession
from storage.ui_sessions import (
    TOUCH_INTERVAL,
    SessionEnded,
    create_session,
    resume_session,
    revoke_all_for_user,
    revoke_session,
)
from storage.users import get_user, set_disabled
from tests.factories import create_user

PASSWORD = "a long enough password"
LIFETIME = timedelta(hours=8)
IDLE = timedelta(minutes=30)


@pytest.fixture
def ana(session: Session) -> str:
    create_user(session, "ana", password=PASSWORD)
    create_user(session, "root", role="admin", password=PASSWORD)
    return "ana"


def _ended(session: Session, token: str, now: datetime | None = None) -> str:
    with pytest.raises(SessionEnded) as ended:
        resume_session(session=session, token=token, idle_timeout=IDLE, now=now)
    return ended.value.reason


def test_only_the_hash_is_stored(session: Session, ana: str) -> None:
    record, token = create_session(session=session, username=ana, lifetime=LIFETIME)
    assert len(token) >= 43
    assert record.token_hash == hashlib.sha256(token.encode()).hexdigest() != token
    stored = session.exec(select(UiSession)).one()
    assert token not in {str(value) for value in stored.model_dump().values()}
    user = resume_session(session=session, token=token, idle_timeout=IDLE)
    assert (user.username, user.role.value) == ("ana", "analyst")
    assert _ended(session, token[:-1] + ("A" if token[-1] != "A" else "B")) == "unknown"


def test_expiry_is_absolute(session: Session, ana: str) -> None:
    _, token = create_session(session=session, username=ana, lifetime=timedelta(minutes=5))
    later = utcnow() + timedelta(minutes=4)
    assert resume_session(session=session, token=token, idle_timeout=IDLE, now=later)
    assert _ended(session, token, now=later + timedelta(minutes=2)) == "expired"


def test_idle_timeout_and_last_seen(session: Session, ana: str) -> None:
    record, token = create_session(session=session, username=ana, lifetime=LIFETIME)
    first_seen = record.last_seen_at
    soon = first_seen + TOUCH_INTERVAL / 2  # not written: at most once a minute
    resume_session(session=session, token=token, idle_timeout=IDLE, now=soon)
    session.refresh(record)
    assert record.last_seen_at == first_seen
    active = first_seen + timedelta(minutes=25)  # activity keeps the session alive
    resume_session(session=session, token=token, idle_timeout=IDLE, now=active)
    session.refresh(record)
    assert record.last_seen_at == active
    assert resume_session(
        session=session, token=token, idle_timeout=IDLE, now=active + timedelta(minutes=29)
    )
    assert _ended(session, token, now=active + timedelta(minutes=70)) == "idle"


def test_revoked_session_cannot_resume(session: Session, ana: str) -> None:
    _, token = create_session(session=session, username=ana, lifetime=LIFETIME)
    _, other = create_session(session=session, username=ana, lifetime=LIFETIME)
    revoked = revoke_session(session=session, token=token)
    assert revoked is not None and revoked.revoked_at is not None
    assert _ended(session, token) == "revoked"
    assert resume_session(session=session, token=other, idle_timeout=IDLE).username == "ana"
    assert revoke_session(session=session, token="no-such-token") is None


def test_disabling_a_user_revokes_every_session(session: Session, ana: str) -> None:
    tokens = [create_session(session=session, username=ana, lifetime=LIFETIME)[1] for _ in "ab"]
    _, admin_token = create_session(session=session, username="root", lifetime=LIFETIME)
    set_disabled(session=session, username=ana, disabled=True, by="root")
    assert [_ended(session, token) for token in tokens] == ["revoked", "revoked"]
    set_disabled(session=session, username=ana, disabled=False, by="root")
    assert _ended(session, tokens[0]) == "revoked"  # enabling again does not revive them
    assert resume_session(session=session, token=admin_token, idle_timeout=IDLE)
    assert revoke_all_for_user(session=session, username=ana) == []


def test_a_disabled_user_found_on_resume_is_signed_out(session: Session, ana: str) -> None:
    record, token = create_session(session=session, username=ana, lifetime=LIFETIME)
    user = get_user(session=session, username=ana)
    assert user is not None
    user.disabled = True  # disabled behind the functions' back (e.g. by SQL)
    session.add(user)
    session.commit()
    assert _ended(session, token) == "inactive"
    session.refresh(record)
    assert record.revoked_at is not None
