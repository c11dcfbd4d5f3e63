"""Incident linking in the database: index relevant documents (evidence, blocking keys,
MinHash signature, story) and propose links for them. Reviewing the proposals (list,
accept, reject): storage/link_review.py.

Syndicated copies share a story (its id is the lowest document id among them, the story's
root). Only roots are compared with other documents: a later copy is proposed with its root
(or with the root's incident) and rides along with it, so ten outlets carrying one wire
story cost one set of proposals, not ten.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

import numpy as np
from sqlalchemy import case, delete, insert, update
from sqlmodel import Session, col, func, select

from nlp.linking.blocking import COARSE_MAX_BLOCK, COARSE_PREFIX, DEFAULT_MAX_BLOCK
from nlp.linking.evidence import DocumentEvidence, LinkDocument, evidence_from
from nlp.linking.scoring import LinkScore, may_link, score_pair
from nlp.linking.weights import LINK_THRESHOLD, NEAR_DUPLICATE_JACCARD
from nlp.vocabulary import IncidentStatus, LinkKind, ReviewStatus
from storage.bulk import write_rows
from storage.link_index import (
    BAND_PREFIX,
    band_keys,
    evidence_items,
    evidence_json,
    evidence_of,
    index_keys,
    near_duplicate,
    signature_bytes,
    similarity,
)
from storage.models import (
    Document,
    DocumentEmbedding,
    Finding,
    Incident,
    IncidentDocument,
    LinkIndex,
    LinkKey,
    LinkProposal,
)
from storage.models._base import utcnow
from storage.objectstore import ObjectStoreError, get_object_store

CHUNK = 2000  # ids or keys per IN (...) list
# A new document is compared with at most this many stories, those sharing most LSH bands
# with it: a copy shares many bands with its story, so the bound costs no real copies and
# keeps indexing linear when thousands of reports are alike (templated bulletins).
MAX_STORY_CHECKS = 20
ACTIVE_INCIDENTS = (IncidentStatus.OPEN, IncidentStatus.CONFIRMED)
T = TypeVar("T")


def in_chunks(values: Iterable[T], size: int = CHUNK) -> Iterator[list[T]]:
    items = list(values)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def document_pair(left: int, right: int) -> str:
    return f"d:{min(left, right)}:{max(left, right)}"


def incident_pair(document_id: int, incident_id: int) -> str:
    return f"i:{document_id}:{incident_id}"


# Indexing.


def index_documents(*, session: Session, document_ids: Sequence[int]) -> list[int]:
    """(Re)index the relevant documents among `document_ids`: evidence from the document
    row, its text and its findings not rejected; keys; signature; story. Returns the ids
    indexed (a document whose text cannot be read is left out)."""
    documents = _relevant_documents(session, document_ids)
    findings = findings_by_document(session, [d.id or 0 for d in documents])
    store = get_object_store()
    rows: list[tuple[int, DocumentEvidence, bytes]] = []
    for document in documents:
        try:
            text = store.get(document.text_key or "").decode("utf-8", errors="replace")
        except ObjectStoreError:
            continue
        evidence = evidence_from(link_document(document, text), findings[document.id or 0])
        rows.append((document.id or 0, evidence, signature_bytes(evidence)))
    _write_index(session, rows)
    _assign_stories(session, {document_id: signature for document_id, _, signature in rows})
    return [document_id for document_id, _, _ in rows]


def unindexed_relevant_ids(
    *, session: Session, after_id: int = 0, limit: int | None = None
) -> list[int]:
    """Relevant documents linking has not indexed yet, by id from `after_id` on."""
    indexed = select(LinkIndex.document_id).where(LinkIndex.document_id == Document.id)
    query = (
        select(Document.id)
        .where(col(Document.relevant).is_(True), col(Document.id) > after_id, ~indexed.exists())
        .order_by(col(Document.id))
        .limit(limit)
    )
    return [int(i) for i in session.exec(query).all() if i is not None]


def _relevant_documents(session: Session, document_ids: Sequence[int]) -> list[Document]:
    documents: list[Document] = []
    for ids in in_chunks(document_ids):
        query = select(Document).where(
            col(Document.id).in_(ids),
            col(Document.relevant).is_(True),
            col(Document.text_key).is_not(None),
        )
        documents.extend(session.exec(query).all())
    return sorted(documents, key=lambda d: d.id or 0)


def findings_by_document(session: Session, document_ids: list[int]) -> dict[int, list[Finding]]:
    found: defaultdict[int, list[Finding]] = defaultdict(list)
    for ids in in_chunks(document_ids):
        query = select(Finding).where(
            col(Finding.document_id).in_(ids), col(Finding.status) != ReviewStatus.REJECTED
        )
        for finding in session.exec(query).all():
            found[finding.document_id].append(finding)
    return found


def link_document(document: Document, text: str) -> LinkDocument:
    return LinkDocument(
        id=str(document.id),
        text=text,
        language=document.language or "",
        title=document.title or "",
        published=document.published_at.date() if document.published_at else None,
        incident_date=document.incident_date,
        incident_type=str(document.incident_type or ""),
        countries=tuple(document.countries or ()),
    )


def _write_index(session: Session, rows: list[tuple[int, DocumentEvidence, bytes]]) -> None:
    ids = [document_id for document_id, _, _ in rows]
    for chunk in in_chunks(ids):
        session.execute(delete(LinkKey).where(col(LinkKey.document_id).in_(chunk)))
        session.execute(delete(LinkIndex).where(col(LinkIndex.document_id).in_(chunk)))
    if not rows:
        return
    connection = session.connection()
    now = utcnow()
    index = [
        {
            "document_id": i,
            "story_id": i,
            "evidence": evidence_json(e),
            "signature": s,
            "indexed_at": now,
        }
        for i, e, s in rows
    ]
    write_rows(connection, LinkIndex.__table__, index)  # type: ignore[attr-defined]
    keys = [{"document_id": i, "key": k} for i, e, s in rows for k in sorted(index_keys(e, s))]
    for part in in_chunks(keys, 10 * CHUNK):
        write_rows(connection, LinkKey.__table__, part)  # type: ignore[attr-defined]


def _assign_stories(session: Session, signatures: dict[int, bytes]) -> None:
    """Join each new document to the stories whose root it nearly duplicates (sharing an LSH
    band, then the estimated Jaccard); stories it bridges become one, under the lowest id."""
    bands = {document_id: band_keys(signature) for document_id, signature in signatures.items()}
    stories_by_band: defaultdict[str, set[int]] = defaultdict(set)
    for chunk in in_chunks({k for ks in bands.values() for k in ks}):
        query = (
            select(LinkKey.key, LinkIndex.story_id)
            .join(LinkIndex, col(LinkIndex.document_id) == LinkKey.document_id)
            .where(col(LinkKey.key).in_(chunk))
            .distinct()
        )
        for key, story_id in session.exec(query).all():
            stories_by_band[key].add(int(story_id))
    roots = _signatures(session, {s for stories in stories_by_band.values() for s in stories})
    parent: dict[int, int] = {}
    for document_id, keys in bands.items():
        shared = Counter(s for k in keys for s in stories_by_band[k] if s != document_id)
        for story, _ in shared.most_common(MAX_STORY_CHECKS):
            if story in roots and similarity(signatures[document_id], roots[story]) >= (
                NEAR_DUPLICATE_JACCARD
            ):
                _union(parent, document_id, story)
    _renumber(session, parent)


def _signatures(session: Session, document_ids: set[int]) -> dict[int, bytes]:
    found: dict[int, bytes] = {}
    for ids in in_chunks(document_ids):
        query = select(LinkIndex.document_id, LinkIndex.signature).where(
            col(LinkIndex.document_id).in_(ids)
        )
        found.update({int(i): bytes(s) for i, s in session.exec(query).all()})
    return found


def _find(parent: dict[int, int], item: int) -> int:
    while parent.get(item, item) != item:
        item = parent[item]
    return item


def _union(parent: dict[int, int], left: int, right: int) -> None:
    a, b = _find(parent, left), _find(parent, right)
    if a != b:
        parent[max(a, b)] = min(a, b)


def _renumber(session: Session, parent: dict[int, int]) -> None:
    """One UPDATE per surviving story, for all the stories folded into it."""
    folded: defaultdict[int, list[int]] = defaultdict(list)
    for story in parent:
        root = _find(parent, story)
        if root != story:
            folded[root].append(story)
    for root, stories in folded.items():
        for chunk in in_chunks(stories):
            session.execute(
                update(LinkIndex)
                .where(col(LinkIndex.story_id).in_(chunk))
                .values(story_id=root)
                .execution_options(synchronize_session=False)
            )
    session.flush()


# Proposing.


def propose_links(*, session: Session, document_ids: Sequence[int]) -> list[LinkProposal]:
    """Pending proposals for the indexed documents among `document_ids`, scored with the
    evidence, at or above LINK_THRESHOLD; pairs already proposed (whatever became of the
    proposal) and pairs already in one incident are skipped."""
    stories = _stories(session, document_ids)
    roots = [document_id for document_id, story in stories.items() if document_id == story]
    candidates = candidate_pairs(session=session, document_ids=roots)
    candidates |= {(d, story) for d, story in stories.items() if d != story}
    involved = {d for pair in candidates for d in pair}
    stories |= _stories(session, involved - set(stories))
    targets = _targets(candidates, _incidents_of(session, involved))
    taken = _existing_pairs(session, targets)
    targets = {pair: value for pair, value in targets.items() if pair not in taken}
    evidences = _evidences(session, {d for a, b, _ in targets.values() for d in (a, b)})
    return _insert_proposals(session, _score(targets, evidences, stories))


def _insert_proposals(session: Session, rows: list[dict[str, Any]]) -> list[LinkProposal]:
    """One multi-row INSERT ... RETURNING per batch of rows, not one ORM flush per row."""
    proposals: list[LinkProposal] = []
    for part in in_chunks(rows):
        proposals.extend(session.scalars(insert(LinkProposal).returning(LinkProposal), part))
    return proposals


def _stories(session: Session, document_ids: Iterable[int]) -> dict[int, int]:
    found: dict[int, int] = {}
    for ids in in_chunks(document_ids):
        query = select(LinkIndex.document_id, LinkIndex.story_id).where(
            col(LinkIndex.document_id).in_(ids)
        )
        found.update({int(d): int(s) for d, s in session.exec(query).all()})
    return found


def candidate_pairs(*, session: Session, document_ids: Sequence[int]) -> set[tuple[int, int]]:
    """(document, other) pairs sharing a key whose block holds at least two documents and
    at most its cap (nlp.linking.blocking.block_cap); the others are story roots of
    relevant documents."""
    keys_of: defaultdict[int, set[str]] = defaultdict(set)
    for ids in in_chunks(document_ids):
        # LSH bands only find copies (stories); the blocking keys find other reports.
        query = select(LinkKey.document_id, LinkKey.key).where(
            col(LinkKey.document_id).in_(ids), ~col(LinkKey.key).startswith(BAND_PREFIX)
        )
        for document_id, key in session.exec(query).all():
            keys_of[int(document_id)].add(key)
    members_of = _block_members(session, {k for keys in keys_of.values() for k in keys})
    return {
        (document_id, other)
        for document_id, keys in keys_of.items()
        for key in keys
        for other in members_of.get(key, ())
        if other != document_id
    }


def _block_members(session: Session, keys: set[str]) -> dict[str, set[int]]:
    """Key -> the stories of the relevant documents holding it, for the keys whose block
    is neither a single document nor generic (more documents than its cap)."""
    found: defaultdict[str, set[int]] = defaultdict(set)
    cap = case(
        (col(LinkKey.key).startswith(COARSE_PREFIX), COARSE_MAX_BLOCK), else_=DEFAULT_MAX_BLOCK
    )
    for chunk in in_chunks(keys):
        sizes = (
            select(LinkKey.key)
            .where(col(LinkKey.key).in_(chunk))
            .group_by(col(LinkKey.key))
            .having(func.count() <= cap, func.count() > 1)
        )
        usable = list(session.exec(sizes).all())
        for part in in_chunks(usable):
            query = (
                select(LinkKey.key, LinkIndex.story_id)
                .join(LinkIndex, col(LinkIndex.document_id) == LinkKey.document_id)
                .join(Document, col(Document.id) == LinkKey.document_id)
                .where(col(LinkKey.key).in_(part), col(Document.relevant).is_(True))
            )
            for key, story_id in session.exec(query).all():
                found[key].add(int(story_id))
    return found


def _incidents_of(session: Session, document_ids: set[int]) -> dict[int, int]:
    """Document id -> its open or confirmed incident."""
    found: dict[int, int] = {}
    for ids in in_chunks(document_ids):
        query = (
            select(IncidentDocument.document_id, IncidentDocument.incident_id)
            .join(Incident, col(Incident.id) == IncidentDocument.incident_id)
            .where(
                col(IncidentDocument.document_id).in_(ids),
                col(Incident.status).in_(list(ACTIVE_INCIDENTS)),
            )
        )
        found.update({int(d): int(i) for d, i in session.exec(query).all()})
    return found


def _targets(
    candidates: set[tuple[int, int]], incidents: dict[int, int]
) -> dict[str, tuple[int, int, int | None]]:
    """Pair key -> (left document, right document, incident): two unlinked documents, or
    an unlinked document and a document of an incident (left is the unlinked one)."""
    targets: dict[str, tuple[int, int, int | None]] = {}
    for a, b in candidates:
        if a == b:
            continue
        left_incident, right_incident = incidents.get(a), incidents.get(b)
        if left_incident is None and right_incident is None:
            targets[document_pair(a, b)] = (min(a, b), max(a, b), None)
        elif left_incident is None and right_incident is not None:
            targets.setdefault(incident_pair(a, right_incident), (a, b, right_incident))
        elif right_incident is None and left_incident is not None:
            targets.setdefault(incident_pair(b, left_incident), (b, a, left_incident))
    return targets


def _existing_pairs(session: Session, targets: dict[str, Any]) -> set[str]:
    found: set[str] = set()
    for pairs in in_chunks(targets):
        query = select(LinkProposal.pair).where(col(LinkProposal.pair).in_(pairs))
        found.update(session.exec(query).all())
    return found


Indexed = tuple[DocumentEvidence, bytes]  # evidence and MinHash signature


def _evidences(session: Session, document_ids: set[int]) -> dict[int, Indexed]:
    vectors: dict[int, tuple[float, ...]] = {}
    evidences: dict[int, Indexed] = {}
    for ids in in_chunks(document_ids):
        embeddings = select(DocumentEmbedding.document_id, DocumentEmbedding.vector).where(
            col(DocumentEmbedding.document_id).in_(ids)
        )
        for document_id, vector in session.exec(embeddings).all():
            vectors[int(document_id)] = tuple(np.frombuffer(vector, dtype="<f4").tolist())
        query = select(LinkIndex.document_id, LinkIndex.evidence, LinkIndex.signature).where(
            col(LinkIndex.document_id).in_(ids)
        )
        for document_id, values, signature in session.exec(query).all():
            evidence = evidence_of(values, vectors.get(int(document_id)))
            evidences[int(document_id)] = (evidence, bytes(signature))
    return evidences


def _score(
    targets: dict[str, tuple[int, int, int | None]],
    evidences: dict[int, Indexed],
    stories: dict[int, int],
) -> list[dict[str, Any]]:
    """The proposal rows at or above the threshold; for one document and one incident,
    the best-scoring of the incident's documents stands for it."""
    best: dict[str, tuple[LinkScore, tuple[int, int, int | None]]] = {}
    for pair, (left, right, incident) in targets.items():
        if left not in evidences or right not in evidences:
            continue
        same_story = stories.get(left, left) == stories.get(right, right)
        score = _pair_score(evidences[left], evidences[right], same_story=same_story)
        if score is None or score.score < LINK_THRESHOLD:
            continue
        if pair not in best or best[pair][0].score < score.score:
            best[pair] = (score, (left, right, incident))
    return [
        {
            "pair": pair,
            "kind": LinkKind.DOCUMENT if incident is None else LinkKind.INCIDENT,
            "left_document_id": left,
            "right_document_id": right,
            "incident_id": incident,
            "score": round(score.score, 4),
            "evidence": evidence_items(score),
        }
        for pair, (score, (left, right, incident)) in sorted(best.items())
    ]


def _pair_score(left: Indexed, right: Indexed, *, same_story: bool) -> LinkScore | None:
    """The pair's score, or None when a cheap look at its conflicts already keeps it
    below the threshold (most candidate pairs: another nuclide, country or month)."""
    if same_story:
        return near_duplicate(left[0], right[0], similarity(left[1], right[1]))
    if not may_link(left[0], right[0]):
        return None
    return score_pair(left[0], right[0])
