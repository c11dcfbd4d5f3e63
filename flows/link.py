"""Incident linking as a flow step: index relevant documents and propose links for them.

Extraction runs `link_batch_task` after each batch it extracts (one task per batch, as the
extraction itself); `radintel link` runs `link_flow` over the relevant documents not yet
indexed. Storage does the work (storage/linking.py); this module only wires it.
"""

from __future__ import annotations

from collections.abc import Sequence

from prefect import flow, task

from flows.run_log import internal_error
from storage.db import session_scope
from storage.linking import index_documents, propose_links, unindexed_relevant_ids
from storage.models import LinkProposal
from storage.runs import record_failure

DEFAULT_BATCH_SIZE = 500


def link_documents(document_ids: Sequence[int]) -> tuple[int, list[LinkProposal]]:
    """Index the relevant documents among `document_ids` and propose links for them, in one
    transaction; the number indexed and the new proposals."""
    with session_scope() as session:
        indexed = index_documents(session=session, document_ids=document_ids)
        proposals = propose_links(session=session, document_ids=indexed)
        for proposal in proposals:
            session.expunge(proposal)
    return len(indexed), proposals


@task(name="link-batch")
def link_batch_task(document_ids: list[int], run_id: int) -> dict[str, int]:
    """Linking after extraction. A failure is recorded on the run and the extraction of the
    batch stands: the documents are indexed again by the next `radintel link`."""
    try:
        indexed, proposals = link_documents(document_ids)
    except Exception as error:  # the batch's one handler: extraction has been committed
        item = f"link:documents {document_ids[0]}-{document_ids[-1]}"
        reason = internal_error(error, step="linking", item=item, module=__name__)
        with session_scope() as session:
            record_failure(session=session, run_id=run_id, source_id=None, item=item, reason=reason)
        return {"link_failed": len(document_ids)}
    return {"indexed": indexed, "proposals": len(proposals)}


@flow(name="link", log_prints=False)
def link_flow(batch_size: int = DEFAULT_BATCH_SIZE) -> list[LinkProposal]:
    """Index every relevant document not indexed yet, a batch at a time, and propose links."""
    proposals: list[LinkProposal] = []
    after_id = 0
    while True:
        with session_scope() as session:
            batch = unindexed_relevant_ids(session=session, after_id=after_id, limit=batch_size)
        if not batch:
            return proposals
        proposals.extend(link_documents(batch)[1])
        after_id = batch[-1]
