"""The gold evaluation set: well-formed, consistent with its vocabularies, reproducible."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from evaluation.build import (
    GOLD_PATH,
    LANGUAGES,
    GoldMarkupError,
    build_lines,
    parse_markup,
)
from tests.nlp.evaluation import gold_checks as check
from tests.nlp.evaluation.gold_checks import Document, Finding

LANGUAGE_SHARE = {"en": (0.45, 0.55), "fr": (0.14, 0.20), "es": (0.14, 0.20), "ar": (0.13, 0.19)}

DOCUMENTS = check.load(GOLD_PATH)
FINDINGS = [(document, finding) for document in DOCUMENTS for finding in document["findings"]]
BY_ID: dict[str, Any] = {"ids": lambda document: document["id"]}


def test_file_is_reproduced_byte_for_byte_by_the_builder() -> None:
    assert GOLD_PATH.read_text(encoding="utf-8") == build_lines()


def test_size_ids_and_texts_are_unique() -> None:
    assert len(DOCUMENTS) >= 80
    ids = [document["id"] for document in DOCUMENTS]
    assert len(set(ids)) == len(ids)
    texts = [document["text"] for document in DOCUMENTS]
    assert len(set(texts)) == len(texts)


@pytest.mark.parametrize("document", DOCUMENTS, **BY_ID)
def test_document_shape(document: Document) -> None:
    check.check_document_shape(document, "gold", (60, 250))


def test_language_and_relevance_balance() -> None:
    counts = Counter(document["language"] for document in DOCUMENTS)
    for language, (low, high) in LANGUAGE_SHARE.items():
        assert low <= counts[language] / len(DOCUMENTS) <= high, (language, counts)
    relevant = sum(document["relevant"] for document in DOCUMENTS) / len(DOCUMENTS)
    assert 0.35 <= relevant <= 0.45
    for language in LANGUAGES:
        per_language = [document for document in DOCUMENTS if document["language"] == language]
        share = sum(document["relevant"] for document in per_language) / len(per_language)
        assert 0.3 <= share <= 0.5, language


@pytest.mark.parametrize("document", DOCUMENTS, **BY_ID)
def test_doc_level_labels_follow_relevance(document: Document) -> None:
    check.check_doc_level_labels(document)


@pytest.mark.parametrize("item", FINDINGS, ids=check.finding_id)
def test_finding_span_and_vocabulary(item: tuple[Document, Finding]) -> None:
    check.check_finding_span_and_vocabulary(*item)


@pytest.mark.parametrize("item", FINDINGS, ids=check.finding_id)
def test_material_attributes(item: tuple[Document, Finding]) -> None:
    check.check_material_attributes(item[1])


@pytest.mark.parametrize("document", DOCUMENTS, **BY_ID)
def test_findings_are_ordered_and_disjoint(document: Document) -> None:
    check.check_findings_ordered_and_disjoint(document)


@pytest.mark.parametrize("document", DOCUMENTS, **BY_ID)
def test_every_mention_of_an_annotated_string_is_annotated(document: Document) -> None:
    check.check_every_mention_annotated(document)


@pytest.mark.parametrize("document", DOCUMENTS, **BY_ID)
def test_device_findings_only_in_sentences_without_material(document: Document) -> None:
    check.check_devices_only_in_sentences_without_material(document)


def test_markup_offsets_are_computed_on_the_plain_text() -> None:
    text, findings = parse_markup(
        'Gauge with [[caesium-137|MATERIAL|Cs-137|{"activity_bq": 3e8}]] in [[Lyon|GPE|FR]].',
        "t",
    )
    assert text == "Gauge with caesium-137 in Lyon."
    assert [(f["start"], f["end"], f["normalized"]) for f in findings] == [
        (11, 22, "Cs-137"),
        (26, 30, "FR"),
    ]
    assert findings[0]["attributes"] == {"activity_bq": 3e8}


@pytest.mark.parametrize(
    "marked", ["[[Lyon|CITY|FR]]", "[[ Lyon|GPE|FR]]", "[[Lyon]]", "[[Lyon|GPE|FR] ]"]
)
def test_bad_markup_is_refused(marked: str) -> None:
    with pytest.raises(GoldMarkupError):
        parse_markup(marked, "t")
