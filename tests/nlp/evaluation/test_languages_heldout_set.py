"""The held-out languages set (pt, de, it, ru, uk, pl, tr, ka): well-formed, reproducible, and
disjoint from the tuned languages set in its people, organisations and facilities."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from evaluation.build import (
    ADDED_LANGUAGES,
    LANGUAGES_HELDOUT_PATH,
    LANGUAGES_PATH,
    build_lines,
    languages_heldout_sources,
)
from tests.nlp.evaluation import gold_checks as check
from tests.nlp.evaluation.gold_checks import Document, Finding

DOCUMENTS = check.load(LANGUAGES_HELDOUT_PATH)
TUNED = check.load(LANGUAGES_PATH)
FINDINGS = [(document, finding) for document in DOCUMENTS for finding in document["findings"]]
BY_ID: dict[str, Any] = {"ids": lambda document: document["id"]}


def test_file_is_reproduced_byte_for_byte_by_the_builder() -> None:
    assert LANGUAGES_HELDOUT_PATH.read_text(encoding="utf-8") == build_lines(
        languages_heldout_sources()
    )


def test_three_documents_per_language_one_of_them_a_non_incident() -> None:
    counts = Counter(document["language"] for document in DOCUMENTS)
    assert counts == dict.fromkeys(ADDED_LANGUAGES, 3)
    for language in ADDED_LANGUAGES:
        irrelevant = [d for d in DOCUMENTS if d["language"] == language and not d["relevant"]]
        assert len(irrelevant) == 1, language


def test_every_language_has_a_person_and_an_organisation() -> None:
    for language in ADDED_LANGUAGES:
        labels = {
            finding["label"]
            for document in DOCUMENTS
            if document["language"] == language
            for finding in document["findings"]
        }
        assert {"PERSON", "ORG", "GPE", "DATE", "MATERIAL"} <= labels, language


def test_ids_texts_and_names_are_new() -> None:
    ids = [document["id"] for document in DOCUMENTS]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"heldout-[a-z]{2}-\d{3}", i) for i in ids)
    assert not set(ids) & {document["id"] for document in TUNED}
    tuned_texts = [document["text"] for document in TUNED]
    assert sorted(name for name in check.names(DOCUMENTS) if check.occurs(name, tuned_texts)) == []
    heldout_texts = [document["text"] for document in DOCUMENTS]
    assert sorted(name for name in check.names(TUNED) if check.occurs(name, heldout_texts)) == []


@pytest.mark.parametrize("document", DOCUMENTS, **BY_ID)
def test_doc_level_labels_follow_relevance(document: Document) -> None:
    check.check_doc_level_labels(document)


@pytest.mark.parametrize("item", FINDINGS, ids=check.finding_id)
def test_finding_span_and_vocabulary(item: tuple[Document, Finding]) -> None:
    check.check_finding_span_and_vocabulary(*item)
    check.check_material_attributes(item[1])


@pytest.mark.parametrize("document", DOCUMENTS, **BY_ID)
def test_findings_are_ordered_disjoint_and_complete(document: Document) -> None:
    check.check_findings_ordered_and_disjoint(document)
    check.check_every_mention_annotated(document)
    check.check_devices_only_in_sentences_without_material(document)
