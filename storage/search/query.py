"""A search as the databases run it: which keys must all be there, the free text, the name
tokens with their typo variants, and the filters (nlp.search_terms does the parsing).

A result matches when it holds every identifier and satisfies every filter group, and then
either its text matches the free text or its names hold every name token.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Table
from sqlalchemy.sql import ColumnElement, Select
from sqlmodel import Session, col, func, select

from nlp.search_terms import (
    COUNTRY,
    MATERIAL,
    SOURCE,
    SearchTerms,
    canonical_materials,
    key,
    similar_tokens,
)
from nlp.vocabulary import Tlp
from storage.models import SearchNameToken


class SearchError(ValueError):
    """A query or a cursor that cannot be run; the message says why."""


@dataclass(frozen=True)
class SearchFilters:
    kinds: tuple[str, ...] = ()  # empty: every kind
    since: date | None = None
    until: date | None = None
    countries: tuple[str, ...] = ()  # ISO 3166-1 alpha-2, any of them
    materials: tuple[str, ...] = ()  # a nuclide in any notation or a material group
    sources: tuple[int, ...] = ()
    markings: tuple[Tlp, ...] = ()
    statuses: tuple[str, ...] = ()


@dataclass(frozen=True)
class MatchSpec:
    """Every group of `required` must be matched (one key of the group); then `text`, or
    every group of `names`."""

    text: str
    required: tuple[tuple[str, ...], ...] = ()
    names: tuple[tuple[str, ...], ...] = ()
    configs: tuple[str, ...] = field(default=())


RESULT_COLUMNS = (
    "id",
    "kind",
    "entity_id",
    "document_id",
    "incident_id",
    "external_id",
    "title",
    "day",
)


@dataclass(frozen=True)
class Matching:
    """What a dialect contributes to a search: the matching entries, how a row of the
    ranking window is scored, and how a row of the page gets its snippet."""

    # SELECT of the result columns (and what `score` needs) of the matching entries
    statement: Select[Any]
    # the score of a row of the window subquery (higher is better)
    score: Callable[[Any], ColumnElement[Any]]
    # the highlighted snippet of a page row from the entry table; None: the statement
    # already selects a `snippet` column
    snippet: Callable[[Table], ColumnElement[Any]] | None


def result_columns(entry: Table) -> list[Any]:
    """What a result needs of its entry (never the body or the tsvector)."""
    return [entry.c[name] for name in RESULT_COLUMNS]


def match_spec(*, session: Session, terms: SearchTerms, filters: SearchFilters) -> MatchSpec:
    required: list[tuple[str, ...]] = [(identifier,) for identifier in terms.identifiers]
    for prefix, values in (
        (COUNTRY, filters.countries),
        (MATERIAL, tuple(_material_value(m) for m in filters.materials)),
        (SOURCE, tuple(str(s) for s in filters.sources)),
    ):
        group = tuple(sorted({key(prefix, value) for value in values} - {""}))
        if group:
            required.append(group)
    names = tuple(
        tuple(sorted(key("nm", t) for t in similar_tokens(token, _vocabulary(session, token))))
        for token in terms.names
    )
    return MatchSpec(text=terms.text, required=tuple(required), names=names)


def _material_value(value: str) -> str:
    """A nuclide in any notation as its canonical name; a group or form as given."""
    canonical = canonical_materials(value)
    return canonical[0] if canonical else value.strip().casefold().replace(" ", "_")


def _vocabulary(session: Session, token: str) -> list[str]:
    """Known name tokens that could be a typo away: same first letter, similar length."""
    first = token[0]
    # The length test in SQL: a large vocabulary stays in the database, not in the reply.
    length = func.length(col(SearchNameToken.token))
    query = select(SearchNameToken.token).where(
        col(SearchNameToken.token) >= first,
        col(SearchNameToken.token) < chr(ord(first) + 1),
        length.between(len(token) - 2, len(token) + 2),
    )
    return list(session.exec(query).all())


@dataclass(frozen=True)
class Position:
    """Where an entry stands in the recency order of the ranking windows: its day (None
    for an entry without one; those come first) and its id."""

    day: date | None
    id: int

    def dump(self) -> list[Any]:
        return [self.day.isoformat() if self.day else None, self.id]

    @classmethod
    def load(cls, raw: Any) -> Position:
        day, entry_id = raw
        return cls(date.fromisoformat(day) if day is not None else None, int(entry_id))


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: in the ranking window that begins after `start` (None:
    the first window) and ends at `end` (None: the last window), after the result
    (score, id) (None: at the window's best result)."""

    start: Position | None
    end: Position | None
    after: tuple[float, int] | None


def encode_cursor(cursor: Cursor) -> str:
    raw = json.dumps(
        [
            cursor.start.dump() if cursor.start else None,
            cursor.end.dump() if cursor.end else None,
            list(cursor.after) if cursor.after else None,
        ]
    ).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> Cursor:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        start, end, after = json.loads(raw)
        return Cursor(
            start=Position.load(start) if start is not None else None,
            end=Position.load(end) if end is not None else None,
            after=(float(after[0]), int(after[1])) if after is not None else None,
        )
    except (binascii.Error, ValueError, TypeError, IndexError) as error:
        raise SearchError("the cursor is not one this search gave out") from error
