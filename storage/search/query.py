"""A search as the databases run it: which keys must all be there, the free text, the name
tokens with their typo variants, and the filters (nlp.search_terms does the parsing).

A result matches when it holds every identifier and satisfies every filter group, and then
either its text matches the free text or its names hold every name token.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Table
from sqlmodel import Session, col, select

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


RESULT_COLUMNS = ("id", "kind", "entity_id", "document_id", "incident_id", "external_id", "title")


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
    query = select(SearchNameToken.token).where(
        col(SearchNameToken.token) >= first, col(SearchNameToken.token) < chr(ord(first) + 1)
    )
    return [t for t in session.exec(query).all() if abs(len(t) - len(token)) <= 2]


def encode_cursor(score: float, entry_id: int) -> str:
    raw = json.dumps([score, entry_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[float, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        score, entry_id = json.loads(raw)
        return float(score), int(entry_id)
    except (binascii.Error, ValueError, TypeError) as error:
        raise SearchError("the cursor is not one this search gave out") from error
