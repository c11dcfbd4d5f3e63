"""`radintel deploy --pool NAME`: the scheduled flows as deployments on a Prefect work pool."""

from __future__ import annotations

from typing import Annotated

import typer

from flows.errors import UserError
from flows.settings import get_flow_settings


def register(app: typer.Typer) -> None:
    app.command("deploy")(deploy)


def deploy(
    pool: Annotated[str, typer.Option("--pool", help="work pool (process type; made if missing)")],
) -> None:
    """Register ingestion (feeds, inboxes), extraction and the assessment draft as deployments
    of the work pool, with their schedules, for `prefect worker start --pool NAME` on each
    worker machine. Needs PREFECT_API_URL: the unit's Prefect server."""
    from prefect.settings import PREFECT_API_URL

    from flows import deployments

    if not PREFECT_API_URL.value():
        raise UserError("set PREFECT_API_URL to the Prefect server the workers poll")
    if not pool.strip():
        raise UserError("--pool needs a name")
    if deployments.ensure_work_pool(pool):
        typer.echo(f"work pool {pool!r} created (process)")
    for spec in deployments.deployment_specs(get_flow_settings()):
        schedule = f"cron {spec.cron!r}" if spec.cron else f"every {spec.interval}"
        deployments.register(spec, pool)
        typer.echo(f"deployed {spec.name} ({spec.entrypoint}, {schedule}) on {pool}")
