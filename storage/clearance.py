"""TLP clearance: the one mechanism every read path uses to hide what a user may not read.

A user's clearance is the most restrictive TLP marking they may read. Reads add one of these
SQL conditions to their query, so nothing above the clearance ever leaves the database:

- a document is visible when its marking ranks at or below the clearance;
- a finding is visible when its document is;
- an incident is visible when none of its documents is above the clearance (its marking
  is the most restrictive of its documents'). A merged incident is judged with the documents
  of the incident it was merged into, since its own moved there;
- an assessment is visible when its marking ceiling is within the clearance;
- an alert is visible when its marking is within the clearance, a match when its alert and
  its document are;
- an audit event about a finding, document, incident, assessment, alert or match is visible
  when that entity is.

Something above the clearance is "not found", never "forbidden": the same answer as a
missing id, so a user cannot learn that it exists.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, and_, exists, not_, or_, select
from sqlalchemy.sql import ColumnElement
from sqlmodel import col

from nlp.vocabulary import Tlp
from storage.models import (
    Alert,
    AlertMatch,
    Assessment,
    Document,
    Finding,
    Incident,
    IncidentDocument,
    LinkProposal,
    ReviewEvent,
)

# Audit events about these are hidden with them (an assessment by its marking ceiling).
GUARDED_ENTITIES = ("finding", "document", "incident", "assessment", "link", "alert",
                    "alert_match")  # fmt: skip


def readable_markings(clearance: Tlp) -> list[Tlp]:
    """Every marking a user with this clearance may read, least restrictive first."""
    return [marking for marking in Tlp if marking.rank <= clearance.rank]


def most_restrictive(markings: Iterable[Tlp]) -> Tlp:
    """The marking of something made of parts marked so (TLP:CLEAR when there is none)."""
    return max(markings, key=lambda marking: marking.rank, default=Tlp.CLEAR)


def document_visible(clearance: Tlp, marking: Any = None) -> ColumnElement[bool]:
    """The document's marking (`marking`, default `Document.marking`) is readable."""
    column = col(Document.marking) if marking is None else marking
    return column.in_(readable_markings(clearance))


def finding_visible(clearance: Tlp, document_id: Any = None) -> ColumnElement[bool]:
    """The finding's document (`document_id`, default `Finding.document_id`) is visible."""
    of_finding = col(Finding.document_id) if document_id is None else document_id
    document = _table(Document).alias("visible_document")
    return exists().where(
        document.c.id == of_finding, document_visible(clearance, document.c.marking)
    )


def incident_visible(clearance: Tlp, incident: Any = None) -> ColumnElement[bool]:
    """No document of the incident (`incident`, default the `Incident` table), or of the
    incident it was merged into, is above the clearance."""
    incident = _table(Incident) if incident is None else incident
    link = _table(IncidentDocument).alias("marking_link")
    document = _table(Document).alias("marking_document")
    hidden = (
        select(link.c.document_id)
        .join(document, document.c.id == link.c.document_id)
        .where(
            link.c.incident_id.in_([incident.c.id, incident.c.merged_into_id]),
            not_(document_visible(clearance, document.c.marking)),
        )
    )
    return not_(exists(hidden))


def proposal_visible(clearance: Tlp, proposal: Any = None) -> ColumnElement[bool]:
    """A link proposal's (`proposal`, default the `LinkProposal` table) documents, and its
    incident if any, are all within the clearance."""
    proposal = _table(LinkProposal) if proposal is None else proposal
    left = _table(Document).alias("link_left")
    right = _table(Document).alias("link_right")
    incident = _table(Incident).alias("link_incident")
    right_id, incident_id = proposal.c.right_document_id, proposal.c.incident_id
    return and_(
        exists().where(
            left.c.id == proposal.c.left_document_id,
            document_visible(clearance, left.c.marking),
        ),
        or_(
            right_id.is_(None),
            exists().where(right.c.id == right_id, document_visible(clearance, right.c.marking)),
        ),
        or_(
            incident_id.is_(None),
            exists().where(incident.c.id == incident_id, incident_visible(clearance, incident)),
        ),
    )


def event_visible(clearance: Tlp) -> ColumnElement[bool]:
    """Events about users, sources or failures stay; the others follow their entity."""
    entity, kind = col(ReviewEvent.entity_id), col(ReviewEvent.entity_type)
    finding = _table(Finding).alias("event_finding")
    document = _table(Document).alias("event_document")
    incident = _table(Incident).alias("event_incident")
    assessment = _table(Assessment).alias("event_assessment")
    link = _table(LinkProposal).alias("event_link")
    alert = _table(Alert).alias("event_alert")
    match = _table(AlertMatch).alias("event_match")
    match_alert = _table(Alert).alias("event_match_alert")
    return or_(
        kind.not_in(list(GUARDED_ENTITIES)),
        and_(
            kind == "finding",
            exists().where(
                finding.c.id == entity, finding_visible(clearance, finding.c.document_id)
            ),
        ),
        and_(
            kind == "document",
            exists().where(
                document.c.id == entity, document_visible(clearance, document.c.marking)
            ),
        ),
        and_(
            kind == "incident",
            exists().where(incident.c.id == entity, incident_visible(clearance, incident)),
        ),
        and_(
            kind == "link",
            exists().where(link.c.id == entity, proposal_visible(clearance, link)),
        ),
        and_(
            kind == "alert",
            exists().where(alert.c.id == entity, alert.c.marking.in_(readable_markings(clearance))),
        ),
        and_(
            kind == "alert_match",
            exists().where(
                match.c.id == entity,
                match_alert.c.id == match.c.alert_id,
                match_alert.c.marking.in_(readable_markings(clearance)),
                document_visible(clearance, _document_marking(match.c.document_id)),
            ),
        ),
        and_(
            kind == "assessment",
            exists().where(
                assessment.c.id == entity,
                assessment.c.ceiling.in_(readable_markings(clearance)),
            ),
        ),
    )


def _document_marking(document_id: Any) -> Any:
    """The marking of the document `document_id`, as a scalar subquery."""
    document = _table(Document).alias("event_match_document")
    return select(document.c.marking).where(document.c.id == document_id).scalar_subquery()


def _table(model: type[Any]) -> Table:
    return model.__table__
