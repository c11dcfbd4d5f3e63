"""A document's evidence for matching: what linking extracts (nlp.linking.evidence), plus the
material rules run on the text when extraction stored no material at all. The pipeline only
runs those rules on documents its triage passes, and triage does not read every language
matching must ("иридий-192 ... 341 GBq" in a Russian report)."""

from __future__ import annotations

from collections.abc import Sequence

from nlp.linking.evidence import DocumentEvidence, FindingLike, LinkDocument, evidence_from
from nlp.materials import extract_materials
from nlp.vocabulary import Label


def match_evidence(document: LinkDocument, findings: Sequence[FindingLike]) -> DocumentEvidence:
    if not any(f.label == Label.MATERIAL for f in findings):
        findings = [*findings, *extract_materials(document.text, document.language or None)]
    return evidence_from(document, findings)
