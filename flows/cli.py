"""The `radintel` command line. Each command group lives in flows/commands/<name>.py
and exposes `register(app)`; this module only wires them together."""

from __future__ import annotations

import importlib
import sys

import typer

from flows.errors import UserError
from flows.runtime import configure_runtime

COMMAND_MODULES = (
    "flows.commands.platform",  # init, status, users
    "flows.commands.extraction",  # extract, evaluate
    "flows.commands.linking",  # evaluate-links
    "flows.commands.ingestion",  # sources, ingest, serve, demo
    "flows.commands.review",  # ui, seed-synthetic
    "flows.commands.exports",  # export
    "flows.commands.assessments",  # assessment draft, submit, publish, list, render...
    "flows.commands.deploy",  # deploy --pool
    "flows.commands.operations",  # backup, restore
    "flows.commands.monitoring",  # metrics
    "flows.commands.notify",  # notify
    "flows.commands.notices",  # notices list|draft|submit|publish|render
    "flows.commands.alerts",  # alerts list|show|create|close|match, evaluate-alerts
    "flows.commands.search",  # search, search --reindex
)

app = typer.Typer(
    name="radintel",
    help="Radiological and nuclear incident intelligence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def build_app() -> typer.Typer:
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)
    return app


def main() -> None:
    configure_runtime()
    build_app()
    try:
        app()
    except UserError as error:
        typer.secho(f"error: {error}", err=True, fg=typer.colors.RED)
        sys.exit(2)
