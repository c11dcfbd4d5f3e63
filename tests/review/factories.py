"""Plain factory functions for review tests."""

from __future__ import annotations

import hashlib
import uuid
from typing import Any

from sqlmodel import Session

from nlp.vocabulary import DocumentStatus, Role, SourceKind, Tlp
from storage.models import Document, Finding, Source, User
from storage.objectstore import get_object_store
from storage.users import hash_password

HOSTILE_TEXT = (
    "Customs in Rotterdam seized Cs-137 from Norvik Gauge Services.\n"
    "<script>alert(1)</script> <img src=x onerror=alert(2)> "
    "[link](javascript:alert(3)) **bold** :red[red] $x^2$"
)


def make_user(
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


def make_source(session: Session, name: str | None = None) -> Source:
    source = Source(name=name or f"source-{uuid.uuid4().hex[:8]}", kind=SourceKind.FEED)
    session.add(source)
    session.commit()
    session.refresh(source)
    return source


def make_document(
    session: Session, text: str = HOSTILE_TEXT, source: Source | None = None, **fields: object
) -> Document:
    key = get_object_store().put(text.encode("utf-8"))
    document = Document(
        source_id=source.id if source else None,
        title=str(fields.pop("title", "Seizure of Cs-137 in Rotterdam")),
        format="txt",
        sha256=hashlib.sha256(uuid.uuid4().bytes).hexdigest(),
        raw_key=key,
        text_key=key,
        status=DocumentStatus.EXTRACTED,
        url=str(fields.pop("url", "javascript:alert(4)")),
        **fields,  # type: ignore[arg-type]
    )
    session.add(document)
    session.commit()
    session.refresh(document)
    return document


def make_finding(
    session: Session, document: Document, needle: str, label: str = "ORG", **fields: object
) -> Finding:
    text = get_object_store().get(document.text_key or "").decode("utf-8")
    start = text.index(needle)
    finding = Finding(
        document_id=document.id or 0,
        label=label,
        text=needle,
        start=start,
        end=start + len(needle),
        extractor="spacy-ner",
        extractor_version="test-1",
        confidence=0.8,
        **fields,  # type: ignore[arg-type]
    )
    session.add(finding)
    session.commit()
    session.refresh(finding)
    return finding


def ident(row: Document | Finding | Any) -> int:
    """The primary key of a stored row (never None once committed)."""
    assert row.id is not None
    return int(row.id)
