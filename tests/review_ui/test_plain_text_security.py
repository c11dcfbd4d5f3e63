"""No Markdown from documents: a title (and the incident title made from it) renders as
plain text on every page, and table downloads never start a cell with a formula."""

from __future__ import annotations

import html
import re
from datetime import timedelta
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

from nlp.spreadsheet import spreadsheet_cell
from review_ui.plain_text import WORD_JOINER, plain, spreadsheet_safe
from storage.db import session_scope
from storage.ui_sessions import create_session
from tests.factories import create_document, create_finding, create_incident, create_user, ident

pytestmark = pytest.mark.security

APP = str(Path(__file__).resolve().parents[2] / "review_ui" / "app.py")
HOSTILE_TITLE = "![x](http://127.0.0.1:1/p.gif) **bold** <img src=x>"
FORMULA_TITLE = '=HYPERLINK("http://127.0.0.1:1/","click")'
MARKUP = ("![", "](", "<img", "**", "http://")


@pytest.fixture
def hostile(engine: Engine) -> tuple[int, int]:
    """A document titled with Markdown and HTML, a finding on it, an incident made from it."""
    with session_scope(engine) as session:
        create_user(session, "analyst")
        document = create_document(session, title=HOSTILE_TITLE)
        create_finding(session, document, "Norvik Gauge Services")
        incident = create_incident(session, [document], username="analyst")
        return ident(document), ident(incident)


def signed_in(engine: Engine, page: str, **state: int) -> AppTest:
    with session_scope(engine) as session:
        _, token = create_session(session=session, username="analyst", lifetime=timedelta(hours=1))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["auth"] = token
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception
    return at


def markdown_bodies(at: AppTest) -> list[str]:
    """Every text Streamlit reads as Markdown: bodies, captions, alerts and widget labels."""
    bodies = [*at.markdown, *at.caption, *at.info, *at.warning, *at.error, *at.success]
    labels = [*at.button, *at.expander, *at.tabs, *at.selectbox, *at.text_input]
    return [str(e.value) for e in bodies] + [str(e.label) for e in labels]


def assert_shown_as_plain_text(at: AppTest, title: str) -> None:
    """The title shows up, every character literal, and no Markdown or HTML of it survives."""
    bodies = markdown_bodies(at)
    in_markdown = [body for body in bodies if title in html.unescape(body).replace("<br>", " ")]
    as_text = [str(t.value) for t in at.text if str(t.value) == title]  # st.text parses nothing
    assert in_markdown or as_text, f"{title!r} is not shown"
    for body in in_markdown:
        assert not any(markup in body for markup in MARKUP), body
    assert not at.get("imgs") and not at.get("link_button")


def test_the_document_page_shows_titles_as_plain_text(
    engine: Engine, hostile: tuple[int, int]
) -> None:
    document_id, _ = hostile
    at = signed_in(engine, "pages/document.py", document_id=document_id)
    assert_shown_as_plain_text(at, HOSTILE_TITLE)
    assert [str(t.value) for t in at.text] == [HOSTILE_TITLE]  # the incident's title, as text


def test_the_incident_page_shows_titles_as_plain_text(
    engine: Engine, hostile: tuple[int, int]
) -> None:
    _, incident_id = hostile
    at = signed_in(engine, "pages/incidents.py", incident_id=incident_id)
    assert_shown_as_plain_text(at, HOSTILE_TITLE)
    titles = [str(t) for frame in at.dataframe for t in frame.value.get("Title", [])]
    assert HOSTILE_TITLE in titles  # dataframe cells are plain text already


def test_a_formula_title_is_downloaded_as_text(engine: Engine) -> None:
    with session_scope(engine) as session:
        create_user(session, "analyst")
        document = create_document(session, title=FORMULA_TITLE)
        create_finding(session, document, "Norvik Gauge Services")
        create_incident(session, [document], username="analyst")
    for page in ("pages/queue.py", "pages/incidents.py"):
        at = signed_in(engine, page)
        titles = [str(t) for frame in at.dataframe for t in frame.value.get("Title", [])]
        assert titles and all(title == f"'{FORMULA_TITLE}" for title in titles), page


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_starting_like_a_formula_are_prefixed(start: str) -> None:
    assert spreadsheet_cell(f"{start}1+1") == f"'{start}1+1"


def test_other_cells_are_unchanged() -> None:
    frame = pd.DataFrame({"Title": ["Gauge stolen", "a=b"], "Count": [-3, 4]})
    assert spreadsheet_safe(frame).to_dict("list") == {
        "Title": ["Gauge stolen", "a=b"],
        "Count": [-3, 4],
    }


def test_plain_leaves_no_bare_url_to_autolink() -> None:
    shown = html.unescape(plain("see http://a.example/p www.b.example c@d.example"))
    assert shown.replace(WORD_JOINER, "") == "see http://a.example/p www.b.example c@d.example"
    assert not any(start in shown for start in ("://", "www.", "@d"))


def test_plain_leaves_no_markdown_and_one_line() -> None:
    shown = plain("[a](javascript:x)\n# b :red[c] $d$")
    bare = re.sub(r"&#\d+;", "", shown)  # what is left beside the character references
    assert "\n" not in shown and not any(c in bare for c in "[]()#:$")
    assert html.unescape(shown) == "[a](javascript:x) # b :red[c] $d$"
