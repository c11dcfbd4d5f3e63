"""The Streamlit app, page by page, with AppTest (in-process) on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import col, select
from streamlit.testing.v1 import AppTest

from nlp.vocabulary import ReviewStatus
from review_ui import auth
from storage.db import get_engine, session_scope
from storage.models import Finding, Incident, IngestFailure
from storage.models._base import utcnow
from storage.models.users import UiSession, User
from storage.seed import seed_synthetic
from storage.ui_sessions import create_session, hash_token
from storage.users import set_disabled
from tests.factories import HOSTILE_METADATA, create_document, create_finding, create_user

APP = str(Path(__file__).resolve().parents[2] / "review_ui" / "app.py")
PASSWORD = "a long enough password"


@pytest.fixture
def users(engine: Engine) -> Engine:
    with session_scope(engine) as session:
        for name in ("analyst", "admin"):
            create_user(session, name, role=name, password=PASSWORD)
    return engine


def open_session(engine: Engine, username: str) -> str:
    with session_scope(engine) as session:
        return create_session(session=session, username=username, lifetime=timedelta(hours=1))[1]


def app(username: str = "analyst", **state: object) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["auth"] = open_session(get_engine(), username)
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def markdown_text(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


def test_sign_in_then_queue(users: Engine) -> None:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.text_input(key="signin_username").input("analyst")
    at.text_input(key="signin_password").input("wrong password!")
    at.button[0].click().run()
    assert "wrong password" in at.error[0].value
    at.text_input(key="signin_username").input("analyst")
    at.text_input(key="signin_password").input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception
    assert "Review queue" in markdown_text(at)


def cookie_script(at: AppTest) -> str:
    scripts = [str(h.proto.body) for h in at.get("html") if "document.cookie" in h.proto.body]
    assert len(scripts) == 1
    return scripts[0]


def test_sign_in_opens_a_server_session_and_sets_the_cookie(users: Engine) -> None:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.text_input(key="signin_username").input("analyst")
    at.text_input(key="signin_password").input(PASSWORD)
    at.button[0].click().run()
    token = at.session_state["auth"]
    with session_scope(users) as session:
        stored = session.exec(select(UiSession)).one()
    assert stored.token_hash == hash_token(token) and stored.username == "analyst"
    script = cookie_script(at)
    assert f'radintel_session=\' + "{token}"' in script and "SameSite=Strict" in script
    assert "Max-Age=28800" in script and "'; Secure'" in script
    assert token not in markdown_text(at) + "".join(str(c.value) for c in at.caption)


def test_reload_resumes_from_the_cookie(users: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    token = open_session(users, "analyst")
    monkeypatch.setattr(auth, "current_token", lambda: token)
    at = AppTest.from_file(APP, default_timeout=60).run()  # a new Streamlit session
    assert not at.exception
    assert "Review queue" in markdown_text(at)
    assert at.session_state["auth"] == token


def test_unknown_cookie_shows_the_sign_in_form(
    users: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(auth, "current_token", lambda: "x" * 43)
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert [b.label for b in at.button] == ["Sign in"] and not at.info
    script = cookie_script(at)  # the stale cookie is cleared
    assert "'radintel_session=' + \"\" + '; Path=/" in script and "Max-Age=0" in script


def _cookie_sync_script() -> None:
    from review_ui.auth import current_user, sync_cookie

    current_user()
    sync_cookie()


def test_the_cookie_script_stays_until_the_browser_sends_the_cookie(
    users: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A busy browser may not have run the script before the next run replaces the page."""
    token = open_session(users, "analyst")
    at = AppTest.from_function(_cookie_sync_script, default_timeout=60)
    at.session_state["auth"] = token
    first = cookie_script(at.run())
    assert token in first and cookie_script(at.run()) == first
    monkeypatch.setattr(auth, "current_token", lambda: token)  # a new session: it holds it
    again = AppTest.from_function(_cookie_sync_script, default_timeout=60).run()
    assert again.session_state["auth"] == token
    assert not [h for h in again.get("html") if "document.cookie" in h.proto.body]


def _sign_out_script() -> None:
    """The app's sign-out button alone: AppTest reruns only the page a run finished on."""
    import streamlit as st

    from review_ui.auth import current_user, sign_out, sync_cookie

    if current_user() is not None and st.button("Sign out"):
        sign_out("You signed out.")
    sync_cookie()


def test_sign_out_revokes_the_session(users: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    token = open_session(users, "analyst")
    at = AppTest.from_function(_sign_out_script, default_timeout=60)
    at.session_state["auth"] = token
    at.run().button[0].click().run()
    assert "auth" not in at.session_state
    assert "Max-Age=0" in cookie_script(at)
    with session_scope(users) as session:
        stored = session.exec(select(UiSession)).one()
    assert stored.revoked_at is not None
    monkeypatch.setattr(auth, "current_token", lambda: token)  # a reload with the old cookie
    again = AppTest.from_file(APP, default_timeout=60).run()
    assert [b.label for b in again.button] == ["Sign in"]
    assert "ended" in again.info[0].value


def test_disabled_user_is_signed_out_on_the_next_run(users: Engine) -> None:
    token = open_session(users, "analyst")
    with session_scope(users) as session:
        set_disabled(session=session, username="analyst", disabled=True, by="admin")
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["auth"] = token  # the next run of an open Streamlit session
    at.run()
    assert [b.label for b in at.button] == ["Sign in"]
    assert "administrator" in at.info[0].value


def test_session_of_a_user_disabled_behind_the_app_is_revoked_for_good(users: Engine) -> None:
    token = open_session(users, "analyst")
    with session_scope(users) as session:  # by SQL, so set_disabled does not revoke
        session.execute(update(User).where(col(User.username) == "analyst").values(disabled=True))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["auth"] = token
    at.run()
    assert "no longer active" in at.info[0].value
    with session_scope(users) as session:  # the UI's unit of work committed the revocation
        assert session.exec(select(UiSession)).one().revoked_at is not None


def test_expired_session_signs_out(users: Engine) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    token = open_session(users, "analyst")
    with session_scope(users) as session:
        session.execute(update(UiSession).values(expires_at=utcnow() - timedelta(seconds=1)))
        session.commit()
    at.session_state["auth"] = token
    at.run()
    assert "maximum length" in at.info[0].value


def test_analyst_cannot_reach_admin_pages(users: Engine) -> None:
    at = app("analyst")
    for page in ("pages/users.py", "pages/sources.py"):  # not registered for an analyst
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(page)
    admin = app("admin")
    admin.switch_page("pages/users.py").run()
    assert "Create user" in [b.label for b in admin.button]


def test_queue_filters(users: Engine) -> None:
    seed_synthetic(engine=users, documents=30, findings_per_doc=10)
    at = app()
    at.multiselect(key="f_label").set_value(["MATERIAL"])
    at.button(key="FormSubmitter:queue_filters-Apply filters").click().run()
    assert not at.exception
    findings = at.dataframe[1].value
    assert len(findings) > 0 and set(findings["Label"]) == {"MATERIAL"}


def _document_app(engine: Engine) -> tuple[AppTest, int, int]:
    with session_scope(engine) as session:
        document = create_document(session, **HOSTILE_METADATA)
        finding = create_finding(session, document, "Norvik Gauge Services")
        assert document.id and finding.id
        document_id, finding_id = document.id, finding.id
    at = app(document_id=document_id)
    at.switch_page("pages/document.py").run()
    assert not at.exception
    return at, document_id, finding_id


def _finding(engine: Engine, finding_id: int) -> Finding:
    with session_scope(engine) as session:
        finding = session.get(Finding, finding_id)
        assert finding is not None
        return finding


def test_hostile_text_is_shown_literally(users: Engine) -> None:
    at, _, _ = _document_app(users)
    [doc] = [m.value for m in at.markdown if 'class="ri-doc"' in str(m.value)]
    assert "<script" not in doc and "<img" not in doc and "](" not in doc and "**" not in doc
    assert "&#60;script&#62;alert&#40;1&#41;" in doc and "&#42;&#42;bold&#42;&#42;" in doc
    provenance = markdown_text(at)
    assert "javascript:" not in provenance  # the URL is shown escaped, never as a link
    assert not [b for b in at.get("link_button")]


def test_confirm_and_conflict(users: Engine) -> None:
    at, _, finding_id = _document_app(users)
    at.button(key="confirm").click().run()
    assert _finding(users, finding_id).status == ReviewStatus.CONFIRMED
    assert "confirmed" in at.success[0].value
    with session_scope(users) as session:  # someone else decides behind the page
        session.execute(
            update(Finding)
            .where(col(Finding.id) == finding_id)
            .values(version=7, reviewed_by="bob")
        )
        session.commit()
    at.button(key="confirm").click().run()
    assert "bob changed this finding" in at.error[0].value
    stored = _finding(users, finding_id)
    assert (stored.version, stored.reviewed_by) == (7, "bob")


def test_correct_reject_and_add(users: Engine) -> None:
    at, document_id, finding_id = _document_app(users)
    key = f"corr_{finding_id}_1"
    at.selectbox(key=f"{key}_label").set_value("PERSON")
    at.text_input(key=f"{key}_normalized").input("Norvik")
    at.text_area(key=f"{key}_attributes").input("kind: company")
    at.button(key=f"FormSubmitter:{key}-Save correction").click().run()
    corrected = _finding(users, finding_id)
    assert (corrected.label, corrected.normalized, corrected.status) == (
        "PERSON",
        "Norvik",
        "corrected",
    )
    assert corrected.attributes == {"kind": "company"}
    key = f"rej_{finding_id}_2"
    at.text_input(key=f"{key}_reason").input("not an entity")
    at.checkbox(key=f"{key}_never").check()
    at.button(key=f"FormSubmitter:{key}-Reject").click().run()
    assert _finding(users, finding_id).status == ReviewStatus.REJECTED
    at.text_input(key="add_search").input("Rotterdam").run()  # the first occurrence, at once
    span = (at.number_input(key="add_start").value, at.number_input(key="add_end").value)
    assert span[0] is not None and span[1] is not None and span[1] - span[0] == 9
    at.number_input(key="add_end").set_value(span[1] - 3).run()
    assert ">Rotter</div>" in next(m.value for m in at.markdown if "ri-quote" in m.value)
    at.number_input(key="add_end").set_value(span[1]).run()
    at.selectbox(key="add_label").set_value("GPE")
    at.text_input(key="add_normalized").input("NL")
    at.button(key="FormSubmitter:add_finding-Add finding").click().run()
    with session_scope(users) as session:
        added = session.exec(select(Finding).where(Finding.origin == "analyst")).one()
    assert (added.document_id, added.text, added.normalized) == (document_id, "Rotterdam", "NL")


def test_incident_open_and_merge(users: Engine) -> None:
    at, _, _ = _document_app(users)
    at.button(key="FormSubmitter:open_incident-Open an incident from this document").click().run()
    at.button(key="FormSubmitter:open_incident-Open an incident from this document").click().run()
    with session_scope(users) as session:
        first, second = session.exec(select(Incident).order_by(col(Incident.id))).all()
    page = app(incident_id=first.id)
    page.switch_page("pages/incidents.py").run()
    assert not page.exception
    assert "Proposed links" in [t.label for t in page.tabs]
    page.number_input(key="merge_from").set_value(second.id)
    page.text_input(key="merge_reason").input("same seizure")
    page.button(key="FormSubmitter:merge-Merge").click().run()
    with session_scope(users) as session:
        merged = session.get(Incident, second.id)
        assert merged is not None and merged.merged_into_id == first.id


def test_dashboard_retry(users: Engine) -> None:
    seed_synthetic(engine=users, documents=10, findings_per_doc=2)
    at = app()
    at.switch_page("pages/dashboard.py").run()
    assert not at.exception and not at.error
    with session_scope(users) as session:
        failure = session.exec(select(IngestFailure).order_by(col(IngestFailure.id))).first()
        assert failure is not None
    at.button(key=f"retry_{failure.id}").click().run()
    with session_scope(users) as session:
        stored = session.get(IngestFailure, failure.id)
        assert stored is not None and stored.retried_at is not None


@pytest.mark.parametrize(
    "page", ["pages/audit.py", "pages/sources.py", "pages/users.py", "pages/assessments.py"]
)
def test_other_pages_render(users: Engine, page: str) -> None:
    at = app("admin")
    at.switch_page(page).run()
    assert not at.exception and not at.error
