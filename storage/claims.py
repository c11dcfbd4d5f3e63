"""Claims on documents awaiting extraction, so that workers on several machines never
extract the same document twice.

A claim is a lease: `claimed_by` names the worker, `claimed_until` ends the claim. On
PostgreSQL the claiming SELECT locks its rows with FOR UPDATE SKIP LOCKED, so two workers
claiming at the same moment get disjoint sets without waiting for each other. SQLite has a
single writer and ignores the clause. A worker that dies keeps its claims only until the lease
ends; the next run claims those documents again.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import or_, update
from sqlmodel import Session, col

from storage.findings import awaiting_extraction
from storage.models import Document
from storage.models._base import utcnow


def claim_documents(
    *,
    session: Session,
    extractor_version: str,
    worker: str,
    lease_seconds: float,
    after_id: int = 0,
    limit: int = 64,
) -> list[int]:
    """Claim up to `limit` unclaimed (or expired) documents awaiting extraction, by id order.

    The caller commits at once: the commit makes the claim visible to the other workers."""
    now = utcnow()
    statement = (
        awaiting_extraction(extractor_version, after_id)
        .where(or_(col(Document.claimed_until).is_(None), col(Document.claimed_until) < now))
        .with_only_columns(col(Document.id))
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    ids = [int(document_id) for document_id in session.scalars(statement) if document_id]
    if ids:
        session.execute(
            update(Document)
            .where(col(Document.id).in_(ids))
            .values(claimed_by=worker, claimed_until=now + timedelta(seconds=lease_seconds))
        )
    return ids


def release_claims(*, session: Session, document_ids: list[int]) -> None:
    """End the claims of documents this worker will not extract after all."""
    session.execute(
        update(Document).where(col(Document.id).in_(document_ids)).values(claimed_until=None)
    )
