"""The extract flow under Prefect: findings written, failures recorded, decisions kept."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from flows.extract import extract_flow, get_extractor
from nlp.types import ExtractionResult, InputDocument
from nlp.vocabulary import DocumentStatus, ReviewStatus, RunStatus
from storage.db import session_scope
from storage.models import Document, Finding, IngestFailure, IngestRun, LinkProposal
from tests.factories import create_document

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_harness")]

THEFT = (
    "A radiography camera containing a 40 Ci iridium-192 source was stolen from a truck in "
    "Lyon, France, on 3 March 2025. Police are searching for the device."
)
ROUTINE = "Uranium spot prices rose slightly this week as utilities signed new supply contracts."


def test_extract_flow_writes_findings_and_records_failures(engine: Engine) -> None:
    with session_scope(engine) as session:
        theft = create_document(session, THEFT, language="en")
        routine = create_document(session, ROUTINE, language="en")
        broken = create_document(session, "missing", language="en", text_key="f" * 64)

    counts = extract_flow()

    assert counts["documents"] == 2 and counts["failed"] == 1 and counts["relevant"] == 1
    with session_scope(engine) as session:
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
    with session_scope(engine) as session:
        document = create_document(session, THEFT, language="en")
    extract_flow()
    with session_scope(engine) as session:
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

    with session_scope(engine) as session:
        after = session.exec(select(Finding).where(Finding.document_id == document.id)).all()
        assert len(after) == before
        spans = [(f.label, f.start, f.end) for f in after]
        assert len(set(spans)) == len(spans)  # the rejected span was not proposed again
        statuses = {f.id: f.status for f in after}
        assert statuses[material.id] == ReviewStatus.CONFIRMED
        assert statuses[other.id] == ReviewStatus.REJECTED


def test_an_extractor_bug_costs_its_document_only_and_is_logged_with_its_traceback(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    extractor = get_extractor()
    extract_batch = extractor.extract_batch

    def buggy(inputs: list[InputDocument], **kwargs: Any) -> list[ExtractionResult]:
        if any(item.text == ROUTINE for item in inputs):
            raise ZeroDivisionError("an extractor bug")
        return extract_batch(inputs, **kwargs)

    monkeypatch.setattr(extractor, "extract_batch", buggy)
    with session_scope(engine) as session:
        theft = create_document(session, THEFT, language="en")
        routine = create_document(session, ROUTINE, language="en")

    with caplog.at_level(logging.ERROR):
        counts = extract_flow()

    assert counts["documents"] == 1 and counts["failed"] == 1
    with Session(engine, expire_on_commit=False) as session:
        assert session.get(Document, theft.id).relevant  # type: ignore[union-attr]
        failed = session.get(Document, routine.id)
        assert failed is not None and failed.status == DocumentStatus.FAILED
        failure = session.exec(select(IngestFailure)).one()
        assert failure.item == f"document:{routine.id}"
        assert failure.reason.startswith("extraction failed: internal error ZeroDivisionError")
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info and errors[0].exc_info[0] is ZeroDivisionError
    assert f"document:{routine.id}" in errors[0].getMessage()


THEFT_FR = (
    "Une caméra de radiographie contenant une source d'iridium-192 de 40 Ci a été volée dans "
    "un camion à Lyon, en France, le 3 mars 2025. La police recherche l'appareil."
)


def test_extraction_proposes_links_between_reports_of_one_incident(engine: Engine) -> None:
    with session_scope(engine) as session:
        english = create_document(session, THEFT, language="en")
        french = create_document(session, THEFT_FR, language="fr")

    counts = extract_flow()

    assert counts["indexed"] == 2 and counts["proposals"] == 1
    with session_scope(engine) as session:
        proposal = session.exec(select(LinkProposal)).one()
        assert {proposal.left_document_id, proposal.right_document_id} == {english.id, french.id}
        shared = {item["kind"] for item in proposal.evidence["shared"]}
        assert {"nuclides", "places"} <= shared
