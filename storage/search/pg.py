"""PostgreSQL full-text search: one tsquery for the GIN index of `search_entry.tsv`.

Keys are whole lexemes of weight A (`'idcs137':A`); free text is parsed by
`websearch_to_tsquery` under every language configuration and OR-ed, so one query finds an
English and a French document each by its own stemming. Ranking is `ts_rank` (keys weigh
most, then titles); snippets are `ts_headline` over the page's rows only.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Float, String, Table, bindparam, cast, func, literal, select, text
from sqlalchemy.dialects.postgresql import REGCONFIG, TSQUERY
from sqlalchemy.sql import ColumnElement, Select

from nlp.search_terms import HIT_END, HIT_START, SIMPLE_CONFIG, TEXT_CONFIGS
from storage.search.query import MatchSpec, result_columns

CONFIGS = (*sorted(set(TEXT_CONFIGS.values())), SIMPLE_CONFIG)
SNIPPET_SOURCE_CHARS = 20_000  # ts_headline parses what it is given: the head of a long text
HEADLINE_OPTIONS = (
    f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords=30, MinWords=12, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)


def _all_of(groups: tuple[tuple[str, ...], ...]) -> str:
    """A tsquery literal: every group, one key of each (keys are [a-z0-9] only)."""
    return " & ".join("(" + " | ".join(f"'{k}':A" for k in group) + ")" for group in groups)


def _text_queries(session: Any, text: str) -> list[str]:
    """The free text as tsquery literals, one per distinct parse under the configurations
    (most languages stem a word alike: "radiation" gives three, not sixteen)."""
    if not text.strip():
        return []
    parsed = [
        cast(func.websearch_to_tsquery(cast(literal(c), REGCONFIG), bindparam("t", text)), String)
        for c in CONFIGS
    ]
    row = session.execute(select(*parsed)).one()
    return [f"({query})" for query in dict.fromkeys(row) if query]


def tsquery(session: Any, spec: MatchSpec) -> str | None:
    """The whole query as one tsquery literal, parsed once by PostgreSQL: bound as a
    constant, it is not parsed again for every row ranked."""
    parts = _text_queries(session, spec.text)
    if spec.names:
        parts.append(f"({_all_of(spec.names)})")
    query = " | ".join(parts)
    if spec.required:
        required = _all_of(spec.required)
        query = f"{required} & ({query})" if query else required
    return query or None


def matches(
    session: Any, spec: MatchSpec, entry: Table
) -> tuple[Select[Any], ColumnElement[Any]] | None:
    """SELECT entry columns and `score` of the matching entries; None for an empty spec."""
    literal_query = tsquery(session, spec)
    if literal_query is None:
        return None
    # The planner's cost of ranking many rows would start JIT compilation, which costs more
    # than the whole search (half a second measured): not for this transaction.
    session.execute(text("SET LOCAL jit = off"))
    query = cast(bindparam("search_query", literal_query), TSQUERY)
    score = cast(func.ts_rank(entry.c.tsv, query), Float).label("score")
    statement = select(*result_columns(entry), score).where(entry.c.tsv.op("@@")(query))
    return statement, score


def snippets(session: Any, spec: MatchSpec, entry: Table, ids: list[int]) -> dict[int, str]:
    """The highlighted snippet of each entry, hits between HIT_START and HIT_END."""
    if not ids:
        return {}
    body = func.left(entry.c.body, SNIPPET_SOURCE_CHARS)
    words = " | ".join(_text_queries(session, spec.text))
    if words:
        query = cast(bindparam("search_words", words), TSQUERY)
        text = func.ts_headline(cast(entry.c.config, REGCONFIG), body, query, HEADLINE_OPTIONS)
    else:
        text = func.left(entry.c.body, 240)
    rows = session.execute(select(entry.c.id, text).where(entry.c.id.in_(ids)))
    return {row[0]: row[1] or "" for row in rows}
