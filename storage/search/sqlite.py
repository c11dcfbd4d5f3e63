"""SQLite full-text search: the FTS5 table `search_fts` (porter stemming, accents removed).

Keys are tokens of the `keys` column, queried there only; the free text is every word of
the query, each quoted, in the title and body columns. Ranking is bm25 (title and keys weigh
more than the body); snippets come from FTS5's `snippet`.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Float, Integer, String, Table, select, text

from nlp.search_terms import HIT_END, HIT_START
from storage.migrations.search_ddl import FTS_TABLE
from storage.search.query import Matching, MatchSpec, result_columns

_WORD = re.compile(r"\w+")


def _all_of(groups: tuple[tuple[str, ...], ...]) -> str:
    return " AND ".join("{keys} : (" + " OR ".join(group) + ")" for group in groups)


def fts_query(spec: MatchSpec) -> str | None:
    """The FTS5 MATCH expression; query words are quoted, so none of them is syntax."""
    words = [w.replace('"', '""') for w in _WORD.findall(spec.text)]
    either = []
    if words:
        either.append("{title body} : (" + " AND ".join(f'"{w}"' for w in words) + ")")
    if spec.names:
        either.append(_all_of(spec.names))
    query = " OR ".join(f"({part})" for part in either) if either else None
    if spec.required:
        required = _all_of(spec.required)
        query = required if query is None else f"({required}) AND ({query})"
    return query


def matches(session: Any, spec: MatchSpec, entry: Table) -> Matching | None:
    query = fts_query(spec)
    if query is None:
        return None
    # FTS5 ranks (bm25) and cuts snippets inside its MATCH query, for every match: an
    # embedded database is small enough for that.
    found = (
        text(
            f"SELECT rowid AS id, -bm25({FTS_TABLE}, 4.0, 1.0, 8.0) AS score, "
            f"snippet({FTS_TABLE}, 1, char({ord(HIT_START)}), char({ord(HIT_END)}), ' … ', 24) "
            "AS snippet "
            f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :search_match"
        )
        .bindparams(search_match=query)
        .columns(id=Integer, score=Float, snippet=String)
        .subquery("fts")
    )
    statement = select(
        *result_columns(entry), found.c.score.label("fts_score"), found.c.snippet
    ).join(found, found.c.id == entry.c.id)
    return Matching(statement=statement, score=lambda window: window.c.fts_score, snippet=None)
