"""The scorer itself, on hand-made predictions."""

from __future__ import annotations

from typing import Any

from nlp.evaluation.score import evaluate


def _finding(label: str, start: int, end: int, normalized: str | None = None,
             **attributes: Any) -> dict[str, Any]:  # fmt: skip
    return {"label": label, "text": "x" * (end - start), "start": start, "end": end,
            "normalized": normalized, "attributes": attributes}  # fmt: skip


def test_exact_lenient_and_attributes() -> None:
    gold = [{
        "id": "1", "language": "en", "text": "", "relevant": True, "incident_type": "theft",
        "countries": ["FR"], "incident_date": "2024-03",
        "findings": [_finding("MATERIAL", 0, 6, "Cs-137", activity_bq=100.0),
                     _finding("GPE", 10, 14, "FR")],
    }]  # fmt: skip
    predicted = {"1": {
        "relevant": True, "incident_type": "loss", "countries": ["FR", "DE"],
        "incident_date": "2024-03",
        "findings": [_finding("MATERIAL", 0, 6, "Cs-137", activity_bq=100.5),
                     _finding("GPE", 9, 14, "FR"), _finding("PERSON", 20, 25)],
    }}  # fmt: skip
    report = evaluate(gold, predicted)["overall"]
    assert report["entities_exact"]["MATERIAL"]["f1"] == 1.0
    assert (
        report["entities_exact"]["GPE"]["tp"] == 0 and report["entities_lenient"]["GPE"]["tp"] == 1
    )
    assert report["entities_exact"]["PERSON"]["fp"] == 1
    assert report["attributes"]["activity_bq"]["accuracy"] == 1.0
    assert report["incident_type"]["accuracy"] == 0.0
    assert report["countries"]["precision"] == 0.5 and report["incident_date"]["accuracy"] == 1.0
