"""Security review, item 3, in the review UI (AppTest): throttled sign-in with a clear
message, password strength on the Users page, admin reset and the forced change."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from review_ui.auth import address_from
from storage.db import get_engine
from storage.ui_sessions import create_session
from storage.users import authenticate, create_user, get_user

pytestmark = pytest.mark.security
APP = str(Path(__file__).resolve().parents[2] / "review_ui" / "app.py")
PASSWORD = "a long enough password"
NEW_PASSWORD = "Tr1cky-Harbour-Lamp"


@pytest.fixture
def users(engine: Engine) -> Engine:
    with Session(engine) as session:
        for name in ("analyst", "admin"):
            create_user(session=session, username=name, password=PASSWORD, role=name)
        session.commit()
    return engine


def signed_in(username: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    with Session(get_engine()) as session:
        _, token = create_session(session=session, username=username, lifetime=timedelta(hours=1))
        session.commit()
    at.session_state["auth"] = token
    return at.run()


def sign_in(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input(key="signin_username").input(username)
    at.text_input(key="signin_password").input(password)
    return at.button[0].click().run()


def texts(at: AppTest) -> str:
    parts = [*at.markdown, *at.success, *at.error, *at.warning, *at.caption]
    return "\n".join(str(part.value) for part in parts)


def test_repeated_failures_say_when_to_retry(users: Engine) -> None:
    at = AppTest.from_file(APP, default_timeout=60).run()
    for _ in range(4):
        assert "wrong password" in sign_in(at, "analyst", "wrong password!").error[0].value
    refused = sign_in(at, "analyst", "wrong again!").error[0].value
    assert re.search(r"Too many failed attempts: try again in [23]\d seconds\.", refused)
    assert "try again in" in sign_in(at, "analyst", PASSWORD).error[0].value
    other = AppTest.from_file(APP, default_timeout=60).run()
    assert "Review queue" in markdown(sign_in(other, "admin", PASSWORD))  # only analyst waits


def markdown(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


def test_weak_password_is_refused_on_the_users_page(users: Engine) -> None:
    at = signed_in("admin")
    at.switch_page("pages/users.py").run()
    at.text_input(key="u_name").input("carla")
    at.text_input(key="u_password").input("password1234")
    next(b for b in at.button if b.label == "Create user").click().run()
    assert "Not created: password: this is a commonly used password" in texts(at)
    with Session(users) as session:
        assert get_user(session=session, username="carla") is None


def test_reset_forces_a_new_password_before_anything_else(users: Engine) -> None:
    admin = signed_in("admin")
    admin.switch_page("pages/users.py").run()
    admin.selectbox(key="t_user").select("analyst")
    next(b for b in admin.button if b.label == "Reset password").click().run()
    shown = texts(admin)
    assert "Temporary password for analyst: `" in shown
    temporary = shown.split("`")[1]

    at = sign_in(AppTest.from_file(APP, default_timeout=60).run(), "analyst", temporary)
    assert "An administrator reset your password" in texts(at)
    assert "Review queue" not in markdown(at)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/queue.py")  # nothing else is reachable before the change
    at.text_input(key="pw_current").input(temporary)
    at.text_input(key="pw_new").input("short")
    at.text_input(key="pw_repeat").input("short")
    next(b for b in at.button if b.label == "Change password").click().run()
    assert "Not changed: password: at least 12 characters" in texts(at)
    at.text_input(key="pw_current").input(temporary)
    at.text_input(key="pw_new").input(NEW_PASSWORD)
    at.text_input(key="pw_repeat").input(NEW_PASSWORD)
    next(b for b in at.button if b.label == "Change password").click().run()
    assert "Password changed." in texts(at) and "An administrator reset" not in texts(at)
    assert "Review queue" in markdown(at.switch_page("pages/queue.py").run())
    with Session(users) as session:
        assert authenticate(session=session, username="analyst", password=NEW_PASSWORD)


def test_wrong_current_password_is_refused_and_audited(users: Engine) -> None:
    at = signed_in("analyst")
    at.switch_page("pages/password.py").run()
    at.text_input(key="pw_current").input("not my password")
    at.text_input(key="pw_new").input(NEW_PASSWORD)
    at.text_input(key="pw_repeat").input(NEW_PASSWORD)
    next(b for b in at.button if b.label == "Change password").click().run()
    assert "Not changed: the current password is wrong" in texts(at)
    with Session(users) as session:
        assert authenticate(session=session, username="analyst", password=PASSWORD)


@pytest.mark.parametrize(
    ("forwarded", "trusted", "expected"),
    [
        ("198.51.100.9, 203.0.113.7", True, "203.0.113.7"),  # our proxy appended the last
        ("198.51.100.9", False, "192.0.2.1"),  # not behind our proxy: a client could lie
        ("", True, "192.0.2.1"),
        ("<script>", True, "192.0.2.1"),
    ],
)
def test_client_address(forwarded: str, trusted: bool, expected: str) -> None:
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    assert address_from(headers, "192.0.2.1", trusted) == expected
