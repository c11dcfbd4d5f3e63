"""The unit of work owns the transaction: storage functions flush, the caller commits once,
so an action and its audit event land together or not at all."""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, event, func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from nlp.vocabulary import Tlp
from storage.authz import Operator
from storage.db import session_scope
from storage.incidents import create_incident, merge_incidents
from storage.models import (
    Finding,
    Incident,
    IncidentCreate,
    IncidentDocument,
    IngestFailure,
    IngestRun,
    ReviewEvent,
)
from storage.review import confirm_finding
from storage.runs import retry_failure
from tests.factories import create_actor, create_document, create_finding, ident

STORAGE = Path(__file__).resolve().parents[2] / "storage"
# The scope that commits, and Alembic's own connection handling.
OWNS_TRANSACTIONS = {STORAGE / "db.py"}


def _storage_modules() -> list[Path]:
    return sorted(
        path
        for path in STORAGE.rglob("*.py")
        if path not in OWNS_TRANSACTIONS and "migrations" not in path.parts
    )


def _transaction_calls(path: Path) -> list[str]:
    return [
        f"{path}:{node.lineno} .{node.func.attr}()"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in {"commit", "rollback"}
    ]


def test_no_storage_function_commits_or_rolls_back() -> None:
    modules = _storage_modules()
    assert STORAGE / "review.py" in modules and STORAGE / "runs.py" in modules
    offenders = [call for path in modules for call in _transaction_calls(path)]
    assert offenders == [], "storage functions flush; the caller's session_scope commits"


def test_the_check_sees_a_commit(tmp_path: Path) -> None:
    module = tmp_path / "example.py"
    module.write_text("def save(*, session):\n    session.add(1)\n    session.commit()\n")
    assert _transaction_calls(module) == [f"{module}:3 .commit()"]


class AuditStoreDown(RuntimeError):
    pass


@pytest.fixture
def fail_audit() -> Iterator[Callable[[], None]]:
    """Arms a failure of every ReviewEvent insert, as a full disk or a lost connection would."""

    def refuse(*_: Any) -> None:
        raise AuditStoreDown("the audit event could not be written")

    def arm() -> None:
        event.listen(ReviewEvent, "before_insert", refuse)

    yield arm
    if event.contains(ReviewEvent, "before_insert", refuse):
        event.remove(ReviewEvent, "before_insert", refuse)


def _count(session: Session, model: Any) -> int:
    return int(session.exec(select(func.count()).select_from(model)).one())


def _finding(engine: Engine) -> tuple[Callable[[Session], Any], Callable[[Session], Any]]:
    with session_scope(engine) as session:
        create_actor(session, "ana")
        finding_id = ident(create_finding(session, create_document(session), "Rotterdam", "GPE"))

    def act(session: Session) -> Any:
        return confirm_finding(
            session=session, finding_id=finding_id, expected_version=1, username="ana"
        )

    def state(session: Session) -> Any:
        finding = session.get(Finding, finding_id)
        assert finding is not None
        return (finding.status, finding.version, finding.reviewed_by)

    return act, state


def _merge(engine: Engine) -> tuple[Callable[[Session], Any], Callable[[Session], Any]]:
    with session_scope(engine) as session:
        create_actor(session, "ana")
        documents = [ident(create_document(session)) for _ in range(2)]
        first, second = (
            ident(
                create_incident(
                    session=session,
                    username="ana",
                    data=IncidentCreate(title=f"Gauge theft {n}"),
                    document_ids=[document_id],
                )
            )
            for n, document_id in enumerate(documents)
        )
        session.execute(delete(ReviewEvent))  # the test counts the events of the merge only

    def act(session: Session) -> Any:
        return merge_incidents(
            session=session,
            merged_id=second,
            into_id=first,
            username="ana",
            reason="same",
            clearance=Tlp.RED,
        )

    def state(session: Session) -> Any:
        incidents = session.exec(select(Incident).order_by(Incident.id)).all()  # type: ignore[arg-type]
        links = session.exec(select(IncidentDocument.incident_id)).all()
        return [(i.status, i.version, i.merged_into_id) for i in incidents], sorted(links)

    return act, state


def _retry(engine: Engine) -> tuple[Callable[[Session], Any], Callable[[Session], Any]]:
    with session_scope(engine) as session:
        run = IngestRun(flow="ingest")
        session.add(run)
        session.flush()
        failure = IngestFailure(run_id=ident(run), item="https://x.example/a", reason="HTTP 503")
        session.add(failure)
        session.flush()
        failure_id = ident(failure)

    def act(session: Session) -> Any:
        return retry_failure(session=session, failure_id=failure_id, username=Operator("ops"))

    def state(session: Session) -> Any:
        stored = session.get(IngestFailure, failure_id)
        assert stored is not None
        return stored.retried_at

    return act, state


ACTIONS = {"finding decision": _finding, "incident merge": _merge, "failure retry": _retry}


@pytest.mark.parametrize("action", ACTIONS)
def test_an_action_whose_audit_write_fails_leaves_nothing(
    engine: Engine, fail_audit: Callable[[], None], action: str
) -> None:
    act, state = ACTIONS[action](engine)
    with session_scope(engine) as session:
        before = state(session)
    fail_audit()
    with pytest.raises(AuditStoreDown), session_scope(engine) as session:
        act(session)
    with session_scope(engine) as session:
        assert state(session) == before
        assert _count(session, ReviewEvent) == 0


@pytest.mark.parametrize("action", ACTIONS)
def test_an_action_that_fails_after_the_change_leaves_nothing(engine: Engine, action: str) -> None:
    act, state = ACTIONS[action](engine)
    with session_scope(engine) as session:
        before = state(session)
        events = _count(session, ReviewEvent)
    with pytest.raises(RuntimeError, match="after the change"), session_scope(engine) as session:
        act(session)
        assert state(session) != before  # the change and its event are flushed, not committed
        raise RuntimeError("the caller failed after the change")
    with session_scope(engine) as session:
        assert state(session) == before
        assert _count(session, ReviewEvent) == events
    with session_scope(engine) as session:
        act(session)
    with session_scope(engine) as session:
        assert state(session) != before and _count(session, ReviewEvent) > events
