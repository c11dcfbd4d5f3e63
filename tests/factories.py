"""Plain factory functions for test data, and the read helpers of the ingestion tests.
Factories go through the storage functions where one exists (documents, sources, users,
incidents); findings are built directly because storage only writes them for an extraction
or an analyst's decision, each with side effects a fixture must not have."""

from __future__ import annotations

import hashlib
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from flows.settings import get_flow_settings
from flows.sources_file import put_source
from nlp.linking.evidence import DocumentEvidence
from nlp.vocabulary import DocumentStatus, Role, SourceKind, Tlp
from storage.db import session_scope
from storage.documents import add_documents
from storage.incidents import create_incident as open_incident
from storage.incidents import draft_from_document
from storage.models import (
    Document,
    DocumentCreate,
    Finding,
    Incident,
    IngestFailure,
    IngestRun,
    Source,
    SourceCreate,
)
from storage.models.users import User
from storage.objectstore import get_object_store
from storage.sources import upsert_source
from storage.users import create_user as add_user
from storage.users import hash_password

HOSTILE_TEXT = (
    "Customs in Rotterdam seized Cs-137 from Norvik Gauge Services.\n"
    "<script>alert(1)</script> <img src=x onerror=alert(2)> "
    "[link](javascript:alert(3)) **bold** :red[red] $x^2$"
)
# An extracted document as the review UI shows it, with a link a browser must never follow.
HOSTILE_METADATA: dict[str, Any] = {
    "title": "Seizure of Cs-137 in Rotterdam",
    "url": "javascript:alert(4)",
    "status": DocumentStatus.EXTRACTED,
}
PASSWORD = "a long enough password"


def create_source(
    session: Session, name: str | None = None, kind: SourceKind = SourceKind.FEED, **fields: Any
) -> Source:
    name = name or f"source-{uuid.uuid4().hex[:8]}"
    source_create = SourceCreate.model_validate({"name": name, "kind": kind, **fields})
    source = upsert_source(session=session, source_create=source_create)
    session.commit()
    return source


def create_document(
    session: Session, text: str = HOSTILE_TEXT, source: Source | None = None, **fields: Any
) -> Document:
    """A committed document whose text is in the object store. Fields of DocumentCreate go
    through storage's add_documents; the ones extraction fills (countries, relevant, ...)
    are set on the stored row afterwards."""
    key = get_object_store().put(text.encode("utf-8"))
    values: dict[str, Any] = {
        "source_id": source.id if source else None,
        "format": "txt",
        "sha256": hashlib.sha256(uuid.uuid4().bytes).hexdigest(),  # unique, whatever the text
        "raw_key": key,
        "text_key": key,
        **fields,
    }
    declared = {
        name: values.pop(name) for name in list(values) if name in DocumentCreate.model_fields
    }
    added = add_documents(session=session, documents=[DocumentCreate.model_validate(declared)])
    document = added.new[0]
    for name, value in values.items():
        setattr(document, name, value)
    session.add(document)
    session.commit()
    session.refresh(document)
    return document


def create_finding(
    session: Session, document: Document, needle: str, label: str = "ORG", **fields: Any
) -> Finding:
    """An extractor's pending finding on the first occurrence of `needle` in the text."""
    text = get_object_store().get(document.text_key or "").decode("utf-8")
    start = text.index(needle)
    values: dict[str, Any] = {
        "document_id": document.id or 0,
        "label": label,
        "text": needle,
        "start": start,
        "end": start + len(needle),
        "extractor": "spacy-ner",
        "extractor_version": "test-1",
        "confidence": 0.8,
        **fields,
    }
    finding = Finding(**values)
    session.add(finding)
    session.commit()
    session.refresh(finding)
    return finding


def create_user(
    session: Session,
    username: str,
    role: str = "analyst",
    password: str = PASSWORD,
    clearance: Tlp = Tlp.RED,  # test data goes up to TLP:RED; clearance tests pass their own
) -> User:
    user = add_user(
        session=session, username=username, password=password, role=role, clearance=clearance
    )
    session.commit()
    return user


def create_actor(
    session: Session, username: str, role: Role = Role.ANALYST, clearance: Tlp = Tlp.RED
) -> str:
    """An enabled account, so storage functions accept `username` as the acting user (the row
    itself: tests act as short names like "a" that sign-up would refuse)."""
    password_hash = hash_password(uuid.uuid4().hex)
    session.add(
        User(username=username, role=role, clearance=clearance, password_hash=password_hash)
    )
    session.commit()
    return username


def create_incident(session: Session, documents: list[Document], username: str = "ana") -> Incident:
    """An incident opened from the first document (pre-filled from its findings), with all."""
    draft = draft_from_document(session=session, document_id=ident(documents[0]), clearance=Tlp.RED)
    ids = [ident(document) for document in documents]
    incident = open_incident(session=session, username=username, data=draft, document_ids=ids)
    session.commit()
    return incident


def ident(row: Document | Finding | Any) -> int:
    """The primary key of a stored row (never None once committed)."""
    assert row.id is not None
    return int(row.id)


def document_create(text: str, **fields: Any) -> DocumentCreate:
    """An unsaved document whose sha256 is that of `text` (equal texts, equal documents)."""
    sha = hashlib.sha256(text.encode()).hexdigest()
    return DocumentCreate.model_validate({"format": "txt", "sha256": sha, **fields})


def declare(name: str, kind: str, **fields: Any) -> SourceCreate:
    """A source declared in the sources file, as an operator would."""
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


def link_evidence(document_id: str = "doc", **fields: Any) -> DocumentEvidence:
    """DocumentEvidence for the linking tests: an English report with nothing in it but
    what the test gives (sets as any iterable, dates as ISO strings)."""
    values: dict[str, Any] = {
        "document_id": document_id,
        "language": "en",
        "title": document_id,
        "published": None,
        "incident_date": None,
        "incident_type": "theft",
    }
    for key, value in fields.items():
        if key in ("published", "incident_date") and isinstance(value, str):
            value = date.fromisoformat(value)
        elif key == "dates":
            value = frozenset(date.fromisoformat(v) for v in value)
        elif isinstance(value, list | set | tuple) and key not in ("activities", "quantities"):
            value = frozenset(value)
        values[key] = value
    return DocumentEvidence(**values)
