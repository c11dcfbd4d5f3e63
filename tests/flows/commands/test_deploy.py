"""`radintel deploy`: what it registers, and its refusal without a Prefect server."""

from __future__ import annotations

import pytest
import typer
from prefect.settings import PREFECT_API_URL, temporary_settings
from typer.testing import CliRunner

from flows.commands import deploy
from flows.deployments import ONE_AT_A_TIME, deployment_specs
from flows.errors import UserError
from flows.settings import FlowSettings


def test_every_schedule_is_a_deployment_and_only_extraction_runs_on_many_workers() -> None:
    settings = FlowSettings(feed_schedule_minutes=15, inbox_schedule_minutes=5)
    specs = {spec.name: spec for spec in deployment_specs(settings)}
    assert set(specs) == {
        "feeds", "inboxes", "extraction", "linking", "notifications", "assessment-drafts"
    }  # fmt: skip
    assert specs["feeds"].parameters["scheduled"] is True
    assert "inbox_folder" in specs["inboxes"].parameters["kinds"]
    assert specs["assessment-drafts"].cron == settings.assessment_cron
    limited = {name for name, spec in specs.items() if spec.concurrency == ONE_AT_A_TIME}
    assert limited == {"feeds", "inboxes", "linking", "notifications", "assessment-drafts"}


def test_deploy_needs_a_prefect_server(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    app = typer.Typer()
    deploy.register(app)
    app.command("unused")(lambda: None)  # two commands: typer keeps the command's name
    with temporary_settings(restore_defaults={PREFECT_API_URL}):  # even inside the harness
        result = CliRunner().invoke(app, ["deploy", "--pool", "radintel"])
    assert isinstance(result.exception, UserError)
    assert "PREFECT_API_URL" in str(result.exception)
