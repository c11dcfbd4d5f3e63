"""Sign-in throttling per username and per client address, with growing waits.

After a number of free failures, each further failure of the same username (or from the
same client address) doubles the wait before the next attempt, up to a cap. The wait is
counted from the last failure whose password was checked: attempts refused while waiting
are recorded for the audit but do not extend it. Failures of other usernames from other
addresses never delay anyone, so a flood of guesses cannot lock everyone out.

A success resets the username's count (its owner proved who they are), not the address's,
so one valid account cannot be used to clear the address between guesses at others.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from storage.models import SignInAttempt

MAX_DOUBLINGS = 30  # beyond this the cap applies anyway; keeps the power small


@dataclass(frozen=True)
class SignInPolicy:
    """Free failures per username and per client address, then waits that double."""

    user_free_failures: int = 5
    address_free_failures: int = 20  # higher: several people may share an address
    first_wait: timedelta = timedelta(seconds=30)
    max_wait: timedelta = timedelta(minutes=15)
    memory: timedelta = timedelta(hours=24)  # failures older than this are forgotten

    def wait_after(self, failures: int, free: int) -> timedelta | None:
        """The wait after `failures` counted failures, None while they are free."""
        if failures < free:
            return None
        return min(self.first_wait * 2 ** min(failures - free, MAX_DOUBLINGS), self.max_wait)


DEFAULT_POLICY = SignInPolicy()


def _last_success(session: Session, username: str) -> datetime | None:
    query = select(func.max(SignInAttempt.at)).where(
        SignInAttempt.username == username, col(SignInAttempt.succeeded).is_(True)
    )
    return session.exec(query).one()


def _failures(session: Session, match: Any, since: datetime) -> tuple[int, datetime | None]:
    """How many checked failures match since `since`, and when the last one was."""
    query = select(func.count(), func.max(SignInAttempt.at)).where(
        match,
        SignInAttempt.at >= since,
        col(SignInAttempt.succeeded).is_(False),
        col(SignInAttempt.throttled).is_(False),
    )
    count, last = session.exec(query).one()
    return int(count), last


def _until(
    session: Session, match: Any, since: datetime, free: int, policy: SignInPolicy
) -> datetime | None:
    count, last = _failures(session, match, since)
    wait = policy.wait_after(count, free)
    return last + wait if wait is not None and last is not None else None


def throttled_until(
    *,
    session: Session,
    username: str,
    client_address: str | None,
    now: datetime,
    policy: SignInPolicy = DEFAULT_POLICY,
) -> datetime | None:
    """When an attempt for `username` from `client_address` may be made; None if now."""
    forget_before = now - policy.memory
    success = _last_success(session, username)
    since = max(forget_before, success) if success else forget_before
    user_match = SignInAttempt.username == username
    ends = [_until(session, user_match, since, policy.user_free_failures, policy)]
    if client_address:
        address_match = SignInAttempt.client_address == client_address
        ends.append(
            _until(session, address_match, forget_before, policy.address_free_failures, policy)
        )
    latest = max((end for end in ends if end is not None), default=None)
    return latest if latest is not None and latest > now else None
