"""The command line of ingestion, and the demo end to end (extraction included)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from flows.commands import ingestion
from storage.models import DocumentStatus
from tests.factories import documents, failures

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
    again = invoke("ingest")
    assert len(documents()) == len(stored)
    assert "not_modif" in again
    assert not any((ingest_env / "inbox" / "demo-bureau").glob("*.*"))
