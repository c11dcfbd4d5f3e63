"""The Search page with AppTest: a name written in Latin finds the Arabic document that names
it, the snippet is escaped with its hits marked, "More" pages by cursor, and a document above
the reader's clearance never shows."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session
from streamlit.testing.v1 import AppTest

from nlp.vocabulary import Tlp
from storage.db import session_scope
from storage.search.index import index_documents
from storage.ui_sessions import create_session
from tests.factories import create_document, create_finding, create_user
from tests.review_ui.pages.test_links import APP


@pytest.fixture
def db_url(data_dir: Path) -> str:
    """SQLite only: the search itself is tested on both databases in tests/storage."""
    return f"sqlite:///{data_dir / 'test.db'}"


def test_search_page_finds_across_scripts_safely_and_pages(engine: Engine) -> None:
    with Session(engine, expire_on_commit=False) as session:
        create_user(session, "analyst", clearance=Tlp.GREEN)
        arabic = create_document(
            session, "قالت الشرطة إن سمير الوزاني حاول بيع الزئبق الأحمر.", title="احتيال"
        )
        create_finding(session, arabic, "سمير الوزاني", "PERSON")
        hostile = [
            create_document(session, f"<b>Samir</b> al-Wazani report {n}", title=f"<i>{n}</i>")
            for n in range(21)
        ]
        create_document(session, "Samir al-Wazani again", title="secret", marking=Tlp.RED)
        index_documents(session=session, document_ids=[arabic.id or 0, hostile[0].id or 0])
        session.commit()
    at = AppTest.from_file(APP, default_timeout=60)
    with session_scope(engine) as session:
        token = create_session(session=session, username="analyst", lifetime=timedelta(hours=1))[1]
    at.session_state["auth"] = token
    at = at.run().switch_page("pages/search.py").run()
    assert not at.exception
    at.text_input(key="search_query").input("Samir al-Wazani")
    at.button(key="FormSubmitter:search_form-Search").click().run()
    shown = "\n".join(str(m.value) for m in at.markdown)
    assert "احتيال" in shown  # the Arabic document, found from the Latin spelling
    assert "<b>Samir" not in shown and "<i>" not in shown and "ri-hit" in shown
    assert "secret" not in shown
    assert "20 result(s) shown" in at.caption[-1].value
    at.button(key="search_more").click().run()
    assert "23 result(s) shown" in at.caption[-1].value  # 21 + the Arabic one and its finding
