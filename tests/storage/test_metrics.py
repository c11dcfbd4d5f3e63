"""The figures behind `radintel metrics`, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import Session

from nlp.vocabulary import DocumentStatus, ReviewStatus, RunStatus
from storage.metrics import (
    NO_SOURCE,
    documents_per_source,
    extraction_queue_depth,
    failures_per_source,
    findings_awaiting_review,
    last_success_per_source,
)
from storage.models import IngestRun, Source
from storage.runs import record_failure
from tests.factories import create_document, create_finding, create_source

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def finished_run(session: Session, source: Source, minutes: int, status: RunStatus) -> IngestRun:
    run = IngestRun(flow="ingest", source_id=source.id, status=status)
    run.started_at = T0 + timedelta(minutes=minutes)
    run.finished_at = run.started_at + timedelta(seconds=30)
    session.add(run)
    session.flush()
    return run


def test_documents_and_failures_per_source(session: Session) -> None:
    feed, bureau = create_source(session, "feed"), create_source(session, "bureau")
    for _ in range(3):
        create_document(session, "Fictional gauge report", source=feed)
    create_document(session, "Note from the bureau", source=bureau)
    create_document(session, "Added by hand")
    run = finished_run(session, feed, 0, RunStatus.PARTIAL)
    for item in ("a", "b"):
        record_failure(
            session=session, run_id=run.id or 0, source_id=feed.id, item=item, reason="x"
        )
    record_failure(session=session, run_id=run.id or 0, source_id=None, item="doc:1", reason="y")
    assert documents_per_source(session=session) == {"feed": 3, "bureau": 1, NO_SOURCE: 1}
    assert failures_per_source(session=session) == {"feed": 2, NO_SOURCE: 1}


def test_last_success_ignores_failed_runs_and_other_flows(session: Session) -> None:
    feed, dead = create_source(session, "feed"), create_source(session, "dead")
    finished_run(session, feed, 0, RunStatus.SUCCEEDED)
    partial = finished_run(session, feed, 10, RunStatus.PARTIAL)
    finished_run(session, feed, 20, RunStatus.FAILED)
    finished_run(session, dead, 5, RunStatus.CRASHED)
    extract = finished_run(session, feed, 30, RunStatus.SUCCEEDED)
    extract.flow = "extract"
    session.flush()
    last = last_success_per_source(session=session)
    assert list(last) == ["feed"]
    assert last["feed"].replace(tzinfo=UTC) == partial.finished_at


def test_queue_depth_and_findings_awaiting_review(session: Session) -> None:
    pending = create_document(session, "Fictional Cs-137 gauge stolen from Meridian site")
    create_document(session, "Already extracted", status=DocumentStatus.EXTRACTED)
    create_document(session, "Scanned page", status=DocumentStatus.NEEDS_OCR)
    create_finding(session, pending, "Cs-137")
    create_finding(session, pending, "Meridian", status=ReviewStatus.CONFIRMED)
    assert extraction_queue_depth(session=session) == 1
    assert findings_awaiting_review(session=session) == 1
