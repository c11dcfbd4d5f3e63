"""Users, password hashing (argon2), throttled sign-in, password change and reset."""

from __future__ import annotations

import logging
import re
import secrets
from datetime import datetime
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlmodel import Session, col, select

from nlp.vocabulary import AuditEntity, Role, Tlp
from storage.audit import record_event
from storage.authz import ADMINS, SYSTEM, require_actor
from storage.models import SignInAttempt, User
from storage.models._base import utcnow
from storage.passwords import password_problem
from storage.throttle import DEFAULT_POLICY, SignInPolicy, throttled_until
from storage.ui_sessions import revoke_all_for_user

log = logging.getLogger(__name__)

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
# One plain `local@domain.tld`: no spaces, separators, quotes or controls, so an address can
# never carry a second recipient or a header (flows.email_message checks again at send time).
EMAIL_PATTERN = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
MAX_EMAIL = 254
# (username, role, clearance). The analyst works the AMBER bureau inbox and made the demo's
# incident decisions; the trainee's GREEN clearance shows what a clearance hides; two editors,
# because an editor never publishes their own draft (four-eyes).
DEMO_USERS = (
    ("analyst", Role.ANALYST, Tlp.AMBER),
    ("trainee", Role.ANALYST, Tlp.GREEN),
    ("editor", Role.EDITOR, Tlp.AMBER),
    ("chief-editor", Role.EDITOR, Tlp.AMBER),
    ("admin", Role.ADMIN, Tlp.RED),
)


TEMPORARY_PASSWORD_BYTES = 15  # 20 URL-safe characters
_hasher = PasswordHasher()
# Verified against when the username does not exist, so both cases take the same time.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


class UserError(ValueError):
    """A user could not be created or changed; the message says why."""


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _check_password(password: str, username: str) -> None:
    problem = password_problem(password, username=username)
    if problem is not None:
        raise UserError(problem)


def _check_new_user(session: Session, username: str, password: str) -> None:
    if not USERNAME_PATTERN.match(username):
        raise UserError("username: 2-64 characters, lower-case letters, digits, '.', '_' or '-'")
    _check_password(password, username)
    if get_user(session=session, username=username) is not None:
        raise UserError(f"user {username!r} already exists")


def checked_email(value: str | None) -> str | None:
    """The address, stripped; None for an empty one; UserError unless it is one plain address."""
    address = (value or "").strip()
    if not address:
        return None
    if len(address) > MAX_EMAIL or not EMAIL_PATTERN.match(address):
        raise UserError("e-mail: one plain address such as name@example.org, nothing else")
    return address


def _clearance(value: Tlp | str) -> Tlp:
    try:
        return Tlp(value)
    except ValueError as error:
        raise UserError(f"clearance must be one of {', '.join(t.value for t in Tlp)}") from error


def create_user(
    *,
    session: Session,
    username: str,
    password: str,
    role: Role | str,
    created_by: str = SYSTEM,
    clearance: Tlp | str = Tlp.GREEN,
    email: str | None = None,
) -> User:
    require_actor(
        session=session,
        username=created_by,
        roles=ADMINS,
        action="create_user",
        details={"username": username[:64]},
    )
    try:
        role = Role(role)
    except ValueError as error:
        raise UserError(f"role must be one of {', '.join(r.value for r in Role)}") from error
    clearance = _clearance(clearance)
    address = checked_email(email)
    _check_new_user(session, username, password)
    user = User(
        username=username,
        role=role,
        clearance=clearance,
        email=address,
        password_hash=hash_password(password),
    )
    session.add(user)
    session.flush()
    assert user.id is not None
    record_event(
        session,
        username=created_by,
        action="create_user",
        entity=AuditEntity.USER,
        entity_id=user.id,
        after={
            "username": username,
            "role": role.value,
            "clearance": clearance.value,
            "email": address,
        },
    )
    session.flush()
    log.info("user %s created with role %s by %s", username, role.value, created_by)
    return user


def set_clearance(*, session: Session, username: str, clearance: Tlp | str, by: str) -> User:
    """Change the most restrictive TLP marking the user may read (audited; the caller
    commits). Takes effect on the user's next page: the UI re-reads it on every run."""
    _require_admin(session, by, "set_clearance", username)
    new = _clearance(clearance)
    user = _existing(session, username)
    _audited_change(session, user, by, "set_clearance", "clearance", new, new.value)
    log.info("user %s clearance set to %s by %s", username, new.value, by)
    return user


def set_email(*, session: Session, username: str, email: str | None, by: str) -> User:
    """Set or clear (empty) the address alert notifications are e-mailed to (audited; the
    caller commits). Without one, the user still gets them in the UI inbox."""
    _require_admin(session, by, "set_email", username)
    address = checked_email(email)
    user = _existing(session, username)
    _audited_change(session, user, by, "set_email", "email", address, address)
    log.info("user %s e-mail %s by %s", username, "set" if address else "cleared", by)
    return user


def _audited_change(
    session: Session, user: User, by: str, action: str, field: str, value: Any, shown: Any
) -> None:
    """Set one field of the user and record it, as `shown`, before and after."""
    before = getattr(user, field)
    setattr(user, field, value)
    session.add(user)
    record_event(
        session,
        username=by,
        action=action,
        entity=AuditEntity.USER,
        entity_id=user.id or 0,
        before={field: before.value if isinstance(before, Tlp) else before},
        after={field: shown},
    )
    session.flush()


def _require_admin(session: Session, by: str, action: str, username: str) -> None:
    details = {"username": username[:64]}
    require_actor(session=session, username=by, roles=ADMINS, action=action, details=details)


def get_user(*, session: Session, username: str) -> User | None:
    return session.exec(select(User).where(User.username == username)).first()


def list_users(*, session: Session) -> list[User]:
    return list(session.exec(select(User).order_by(col(User.username))).all())


def set_disabled(*, session: Session, username: str, disabled: bool, by: str) -> User:
    _require_admin(session, by, "disable_user" if disabled else "enable_user", username)
    user = get_user(session=session, username=username)
    if user is None:
        raise UserError(f"no user {username!r}")
    if user.username == by and disabled:
        raise UserError("you cannot disable your own account")
    before = {"disabled": user.disabled}
    user.disabled = disabled
    assert user.id is not None
    session.add(user)
    record_event(
        session,
        username=by,
        action="disable_user" if disabled else "enable_user",
        entity=AuditEntity.USER,
        entity_id=user.id,
        before=before,
        after={"disabled": disabled},
    )
    if disabled:  # a disabled account loses its open sessions in the same transaction
        revoke_all_for_user(session=session, username=username)
    session.flush()
    log.info("user %s %s by %s", username, "disabled" if disabled else "enabled", by)
    return user


def _existing(session: Session, username: str) -> User:
    user = get_user(session=session, username=username)
    if user is None:
        raise UserError(f"no user {username!r}")
    assert user.id is not None
    return user


def _set_password(session: Session, user: User, password: str, *, must_change: bool) -> None:
    user.password_hash = hash_password(password)
    user.must_change_password = must_change
    session.add(user)


def reset_password(*, session: Session, username: str, by: str) -> str:
    """Give `username` a new random temporary password, to be changed at the next sign-in.

    Ends the user's open sessions; returns the temporary password, shown once to `by`.
    """
    _require_admin(session, by, "reset_password", username)
    if username == by:
        raise UserError("change your own password on the Password page instead")
    user = _existing(session, username)
    temporary = secrets.token_urlsafe(TEMPORARY_PASSWORD_BYTES)
    _set_password(session, user, temporary, must_change=True)
    assert user.id is not None
    record_event(
        session,
        username=by,
        action="reset_password",
        entity=AuditEntity.USER,
        entity_id=user.id,
        after={"must_change_password": True},
    )
    revoke_all_for_user(session=session, username=username)
    session.flush()
    log.info("password of %s reset by %s", username, by)
    return temporary


def change_password(
    *,
    session: Session,
    username: str,
    current_password: str,
    new_password: str,
    client_address: str | None = None,
) -> User:
    """Replace the user's own password after checking the current one.

    The check is a sign-in attempt (throttled and recorded); when this raises because the
    current password is wrong, the caller should still commit, so the audit keeps it.
    """
    _check_password(new_password, username)
    if new_password == current_password:
        raise UserError("password: the new password must differ from the current one")
    user = authenticate(
        session=session,
        username=username,
        password=current_password,
        client_address=client_address,
    )
    if user is None:
        raise UserError("the current password is wrong (after repeated errors: wait and retry)")
    _set_password(session, user, new_password, must_change=False)
    assert user.id is not None
    record_event(
        session,
        username=username,
        action="change_password",
        entity=AuditEntity.USER,
        entity_id=user.id,
    )
    session.flush()
    log.info("password of %s changed", username)
    return user


def _verify(user: User | None, password: str) -> bool:
    try:
        return _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return False


def authenticate(
    *,
    session: Session,
    username: str,
    password: str,
    client_address: str | None = None,
    policy: SignInPolicy = DEFAULT_POLICY,
    now: datetime | None = None,
) -> User | None:
    """The user when the password matches, the account is enabled and no wait applies.

    Every attempt is recorded (flushed; the caller commits), refusals while waiting too.
    """
    username = username.strip().lower()[:64]
    address = client_address[:64] if client_address else None
    now = now or utcnow()
    attempt = SignInAttempt(username=username, client_address=address, at=now, succeeded=False)
    wait = throttled_until(
        session=session, username=username, client_address=address, now=now, policy=policy
    )
    if wait is not None:
        attempt.throttled = True
        session.add(attempt)
        session.flush()
        log.warning("sign-in for %r from %s refused: waiting until %s", username, address, wait)
        return None
    user = get_user(session=session, username=username)
    attempt.succeeded = _verify(user, password) and user is not None and not user.disabled
    session.add(attempt)
    session.flush()
    if not attempt.succeeded:
        log.warning("failed sign-in for %r from %s", username, address)
        return None
    log.info("sign-in of %s from %s", username, address)
    return user


def ensure_demo_users(*, session: Session) -> list[tuple[str, Role, Tlp, str]]:
    """Create the demo users (DEMO_USERS) when absent.

    Returns (username, role, clearance, password) for each user created now; existing users
    keep their password and are not returned.
    """
    created: list[tuple[str, Role, Tlp, str]] = []
    for username, role, clearance in DEMO_USERS:
        if get_user(session=session, username=username) is not None:
            continue
        password = secrets.token_urlsafe(12)
        create_user(
            session=session, username=username, password=password, role=role, clearance=clearance
        )
        created.append((username, role, clearance, password))
    return created
