"""`radintel evaluate-links`: run the extraction pipeline over a linked-incident gold file
(JSONL, one {id, cluster, language, title, published, text} per line), link the
documents with nlp.linking and score the clustering against the gold clusters."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from nlp.evaluation.links import bcubed, pairwise
from nlp.evaluation.score import GoldFormatError
from nlp.linking import link_documents
from nlp.linking.evidence import DocumentEvidence, LinkDocument, evidence_from
from nlp.pipeline import Extractor
from nlp.types import ExtractionResult, InputDocument

REQUIRED = ("id", "cluster", "language", "title", "published", "text")


def load_link_gold(path: Path) -> list[dict[str, Any]]:
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldFormatError(f"line {number}: not JSON ({error.msg})") from error
        if not isinstance(record, dict):
            raise GoldFormatError(f"line {number}: not a JSON object")
        missing = [key for key in REQUIRED if key not in record]
        if missing:
            raise GoldFormatError(f"line {number}: missing {', '.join(missing)}")
        try:
            date.fromisoformat(str(record["published"]))
        except ValueError as error:
            raise GoldFormatError(f"line {number}: 'published' is not an ISO date") from error
        records.append(record)
    return records


def extract_evidence(
    records: Sequence[dict[str, Any]], extractor: Extractor, batch_size: int
) -> list[DocumentEvidence]:
    evidences: list[DocumentEvidence] = []
    for begin in range(0, len(records), batch_size):
        batch = records[begin : begin + batch_size]
        documents = [InputDocument(str(r["id"]), r["text"], r["language"]) for r in batch]
        published = {str(r["id"]): date.fromisoformat(r["published"]) for r in batch}
        results = extractor.extract_batch(documents, reference_dates=published)
        for record, result in zip(batch, results, strict=True):
            evidences.append(_evidence(record, result, published[result.id]))
    return evidences


def _evidence(
    record: dict[str, Any], result: ExtractionResult, published: date
) -> DocumentEvidence:
    assessment = result.assessment
    document = LinkDocument(
        id=result.id,
        text=record["text"],
        language=result.language,
        title=record["title"],
        published=published,
        incident_date=assessment.incident_date,
        incident_type=str(assessment.incident_type),
        countries=tuple(assessment.countries),
        embedding=tuple(result.embedding) if result.embedding else None,
    )
    return evidence_from(document, result.findings)


def evaluate_links(
    records: Sequence[dict[str, Any]], evidences: Sequence[DocumentEvidence]
) -> dict[str, Any]:
    linking = link_documents(evidences)
    gold = {str(r["id"]): str(r["cluster"]) for r in records}
    predicted = {
        evidences[i].document_id: f"p{number}"
        for number, members in enumerate(linking.clusters)
        for i in members
    }
    return {
        "documents": len(records),
        "gold_clusters": len(set(gold.values())),
        "predicted_clusters": len(linking.clusters),
        "candidate_pairs": linking.candidates,
        "story_groups": sum(1 for s in linking.stories if len(s) > 1),
        "pairwise": asdict(pairwise(gold, predicted)),
        "bcubed": asdict(bcubed(gold, predicted)),
        "errors": _errors(gold, predicted),
    }


def _errors(gold: dict[str, str], predicted: dict[str, str]) -> dict[str, list[list[str]]]:
    """False links and missed links, as document id pairs, for tuning and the report."""
    ids = sorted(gold)
    false_links, missed = [], []
    for k, left in enumerate(ids):
        for right in ids[k + 1 :]:
            same_gold, same_predicted = (
                gold[left] == gold[right],
                predicted[left] == predicted[right],
            )
            if same_predicted and not same_gold:
                false_links.append([left, right])
            elif same_gold and not same_predicted:
                missed.append([left, right])
    return {"false_links": false_links, "missed_links": missed}


def format_report(report: dict[str, Any]) -> str:
    lines = [
        f"documents {report['documents']}, gold clusters {report['gold_clusters']}, "
        f"predicted clusters {report['predicted_clusters']}, "
        f"candidate pairs {report['candidate_pairs']}, story groups {report['story_groups']}",
    ]
    for name in ("pairwise", "bcubed"):
        figures = report[name]
        lines.append(
            f"{name:9} precision {figures['precision']:.3f}  recall {figures['recall']:.3f}"
            f"  F1 {figures['f1']:.3f}"
        )
    errors = report["errors"]
    lines.append(
        f"false links {len(errors['false_links'])}, missed links {len(errors['missed_links'])}"
    )
    lines.extend(f"  false: {a} ~ {b}" for a, b in errors["false_links"])
    lines.extend(f"  missed: {a} ~ {b}" for a, b in errors["missed_links"])
    return "\n".join(lines)
