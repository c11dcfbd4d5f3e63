"""Platform figures for `radintel status`: every count is one SQL GROUP BY, no rows loaded.

Run for a user (`radintel status --as USER`), the document and finding figures count only
what that user's clearance lets them read; run by an operator (no user), they count
everything, as an operator with database access sees it anyway. Runs and failures are
ingestion health and are never filtered.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any, TypedDict

from sqlalchemy import func
from sqlalchemy.orm import Mapped
from sqlmodel import Session, col, select

from nlp.vocabulary import Tlp
from storage.clearance import document_visible, finding_visible
from storage.models import Document, Finding, IngestFailure, IngestRun
from storage.notifications import undelivered_emails

LAST_RUNS = 5


class RunSummary(TypedDict):
    id: int
    flow: str
    source_id: int | None
    status: str
    started_at: str
    finished_at: str | None
    counts: dict[str, int]
    error: str | None


class PlatformStatus(TypedDict):
    documents: int
    findings: int
    by_status: dict[str, int]
    by_language: dict[str, int]
    by_format: dict[str, int]
    failures: int
    findings_by_review_status: dict[str, int]
    undelivered_notifications: int  # e-mails that failed and were not sent (yet)
    last_runs: list[RunSummary]


def _label(value: Any) -> str:
    if value is None:
        return "unknown"
    return str(value.value if isinstance(value, Enum) else value)


def _count(session: Session, model: type[Any], *conditions: Any) -> int:
    statement = select(func.count()).select_from(model).where(*conditions)
    return int(session.exec(statement).one())


def _grouped(session: Session, column: Mapped[Any], *conditions: Any) -> dict[str, int]:
    statement = (
        select(column, func.count())
        .where(*conditions)
        .group_by(column)
        .order_by(func.count().desc())
    )
    return {_label(value): int(count) for value, count in session.exec(statement).all()}


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _last_runs(session: Session) -> list[RunSummary]:
    statement = select(IngestRun).order_by(col(IngestRun.started_at).desc()).limit(LAST_RUNS)
    return [
        RunSummary(
            id=run.id or 0,
            flow=run.flow,
            source_id=run.source_id,
            status=_label(run.status),
            started_at=run.started_at.isoformat(),
            finished_at=_iso(run.finished_at),
            counts=dict(run.counts),
            error=run.error,
        )
        for run in session.exec(statement).all()
    ]


def collect_status(*, session: Session, clearance: Tlp | None) -> PlatformStatus:
    """The platform figures; `clearance` None is the operator's view (every document)."""
    # Every failed input (a failed document included) has one IngestFailure row until an
    # operator resolves or retries it: counting documents too would count it twice.
    unresolved = _count(session, IngestFailure, col(IngestFailure.resolved).is_(False))
    documents = [] if clearance is None else [document_visible(clearance)]
    findings = [] if clearance is None else [finding_visible(clearance)]
    return PlatformStatus(
        documents=_count(session, Document, *documents),
        findings=_count(session, Finding, *findings),
        by_status=_grouped(session, col(Document.status), *documents),
        by_language=_grouped(session, col(Document.language), *documents),
        by_format=_grouped(session, col(Document.format), *documents),
        failures=unresolved,
        findings_by_review_status=_grouped(session, col(Finding.status), *findings),
        undelivered_notifications=undelivered_emails(session=session),
        last_runs=_last_runs(session),
    )
