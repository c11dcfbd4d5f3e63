"""Searching documents, findings and incidents within a reader's clearance.

Results are ranked by score, then by entry id, and paged by an opaque cursor holding the
last (score, id) seen: no OFFSET, and a page never repeats or skips a result of the pages
before it while the index stands still. Nothing above the clearance is selected at all:
no result, snippet or count can show it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, and_, or_, select, union_all
from sqlmodel import Session

from nlp.search_terms import parse_query, split_hits
from nlp.vocabulary import Tlp
from storage.authz import REVIEWERS, Operator, require_actor
from storage.models import SearchEntry
from storage.search import pg, sqlite
from storage.search.kinds import KINDS
from storage.search.query import (
    SearchError,
    SearchFilters,
    decode_cursor,
    encode_cursor,
    match_spec,
)

MAX_LIMIT = 100


@dataclass(frozen=True)
class SearchResult:
    kind: str
    id: int  # the document's, finding's or incident's id
    external_id: str | None
    title: str
    snippet: str  # plain text: untrusted, to be escaped wherever it is shown
    hits: tuple[tuple[int, int], ...]  # [start, end) of the matched words in the snippet
    score: float
    page: str  # "document", "incident" or "alert": where the result opens
    page_id: int | None


@dataclass(frozen=True)
class SearchPage:
    results: list[SearchResult]
    next_cursor: str | None


def search(
    *,
    session: Session,
    query: str,
    clearance: Tlp,
    filters: SearchFilters = SearchFilters(),
    cursor: str | None = None,
    limit: int = 20,
) -> SearchPage:
    if not 1 <= limit <= MAX_LIMIT:
        raise SearchError(f"the limit must be between 1 and {MAX_LIMIT}")
    unknown = set(filters.kinds) - set(KINDS)
    if unknown:
        raise SearchError(f"unknown kind {sorted(unknown)[0]!r}; kinds: {', '.join(KINDS)}")
    spec = match_spec(session=session, terms=parse_query(query), filters=filters)
    dialect = sqlite if session.get_bind().dialect.name == "sqlite" else pg
    entry: Table = SearchEntry.__table__  # type: ignore[attr-defined]
    found = dialect.matches(session, spec, entry)
    if found is None:
        raise SearchError("the query has nothing to search for")
    statement, _score = found
    # One branch per kind, each with its own clearance condition: a plain EXISTS the planner
    # runs as an index lookup per match, where an OR of them would hash the whole table.
    branches = [
        statement.where(*_conditions(entry, kind, clearance, filters))
        for kind in (filters.kinds or tuple(KINDS))
    ]
    combined: Any = union_all(*branches) if len(branches) > 1 else branches[0]
    ranked = combined.subquery("ranked")
    page_query = select(ranked)
    if cursor:
        last_score, last_id = decode_cursor(cursor)
        page_query = page_query.where(
            or_(
                ranked.c.score < last_score,
                and_(ranked.c.score == last_score, ranked.c.id < last_id),
            )
        )
    page_query = page_query.order_by(ranked.c.score.desc(), ranked.c.id.desc()).limit(limit + 1)
    rows = session.execute(page_query).mappings().all()
    more = len(rows) > limit
    rows = rows[:limit]
    snippets = dialect.snippets(session, spec, entry, [row["id"] for row in rows])
    results = [_result(row, snippets.get(row["id"])) for row in rows]
    last = rows[-1] if rows and more else None
    return SearchPage(results, encode_cursor(last["score"], last["id"]) if last else None)


def _conditions(entry: Table, kind: str, clearance: Tlp, filters: SearchFilters) -> list[Any]:
    searchable = KINDS[kind]
    conditions: list[Any] = [entry.c.kind == kind, searchable.visible(clearance, entry)]
    if filters.markings:
        conditions.append(or_(*(searchable.marked(m, entry) for m in filters.markings)))
    if filters.since:
        conditions.append(entry.c.day >= filters.since)
    if filters.until:
        conditions.append(entry.c.day <= filters.until)
    if filters.statuses:
        conditions.append(entry.c.status.in_(list(filters.statuses)))
    return conditions


def _result(row: Any, snippet: str | None) -> SearchResult:
    marked = row.get("snippet") if snippet is None else snippet
    plain, hits = split_hits(marked or "")
    page, page_id = KINDS[row["kind"]].link(_Row(row))
    return SearchResult(
        kind=row["kind"],
        id=row["entity_id"],
        external_id=row["external_id"],
        title=row["title"],
        snippet=plain,
        hits=tuple(hits),
        score=float(row["score"]),
        page=page,
        page_id=page_id,
    )


class _Row:
    """Attribute access to a result row, as the kinds' `link` expects."""

    def __init__(self, row: Any) -> None:
        self.entity_id = row["entity_id"]
        self.document_id = row["document_id"]
        self.incident_id = row["incident_id"]


def reader_clearance(*, session: Session, username: str) -> Tlp:
    """What `username` may find: an operator at the command line holds the database (its
    ceiling caps it); a user is re-read and refused when missing or disabled (audited)."""
    if isinstance(username, Operator):
        return Tlp.RED
    user = require_actor(session=session, username=username, roles=REVIEWERS, action="search")
    assert user is not None  # only an Operator comes back as None
    return Tlp(user.clearance)
