"""Linking by hand makes pending proposals moot. Once a document is in an incident, a
proposal to attach it to an incident, or to join it with a document that is in an incident
too, is closed: either the analyst settled it (same incident), or they put the two reports
in different incidents, where merging is the tool. A proposal joining it with a document in
no incident stays: accepting it attaches that document to the incident."""

from __future__ import annotations

from sqlalchemy import and_, or_
from sqlmodel import Session, col, select

from nlp.vocabulary import IncidentStatus, LinkKind, LinkStatus
from storage.models import Incident, IncidentDocument, LinkProposal
from storage.models._base import utcnow

MOOT_REASON = "linked by hand"
APART_REASON = "placed in different incidents by hand"


def close_moot_proposals(
    *, session: Session, incident_id: int, document_id: int, username: str
) -> list[LinkProposal]:
    """Close the pending proposals the link of `document_id` to `incident_id` settled."""
    left, right = col(LinkProposal.left_document_id), col(LinkProposal.right_document_id)
    involved = or_(
        and_(col(LinkProposal.kind) == LinkKind.INCIDENT, left == document_id),
        and_(
            col(LinkProposal.kind) == LinkKind.DOCUMENT,
            or_(left == document_id, right == document_id),
        ),
    )
    query = select(LinkProposal).where(col(LinkProposal.status) == LinkStatus.PENDING, involved)
    closed = []
    for proposal in session.exec(query).all():
        reason = _moot(session, proposal, incident_id, document_id)
        if reason:
            proposal.status, proposal.reason = LinkStatus.CLOSED, reason
            proposal.decided_by, proposal.decided_at = username, utcnow()
            proposal.version += 1
            session.add(proposal)
            closed.append(proposal)
    return closed


def _moot(
    session: Session, proposal: LinkProposal, incident_id: int, document_id: int
) -> str | None:
    if proposal.kind == LinkKind.INCIDENT:
        return MOOT_REASON if proposal.incident_id == incident_id else APART_REASON
    other = (
        proposal.right_document_id
        if proposal.left_document_id == document_id
        else proposal.left_document_id
    )
    incidents = set(_active_incidents(session, other or 0))
    if not incidents:
        return None
    return MOOT_REASON if incident_id in incidents else APART_REASON


def _active_incidents(session: Session, document_id: int) -> list[int]:
    query = (
        select(IncidentDocument.incident_id)
        .join(Incident, col(Incident.id) == IncidentDocument.incident_id)
        .where(
            IncidentDocument.document_id == document_id,
            col(Incident.status) != IncidentStatus.MERGED,
        )
    )
    return list(session.exec(query).all())
