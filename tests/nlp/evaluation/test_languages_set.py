"""The languages evaluation set (pt, de, it, ru, uk, pl, tr, ka): well-formed, reproducible."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from evaluation.build import ADDED_LANGUAGES, LANGUAGES_PATH, build_lines, languages_sources
from tests.nlp.evaluation import gold_checks as check
from tests.nlp.evaluation.gold_checks import Document

DOCUMENTS = check.load(LANGUAGES_PATH)
BY_ID: dict[str, Any] = {"ids": lambda document: document["id"]}


def test_file_is_reproduced_byte_for_byte_by_the_builder() -> None:
    assert LANGUAGES_PATH.read_text(encoding="utf-8") == build_lines(languages_sources())


def test_six_documents_per_language_with_confusable_non_incidents() -> None:
    counts = Counter(document["language"] for document in DOCUMENTS)
    assert {language: counts[language] for language in ADDED_LANGUAGES} == dict.fromkeys(
        ADDED_LANGUAGES, 6
    )
    for language in ADDED_LANGUAGES:
        irrelevant = [d for d in DOCUMENTS if d["language"] == language and not d["relevant"]]
        assert len(irrelevant) >= 2, language


@pytest.mark.parametrize("document", DOCUMENTS, **BY_ID)
def test_doc_level_labels_follow_relevance(document: Document) -> None:
    if document["relevant"]:
        assert document["incident_type"] != "none" and document["countries"]
        places = {f["normalized"] for f in document["findings"] if f["label"] == "GPE"}
        assert set(document["countries"]) <= places
    else:
        assert document["incident_type"] == "none" and document["countries"] == []
