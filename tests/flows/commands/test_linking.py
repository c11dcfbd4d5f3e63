"""`radintel evaluate-links` on the linked-incident gold sets, and its refusals; `radintel
link --json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from flows.commands import linking
from flows.errors import UserError
from storage.db import session_scope
from tests.factories import create_link_pair

LINKS = Path(__file__).parents[3] / "evaluation" / "links"


def cli() -> typer.Typer:
    app = typer.Typer()
    linking.register(app)
    app.command("unused", hidden=True)(lambda: None)  # keeps evaluate-links a subcommand
    return app


@pytest.mark.slow
@pytest.mark.parametrize("name", ["gold.jsonl", "heldout.jsonl"])
def test_linking_meets_the_targets_on_both_gold_sets(name: str) -> None:
    result = CliRunner().invoke(
        cli(), ["evaluate-links", "--gold", str(LINKS / name), "--json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] == sum(1 for _ in (LINKS / name).open(encoding="utf-8"))
    assert report["candidate_pairs"] > 0
    assert report["pairwise"]["precision"] >= 0.95
    assert report["pairwise"]["recall"] >= 0.85
    assert report["bcubed"]["f1"] >= 0.9


def test_a_gold_line_without_a_cluster_is_refused(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        '{"id": "1", "language": "en", "title": "t", "published": "2025-01-01", "text": "x"}\n'
    )
    with pytest.raises(UserError, match="line 1: missing cluster"):
        CliRunner().invoke(cli(), ["evaluate-links", "--gold", str(gold)], catch_exceptions=False)


def test_a_missing_gold_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="gold file not found"):
        linking.evaluate_links(tmp_path / "none.jsonl")


@pytest.mark.usefixtures("prefect_harness")
def test_link_json_prints_the_new_proposals(engine: Engine) -> None:
    with session_scope(engine) as session:
        english, spanish = create_link_pair(session, external_id="en-1")
        spanish.external_id = "es-1"
        session.add(spanish)
    result = CliRunner().invoke(cli(), ["link", "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    [proposal] = json.loads(result.stdout)["proposals"]
    assert set(proposal) == {"score", "documents", "incident_id", "evidence"}
    assert proposal["incident_id"] is None and proposal["score"] >= 0.5
    assert proposal["documents"] == [
        {"id": english.id, "external_id": "en-1", "title": english.title},
        {"id": spanish.id, "external_id": "es-1", "title": spanish.title},
    ]
    assert {"kind", "left", "right", "weight", "note", "conflict"} <= set(proposal["evidence"][0])
    again = CliRunner().invoke(cli(), ["link", "--json"], catch_exceptions=False)
    assert json.loads(again.stdout) == {"proposals": []}
