"""The gold evaluation set: well-formed, consistent with its vocabularies, reproducible."""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from datetime import date
from typing import Any

import pycountry
import pytest

from nlp.evaluation.build_gold import (
    ATTRIBUTE_KEYS,
    DEVICES,
    GOLD_PATH,
    INCIDENT_TYPES,
    INTENT_GROUPS,
    LABELS,
    LANGUAGES,
    MATERIAL_NAMES,
    GoldMarkupError,
    build_lines,
    parse_markup,
)
from storage.models.enums import IncidentType, IntentGroup

Document = dict[str, Any]

KEYS = [
    "id", "language", "text", "relevant", "incident_type", "intent_group", "countries",
    "incident_date", "findings",
]  # fmt: skip
FINDING_KEYS = ["label", "text", "start", "end", "normalized", "attributes"]
LANGUAGE_SHARE = {"en": (0.45, 0.55), "fr": (0.14, 0.20), "es": (0.14, 0.20), "ar": (0.13, 0.19)}
LEADING_DETERMINERS = re.compile(r"^(the|a|an|le|la|les|un|une|des|el|los|las|una)\s|^[ld]'")
EDGE_PUNCTUATION = ".,;:!?()[]«»\"'“”،؛"
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SENTENCE_END = re.compile(r"[.!?؟]['\"”»)]*(?=\s|$)|\n")


def _load() -> list[Document]:
    with GOLD_PATH.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


DOCUMENTS = _load()
FINDINGS = [(document, finding) for document in DOCUMENTS for finding in document["findings"]]


def _finding_id(item: tuple[Document, dict[str, Any]]) -> str:
    document, finding = item
    return f"{document['id']}:{finding['start']}"


def _valid_iso_date(value: str) -> bool:
    if not ISO_DATE.match(value):
        return False
    parts = [int(part) for part in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def _is_country(code: str) -> bool:
    return pycountry.countries.get(alpha_2=code) is not None


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in SENTENCE_END.finditer(text):
        bounds.append((start, match.end()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def test_file_is_reproduced_byte_for_byte_by_the_builder() -> None:
    assert GOLD_PATH.read_text(encoding="utf-8") == build_lines()


def test_size_ids_and_texts_are_unique() -> None:
    assert len(DOCUMENTS) >= 80
    ids = [document["id"] for document in DOCUMENTS]
    assert len(set(ids)) == len(ids)
    texts = [document["text"] for document in DOCUMENTS]
    assert len(set(texts)) == len(texts)


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda document: document["id"])
def test_document_shape(document: Document) -> None:
    assert list(document) == KEYS
    assert re.fullmatch(rf"gold-{document['language']}-\d{{3}}", document["id"])
    assert document["language"] in LANGUAGES
    assert 60 <= len(document["text"].split()) <= 250
    assert "[[" not in document["text"] and "]]" not in document["text"]
    assert document["incident_type"] in INCIDENT_TYPES
    date_value = document["incident_date"]
    assert date_value is None or _valid_iso_date(date_value)
    assert all(_is_country(code) for code in document["countries"])


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


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda document: document["id"])
def test_doc_level_labels_follow_relevance(document: Document) -> None:
    if not document["relevant"]:
        assert document["incident_type"] == "none"
        assert document["intent_group"] is None
        assert document["countries"] == []
        return
    assert document["incident_type"] != "none"
    assert document["intent_group"] in INTENT_GROUPS
    assert document["countries"]
    places = {f["normalized"] for f in document["findings"] if f["label"] == "GPE"}
    assert set(document["countries"]) <= places
    assert any(
        f["label"] == "MATERIAL" and f["normalized"] not in DEVICES for f in document["findings"]
    )


def test_vocabularies_match_the_data_model() -> None:
    assert set(INCIDENT_TYPES) == {member.value for member in IncidentType}
    assert set(INTENT_GROUPS) == {member.value for member in IntentGroup}


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
    """A string annotated once is covered by a finding wherever else it occurs (devices aside:
    they are findings only in sentences without a material)."""
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
