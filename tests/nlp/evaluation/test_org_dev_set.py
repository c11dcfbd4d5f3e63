"""The English organisation development set (org-dev.jsonl): well-formed and reproducible."""

from __future__ import annotations

from typing import Any

import pytest

from evaluation.build import ORG_DEV_PATH, build_lines, org_dev_sources
from tests.nlp.evaluation import gold_checks as check
from tests.nlp.evaluation.gold_checks import Document

DOCUMENTS = check.load(ORG_DEV_PATH)
BY_ID: dict[str, Any] = {"ids": lambda document: document["id"]}


def test_file_is_reproduced_byte_for_byte_by_the_builder() -> None:
    assert ORG_DEV_PATH.read_text(encoding="utf-8") == build_lines(org_dev_sources())


def test_english_documents_rich_in_organisations() -> None:
    assert len(DOCUMENTS) >= 25
    assert {document["language"] for document in DOCUMENTS} == {"en"}
    orgs = [f for d in DOCUMENTS for f in d["findings"] if f["label"] == "ORG"]
    assert len(orgs) >= 5 * len(DOCUMENTS)


@pytest.mark.parametrize("document", DOCUMENTS, **BY_ID)
def test_document_is_well_formed(document: Document) -> None:
    check.check_document_shape(document, "orgdev", (40, 250))
    check.check_doc_level_labels(document)
    check.check_findings_ordered_and_disjoint(document)
    check.check_every_mention_annotated(document)
    check.check_devices_only_in_sentences_without_material(document)
    for finding in document["findings"]:
        check.check_finding_span_and_vocabulary(document, finding)
        if finding["label"] == "MATERIAL":
            check.check_material_attributes(finding)
