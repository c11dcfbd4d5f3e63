"""The ingestion flow under Prefect's ephemeral test server."""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.ingest import ingest_flow
from nlp.vocabulary import DocumentStatus, RunStatus, Tlp
from storage.authz import Operator
from storage.db import session_scope
from storage.objectstore import get_object_store
from storage.runs import retry_failure
from tests.factories import by_source, declare, documents, failures, runs, write
from tests.flows import samples
from tests.support.http_server import LocalServer, Reply

pytestmark = pytest.mark.usefixtures("prefect_harness", "ingest_env")
MB = 1024 * 1024


def serve_pages(server: LocalServer) -> None:
    for path, html in samples.PAGES.items():
        server.routes[path] = Reply(body=html.encode(), headers={"Content-Type": "text/html"})
    server.routes["/feed.xml"] = Reply(
        body=samples.feed_for_pages(server.base),
        headers={"Content-Type": "application/rss+xml"},
        etag='"feed-v1"',
    )


def test_feed_pages_are_fetched_stored_and_not_fetched_again(http_server: LocalServer) -> None:
    serve_pages(http_server)
    declare("news", "feed", url=http_server.url("/feed.xml"), reliability="C", language_hint="en")
    first = by_source(ingest_flow())["news"]
    assert first["counts"] == {
        "new": 2,
        "duplicates": 0,
        "failed": 0,
        "not_modified": 0,
        "needs_ocr": 0,
    }
    stored = documents()
    assert {doc.format for doc in stored} == {"html"}
    assert {doc.language for doc in stored} == {"en", "fr"}
    assert all(doc.reliability == "C" and doc.marking == Tlp.GREEN for doc in stored)
    assert all(doc.published_at is not None and doc.source_id for doc in stored)
    english = next(doc for doc in stored if doc.language == "en")
    assert b"Northwind Surveys" in get_object_store().get(english.text_key or "")
    assert get_object_store().exists(english.raw_key or "")

    second = by_source(ingest_flow())["news"]
    assert second["counts"]["not_modified"] == 1 and second["counts"]["new"] == 0
    assert len(documents()) == 2
    assert http_server.hits["/page-en.html"] == 1


def test_feed_without_etag_counts_known_entries_as_duplicates(http_server: LocalServer) -> None:
    serve_pages(http_server)
    http_server.routes["/feed.xml"] = Reply(body=samples.feed_for_pages(http_server.base))
    declare("news", "feed", url=http_server.url("/feed.xml"))
    ingest_flow()
    again = by_source(ingest_flow())["news"]["counts"]
    assert again["duplicates"] == 2 and again["new"] == 0 and len(documents()) == 2


def test_web_pages_dedupe_on_content(http_server: LocalServer) -> None:
    serve_pages(http_server)
    same = samples.PAGES["/page-en.html"].encode()
    http_server.routes["/mirror.html"] = Reply(body=same, headers={"Content-Type": "text/html"})
    urls = [http_server.url(p) for p in ("/page-en.html", "/page-fr.html", "/mirror.html")]
    declare("pages", "web", urls=urls)
    counts = by_source(ingest_flow())["pages"]["counts"]
    assert counts["new"] == 2 and counts["duplicates"] == 1


def test_bad_inputs_are_recorded_and_never_stop_the_run(http_server: LocalServer) -> None:
    serve_pages(http_server)
    http_server.routes["/slow.xml"] = Reply(body=b"<rss/>", delay=2.5)
    http_server.routes["/private.xml"] = Reply(
        status=302, headers={"Location": "http://169.254.169.254/latest/meta-data/"}
    )
    http_server.routes["/huge.xml"] = Reply(body=b"<" * (256 * 1024), chunks=300)
    http_server.routes["/broken.xml"] = Reply(
        body=b"<?xml version='1.0'?><rss><channel><item><title>x</ti",
        headers={"Content-Type": "application/rss+xml"},
    )
    for name in ("slow", "private", "huge", "broken"):
        declare(name, "feed", url=http_server.url(f"/{name}.xml"))
    declare("news", "feed", url=http_server.url("/feed.xml"))
    results = by_source(ingest_flow())
    assert results["news"]["counts"]["new"] == 2
    reasons = {failure.item.rsplit("/", 1)[-1]: failure.reason for failure in failures()}
    assert "timeout" in reasons["slow.xml"]
    assert "non-public" in reasons["private.xml"]
    assert reasons["huge.xml"] == f"too large: >{50 * MB} bytes"
    assert "feed" in reasons["broken.xml"]
    assert http_server.hits["/slow.xml"] == 2  # one retry (RADINTEL_FETCH_RETRY_DELAYS)
    for name in ("slow", "private", "huge", "broken"):
        assert results[name]["status"] == RunStatus.PARTIAL.value
        assert results[name]["counts"]["failed"] == 1
    broken = [doc for doc in documents() if doc.status == DocumentStatus.FAILED]
    assert len(broken) == 1 and get_object_store().get(broken[0].raw_key or "").startswith(b"<?xml")


def test_inbox_files_are_moved_and_bad_ones_quarantined(ingest_env: Path) -> None:
    inbox = ingest_env / "inbox" / "bureau-es"
    write(inbox, "nota robo (1).txt", samples.SPANISH_NOTE)
    write(inbox, "mensaje.eml", samples.email_with_attachment())
    write(inbox, "copy-of-nota.txt", samples.SPANISH_NOTE)
    write(inbox, "broken.pdf", b"%PDF-1.7\n garbage that is no pdf")
    write(inbox, "empty.txt", b"")
    with (inbox / "huge.pdf").open("wb") as handle:
        handle.truncate(200 * MB)  # sparse: refused by the cap without being read
    declare(
        "bureau-es",
        "inbox_folder",
        inbox="inbox/bureau-es",
        bureau_country="ES",
        default_marking="TLP:AMBER",
        reliability="B",
        language_hint="es",
    )
    result = by_source(ingest_flow())["bureau-es"]
    assert result["counts"]["new"] == 3  # the note, the e-mail and its attachment
    assert result["counts"]["duplicates"] == 1
    assert result["counts"]["failed"] == 3
    assert sorted(p.name for p in (inbox / "processed").iterdir()) == [
        "copy-of-nota.txt",
        "mensaje.eml",
        "nota_robo_1_.txt",
    ]
    quarantined = sorted(p.name for p in (inbox / "quarantine").iterdir())
    assert quarantined == sorted(
        f"{n}{s}" for n in ("broken.pdf", "empty.txt", "huge.pdf") for s in ("", ".reason.txt")
    )
    assert (inbox / "quarantine" / "huge.pdf.reason.txt").read_text().startswith("too large")
    assert [p.name for p in inbox.iterdir() if p.is_file()] == []
    stored = documents()
    mail = next(doc for doc in stored if doc.format == "eml")
    child = next(doc for doc in stored if doc.parent_id == mail.id)
    assert child.language == "es" and child.marking == Tlp.AMBER and child.bureau_country == "ES"
    assert all(f.quarantine_path for f in failures())
    assert by_source(ingest_flow())["bureau-es"]["counts"]["new"] == 0


def test_submission_marking_overrides_the_source_default(ingest_env: Path) -> None:
    submission = (
        '{"bureau_country": "FR", "reference": "FR-TEST-7", "reporting_date": "2025-05-02",'
        ' "narrative": "Une jauge de densité contenant du césium 137 a été volée sur un '
        'chantier de la société fictive Batiloire à Nantes.", "marking": "TLP:RED"}'
    )
    write(ingest_env / "inbox" / "fr", "submission.json", submission.encode())
    declare("bureau-fr", "inbox_folder", inbox=str(ingest_env / "inbox" / "fr"))
    ingest_flow()
    (document,) = documents()
    assert document.marking == Tlp.RED and document.bureau_reference == "FR-TEST-7"
    assert document.bureau_country == "FR" and document.submission is not None


def test_retry_puts_a_quarantined_file_back(ingest_env: Path) -> None:
    inbox = ingest_env / "inbox" / "ar"
    write(inbox, "note.txt", b"")
    declare("bureau-ar", "inbox_folder", inbox=str(inbox))
    ingest_flow()
    (failure,) = failures()
    assert failure.reason == "empty file"
    quarantined = inbox / "quarantine" / "note.txt"
    quarantined.write_bytes(samples.ARABIC_NOTE)  # the operator replaces the broken file
    with session_scope() as session:
        retry_failure(session=session, failure_id=failure.id or 0, username=Operator("ops"))
    result = by_source(ingest_flow())["bureau-ar"]
    assert result["counts"]["new"] == 1
    assert [doc.language for doc in documents() if doc.status == DocumentStatus.PENDING] == ["ar"]
    assert failures()[0].resolved


def test_a_run_left_running_by_a_dead_process_is_marked_crashed(ingest_env: Path) -> None:
    from storage.models import IngestRun

    with session_scope() as session:
        session.add(IngestRun(flow="ingest", owner="elsewhere:1"))
        session.add(IngestRun(flow="ingest", owner=f"{__import__('socket').gethostname()}:999999"))
        session.commit()
    ingest_flow()
    assert [run.status for run in runs()] == [RunStatus.RUNNING, RunStatus.CRASHED]


def test_scheduled_runs_honour_each_source_schedule(ingest_env: Path) -> None:
    write(ingest_env / "inbox" / "hourly", "a.txt", samples.text_note("hourly"))
    declare("hourly", "inbox_folder", inbox="inbox/hourly", schedule_minutes=60)
    declare("often", "inbox_folder", inbox="inbox/often", schedule_minutes=1)
    (ingest_env / "inbox" / "often").mkdir()
    assert set(by_source(ingest_flow(scheduled=True))) == {"hourly", "often"}
    assert by_source(ingest_flow(scheduled=True)) == {}
    assert set(by_source(ingest_flow(source_names=["hourly"]))) == {"hourly"}
