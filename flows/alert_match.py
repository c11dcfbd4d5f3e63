"""Alert matching as a flow step: the documents of each settled extraction batch are matched
against open and matched alerts (one task per batch, after linking); `radintel alerts match`
matches what it is given. Storage does the work (storage/alert_matching.py)."""

from __future__ import annotations

from collections.abc import Sequence

from prefect import task
from sqlmodel import col, select

from flows.run_log import internal_error
from storage.alert_matching import match_documents
from storage.db import session_scope
from storage.models import AlertMatch, Document
from storage.runs import record_failure

DEFAULT_BATCH_SIZE = 200


def match_batch(document_ids: Sequence[int]) -> list[AlertMatch]:
    """Match the documents in one transaction: matches and notifications land together."""
    with session_scope() as session:
        matches = match_documents(session=session, document_ids=document_ids)
        for match in matches:
            session.expunge(match)
    return matches


@task(name="alert-match-batch")
def match_batch_task(document_ids: list[int], run_id: int) -> dict[str, int]:
    """Matching after extraction. A failure is recorded on the run and the extraction of the
    batch stands: `radintel alerts match` matches the documents again."""
    try:
        matches = match_batch(document_ids)
    except Exception as error:  # the batch's one handler: extraction has been committed
        item = f"alerts:documents {document_ids[0]}-{document_ids[-1]}"
        reason = internal_error(error, step="alert matching", item=item, module=__name__)
        with session_scope() as session:
            record_failure(session=session, run_id=run_id, source_id=None, item=item, reason=reason)
        return {"alert_match_failed": len(document_ids)}
    return {"alert_matches": len(matches)}


def match_all(batch_size: int = DEFAULT_BATCH_SIZE) -> list[AlertMatch]:
    """Every extracted document against the watched alerts (after creating an alert, say);
    decided pairs are never proposed again, so running it twice proposes nothing new."""
    matches: list[AlertMatch] = []
    after_id = 0
    while True:
        with session_scope() as session:
            query = (
                select(Document.id)
                .where(col(Document.relevant).is_not(None), col(Document.id) > after_id)
                .order_by(col(Document.id))
                .limit(batch_size)
            )
            batch = [int(i) for i in session.exec(query).all() if i is not None]
        if not batch:
            return matches
        matches.extend(match_batch(batch))
        after_id = batch[-1]
