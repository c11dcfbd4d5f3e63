"""Review queue and evidence page at scale, on a fresh PostgreSQL database.

Seeds 100,000 documents and 1,000,000 findings (`storage.seed`), then times the queue
(first page, filtered pages, a deep page reached by cursor) and the evidence page queries
(document, its findings, one finding's history), with the indexes and after dropping them.
Each queue call is one page plus its (capped) total, as the UI makes it. Prints a table of
median timings and ratios; asserts nothing.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_review.py [--documents N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import Index
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from benchmarks.pg import fresh_database, vacuum

QUEUE_TABLES = ("finding", "document", "reviewevent")


def _secondary_indexes() -> list[Index]:
    from sqlmodel import SQLModel

    return [
        index
        for table_name in QUEUE_TABLES
        for index in SQLModel.metadata.tables[table_name].indexes
        if not index.unique
    ]


def _median_ms(run: Callable[[], Any], repeat: int = 5) -> float:
    run()  # warm the cache
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def _cursor_at(engine: Engine, filters: Any, rows: int, docs: bool) -> Any:
    """The cursor that ends row `rows` of a queue, walked with the largest pages."""
    from storage.models import Tlp
    from storage.queue import MAX_PAGE_SIZE, document_queue, finding_queue

    fn = document_queue if docs else finding_queue
    after = None
    with Session(engine) as session:
        for _ in range(rows // MAX_PAGE_SIZE):
            after = fn(
                session=session,
                filters=filters,
                clearance=Tlp.RED,
                limit=MAX_PAGE_SIZE,
                after=after,
            ).next_cursor
    return after


def _cases(engine: Engine, documents: int) -> dict[str, Callable[[], Any]]:
    from storage.models import Document, Finding, Tlp
    from storage.models._base import utcnow
    from storage.queue import QueueFilters, document_queue, finding_queue
    from storage.review import finding_history

    deep = {docs: _cursor_at(engine, QueueFilters(), 50_000, docs) for docs in (False, True)}

    def queue(
        filters: QueueFilters, deep_page: bool = False, docs: bool = False
    ) -> Callable[[], Any]:
        after = deep[docs] if deep_page else None

        def run() -> Any:
            with Session(engine) as session:
                fn = document_queue if docs else finding_queue
                return fn(
                    session=session, filters=filters, clearance=Tlp.RED, limit=50, after=after
                )

        return run

    week = (utcnow() - timedelta(days=7)).date()

    document_id = documents // 2

    def evidence() -> Any:
        with Session(engine) as session:
            session.get(Document, document_id)
            findings = session.exec(
                select(Finding)
                .where(Finding.document_id == document_id)
                .order_by(col(Finding.start))
            ).all()
            return [
                finding_history(session=session, clearance=Tlp.RED, finding_id=f.id or 0)
                for f in findings[:1]
            ]

    return {
        "findings queue, first page": queue(QueueFilters()),
        "findings: MATERIAL + relevant": queue(QueueFilters(labels=("MATERIAL",), relevant=True)),
        "findings: material Cs-137": queue(QueueFilters(material="Cs-137")),
        "findings: country FR + lang fr": queue(QueueFilters(country="FR", language="fr")),
        "findings: all statuses, 2 labels": queue(
            QueueFilters(statuses=(), labels=("MATERIAL", "PERSON"))
        ),
        "findings: published last 7 days": queue(QueueFilters(date_from=week)),
        "findings queue, page 1,000": queue(QueueFilters(), deep_page=True),
        "documents queue, first page": queue(QueueFilters(), docs=True),
        "documents: source + relevant": queue(QueueFilters(source_id=1, relevant=True), docs=True),
        "documents: material Co-60 + FR": queue(
            QueueFilters(material="Co-60", country="FR"), docs=True
        ),
        "documents queue, page 1,000": queue(QueueFilters(), deep_page=True, docs=True),
        "evidence page (doc+findings+history)": evidence,
    }


def _time_all(cases: dict[str, Callable[[], Any]]) -> dict[str, float]:
    return {name: _median_ms(run) for name, run in cases.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--findings-per-doc", type=int, default=10)
    args = parser.parse_args()
    from storage.seed import seed_synthetic

    with fresh_database() as engine:
        started = time.perf_counter()
        counts = seed_synthetic(
            engine=engine, documents=args.documents, findings_per_doc=args.findings_per_doc
        )
        seeded = time.perf_counter() - started
        vacuum(engine)  # what autovacuum does after a bulk load: statistics, visibility map
        print(f"seeded {counts} in {seeded:.1f} s")
        cases = _cases(engine, args.documents)
        indexes = _secondary_indexes()
        with engine.begin() as connection:  # indexes of the models not yet in a migration
            for index in indexes:
                index.create(connection, checkfirst=True)
        vacuum(engine)
        with_indexes = _time_all(cases)
        with engine.begin() as connection:
            for index in indexes:
                index.drop(connection, checkfirst=True)
        vacuum(engine)
        without = _time_all(cases)
        with engine.begin() as connection:
            for index in indexes:
                index.create(connection, checkfirst=True)
        print(f"indexes dropped and recreated: {', '.join(sorted(i.name or '' for i in indexes))}")
        print(f"\n{'query (median of 5)':<40}{'indexed ms':>12}{'no index ms':>13}{'ratio':>8}")
        for case, fast in with_indexes.items():
            slow = without[case]
            print(f"{case:<40}{fast:>12.1f}{slow:>13.1f}{slow / max(fast, 1e-6):>8.1f}")


if __name__ == "__main__":
    main()
