"""Checks every annotated evaluation set must pass (gold and held-out), shared by their tests."""

from __future__ import annotations

import itertools
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pycountry

from evaluation.build import (
    ATTRIBUTE_KEYS,
    DEVICES,
    LANGUAGES,
    MATERIAL_NAMES,
)
from nlp.vocabulary import IncidentType, IntentGroup, Label

Document = dict[str, Any]
Finding = dict[str, Any]

KEYS = [
    "id", "language", "text", "relevant", "incident_type", "intent_group", "countries",
    "incident_date", "findings",
]  # fmt: skip
FINDING_KEYS = ["label", "text", "start", "end", "normalized", "attributes"]
LEADING_DETERMINERS = re.compile(r"^(the|a|an|le|la|les|un|une|des|el|los|las|una)\s|^[ld]'")
EDGE_PUNCTUATION = ".,;:!?()[]«»\"'“”،؛"
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SENTENCE_END = re.compile(r"[.!?؟]['\"”»)]*(?=\s|$)|\n")


NAME_LABELS = ("PERSON", "ORG", "FAC")


def names(documents: list[Document]) -> set[str]:
    """The people, organisations and facilities annotated in `documents`."""
    return {
        finding["text"]
        for document in documents
        for finding in document["findings"]
        if finding["label"] in NAME_LABELS
    }


def occurs(surface: str, texts: list[str]) -> bool:
    """`surface` stands as a whole word sequence in one of `texts`."""
    pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")
    return any(pattern.search(text) for text in texts)


def load(path: Path) -> list[Document]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def finding_id(item: tuple[Document, Finding]) -> str:
    document, finding = item
    return f"{document['id']}:{finding['start']}"


def valid_iso_date(value: str) -> bool:
    if not ISO_DATE.match(value):
        return False
    parts = [int(part) for part in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def is_country(code: str) -> bool:
    return pycountry.countries.get(alpha_2=code) is not None


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for match in SENTENCE_END.finditer(text):
        bounds.append((start, match.end()))
        start = match.end()
    bounds.append((start, len(text)))
    return bounds


def check_document_shape(document: Document, id_prefix: str, words: tuple[int, int]) -> None:
    assert list(document) == KEYS
    assert re.fullmatch(rf"{id_prefix}-{document['language']}-\d{{3}}", document["id"])
    assert document["language"] in LANGUAGES
    assert words[0] <= len(document["text"].split()) <= words[1]
    assert "[[" not in document["text"] and "]]" not in document["text"]
    assert document["incident_type"] in set(IncidentType)
    date_value = document["incident_date"]
    assert date_value is None or valid_iso_date(date_value)
    assert all(is_country(code) for code in document["countries"])


def check_doc_level_labels(document: Document) -> None:
    if not document["relevant"]:
        assert document["incident_type"] == "none"
        assert document["intent_group"] is None
        assert document["countries"] == []
        return
    assert document["incident_type"] != "none"
    assert document["intent_group"] in set(IntentGroup)
    assert document["countries"]
    places = {f["normalized"] for f in document["findings"] if f["label"] == "GPE"}
    assert set(document["countries"]) <= places
    assert any(
        f["label"] == "MATERIAL" and f["normalized"] not in DEVICES for f in document["findings"]
    )


def check_finding_span_and_vocabulary(document: Document, finding: Finding) -> None:
    assert list(finding) == FINDING_KEYS
    assert document["text"][finding["start"] : finding["end"]] == finding["text"]
    span = finding["text"]
    assert span == span.strip() and span[0] not in EDGE_PUNCTUATION
    assert span[-1] not in EDGE_PUNCTUATION
    assert not LEADING_DETERMINERS.match(span)
    label, normalized = finding["label"], finding["normalized"]
    assert label in set(Label)
    if label == "GPE":
        assert is_country(normalized)
    elif label == "DATE":
        assert normalized is None or valid_iso_date(normalized)
    elif label == "MATERIAL":
        assert normalized in MATERIAL_NAMES
    else:
        assert normalized is None
    if label != "MATERIAL":
        assert finding["attributes"] == {}


def check_material_attributes(finding: Finding) -> None:
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


def check_findings_ordered_and_disjoint(document: Document) -> None:
    spans = [(finding["start"], finding["end"]) for finding in document["findings"]]
    assert spans == sorted(spans)
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(spans))


def check_every_mention_annotated(document: Document) -> None:
    """A string annotated once is covered by a finding wherever else it occurs (devices aside:
    they are findings only in sentences without a material)."""
    text, findings = document["text"], document["findings"]
    spans = [(finding["start"], finding["end"]) for finding in findings]
    surfaces = {f["text"] for f in findings if f["normalized"] not in DEVICES}
    for surface in surfaces:
        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            covered = any(s <= match.start() and match.end() <= e for s, e in spans)
            assert covered, f"unannotated {surface!r} at {match.start()}"


def check_devices_only_in_sentences_without_material(document: Document) -> None:
    materials = [f for f in document["findings"] if f["label"] == "MATERIAL"]
    for start, end in sentence_bounds(document["text"]):
        inside = [f for f in materials if start <= f["start"] < end]
        normalized = {f["normalized"] in DEVICES for f in inside}
        assert normalized != {True, False}, document["text"][start:end]
