"""PostgreSQL full-text search: one tsquery for the GIN index of `search_entry.tsv`.

Keys are whole lexemes of weight A (`'idcs137':A`); free text is parsed by
`websearch_to_tsquery` under every language configuration and OR-ed, so one query finds an
English and a French document each by its own stemming. Ranking is `ts_rank` (keys weigh
most, then titles) over the rows of a ranking window only (storage.search.search); snippets
are `ts_headline` over the page's rows only.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Float, String, Table, bindparam, cast, func, literal, select, text
from sqlalchemy.dialects.postgresql import REGCONFIG, TSQUERY
from sqlalchemy.sql import ColumnElement

from nlp.search_terms import HIT_END, HIT_START, SIMPLE_CONFIG, TEXT_CONFIGS
from storage.search.query import Matching, MatchSpec, result_columns

CONFIGS = (*sorted(set(TEXT_CONFIGS.values())), SIMPLE_CONFIG)
SNIPPET_SOURCE_CHARS = 20_000  # ts_headline parses what it is given: the head of a long text
HEADLINE_OPTIONS = (
    f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords=30, MinWords=12, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)


def _all_of(groups: tuple[tuple[str, ...], ...]) -> str:
    """A tsquery literal: every group, one key of each (keys are [a-z0-9] only)."""
    return " & ".join("(" + " | ".join(f"'{k}':A" for k in group) + ")" for group in groups)


def text_queries(session: Any, text: str) -> list[str]:
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


def tsquery(spec: MatchSpec, words: list[str]) -> str | None:
    """The whole query as one tsquery literal (`words`: the free text as parsed by
    `text_queries`): bound as a constant, it is not parsed again for every row matched,
    and the planner estimates how many rows it matches from the index statistics."""
    parts = list(words)
    if spec.names:
        parts.append(f"({_all_of(spec.names)})")
    query = " | ".join(parts)
    if spec.required:
        required = _all_of(spec.required)
        query = f"{required} & ({query})" if query else required
    return query or None


def matches(session: Any, spec: MatchSpec, entry: Table) -> Matching | None:
    """The matching entries with their tsvector (ranked only once in the window, never
    all of them), and snippets by `ts_headline` of the page's rows only. The free text is
    parsed once per search, for both."""
    words = text_queries(session, spec.text)
    literal_query = tsquery(spec, words)
    if literal_query is None:
        return None
    # The planner's cost of ranking many rows would start JIT compilation, which costs more
    # than the whole search (half a second measured): not for this transaction.
    session.execute(text("SET LOCAL jit = off"))
    query = cast(bindparam("search_query", literal_query), TSQUERY)
    statement = select(*result_columns(entry), entry.c.tsv).where(entry.c.tsv.op("@@")(query))

    def score(window: Any) -> ColumnElement[Any]:
        return cast(func.ts_rank(window.c.tsv, query), Float)

    def snippet(table: Table) -> ColumnElement[Any]:
        if not words:
            return func.left(table.c.body, 240)
        hits = cast(bindparam("search_words", " | ".join(words)), TSQUERY)
        body = func.left(table.c.body, SNIPPET_SOURCE_CHARS)
        return func.ts_headline(cast(table.c.config, REGCONFIG), body, hits, HEADLINE_OPTIONS)

    return Matching(statement=statement, score=score, snippet=snippet)
