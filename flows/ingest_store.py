"""Writing one batch: objects first, then the rows of the whole batch in one transaction.

A crash after the objects and before the commit leaves orphan objects only (content
addressed, so the rerun writes the same keys again); never a row pointing at nothing."""

from __future__ import annotations

from collections import Counter

from flows.ingest_plan import PlannedDocument
from nlp.vocabulary import DocumentStatus
from storage.db import session_scope
from storage.documents import add_documents, known_sha256s
from storage.objectstore import get_object_store


def put_objects(plans: list[PlannedDocument]) -> None:
    store = get_object_store()
    for plan in plans:
        plan.document.raw_key = store.put(plan.raw)
        plan.document.text_key = store.put(plan.text.encode("utf-8")) if plan.text else None


def store_plans(roots: list[PlannedDocument]) -> set[str]:
    """Store every document of the trees that is not stored yet, level by level, so
    attachments get their parent's id. Return the sha256 of the rows written."""
    written: set[str] = set()
    level: list[tuple[str | None, PlannedDocument]] = [(None, plan) for plan in roots]
    ids: dict[str, int] = {}
    with session_scope() as session:
        while level:
            shas = {plan.document.sha256 for _, plan in level}
            known = known_sha256s(session=session, sha256s=shas)
            fresh = [plan for _, plan in level if plan.document.sha256 not in known]
            put_objects(fresh)
            for parent, plan in level:
                plan.document.parent_id = ids.get(parent) if parent else None
            added = add_documents(session=session, documents=[plan.document for plan in fresh])
            written.update(document.sha256 for document in added.new)
            ids.update(known_sha256s(session=session, sha256s=shas))
            level = [(plan.document.sha256, child) for _, plan in level for child in plan.children]
    return written


def count_batch(
    roots: list[PlannedDocument], written: set[str]
) -> tuple[Counter[str], list[PlannedDocument]]:
    """Disjoint counts (new = ready for extraction, needs_ocr, duplicates, failed) and the
    failed documents to report: every failed input, and every failed attachment stored."""
    counts: Counter[str] = Counter()
    failed: list[PlannedDocument] = []
    seen: set[str] = set()
    for root in roots:
        for node in root.walk():
            is_new = node.document.sha256 in written and node.document.sha256 not in seen
            seen.add(node.document.sha256)
            status = node.document.status
            if status == DocumentStatus.FAILED and (is_new or node is root):
                counts["failed"] += 1
                failed.append(node)
            elif not is_new:
                counts["duplicates"] += 1
            elif status == DocumentStatus.NEEDS_OCR:
                counts["needs_ocr"] += 1
            else:
                counts["new"] += 1
    return counts, failed
