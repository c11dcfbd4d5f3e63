"""Plain factory functions for ingestion tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from flows.settings import get_flow_settings
from flows.sources_file import put_source
from storage.db import session_scope
from storage.models import Document, IngestFailure, IngestRun, SourceCreate


def declare(name: str, kind: str, **fields: Any) -> SourceCreate:
    source = SourceCreate.model_validate({"name": name, "kind": kind, **fields})
    put_source(get_flow_settings().resolved_sources_file, source)
    return source


def documents(session: Session | None = None) -> list[Document]:
    with session_scope() as own:
        query = select(Document).order_by(col(Document.id))
        return list((session or own).exec(query).all())


def failures() -> list[IngestFailure]:
    with session_scope() as session:
        return list(session.exec(select(IngestFailure).order_by(col(IngestFailure.id))).all())


def runs() -> list[IngestRun]:
    with session_scope() as session:
        return list(session.exec(select(IngestRun).order_by(col(IngestRun.id))).all())


def by_source(results: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {result["source"]: result for result in results}


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path
