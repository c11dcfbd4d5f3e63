"""`radintel evaluate-alerts`: the gold set's alerts and documents through the real path, in
a scratch embedded database (a temporary data folder, never the configured one): ingest
(object store and document rows), extraction, matching and the watchers' notification rows,
a batch at a time. Each document's latency is its batch's time from the start of ingest to
the commit of the notifications; precision and recall count the (document, alert) pairs
proposed against the gold labels."""

from __future__ import annotations

import hashlib
import os
import secrets
import statistics
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from time import perf_counter
from typing import Any

from sqlmodel import Session, select

from flows.alert_match import match_batch
from flows.extract import extract_documents, get_extractor
from nlp.alert_matching import MATCH_THRESHOLD
from nlp.evaluation.alert_gold import AlertGold, precision_recall
from nlp.types import InputDocument
from nlp.vocabulary import Role, Tlp
from storage.alerts import create_alert
from storage.db import get_engine, session_scope
from storage.documents import add_documents
from storage.models import AlertCreate, AlertMatch, DocumentCreate, Notification
from storage.objectstore import get_object_store
from storage.runs import start_run
from storage.users import create_user

EVALUATOR = "gold-evaluator"
TARGETS = {"precision": 0.95, "recall": 0.9}
SCRATCH_ENV = ("RADINTEL_DATA_DIR", "RADINTEL_DATABASE_URL", "RADINTEL_OBJECT_STORE")


def evaluate(gold: AlertGold, *, batch_size: int = 8) -> dict[str, Any]:
    get_extractor().extract_batch([InputDocument(id="warm-up", text="Cs-137 source stolen.")])
    with scratch_database():
        alert_keys = _create_alerts(gold)
        latencies, document_keys = _run_batches(gold, batch_size)
        with session_scope() as session:
            predicted, recoveries = _predictions(session, alert_keys, document_keys)
            notifications = len(session.exec(select(Notification.id)).all())
    gold_recoveries = {
        (str(d["id"]), k) for d in gold.documents if d.get("recovery") for k in d["alerts"]
    }
    return {
        "documents": len(gold.documents),
        "alerts": len(gold.alerts),
        "gold_pairs": len(gold.pairs()),
        "matches": precision_recall(gold.pairs(), predicted),
        "recovery": precision_recall(gold_recoveries & predicted, recoveries & gold.pairs()),
        "false_positives": sorted(f"{d} -> {a}" for d, a in predicted - gold.pairs()),
        "false_negatives": sorted(f"{d} -> {a}" for d, a in gold.pairs() - predicted),
        "notifications": notifications,
        "latency_seconds": _latency(latencies),
        "batch_size": batch_size,
        "targets": TARGETS,
    }


@contextmanager
def scratch_database() -> Iterator[Path]:
    """A temporary data folder (SQLite, local objects) for the rest of the block."""
    saved = {name: os.environ.get(name) for name in SCRATCH_ENV}
    with tempfile.TemporaryDirectory(prefix="radintel-eval-") as scratch:
        os.environ["RADINTEL_DATA_DIR"] = scratch
        for name in SCRATCH_ENV[1:]:
            os.environ.pop(name, None)
        clear_settings_caches()
        try:
            from storage.schema import create_schema

            create_schema(get_engine())
            yield Path(scratch)
        finally:
            get_engine().dispose()
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value
            clear_settings_caches()


def clear_settings_caches() -> None:
    """Forget cached settings, object store and engines so the environment is read again."""
    from flows.settings import get_flow_settings
    from nlp.settings import get_nlp_settings
    from storage.db import engine_for
    from storage.settings import get_storage_settings

    for getter in (
        get_storage_settings,
        get_flow_settings,
        get_nlp_settings,
        get_object_store,
        engine_for,
    ):
        getter.cache_clear()


def _create_alerts(gold: AlertGold) -> dict[int, str]:
    with session_scope() as session:
        create_user(
            session=session,
            username=EVALUATOR,
            password=secrets.token_urlsafe(24),
            role=Role.ANALYST,
            clearance=Tlp.RED,
        )
        keys: dict[int, str] = {}
        for record in gold.alerts:
            fields = {k: v for k, v in record.items() if k != "key"}
            # Every proposal notifies, so each matched document has a notification to time.
            draft = AlertCreate.model_validate({**fields, "notify_threshold": MATCH_THRESHOLD})
            alert = create_alert(session=session, user=EVALUATOR, alert_create=draft)
            keys[alert.id or 0] = str(record["key"])
    return keys


def _run_batches(gold: AlertGold, batch_size: int) -> tuple[list[float], dict[int, str]]:
    with session_scope() as session:
        run_id = start_run(session=session, flow="evaluate-alerts").id or 0
    latencies: list[float] = []
    document_keys: dict[int, str] = {}
    records = gold.documents
    for start in range(0, len(records), batch_size):
        batch = records[start : start + batch_size]
        started = perf_counter()
        ids = _ingest(batch)
        extract_documents(ids, run_id)
        match_batch(ids)
        latencies.extend([perf_counter() - started] * len(batch))
        document_keys.update({i: str(r["id"]) for i, r in zip(ids, batch, strict=True)})
    return latencies, document_keys


def _ingest(records: list[dict[str, Any]]) -> list[int]:
    """Store the texts and their rows, as ingestion stores a plain-text file."""
    store = get_object_store()
    documents = []
    for record in records:
        data = str(record["text"]).encode("utf-8")
        key = store.put(data)
        published = datetime.combine(record["published"], datetime.min.time(), tzinfo=UTC)
        documents.append(
            DocumentCreate(
                external_id=f"gold:{record['id']}",
                title=record.get("title"),
                format="txt",
                sha256=hashlib.sha256(f"{record['id']}\n".encode() + data).hexdigest(),
                raw_key=key,
                text_key=key,
                size_bytes=len(data),
                published_at=published,
                marking=Tlp.GREEN,
            )
        )
    with session_scope() as session:
        added = add_documents(session=session, documents=documents)
        return [document.id or 0 for document in added.new]


def _predictions(
    session: Session, alert_keys: dict[int, str], document_keys: dict[int, str]
) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    matches = session.exec(select(AlertMatch)).all()
    pairs = {(document_keys[m.document_id], alert_keys[m.alert_id]): m for m in matches}
    return set(pairs), {pair for pair, m in pairs.items() if m.reports_recovery}


def _latency(values: list[float]) -> dict[str, float]:
    if not values:
        return {"median": 0.0, "p95": 0.0}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median": round(statistics.median(ordered), 3), "p95": round(p95, 3)}


def format_report(report: dict[str, Any]) -> str:
    matches, recovery, latency = report["matches"], report["recovery"], report["latency_seconds"]
    return "\n".join(
        [
            f"{report['documents']} documents, {report['alerts']} alerts, "
            f"{report['gold_pairs']} gold (document, alert) pairs",
            f"match precision {matches['precision']:.3f} (target {TARGETS['precision']}), "
            f"recall {matches['recall']:.3f} (target {TARGETS['recall']}); "
            f"tp {matches['tp']} fp {matches['fp']} fn {matches['fn']}",
            f"recovery flagged: precision {recovery['precision']:.3f}, "
            f"recall {recovery['recall']:.3f}",
            f"ingest to notification ({report['notifications']} notifications, batches of "
            f"{report['batch_size']}): median {latency['median']:.2f} s, "
            f"p95 {latency['p95']:.2f} s",
        ]
    )
