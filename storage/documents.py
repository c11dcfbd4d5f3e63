"""Persistence of ingested documents: look-ups for de-duplication and a bulk insert
that tolerates a concurrent insert of the same content (unique sha256)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from nlp.vocabulary import DocumentStatus, Tlp
from storage.clearance import document_visible
from storage.db import insert_ignoring_conflicts
from storage.models import Document, DocumentCreate, Source
from storage.objectstore import get_object_store
from storage.search.index import index_documents


@dataclass
class AddResult:
    new: list[Document] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)  # sha256 of rows already there


def find_by_sha256(*, session: Session, sha256: str) -> Document | None:
    return session.exec(select(Document).where(Document.sha256 == sha256)).first()


def get_document(*, session: Session, document_id: int, clearance: Tlp) -> Document | None:
    """The document, or None when there is none or it is above the clearance (the same
    answer: a user cannot tell a document they may not read from a missing one)."""
    query = select(Document).where(col(Document.id) == document_id, document_visible(clearance))
    return session.exec(query).first()


def document_source(*, session: Session, document: Document) -> Source | None:
    """The source of a document already read (through `get_document`)."""
    return session.get(Source, document.source_id) if document.source_id else None


def original_file(*, session: Session, document_id: int, clearance: Tlp) -> bytes | None:
    """The bytes of the original file, checked again against the clearance when asked."""
    document = get_document(session=session, document_id=document_id, clearance=clearance)
    if document is None or not document.raw_key:
        return None
    return get_object_store().get(document.raw_key)


def known_sha256s(*, session: Session, sha256s: Collection[str]) -> dict[str, int]:
    """Map each already-stored sha256 among `sha256s` to its document id."""
    if not sha256s:
        return {}
    query = select(Document.sha256, Document.id).where(col(Document.sha256).in_(list(sha256s)))
    return {sha: int(doc_id) for sha, doc_id in session.exec(query).all() if doc_id is not None}


def known_urls(*, session: Session, source_id: int, urls: Collection[str]) -> set[str]:
    """The URLs among `urls` that this source already stored. Per source: a URL another
    source stored (perhaps named in a forged feed entry) never stops this one fetching it."""
    if not urls:
        return set()
    query = select(Document.url).where(
        col(Document.url).in_(list(urls)), col(Document.source_id) == source_id
    )
    return {url for url in session.exec(query).all() if url is not None}


def add_documents(*, session: Session, documents: Sequence[DocumentCreate]) -> AddResult:
    """Insert the documents in one statement; rows whose sha256 is already stored (by an
    earlier run or a concurrent one) are skipped and reported as duplicates."""
    result = AddResult()
    unique: dict[str, DocumentCreate] = {}
    for document in documents:
        if document.sha256 in unique:
            result.duplicates.append(document.sha256)
        else:
            unique[document.sha256] = document
    if not unique:
        return result
    rows = [Document.model_validate(doc.model_dump()).model_dump() for doc in unique.values()]
    for row in rows:
        row.pop("id", None)
    table = Document.__table__  # type: ignore[attr-defined]
    statement = insert_ignoring_conflicts(session, table, rows, ["sha256"])
    statement = statement.returning(table.c.sha256)
    inserted = set(session.execute(statement).scalars().all())
    result.duplicates.extend(sha for sha in unique if sha not in inserted)
    if inserted:
        query = select(Document).where(col(Document.sha256).in_(list(inserted)))
        result.new = sorted(session.exec(query).all(), key=lambda doc: doc.id or 0)
        index_documents(session=session, document_ids=[d.id for d in result.new if d.id])
    return result


def delete_failed_document(*, session: Session, sha256: str) -> bool:
    """Remove the row of a document that failed to parse (its bytes stay in the object
    store), so that the next ingestion of the same input parses it again."""
    document = find_by_sha256(session=session, sha256=sha256)
    if document is None or document.status != DocumentStatus.FAILED:
        return False
    session.delete(document)
    session.flush()
    index_documents(session=session, document_ids=[document.id or 0])  # drops its entry
    return True
