"""Engine and sessions. One engine per database URL, created on first use."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Insert, Table, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from storage.authz import PermissionDenied
from storage.settings import get_storage_settings


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)


def get_engine() -> Engine:
    return engine_for(get_storage_settings().resolved_database_url)


@contextmanager
def session_scope(engine: Engine | None = None) -> Iterator[Session]:
    """The unit of work: a session that commits once on success and rolls back on error.

    Storage functions only flush; the caller's scope decides what commits together. A
    refused action (storage.authz) is rolled back and its refusal committed alone."""
    with Session(engine or get_engine(), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except PermissionDenied as refusal:
            session.rollback()
            session.add(refusal.audit_event)
            session.commit()
            raise
        except BaseException:
            session.rollback()
            raise


def insert_ignoring_conflicts(
    session: Session, table: Table, rows: list[dict[str, Any]], unique: list[str]
) -> Insert:
    """INSERT ... ON CONFLICT (unique) DO NOTHING: a row a concurrent transaction inserted
    first is skipped instead of failing the whole transaction."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table).values(rows).on_conflict_do_nothing(index_elements=unique)
    if dialect == "sqlite":
        return sqlite.insert(table).values(rows).on_conflict_do_nothing(index_elements=unique)
    raise ValueError(f"unsupported database dialect: {dialect}")
