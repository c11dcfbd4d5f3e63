"""Linking by hand makes pending proposals moot: once a document is in an incident, a
proposal to attach it there, or to join it with a document already there, is closed."""

from __future__ import annotations

from sqlalchemy import and_, or_
from sqlmodel import Session, col, select

from nlp.vocabulary import LinkKind, LinkStatus
from storage.models import IncidentDocument, LinkProposal
from storage.models._base import utcnow

MOOT_REASON = "linked by hand"


def close_moot_proposals(
    *, session: Session, incident_id: int, document_id: int, username: str
) -> list[LinkProposal]:
    """Close the pending proposals the link of `document_id` to `incident_id` settled."""
    members = select(IncidentDocument.document_id).where(
        IncidentDocument.incident_id == incident_id
    )
    left, right = col(LinkProposal.left_document_id), col(LinkProposal.right_document_id)
    settled = or_(
        and_(
            col(LinkProposal.kind) == LinkKind.INCIDENT,
            left == document_id,
            col(LinkProposal.incident_id) == incident_id,
        ),
        and_(
            col(LinkProposal.kind) == LinkKind.DOCUMENT,
            or_(
                and_(left == document_id, right.in_(members)),
                and_(right == document_id, left.in_(members)),
            ),
        ),
    )
    query = select(LinkProposal).where(col(LinkProposal.status) == LinkStatus.PENDING, settled)
    closed = list(session.exec(query).all())
    for proposal in closed:
        proposal.status, proposal.reason = LinkStatus.CLOSED, MOOT_REASON
        proposal.decided_by, proposal.decided_at = username, utcnow()
        proposal.version += 1
        session.add(proposal)
    return closed
