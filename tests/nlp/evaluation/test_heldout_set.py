"""The held-out evaluation set: well-formed, reproducible, and disjoint from the gold set."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from evaluation.build import (
    ATTRIBUTE_KEYS,
    GOLD_PATH,
    HELDOUT_PATH,
    LANGUAGES,
    build_lines,
    heldout_sources,
)
from nlp.vocabulary import Label
from tests.nlp.evaluation import gold_checks as check
from tests.nlp.evaluation.gold_checks import Document, Finding

LANGUAGE_COUNTS = {"en": 14, "fr": 5, "es": 5, "ar": 4}

DOCUMENTS = check.load(HELDOUT_PATH)
GOLD = check.load(GOLD_PATH)
FINDINGS = [(document, finding) for document in DOCUMENTS for finding in document["findings"]]
BY_ID: dict[str, Any] = {"ids": lambda document: document["id"]}


def test_file_is_reproduced_byte_for_byte_by_the_builder() -> None:
    assert HELDOUT_PATH.read_text(encoding="utf-8") == build_lines(heldout_sources())


def test_size_languages_and_relevance() -> None:
    assert Counter(document["language"] for document in DOCUMENTS) == LANGUAGE_COUNTS
    relevant = sum(document["relevant"] for document in DOCUMENTS) / len(DOCUMENTS)
    assert 0.35 <= relevant <= 0.45
    for language in LANGUAGES:
        per_language = [document for document in DOCUMENTS if document["language"] == language]
        share = sum(document["relevant"] for document in per_language) / len(per_language)
        assert 0.3 <= share <= 0.5, language


def test_ids_and_texts_are_unique_and_new() -> None:
    ids = [document["id"] for document in DOCUMENTS]
    assert len(set(ids)) == len(ids)
    assert not set(ids) & {document["id"] for document in GOLD}
    texts = [document["text"] for document in DOCUMENTS]
    assert len(set(texts)) == len(texts)
    assert not set(texts) & {document["text"] for document in GOLD}


def test_no_person_org_or_facility_is_shared_with_the_gold_set() -> None:
    gold_texts = [document["text"] for document in GOLD]
    reused = sorted(name for name in check.names(DOCUMENTS) if check.occurs(name, gold_texts))
    assert reused == []
    heldout_texts = [document["text"] for document in DOCUMENTS]
    borrowed = sorted(name for name in check.names(GOLD) if check.occurs(name, heldout_texts))
    assert borrowed == []


@pytest.mark.parametrize("document", DOCUMENTS, **BY_ID)
def test_document_shape(document: Document) -> None:
    check.check_document_shape(document, "heldout", (70, 200))


@pytest.mark.parametrize("document", DOCUMENTS, **BY_ID)
def test_doc_level_labels_follow_relevance(document: Document) -> None:
    check.check_doc_level_labels(document)
    if not document["relevant"]:
        assert document["incident_date"] is None


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


def test_every_label_and_incident_type_family_is_exercised() -> None:
    labels = {finding["label"] for _, finding in FINDINGS}
    assert labels == set(Label)
    kinds = {document["incident_type"] for document in DOCUMENTS if document["relevant"]}
    assert len(kinds) >= 5
    attributes = {key for _, finding in FINDINGS for key in finding["attributes"]}
    assert attributes == set(ATTRIBUTE_KEYS)
