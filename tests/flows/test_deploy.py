"""The path to scale, proved on loopback: a Prefect server on PostgreSQL, a process work pool
with two workers, the S3 server as object store and the radintel database on PostgreSQL.
Ingestion and extraction run through the deployments that `radintel deploy` registers."""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from flows.local_prefect import free_port
from nlp.vocabulary import DocumentStatus
from storage.models import Document, Finding, IngestFailure, IngestRun
from storage.models._base import utcnow
from tests.factories import declare, write
from tests.flows import samples
from tests.flows.conftest import FAST
from tests.support import work_pool as wp
from tests.support.s3_server import S3Server

pytestmark = [pytest.mark.deploy, pytest.mark.postgres, pytest.mark.s3, pytest.mark.slow]
POOL = "radintel-test"
LEASE_SECONDS = 15  # the killed run's claims expire soon, yet outlast a batch on a busy machine
EXTRACTION, ONE_BY_ONE = "extract/extraction", {"batch_size": 1}


@pytest.fixture(scope="module")
def prefect_api(pg_server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("prefect-pg")
    with wp.new_database(pg_server) as name:
        url = pg_server.rsplit("/", 1)[0].replace("+psycopg", "+asyncpg") + f"/{name}"
        with wp.prefect_server(home, url) as api:
            yield api


def platform_env(data_dir: Path, pg_url: str, s3: S3Server, api: str) -> dict[str, str]:
    """What every machine of the unit shares: database, bucket, data folder, Prefect server."""
    return wp.child_env(
        data_dir / "prefect-client",
        **FAST,
        PREFECT_API_URL=api,
        PREFECT_WORKER_QUERY_SECONDS="1",
        RADINTEL_DATA_DIR=str(data_dir),
        RADINTEL_DATABASE_URL=pg_url,
        RADINTEL_OBJECT_STORE="minio",
        RADINTEL_MINIO_ENDPOINT=s3.endpoint,
        RADINTEL_MINIO_ACCESS_KEY=s3.access_key,
        RADINTEL_MINIO_SECRET_KEY=s3.secret_key,
        RADINTEL_MINIO_BUCKET=f"radintel-{uuid.uuid4().hex[:10]}",
        RADINTEL_EXTRACT_LEASE_SECONDS=str(LEASE_SECONDS),
    )


def drop_notes(data_dir: Path, first: int, count: int) -> None:
    for number in range(first, first + count):
        write(data_dir / "inbox" / "bureau", f"note-{number}.txt", samples.text_note(f"n{number}"))


def stored(engine: Engine) -> list[Document]:
    with Session(engine) as session:
        return list(session.exec(select(Document)).all())


def extracted_by(engine: Engine) -> Counter[str]:
    """How many documents each flow-run process (host:pid) extracted."""
    return Counter(
        str(d.claimed_by) for d in stored(engine) if d.status == DocumentStatus.EXTRACTED
    )


def pending_claimed(engine: Engine) -> bool:
    return any(d.status == DocumentStatus.PENDING and d.claimed_by for d in stored(engine))


def live_claims(engine: Engine) -> bool:
    now = utcnow().replace(tzinfo=None)
    return any(
        d.status == DocumentStatus.PENDING
        and d.claimed_until is not None
        and d.claimed_until.replace(tzinfo=None) > now
        for d in stored(engine)
    )


def completed_extraction_counts(engine: Engine) -> int:
    with Session(engine) as session:
        runs = session.exec(select(IngestRun).where(IngestRun.flow == "extract")).all()
    return sum(run.counts.get("documents", 0) for run in runs if run.finished_at)


def what_happened(engine: Engine) -> str:
    """Document statuses and recorded failures, for a failing assertion's message."""
    with Session(engine) as session:
        failures = [f"{f.item}: {f.reason}" for f in session.exec(select(IngestFailure)).all()]
    statuses = Counter(str(d.status) for d in stored(engine))
    return f"statuses {dict(statuses)}; failures {failures}"


def duplicated_findings(engine: Engine) -> int:
    with Session(engine) as session:
        findings = session.exec(select(Finding)).all()
    spans = Counter((f.document_id, f.label, f.start, f.end) for f in findings)
    return sum(1 for count in spans.values() if count > 1)


def assert_ui_serves_the_platform(env: dict[str, str], tmp_path: Path) -> None:
    """The review UI runs on the same database, bucket and Prefect server, and the health
    check every container uses finds all three reachable."""
    health = json.loads(wp.radintel(env, "status", "--json"))
    assert health["healthy"] and {"database", "object_store", "prefect_api"} <= set(
        health["checks"]
    )
    port = free_port()
    ui = wp.start(
        [sys.executable, "-c", wp.RADINTEL, "ui", "--port", str(port)], env, tmp_path / "ui.log"
    )
    try:
        url = f"http://127.0.0.1:{port}/_stcore/health"
        wp.wait_for(lambda: _answers(url), "the review UI answered its health check", 90)
    finally:
        wp.stop(ui)


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).text == "ok"
    except httpx.HTTPError:
        return False


def test_two_workers_share_the_work_and_a_killed_worker_loses_nothing(
    data_dir: Path, pg_url: str, s3_server: S3Server, prefect_api: str, tmp_path: Path
) -> None:
    env = platform_env(data_dir, pg_url, s3_server, prefect_api)
    wp.radintel(env, "init")
    declare("bureau", "inbox_folder", inbox="inbox/bureau")
    drop_notes(data_dir, 0, 60)
    assert "deployed extraction" in wp.radintel(env, "deploy", "--pool", POOL)
    workers = {
        name: wp.start_worker(env, POOL, name, tmp_path / f"{name}.log")
        for name in ("worker-a", "worker-b")
    }
    engine = create_engine(pg_url)
    try:
        ingest = wp.wait_finished(prefect_api, wp.run_deployment(prefect_api, "ingest/inboxes"))
        assert ingest["state_type"] == "COMPLETED"
        half = {**ONE_BY_ONE, "limit": 15}  # two runs, one a worker, half the corpus each
        both = [wp.run_deployment(prefect_api, EXTRACTION, half) for _ in workers]
        finished = [wp.wait_finished(prefect_api, run_id) for run_id in both]
        assert [run["state_type"] for run in finished] == ["COMPLETED", "COMPLETED"]
        assert {run["labels"]["prefect.worker.name"] for run in finished} == set(workers)
        assert len(extracted_by(engine)) == 2  # both flow-run processes extracted batches
        assert sum(extracted_by(engine).values()) == 30, what_happened(engine)

        doomed = wp.run_deployment(prefect_api, EXTRACTION, ONE_BY_ONE)
        wp.wait_for(lambda: pending_claimed(engine), "the doomed run claimed a batch")
        worker = wp.flow_run(prefect_api, doomed)["labels"]["prefect.worker.name"]
        wp.kill_group(workers.pop(worker))
        pid = int(str(wp.flow_run(prefect_api, doomed)["infrastructure_pid"]).split(":")[-1])
        os.kill(pid, signal.SIGKILL)  # its flow-run process too, wherever its group is
        wp.wait_for(lambda: not live_claims(engine), "the killed run's claims expired")
        retry = wp.run_deployment(prefect_api, EXTRACTION, ONE_BY_ONE)
        assert wp.wait_finished(prefect_api, retry)["state_type"] == "COMPLETED"
        assert_ui_serves_the_platform(env, tmp_path)
    finally:
        for process in workers.values():
            wp.stop(process)
    assert sum(extracted_by(engine).values()) == 60  # nothing lost
    killed_saved = extracted_by(engine)[f"{socket.gethostname()}:{pid}"]  # saved before the kill
    assert completed_extraction_counts(engine) + killed_saved == 60  # none extracted twice
    assert duplicated_findings(engine) == 0
    engine.dispose()
