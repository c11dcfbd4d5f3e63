"""collect_status counts with GROUP BY on both databases and never loads document rows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import event
from sqlmodel import Session

from nlp.vocabulary import DocumentStatus, ReviewStatus, RunStatus
from storage.models import IngestFailure, IngestRun
from storage.status import LAST_RUNS, collect_status
from tests.factories import create_document, create_finding

# Fixed times, so the order of the runs is known.
T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def create_run(session: Session, minutes: int, status: RunStatus) -> IngestRun:
    run = IngestRun(flow="ingest", status=status, counts={"fetched": minutes})
    run.started_at = T0 + timedelta(minutes=minutes)
    session.add(run)
    session.flush()
    return run


def seed(session: Session) -> None:
    english = create_document(
        session, "Fictional gauge theft in Leeds", language="en", fetched_at=T0
    )
    create_document(
        session, "Vol fictif d'une source à Lyon", language="fr", format="pdf", fetched_at=T0
    )
    create_document(
        session,
        "Documento ilegible",
        language="es",
        format="pdf",
        status=DocumentStatus.FAILED,
        fetched_at=T0,
    )
    create_document(session, "sin idioma", status=DocumentStatus.EXTRACTED, fetched_at=T0)
    for status in (ReviewStatus.PENDING, ReviewStatus.PENDING, ReviewStatus.CONFIRMED):
        create_finding(
            session, english, "Leeds", "GPE", status=status, created_at=T0, updated_at=T0
        )
    runs = [create_run(session, minute, RunStatus.SUCCEEDED) for minute in range(LAST_RUNS + 2)]
    for resolved in (False, False, True):
        failure = IngestFailure(run_id=runs[0].id or 0, item="inbox/x.pdf", reason="no text")
        failure.at, failure.resolved = T0, resolved
        session.add(failure)
    session.commit()


def test_empty_database(session: Session) -> None:
    status = collect_status(session=session, clearance=None)
    assert status["documents"] == status["findings"] == status["failures"] == 0
    assert status["by_status"] == {} and status["last_runs"] == []


def test_counts(session: Session) -> None:
    seed(session)
    status = collect_status(session=session, clearance=None)
    assert status["documents"] == 4
    assert status["findings"] == 3
    assert status["by_status"] == {"pending": 2, "failed": 1, "extracted": 1}
    assert status["by_language"] == {"en": 1, "fr": 1, "es": 1, "unknown": 1}
    assert status["by_format"] == {"txt": 2, "pdf": 2}
    assert status["failures"] == 2  # unresolved failures; the failed document has one of them
    assert status["findings_by_review_status"] == {"pending": 2, "confirmed": 1}
    runs = status["last_runs"]
    assert len(runs) == LAST_RUNS
    assert [run["counts"]["fetched"] for run in runs] == [6, 5, 4, 3, 2]
    assert runs[0]["status"] == "succeeded" and runs[0]["started_at"].startswith("2026-03-02")


def test_no_document_or_finding_rows_are_loaded(session: Session) -> None:
    seed(session)
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    engine = session.get_bind()
    event.listen(engine, "before_cursor_execute", record)
    try:
        collect_status(session=session, clearance=None)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    loads = [s for s in statements if "document.sha256" in s or "finding.text" in s]
    assert loads == []
    grouped = [s for s in statements if "GROUP BY" in s]
    assert len(grouped) == 4
