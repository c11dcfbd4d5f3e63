"""Persistence functions of ingestion, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from nlp.vocabulary import DocumentStatus, RunStatus, SourceKind
from storage.authz import Operator
from storage.db import session_scope
from storage.documents import (
    add_documents,
    delete_failed_document,
    find_by_sha256,
    known_sha256s,
    known_urls,
)
from storage.models import ReviewEvent, SourceCreate
from storage.models._base import utcnow
from storage.runs import (
    finish_run,
    list_failures,
    list_retry_requests,
    mark_crashed_runs,
    record_failure,
    resolve_failure,
    retry_failure,
    start_run,
)
from storage.sources import (
    disable_sources_except,
    get_source_by_name,
    list_sources,
    save_http_cache,
    upsert_source,
)
from tests.factories import document_create


def feed(name: str = "regulator") -> SourceCreate:
    return SourceCreate(name=name, kind=SourceKind.FEED, url="https://example.org/rss")


def test_sources_upsert_list_disable_and_cache(session: Session) -> None:
    created = upsert_source(session=session, source_create=feed())
    save_http_cache(
        session=session,
        source_id=created.id or 0,
        url="https://example.org/rss",
        etag='"a"',
        last_modified=None,
    )
    updated = upsert_source(
        session=session, source_create=feed().model_copy(update={"reliability": "B"})
    )
    assert updated.id == created.id and updated.reliability == "B"
    assert updated.http_cache == {"https://example.org/rss": {"etag": '"a"', "last_modified": None}}
    upsert_source(session=session, source_create=feed("other"))
    assert [s.name for s in list_sources(session=session)] == ["other", "regulator"]
    assert [s.name for s in disable_sources_except(session=session, names={"other"})] == [
        "regulator"
    ]
    assert [s.name for s in list_sources(session=session, enabled_only=True)] == ["other"]
    assert disable_sources_except(session=session, names=set())[0].name == "other"
    assert get_source_by_name(session=session, name="other").enabled is False  # type: ignore[union-attr]
    kinds = list_sources(session=session, kinds=[SourceKind.WEB])
    assert kinds == []
    cleared = save_http_cache(
        session=session,
        source_id=created.id or 0,
        url="https://example.org/rss",
        etag=None,
        last_modified=None,
    )
    assert cleared.http_cache == {}


def test_add_documents_reports_new_and_duplicates(session: Session) -> None:
    source_id = upsert_source(session=session, source_create=feed("x")).id or 0
    first = add_documents(
        session=session,
        documents=[
            document_create("a", url="https://x.example/a", source_id=source_id),
            document_create("b"),
        ],
    )
    assert [doc.sha256 for doc in first.new] == [document_create(t).sha256 for t in "ab"]
    second = add_documents(
        session=session,
        documents=[document_create("a"), document_create("c"), document_create("c")],
    )
    assert [doc.sha256 for doc in second.new] == [document_create("c").sha256]
    assert sorted(second.duplicates) == sorted([document_create(t).sha256 for t in "ac"])
    assert find_by_sha256(session=session, sha256=document_create("b").sha256) is not None
    urls = ["https://x.example/a", "https://y"]
    assert known_urls(session=session, source_id=source_id, urls=urls) == {"https://x.example/a"}
    assert known_urls(session=session, source_id=source_id + 1, urls=urls) == set()
    assert set(known_sha256s(session=session, sha256s=[document_create("c").sha256])) == {
        document_create("c").sha256
    }


def test_concurrent_inserts_of_the_same_content_do_not_collide(engine: Engine) -> None:
    """Two writers insert the same sha256 at once: one row, the other sees a duplicate."""
    barrier = threading.Barrier(2)
    results: list[int] = []

    def writer() -> None:
        with session_scope(engine) as own:
            barrier.wait()
            outcome = add_documents(session=own, documents=[document_create("race")])
            results.append(len(outcome.new))

    threads = [threading.Thread(target=writer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [0, 1]


def test_concurrent_upserts_of_a_new_source_do_not_collide(engine: Engine) -> None:
    """Two runs sync the same new source at once: one row, both commit."""
    barrier = threading.Barrier(2)
    ids: list[int | None] = []

    def syncer(reliability: str) -> None:
        with session_scope(engine) as own:
            barrier.wait()
            changed = feed().model_copy(update={"reliability": reliability})
            ids.append(upsert_source(session=own, source_create=changed).id)

    threads = [threading.Thread(target=syncer, args=(grade,)) for grade in "AB"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with session_scope(engine) as check:
        sources = list_sources(session=check)
    assert len(ids) == 2 and len(set(ids)) == 1
    assert [s.name for s in sources] == ["regulator"] and sources[0].reliability in {"A", "B"}


def test_failed_documents_can_be_removed_for_a_retry(session: Session) -> None:
    add_documents(
        session=session,
        documents=[
            document_create("bad", status=DocumentStatus.FAILED, error="corrupt"),
            document_create("good"),
        ],
    )
    assert delete_failed_document(session=session, sha256=document_create("bad").sha256)
    assert not delete_failed_document(session=session, sha256=document_create("good").sha256)


def test_runs_and_failures(session: Session) -> None:
    run = start_run(session=session, flow="ingest")
    assert run.status == RunStatus.RUNNING and run.owner
    failure = record_failure(
        session=session, run_id=run.id or 0, source_id=None, item="https://x/a", reason="HTTP 404"
    )
    finished = finish_run(session=session, run_id=run.id or 0, counts={"new": 1, "failed": 1})
    assert finished.status == RunStatus.PARTIAL and finished.finished_at is not None
    ok = finish_run(
        session=session, run_id=start_run(session=session, flow="ingest").id or 0, counts={"new": 2}
    )
    assert ok.status == RunStatus.SUCCEEDED
    assert [f.reason for f in list_failures(session=session)] == ["HTTP 404"]
    retry_failure(session=session, failure_id=failure.id or 0, username=Operator("ops"))
    assert [f.id for f in list_retry_requests(session=session)] == [failure.id]
    audit = session.exec(select(ReviewEvent).where(ReviewEvent.entity_type == "failure")).one()
    assert (audit.username, audit.action, audit.entity_id) == ("ops", "retry", failure.id)
    resolve_failure(session=session, failure_id=failure.id or 0)
    assert list_failures(session=session) == []
    assert list_failures(session=session, unresolved_only=False) == [failure]


def test_crashed_runs_are_told_apart_from_live_ones(session: Session) -> None:
    import socket

    host = socket.gethostname()
    live = start_run(session=session, flow="ingest")
    dead = start_run(session=session, flow="ingest")
    dead.owner = f"{host}:4242"
    remote_recent = start_run(session=session, flow="ingest")
    remote_recent.owner = "other-host:1"
    remote_old = start_run(session=session, flow="ingest")
    remote_old.owner = "other-host:2"
    remote_old.started_at = utcnow() - timedelta(hours=7)
    other_flow = start_run(session=session, flow="extract")
    other_flow.owner = f"{host}:4242"
    for run in (dead, remote_recent, remote_old, other_flow):
        session.add(run)
    session.commit()
    crashed = mark_crashed_runs(
        session=session,
        flow="ingest",
        stale_after=timedelta(hours=6),
        alive=lambda pid: pid != 4242,
    )
    assert {run.id for run in crashed} == {dead.id, remote_old.id}
    session.refresh(live)
    assert live.status == RunStatus.RUNNING
