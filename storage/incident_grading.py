"""Admiralty grading proposed for an incident from the sources of its documents.

Documents are grouped by independent origin:
- a national bureau's submissions are one source per bureau country;
- otherwise the documents of one `Source` row (one feed, one site) are one source;
- otherwise a document is its own source, with its attachments (children) folded into it;
- syndicated copies (one story carried by several outlets, storage.linking's story id) are
  one source: the groups holding copies of one story are folded into the first.
Identical files are stored once (unique sha256), so they can never count twice.

Credibility is 1 ("confirmed by other sources") when two or more independent sources are
linked: an analyst linked them to one incident, so they agree on it. Otherwise it is the best
(lowest) credibility of the documents. Reliability is the best letter among the sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from storage.models import Document, IncidentDocument, LinkIndex, Source

UNGRADED_RELIABILITY = "F"  # cannot be judged
UNGRADED_CREDIBILITY = 6  # cannot be judged
CONFIRMED_BY_OTHERS = 1


@dataclass(frozen=True)
class SourceGrade:
    origin: str  # what makes it one source: "bureau NL", "source Reuters", "document 12"
    document_ids: list[int]
    reliability: str  # A-F
    credibility: int  # 1-6, the best of its documents


@dataclass(frozen=True)
class Grading:
    reliability: str
    credibility: int
    sources: list[SourceGrade]
    why: str


UNGRADED = Grading(
    UNGRADED_RELIABILITY, UNGRADED_CREDIBILITY, [], "no document linked: cannot be judged"
)


def proposed_grading(*, session: Session, incident_id: int) -> Grading:
    """The grading its documents support; the caller has checked the incident is visible."""
    documents = session.exec(
        select(Document)
        .join(IncidentDocument, col(IncidentDocument.document_id) == Document.id)
        .where(IncidentDocument.incident_id == incident_id)
        .order_by(col(Document.id))
    ).all()
    return grading_of(session, documents)


def grading_of(session: Session, documents: Sequence[Document]) -> Grading:
    sources = _sources(session, documents)
    if not sources:
        return UNGRADED
    reliability = min(s.reliability for s in sources)
    if len(sources) >= 2:
        names = ", ".join(s.origin for s in sources)
        why = f"{len(sources)} independent sources agree ({names})"
        return Grading(reliability, CONFIRMED_BY_OTHERS, sources, why)
    only = sources[0]
    why = f"one source only ({only.origin}): its best grade"
    return Grading(reliability, only.credibility, sources, why)


def _sources(session: Session, documents: Sequence[Document]) -> list[SourceGrade]:
    names = _source_names(session, {d.source_id for d in documents if d.source_id})
    groups: dict[str, list[Document]] = {}
    for document in documents:
        groups.setdefault(_origin(document, names), []).append(document)
    groups = _fold_stories(groups, _stories(session, [d.id or 0 for d in documents]))
    return [
        SourceGrade(
            origin=origin,
            document_ids=[d.id or 0 for d in members],
            reliability=min(d.reliability or UNGRADED_RELIABILITY for d in members),
            credibility=min(d.credibility or UNGRADED_CREDIBILITY for d in members),
        )
        for origin, members in groups.items()
    ]


def _stories(session: Session, document_ids: list[int]) -> dict[int, int]:
    query = select(LinkIndex.document_id, LinkIndex.story_id).where(
        col(LinkIndex.document_id).in_(document_ids)
    )
    return {int(document_id): int(story) for document_id, story in session.exec(query).all()}


def _fold_stories(
    groups: dict[str, list[Document]], stories: dict[int, int]
) -> dict[str, list[Document]]:
    """Fold each group holding a copy of a story already seen into that story's group."""
    folded: dict[str, list[Document]] = {}
    owner: dict[int, str] = {}  # story id -> the origin its first copy was grouped under
    absorbed: set[str] = set()
    for origin, members in groups.items():
        copies = (owner[s] for d in members if (s := stories.get(d.id or 0)) in owner)
        into = next(copies, origin)
        if into != origin:
            absorbed.add(into)
        folded.setdefault(into, []).extend(members)
        owner.update({stories[d.id or 0]: into for d in members if (d.id or 0) in stories})
    return {
        f"{origin} with syndicated copies" if origin in absorbed else origin: members
        for origin, members in folded.items()
    }


def _origin(document: Document, source_names: dict[int, str]) -> str:
    if document.bureau_country:
        return f"bureau {document.bureau_country}"
    if document.source_id:
        return f"source {source_names.get(document.source_id, document.source_id)}"
    return f"document {document.parent_id or document.id}"


def _source_names(session: Session, source_ids: set[int | None]) -> dict[int, str]:
    if not source_ids:
        return {}
    rows = session.exec(
        select(Source.id, Source.name).where(col(Source.id).in_(list(source_ids)))
    ).all()
    return {int(source_id or 0): name for source_id, name in rows}
