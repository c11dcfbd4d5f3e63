"""Searching documents, findings and incidents within a reader's clearance.

Ranking windows: the matches are taken most recent first (by the entry's day, then id,
through the btree index on kind, day and id) in windows of RANK_WINDOW, and ranked by score,
then entry id, within each window; the results of one window come before those of the next
(older) one. A query matching fewer than RANK_WINDOW entries is thus ranked as a whole,
whereas a broad one ("radiation", an isotope in a third of the documents) costs the same
whatever its number of matches: the database walks the recency index until it has a window
of matches, and ranks, snippets and returns only those, where ranking every match took
seconds at 1,000,000 documents (benchmarks/README.md). What that trades away: for a broad
query the best-scoring match overall may sit in an older window, behind recent matches
that score less; the first page is the best of the most recent RANK_WINDOW matches.

Pages are cut by an opaque cursor holding the window (its first and last entries in the
recency order) and the last (score, id) seen in it: no OFFSET, and a page never repeats or
skips a result of the pages before it while the index stands still. There is no count of
all matches (it would cost as much as ranking them). Nothing above the clearance is
selected at all: no result, snippet or count can show it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, and_, func, or_, select, tuple_, union_all
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session

from nlp.search_terms import parse_query, split_hits
from nlp.vocabulary import Tlp
from storage.authz import REVIEWERS, Operator, require_actor
from storage.models import SearchEntry
from storage.search import pg, sqlite
from storage.search.kinds import KINDS
from storage.search.query import (
    RESULT_COLUMNS,
    Cursor,
    Matching,
    Position,
    SearchError,
    SearchFilters,
    decode_cursor,
    encode_cursor,
    match_spec,
)

MAX_LIMIT = 100
# Matches ranked together (module docstring): enough that a broad query's first pages are
# its best recent matches, few enough that walking the index to fill a window stays cheap.
# The planner walks the index only when it expects that to cost less than reading every
# match; near that point (a word in about 1 % of 1,000,000 entries) the walk reads about
# 50,000 entries for a window of 500 and twice that for 1,000 (benchmarks/README.md).
RANK_WINDOW = 500


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
    matching = dialect.matches(session, spec, entry)
    if matching is None:
        raise SearchError("the query has nothing to search for")
    kinds = filters.kinds or tuple(KINDS)
    where = decode_cursor(cursor) if cursor else Cursor(start=None, end=None, after=None)
    # Each row with the cursor of its window: a page may end in a later window than it began.
    rows: list[tuple[Cursor, Any]] = []
    while True:
        found, end = _window_page(
            session,
            matching,
            entry,
            [_conditions(entry, kind, clearance, filters) for kind in kinds],
            where,
            limit + 1 - len(rows),
        )
        rows.extend((Cursor(start=where.start, end=end, after=None), row) for row in found)
        if len(rows) > limit or end is None:
            break
        where = Cursor(start=end, end=None, after=None)  # on to the next, older window
    page = rows[:limit]
    results = [_result(row) for _, row in page]
    next_cursor = None
    if len(rows) > limit:
        window, last = page[-1]
        next_cursor = encode_cursor(
            Cursor(start=window.start, end=window.end, after=(last["score"], last["id"]))
        )
    return SearchPage(results, next_cursor)


def _window_page(
    session: Session,
    matching: Matching,
    entry: Table,
    branches: list[list[Any]],
    where: Cursor,
    count: int,
) -> tuple[list[Any], Position | None]:
    """Up to `count` ranked rows of the window `where` points into, after its position,
    in one statement; and the window's last entry, None when no older window follows."""
    selects = []
    # One branch per kind, each with its own clearance condition: a plain EXISTS the planner
    # runs as an index lookup per match, where an OR of them would hash the whole table.
    # Each branch takes its most recent matches itself, so the planner may walk the
    # (kind, day, id) index backwards and stop after a window, instead of reading every match.
    for conditions in branches:
        statement = matching.statement.where(*conditions)
        if where.start is not None:
            statement = statement.where(_older_than(entry, where.start))
        statement = statement.order_by(*_recency(entry)).limit(RANK_WINDOW)
        selects.append(select(statement.subquery()))
    combined: Any = union_all(*selects).subquery("matched")
    window = select(combined).order_by(*_recency(combined)).limit(RANK_WINDOW).subquery("window")
    oldest_first = (window.c.day.asc().nullslast(), window.c.id.asc())
    columns = [window.c[name] for name in RESULT_COLUMNS]
    if matching.snippet is None:
        columns.append(window.c.snippet)
    scored = select(
        *columns,
        matching.score(window).label("score"),
        func.count().over().label("window_size"),
        func.first_value(window.c.day, type_=window.c.day.type)
        .over(order_by=oldest_first)
        .label("last_day"),
        func.first_value(window.c.id, type_=window.c.id.type)
        .over(order_by=oldest_first)
        .label("last_id"),
    ).subquery("scored")
    ranked = select(scored)
    if where.after is not None:
        last_score, last_id = where.after
        ranked = ranked.where(
            or_(
                scored.c.score < last_score,
                and_(scored.c.score == last_score, scored.c.id < last_id),
            )
        )
    ranked = ranked.order_by(scored.c.score.desc(), scored.c.id.desc()).limit(count)
    if matching.snippet is not None:
        # Snippets after the page is cut: ts_headline parses a text, for these rows only.
        cut = ranked.subquery("page")
        ranked = (
            select(cut, matching.snippet(entry).label("snippet"))
            .join(entry, entry.c.id == cut.c.id)
            .order_by(cut.c.score.desc(), cut.c.id.desc())
        )
    rows = list(session.execute(ranked).mappings().all())
    if not rows:
        # Past the window's last result: the cursor knows where the window ended.
        return [], where.end if where.after is not None else None
    first = rows[0]
    full = first["window_size"] >= RANK_WINDOW
    return rows, Position(first["last_day"], first["last_id"]) if full else None


def _recency(table: Any) -> tuple[Any, ...]:
    """Most recent first; entries without a day first of all (a backward walk of the index
    on kind, day, id gives exactly this order)."""
    return (table.c.day.desc().nullsfirst(), table.c.id.desc())


def _older_than(entry: Table, position: Position) -> ColumnElement[bool]:
    """The entries after `position` in the recency order (`_recency`)."""
    if position.day is None:
        return or_(and_(entry.c.day.is_(None), entry.c.id < position.id), entry.c.day.is_not(None))
    # A row comparison: the index on (kind, day, id) starts its walk right there.
    return tuple_(entry.c.day, entry.c.id) < tuple_(position.day, position.id)


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


def _result(row: Any) -> SearchResult:
    plain, hits = split_hits(row["snippet"] or "")
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
