"""Incident linking at scale, on fresh PostgreSQL databases.

For each size, a fresh database is seeded with that many relevant reports of a sparse
corpus (benchmarks/linking_corpus.py: thousands of towns in many countries, a dozen
nuclides, ten years, syndicated copies and follow-ups, some open incidents). Then, a batch
at a time as the flow runs it, it times `index_documents` (evidence, keys, MinHash
signature, story) and `propose_links` over every document, counts the candidate pairs the
blocking keys give (timed apart, not in the figures) and the proposals made, and records
the peak memory of the process measuring that size (one process per size). The first size
is the baseline: the last line prints the time per document of each size over the
baseline's (1 means linear; quadratic would be the ratio of the sizes). Asserts nothing.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_linking.py [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Engine

from benchmarks.linking_corpus import seed_reports
from benchmarks.pg import fresh_database, vacuum


@dataclass(frozen=True)
class Figures:
    documents: int
    seed_s: float
    index_s: float
    propose_s: float
    candidates: int
    proposals: int
    stories: int  # stories of more than one document
    peak_mb: float

    @property
    def per_document_ms(self) -> float:
        return (self.index_s + self.propose_s) * 1000 / self.documents


def _batches(ids: list[int], size: int) -> Iterator[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def _timed(
    engine: Engine, ids: list[int], batch: int, step: Callable[[Any, list[int]], int]
) -> tuple[float, int]:
    """Seconds to run `step` over every batch, one transaction each, and the sum it returns."""
    from storage.db import session_scope

    total, started = 0, time.perf_counter()
    for chunk in _batches(ids, batch):
        with session_scope(engine) as session:
            total += step(session, chunk)
    return time.perf_counter() - started, total


def measure(size: int, batch: int) -> Figures:
    from storage.linking import candidate_pairs, index_documents, propose_links

    with fresh_database() as engine:
        started = time.perf_counter()
        seed_reports(engine=engine, documents=size)
        seed_s = time.perf_counter() - started
        vacuum(engine)
        with engine.connect() as connection:
            ids = list(connection.execute(text("SELECT id FROM document ORDER BY id")).scalars())
        index_s, _ = _timed(
            engine, ids, batch, lambda s, chunk: len(index_documents(session=s, document_ids=chunk))
        )
        vacuum(engine)
        propose_s, proposals = _timed(
            engine, ids, batch, lambda s, chunk: len(propose_links(session=s, document_ids=chunk))
        )
        _, candidates = _timed(
            engine, ids, batch, lambda s, chunk: len(candidate_pairs(session=s, document_ids=chunk))
        )
        with engine.connect() as connection:
            stories = connection.execute(
                text(
                    "SELECT count(*) FROM (SELECT story_id FROM linkindex GROUP BY story_id "
                    "HAVING count(*) > 1) AS shared"
                )
            ).scalar_one()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return Figures(size, seed_s, index_s, propose_s, candidates, proposals, int(stories), peak_mb)


def _report(figures: Figures) -> str:
    n = figures.documents
    return (
        f"{n:>8,} docs (seeded in {figures.seed_s:5.1f} s): index {figures.index_s:7.1f} s, "
        f"propose {figures.propose_s:7.1f} s, {figures.per_document_ms:5.2f} ms/doc; "
        f"candidate pairs/doc {figures.candidates / n:5.2f}; proposals {figures.proposals:,}; "
        f"stories of 2+ copies {figures.stories:,}; peak memory {figures.peak_mb:,.0f} MB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--batch-size", type=int, default=1000)
    args = parser.parse_args()
    results = []
    # A process per size: its peak memory is that size's, and nothing is cached between.
    context = multiprocessing.get_context("spawn")
    for size in args.sizes:
        with context.Pool(1) as pool:
            results.append(pool.apply(measure, (size, args.batch_size)))
        print(_report(results[-1]), flush=True)
    baseline = results[0]
    for figures in results[1:]:
        ratio = figures.per_document_ms / baseline.per_document_ms
        print(
            f"time per document, {figures.documents:,} / {baseline.documents:,}: {ratio:.2f} "
            f"(linear 1, quadratic {figures.documents / baseline.documents:,.0f})"
        )


if __name__ == "__main__":
    main()
