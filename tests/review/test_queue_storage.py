"""Queue filters, priority and pagination; dashboard figures; synthetic seed."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from storage.dashboard import (
    incidents_by,
    incidents_for_map,
    overview,
    quarantined_files,
    retry_failure,
    unresolved_failures,
    weekly_documents,
)
from storage.models import Document, Finding, IngestFailure, ReviewStatus
from storage.models._base import utcnow
from storage.queue import QueueFilters, document_queue, filter_choices, finding_queue
from storage.review import document_text
from storage.seed import seed_synthetic
from tests.review.factories import ident


def _seeded(engine: Engine) -> Session:
    seed_synthetic(engine=engine, documents=120, findings_per_doc=10)
    return Session(engine)


def test_seed_spans_point_at_the_stored_text(engine: Engine) -> None:
    with _seeded(engine) as session:
        assert overview(session=session).documents == 120
        findings = session.exec(select(Finding).limit(40)).all()
        for finding in findings:
            document = session.get(Document, finding.document_id)
            assert document is not None
            assert document_text(document)[finding.start : finding.end] == finding.text


def test_pages_cover_the_queue_without_overlap(engine: Engine) -> None:
    with _seeded(engine) as session:
        filters = QueueFilters()
        first = finding_queue(session=session, filters=filters, limit=50)
        pending = session.exec(select(Finding).where(Finding.status == ReviewStatus.PENDING)).all()
        assert first.total == len(pending)
        seen: list[int] = []
        for offset in range(0, first.total, 200):
            page = finding_queue(session=session, filters=filters, limit=200, offset=offset)
            seen += [row.id for row in page.items]
        assert sorted(seen) == sorted(ident(f) for f in pending)
        relevant = [row.relevant for row in first.items]
        assert relevant == sorted(relevant, key=lambda r: r is not True)


def test_filters_narrow_the_queue(engine: Engine) -> None:
    with _seeded(engine) as session:
        choices = filter_choices(session=session)
        assert set(choices["languages"]) == {"ar", "en", "es", "fr"}
        page = finding_queue(
            session=session,
            filters=QueueFilters(labels=("MATERIAL",), material="Cs-137", relevant=True),
            limit=200,
        )
        assert page.items and all(r.label == "MATERIAL" for r in page.items)
        assert all(r.normalized == "Cs-137" and r.relevant for r in page.items)
        french = document_queue(session=session, filters=QueueFilters(language="fr"), limit=200)
        assert french.items and all(d.language == "fr" for d in french.items)
        country = french.items[0].countries[0]
        by_country = document_queue(
            session=session, filters=QueueFilters(country=country.lower()), limit=200
        )
        assert by_country.items and all(country in d.countries for d in by_country.items)
        source_id = choices["sources"][0][0]
        by_source = finding_queue(session=session, filters=QueueFilters(source_id=source_id))
        assert 0 < by_source.total < finding_queue(session=session, filters=QueueFilters()).total
        today = utcnow().date()
        future = QueueFilters(date_from=today + timedelta(days=2))
        assert document_queue(session=session, filters=future).total == 0
        everything = QueueFilters(statuses=(), date_from=today - timedelta(days=400))
        assert document_queue(session=session, filters=everything).total == 120


def test_dashboard_figures_and_retry(engine: Engine) -> None:
    with _seeded(engine) as session:
        weeks = weekly_documents(session=session)
        assert sum(w["documents"] for w in weeks) == 120
        assert sum(n for _, n in incidents_by(session=session, field_name="country")) == 2
        assert len(incidents_for_map(session=session)) == 2
        assert quarantined_files(session=session)
        failure = unresolved_failures(session=session)[0]
        retry_failure(session=session, failure_id=ident(failure), username="ana")
        stored = session.get(IngestFailure, failure.id)
        assert stored is not None and stored.retried_at is not None
