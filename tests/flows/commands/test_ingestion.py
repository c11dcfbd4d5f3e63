"""The command line of ingestion, and the demo end to end (extraction included)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from sqlmodel import col, select
from typer.testing import CliRunner

from flows.commands import ingestion
from flows.demo_setup import demo_source_names
from nlp.vocabulary import (
    AlertKind,
    AlertMatchStatus,
    AssessmentStatus,
    DocumentStatus,
    IncidentStatus,
    Tlp,
)
from storage.assessments import snapshot_of
from storage.db import session_scope
from storage.models import (
    Alert,
    AlertMatch,
    AlertWatcher,
    Assessment,
    Document,
    Incident,
    ReviewEvent,
)
from storage.objectstore import get_object_store
from storage.search.search import search
from tests.factories import documents, failures, runs

pytestmark = pytest.mark.usefixtures("prefect_harness", "ingest_env")


def cli() -> typer.Typer:
    app = typer.Typer()
    ingestion.register(app)
    return app


def invoke(*args: str) -> str:
    result = CliRunner().invoke(cli(), list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_sources_add_list_disable(ingest_env: Path) -> None:
    invoke(
        "sources",
        "add",
        "gazette",
        "--kind",
        "feed",
        "--url",
        "https://example.org/rss",
        "--reliability",
        "b",
        "--marking",
        "TLP:CLEAR",
        "--country",
        "fr",
    )
    invoke("sources", "add", "bureau", "--kind", "inbox_folder", "--inbox", "inbox/b")
    listing = invoke("sources", "list")
    assert "gazette" in listing and "TLP:CLEAR" in listing and "inbox/b" in listing
    invoke("sources", "disable", "gazette")
    text = (ingest_env / "sources.yaml").read_text()
    assert "enabled: false" in text and "bureau_country: FR" in text
    bad = CliRunner().invoke(cli(), ["sources", "add", "x", "--kind", "feed"])
    assert bad.exit_code != 0


def test_failures_retry_is_audited_with_who_asked(ingest_env: Path) -> None:
    import getpass

    from sqlmodel import select

    from storage.db import session_scope
    from storage.models import IngestFailure, IngestRun, ReviewEvent

    with session_scope() as session:
        run = IngestRun(flow="ingest")
        session.add(run)
        session.flush()
        session.add(IngestFailure(run_id=run.id or 0, item="inbox/a.pdf", reason="corrupt"))
    (failure,) = failures()
    output = invoke("failures", "retry", str(failure.id), "--as", "ops")
    assert f"failure {failure.id} will be retried by the next `radintel ingest`" in output
    invoke("failures", "retry", str(failure.id))
    with session_scope() as session:
        events = session.exec(select(ReviewEvent).order_by(ReviewEvent.id)).all()  # type: ignore[arg-type]
    assert [(e.username, e.action, e.entity_id) for e in events] == [
        ("ops", "retry", failure.id),
        (getpass.getuser(), "retry", failure.id),
    ]
    assert failures()[0].retried_at is not None


def test_unknown_source_is_a_user_error(ingest_env: Path) -> None:
    from flows.errors import UserError

    with pytest.raises(UserError, match="unknown sources: nope"):
        CliRunner().invoke(cli(), ["ingest", "--source", "nope"], catch_exceptions=False)


@pytest.mark.slow
def test_demo_then_ingest_adds_nothing(ingest_env: Path) -> None:
    output = invoke("demo", "--no-ui")
    assert "demo-bureau" in output and "extraction" in output
    stored = documents()
    statuses = {doc.status for doc in stored}
    assert DocumentStatus.FAILED in statuses and len(stored) > 30
    assert {doc.source_id for doc in stored} and all(doc.raw_key for doc in stored)
    assert (ingest_env / "inbox" / "demo-bureau" / "quarantine").is_dir()
    assert failures() and all(f.reason for f in failures())
    assert_every_stage_shown(output)
    again = invoke("ingest")  # the demo's feeds and pages: only `radintel demo` fetches them
    assert len(documents()) == len(stored)
    assert "demo-bureau" in again and "demo-feed" not in again and "demo-web" not in again
    invoke("demo", "--no-ui")  # the demo again: its file fetcher finds feeds and pages unchanged
    assert len(documents()) == len(stored)
    ingest_runs = [run for run in runs() if run.flow == "ingest"]
    demo_runs = ingest_runs[-len(demo_source_names()) :]
    assert sum(run.counts.get("not_modified", 0) for run in demo_runs) == 18
    assert not any((ingest_env / "inbox" / "demo-bureau").glob("*.*"))
    assert_every_stage_shown(output)  # the rerun made no second incident or edition


def assert_every_stage_shown(output: str) -> None:
    """The demo ends with confirmed incidents, decided by the demo analyst, and one
    assessment drafted by one demo editor and published by another."""
    assert "20 incidents confirmed" in output or "0 incidents confirmed" in output
    with session_scope() as session:
        incidents = session.exec(select(Incident)).all()
        assert len(incidents) == 20
        assert {i.status for i in incidents} == {IncidentStatus.CONFIRMED}
        assert {i.confirmed_by for i in incidents} == {"analyst"}
        actions = session.exec(
            select(ReviewEvent.action).where(ReviewEvent.username == "analyst")
        ).all()
        assert {"bulk_confirm", "open", "edit", "confirm"} <= set(actions)
        [edition] = session.exec(select(Assessment)).all()
        assert (edition.status, edition.author, edition.published_by) == (
            AssessmentStatus.PUBLISHED,
            "editor",
            "chief-editor",
        )
        assert len(snapshot_of(edition).incidents) == 11  # confirmed in 2025-Q2
        assert set(edition.outputs) == {"html", "pdf", "md"}
        assert all(get_object_store().exists(key) for key in edition.outputs.values())
    assert_demo_alerts_matched()


def assert_demo_alerts_matched() -> None:
    """The analyst raised a source alert from the Saint-Priest theft and a person alert;
    the Spanish follow-up, six months later, is a pending match with its decay line."""
    with session_scope() as session:
        alerts = {a.kind: a for a in session.exec(select(Alert)).all()}
        assert set(alerts) == {AlertKind.SOURCE, AlertKind.PERSON}
        source, person = alerts[AlertKind.SOURCE], alerts[AlertKind.PERSON]
        assert source.incident_id is not None and source.nuclide == "Ir-192"
        watchers = session.exec(select(AlertWatcher.username)).all()
        assert sorted(watchers) == ["analyst", "analyst"]
        follow_up = session.exec(
            select(Document).where(col(Document.external_id).endswith("#ES-2025-1187"))
        ).one()
        found = {
            m.alert_id: m
            for m in session.exec(
                select(AlertMatch).where(AlertMatch.document_id == follow_up.id)
            ).all()
        }
        match = found[source.id]
        assert (match.status, match.reports_recovery) == (AlertMatchStatus.PENDING, True)
        assert match.evidence["decay"]["text"].startswith("expected 188 GBq on 2025-11-20")
        assert match.evidence["decay"]["compatible"] is True
        assert person.id in found  # named in Latin script, the alert in Arabic
        # A search in Arabic script finds the Spanish submission naming him in Latin script.
        page = search(session=session, query="سمير الوزاني", clearance=Tlp.AMBER)
        assert ("document", follow_up.id) in {(r.kind, r.id) for r in page.results}
