"""Review priority: one integer per finding and per document, higher = more urgent.

The review queues sort by `(priority DESC, id DESC)` and page by that pair, so a composite
index `(status, priority, id)` serves them without a join or a sort. The value is a
decimal layout, readable at a glance:

    priority = band * 10_000 + urgency * 1_000 + relevance per mille
      band      2 relevant document, 1 not relevant, 0 not assessed yet
      urgency   MATERIAL with IAEA category c (1-5): 7 - c (6..2); other MATERIAL: 1;
                any other label: 0                               (findings only)
      per mille round(relevance * 999), 0 when not assessed

A document's priority is the same number without the urgency digit, so both queues share
`relevant_range`. The document part is copied onto its findings: when re-extraction changes
a document's relevance, `with_document_part` rewrites it in SQL and keeps each finding's
urgency digit. Ties break on id (newest first).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.sql import ColumnElement

from nlp.vocabulary import Label

BAND = 10_000
URGENCY = 1_000
PER_MILLE = 999


def document_priority(relevant: bool | None, relevance: float | None) -> int:
    """The document part: relevance band, then relevance per mille."""
    band = 0 if relevant is None else (2 if relevant else 1)
    score = 0 if relevance is None else round(min(max(relevance, 0.0), 1.0) * PER_MILLE)
    return band * BAND + score


def urgency(label: str, attributes: Mapping[str, Any] | None) -> int:
    """MATERIAL first, the most dangerous IAEA category (1) first among materials."""
    if label != Label.MATERIAL:
        return 0
    category = (attributes or {}).get("iaea_category")
    try:
        value = int(category) if category is not None else 0
    except (TypeError, ValueError):
        value = 0
    return 7 - value if 1 <= value <= 5 else 1


def finding_priority(
    *,
    relevant: bool | None,
    relevance: float | None,
    label: str,
    attributes: Mapping[str, Any] | None,
) -> int:
    return document_priority(relevant, relevance) + urgency(label, attributes) * URGENCY


def relevant_range(relevant: bool) -> tuple[int, int]:
    """[low, high) of the priorities of relevant (or assessed not relevant) documents."""
    band = 2 if relevant else 1
    return band * BAND, (band + 1) * BAND


def with_document_part(priority: ColumnElement[int], document_part: Any) -> ColumnElement[int]:
    """SQL for a finding's priority with a new document part and its own urgency digit."""
    urgency_part = priority % BAND - priority % URGENCY
    return urgency_part + document_part
