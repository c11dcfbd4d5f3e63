"""Keeping the search index in step: each storage function that writes a searchable thing
calls one of these in the same unit of work, so the index never lags behind a commit.

- documents stored (storage.documents.add_documents) or extracted
  (storage.findings.save_extractions): `index_documents`, the documents and their findings;
- an analyst's decision on a finding (storage.review): `index_finding_change`, the finding,
  its document (names, isotopes) and the incidents the document belongs to;
- every audited change of an incident (storage.incidents): `index_entities("incident", ...)`;
- an operator's `radintel search --reindex`: `reindex_batches`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import delete, insert
from sqlmodel import Session, col

from nlp.search_terms import NAME, key
from storage.db import insert_ignoring_conflicts
from storage.models import Finding, SearchEntry, SearchNameToken
from storage.models._base import utcnow
from storage.search.kinds import KINDS, Entry
from storage.search.kinds import finding as finding_kind
from storage.search.kinds import incident as incident_kind

REINDEX_BATCH = 500


def index_entities(*, session: Session, kind: str, ids: Sequence[int]) -> int:
    """Replace the entries of these entities (an entity no longer searchable loses its
    entry). Returns the number of entries written."""
    ids = sorted(set(ids))
    if not ids:
        return 0
    built = KINDS[kind].entries(session=session, ids=ids)
    session.execute(
        delete(SearchEntry).where(
            col(SearchEntry.kind) == kind, col(SearchEntry.entity_id).in_(ids)
        )
    )
    if built:
        session.execute(insert(SearchEntry), [_row(entry) for entry in built])
        _remember_names(session, {name for entry in built for name in entry.names})
    return len(built)


def _row(entry: Entry) -> dict[str, Any]:
    keys = entry.keys | {key(NAME, name) for name in entry.names}
    return {
        "kind": entry.kind,
        "entity_id": entry.entity_id,
        "marking": entry.marking,
        "document_id": entry.document_id,
        "incident_id": entry.incident_id,
        "external_id": entry.external_id,
        "title": entry.title,
        "body": entry.body,
        "config": entry.config,
        "keys": " ".join(sorted(k for k in keys if k)),
        "day": entry.day,
        "status": entry.status,
        "updated_at": utcnow(),
    }


def _remember_names(session: Session, names: set[str]) -> None:
    if names:
        table = SearchNameToken.__table__  # type: ignore[attr-defined]
        rows = [{"token": name[:80]} for name in sorted(names)]
        session.execute(insert_ignoring_conflicts(session, table, rows, ["token"]))


def index_documents(*, session: Session, document_ids: Sequence[int]) -> None:
    """The documents and all their findings (extraction replaces pending findings)."""
    if not document_ids:
        return
    index_entities(session=session, kind="document", ids=document_ids)
    session.execute(
        delete(SearchEntry).where(
            col(SearchEntry.kind) == "finding", col(SearchEntry.document_id).in_(document_ids)
        )
    )
    finding_ids = finding_kind.ids_of_documents(session=session, document_ids=document_ids)
    index_entities(session=session, kind="finding", ids=finding_ids)


def index_finding_change(*, session: Session, finding: Finding) -> None:
    """After a decision on a finding: it, its document and that document's incidents."""
    assert finding.id is not None
    index_entities(session=session, kind="finding", ids=[finding.id])
    index_entities(session=session, kind="document", ids=[finding.document_id])
    incidents = incident_kind.ids_of_documents(session=session, document_ids=[finding.document_id])
    index_entities(session=session, kind="incident", ids=incidents)


def reindex_batches(*, session: Session, kind: str) -> Iterator[int]:
    """Rebuild one kind from scratch, yielding the entries written per batch, so that the
    caller may commit between batches (the kind is incomplete until the last one)."""
    session.execute(delete(SearchEntry).where(col(SearchEntry.kind) == kind))
    ids = KINDS[kind].all_ids(session=session)
    for start in range(0, len(ids), REINDEX_BATCH):
        yield index_entities(session=session, kind=kind, ids=ids[start : start + REINDEX_BATCH])
