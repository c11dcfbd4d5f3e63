"""Queue filters, priority and pagination; dashboard figures; synthetic seed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

import storage.queue
from nlp.vocabulary import ReviewStatus, Tlp
from storage.dashboard import (
    incidents_by,
    incidents_for_map,
    overview,
    quarantined_files,
    unresolved_failures,
    weekly_documents,
)
from storage.db import session_scope
from storage.findings import DocumentExtraction, NewFinding, save_extractions
from storage.models import Document, Finding, IngestFailure
from storage.models._base import utcnow
from storage.priority import document_priority, finding_priority, relevant_range
from storage.queue import Cursor, QueueFilters, document_queue, filter_choices, finding_queue
from storage.review import add_finding, correct_finding, document_text
from storage.runs import retry_failure
from storage.seed import seed_synthetic
from tests.factories import create_actor, create_document, ident


@contextmanager
def _seeded(engine: Engine) -> Iterator[Session]:
    seed_synthetic(engine=engine, documents=120, findings_per_doc=10)
    with session_scope(engine) as session:
        yield session


def test_seed_spans_point_at_the_stored_text(engine: Engine) -> None:
    with _seeded(engine) as session:
        assert overview(session=session, clearance=Tlp.RED).documents == 120
        findings = session.exec(select(Finding).limit(40)).all()
        for finding in findings:
            document = session.get(Document, finding.document_id)
            assert document is not None
            assert document_text(document)[finding.start : finding.end] == finding.text


def _walk(session: Session, filters: QueueFilters, limit: int, docs: bool = False) -> list[Any]:
    """Every row of a queue, page after page by cursor."""
    rows: list[Any] = []
    after: Cursor | None = None
    while True:
        fn = document_queue if docs else finding_queue
        page = fn(session=session, filters=filters, clearance=Tlp.RED, limit=limit, after=after)
        assert len(page.items) <= limit
        rows += page.items
        if page.next_cursor is None:
            return rows
        assert page.next_cursor == Cursor(page.items[-1].priority, page.items[-1].id)
        after = page.next_cursor


@pytest.fixture(params=["sorted in SQL", "small set sorted in Python"])
def small_set(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """Both ways to a page: the ordered index scans, and one read of a small result set."""
    size = 0 if request.param == "sorted in SQL" else 100_000
    monkeypatch.setattr(storage.queue, "SMALL_SET", size)
    return size


def test_pages_cover_the_queue_without_overlap(engine: Engine, small_set: int) -> None:
    with _seeded(engine) as session:
        filters = QueueFilters()
        first = finding_queue(session=session, clearance=Tlp.RED, filters=filters, limit=50)
        pending = session.exec(select(Finding).where(Finding.status == ReviewStatus.PENDING)).all()
        assert first.total == len(pending) and not first.total_capped
        rows = _walk(session, filters, 200)
        assert [row.id for row in rows] == [
            ident(f) for f in sorted(pending, key=lambda f: (f.priority, ident(f)), reverse=True)
        ]
        relevant = [row.relevant for row in first.items]
        assert relevant == sorted(relevant, key=lambda r: r is not True)


def test_priority_orders_relevance_then_danger() -> None:
    cobalt = {"iaea_category": 1}
    caesium = {"iaea_category": "4"}
    ranked = [
        finding_priority(relevant=True, relevance=0.6, label="MATERIAL", attributes=cobalt),
        finding_priority(relevant=True, relevance=0.9, label="MATERIAL", attributes=caesium),
        finding_priority(relevant=True, relevance=0.99, label="MATERIAL", attributes={}),
        finding_priority(relevant=True, relevance=0.99, label="PERSON", attributes=None),
        finding_priority(relevant=False, relevance=0.4, label="MATERIAL", attributes=cobalt),
        finding_priority(relevant=None, relevance=None, label="MATERIAL", attributes=cobalt),
    ]
    assert ranked == sorted(ranked, reverse=True) and len(set(ranked)) == len(ranked)
    low, high = relevant_range(True)
    assert all(low <= p < high for p in ranked[:4]) and not low <= ranked[4] < high
    assert document_priority(True, 0.9) == ranked[1] - 3 * 1000  # category 4: urgency 3


def test_several_statuses_and_labels_merge_in_priority_order(
    engine: Engine, small_set: int
) -> None:
    with _seeded(engine) as session:
        filters = QueueFilters(statuses=(), labels=("MATERIAL", "PERSON"))
        rows = _walk(session, filters, 37)
        stored = session.exec(
            select(Finding).where(col(Finding.label).in_(["MATERIAL", "PERSON"]))
        ).all()
        assert [row.id for row in rows] == [
            ident(f) for f in sorted(stored, key=lambda f: (f.priority, ident(f)), reverse=True)
        ]
        assert {row.status for row in rows} == {s.value for s in ReviewStatus}
        documents = _walk(session, QueueFilters(statuses=()), 25, docs=True)
        assert len({d.id for d in documents}) == len(documents) == 120
        assert [d.priority for d in documents] == sorted(d.priority for d in documents)[::-1]


def test_totals_are_capped(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage.queue, "COUNT_CAP", 100)
    monkeypatch.setattr(storage.queue, "SMALL_SET", 50)
    with _seeded(engine) as session:
        page = finding_queue(session=session, clearance=Tlp.RED, filters=QueueFilters(), limit=10)
        assert page.total == 100 and page.total_capped and page.total_label == "100+"
        few = finding_queue(
            session=session,
            clearance=Tlp.RED,
            filters=QueueFilters(material="Co-60", language="fr"),
        )
        assert not few.total_capped and few.total_label == str(few.total)


def test_writers_keep_the_priority(engine: Engine) -> None:
    with session_scope(engine) as session:
        create_actor(session, "ana")
        document = create_document(session)
        material = {"iaea_category": 2}
        kept = add_finding(
            session=session,
            document_id=ident(document),
            username="ana",
            label="MATERIAL",
            start=0,
            end=7,
            attributes=material,
        )
        assert kept.priority == finding_priority(
            relevant=None, relevance=None, label="MATERIAL", attributes=material
        )
        save_extractions(session=session, extractions=[_extraction(ident(document), 0.8)])
        session.commit()
        stored = session.get(Document, ident(document))
        assert stored is not None and stored.priority == document_priority(True, 0.8)
        pending = session.exec(select(Finding).where(Finding.id != kept.id)).one()
        refreshed = session.get(Finding, ident(kept), populate_existing=True)
        assert refreshed is not None
        assert refreshed.priority == stored.priority + 5 * 1000
        assert pending.priority == stored.priority
        corrected = correct_finding(
            session=session,
            finding_id=ident(pending),
            expected_version=pending.version,
            username="ana",
            label="MATERIAL",
            attributes={"iaea_category": 1},
        )
        assert corrected.priority == stored.priority + 6 * 1000


def _extraction(document_id: int, relevance: float) -> DocumentExtraction:
    return DocumentExtraction(
        document_id=document_id,
        language="en",
        extractor_version="v2",
        findings=[NewFinding("ORG", "Norvik", 31, 37, None, {}, 0.9, "spacy-ner", "v2")],
        relevant=True,
        relevance=relevance,
        incident_type="trafficking_or_smuggling",
        intent_group=None,
        countries=["NL"],
        incident_date=None,
        evidence=[],
        embedding=None,
        embedding_model=None,
    )


def test_filters_narrow_the_queue(engine: Engine, small_set: int) -> None:
    with _seeded(engine) as session:
        choices = filter_choices(session=session, clearance=Tlp.RED)
        assert set(choices["languages"]) == {"ar", "en", "es", "fr"}
        page = finding_queue(
            session=session,
            clearance=Tlp.RED,
            filters=QueueFilters(labels=("MATERIAL",), material="Cs-137", relevant=True),
            limit=200,
        )
        assert page.items and all(r.label == "MATERIAL" for r in page.items)
        assert all(r.normalized == "Cs-137" and r.relevant for r in page.items)
        french = document_queue(
            session=session, clearance=Tlp.RED, filters=QueueFilters(language="fr"), limit=200
        )
        assert french.items and all(d.language == "fr" for d in french.items)
        country = french.items[0].countries[0]
        by_country = document_queue(
            session=session,
            clearance=Tlp.RED,
            filters=QueueFilters(country=country.lower()),
            limit=200,
        )
        assert by_country.items and all(country in d.countries for d in by_country.items)
        source_id = choices["sources"][0][0]
        by_source = finding_queue(
            session=session, clearance=Tlp.RED, filters=QueueFilters(source_id=source_id)
        )
        assert (
            0
            < by_source.total
            < finding_queue(session=session, clearance=Tlp.RED, filters=QueueFilters()).total
        )
        today = utcnow().date()
        future = QueueFilters(date_from=today + timedelta(days=2))
        assert document_queue(session=session, clearance=Tlp.RED, filters=future).total == 0
        everything = QueueFilters(statuses=(), date_from=today - timedelta(days=400))
        assert document_queue(session=session, clearance=Tlp.RED, filters=everything).total == 120


def test_dashboard_figures_and_retry(engine: Engine) -> None:
    with _seeded(engine) as session:
        weeks = weekly_documents(session=session, clearance=Tlp.RED)
        assert sum(w["documents"] for w in weeks) == 120
        assert (
            sum(
                n for _, n in incidents_by(session=session, clearance=Tlp.RED, field_name="country")
            )
            == 2
        )
        assert len(incidents_for_map(session=session, clearance=Tlp.RED)) == 2
        assert quarantined_files(session=session)
        failure = unresolved_failures(session=session)[0]
        retry_failure(
            session=session, failure_id=ident(failure), username=create_actor(session, "ana")
        )
        stored = session.get(IngestFailure, failure.id)
        assert stored is not None and stored.retried_at is not None
