"""The extract flow under Prefect: findings written, failures recorded, decisions kept."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from flows.extract import extract_flow
from storage.models import (
    Document,
    DocumentStatus,
    Finding,
    IngestFailure,
    IngestRun,
    ReviewStatus,
    RunStatus,
)
from tests.factories import create_document

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_harness")]

THEFT = (
    "A radiography camera containing a 40 Ci iridium-192 source was stolen from a truck in "
    "Lyon, France, on 3 March 2025. Police are searching for the device."
)
ROUTINE = "Uranium spot prices rose slightly this week as utilities signed new supply contracts."


def test_extract_flow_writes_findings_and_records_failures(engine: Engine) -> None:
    with Session(engine, expire_on_commit=False) as session:
        theft = create_document(session, THEFT, language="en")
        routine = create_document(session, ROUTINE, language="en")
        broken = create_document(session, "missing", language="en", text_key="f" * 64)

    counts = extract_flow()

    assert counts["documents"] == 2 and counts["failed"] == 1 and counts["relevant"] == 1
    with Session(engine, expire_on_commit=False) as session:
        stored = session.get(Document, theft.id)
        assert stored is not None and stored.relevant and stored.incident_type == "theft"
        assert "FR" in stored.countries
        materials = session.exec(
            select(Finding).where(Finding.document_id == theft.id, Finding.label == "MATERIAL")
        ).all()
        assert [m.normalized for m in materials] == ["Ir-192"]
        assert materials[0].attributes["activity_bq"] == pytest.approx(40 * 3.7e10)
        assert materials[0].extractor_version
        assert session.get(Document, routine.id).relevant is False  # type: ignore[union-attr]
        failed = session.get(Document, broken.id)
        assert failed is not None and failed.status == DocumentStatus.FAILED
        failure = session.exec(select(IngestFailure)).one()
        assert failure.item == f"document:{broken.id}" and "unreadable" in failure.reason
        run = session.exec(select(IngestRun).where(IngestRun.flow == "extract")).one()
        assert run.status == RunStatus.PARTIAL and run.counts["findings"] >= 3

    assert extract_flow() == {}  # nothing left to do


def test_reextraction_keeps_decisions(engine: Engine) -> None:
    with Session(engine, expire_on_commit=False) as session:
        document = create_document(session, THEFT, language="en")
    extract_flow()
    with Session(engine, expire_on_commit=False) as session:
        findings = session.exec(select(Finding).where(Finding.document_id == document.id)).all()
        material = next(f for f in findings if f.label == "MATERIAL")
        other = next(f for f in findings if f.label != "MATERIAL")
        material.status, other.status = ReviewStatus.CONFIRMED, ReviewStatus.REJECTED
        stored = session.get(Document, document.id)
        assert stored is not None
        stored.extractor_version = "an-older-version"
        session.add_all([material, other, stored])
        session.commit()
        before = len(findings)

    assert extract_flow()["documents"] == 1

    with Session(engine, expire_on_commit=False) as session:
        after = session.exec(select(Finding).where(Finding.document_id == document.id)).all()
        assert len(after) == before
        spans = [(f.label, f.start, f.end) for f in after]
        assert len(set(spans)) == len(spans)  # the rejected span was not proposed again
        statuses = {f.id: f.status for f in after}
        assert statuses[material.id] == ReviewStatus.CONFIRMED
        assert statuses[other.id] == ReviewStatus.REJECTED
