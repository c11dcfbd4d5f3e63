"""Security review, item 1, in the review UI: a signed-in user's clearance hides what is
marked above it; an AMBER document is "not found" for a GREEN analyst, like a missing one."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

from nlp.vocabulary import Tlp
from storage.db import session_scope
from storage.ui_sessions import create_session
from storage.users import create_user
from tests.factories import create_document, create_finding, ident

pytestmark = pytest.mark.security

APP = str(Path(__file__).resolve().parents[2] / "review_ui" / "app.py")
TITLE = "Amber bureau note on a seizure in Rotterdam"


@pytest.fixture
def amber_document(engine: Engine) -> int:
    with session_scope(engine) as session:
        for name, clearance in (("green", Tlp.GREEN), ("amber", Tlp.AMBER)):
            create_user(
                session=session,
                username=name,
                password="a long enough password",
                role="analyst",
                clearance=clearance,
            )
        document = create_document(session, title=TITLE, marking=Tlp.AMBER)
        create_finding(session, document, "Norvik Gauge Services")
        return ident(document)


def document_page(engine: Engine, username: str, document_id: int) -> AppTest:
    with session_scope(engine) as session:
        _, token = create_session(session=session, username=username, lifetime=timedelta(hours=1))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["auth"] = token
    at.session_state["document_id"] = document_id
    at.run()
    at.switch_page("pages/document.py").run()
    assert not at.exception
    return at


def page_text(at: AppTest) -> str:
    parts = [str(m.value) for m in at.markdown] + [str(w.value) for w in at.warning]
    return "\n".join(parts)


def test_green_analyst_gets_not_found_for_an_amber_document(
    engine: Engine, amber_document: int
) -> None:
    hidden = document_page(engine, "green", amber_document)
    assert [w.value for w in hidden.warning] == [f"Document {amber_document} not found."]
    assert TITLE not in page_text(hidden)
    assert "Norvik" not in page_text(hidden)
    missing = document_page(engine, "green", amber_document + 1000)
    assert [w.value for w in missing.warning] == [f"Document {amber_document + 1000} not found."]


def test_amber_analyst_reads_the_amber_document(engine: Engine, amber_document: int) -> None:
    shown = document_page(engine, "amber", amber_document)
    assert not shown.warning
    assert TITLE in page_text(shown)
