"""Extraction throughput when scaling out: one worker, two workers, a two-worker Dask cluster.

Run: PYTHONPATH=. .venv/bin/python benchmarks/bench_workers.py [--docs 400] [--batch-size 16]
Needs PostgreSQL (RADINTEL_BENCH_PG_ADMIN_URL, default postgres@127.0.0.1): a throw-away
database holds the corpus; every mode starts from the same documents awaiting extraction.
Workers claim batches (storage.claims) exactly as the extract flow does and run its batch
task's function; models are loaded before the clock starts, as in a long-lived worker.
Prints documents per second, the speed-up over one worker and the peak memory per worker."""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import resource
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, delete, text, update

ADMIN_URL = os.environ.get(
    "RADINTEL_BENCH_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
GOLD = Path("evaluation/gold.jsonl")
THREAD_SETTINGS = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def warm_up() -> float:
    """Load every model of the extractor in this process; its peak memory afterwards."""
    from flows.extract import get_extractor
    from nlp.types import InputDocument

    note = "Police seized a Cs-137 source stolen from a hospital in Lyon, France, on Monday."
    get_extractor().extract_batch([InputDocument(id="0", text=note, language=None)])
    return peak_mb()


def share_cores(threads: int) -> None:
    """Math libraries use every core by default; workers sharing a machine each get their
    share (Dask's nanny does the same for its workers: one thread each)."""
    for name in THREAD_SETTINGS:
        os.environ[name] = str(threads)


def drain(batch_size: int, run_id: int, ready: Any, start: Any, done: Any, threads: int) -> None:
    """A worker: warm up, wait for the start, claim and extract until nothing is left."""
    share_cores(threads)  # before the models are imported
    from flows.extract import claim_batch, extract_batch_task, get_extractor

    warm_up()
    version = get_extractor().version
    ready.put(os.getpid())
    start.wait()
    after_id = 0
    while ids := claim_batch(version, after_id, batch_size):
        extract_batch_task.fn(ids, run_id)
        after_id = ids[-1]
    done.put(peak_mb())


def with_processes(workers: int, batch_size: int, run_id: int) -> tuple[float, list[float]]:
    context = multiprocessing.get_context("spawn")
    ready, start, done = context.Queue(), context.Event(), context.Queue()
    threads = max(1, (os.cpu_count() or 1) // workers)
    processes = [
        context.Process(target=drain, args=(batch_size, run_id, ready, start, done, threads))
        for _ in range(workers)
    ]
    for process in processes:
        process.start()
    for _ in processes:
        ready.get()
    began = time.perf_counter()
    start.set()
    peaks = [done.get() for _ in processes]
    elapsed = time.perf_counter() - began
    for process in processes:
        process.join()
    return elapsed, peaks


def run_batch(ids: list[int], run_id: int) -> dict[str, int]:
    from flows.extract import extract_batch_task

    counts: dict[str, int] = extract_batch_task.fn(ids, run_id)
    return counts


def with_dask(batch_size: int, run_id: int) -> tuple[float, list[float]]:
    """The extract flow's Dask path without Prefect: this process claims, the cluster works,
    two batches in flight per worker."""
    from distributed import Client, LocalCluster, wait

    from flows.extract import claimed_batches, get_extractor

    version = get_extractor().version
    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with cluster, Client(cluster) as client:
        client.run(warm_up)
        began = time.perf_counter()
        pending: list[Any] = []
        for ids in claimed_batches(version, batch_size, None):
            pending.append(client.submit(run_batch, ids, run_id, pure=False))
            if len(pending) >= 4:
                wait(pending[:1])
                pending = [future for future in pending if not future.done()]
        wait(pending)
        elapsed = time.perf_counter() - began
        peaks = list(client.run(peak_mb).values())
    return elapsed, peaks


def load_corpus(size: int) -> list[str]:
    import json

    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    texts = [str(record["text"]) for record in records]
    return [f"{texts[n % len(texts)]} (copy {n})" for n in range(size)]


def store_corpus(texts: list[str]) -> None:
    from storage.db import session_scope
    from storage.documents import add_documents
    from storage.models import DocumentCreate
    from storage.objectstore import get_object_store

    store = get_object_store()
    documents = []
    for body in texts:
        data = body.encode("utf-8")
        key = store.put(data)
        documents.append(
            DocumentCreate(
                format="txt",
                sha256=hashlib.sha256(data).hexdigest(),
                raw_key=key,
                text_key=key,
                size_bytes=len(data),
            )
        )
    with session_scope() as session:
        add_documents(session=session, documents=documents)


def reset_corpus() -> int:
    """Every document awaiting extraction again, no finding; a fresh run row."""
    from nlp.vocabulary import DocumentStatus
    from storage.db import session_scope
    from storage.models import Document, DocumentEmbedding, Finding
    from storage.runs import start_run

    with session_scope() as session:
        session.execute(delete(Finding))
        session.execute(delete(DocumentEmbedding))
        session.execute(
            update(Document).values(
                status=DocumentStatus.PENDING,
                extractor_version=None,
                claimed_by=None,
                claimed_until=None,
            )
        )
        run_id = start_run(session=session, flow="extract").id
    assert run_id is not None
    return int(run_id)


def measure(
    name: str, docs: int, mode: Callable[[int], tuple[float, list[float]]]
) -> dict[str, Any]:
    elapsed, peaks = mode(reset_corpus())
    return {"mode": name, "seconds": elapsed, "docs_per_s": docs / elapsed, "peaks": peaks}


def report(rows: list[dict[str, Any]]) -> None:
    base = rows[0]["docs_per_s"]
    print(f"{'mode':<20}{'seconds':>9}{'docs/s':>9}{'speed-up':>10}  peak MB per worker")
    for row in rows:
        peaks = ", ".join(f"{peak:.0f}" for peak in row["peaks"])
        speed_up = row["docs_per_s"] / base
        print(
            f"{row['mode']:<20}{row['seconds']:>9.1f}{row['docs_per_s']:>9.1f}"
            f"{speed_up:>9.2f}x  {peaks}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--batch-size", type=int, default=16)
    arguments = parser.parse_args()
    name = f"radintel_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        with tempfile.TemporaryDirectory() as data_dir:
            os.environ["RADINTEL_DATA_DIR"] = data_dir
            os.environ["RADINTEL_DATABASE_URL"] = ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
            run(arguments.docs, arguments.batch_size)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def run(docs: int, batch_size: int) -> None:
    from flows.runtime import configure_runtime
    from storage.db import get_engine
    from storage.schema import create_schema

    configure_runtime()
    create_schema(get_engine())
    store_corpus(load_corpus(docs))
    print(f"{docs} documents, batches of {batch_size}, {os.cpu_count()} CPUs")
    rows = [
        measure("1 worker", docs, lambda run_id: with_processes(1, batch_size, run_id)),
        measure("2 workers", docs, lambda run_id: with_processes(2, batch_size, run_id)),
        measure("Dask, 2 workers", docs, lambda run_id: with_dask(batch_size, run_id)),
    ]
    report(rows)


if __name__ == "__main__":
    main()
