"""Prometheus metrics: extraction latency observed in-process, and the deployment's figures
read from the database at scrape time (`radintel metrics`).

The process metrics live in prometheus-client's default registry (a scheduler or worker
started with RADINTEL_METRICS_PORT exports them). Flow runs that Prefect starts in child
processes share them when PROMETHEUS_MULTIPROC_DIR names a folder common to the parent and
its children (prometheus-client's multiprocess mode)."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from wsgiref.simple_server import WSGIServer

from prometheus_client import REGISTRY, CollectorRegistry, Histogram, multiprocess
from prometheus_client import start_http_server as start_prometheus_server
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from flows.settings import get_flow_settings
from storage.db import get_engine
from storage.metrics import (
    documents_per_source,
    extraction_queue_depth,
    failures_per_source,
    findings_awaiting_review,
    last_success_per_source,
)

logger = logging.getLogger(__name__)
LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600)

EXTRACTION_BATCH_SECONDS = Histogram(
    "radintel_extraction_batch_seconds",
    "Time to extract one batch of documents, storage included.",
    buckets=LATENCY_BUCKETS,
)
EXTRACTION_DOCUMENT_SECONDS = Histogram(
    "radintel_extraction_document_seconds",
    "Extraction time per document (its batch's time divided by the batch's documents).",
    buckets=LATENCY_BUCKETS,
)


def observe_extraction(seconds: float, documents: int) -> None:
    EXTRACTION_BATCH_SECONDS.observe(seconds)
    for _ in range(documents):
        EXTRACTION_DOCUMENT_SECONDS.observe(seconds / documents)


def _per_source(name: str, documentation: str, values: dict[str, float]) -> GaugeMetricFamily:
    family = GaugeMetricFamily(name, documentation, labels=["source"])
    for source, value in sorted(values.items()):
        family.add_metric([source], value)
    return family


def _epoch(moment: datetime) -> float:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def _database_figures(session: Session) -> list[Metric]:
    last_success = last_success_per_source(session=session)
    return [
        _per_source(
            "radintel_source_documents",
            "Documents stored per source.",
            {k: float(v) for k, v in documents_per_source(session=session).items()},
        ),
        _per_source(
            "radintel_source_failures",
            "Inputs that could not be ingested or extracted, per source.",
            {k: float(v) for k, v in failures_per_source(session=session).items()},
        ),
        _per_source(
            "radintel_source_last_success_timestamp_seconds",
            "When the source's last ingestion run that did not fail finished (Unix time).",
            {k: _epoch(v) for k, v in last_success.items()},
        ),
        GaugeMetricFamily(
            "radintel_extraction_queue_documents",
            "Documents with text awaiting extraction.",
            value=extraction_queue_depth(session=session),
        ),
        GaugeMetricFamily(
            "radintel_findings_awaiting_review",
            "Machine findings no analyst has reviewed yet.",
            value=findings_awaiting_review(session=session),
        ),
    ]


class DatabaseCollector(Collector):
    """The deployment's figures, one short query each, read when Prometheus scrapes."""

    def collect(self) -> Iterator[Metric]:
        try:
            with Session(get_engine()) as session:
                figures = _database_figures(session)
        except SQLAlchemyError as error:  # the scrape still answers, saying the DB is down
            logger.warning("metrics: database unreachable: %s", str(error).splitlines()[0])
            figures = []
        yield GaugeMetricFamily(
            "radintel_database_up",
            "1 when the last scrape could read the database.",
            value=1 if figures else 0,
        )
        yield from figures


def database_registry() -> CollectorRegistry:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(DatabaseCollector())
    return registry


def process_registry() -> CollectorRegistry:
    """This process's metrics, or every process's in prometheus-client's multiprocess mode."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return REGISTRY
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return registry


def start_exporter(
    port: int, addr: str, registry: CollectorRegistry
) -> tuple[WSGIServer, threading.Thread]:
    """Serve `registry` on http://addr:port/metrics from a daemon thread (port 0: any free)."""
    server, thread = start_prometheus_server(port, addr=addr, registry=registry)
    logger.info("metrics on http://%s:%s/metrics", addr, server.server_port)
    return server, thread


def start_configured_exporter() -> tuple[WSGIServer, threading.Thread] | None:
    """The process exporter of a scheduler or worker, when RADINTEL_METRICS_PORT is set."""
    settings = get_flow_settings()
    if settings.metrics_port is None:
        return None
    return start_exporter(settings.metrics_port, settings.metrics_addr, process_registry())
