"""The scheduled draft: drafts the period that just ended once, and records its run."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import select

from flows.assessment_schedule import FLOW_NAME, draft_due_assessment
from nlp.vocabulary import RunStatus
from storage.assessments import snapshot_of, waiting_for_editors
from storage.db import session_scope
from storage.models import Assessment, IngestRun
from tests.conftest import clear_caches
from tests.factories import create_actor, create_confirmed_incident, create_document

TODAY = date(2026, 12, 2)


def _runs(engine: Engine) -> list[IngestRun]:
    with session_scope(engine) as session:
        query = select(IngestRun).where(IngestRun.flow == FLOW_NAME).order_by(IngestRun.id)
        return list(session.exec(query).all())


def test_drafts_the_month_that_ended_once(engine: Engine) -> None:
    with session_scope(engine) as session:
        document = create_document(session, "Cs-137 gauge stolen in Lyon.", language="en")
        analyst = create_actor(session, "ana")
        create_confirmed_incident(
            session, [document], analyst, occurred_on=date(2026, 11, 5), country="FR"
        )

    drafted = draft_due_assessment(TODAY)

    assert drafted is not None
    with session_scope(engine) as session:
        draft = session.get(Assessment, drafted)
        assert draft is not None
        assert (draft.period, draft.status, draft.author) == ("2026-11", "draft", "system")
        assert [i.country for i in snapshot_of(draft).incidents] == ["FR"]
        waiting = waiting_for_editors(session=session, clearance=draft.ceiling)
        assert [a.id for a in waiting] == [drafted]
    assert draft_due_assessment(TODAY) is None  # a rerun never duplicates the draft
    assert [run.counts["drafted"] for run in _runs(engine)] == [1, 0]
    assert {run.status for run in _runs(engine)} == {RunStatus.SUCCEEDED}


def test_a_refused_draft_fails_its_run(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RADINTEL_ASSESSMENT_SCOPE", "Atlantis")
    clear_caches()

    assert draft_due_assessment(TODAY) is None

    [run] = _runs(engine)
    assert run.status == RunStatus.FAILED
    assert run.error is not None and "Atlantis" in run.error
    with session_scope(engine) as session:
        assert session.exec(select(Assessment)).first() is None
