"""Link proposals reviewed by analysts: listed within the reader's clearance, accepted
(attach to an incident, or open one from two documents) or rejected (never proposed again
for that pair); both audited with the reason."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_
from sqlmodel import Session, col, func, select

from nlp.vocabulary import AuditEntity, IncidentStatus, LinkKind, LinkStatus, Tlp
from storage.authz import REVIEWERS, require_actor
from storage.clearance import document_visible, proposal_visible
from storage.incidents import (
    IncidentError,
    attach_document,
    create_incident,
    draft_from_document,
)
from storage.models import (
    Document,
    Incident,
    IncidentDocument,
    LinkIndex,
    LinkProposal,
    ReviewEvent,
)
from storage.models._base import utcnow


class LinkError(ValueError):
    """A link proposal cannot be decided; the message says why."""


def list_proposals(
    *,
    session: Session,
    clearance: Tlp,
    status: LinkStatus = LinkStatus.PENDING,
    document_id: int | None = None,
    incident_id: int | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[LinkProposal], int]:
    """A page of proposals, highest score first then newest, and the total; a proposal
    with anything above the clearance is left out as if it did not exist."""
    conditions: list[Any] = [col(LinkProposal.status) == status, proposal_visible(clearance)]
    if document_id is not None:
        conditions.append(
            or_(
                col(LinkProposal.left_document_id) == document_id,
                col(LinkProposal.right_document_id) == document_id,
            )
        )
    if incident_id is not None:
        conditions.append(col(LinkProposal.incident_id) == incident_id)
    query = (
        select(LinkProposal)
        .where(*conditions)
        .order_by(col(LinkProposal.score).desc(), col(LinkProposal.id).desc())
        .limit(limit)
        .offset(offset)
    )
    total = session.exec(select(func.count()).select_from(LinkProposal).where(*conditions)).one()
    return list(session.exec(query).all()), int(total)


def get_proposal(*, session: Session, proposal_id: int, clearance: Tlp) -> LinkProposal:
    query = select(LinkProposal).where(
        col(LinkProposal.id) == proposal_id, proposal_visible(clearance)
    )
    proposal = session.exec(query).first()
    if proposal is None:
        raise LinkError(f"no link proposal {proposal_id}")
    return proposal


def _pending(
    session: Session, username: str, action: str, proposal_id: int, version: int, clearance: Tlp
) -> LinkProposal:
    proposal = get_proposal(session=session, proposal_id=proposal_id, clearance=clearance)
    documents = [proposal.left_document_id]
    if proposal.right_document_id is not None:
        documents.append(proposal.right_document_id)
    incidents = [proposal.incident_id] if proposal.incident_id is not None else []
    require_actor(
        session=session,
        username=username,
        roles=REVIEWERS,
        action=action,
        document_ids=documents,
        incident_ids=incidents,
    )
    if proposal.status != LinkStatus.PENDING:
        raise LinkError(f"link proposal {proposal_id} is already {proposal.status}")
    if proposal.version != version:
        raise LinkError(f"link proposal {proposal_id} was changed meanwhile: reload it")
    return proposal


def accept_proposal(
    *,
    session: Session,
    username: str,
    proposal_id: int,
    version: int,
    clearance: Tlp,
    reason: str = "",
) -> Incident:
    """Document + incident: attach the document. Two documents: attach one to the other's
    incident if it has one since, else open an incident drafted from the left document
    with both. The other syndicated copies of the proposal's documents come along (see
    `_attach_copies`). Returns the incident."""
    proposal = _pending(session, username, "accept_link", proposal_id, version, clearance)
    why = reason.strip() or f"link proposal {proposal_id} accepted"
    if proposal.kind == LinkKind.INCIDENT:
        target = _live_incident(session, proposal.incident_id or 0)
        incident = _attach(session, username, target, proposal.left_document_id, clearance, why)
    else:
        incident = _join(session, username, proposal, clearance, why)
    copies = _attach_copies(session, username, proposal, incident.id or 0, clearance)
    _decide(session, username, proposal, LinkStatus.ACCEPTED, reason.strip())
    _audit(session, username, "accept_link", proposal, reason.strip(), incident.id, copies)
    session.flush()
    return incident


def reject_proposal(
    *,
    session: Session,
    username: str,
    proposal_id: int,
    version: int,
    clearance: Tlp,
    reason: str,
) -> LinkProposal:
    """Reject with a reason: the pair is never proposed again."""
    if not reason.strip():
        raise LinkError("a rejection needs a reason")
    proposal = _pending(session, username, "reject_link", proposal_id, version, clearance)
    _decide(session, username, proposal, LinkStatus.REJECTED, reason.strip())
    _audit(session, username, "reject_link", proposal, reason.strip(), None)
    session.flush()
    return proposal


def _live_incident(session: Session, incident_id: int) -> int:
    """The incident, or the one it was merged into."""
    incident = session.get(Incident, incident_id)
    while incident is not None and incident.status == IncidentStatus.MERGED:
        incident = session.get(Incident, incident.merged_into_id or 0)
    if incident is None:
        raise LinkError(f"no incident {incident_id}")
    return incident.id or 0


def _attach(
    session: Session, username: str, incident_id: int, document_id: int, clearance: Tlp, why: str
) -> Incident:
    try:
        return attach_document(
            session=session,
            incident_id=incident_id,
            document_id=document_id,
            username=username,
            clearance=clearance,
            reason=why,
        )
    except IncidentError as error:
        raise LinkError(str(error)) from error


def _join(
    session: Session, username: str, proposal: LinkProposal, clearance: Tlp, why: str
) -> Incident:
    left, right = proposal.left_document_id, proposal.right_document_id or 0
    for document_id, other in ((left, right), (right, left)):
        incident_id = _active_incident_of(session, document_id)
        if incident_id is not None:
            return _attach(session, username, incident_id, other, clearance, why)
    try:
        draft = draft_from_document(session=session, document_id=left, clearance=clearance)
        return create_incident(
            session=session, username=username, data=draft, document_ids=[left, right]
        )
    except IncidentError as error:
        raise LinkError(str(error)) from error


def _attach_copies(
    session: Session, username: str, proposal: LinkProposal, incident_id: int, clearance: Tlp
) -> list[int]:
    """Attach the other copies of the proposal's stories (one wire story carried by several
    outlets is one report of the incident) to the incident: those the reader may see and
    that are in no incident yet (a copy an analyst put elsewhere stays there). Returns
    their ids; each attach is audited on the incident with the reason."""
    documents = [d for d in (proposal.left_document_id, proposal.right_document_id) if d]
    attached: list[int] = []
    for document_id, story_id in _story_copies(session, documents, clearance):
        if _active_incident_of(session, document_id) is not None:
            continue
        why = (
            f"syndicated copy of document {story_id}, "
            f"attached with link proposal {proposal.id} accepted"
        )
        _attach(session, username, incident_id, document_id, clearance, why)
        attached.append(document_id)
    return attached


def _story_copies(
    session: Session, document_ids: list[int], clearance: Tlp
) -> list[tuple[int, int]]:
    """(document, story) for the visible documents sharing a story with `document_ids`,
    those themselves left out, by id."""
    stories = select(LinkIndex.story_id).where(col(LinkIndex.document_id).in_(document_ids))
    query = (
        select(LinkIndex.document_id, LinkIndex.story_id)
        .join(Document, col(Document.id) == LinkIndex.document_id)
        .where(
            col(LinkIndex.story_id).in_(stories),
            col(LinkIndex.document_id).not_in(document_ids),
            document_visible(clearance),
        )
        .order_by(col(LinkIndex.document_id))
    )
    return [(int(d), int(s)) for d, s in session.exec(query).all()]


def _active_incident_of(session: Session, document_id: int) -> int | None:
    query = (
        select(Incident.id)
        .join(IncidentDocument, col(IncidentDocument.incident_id) == Incident.id)
        .where(
            IncidentDocument.document_id == document_id,
            col(Incident.status) != IncidentStatus.MERGED,
        )
        .order_by(col(Incident.id))
    )
    return session.exec(query).first()


def _decide(
    session: Session, username: str, proposal: LinkProposal, status: LinkStatus, reason: str
) -> None:
    proposal.status, proposal.reason = status, reason or None
    proposal.decided_by, proposal.decided_at = username, utcnow()
    proposal.version += 1
    session.add(proposal)


def _audit(
    session: Session,
    username: str,
    action: str,
    proposal: LinkProposal,
    reason: str,
    incident_id: int | None,
    copies: list[int] | None = None,
) -> None:
    after: dict[str, Any] = {
        "pair": proposal.pair,
        "score": proposal.score,
        "documents": [d for d in (proposal.left_document_id, proposal.right_document_id) if d],
        "incident_id": incident_id if incident_id is not None else proposal.incident_id,
    }
    if copies:
        after["syndicated_copies_attached"] = copies
    session.add(
        ReviewEvent(
            username=username,
            action=action,
            entity_type=AuditEntity.LINK,
            entity_id=proposal.id or 0,
            after=after,
            reason=reason or None,
        )
    )
