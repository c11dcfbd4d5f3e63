"""Security review, item 2, in the review UI: a callback acts as the user signed in when it
runs (re-read from the server-side session), not as the one who drew the page, and storage
refuses and records what that user may no longer do. AppTest, SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select
from streamlit.testing.v1 import AppTest

from nlp.vocabulary import ReviewStatus, Role, Tlp
from storage.authz import SIGNED_OUT
from storage.db import session_scope
from storage.models import Finding, ReviewEvent, User
from storage.ui_sessions import create_session
from storage.users import get_user, set_disabled
from tests.factories import create_actor, create_document, create_finding, ident

pytestmark = pytest.mark.security

APP = str(Path(__file__).resolve().parents[2] / "review_ui" / "app.py")
CREATE = "FormSubmitter:create_user-Create user"


def signed_in(engine: Engine, username: str, page: str, **state: object) -> AppTest:
    with session_scope(engine) as session:
        _, token = create_session(session=session, username=username, lifetime=timedelta(hours=1))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["auth"] = token
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception and not at.error
    return at


def refusals(engine: Engine) -> list[ReviewEvent]:
    with Session(engine) as session:
        return list(session.exec(select(ReviewEvent).where(ReviewEvent.action == "refused")))


def fill_new_user(at: AppTest) -> None:
    at.text_input(key="u_name").input("mallory")
    at.selectbox(key="u_role").set_value("admin")
    at.text_input(key="u_password").input("a long enough password")


def flashed(at: AppTest) -> list[tuple[str, str]]:
    shown = [("error", str(e.value)) for e in at.error]
    pending = list(at.session_state["flash"]) if "flash" in at.session_state else []
    return shown + pending


def test_a_disabled_admin_cannot_create_a_user_from_a_drawn_page(engine: Engine) -> None:
    with Session(engine) as session:
        create_actor(session, "root", Role.ADMIN)
        create_actor(session, "other", Role.ADMIN)
    at = signed_in(engine, "root", "pages/users.py")
    fill_new_user(at)
    with Session(engine) as session:  # another admin, in another browser
        set_disabled(session=session, username="root", disabled=True, by="other")
        session.commit()
    at.button(key=CREATE).click().run()
    assert not at.exception
    with Session(engine) as session:
        assert get_user(session=session, username="mallory") is None
    [event] = refusals(engine)
    assert (event.username, event.reason) == (SIGNED_OUT, "unknown user")
    assert event.after == {"action": "create_user", "username": "mallory"}
    assert ("error", "Refused: you are not signed in with a known account.") in flashed(at)


def test_an_admin_demoted_to_analyst_cannot_use_the_drawn_users_page(engine: Engine) -> None:
    with Session(engine) as session:
        create_actor(session, "root", Role.ADMIN)
        create_actor(session, "ana")
    create = signed_in(engine, "root", "pages/users.py")  # two tabs, drawn before the change
    fill_new_user(create)
    toggle = signed_in(engine, "root", "pages/users.py")
    toggle.selectbox(key="t_user").set_value("ana")
    with Session(engine) as session:
        session.execute(update(User).where(col(User.username) == "root").values(role="analyst"))
        session.commit()
    create.button(key=CREATE).click().run()
    toggle.button(key="FormSubmitter:toggle_user-Disable").click().run()
    assert not create.exception and not toggle.exception
    with Session(engine) as session:
        assert get_user(session=session, username="mallory") is None
        ana = get_user(session=session, username="ana")
        assert ana is not None and not ana.disabled
    assert [(e.username, e.after and e.after["action"]) for e in refusals(engine)] == [
        ("root", "create_user"),
        ("root", "disable_user"),
    ]
    refusal = "Refused: your role (analyst) may not do this."
    assert ("error", refusal) in flashed(create) and ("error", refusal) in flashed(toggle)


def test_clearance_lowered_after_drawing_refuses_the_amber_finding(engine: Engine) -> None:
    with Session(engine, expire_on_commit=False) as session:
        create_actor(session, "ana", clearance=Tlp.AMBER)
        document = create_document(session, marking=Tlp.AMBER)
        finding = create_finding(session, document, "Norvik Gauge Services")
    at = signed_in(engine, "ana", "pages/document.py", document_id=ident(document))
    with Session(engine) as session:
        session.execute(
            update(User).where(col(User.username) == "ana").values(clearance="TLP:GREEN")
        )
        session.commit()
    at.button(key="confirm").click().run()
    assert not at.exception
    with Session(engine) as session:
        stored = session.get(Finding, ident(finding))
        assert stored is not None and stored.status == ReviewStatus.PENDING
    [event] = refusals(engine)
    assert (event.username, event.entity_type, event.entity_id) == ("ana", "finding", stored.id)
    assert ("error", f"Refused: no finding {ident(finding)}.") in flashed(at)


def test_an_admin_sets_and_clears_a_notification_address(engine: Engine) -> None:
    with Session(engine) as session:
        create_actor(session, "root", Role.ADMIN)
        create_actor(session, "ana")
    at = signed_in(engine, "root", "pages/users.py")
    at.selectbox(key="e_user").set_value("ana")
    at.text_input(key="e_email").input("ana@bureau.example\nBcc: x@y.example")
    at.button(key="FormSubmitter:user_email-Set e-mail").click().run()
    assert any("one plain address" in text for _, text in flashed(at))
    at.selectbox(key="e_user").set_value("ana")
    at.text_input(key="e_email").input("ana@bureau.example")
    at.button(key="FormSubmitter:user_email-Set e-mail").click().run()
    done = "Notifications of ana: e-mailed to ana@bureau.example."
    assert [message.value for message in at.success] == [done]
    with Session(engine) as session:
        ana = get_user(session=session, username="ana")
        assert ana is not None and ana.email == "ana@bureau.example"
    at.selectbox(key="e_user").set_value("ana")
    at.button(key="FormSubmitter:user_email-Set e-mail").click().run()  # empty: inbox only
    with Session(engine) as session:
        ana = get_user(session=session, username="ana")
        assert ana is not None and ana.email is None
