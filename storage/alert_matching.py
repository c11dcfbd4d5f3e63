"""Matching documents against open and matched alerts, and deciding the proposed matches.

A document's evidence is built as linking builds it (storage.linking: the document row, its
text, its findings not rejected); its keys find candidate alerts with one indexed query on
AlertKey (storage.alert_index), so only a handful of alerts are scored whatever their number.
A pair already proposed, confirmed or rejected is never proposed again (one AlertMatch row
per pair). A new match scoring at or above the alert's threshold notifies its watchers, as
does a confirmed one (storage.notifications, owned by the notification work).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, insert, or_
from sqlalchemy import select as select_columns  # sqlmodel's select takes at most four
from sqlmodel import Session, col, select

from nlp.alert_matching import AlertScore, score_alert
from nlp.alert_matching.activity import INDEX_TOLERANCE
from nlp.alert_matching.evidence import match_evidence
from nlp.alert_matching.keys import document_activity_indexes, document_keys
from nlp.linking.evidence import DocumentEvidence
from nlp.vocabulary import AlertKind, AlertMatchStatus, AlertStatus, AuditEntity, Tlp
from storage.alert_index import FACT_COLUMNS, WATCHED, facts_of
from storage.alerts import AlertError, get_alert
from storage.assessment_records import clearance_of
from storage.audit import record_event
from storage.authz import REVIEWERS, require_actor
from storage.clearance import document_visible
from storage.linking import findings_by_document, in_chunks, link_document
from storage.models import Alert, AlertKey, AlertMatch, Document
from storage.models._base import utcnow
from storage.notifications import notify_match, notify_matches
from storage.objectstore import ObjectStoreError, get_object_store


@dataclass(frozen=True)
class Decision:
    match: AlertMatch
    # A confirmed report that the source was found: offer to close the alert as recovered.
    propose_close: bool = False


def match_documents(*, session: Session, document_ids: Sequence[int]) -> list[AlertMatch]:
    """Propose matches for the extracted documents among `document_ids`; the new matches.
    Every extracted document is matched, not only the relevant ones: a person of interest
    may be named in a report the RN triage passes over, or in a language it does not read."""
    matches: list[AlertMatch] = []
    # The documents stay referenced while they are matched, so the notifications find them in
    # the session instead of loading each again (the session holds its objects weakly).
    documents = _extracted_documents(session, document_ids)
    for evidence in _evidences(session, documents):
        matches.extend(_match(session, evidence))
    return matches


def match_document(*, session: Session, document_id: int) -> list[AlertMatch]:
    return match_documents(session=session, document_ids=[document_id])


def document_evidence(*, session: Session, document_ids: Sequence[int]) -> list[DocumentEvidence]:
    return _evidences(session, _extracted_documents(session, document_ids))


def _evidences(session: Session, documents: Sequence[Document]) -> list[DocumentEvidence]:
    findings = findings_by_document(session, [d.id or 0 for d in documents])
    store = get_object_store()
    evidences = []
    for document in documents:
        try:
            text = store.get(document.text_key or "").decode("utf-8", errors="replace")
        except ObjectStoreError:
            continue  # the next `radintel alerts match` tries again
        evidences.append(match_evidence(link_document(document, text), findings[document.id or 0]))
    return evidences


def _extracted_documents(session: Session, document_ids: Sequence[int]) -> list[Document]:
    documents: list[Document] = []
    for ids in in_chunks(document_ids):
        query = select(Document).where(
            col(Document.id).in_(ids),
            col(Document.relevant).is_not(None),  # extracted
            col(Document.text_key).is_not(None),
        )
        documents.extend(session.exec(query).all())
    return sorted(documents, key=lambda d: d.id or 0)


def candidate_alerts(session: Session, evidence: DocumentEvidence) -> list[Alert]:
    """Watched alerts sharing a key with the document: one indexed query."""
    condition = _candidate_condition(evidence)
    if condition is None:
        return []
    return list(session.exec(select(Alert).where(condition).order_by(col(Alert.id))).all())


def _candidate_condition(evidence: DocumentEvidence) -> ColumnElement[bool] | None:
    """Alert is watched and shares a key with the document (None: the document has no key)."""
    keys = sorted(document_keys(evidence))
    conditions: list[ColumnElement[bool]] = [col(AlertKey.key).in_(c) for c in in_chunks(keys)]
    for key, index in document_activity_indexes(evidence):
        low, high = index - INDEX_TOLERANCE, index + INDEX_TOLERANCE
        conditions.append(
            and_(col(AlertKey.key) == key, col(AlertKey.decay_index).between(low, high))
        )
    if not conditions:
        return None
    ids = select(AlertKey.alert_id).where(or_(*conditions)).distinct()
    return and_(col(Alert.id).in_(ids), col(Alert.status).in_(WATCHED))


def _match(session: Session, evidence: DocumentEvidence) -> list[AlertMatch]:
    """The document's new matches, written together: one query for the candidates not
    decided yet for this document (their facts only, not Alert objects), one insert for the
    matches, one query and one insert for the notifications."""
    document_id = int(evidence.document_id)
    condition = _candidate_condition(evidence)
    if condition is None:
        return []
    decided = select(AlertMatch.id).where(
        AlertMatch.alert_id == Alert.id, AlertMatch.document_id == document_id
    )
    query = (
        select_columns(*FACT_COLUMNS, col(Alert.notify_threshold))
        .where(condition, ~decided.exists())
        .order_by(col(Alert.id))
    )
    now = utcnow()
    rows: list[dict[str, Any]] = []
    thresholds: list[float] = []
    for alert in session.execute(query).all():
        scored = score_alert(facts_of(alert), evidence)
        if scored.is_match:
            rows.append(_proposal(alert.id, alert.kind, document_id, scored, now))
            thresholds.append(alert.notify_threshold)
    if not rows:
        return []
    # One INSERT ... RETURNING the new rows as AlertMatch objects in the session, in the
    # order of `rows`: building and flushing them one by one cost more than the scoring.
    statement = insert(AlertMatch).returning(AlertMatch, sort_by_parameter_order=True)
    matches = list(session.scalars(statement, rows).all())
    notify = [m for m, threshold in zip(matches, thresholds, strict=True) if m.score >= threshold]
    notify_matches(session=session, matches=notify, confirmed=False)
    return matches


def _proposal(
    alert_id: int, kind: AlertKind, document_id: int, scored: AlertScore, now: datetime
) -> dict[str, Any]:
    """An AlertMatch row, every column given: a bulk insert applies no model defaults."""
    return {
        "alert_id": alert_id,
        "document_id": document_id,
        "score": scored.score,
        "evidence": evidence_json(scored),
        "reports_recovery": scored.reports_recovery and kind == AlertKind.SOURCE,
        "status": AlertMatchStatus.PENDING,
        "created_at": now,
        "version": 1,
    }


def evidence_json(scored: AlertScore) -> dict[str, Any]:
    decay = scored.decay
    return {
        "shared": [asdict(item) for item in scored.shared],
        "conflicts": [asdict(item) for item in scored.conflicts],
        "decay": None
        if decay is None
        else {
            "nuclide": decay.nuclide,
            "reference_bq": decay.reference_bq,
            "reference_date": decay.reference_date.isoformat(),
            "report_date": decay.report_date.isoformat(),
            "expected_bq": decay.expected_bq,
            "reported_bq": decay.reported_bq,
            "half_life_days": decay.half_life_days,
            "compatible": decay.compatible,
            "text": decay.describe(),
        },
    }


def list_matches(
    *, session: Session, user: str, alert_id: int, status: AlertMatchStatus | None = None
) -> list[tuple[AlertMatch, Document]]:
    """The alert's matches whose document the user may read, best first."""
    get_alert(session=session, user=user, alert_id=alert_id)
    clearance = _clearance(session, user)
    query = (
        select(AlertMatch, Document)
        .join(Document, col(Document.id) == AlertMatch.document_id)
        .where(AlertMatch.alert_id == alert_id, document_visible(clearance))
    )
    if status is not None:
        query = query.where(AlertMatch.status == status)
    query = query.order_by(col(AlertMatch.score).desc(), col(AlertMatch.id))
    return [(match, document) for match, document in session.exec(query).all()]


def decide_match(
    *, session: Session, user: str, match_id: int, confirm: bool, reason: str = ""
) -> Decision:
    """Confirm (the alert becomes matched, watchers are told) or reject (with a reason: the
    pair is never proposed again) a pending match."""
    match = session.get(AlertMatch, match_id)
    if match is None:
        raise AlertError(f"no match {match_id}")
    action = "confirm_match" if confirm else "reject_match"
    require_actor(
        session=session,
        username=user,
        roles=REVIEWERS,
        action=action,
        document_ids=[match.document_id],
    )
    alert = get_alert(session=session, user=user, alert_id=match.alert_id)
    if match.status != AlertMatchStatus.PENDING:
        raise AlertError(f"match {match_id} was already {match.status} by {match.decided_by}")
    if not confirm and not reason.strip():
        raise AlertError("rejecting a match needs a reason")
    status = AlertMatchStatus.CONFIRMED if confirm else AlertMatchStatus.REJECTED
    match.status, match.decided_by, match.decided_at = status, user, utcnow()
    match.reason, match.version = reason.strip() or None, match.version + 1
    session.add(match)
    for entity, entity_id in ((AuditEntity.ALERT_MATCH, match_id), (AuditEntity.ALERT, alert.id)):
        record_event(
            session,
            entity=entity,
            entity_id=entity_id or 0,
            username=user,
            action=action,
            before={"status": AlertMatchStatus.PENDING.value},
            after={"status": status.value, "match_id": match_id, "document_id": match.document_id},
            reason=match.reason,
        )
    if not confirm:
        session.flush()
        return Decision(match)
    _mark_matched(session, alert, user)
    session.flush()
    notify_match(session=session, match=match, confirmed=True)
    return Decision(match, propose_close=match.reports_recovery and alert.status in WATCHED)


def _mark_matched(session: Session, alert: Alert, user: str) -> None:
    if alert.status != AlertStatus.OPEN:
        return
    alert.status, alert.version, alert.updated_at = AlertStatus.MATCHED, alert.version + 1, utcnow()
    session.add(alert)


def _clearance(session: Session, user: str) -> Tlp:
    return clearance_of(
        require_actor(session=session, username=user, roles=REVIEWERS, action="read_alerts")
    )
