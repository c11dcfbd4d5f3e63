"""The queue page pages by cursor: next, previous, and back to page 1 when filters change."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

from storage.db import session_scope
from storage.seed import seed_synthetic
from storage.ui_sessions import create_session
from tests.factories import create_user

APP = str(Path(__file__).resolve().parents[3] / "review_ui" / "app.py")


def _queue(engine: Engine) -> AppTest:
    seed_synthetic(engine=engine, documents=30, findings_per_doc=10)
    with session_scope(engine) as session:
        create_user(session, "analyst")
        _, token = create_session(session=session, username="analyst", lifetime=timedelta(hours=1))
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["auth"] = token
    return at.run()


def _finding_ids(at: AppTest) -> list[int]:
    return [int(i) for i in at.dataframe[1].value["Id"]]


def _captions(at: AppTest) -> list[str]:
    return [str(c.value) for c in at.caption if str(c.value).startswith("Page ")]


def test_next_previous_and_filter_reset(engine: Engine) -> None:
    at = _queue(engine)
    assert not at.exception
    first = _finding_ids(at)
    assert len(first) == 50
    assert _captions(at)[1].startswith("Page 1 · rows 1-50 of ")
    at.button(key="queue_finding_next").click().run()
    second = _finding_ids(at)
    assert _captions(at)[1].startswith("Page 2 · rows 51-100 of ")
    assert second and not set(first) & set(second)
    at.button(key="queue_finding_next").click().run()
    assert _captions(at)[1].startswith("Page 3 · rows 101-")
    at.button(key="queue_finding_prev").click().run()
    assert _finding_ids(at) == second
    at.button(key="queue_finding_prev").click().run()
    assert _finding_ids(at) == first and at.button(key="queue_finding_prev").disabled
    at.button(key="queue_finding_next").click().run()
    at.multiselect(key="f_label").set_value(["MATERIAL"])
    at.button(key="FormSubmitter:queue_filters-Apply filters").click().run()
    assert not at.exception
    assert _captions(at)[1].startswith("Page 1 · rows 1-")
    assert set(at.dataframe[1].value["Label"]) == {"MATERIAL"}
    assert at.button(key="queue_finding_next").disabled  # 30 materials at most: one page
