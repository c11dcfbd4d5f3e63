"""Alert matching at scale, on fresh PostgreSQL databases: the time to match one new document
against 100 open alerts (the baseline) and against 10,000 (the target: under 100 ms).

Each database gets that many open alerts (seven in ten sources of eight nuclides in forty
countries with random activities, dates and serials, three in ten persons with names drawn
from a pool), written with their index keys as `create_alert` writes them. The same 200
documents (half follow-ups of a random alert, with the activity decayed and sometimes the
serial; half naming a random person, a quarter of them in Cyrillic) are stored as extracted
documents, then `match_documents` runs on each, one transaction per document as after an
extraction batch of one. One more document, generated after those 200, is matched first and
not counted: it warms what a running worker has warm (the pool's connection, SQLAlchemy's
compiled statements for this engine, the data files and caches of the first run), which
would otherwise land on the first counted document. Prints median and p95 per document for
both sizes, the matches proposed for the counted documents, and the ratio of the medians.
Asserts nothing.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_alerts.py [--alerts 10000] [--documents 200]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import create_engine, insert, text

ADMIN_URL = os.environ.get(
    "RADINTEL_BENCH_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
TARGET_MS = 100.0
NUCLIDES = {
    "Ir-192": "iridium-192",
    "Cs-137": "caesium-137",
    "Co-60": "cobalt-60",
    "Se-75": "selenium-75",
    "Am-241": "americium-241",
    "Sr-90": "strontium-90",
    "Ra-226": "radium-226",
    "Cf-252": "californium-252",
}
COUNTRIES = [
    "FR",
    "ES",
    "DE",
    "IT",
    "PT",
    "MA",
    "DZ",
    "TN",
    "EG",
    "JO",
    "LB",
    "TR",
    "GE",
    "UA",
    "PL",
    "RO",
    "BG",
    "GR",
    "MX",
    "BR",
    "AR",
    "CL",
    "CO",
    "PE",
    "US",
    "CA",
    "NG",
    "KE",
    "ZA",
    "IN",
    "PK",
    "BD",
    "ID",
    "PH",
    "VN",
    "TH",
    "KZ",
    "UZ",
    "SA",
    "OM",
]
FIRST = [
    "Sergei",
    "Olga",
    "Dmitri",
    "Ahmed",
    "Karim",
    "Youssef",
    "Giorgi",
    "Viktor",
    "Ivan",
    "Nadia",
    "Omar",
    "Pavel",
    "Irina",
    "Samir",
    "Levan",
    "Andrei",
    "Hassan",
    "Elena",
]
LAST = [
    "Volkov",
    "Ivanova",
    "Sokolov",
    "Haddad",
    "Benali",
    "Amrani",
    "Beridze",
    "Petrenko",
    "Orlov",
    "Kuznetsov",
    "Mansour",
    "Khalil",
    "Morozov",
    "Nasser",
    "Popescu",
    "Lebedev",
    "Saleh",
    "Tarasov",
    "Zaki",
    "Gromov",
]
CYRILLIC = {
    "Sergei": "Сергей",
    "Olga": "Ольга",
    "Dmitri": "Дмитрий",
    "Ivan": "Иван",
    "Volkov": "Волков",
    "Ivanova": "Иванова",
    "Sokolov": "Соколов",
    "Orlov": "Орлов",
    "Pavel": "Павел",
    "Morozov": "Морозов",
    "Irina": "Ирина",
    "Andrei": "Андрей",
    "Elena": "Елена",
    "Kuznetsov": "Кузнецов",
    "Lebedev": "Лебедев",
}


def _database() -> tuple[str, str]:
    name = f"radintel_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return ADMIN_URL.rsplit("/", 1)[0] + f"/{name}", name


def _drop(name: str) -> None:
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _alert(rng: random.Random, number: int) -> dict[str, Any]:
    if rng.random() < 0.3:
        return {
            "kind": "person",
            "title": f"Person {number}",
            "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "name_variants": [],
        }
    reference = date(2015, 1, 1) + timedelta(days=rng.randint(0, 4000))
    return {
        "kind": "source",
        "title": f"Source {number}",
        "nuclide": rng.choice(list(NUCLIDES)),
        "activity_bq": 10 ** rng.uniform(8, 13),
        "activity_reference_date": reference,
        "serial_number": f"SN-{number:05d}-{rng.randint(100, 999)}",
        "country": rng.choice(COUNTRIES),
        "device_model": f"Model {rng.randint(10, 99)}",
        "reported_missing_on": reference + timedelta(days=rng.randint(1, 90)),
    }


def _seed_alerts(engine: Any, count: int) -> list[Any]:
    from nlp.alert_matching.keys import alert_keys
    from nlp.vocabulary import AlertStatus
    from storage.alert_index import facts_of
    from storage.db import session_scope
    from storage.models import Alert, AlertKey

    rng = random.Random(14)
    with session_scope(engine) as session:
        alerts = [
            Alert(**_alert(rng, n), created_by="bench", status=AlertStatus.OPEN)
            for n in range(count)
        ]
        session.add_all(alerts)
        session.flush()
        rows = [
            {"alert_id": a.id, "key": k, "decay_index": v}
            for a in alerts
            for k, v in alert_keys(facts_of(a)).items()
        ]
        for start in range(0, len(rows), 5000):
            session.execute(insert(AlertKey), rows[start : start + 5000])
        for alert in alerts:
            session.expunge(alert)
    return alerts


def _document_text(rng: random.Random, alert: Any) -> tuple[str, date, list[str]]:
    from nlp.linking.decay import decayed

    if alert.kind == "person":
        first, last = alert.name.split()
        if rng.random() < 0.25 and first in CYRILLIC and last in CYRILLIC:
            first, last = CYRILLIC[first], CYRILLIC[last]
        day = date(2026, 3, 1)
        body = f"Police arrested {first} {last} trying to sell a caesium-137 source."
        return body, day, [rng.choice(COUNTRIES)]
    day = alert.reported_missing_on + timedelta(days=rng.randint(10, 200))
    activity = decayed(alert.activity_bq, alert.nuclide, alert.activity_reference_date, day)
    serial = f" Its serial number is {alert.serial_number}." if rng.random() < 0.3 else ""
    body = (
        f"A {NUCLIDES[alert.nuclide]} source of {activity / 1e9:.3g} GBq stolen earlier "
        f"is still missing, the regulator said on {day.isoformat()}.{serial}"
    )
    return body, day, [alert.country]


def _seed_documents(engine: Any, alerts: list[Any], count: int) -> list[int]:
    import hashlib

    from storage.db import session_scope
    from storage.documents import add_documents
    from storage.models import DocumentCreate
    from storage.objectstore import get_object_store

    rng, store = random.Random(7), get_object_store()
    ids = []
    with session_scope(engine) as session:
        for number in range(count):
            body, day, countries = _document_text(rng, rng.choice(alerts))
            key = store.put(body.encode())
            created = DocumentCreate(
                format="txt",
                sha256=hashlib.sha256(f"{number}{body}".encode()).hexdigest(),
                raw_key=key,
                text_key=key,
                title=body[:60],
                language="en",
                published_at=datetime(day.year, day.month, day.day, tzinfo=UTC),
            )
            [document] = add_documents(session=session, documents=[created]).new
            document.relevant, document.countries = True, countries
            ids.append(document.id or 0)
    return ids


def measure(alert_count: int, document_count: int) -> tuple[list[float], int]:
    """Milliseconds per document, and the matches proposed, against `alert_count` alerts."""
    from storage.alert_matching import match_documents
    from storage.db import engine_for, session_scope
    from storage.schema import create_schema

    url, name = _database()
    try:
        engine = engine_for(url)
        create_schema(engine)
        alerts = _seed_alerts(engine, alert_count)
        # The same rng stream: the counted documents are those a run without warm-up made.
        *ids, warm_up = _seed_documents(engine, alerts, document_count + 1)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE"))
        with session_scope(engine) as session:
            match_documents(session=session, document_ids=[warm_up])
        timings, proposed = [], 0
        for document_id in ids:
            started = time.perf_counter()
            with session_scope(engine) as session:
                proposed += len(match_documents(session=session, document_ids=[document_id]))
            timings.append((time.perf_counter() - started) * 1000)
        engine.dispose()
        return timings, proposed
    finally:
        _drop(name)


def _summary(label: str, timings: list[float], proposed: int) -> str:
    ordered = sorted(timings)
    p95 = ordered[round(0.95 * (len(ordered) - 1))]
    return (
        f"{label:>7} open alerts: median {statistics.median(ordered):6.1f} ms, "
        f"p95 {p95:6.1f} ms per document; {proposed} matches proposed"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alerts", type=int, default=10_000)
    parser.add_argument("--baseline", type=int, default=100)
    parser.add_argument("--documents", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["RADINTEL_DATA_DIR"] = scratch  # the documents' texts
        os.environ.pop("RADINTEL_OBJECT_STORE", None)
        baseline = measure(args.baseline, args.documents)
        print(_summary(f"{args.baseline:,}", *baseline), flush=True)
        target = measure(args.alerts, args.documents)
        print(_summary(f"{args.alerts:,}", *target), flush=True)
    ratio = statistics.median(target[0]) / statistics.median(baseline[0])
    print(
        f"median per document, {args.alerts:,} / {args.baseline:,} alerts: {ratio:.2f} "
        f"(target: under {TARGET_MS:g} ms per document with {args.alerts:,})"
    )


if __name__ == "__main__":
    main()
