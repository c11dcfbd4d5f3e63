"""`radintel evaluate-alerts` on a tiny gold set, end to end in its scratch database, and its
refusal of a gold file naming an unknown alert; `radintel alerts watch|unwatch`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from flows.commands import alerts
from nlp.vocabulary import AlertKind, Tlp
from storage.alerts import create_alert, watchers_of
from storage.db import session_scope
from storage.models import AlertCreate
from tests.factories import create_user, ident

GOLD = Path(__file__).parent / "data" / "alerts"


def cli() -> typer.Typer:
    app = typer.Typer()
    alerts.register(app)
    return app


@pytest.mark.slow  # loads the extraction models, shared with the other slow tests
def test_evaluate_alerts_prints_precision_recall_and_latency(data_dir: Path) -> None:
    result = CliRunner().invoke(
        cli(),
        ["evaluate-alerts", "--gold", str(GOLD / "gold.jsonl"), "--json"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["matches"] == {"precision": 1.0, "recall": 1.0, "tp": 2, "fp": 0, "fn": 0}
    assert report["recovery"]["tp"] == 1 and report["notifications"] == 2
    assert 0 < report["latency_seconds"]["median"] <= report["latency_seconds"]["p95"]
    assert not data_dir.exists()  # the scratch database, never the configured one


def test_a_gold_line_naming_an_unknown_alert_is_refused(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "x", "text": "t", "published": "2026-01-01", "alerts": ["Z9"]}\n')
    (tmp_path / "alerts.yaml").write_text((GOLD / "alerts.yaml").read_text())
    result = CliRunner().invoke(cli(), ["evaluate-alerts", "--gold", str(gold)])
    assert result.exit_code != 0 and "unknown alerts ['Z9']" in str(result.exception)


def test_watchers_from_the_command_line(engine: Engine) -> None:
    with session_scope(engine) as session:
        create_user(session, "ana")
        create_user(session, "cleo", clearance=Tlp.AMBER)
        create_user(session, "trainee", clearance=Tlp.GREEN)
        person = AlertCreate(kind=AlertKind.PERSON, title="Broker", name="Pavel Orlov")
        alert_id = ident(create_alert(session=session, user="ana", alert_create=person))
    refused = CliRunner().invoke(cli(), ["alerts", "watch", str(alert_id), "--user", "trainee"])
    assert refused.exit_code != 0
    assert "trainee may not read a TLP:AMBER alert" in str(refused.exception)
    added = CliRunner().invoke(cli(), ["alerts", "watch", str(alert_id), "--user", "cleo"])
    assert added.exit_code == 0 and f"cleo watches alert {alert_id}" in added.output
    removed = CliRunner().invoke(
        cli(), ["alerts", "unwatch", str(alert_id), "--user", "ana", "--as", "cleo"]
    )
    assert removed.exit_code == 0, removed.output
    with session_scope(engine) as session:
        assert watchers_of(session=session, alert_id=alert_id) == ["cleo"]
