"""The link proposals page and the document page's "Proposed links" tab, with AppTest on
SQLite and PostgreSQL: a proposal shows both reports and the evidence; Reject needs a reason;
Accept opens an incident from both reports."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select
from streamlit.testing.v1 import AppTest

from nlp.vocabulary import LinkStatus
from review_ui.safe_html import escape_text
from storage.db import session_scope
from storage.incidents import document_ids_of
from storage.linking import index_documents, propose_links
from storage.models import Document, Incident, LinkProposal
from storage.ui_sessions import create_session
from tests.factories import create_link_pair, create_user, ident

APP = str(Path(__file__).resolve().parents[3] / "review_ui" / "app.py")
HOSTILE_TITLE = "<img src=x onerror=alert(1)> **Monterrey** theft"


@pytest.fixture
def proposal(engine: Engine) -> LinkProposal:
    with session_scope(engine) as session:
        create_user(session, "analyst")
        english, spanish = create_link_pair(session, title=HOSTILE_TITLE)
        ids = [ident(english), ident(spanish)]
        index_documents(session=session, document_ids=ids)
        [made] = propose_links(session=session, document_ids=ids)
        session.flush()
        session.expunge(made)
    return made


def signed_in(engine: Engine, page: str, **state: object) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    with session_scope(engine) as session:
        token = create_session(session=session, username="analyst", lifetime=timedelta(hours=1))[1]
    at.session_state["auth"] = token
    for key, value in state.items():
        at.session_state[key] = value
    return at.run().switch_page(page).run()


def shown(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


def test_the_queue_shows_both_reports_and_rejects_only_with_a_reason(
    engine: Engine, proposal: LinkProposal
) -> None:
    at = signed_in(engine, "pages/links.py")
    assert not at.exception
    text = shown(at)
    assert escape_text(HOSTILE_TITLE) in text and "<img" not in text
    assert "Monterrey" in text and "ES" in text
    shared = at.dataframe[0].value
    assert {"nuclides", "places", "countries"} <= set(shared["kind"])
    key = f"queue_{proposal.id}"
    at.button(key=f"FormSubmitter:{key}_reject-Reject").click().run()
    assert "needs a reason" in at.error[0].value
    at.text_input(key=f"{key}_reject_reason").input("two different gauges")
    at.button(key=f"FormSubmitter:{key}_reject-Reject").click().run()
    with session_scope(engine) as session:
        stored = session.get(LinkProposal, proposal.id)
        assert stored is not None and stored.status == LinkStatus.REJECTED
    assert "No pending link proposal" in at.info[0].value


def test_accepting_on_the_document_page_opens_an_incident_from_both(
    engine: Engine, proposal: LinkProposal
) -> None:
    at = signed_in(engine, "pages/document.py", document_id=proposal.left_document_id)
    assert not at.exception
    key = f"link_{proposal.id}"
    at.text_input(key=f"{key}_accept_reason").input("same gauge, same site")
    at.button(key=f"FormSubmitter:{key}_accept-Accept").click().run()
    assert not at.exception
    with session_scope(engine) as session:
        stored = session.get(LinkProposal, proposal.id)
        assert stored is not None and stored.status == LinkStatus.ACCEPTED
        [incident] = session.exec(select(Incident)).all()
        linked = document_ids_of(session=session, incident_id=ident(incident))
        assert linked == sorted(session.exec(select(Document.id)).all())
    assert "accepted" in at.success[0].value
