"""Security review, item 3: sign-in throttling that cannot lock everyone out, password
strength, change and reset (storage functions and the `radintel users` commands)."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

import pytest
import typer
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from typer.testing import CliRunner, Result

from flows.commands import review
from flows.errors import UserError as CliUserError
from nlp.vocabulary import Role
from storage.models import ReviewEvent, SignInAttempt
from storage.models._base import utcnow
from storage.throttle import SignInPolicy, throttled_until
from storage.ui_sessions import SessionEnded, create_session, resume_session
from storage.users import (
    UserError,
    authenticate,
    change_password,
    create_user,
    get_user,
    reset_password,
)
from tests.factories import create_actor

pytestmark = pytest.mark.security
PASSWORD = "correct horse battery"
ATTACKER = "203.0.113.7"
OFFICE = "198.51.100.2"


@pytest.fixture
def ana(session: Session) -> Session:
    create_user(session=session, username="ana", password=PASSWORD, role="analyst")
    return session


def attempt(session: Session, password: str, at: datetime, address: str | None = None) -> bool:
    user = authenticate(
        session=session, username="ana", password=password, client_address=address, now=at
    )
    return user is not None


def test_fifty_failures_with_random_usernames_do_not_stop_a_real_user(ana: Session) -> None:
    for _ in range(50):
        name = f"x{secrets.token_hex(4)}"
        authenticate(session=ana, username=name, password="guess", client_address=ATTACKER)
    assert authenticate(session=ana, username="ana", password=PASSWORD, client_address=OFFICE)
    assert authenticate(session=ana, username="ana", password=PASSWORD)


def test_own_failures_wait_longer_each_time_and_refusals_do_not_extend(ana: Session) -> None:
    start = utcnow()
    for _ in range(5):
        assert not attempt(ana, "guess guess", start)
    assert throttled_until(session=ana, username="ana", client_address=None, now=start) == (
        start + timedelta(seconds=30)
    )
    assert not attempt(ana, PASSWORD, start + timedelta(seconds=20))  # refused while waiting
    assert not attempt(ana, "guess again", start + timedelta(seconds=31))  # checked: 6th failure
    sixth = start + timedelta(seconds=31)
    for later in (40, 60, 90):  # refusals do not move the end of the wait
        assert not attempt(ana, PASSWORD, start + timedelta(seconds=later))
    assert throttled_until(session=ana, username="ana", client_address=None, now=sixth) == (
        sixth + timedelta(seconds=60)
    )
    assert attempt(ana, PASSWORD, sixth + timedelta(seconds=61))
    assert not attempt(ana, "one typo", sixth + timedelta(seconds=62))  # the success reset it
    assert attempt(ana, PASSWORD, sixth + timedelta(seconds=63))


def test_waits_double_up_to_the_cap() -> None:
    policy = SignInPolicy(first_wait=timedelta(seconds=30), max_wait=timedelta(minutes=15))
    waits = [policy.wait_after(failures, free=5) for failures in range(4, 12)]
    seconds = [wait.total_seconds() if wait else None for wait in waits]
    assert seconds == [None, 30, 60, 120, 240, 480, 900, 900]


def test_failures_from_one_address_throttle_that_address_only(ana: Session) -> None:
    create_user(session=ana, username="bob", password=PASSWORD, role="analyst")
    policy = SignInPolicy(address_free_failures=5)
    start = utcnow()

    def sign_in(username: str, password: str, address: str, seconds: int = 0) -> bool:
        at = start + timedelta(seconds=seconds)
        found = authenticate(
            session=ana,
            username=username,
            password=password,
            client_address=address,
            policy=policy,
            now=at,
        )
        return found is not None

    for number in range(5):  # one guess per username: no username is throttled
        assert not sign_in(f"n{number}", "guess", ATTACKER)
    assert not sign_in("ana", PASSWORD, ATTACKER)
    assert sign_in("ana", PASSWORD, OFFICE)
    assert sign_in("bob", PASSWORD, OFFICE)
    assert sign_in("ana", PASSWORD, ATTACKER, seconds=31)  # the wait ended
    assert not sign_in("n9", "guess", ATTACKER, seconds=32)  # a success does not clear it
    assert not sign_in("bob", PASSWORD, ATTACKER, seconds=33)


def test_the_audit_keeps_every_failure_and_refusal(ana: Session) -> None:
    start = utcnow()
    for second in range(8):
        attempt(ana, "guess guess", start + timedelta(seconds=second), ATTACKER)
    rows = ana.exec(select(SignInAttempt).order_by(col(SignInAttempt.id))).all()
    assert [(r.succeeded, r.throttled) for r in rows] == [(False, False)] * 5 + [(False, True)] * 3
    assert {r.client_address for r in rows} == {ATTACKER}


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("Sh0rt!pass", "at least 12 characters"),
        ("Password1234!", "commonly used password"),
        ("correct horse battery staple", "commonly used password"),
        ("my-ana-Secret-2026", "must not contain the username"),
        ("abababababababab", "different characters"),
        ("harbourlamp12", "mix three of"),
    ],
)
def test_weak_passwords_are_refused_with_the_reason(
    session: Session, password: str, problem: str
) -> None:
    with pytest.raises(UserError, match=problem):
        create_user(session=session, username="ana", password=password, role="analyst")


def test_strong_passwords_are_accepted(session: Session) -> None:
    for number, password in enumerate(("Harbour-Lamp-42", "four quiet words on a wall")):
        create_user(session=session, username=f"user{number}", password=password, role="analyst")


def test_change_password_needs_the_current_one(ana: Session) -> None:
    new = "Tr1cky-Harbour-Lamp"
    with pytest.raises(UserError, match="current password is wrong"):
        change_password(session=ana, username="ana", current_password="nope", new_password=new)
    with pytest.raises(UserError, match="at least 12"):
        change_password(session=ana, username="ana", current_password=PASSWORD, new_password="x")
    change_password(session=ana, username="ana", current_password=PASSWORD, new_password=new)
    assert authenticate(session=ana, username="ana", password=new)
    assert not authenticate(session=ana, username="ana", password=PASSWORD)
    actions = ana.exec(select(ReviewEvent.action).where(ReviewEvent.username == "ana")).all()
    assert actions == ["change_password"]


def test_reset_sets_a_temporary_password_that_must_be_changed(ana: Session) -> None:
    _, token = create_session(session=ana, username="ana", lifetime=timedelta(hours=1))
    root = create_actor(ana, "root", Role.ADMIN)
    temporary = reset_password(session=ana, username="ana", by=root)
    with pytest.raises(SessionEnded):
        resume_session(session=ana, token=token, idle_timeout=timedelta(hours=1))
    user = authenticate(session=ana, username="ana", password=temporary)
    assert user is not None and user.must_change_password
    assert not authenticate(session=ana, username="ana", password=PASSWORD)
    new = "Tr1cky-Harbour-Lamp"
    change_password(session=ana, username="ana", current_password=temporary, new_password=new)
    changed = get_user(session=ana, username="ana")
    assert changed is not None and not changed.must_change_password
    event = ana.exec(select(ReviewEvent).where(ReviewEvent.action == "reset_password")).one()
    assert event.username == "root" and temporary not in str(event.after)
    with pytest.raises(UserError, match="your own password"):
        reset_password(session=ana, username="root", by="root")


def run_cli(*args: str) -> Result:
    app = typer.Typer(pretty_exceptions_enable=False)
    review.register(app)
    return CliRunner().invoke(app, list(args))


def test_cli_refuses_a_weak_password_with_the_reason(engine: Engine) -> None:
    result = run_cli("users", "add", "--username", "ana", "--password", "password1234")
    assert isinstance(result.exception, CliUserError)
    assert str(result.exception) == "password: this is a commonly used password"


def test_cli_reset_password_prints_a_temporary_password(engine: Engine) -> None:
    assert run_cli("users", "add", "--username", "ana", "--password", PASSWORD).exit_code == 0
    result = run_cli("users", "reset-password", "--username", "ana")
    assert result.exit_code == 0, result.output
    temporary = result.output.split("temporary password: ", 1)[1].split()[0]
    with Session(engine) as session:
        user = authenticate(session=session, username="ana", password=temporary)
        assert user is not None and user.must_change_password
    missing = run_cli("users", "reset-password", "--username", "nobody")
    assert str(missing.exception) == "no user 'nobody'"
