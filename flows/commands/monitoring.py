"""`radintel metrics`: the deployment's figures for Prometheus, read from the database."""

from __future__ import annotations

import threading
from typing import Annotated

import typer

from flows.metrics import database_registry, start_exporter
from flows.settings import get_flow_settings

DEFAULT_PORT = 9464  # the port commonly used by Prometheus exporters of applications


def metrics(
    port: Annotated[
        int | None, typer.Option(help="Port to serve on (default RADINTEL_METRICS_PORT, 9464).")
    ] = None,
    addr: Annotated[
        str | None, typer.Option(help="Address to bind (default RADINTEL_METRICS_ADDR).")
    ] = None,
) -> None:
    """Serve documents and failures per source, the extraction queue, findings awaiting
    review and each source's last successful run on /metrics until stopped. Run one per
    deployment: every figure is read from the shared database at scrape time."""
    settings = get_flow_settings()
    chosen_port = next(p for p in (port, settings.metrics_port, DEFAULT_PORT) if p is not None)
    bind = addr or settings.metrics_addr
    server, _ = start_exporter(chosen_port, bind, database_registry())
    typer.echo(f"metrics on http://{bind}:{server.server_port}/metrics")
    threading.Event().wait()  # the exporter's thread serves; Ctrl-C or SIGTERM ends it


def register(app: typer.Typer) -> None:
    app.command("metrics")(metrics)
