"""The Prometheus exporters, scraped over HTTP after a small ingestion."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from prometheus_client import REGISTRY, CollectorRegistry
from prometheus_client.parser import text_string_to_metric_families

from flows.ingest import ingest_flow
from flows.metrics import (
    database_registry,
    observe_extraction,
    process_registry,
    start_exporter,
)
from tests.conftest import clear_caches
from tests.factories import declare, write
from tests.flows import samples

ROOT = Path(__file__).resolve().parents[2]
Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


@contextmanager
def exporter(registry: CollectorRegistry) -> Iterator[str]:
    server, thread = start_exporter(0, "127.0.0.1", registry)
    try:
        yield f"http://127.0.0.1:{server.server_port}/metrics"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def scrape(registry: CollectorRegistry) -> Samples:
    with exporter(registry) as url:
        response = httpx.get(url, timeout=10)
    response.raise_for_status()
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def source(name: str) -> tuple[tuple[str, str], ...]:
    return (("source", name),)


@pytest.mark.usefixtures("prefect_harness")
def test_database_figures_after_an_ingestion(ingest_env: Path) -> None:
    inbox = ingest_env / "inbox" / "bureau"
    for number in range(2):
        write(inbox, f"note-{number}.txt", samples.text_note(f"n{number}"))
    write(inbox, "broken.pdf", b"%PDF-1.7 not really a PDF")
    declare("bureau", "inbox_folder", inbox="inbox/bureau")
    before = time.time()
    ingest_flow()
    figures = scrape(database_registry())
    assert figures[("radintel_database_up", ())] == 1
    assert figures[("radintel_source_documents", source("bureau"))] == 3
    assert figures[("radintel_source_failures", source("bureau"))] == 1
    finished = figures[("radintel_source_last_success_timestamp_seconds", source("bureau"))]
    assert before - 1 <= finished <= time.time()
    assert figures[("radintel_extraction_queue_documents", ())] == 2
    assert figures[("radintel_findings_awaiting_review", ())] == 0


def test_unreachable_database_is_a_zero_not_an_error(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RADINTEL_DATABASE_URL", "postgresql+psycopg://u:p@127.0.0.1:1/radintel")
    clear_caches()
    figures = scrape(database_registry())
    assert figures == {("radintel_database_up", ()): 0}


def test_extraction_latency_per_batch_and_per_document() -> None:
    def observed(name: str) -> float:
        return REGISTRY.get_sample_value(name) or 0.0

    batches = observed("radintel_extraction_batch_seconds_count")
    documents = observed("radintel_extraction_document_seconds_count")
    seconds = observed("radintel_extraction_document_seconds_sum")
    observe_extraction(2.0, 4)
    figures = scrape(REGISTRY)
    assert figures[("radintel_extraction_batch_seconds_count", ())] == batches + 1
    assert figures[("radintel_extraction_document_seconds_count", ())] == documents + 4
    assert figures[("radintel_extraction_document_seconds_sum", ())] == pytest.approx(seconds + 2)


def test_flow_run_processes_add_up_in_multiprocess_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a flow run's child process observes reaches the worker's exporter."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    child = "from flows.metrics import observe_extraction; observe_extraction(3.0, 3)"
    subprocess.run([sys.executable, "-c", child], cwd=ROOT, env=env, check=True, timeout=120)
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    figures = scrape(process_registry())
    assert figures[("radintel_extraction_batch_seconds_count", ())] == 1
    assert figures[("radintel_extraction_document_seconds_count", ())] == 3
    assert figures[("radintel_extraction_document_seconds_sum", ())] == 3
