"""The editor workspace with AppTest on SQLite and PostgreSQL: an analyst cannot reach it; an
editor drafts, writes and submits; the author may not publish; a second editor publishes."""

from __future__ import annotations

import html
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select
from streamlit.testing.v1 import AppTest

from nlp.vocabulary import AssessmentStatus
from review_ui.assessment_actions import SELECTED, section_key
from storage.db import session_scope
from storage.models import Assessment, ReviewEvent
from storage.ui_sessions import create_session
from tests.factories import create_user

APP = str(Path(__file__).resolve().parents[3] / "review_ui" / "app.py")
PAGE = "pages/assessments.py"


@pytest.fixture
def people(engine: Engine) -> Engine:
    with session_scope(engine) as session:
        create_user(session, "analyst")
        create_user(session, "editor-a", role="editor")
        create_user(session, "editor-b", role="editor")
    return engine


def token_of(engine: Engine, username: str) -> str:
    with session_scope(engine) as session:
        return create_session(session=session, username=username, lifetime=timedelta(hours=1))[1]


def signed_in(engine: Engine, username: str, **state: object) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["auth"] = token_of(engine, username)
    for key, value in state.items():
        at.session_state[key] = value
    return at.run()


def workspace(engine: Engine, username: str, **state: object) -> AppTest:
    return signed_in(engine, username, **state).switch_page(PAGE).run()


def stored(engine: Engine) -> Assessment:
    with session_scope(engine) as session:
        return session.exec(select(Assessment)).one()


def shown(element: Any) -> str:
    """What the reader sees of a message passed through `plain` (character references)."""
    return html.unescape(str(element.value))


def texts(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in [*at.markdown, *at.caption, *at.info])


def test_an_analyst_cannot_reach_the_workspace(people: Engine) -> None:
    token = token_of(people, "analyst")
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["auth"] = token
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.run().switch_page(PAGE)  # not registered for an analyst
    page = AppTest.from_file(str(Path(APP).parent / PAGE), default_timeout=60)
    page.session_state["auth"] = token
    page.run()  # the page itself checks the role too
    assert [e.value for e in page.error] == ["You do not have access to this page."]
    assert not page.button


def _draft_and_submit(engine: Engine) -> AppTest:
    at = workspace(engine, "editor-a")
    assert not at.exception
    at.text_input(key="new_period").input("2026-q3")
    at.text_input(key="new_title").input("RN threat assessment <b>Q3</b>")
    at.button(key="FormSubmitter:new_draft-Create draft").click().run()
    assert not at.exception and not at.error
    draft = stored(engine)
    assert (draft.period, draft.author, draft.status) == ("2026-Q3", "editor-a", "draft")
    assert at.session_state[SELECTED] == draft.id
    ident = int(draft.id or 0)
    at.button(key=f"refresh_{ident}").click().run()
    assert [s.value for s in at.success] == ["Data rebuilt from the confirmed incidents."]
    draft = stored(engine)
    assert draft.version == 2
    at.text_area(key=section_key(ident, draft.version, "summary")).input("**Rising** trend")
    at.run()
    assert "**Rising** trend" in texts(at)  # the live preview, as Markdown
    at.button(key=f"save_{ident}").click().run()
    assert not at.error
    assert stored(engine).summary == "**Rising** trend"
    at.button(key=f"submit_{ident}").click().run()
    assert stored(engine).status == AssessmentStatus.IN_REVIEW
    return at


def test_draft_edit_submit_and_four_eyes_publish(people: Engine) -> None:
    at = _draft_and_submit(people)
    ident = int(stored(people).id or 0)
    at.button(key=f"publish_{ident}").click().run()
    assert shown(at.error[0]).startswith("Refused: four-eyes rule: editor-a wrote or edited")
    assert stored(people).status == AssessmentStatus.IN_REVIEW
    notice = [i.value for i in signed_in(people, "editor-b").sidebar.info]
    assert notice == ["Waiting for editors: 0 draft(s), 1 in review."]
    second = workspace(people, "editor-b", **{SELECTED: ident})
    second.button(key=f"publish_{ident}").click().run()
    assert not second.exception and not second.error
    published = stored(people)
    assert (published.status, published.published_by) == ("published", "editor-b")
    assert set(published.outputs) == {"html", "pdf", "md"}
    labels = [b.label for b in second.get("download_button")]
    assert labels == ["Download PDF", "Download HTML", "Download Markdown"]
    with session_scope(people) as session:
        actions = [e.action for e in session.exec(select(ReviewEvent)).all()]
    assert actions[-4:] == ["edit", "submit", "refused", "publish"]
    history = second.dataframe[-1].value
    assert list(history["Action"]) == ["draft", "refresh", "edit", "submit", "refused", "publish"]
    assert history["Comment or reason"][2] == "changed: Summary"
    second.text_area(key=f"changes_{ident}").input("Corrected the count of thefts")
    second.button(key=f"FormSubmitter:correct_{ident}-Start correction").click().run()
    with session_scope(people) as session:
        correction = session.exec(select(Assessment).where(Assessment.edition == 2)).one()
    assert second.session_state[SELECTED] == correction.id
    assert "Edition 2, correcting edition 1" in texts(second)
    assert correction.summary == "**Rising** trend" and correction.author == "editor-b"


def test_a_stale_save_is_refused_and_keeps_the_text(people: Engine) -> None:
    at = workspace(people, "editor-a")
    at.text_input(key="new_period").input("2026-09")
    at.button(key="FormSubmitter:new_draft-Create draft").click().run()
    draft = stored(people)
    ident = int(draft.id or 0)
    other = workspace(people, "editor-b", **{SELECTED: ident})
    other.text_area(key=section_key(ident, draft.version, "outlook")).input("theirs")
    other.button(key=f"save_{ident}").click().run()
    at.text_area(key=section_key(ident, draft.version, "outlook")).input("mine")
    at.button(key=f"save_{ident}").click().run()
    assert at.error and stored(people).outlook == "theirs"
    assert "mine" in [c.value for c in at.code]


def test_comment_return_and_withdraw(people: Engine) -> None:
    _draft_and_submit(people)
    ident = int(stored(people).id or 0)
    reviewer = workspace(people, "editor-b", **{SELECTED: ident})
    reviewer.text_area(key=f"comment_{ident}").input("Cite the *source* of figure 2")
    reviewer.button(key=f"FormSubmitter:comment_form_{ident}-Add comment").click().run()
    reviewer.button(key=f"FormSubmitter:return_{ident}-Return to draft").click().run()
    assert "needs a reason" in shown(reviewer.error[0]) and stored(people).status == "in_review"
    reviewer.text_input(key=f"return_reason_{ident}").input("Sources missing")
    reviewer.button(key=f"FormSubmitter:return_{ident}-Return to draft").click().run()
    assert stored(people).status == AssessmentStatus.DRAFT
    author = workspace(people, "editor-a", **{SELECTED: ident})
    assert author.text_area(key=section_key(ident, stored(people).version, "summary")).value == (
        "**Rising** trend"
    )
    author.text_input(key=f"withdraw_reason_{ident}").input("Merged into the yearly edition")
    author.button(key=f"FormSubmitter:withdraw_{ident}-Withdraw").click().run()
    assert not author.exception and stored(people).status == AssessmentStatus.WITHDRAWN
    notes = list(author.dataframe[-1].value["Comment or reason"])
    assert notes[-3:] == [
        "Cite the *source* of figure 2",
        "Sources missing",
        "Merged into the yearly edition",
    ]
    assert f"save_{ident}" not in [b.key for b in author.button]  # withdrawn: read-only


def test_a_refusal_quoting_what_was_typed_is_shown_literally(people: Engine) -> None:
    at = workspace(people, "editor-a")
    at.text_input(key="new_period").input("2026-Q3")
    at.text_input(key="new_scope").input("![x](https://attacker.example/p.gif)")
    at.button(key="FormSubmitter:new_draft-Create draft").click().run()
    assert "unknown scope" in shown(at.error[0])
    assert "![" not in at.error[0].value and "](" not in at.error[0].value
    with session_scope(people) as session:
        assert session.exec(select(Assessment)).first() is None
