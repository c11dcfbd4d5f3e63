"""What the review UI shows of linking: a proposal with both sides (documents with their
outlets, or a document and an incident), and the story a document belongs to (its
syndicated copies with their outlets). Everything within the reader's clearance."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, col, select

from nlp.vocabulary import Tlp
from storage.clearance import document_visible, incident_visible
from storage.models import Document, Incident, LinkIndex, LinkProposal, Source


@dataclass(frozen=True)
class Side:
    document: Document
    outlet: str | None  # the source's name, or the bureau


@dataclass(frozen=True)
class ProposalView:
    proposal: LinkProposal
    left: Side
    right: Side | None  # for a document-incident proposal: the incident's closest document
    incident: Incident | None


def proposal_views(
    *, session: Session, clearance: Tlp, proposals: list[LinkProposal]
) -> list[ProposalView]:
    """The proposals (already filtered by clearance) with their documents and incident."""
    ids = {d for p in proposals for d in (p.left_document_id, p.right_document_id) if d}
    sides = _sides(session, clearance, ids)
    incident_ids = [p.incident_id for p in proposals if p.incident_id is not None]
    incidents = {
        i.id: i
        for i in session.exec(
            select(Incident).where(col(Incident.id).in_(incident_ids), incident_visible(clearance))
        ).all()
    }
    return [
        ProposalView(
            proposal=p,
            left=sides[p.left_document_id],
            right=sides.get(p.right_document_id or 0),
            incident=incidents.get(p.incident_id),
        )
        for p in proposals
        if p.left_document_id in sides
    ]


def story_of(*, session: Session, document_id: int, clearance: Tlp) -> list[Side]:
    """The visible copies of the document's story, itself included, oldest first; a
    document that is no syndicated copy has a story of one."""
    story = select(LinkIndex.story_id).where(LinkIndex.document_id == document_id)
    members = select(LinkIndex.document_id).where(col(LinkIndex.story_id).in_(story))
    sides = _sides(session, clearance, set(session.exec(members).all()))
    return [sides[d] for d in sorted(sides)]


def _sides(session: Session, clearance: Tlp, document_ids: set[int]) -> dict[int, Side]:
    documents = session.exec(
        select(Document).where(
            col(Document.id).in_(list(document_ids)), document_visible(clearance)
        )
    ).all()
    source_ids = {d.source_id for d in documents if d.source_id}
    names = dict(
        session.exec(
            select(Source.id, Source.name).where(col(Source.id).in_(list(source_ids)))
        ).all()
    )
    return {d.id or 0: Side(d, _outlet(d, names)) for d in documents}


def _outlet(document: Document, names: dict[int | None, str]) -> str | None:
    if document.bureau_country:
        return f"bureau {document.bureau_country}"
    return names.get(document.source_id) if document.source_id else None
