"""The held-out evaluation set: well-formed, reproducible, and disjoint from the gold set."""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from typing import Any

import pytest

from nlp.evaluation.build_gold import (
    ATTRIBUTE_KEYS,
    DEVICES,
    GOLD_PATH,
    HELDOUT_PATH,
    INCIDENT_TYPES,
    INTENT_GROUPS,
    LABELS,
    LANGUAGES,
    MATERIAL_NAMES,
    build_lines,
    heldout_sources,
)
from tests.nlp.test_gold_set import (
    EDGE_PUNCTUATION,
    FINDING_KEYS,
    KEYS,
    LEADING_DETERMINERS,
    _is_country,
    _sentence_bounds,
    _valid_iso_date,
)

Document = dict[str, Any]

LANGUAGE_COUNTS = {"en": 14, "fr": 5, "es": 5, "ar": 4}
NAME_LABELS = ("PERSON", "ORG", "FAC")


def _load(path: Any) -> list[Document]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


DOCUMENTS = _load(HELDOUT_PATH)
GOLD = _load(GOLD_PATH)
FINDINGS = [(document, finding) for document in DOCUMENTS for finding in document["findings"]]


def _finding_id(item: tuple[Document, dict[str, Any]]) -> str:
    document, finding = item
    return f"{document['id']}:{finding['start']}"


def _names(documents: list[Document]) -> set[str]:
    return {
        finding["text"]
        for document in documents
        for finding in document["findings"]
        if finding["label"] in NAME_LABELS
    }


def _occurs(surface: str, texts: list[str]) -> bool:
    pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")
    return any(pattern.search(text) for text in texts)


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
    reused = sorted(name for name in _names(DOCUMENTS) if _occurs(name, gold_texts))
    assert reused == []
    heldout_texts = [document["text"] for document in DOCUMENTS]
    borrowed = sorted(name for name in _names(GOLD) if _occurs(name, heldout_texts))
    assert borrowed == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda document: document["id"])
def test_document_shape(document: Document) -> None:
    assert list(document) == KEYS
    assert re.fullmatch(rf"heldout-{document['language']}-\d{{3}}", document["id"])
    assert document["language"] in LANGUAGES
    assert 70 <= len(document["text"].split()) <= 200
    assert "[[" not in document["text"] and "]]" not in document["text"]
    assert document["incident_type"] in INCIDENT_TYPES
    date_value = document["incident_date"]
    assert date_value is None or _valid_iso_date(date_value)
    assert all(_is_country(code) for code in document["countries"])


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda document: document["id"])
def test_doc_level_labels_follow_relevance(document: Document) -> None:
    if not document["relevant"]:
        assert document["incident_type"] == "none"
        assert document["intent_group"] is None
        assert document["countries"] == []
        assert document["incident_date"] is None
        return
    assert document["incident_type"] != "none"
    assert document["intent_group"] in INTENT_GROUPS
    assert document["countries"]
    places = {f["normalized"] for f in document["findings"] if f["label"] == "GPE"}
    assert set(document["countries"]) <= places
    assert any(
        f["label"] == "MATERIAL" and f["normalized"] not in DEVICES for f in document["findings"]
    )


@pytest.mark.parametrize("item", FINDINGS, ids=_finding_id)
def test_finding_span_and_vocabulary(item: tuple[Document, dict[str, Any]]) -> None:
    document, finding = item
    assert list(finding) == FINDING_KEYS
    assert document["text"][finding["start"] : finding["end"]] == finding["text"]
    span = finding["text"]
    assert span == span.strip() and span[0] not in EDGE_PUNCTUATION
    assert span[-1] not in EDGE_PUNCTUATION
    assert not LEADING_DETERMINERS.match(span)
    label, normalized = finding["label"], finding["normalized"]
    assert label in LABELS
    if label == "GPE":
        assert _is_country(normalized)
    elif label == "DATE":
        assert normalized is None or _valid_iso_date(normalized)
    elif label == "MATERIAL":
        assert normalized in MATERIAL_NAMES
    else:
        assert normalized is None
    if label != "MATERIAL":
        assert finding["attributes"] == {}


@pytest.mark.parametrize("item", FINDINGS, ids=_finding_id)
def test_material_attributes(item: tuple[Document, dict[str, Any]]) -> None:
    _, finding = item
    attributes = finding["attributes"]
    assert set(attributes) <= set(ATTRIBUTE_KEYS)
    for key in ("activity_bq", "quantity_g", "enrichment_pct"):
        if key in attributes:
            assert isinstance(attributes[key], int | float) and attributes[key] > 0
    assert attributes.get("enrichment_pct", 0) <= 100
    if "device" in attributes:
        assert attributes["device"] in DEVICES
        assert finding["normalized"] not in DEVICES
    if "enrichment_pct" in attributes and finding["normalized"] in ("LEU", "HEU"):
        assert (attributes["enrichment_pct"] >= 20) == (finding["normalized"] == "HEU")


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda document: document["id"])
def test_findings_are_ordered_and_disjoint(document: Document) -> None:
    spans = [(finding["start"], finding["end"]) for finding in document["findings"]]
    assert spans == sorted(spans)
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(spans))


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda document: document["id"])
def test_every_mention_of_an_annotated_string_is_annotated(document: Document) -> None:
    text, findings = document["text"], document["findings"]
    spans = [(finding["start"], finding["end"]) for finding in findings]
    surfaces = {f["text"] for f in findings if f["normalized"] not in DEVICES}
    for surface in surfaces:
        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            covered = any(s <= match.start() and match.end() <= e for s, e in spans)
            assert covered, f"unannotated {surface!r} at {match.start()}"


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda document: document["id"])
def test_device_findings_only_in_sentences_without_material(document: Document) -> None:
    materials = [f for f in document["findings"] if f["label"] == "MATERIAL"]
    for start, end in _sentence_bounds(document["text"]):
        inside = [f for f in materials if start <= f["start"] < end]
        normalized = {f["normalized"] in DEVICES for f in inside}
        assert normalized != {True, False}, document["text"][start:end]


def test_every_label_and_incident_type_family_is_exercised() -> None:
    labels = {finding["label"] for _, finding in FINDINGS}
    assert labels == set(LABELS)
    kinds = {document["incident_type"] for document in DOCUMENTS if document["relevant"]}
    assert len(kinds) >= 5
    attributes = {key for _, finding in FINDINGS for key in finding["attributes"]}
    assert attributes == set(ATTRIBUTE_KEYS)
