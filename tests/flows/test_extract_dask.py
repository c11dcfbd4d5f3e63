"""Extraction fanned out on a local Dask cluster of two worker processes (prefect-dask)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client, LocalCluster, get_task_stream
from sqlmodel import Session, select

from flows.extract import extract_flow, get_extractor
from nlp.vocabulary import DocumentStatus
from storage.db import engine_for
from storage.models import Document
from storage.schema import create_schema
from tests.conftest import clear_caches
from tests.factories import create_document
from tests.flows import samples

pytestmark = [pytest.mark.deploy, pytest.mark.postgres, pytest.mark.slow]


def extractor_loads() -> int:
    """How many times this process loaded the extractor (run on each Dask worker)."""
    return get_extractor.cache_info().misses


@pytest.fixture
def cluster(pg_url: str, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Client]:
    """Workers start after the settings are in the environment: they inherit them."""
    monkeypatch.setenv("RADINTEL_DATABASE_URL", pg_url)
    clear_caches()
    create_schema(engine_for(pg_url))
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as lc,
        Client(lc) as client,
    ):
        monkeypatch.setenv("RADINTEL_DASK_ADDRESS", lc.scheduler_address)
        clear_caches()
        yield client


@pytest.mark.usefixtures("prefect_harness")
def test_extraction_batches_run_on_both_dask_workers(cluster: Client, pg_url: str) -> None:
    with Session(engine_for(pg_url)) as session:
        for number in range(16):
            create_document(session, samples.text_note(f"dask {number}").decode())
    with get_task_stream(cluster) as stream:
        counts = extract_flow(batch_size=2)
    assert counts["documents"] == 16 and counts.get("failed", 0) == 0
    assert len({task["worker"] for task in stream.data}) == 2
    assert set(cluster.run(extractor_loads).values()) == {1}  # once per worker, kept after
    with Session(engine_for(pg_url)) as session:
        statuses = {d.status for d in session.exec(select(Document)).all()}
    assert statuses == {DocumentStatus.EXTRACTED}
