"""The demo's people at work, so a newcomer sees every stage of the product after `radintel demo`.

The demo analyst ("analyst") reviews the documents of each incident in demo/incidents.yaml:
confirms their material findings, opens the incident, attaches the other reports, sets the
record and confirms it. The demo editor ("editor") drafts the assessment of demo/assessment.yaml
from those confirmed incidents, writes its narrative and submits it; the second demo editor
("chief-editor") publishes it (four-eyes). Everything goes through the same storage functions
as the UI, under those accounts, so the audit trail records who decided what.

A rerun leaves alone what exists already: an incident with the same title, an edition of the
same period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict
from sqlmodel import Session, col, select

from flows.demo_setup import demo_root
from flows.errors import UserError
from nlp.vocabulary import (
    AssessmentStatus,
    IncidentType,
    IntentGroup,
    Label,
    MaterialStatus,
    ReviewStatus,
    Tlp,
)
from storage.assessments import create_draft, publish, submit_for_review, update_sections
from storage.db import session_scope
from storage.incident_record import IncidentUpdate, confirm_incident, update_incident
from storage.incidents import create_incident, draft_from_document
from storage.models import Assessment, Document, Finding, Incident
from storage.models.assessments import SECTIONS
from storage.review import bulk_decide

ANALYST, EDITOR, PUBLISHER = "analyst", "editor", "chief-editor"
ANALYST_CLEARANCE = Tlp.AMBER  # the demo analyst's (storage.users.DEMO_USERS)


class DemoIncident(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str
    documents: list[str]  # suffixes of the documents' external ids
    occurred_on: date
    occurred_until: date | None = None
    incident_type: IncidentType
    intent_group: IntentGroup
    material_status: MaterialStatus
    country: str
    other_countries: list[str] = []
    place: str


class DemoAssessment(BaseModel):
    model_config = ConfigDict(extra="forbid")

    period: str
    ceiling: Tlp
    title: str
    sections: dict[str, str]


@dataclass(frozen=True)
class DemoOutcome:
    incidents_confirmed: int
    incidents_skipped: list[str]  # titles whose documents are not in the store
    assessment_id: int | None
    outputs: dict[str, str]  # format -> object key of the published edition


def _load(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise UserError(f"cannot read {path}: {error}") from None


def demo_incidents() -> list[DemoIncident]:
    data = _load(demo_root() / "incidents.yaml")
    return [DemoIncident.model_validate(item) for item in data["incidents"]]


def demo_assessment() -> DemoAssessment:
    return DemoAssessment.model_validate(_load(demo_root() / "assessment.yaml"))


def _documents(session: Session, suffixes: list[str]) -> list[Document]:
    found = []
    for suffix in suffixes:
        query = (
            select(Document)
            .where(col(Document.external_id).endswith(suffix, autoescape=True))
            .order_by(col(Document.id))
        )
        document = session.exec(query).first()
        if document is not None:
            found.append(document)
    return found


def _confirm_materials(session: Session, document: Document) -> None:
    """The analyst confirms the pending material findings of a document they read."""
    assert document.id is not None
    pending = session.exec(
        select(Finding).where(
            Finding.document_id == document.id,
            Finding.label == Label.MATERIAL,
            Finding.status == ReviewStatus.PENDING,
        )
    ).all()
    versions = {finding.id: finding.version for finding in pending if finding.id is not None}
    if versions:
        bulk_decide(
            session=session,
            document_id=document.id,
            username=ANALYST,
            action="confirm",
            expected_versions=versions,
        )


def _record(session: Session, plan: DemoIncident, documents: list[Document]) -> Incident:
    for document in documents:
        _confirm_materials(session, document)
    ids = [document.id for document in documents if document.id is not None]
    data = draft_from_document(session=session, document_id=ids[0], clearance=ANALYST_CLEARANCE)
    data.title = plan.title
    incident = create_incident(session=session, username=ANALYST, data=data, document_ids=ids)
    assert incident.id is not None
    fields = plan.model_dump(exclude={"title", "documents"}, exclude_none=True)
    incident = update_incident(
        session=session,
        username=ANALYST,
        incident_id=incident.id,
        version=incident.version,
        changes=IncidentUpdate.model_validate(fields),
        clearance=ANALYST_CLEARANCE,
    )
    assert incident.id is not None
    return confirm_incident(
        session=session,
        username=ANALYST,
        incident_id=incident.id,
        version=incident.version,
        clearance=ANALYST_CLEARANCE,
    )


def confirm_demo_incidents() -> tuple[int, list[str]]:
    """The analyst's work: (incidents confirmed now, titles skipped for want of documents)."""
    confirmed, skipped = 0, []
    for plan in demo_incidents():
        with session_scope() as session:
            if session.exec(select(Incident).where(Incident.title == plan.title)).first():
                continue
            documents = _documents(session, plan.documents)
            if len(documents) != len(plan.documents):
                skipped.append(plan.title)
                continue
            _record(session, plan, documents)
            confirmed += 1
    return confirmed, skipped


def publish_demo_assessment() -> Assessment:
    """The editors' work: drafted and submitted by one, published by the other."""
    from flows.publishing.render import render_all

    plan = demo_assessment()
    with session_scope() as session:
        existing = session.exec(
            select(Assessment).where(
                Assessment.period == plan.period,
                Assessment.status == AssessmentStatus.PUBLISHED,
            )
        ).first()
        if existing is not None:
            return existing
    with session_scope() as session:
        draft = create_draft(
            session=session,
            username=EDITOR,
            period=plan.period,
            ceiling=plan.ceiling,
            title=plan.title,
        )
        assert draft.id is not None
        sections = {name: plan.sections.get(name, "") for name in SECTIONS}
        update_sections(
            session=session,
            username=EDITOR,
            assessment_id=draft.id,
            version=draft.version,
            sections=sections,
        )
        submit_for_review(session=session, username=EDITOR, assessment_id=draft.id)
    with session_scope() as session:
        return publish(
            session=session, username=PUBLISHER, assessment_id=draft.id, render=render_all
        )


def run_demo_review() -> DemoOutcome:
    confirmed, skipped = confirm_demo_incidents()
    edition = publish_demo_assessment()
    return DemoOutcome(confirmed, skipped, edition.id, dict(edition.outputs))
