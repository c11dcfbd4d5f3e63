"""The real-text set: rebuilt byte for byte, short quoted excerpts with their source, two halves."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from typing import Any

import pytest

from evaluation.build import (
    EXCERPT_MAX_CHARS,
    MATERIAL_NAMES,
    REALTEXT,
    REALTEXT_SPLITS,
    GoldMarkupError,
    _check_excerpt,
    build_lines,
    realtext_sources,
)
from evaluation.build import GoldSource as Source
from nlp.textutil import sentences
from nlp.vocabulary import IncidentType, Label

HALVES = {
    split: [json.loads(line) for line in (REALTEXT / f"{split}.jsonl").read_text().splitlines()]
    for split in REALTEXT_SPLITS
}
DOCUMENTS = [document for half in HALVES.values() for document in half]


@pytest.mark.parametrize("split", REALTEXT_SPLITS)
def test_each_half_is_reproduced_by_the_builder(split: str) -> None:
    expected = build_lines(realtext_sources(split))
    assert (REALTEXT / f"{split}.jsonl").read_text(encoding="utf-8") == expected


def test_size_languages_and_share_of_non_incidents() -> None:
    assert len(DOCUMENTS) >= 80
    languages = Counter(document["language"] for document in DOCUMENTS)
    assert sum(count >= 3 for count in languages.values()) >= 8
    non_incidents = sum(not document["relevant"] for document in DOCUMENTS) / len(DOCUMENTS)
    assert 0.15 <= non_incidents <= 0.3


def test_halves_are_disjoint_and_each_holds_every_larger_language() -> None:
    ids = [{d["id"] for d in half} for half in HALVES.values()]
    assert not ids[0] & ids[1]
    for language, count in Counter(d["language"] for d in DOCUMENTS).items():
        if count >= 4:
            assert all(any(d["language"] == language for d in half) for half in HALVES.values())


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda d: str(d["id"]))
def test_every_item_is_a_short_excerpt_with_its_source(document: dict[str, Any]) -> None:
    assert re.match(r"https?://\S+$", document["url"])
    assert date.fromisoformat(document["accessed"]) == date(2026, 12, 2)
    assert len(document["text"]) <= EXCERPT_MAX_CHARS
    assert len(sentences(document["text"])) <= 6
    assert document["annotated_labels"] == [Label.MATERIAL]
    assert IncidentType(document["incident_type"]) != IncidentType.NONE or not document["relevant"]
    for finding in document["findings"]:
        assert finding["label"] == Label.MATERIAL
        assert document["text"][finding["start"] : finding["end"]] == finding["text"]
        assert finding["normalized"] in MATERIAL_NAMES


def test_an_excerpt_over_the_cap_or_without_its_source_is_refused() -> None:
    long = Source(id="rt-en-999", text="word " * 200, relevant=False, url="https://x.org/a")
    with pytest.raises(GoldMarkupError, match="url, accessed and split"):
        _check_excerpt(long)
    dated = Source(**{**long.__dict__, "accessed": "2026-12-02", "split": "tuned"})
    with pytest.raises(GoldMarkupError, match="longer than"):
        _check_excerpt(dated)
