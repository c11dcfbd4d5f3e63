"""Failures an operator asked to retry (UI or `radintel failures retry`) are put back in
the way of the next ingestion: a quarantined inbox file returns to its inbox, the row of
a document that failed to parse is removed (its bytes stay in the object store) and the
conditional-GET state of a failed URL is forgotten. The run then ingests them again and
records a new failure if they still fail."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session

from flows.inbox import QUARANTINE, free_path
from storage.db import session_scope
from storage.documents import delete_failed_document
from storage.models import IngestFailure
from storage.runs import list_retry_requests, resolve_failure
from storage.sources import save_http_cache


def requeue_quarantined(path_text: str | None) -> bool:
    path = Path(path_text) if path_text else None
    if path is None or path.parent.name != QUARANTINE or not path.is_file():
        return False
    path.replace(free_path(path.parent.parent, path.name))
    return True


def forget_url(failure: IngestFailure, session: Session) -> bool:
    if failure.source_id is None or not failure.item.startswith(("http://", "https://")):
        return False
    save_http_cache(
        session=session,
        source_id=failure.source_id,
        url=failure.item,
        etag=None,
        last_modified=None,
    )
    return True


def requeue(failure: IngestFailure, session: Session) -> bool:
    """Put the input back; True when it will come again (an attachment comes again only
    with its message, so its retry changes nothing)."""
    coming_back = requeue_quarantined(failure.quarantine_path) or forget_url(failure, session)
    if coming_back and failure.raw_key:
        delete_failed_document(session=session, sha256=failure.raw_key)
    return coming_back


def requeue_retry_requests() -> int:
    with session_scope() as session:
        requests = list_retry_requests(session=session)
    for failure in requests:  # one transaction each: a crash keeps the ones already done
        with session_scope() as session:
            requeue(failure, session)
            resolve_failure(session=session, failure_id=failure.id or 0)
    return len(requests)
