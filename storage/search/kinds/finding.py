"""Findings: the mention as written, its canonical value and its label; rejected findings
leave the index. Found by the reader's clearance on their document's marking."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session, col, select

from nlp.search_terms import identifier_keys, indexable, is_isotope, material_values, text_config
from nlp.vocabulary import Label, ReviewStatus, Tlp
from storage.models import Document, Finding
from storage.search.kinds import document as document_kind
from storage.search.kinds.base import Entry

name = "finding"


def entries(*, session: Session, ids: Sequence[int]) -> list[Entry]:
    rows = session.exec(
        select(Finding, Document)
        .join(Document, col(Document.id) == col(Finding.document_id))
        .where(col(Finding.id).in_(ids), col(Finding.status) != ReviewStatus.REJECTED)
    ).all()
    return [_entry(finding, document) for finding, document in rows]


def _entry(finding: Finding, document: Document) -> Entry:
    normalized = finding.normalized or ""
    entry = Entry(
        kind=name,
        entity_id=finding.id or 0,
        document_id=finding.document_id,
        marking=document.marking,
        external_id=document.external_id,
        title=indexable(finding.text),
        body=indexable(" · ".join(filter(None, [finding.text, normalized, str(finding.label)]))),
        config=text_config(document.language),
        day=document_kind.document_day(document),
        status=str(finding.status),
    )
    if finding.label in document_kind.NAME_LABELS:
        entry.add_names([finding.text, normalized])
    materials: list[str] = []
    if finding.label == Label.MATERIAL and normalized:
        materials = material_values(normalized)
        serial = (finding.attributes or {}).get("serial_number")
        isotopes = [normalized] if is_isotope(normalized) else []
        entry.keys |= identifier_keys(isotopes, [str(serial)] if serial else [])
    entry.add_filters(
        countries=[*document.countries, document.bureau_country],
        materials=materials,
        sources=[document.source_id],
    )
    return entry


def all_ids(*, session: Session) -> list[int]:
    query = select(Finding.id).where(col(Finding.status) != ReviewStatus.REJECTED)
    return [i for i in session.exec(query).all() if i is not None]


def ids_of_documents(*, session: Session, document_ids: Sequence[int]) -> list[int]:
    query = select(Finding.id).where(col(Finding.document_id).in_(document_ids))
    return [i for i in session.exec(query).all() if i is not None]


def visible(clearance: Tlp, entry: Table) -> ColumnElement[bool]:
    return document_kind.visible(clearance, entry)


def marked(marking: Tlp, entry: Table) -> ColumnElement[bool]:
    return document_kind.marked(marking, entry)


def link(entry: Any) -> tuple[str, int | None]:
    return "document", entry.document_id
