"""Persistence of flow runs and of the inputs they could not ingest."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from datetime import timedelta

from sqlmodel import Session, col, select

from nlp.vocabulary import AuditEntity, RunStatus
from storage.audit import record_event
from storage.authz import REVIEWERS, require_actor
from storage.models import IngestFailure, IngestRun
from storage.models._base import utcnow


def current_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:120]


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def start_run(*, session: Session, flow: str, source_id: int | None = None) -> IngestRun:
    run = IngestRun(flow=flow, source_id=source_id, owner=current_owner())
    session.add(run)
    session.flush()
    return run


def finish_run(
    *, session: Session, run_id: int, counts: dict[str, int], error: str | None = None
) -> IngestRun:
    run = session.get(IngestRun, run_id)
    if run is None:
        raise LookupError(f"no run with id {run_id}")
    run.counts = dict(counts)
    run.error = error
    run.finished_at = utcnow()
    if error is not None:
        run.status = RunStatus.FAILED
    elif counts.get("failed", 0):
        run.status = RunStatus.PARTIAL
    else:
        run.status = RunStatus.SUCCEEDED
    session.add(run)
    session.flush()
    return run


def _is_dead(
    run: IngestRun, host: str, stale_after: timedelta, alive: Callable[[int], bool]
) -> bool:
    owner_host, _, pid = (run.owner or "").rpartition(":")
    if owner_host == host and pid.isdigit():
        return not alive(int(pid))
    return utcnow() - run.started_at > stale_after


def mark_crashed_runs(
    *,
    session: Session,
    flow: str,
    stale_after: timedelta = timedelta(hours=6),
    alive: Callable[[int], bool] = pid_alive,
) -> list[IngestRun]:
    """Mark as crashed the runs still "running" whose process is gone: on this host, the
    owning process id no longer exists; on another host, the run is older than
    `stale_after`."""
    host = socket.gethostname()
    query = select(IngestRun).where(IngestRun.flow == flow, IngestRun.status == RunStatus.RUNNING)
    crashed = [run for run in session.exec(query).all() if _is_dead(run, host, stale_after, alive)]
    for run in crashed:
        run.status = RunStatus.CRASHED
        run.finished_at = utcnow()
        run.error = "process ended while the run was in progress"
        session.add(run)
    session.flush()
    return crashed


def record_failure(
    *,
    session: Session,
    run_id: int,
    source_id: int | None,
    item: str,
    reason: str,
    raw_key: str | None = None,
    quarantine_path: str | None = None,
) -> IngestFailure:
    failure = IngestFailure(
        run_id=run_id,
        source_id=source_id,
        item=item,
        reason=reason,
        raw_key=raw_key,
        quarantine_path=quarantine_path,
    )
    session.add(failure)
    session.flush()
    return failure


def list_failures(
    *,
    session: Session,
    run_id: int | None = None,
    unresolved_only: bool = True,
    limit: int = 100,
) -> list[IngestFailure]:
    query = select(IngestFailure).order_by(col(IngestFailure.id).desc()).limit(limit)
    if run_id is not None:
        query = query.where(IngestFailure.run_id == run_id)
    if unresolved_only:
        query = query.where(col(IngestFailure.resolved).is_(False))
    return list(session.exec(query).all())


def list_runs(*, session: Session, flow: str | None = None, limit: int = 20) -> list[IngestRun]:
    query = select(IngestRun).order_by(col(IngestRun.id).desc()).limit(limit)
    if flow is not None:
        query = query.where(IngestRun.flow == flow)
    return list(session.exec(query).all())


def last_completed_run(*, session: Session, flow: str, source_id: int) -> IngestRun | None:
    """The latest run of `flow` for the source that did not crash or fail outright."""
    query = (
        select(IngestRun)
        .where(IngestRun.flow == flow, IngestRun.source_id == source_id)
        .where(col(IngestRun.status).in_([RunStatus.SUCCEEDED, RunStatus.PARTIAL]))
        .order_by(col(IngestRun.started_at).desc())
    )
    return session.exec(query).first()


def retry_failure(*, session: Session, failure_id: int, username: str) -> IngestFailure:
    """Ask the next ingestion run to try the failed input again, and audit who asked."""
    details = {"failure_id": failure_id}
    require_actor(
        session=session, username=username, roles=REVIEWERS, action="retry", details=details
    )
    failure = _failure(session, failure_id)
    failure.retried_at = utcnow()
    failure.resolved = False
    session.add(failure)
    record_event(
        session,
        username=username,
        action="retry",
        entity=AuditEntity.FAILURE,
        entity_id=failure_id,
        after={"item": failure.item, "retried_at": str(failure.retried_at)},
    )
    session.flush()
    return failure


def list_retry_requests(*, session: Session) -> list[IngestFailure]:
    """Failures an operator asked to retry that no run has taken up yet."""
    query = (
        select(IngestFailure)
        .where(col(IngestFailure.retried_at).is_not(None))
        .where(col(IngestFailure.resolved).is_(False))
        .order_by(col(IngestFailure.id))
    )
    return list(session.exec(query).all())


def resolve_failure(*, session: Session, failure_id: int) -> IngestFailure:
    failure = _failure(session, failure_id)
    failure.resolved = True
    session.add(failure)
    session.flush()
    return failure


def _failure(session: Session, failure_id: int) -> IngestFailure:
    failure = session.get(IngestFailure, failure_id)
    if failure is None:
        raise LookupError(f"no ingest failure with id {failure_id}")
    return failure
