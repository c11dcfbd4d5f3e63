"""The alert-matching gold set (evaluation/alerts/): alerts in YAML, each with a `key`, and
follow-up documents in JSONL, each naming the alert keys it is about (`alerts`, empty for
noise and confusable sources) and whether it reports the source found (`recovery`).
Precision and recall are counted over (document, alert) pairs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from nlp.data_files import read_yaml
from nlp.evaluation.score import GoldFormatError

DOCUMENT_FIELDS = {"id", "text", "published", "alerts"}
ALERT_FIELDS = {"key", "kind", "title"}


@dataclass(frozen=True)
class AlertGold:
    alerts: list[dict[str, Any]]  # AlertCreate fields plus "key"
    documents: list[dict[str, Any]]

    def pairs(self) -> set[tuple[str, str]]:
        return {(str(d["id"]), str(k)) for d in self.documents for k in d["alerts"]}


def load_alert_gold(alerts_file: Path, documents_file: Path) -> AlertGold:
    alerts = _alerts(alerts_file)
    keys = {a["key"] for a in alerts}
    documents = []
    for number, line in enumerate(documents_file.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise GoldFormatError(f"{documents_file}:{number}: not JSON ({error.msg})") from error
        missing = DOCUMENT_FIELDS - set(record)
        unknown = set(record.get("alerts", ())) - keys
        if missing or unknown:
            what = f"missing {sorted(missing)}" if missing else f"unknown alerts {sorted(unknown)}"
            raise GoldFormatError(f"{documents_file}:{number}: {what}")
        record["published"] = date.fromisoformat(record["published"])
        documents.append(record)
    return AlertGold(alerts, documents)


def _alerts(path: Path) -> list[dict[str, Any]]:
    data = read_yaml(path)
    alerts = data.get("alerts") if isinstance(data, dict) else None
    if not isinstance(alerts, list):
        raise GoldFormatError(f"{path}: expected a mapping with a list under 'alerts'")
    for number, alert in enumerate(alerts, 1):
        missing = ALERT_FIELDS - set(alert) if isinstance(alert, dict) else ALERT_FIELDS
        if missing:
            raise GoldFormatError(f"{path}: alert {number} misses {sorted(missing)}")
    return alerts


def precision_recall(
    gold: set[tuple[str, str]], predicted: set[tuple[str, str]]
) -> dict[str, float | int]:
    tp = len(gold & predicted)
    precision = tp / len(predicted) if predicted else 1.0
    recall = tp / len(gold) if gold else 1.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "tp": tp,
        "fp": len(predicted - gold),
        "fn": len(gold - predicted),
    }
