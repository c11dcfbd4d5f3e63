"""Users: argon2 hashes, sign-in, throttling after repeated failures, demo users."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from storage.models import ReviewEvent, SignInAttempt
from storage.models._base import utcnow
from storage.throttle import throttled_until
from storage.users import (
    UserError,
    authenticate,
    create_user,
    ensure_demo_users,
    list_users,
    set_disabled,
    set_email,
)

PASSWORD = "correct horse battery"


def test_password_is_hashed_and_checked(session: Session) -> None:
    user = create_user(session=session, username="ana", password=PASSWORD, role="analyst")
    assert user.password_hash.startswith("$argon2") and PASSWORD not in user.password_hash
    assert authenticate(session=session, username="ana", password=PASSWORD) is not None
    assert authenticate(session=session, username="ana", password="wrong password") is None
    assert authenticate(session=session, username="nobody", password=PASSWORD) is None


def test_invalid_users_are_refused(session: Session) -> None:
    create_user(session=session, username="ana", password=PASSWORD, role="analyst")
    for username, password, role in [
        ("ana", PASSWORD, "analyst"),
        ("Bad Name", PASSWORD, "analyst"),
        ("bob", "short", "analyst"),
        ("bob", PASSWORD, "superuser"),
    ]:
        with pytest.raises(UserError):
            create_user(session=session, username=username, password=password, role=role)


def test_a_notification_address_is_set_checked_and_cleared(session: Session) -> None:
    create_user(session=session, username="admin1", password=PASSWORD, role="admin")
    user = create_user(
        session=session, username="ana", password=PASSWORD, role="analyst", email=" a@b.example "
    )
    assert user.email == "a@b.example"
    hostile_addresses = [
        "a@b.example\r\nBcc: x@y.example",
        "a@b.example, c@d.example",
        "Ana <a@b.example>",
        "no-at-sign",
        "a@nodot",
        "x" * 250 + "@b.example",
    ]
    for hostile in hostile_addresses:
        with pytest.raises(UserError, match="one plain address"):
            set_email(session=session, username="ana", email=hostile, by="admin1")
    assert user.email == "a@b.example"
    set_email(session=session, username="ana", email="ana.new+alerts@bureau.example", by="admin1")
    assert user.email == "ana.new+alerts@bureau.example"
    set_email(session=session, username="ana", email="  ", by="admin1")
    assert user.email is None
    events = session.exec(select(ReviewEvent).where(ReviewEvent.action == "set_email")).all()
    assert [(e.username, e.after) for e in events] == [
        ("admin1", {"email": "ana.new+alerts@bureau.example"}),
        ("admin1", {"email": None}),
    ]
    with pytest.raises(UserError, match="no user"):
        set_email(session=session, username="nobody", email="", by="admin1")


def test_five_failures_lock_the_username(session: Session) -> None:
    create_user(session=session, username="ana", password=PASSWORD, role="analyst")
    create_user(session=session, username="bob", password=PASSWORD, role="analyst")
    for _ in range(5):
        assert authenticate(session=session, username="ana", password="guess guess") is None
    assert throttled_until(session=session, username="ana", client_address=None, now=utcnow())
    assert authenticate(session=session, username="ana", password=PASSWORD) is None
    assert authenticate(session=session, username="bob", password=PASSWORD) is not None
    attempts = session.exec(select(SignInAttempt).where(SignInAttempt.username == "ana")).all()
    assert len(attempts) == 6 and not any(a.succeeded for a in attempts)


def test_disabled_user_cannot_sign_in(session: Session) -> None:
    create_user(session=session, username="ana", password=PASSWORD, role="analyst")
    create_user(session=session, username="root", password=PASSWORD, role="admin")
    set_disabled(session=session, username="ana", disabled=True, by="root")
    assert authenticate(session=session, username="ana", password=PASSWORD) is None
    with pytest.raises(UserError):
        set_disabled(session=session, username="root2", disabled=True, by="root")


def test_demo_users_are_created_once(session: Session) -> None:
    created = ensure_demo_users(session=session)
    assert [(u, r) for u, r, _, _ in created] == [
        ("analyst", "analyst"),
        ("trainee", "analyst"),
        ("editor", "editor"),
        ("chief-editor", "editor"),
        ("admin", "admin"),
    ]
    for username, _, _, password in created:
        assert len(password) >= 16
        assert authenticate(session=session, username=username, password=password)
    assert ensure_demo_users(session=session) == []
    assert [u.username for u in list_users(session=session)] == [
        "admin",
        "analyst",
        "chief-editor",
        "editor",
        "trainee",
    ]
