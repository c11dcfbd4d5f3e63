"""Deployments on a work pool, for a unit with many machines (`radintel deploy --pool`).

Each deployment points at this project directory (`Flow.from_source` on a local path, no image
is built): every worker machine runs the same code at the same path, with the same settings.
`radintel serve` stays for one machine. Safety under many workers:
- ingestion: one run of each ingestion deployment at a time (deployment concurrency 1, late
  runs enqueued), so a source is never fetched by two workers at once;
- extraction: any number of runs at once; they claim documents (storage.claims), so no
  document is extracted twice, and a crashed worker's claims expire;
- linking (catching up documents a failed link step left unindexed): one run at a time;
- e-mail of notifications: one run at a time, so no message is sent twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from prefect import Flow
from prefect.client.orchestration import get_client
from prefect.client.schemas.actions import WorkPoolCreate
from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
from prefect.exceptions import ObjectNotFound

from flows.ingest import FEED_KINDS, INBOX_KINDS
from flows.settings import FlowSettings

PROJECT_DIR = Path(__file__).resolve().parents[1]
ONE_AT_A_TIME = ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.ENQUEUE)


@dataclass(frozen=True)
class DeploymentSpec:
    name: str
    entrypoint: str  # path:flow, relative to PROJECT_DIR
    parameters: dict[str, Any] = field(default_factory=dict)
    interval: timedelta | None = None
    cron: str | None = None
    concurrency: ConcurrencyLimitConfig | None = None


def deployment_specs(settings: FlowSettings) -> list[DeploymentSpec]:
    """The scheduled work of the platform. Extraction proposes links for each batch it
    extracts; the linking deployment catches up what a failed link step left unindexed."""
    feeds, inboxes = ([kind.value for kind in kinds] for kinds in (FEED_KINDS, INBOX_KINDS))
    ingest = "flows/ingest.py:ingest_flow"
    every = timedelta(minutes=settings.inbox_schedule_minutes)
    return [
        DeploymentSpec(
            "feeds",
            ingest,
            {"kinds": feeds, "scheduled": True},
            interval=timedelta(minutes=settings.feed_schedule_minutes),
            concurrency=ONE_AT_A_TIME,
        ),
        DeploymentSpec(
            "inboxes",
            ingest,
            {"kinds": inboxes, "scheduled": True},
            interval=every,
            concurrency=ONE_AT_A_TIME,
        ),
        DeploymentSpec("extraction", "flows/extract.py:extract_flow", interval=every),
        DeploymentSpec(
            "linking", "flows/link.py:link_flow", interval=every, concurrency=ONE_AT_A_TIME
        ),
        DeploymentSpec(
            "notifications",
            "flows/notify.py:notify_flow",
            interval=timedelta(minutes=settings.notify_schedule_minutes),
            concurrency=ONE_AT_A_TIME,  # two runs at once would e-mail a message twice
        ),
        DeploymentSpec(
            "assessment-drafts",
            "flows/assessment_schedule.py:draft_assessment_flow",
            cron=settings.assessment_cron,
            concurrency=ONE_AT_A_TIME,
        ),
    ]


def ensure_work_pool(name: str) -> bool:
    """Create the process work pool if missing; True when it was created."""
    with get_client(sync_client=True) as client:
        try:
            client.read_work_pool(name)
            return False
        except ObjectNotFound:
            client.create_work_pool(WorkPoolCreate(name=name, type="process"))
            return True


def register(spec: DeploymentSpec, pool: str) -> str:
    """Create or update one deployment on the pool; its id."""
    flow = Flow.from_source(source=str(PROJECT_DIR), entrypoint=spec.entrypoint)
    if not isinstance(flow, Flow):  # the coroutine variant is for async callers only
        raise TypeError("expected a Flow")
    deployment_id = flow.deploy(
        name=spec.name,
        work_pool_name=pool,
        build=False,
        push=False,
        parameters=spec.parameters,
        interval=spec.interval,
        cron=spec.cron,
        concurrency_limit=spec.concurrency,
        job_variables={"env": {"PYTHONPATH": str(PROJECT_DIR)}},
        print_next_steps=False,
        ignore_warnings=True,
    )
    return str(deployment_id)
