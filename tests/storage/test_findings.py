"""Re-extraction keeps analysts' decisions and never re-proposes what they rejected."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from nlp.vocabulary import DocumentStatus, ReviewStatus
from storage.findings import (
    DocumentExtraction,
    NewFinding,
    document_embedding,
    documents_awaiting_extraction,
    save_extractions,
    suppressions_for,
)
from storage.models import Document, Finding, Suppression
from tests.factories import create_document, create_source


def finding(
    label: str, start: int, end: int, text: str, normalized: str | None = None
) -> NewFinding:
    return NewFinding(label, text, start, end, normalized, {}, 0.9, "material-rules", "v1")


def extraction(
    document_id: int, findings: list[NewFinding], version: str = "v1"
) -> DocumentExtraction:
    return DocumentExtraction(
        document_id=document_id,
        language="en",
        extractor_version=version,
        findings=findings,
        relevant=True,
        relevance=0.9,
        incident_type="theft",
        intent_group="undetermined",
        countries=["FR"],
        incident_date=date(2025, 3, 2),
        evidence=[{"decision": "relevant", "start": 0, "end": 4, "note": "stolen"}],
        embedding=[0.5, 0.25],
        embedding_model="test-model",
    )


def test_save_writes_findings_assessment_and_embedding(session: Session) -> None:
    document = create_document(session)
    assert document.id is not None
    written = save_extractions(
        session=session,
        extractions=[extraction(document.id, [finding("MATERIAL", 0, 6, "Cs-137", "Cs-137")])],
    )
    session.commit()
    assert written == 1
    stored = session.get(Document, document.id)
    assert stored is not None
    assert stored.status == DocumentStatus.EXTRACTED
    assert stored.countries == ["FR"] and stored.incident_date == date(2025, 3, 2)
    vector = document_embedding(session=session, document_id=document.id)
    assert vector is not None and vector.tolist() == [0.5, 0.25]


def test_reextraction_replaces_pending_only_and_skips_reviewed_spans(session: Session) -> None:
    document = create_document(session)
    assert document.id is not None
    first = [
        finding("MATERIAL", 0, 6, "Cs-137", "Cs-137"),
        finding("PERSON", 10, 14, "Will"),
        finding("GPE", 20, 25, "Paris", "FR"),
    ]
    save_extractions(session=session, extractions=[extraction(document.id, first)])
    session.commit()
    rows = {f.text: f for f in session.exec(select(Finding)).all()}
    rows["Cs-137"].status = ReviewStatus.CONFIRMED
    rows["Will"].status = ReviewStatus.REJECTED
    session.add_all([rows["Cs-137"], rows["Will"]])
    session.commit()

    second = [*first, finding("DATE", 30, 34, "2025", "2025")]
    save_extractions(session=session, extractions=[extraction(document.id, second, version="v2")])
    session.commit()
    after = session.exec(select(Finding).order_by(Finding.start)).all()
    assert [(f.text, f.status) for f in after] == [
        ("Cs-137", ReviewStatus.CONFIRMED),
        ("Will", ReviewStatus.REJECTED),
        ("Paris", ReviewStatus.PENDING),
        ("2025", ReviewStatus.PENDING),
    ]


def test_awaiting_extraction_includes_outdated_versions(session: Session) -> None:
    fresh = create_document(session, "a")
    old = create_document(session, "b")
    assert old.id is not None
    save_extractions(session=session, extractions=[extraction(old.id, [], version="v0")])
    session.commit()
    waiting = documents_awaiting_extraction(session=session, extractor_version="v1")
    assert [d.id for d in waiting] == [fresh.id, old.id]
    current = documents_awaiting_extraction(session=session, extractor_version="v0")
    assert [d.id for d in current] == [fresh.id]


def test_suppressions_apply_by_document_and_by_source(session: Session) -> None:
    source = create_source(session, "feed", url="http://example.invalid/feed")
    one = create_document(session, "one", source)
    two = create_document(session, "two", source)
    other = create_document(session, "three")
    session.add(
        Suppression(
            label="PERSON",
            text_key="will",
            source_id=source.id,
            created_by="a",
            reason="modal verb",
        )
    )
    session.add(
        Suppression(label="ORG", text_key="nrc", document_id=one.id, created_by="a", reason="x")
    )
    session.commit()
    rules = suppressions_for(session=session, documents=[one, two, other])
    assert rules[one.id or 0] == {("PERSON", "will"), ("ORG", "nrc")}
    assert rules[two.id or 0] == {("PERSON", "will")}
    assert (other.id or 0) not in rules
