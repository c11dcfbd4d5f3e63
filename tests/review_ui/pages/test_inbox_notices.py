"""The Inbox and Notices pages with AppTest (SQLite): the unread badge on every page, titles
from documents shown as plain text, mark read; a notice drafted from `?alert=ID`, edited,
submitted, and refused to its own author at publishing (four eyes)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select
from streamlit.testing.v1 import AppTest

from nlp.vocabulary import AssessmentStatus, Tlp
from storage.db import session_scope
from storage.models import Notice, Notification
from storage.notifications import notify_match
from storage.ui_sessions import create_session
from tests.factories import (
    create_alert,
    create_alert_match,
    create_document,
    create_user,
    create_watcher,
)

APP = str(Path(__file__).resolve().parents[3] / "review_ui" / "app.py")
HOSTILE_TITLE = "**Monterrey** ![x](http://evil.example/p.gif) <img src=x>"


@pytest.fixture
def db_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'test.db'}"


def signed_in(engine: Engine, username: str, page: str, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    with session_scope(engine) as session:
        token = create_session(session=session, username=username, lifetime=timedelta(hours=1))[1]
    at.session_state["auth"] = token
    at.run().switch_page(page)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def test_the_inbox_shows_the_badge_and_plain_titles_and_marks_read(engine: Engine) -> None:
    with session_scope(engine) as session:
        create_user(session, "editor", role="editor", clearance=Tlp.AMBER)
        alert = create_alert(session, title=HOSTILE_TITLE)
        document = create_document(session, title=HOSTILE_TITLE, marking=Tlp.GREEN)
        create_watcher(session, alert, "editor")
        notify_match(
            session=session, match=create_alert_match(session, alert, document), confirmed=True
        )
    at = signed_in(engine, "editor", "pages/inbox.py")
    assert not at.exception
    assert at.metric[0].value == "1"  # the sidebar badge is checked in Chromium (screenshot)
    texts = [t.value for t in at.text]
    assert any(HOSTILE_TITLE in text for text in texts)
    assert all("evil.example" not in str(m.value) for m in at.markdown)
    at.button(key=next(b.key for b in at.button if b.key.startswith("read_"))).click().run()
    assert not at.exception and at.metric[0].value == "0"
    with session_scope(engine) as session:
        [stored] = session.exec(select(Notification)).all()
        assert stored.read_at is not None


def test_a_notice_is_drafted_from_the_alert_and_its_author_may_not_publish(
    engine: Engine,
) -> None:
    with session_scope(engine) as session:
        create_user(session, "editor", role="editor", clearance=Tlp.AMBER)
        alert_id = create_alert(session).id
    at = signed_in(engine, "editor", "pages/notices.py", alert=str(alert_id))
    assert not at.exception
    at.button(key="notice_draft").click().run()
    assert not at.exception
    with session_scope(engine) as session:
        [notice] = session.exec(select(Notice)).all()
    ident = notice.id
    frame = at.dataframe[1].value
    values = dict(zip(frame["Identifier"], frame["Value"], strict=True))
    assert (
        values["Serial number"] == "D-4417" and "GBq" in values["Activity today (decay-corrected)"]
    )
    at.text_area(key=f"notice_{ident}_1_summary").input("A camera **stolen** in Monterrey.")
    at.button(key=f"notice_save_{ident}").click().run()
    at.button(key=f"notice_submit_{ident}").click().run()
    at.button(key=f"notice_publish_{ident}").click().run()
    assert "Refused" in at.error[0].value and "eyes rule" in at.error[0].value
    with session_scope(engine) as session:
        stored = session.get(Notice, ident)
        assert stored is not None and stored.status == AssessmentStatus.IN_REVIEW
        assert stored.content["sections"]["summary"] == "A camera **stolen** in Monterrey."
