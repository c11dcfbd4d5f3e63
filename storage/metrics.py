"""Figures for the Prometheus exporter (`radintel metrics`), read at scrape time.

Each function is one short GROUP BY or COUNT: a scrape every 15 s must stay cheap on a
database with millions of documents. Sources are named by `Source.name`; rows without a
source (extraction failures, documents added by hand) are labelled "none".
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from nlp.vocabulary import DocumentStatus, ReviewStatus, RunStatus
from storage.models import Document, Finding, IngestFailure, IngestRun, Source

NO_SOURCE = "none"
INGEST_FLOW = "ingest"


def _by_source_name(session: Session, rows: Any) -> dict[str, Any]:
    names = dict(session.exec(select(Source.id, Source.name)).all())
    return {names.get(source_id, NO_SOURCE): value for source_id, value in rows}


def documents_per_source(*, session: Session) -> dict[str, int]:
    """Stored documents per source name (every status: what ingestion brought in)."""
    statement = select(Document.source_id, func.count()).group_by(col(Document.source_id))
    return _by_source_name(session, session.exec(statement).all())


def failures_per_source(*, session: Session) -> dict[str, int]:
    """Inputs that could not be ingested or extracted, resolved or not, per source name."""
    statement = select(IngestFailure.source_id, func.count()).group_by(col(IngestFailure.source_id))
    return _by_source_name(session, session.exec(statement).all())


def last_success_per_source(*, session: Session) -> dict[str, datetime]:
    """When each source's latest ingestion run that did not fail outright finished."""
    statement = (
        select(IngestRun.source_id, func.max(IngestRun.finished_at))
        .where(IngestRun.flow == INGEST_FLOW, col(IngestRun.source_id).is_not(None))
        .where(col(IngestRun.status).in_([RunStatus.SUCCEEDED, RunStatus.PARTIAL]))
        .group_by(col(IngestRun.source_id))
    )
    rows = [(source_id, at) for source_id, at in session.exec(statement).all() if at is not None]
    return _by_source_name(session, rows)


def extraction_queue_depth(*, session: Session) -> int:
    """Documents with text never extracted (re-extraction after an upgrade not counted)."""
    statement = (
        select(func.count())
        .select_from(Document)
        .where(col(Document.status) == DocumentStatus.PENDING)
        .where(col(Document.text_key).is_not(None))
    )
    return int(session.exec(statement).one())


def findings_awaiting_review(*, session: Session) -> int:
    statement = (
        select(func.count()).select_from(Finding).where(Finding.status == ReviewStatus.PENDING)
    )
    return int(session.exec(statement).one())
