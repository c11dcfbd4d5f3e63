"""Scores extraction records against a gold file (JSONL, one document per line).

Entities: precision/recall/F1 per label on exact spans, and a lenient figure where any
overlap with the same label counts. Materials: normalisation accuracy on matched spans and
P/R/F1 on (label, normalized) pairs. Attributes: activity_bq, quantity_g, enrichment_pct
(within 1 %) and device (equal). Documents: relevance accuracy and P/R/F1, incident-type
accuracy (overall and per gold type), country and date agreement; everything again per language.
A gold document may list `annotated_labels` (the real-text excerpts mark up MATERIAL only): labels
outside that list are not scored for it, so unannotated names do not count as false positives."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nlp.vocabulary import IncidentType, Label

NUMERIC_ATTRIBUTES = ("activity_bq", "quantity_g", "enrichment_pct")
ATTRIBUTES = (*NUMERIC_ATTRIBUTES, "device")
RELATIVE_TOLERANCE = 0.01
Record = Mapping[str, Any]


class GoldFormatError(ValueError):
    """A gold line is not a document in the expected format."""


def load_gold(path: Path) -> list[dict[str, Any]]:
    documents = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldFormatError(f"line {number}: not JSON ({error.msg})") from error
        missing = {"id", "text", "relevant", "findings"} - set(record)
        if missing:
            raise GoldFormatError(f"line {number}: missing {', '.join(sorted(missing))}")
        documents.append(record)
    return documents


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def figures(self) -> dict[str, float | int]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 4),
            "recall": round(recall, 4),
            "f1": round(f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Ratio:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    def figures(self) -> dict[str, float | int]:
        return {
            "accuracy": round(self.right / self.total, 4) if self.total else 0.0,
            "right": self.right,
            "total": self.total,
        }


@dataclass
class Tally:
    exact: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    lenient: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    normalized_pairs: Counts = field(default_factory=Counts)
    material_normalisation: Ratio = field(default_factory=Ratio)
    attributes: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    relevance: Counts = field(default_factory=Counts)
    relevance_accuracy: Ratio = field(default_factory=Ratio)
    incident_type: Ratio = field(default_factory=Ratio)
    incident_type_by_gold: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    incident_type_when_relevant: Ratio = field(default_factory=Ratio)
    countries: Counts = field(default_factory=Counts)
    incident_date: Ratio = field(default_factory=Ratio)


def evaluate(gold: Sequence[Record], predicted: Mapping[str, Record]) -> dict[str, Any]:
    """Report of the scores overall and per language; `predicted` maps id -> record."""
    overall = Tally()
    per_language: dict[str, Tally] = defaultdict(Tally)
    for document in gold:
        record = predicted.get(str(document["id"]), {"findings": [], "relevant": False})
        language = str(document.get("language") or "und")
        for tally in (overall, per_language[language]):
            _score_document(tally, document, record)
    return {
        "documents": len(gold),
        "overall": _report(overall),
        "languages": {lang: _report(t) for lang, t in sorted(per_language.items())},
    }


def _score_document(tally: Tally, gold: Record, predicted: Record) -> None:
    annotated = set(gold.get("annotated_labels") or Label)
    gold_findings = [f for f in gold["findings"] if f["label"] in annotated]
    found = [f for f in predicted.get("findings", []) if f["label"] in annotated]
    for label in annotated:
        g = [f for f in gold_findings if f["label"] == label]
        p = [f for f in found if f["label"] == label]
        tally.exact[label].add(_match_counts(g, p, _same_span))
        tally.lenient[label].add(_match_counts(g, p, _overlap))
    tally.normalized_pairs.add(_set_counts(_pairs(gold_findings), _pairs(found)))
    _score_materials(tally, gold_findings, found)
    relevant = bool(predicted.get("relevant"))
    tally.relevance.add(
        Counts(
            int(gold["relevant"] and relevant),
            int(relevant and not gold["relevant"]),
            int(gold["relevant"] and not relevant),
        )
    )
    tally.relevance_accuracy.add(relevant == bool(gold["relevant"]))
    gold_type = gold.get("incident_type", IncidentType.NONE)
    type_right = predicted.get("incident_type", IncidentType.NONE) == gold_type
    tally.incident_type.add(type_right)
    tally.incident_type_by_gold[gold_type].add(type_right)
    if gold["relevant"] and relevant:  # the type decision on its own, relevance aside
        tally.incident_type_when_relevant.add(type_right)
    if gold["relevant"]:
        tally.countries.add(
            _set_counts(set(gold.get("countries") or []), set(predicted.get("countries") or []))
        )
        tally.incident_date.add(predicted.get("incident_date") == gold.get("incident_date"))


def _score_materials(tally: Tally, gold: Sequence[Record], found: Sequence[Record]) -> None:
    predicted = [f for f in found if f["label"] == Label.MATERIAL]
    for g in (f for f in gold if f["label"] == Label.MATERIAL):
        match = next((p for p in predicted if _overlap(g, p)), None)
        if match is None:
            continue
        tally.material_normalisation.add(match.get("normalized") == g.get("normalized"))
        attributes = match.get("attributes") or {}
        for key, expected in (g.get("attributes") or {}).items():
            if key in ATTRIBUTES:
                tally.attributes[key].add(_attribute_equal(key, expected, attributes.get(key)))


def _attribute_equal(key: str, expected: Any, actual: Any) -> bool:
    if key not in NUMERIC_ATTRIBUTES or expected is None or actual is None:
        return bool(expected == actual)
    return abs(float(actual) - float(expected)) <= RELATIVE_TOLERANCE * abs(float(expected))


def _same_span(g: Record, p: Record) -> bool:
    return bool(g["start"] == p["start"] and g["end"] == p["end"])


def _overlap(g: Record, p: Record) -> bool:
    return bool(g["start"] < p["end"] and p["start"] < g["end"])


def _match_counts(gold: Sequence[Record], found: Sequence[Record], same: Any) -> Counts:
    unused = list(found)
    tp = 0
    for g in gold:
        hit = next((p for p in unused if same(g, p)), None)
        if hit is not None:
            unused.remove(hit)
            tp += 1
    return Counts(tp, len(found) - tp, len(gold) - tp)


def _pairs(findings: Iterable[Record]) -> set[tuple[str, str]]:
    return {
        (f["label"], str(f["normalized"]))
        for f in findings
        if f["label"] == Label.MATERIAL and f.get("normalized")
    }


def _set_counts(gold: set[Any], found: set[Any]) -> Counts:
    return Counts(len(gold & found), len(found - gold), len(gold - found))


def _report(tally: Tally) -> dict[str, Any]:
    return {
        "entities_exact": {label: tally.exact[label].figures() for label in Label},
        "entities_lenient": {label: tally.lenient[label].figures() for label in Label},
        "material_normalisation": tally.material_normalisation.figures(),
        "material_pairs": tally.normalized_pairs.figures(),
        "attributes": {key: tally.attributes[key].figures() for key in ATTRIBUTES},
        "relevance": {**tally.relevance.figures(), **tally.relevance_accuracy.figures()},
        "incident_type": tally.incident_type.figures(),
        "incident_type_when_relevant": tally.incident_type_when_relevant.figures(),
        "incident_type_by_gold": {
            kind: ratio.figures() for kind, ratio in sorted(tally.incident_type_by_gold.items())
        },
        "countries": tally.countries.figures(),
        "incident_date": tally.incident_date.figures(),
    }


def format_report(report: Mapping[str, Any]) -> str:
    lines = [f"documents: {report['documents']}", ""]
    lines += _format_block("overall", report["overall"])
    for language, block in report["languages"].items():
        lines += _format_block(f"language {language}", block)
    return "\n".join(lines)


def _format_block(title: str, block: Mapping[str, Any]) -> list[str]:
    lines = [
        f"== {title} ==",
        f"{'label':<10}{'P':>7}{'R':>7}{'F1':>7}{'  lenient F1':>13}{'gold':>6}",
    ]
    for label in Label:
        exact, lenient = block["entities_exact"][label], block["entities_lenient"][label]
        gold = exact["tp"] + exact["fn"]
        lines.append(
            f"{label:<10}{exact['precision']:>7.3f}{exact['recall']:>7.3f}"
            f"{exact['f1']:>7.3f}{lenient['f1']:>13.3f}{gold:>6}"
        )
    pairs, norm = block["material_pairs"], block["material_normalisation"]
    lines.append(
        f"material normalisation accuracy {_ratio(norm)}; (label, normalized) {_prf(pairs)}"
    )
    for key, ratio in block["attributes"].items():
        lines.append(f"attribute {key:<15} accuracy {_ratio(ratio)}")
    lines.append(f"relevance accuracy {_ratio(block['relevance'])}; {_prf(block['relevance'])}")
    lines.append(f"incident type accuracy {_ratio(block['incident_type'])}")
    lines.append(
        "incident type accuracy where gold and prediction are both relevant "
        + _ratio(block["incident_type_when_relevant"])
    )
    for kind, ratio in block["incident_type_by_gold"].items():
        lines.append(f"  gold type {kind:<26} {_ratio(ratio)}")
    lines.append(f"countries (relevant docs) {_prf(block['countries'])}")
    lines.append(f"incident date accuracy (relevant docs) {_ratio(block['incident_date'])}")
    lines.append("")
    return lines


def _ratio(figures: Mapping[str, Any]) -> str:
    return f"{figures['accuracy']:.3f} ({figures['right']}/{figures['total']})"


def _prf(figures: Mapping[str, Any]) -> str:
    return f"P {figures['precision']:.3f} R {figures['recall']:.3f} F1 {figures['f1']:.3f}"
