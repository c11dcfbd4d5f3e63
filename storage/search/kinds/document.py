"""Documents: title and extracted text in their language, names of their people and
organisations, their isotopes and serial numbers; found by the reader's clearance on the
document's own marking."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session, col, select

from nlp.linking.evidence import serial_numbers
from nlp.search_terms import identifier_keys, indexable, is_isotope, material_values, text_config
from nlp.vocabulary import Label, ReviewStatus, Tlp
from storage.clearance import document_visible
from storage.models import Document, Finding
from storage.objectstore import get_object_store
from storage.objectstore.base import ObjectNotFound
from storage.search.kinds.base import MAX_BODY_CHARS, Entry

NAME_LABELS = (Label.PERSON, Label.ORG)
log = logging.getLogger(__name__)
name = "document"


def _text(document: Document) -> str:
    if not document.text_key:
        return ""
    try:
        return get_object_store().get(document.text_key).decode("utf-8", errors="replace")
    except ObjectNotFound:
        # Extraction records the lost text as the document's failure; the index keeps what
        # it still has (title, findings) rather than failing the write that called it.
        log.warning("document %s: text %s missing from the store", document.id, document.text_key)
        return ""


def kept_findings(*, session: Session, document_ids: Sequence[int]) -> dict[int, list[Finding]]:
    """The findings of each document that an analyst has not rejected."""
    rows = session.exec(
        select(Finding).where(
            col(Finding.document_id).in_(document_ids),
            col(Finding.status) != ReviewStatus.REJECTED,
        )
    )
    found: dict[int, list[Finding]] = defaultdict(list)
    for finding in rows:
        found[finding.document_id].append(finding)
    return found


def document_day(document: Document) -> Any:
    moment = document.published_at or document.fetched_at
    return moment.date() if moment else None


def entries(*, session: Session, ids: Sequence[int]) -> list[Entry]:
    documents = session.exec(select(Document).where(col(Document.id).in_(ids))).all()
    findings = kept_findings(session=session, document_ids=list(ids))
    return [
        _entry(document, findings.get(document.id or 0, []))
        for document in documents
        if document.text_key
    ]


def _entry(document: Document, findings: list[Finding]) -> Entry:
    text = _text(document)[:MAX_BODY_CHARS]
    materials = [f.normalized for f in findings if f.label == Label.MATERIAL and f.normalized]
    entry = Entry(
        kind=name,
        entity_id=document.id or 0,
        document_id=document.id,
        marking=document.marking,
        external_id=document.external_id,
        title=indexable(document.title or ""),
        body=indexable(text),
        config=text_config(document.language),
        day=document_day(document),
        status=str(document.status),
    )
    entry.add_names(f.text for f in findings if f.label in NAME_LABELS)
    entry.keys |= identifier_keys([m for m in materials if is_isotope(m)], serial_numbers(text))
    entry.add_filters(
        countries=[*document.countries, document.bureau_country],
        materials=[value for m in materials for value in material_values(m)],
        sources=[document.source_id],
    )
    return entry


def all_ids(*, session: Session) -> list[int]:
    query = select(Document.id).where(col(Document.text_key).is_not(None))
    return [i for i in session.exec(query).all() if i is not None]


def visible(clearance: Tlp, entry: Table) -> ColumnElement[bool]:
    """The document's marking, as its entry holds it, is readable (storage.clearance)."""
    return document_visible(clearance, entry.c.marking)


def marked(marking: Tlp, entry: Table) -> ColumnElement[bool]:
    return entry.c.marking == marking


def link(entry: Any) -> tuple[str, int | None]:
    return "document", entry.document_id
