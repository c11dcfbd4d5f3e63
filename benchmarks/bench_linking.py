"""Incident linking at scale, on fresh PostgreSQL databases.

For each size, seeds that many documents (`storage.seed`), all relevant, with their
findings and the seeded incidents. The seeded texts come from a few templates per language,
so alike that nearly all would be near-duplicates: each document gets its own text instead,
the seeded one followed by a paragraph of random words, except one in ten, which carries
the text of an earlier document (a syndicated copy); publication dates are spread over ten
years rather than the seed's 180 days. Then times, a batch at a time
as the flow runs it, `index_documents` over every document and `propose_links` over every
document, and counts the candidate pairs the blocking keys give (timed apart). Prints the
times per document and the ratio of the largest size to the smallest: near 1 means the
blocking keeps linking linear. Asserts nothing.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_linking.py [--sizes 10000 100000]
"""

from __future__ import annotations

import argparse
import os
import random
import string
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

ADMIN_URL = os.environ.get(
    "RADINTEL_BENCH_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@dataclass(frozen=True)
class Figures:
    documents: int
    index_s: float
    propose_s: float
    candidates: int
    proposals: int
    stories: int  # stories of more than one document

    @property
    def per_document_ms(self) -> float:
        return (self.index_s + self.propose_s) * 1000 / self.documents


def _fresh_database() -> tuple[str, str]:
    name = f"radintel_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return ADMIN_URL.rsplit("/", 1)[0] + f"/{name}", name


def _drop_database(name: str) -> None:
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _vacuum(engine: Engine) -> None:
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE"))


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


def _distinct_texts(connection: Any, copies: float = 0.1, filler_words: int = 120) -> None:
    from storage.objectstore import get_object_store

    rng = random.Random(5)
    vocabulary = ["".join(rng.choices(string.ascii_lowercase, k=7)) for _ in range(5000)]
    store = get_object_store()
    seeded: dict[str, str] = {}
    written: list[str] = []
    updates = []
    for document_id, key in connection.execute(text("SELECT id, text_key FROM document")):
        if written and rng.random() < copies:
            new_key = rng.choice(written)
        else:
            if key not in seeded:
                seeded[key] = store.get(key).decode("utf-8")
            filler = " ".join(rng.choices(vocabulary, k=filler_words))
            new_key = store.put(f"{seeded[key]}\n\n{filler}.".encode())
            written.append(new_key)
        updates.append({"id": document_id, "key": new_key})
    connection.execute(text("UPDATE document SET text_key = :key WHERE id = :id"), updates)
    # The seed spreads publication over 180 days: at 100,000 reports that is hundreds of
    # thefts of one nuclide in one city a day. Spread over ten years instead.
    connection.execute(
        text(
            "UPDATE document SET published_at = published_at - make_interval("
            "days => (id * 7919) % 3650), incident_date = incident_date - ((id * 7919) % 3650)"
        )
    )


def measure(size: int, batch: int) -> Figures:
    from storage.db import engine_for
    from storage.linking import candidate_pairs, index_documents, propose_links
    from storage.objectstore import get_object_store
    from storage.schema import create_schema
    from storage.seed import seed_synthetic
    from storage.settings import get_storage_settings

    os.environ["RADINTEL_DATA_DIR"] = tempfile.mkdtemp(prefix="radintel-bench-")
    url, name = _fresh_database()
    os.environ["RADINTEL_DATABASE_URL"] = url
    get_storage_settings.cache_clear()
    get_object_store.cache_clear()
    try:
        engine = engine_for(url)
        create_schema(engine)
        seed_synthetic(engine=engine, documents=size, texts=size)
        with engine.begin() as connection:
            connection.execute(text("UPDATE document SET relevant = true"))
            _distinct_texts(connection)
        _vacuum(engine)
        with engine.connect() as connection:
            ids = list(connection.execute(text("SELECT id FROM document ORDER BY id")).scalars())
        index_s, _ = _timed(
            engine, ids, batch, lambda s, chunk: len(index_documents(session=s, document_ids=chunk))
        )
        _vacuum(engine)
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
        engine.dispose()
        return Figures(size, index_s, propose_s, candidates, proposals, int(stories))
    finally:
        _drop_database(name)


def _report(figures: Figures) -> str:
    n = figures.documents
    return (
        f"{n:>8,} docs: index {figures.index_s:7.1f} s, propose {figures.propose_s:7.1f} s, "
        f"{figures.per_document_ms:5.2f} ms/doc; candidate pairs/doc "
        f"{figures.candidates / n:5.2f}; proposals {figures.proposals:,}; "
        f"stories of 2+ copies {figures.stories:,}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--batch-size", type=int, default=1000)
    args = parser.parse_args()
    results = []
    for size in args.sizes:
        results.append(measure(size, args.batch_size))
        print(_report(results[-1]), flush=True)
    if len(results) > 1:
        ratio = results[-1].per_document_ms / results[0].per_document_ms
        print(
            f"time per document, {results[-1].documents:,} / {results[0].documents:,}: {ratio:.2f}"
        )


if __name__ == "__main__":
    main()
