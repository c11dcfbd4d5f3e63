"""Users, password hashing (argon2) and rate-limited sign-in."""

from __future__ import annotations

import logging
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func
from sqlmodel import Session, col, select

from storage.authz import ADMINS, SYSTEM, require_actor
from storage.models import ReviewEvent, Role, SignInAttempt, Tlp, User
from storage.models._base import utcnow
from storage.ui_sessions import revoke_all_for_user

log = logging.getLogger(__name__)

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD_LENGTH = 10
DEMO_ROLES = (Role.ANALYST, Role.EDITOR, Role.ADMIN)
# Different clearances, so the demo shows what each one hides (the bureau inbox is AMBER).
DEMO_CLEARANCES = {Role.ANALYST: Tlp.GREEN, Role.EDITOR: Tlp.AMBER, Role.ADMIN: Tlp.RED}


@dataclass(frozen=True)
class SignInPolicy:
    """Failed sign-ins allowed per username and overall within a window, before a lock-out."""

    per_user_failures: int = 5
    global_failures: int = 50
    window: timedelta = timedelta(minutes=15)


DEFAULT_POLICY = SignInPolicy()
_hasher = PasswordHasher()
# Verified against when the username does not exist, so both cases take the same time.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))


class UserError(ValueError):
    """A user could not be created or changed; the message says why."""


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _check_new_user(session: Session, username: str, password: str) -> None:
    if not USERNAME_PATTERN.match(username):
        raise UserError("username: 2-64 characters, lower-case letters, digits, '.', '_' or '-'")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(f"password: at least {MIN_PASSWORD_LENGTH} characters")
    if get_user(session=session, username=username) is not None:
        raise UserError(f"user {username!r} already exists")


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
    _check_new_user(session, username, password)
    user = User(
        username=username, role=role, clearance=clearance, password_hash=hash_password(password)
    )
    session.add(user)
    session.flush()
    assert user.id is not None
    event = ReviewEvent(
        username=created_by,
        action="create_user",
        entity_type="user",
        entity_id=user.id,
        after={"username": username, "role": role.value, "clearance": clearance.value},
    )
    session.add(event)
    session.commit()
    session.refresh(user)
    log.info("user %s created with role %s by %s", username, role.value, created_by)
    return user


def set_clearance(*, session: Session, username: str, clearance: Tlp | str, by: str) -> User:
    """Change the most restrictive TLP marking the user may read (audited; the caller
    commits). Takes effect on the user's next page: the UI re-reads it on every run."""
    _require_admin(session, by, "set_clearance", username)
    new = _clearance(clearance)
    user = get_user(session=session, username=username)
    if user is None:
        raise UserError(f"no user {username!r}")
    assert user.id is not None
    before = {"clearance": Tlp(user.clearance).value}
    user.clearance = new
    session.add(user)
    session.add(
        ReviewEvent(
            username=by,
            action="set_clearance",
            entity_type="user",
            entity_id=user.id,
            before=before,
            after={"clearance": new.value},
        )
    )
    session.flush()
    log.info("user %s clearance set to %s by %s", username, new.value, by)
    return user


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
    session.add(
        ReviewEvent(
            username=by,
            action="disable_user" if disabled else "enable_user",
            entity_type="user",
            entity_id=user.id,
            before=before,
            after={"disabled": disabled},
        )
    )
    if disabled:  # a disabled account loses its open sessions in the same transaction
        revoke_all_for_user(session=session, username=username)
    session.commit()
    session.refresh(user)
    log.info("user %s %s by %s", username, "disabled" if disabled else "enabled", by)
    return user


def _failures_since(session: Session, username: str | None, policy: SignInPolicy) -> int:
    since = utcnow() - policy.window
    query = (
        select(func.count())
        .select_from(SignInAttempt)
        .where(SignInAttempt.at >= since, col(SignInAttempt.succeeded).is_(False))
    )
    if username is not None:
        query = query.where(SignInAttempt.username == username)
    return int(session.exec(query).one())


def is_locked(*, session: Session, username: str, policy: SignInPolicy = DEFAULT_POLICY) -> bool:
    """True while the username, or sign-in as a whole, has had too many recent failures."""
    if _failures_since(session, username, policy) >= policy.per_user_failures:
        return True
    return _failures_since(session, None, policy) >= policy.global_failures


def _verify(user: User | None, password: str) -> bool:
    try:
        return _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return False


def authenticate(
    *, session: Session, username: str, password: str, policy: SignInPolicy = DEFAULT_POLICY
) -> User | None:
    """The user when the password matches, the account is enabled and not locked out."""
    username = username.strip().lower()[:64]
    if is_locked(session=session, username=username, policy=policy):
        session.add(SignInAttempt(username=username, succeeded=False))
        session.commit()
        log.warning("sign-in refused for %r: locked after repeated failures", username)
        return None
    user = get_user(session=session, username=username)
    ok = _verify(user, password) and user is not None and not user.disabled
    session.add(SignInAttempt(username=username, succeeded=ok))
    session.commit()
    if not ok:
        log.warning("failed sign-in for %r", username)
        return None
    log.info("sign-in of %s", username)
    return user


def ensure_demo_users(*, session: Session) -> list[tuple[str, str, str]]:
    """Create the analyst, editor and admin demo users when absent.

    Returns (username, role, password) for each user created now; existing users keep
    their password and are not returned.
    """
    created: list[tuple[str, str, str]] = []
    for role in DEMO_ROLES:
        if get_user(session=session, username=role.value) is not None:
            continue
        password = secrets.token_urlsafe(12)
        create_user(
            session=session,
            username=role.value,
            password=password,
            role=role,
            clearance=DEMO_CLEARANCES[role],
        )
        created.append((role.value, role.value, password))
    return created
